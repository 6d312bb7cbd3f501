from __future__ import annotations

from xiezuo.core.api import RecordSerializer
from xiezuo.core.ledger import TAIL
from xiezuo.people.serializers import PersonSerializerMixin

from .models import CadreTrainee, CadreTraining, Dispatch, Secondment, Team, TeamMember, TeamOutput

STAY = ["id", "person", "id_number", "id_masked", "name", "home_unit", "home_unit_name", "host_region",
        "host_unit_name", "start", "planned_end", "actual_end", "note"]


class SecondmentSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Secondment
        fields = [*STAY, "direction", "post", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person"]


class DispatchSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Dispatch
        fields = [*STAY, "speciality", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person"]


class TeamSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Team
        fields = ["id", "name", "kind", "helper_unit", "helper_unit_name", "host_region", "host_unit_name", "start",
                  "end", "note", *TAIL]


class TeamMemberSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = TeamMember
        fields = ["id", "team", "person", "id_number", "id_masked", "name", "role", "start", "end", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person"]


class TeamOutputSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = TeamOutput
        fields = ["id", "team", "kind", "count", "date", "note", *TAIL]


class CadreTrainingSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = CadreTraining
        fields = ["id", "name", "kind", "region", "host", "helper_unit", "helped_region", "start", "end",
                  "counted_participants", "note", *TAIL]


class CadreTraineeSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = CadreTrainee
        fields = ["id", "training", "person", "id_number", "id_masked", "name", "unit", "post", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person"]
