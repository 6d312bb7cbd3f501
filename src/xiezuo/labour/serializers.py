from __future__ import annotations

from rest_framework import serializers

from xiezuo.core.api import RecordSerializer
from xiezuo.core.ledger import TAIL
from xiezuo.people.serializers import PersonSerializerMixin as BasePersonSerializerMixin

from .models import Employment, JobFair, Trainee, TrainingClass


class PersonSerializerMixin(BasePersonSerializerMixin):
    """`registered` (from a registered poor or monitored household) is computed at read time."""

    registered = serializers.BooleanField(read_only=True)


class TrainingClassSerializer(RecordSerializer):
    programme = serializers.SlugRelatedField(slug_field="name", queryset=TrainingClass._meta.get_field(
        "programme").related_model.objects.all())

    class Meta(RecordSerializer.Meta):
        model = TrainingClass
        fields = ["id", "name", "programme", "region", "host", "place", "start", "end", "planned", "note", *TAIL]


class TraineeSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Trainee
        fields = ["id", "training_class", "person", "id_number", "id_masked", "name", "completion", "certificate",
                  "registered", "needs_review", "review_note", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person", "needs_review", "review_note"]


class JobFairSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = JobFair
        fields = ["id", "name", "region", "employers", "held_on", "positions", "work_place", "wage_min", "wage_max",
                  "applicants", "hired", "note", *TAIL]


class EmploymentSerializer(PersonSerializerMixin, RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Employment
        fields = ["id", "person", "id_number", "id_masked", "name", "region", "employer", "employer_name", "workplace",
                  "how", "start", "end", "part_time", "months_stable", "transport_subsidy", "stability_subsidy",
                  "registered", "needs_review", "review_note", "note", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person", "needs_review", "review_note"]
