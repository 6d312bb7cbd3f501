"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from xiezuo.core.forms import RecordForm
from xiezuo.core.ledger import LedgerFormMixin
from xiezuo.people.forms import PersonFormMixin

from .models import CadreTrainee, CadreTraining, Dispatch, Secondment, Team, TeamMember, TeamOutput

COMMON = ["name", "home_unit", "home_unit_name", "host_region", "host_unit_name"]
DATES = ["start", "planned_end", "actual_end", "note", "synthetic", "source_document"]


class SecondmentForm(PersonFormMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = Secondment
        fields = [*COMMON[:1], "direction", *COMMON[1:], "post", *DATES]


class DispatchForm(PersonFormMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = Dispatch
        fields = [*COMMON[:1], "speciality", *COMMON[1:], *DATES]


class TeamForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Team
        fields = ["name", "kind", "helper_unit", "helper_unit_name", "host_region", "host_unit_name", "start", "end",
                  "note", "synthetic", "source_document"]


class TeamMemberForm(PersonFormMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = TeamMember
        fields = ["team", "name", "role", "start", "end", "synthetic", "source_document"]


class TeamOutputForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = TeamOutput
        fields = ["team", "kind", "count", "date", "note", "synthetic", "source_document"]


class CadreTrainingForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = CadreTraining
        fields = ["name", "kind", "region", "host", "helper_unit", "helped_region", "start", "end",
                  "counted_participants", "note", "synthetic", "source_document"]


class CadreTraineeForm(PersonFormMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = CadreTrainee
        fields = ["training", "name", "unit", "post", "synthetic", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["training", "id_number"])
