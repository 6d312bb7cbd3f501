"""Registration of the 人才交流 channel's record types: pages, import/export, API, history, search, menu."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, register

from .filtersets import (
    CadreTraineeFilterSet,
    CadreTrainingFilterSet,
    DispatchFilterSet,
    SecondmentFilterSet,
    TeamFilterSet,
    TeamMemberFilterSet,
    TeamOutputFilterSet,
)
from .forms import (
    CadreTraineeForm,
    CadreTrainingForm,
    DispatchForm,
    SecondmentForm,
    TeamForm,
    TeamMemberForm,
    TeamOutputForm,
)
from .models import CadreTrainee, CadreTraining, Dispatch, Secondment, Team, TeamMember, TeamOutput
from .serializers import (
    CadreTraineeSerializer,
    CadreTrainingSerializer,
    DispatchSerializer,
    SecondmentSerializer,
    TeamMemberSerializer,
    TeamOutputSerializer,
    TeamSerializer,
)
from .tables import (
    CadreTraineeTable,
    CadreTrainingTable,
    DispatchTable,
    SecondmentTable,
    TeamMemberTable,
    TeamOutputTable,
    TeamTable,
)

GROUP = _("人才交流")
ALIASES = {"id_number": ["身份证号码", "公民身份号码", "证件号码"]}
STAY = ("home_unit", "home_unit_name", "host_region", "host_unit_name")
DATES = ("start", "planned_end", "actual_end", "note", "synthetic", "source_document")

# No import key of their own: a second stay of the same person over the same dates is refused by the model.
register(RecordType(
    model=Secondment, filterset=SecondmentFilterSet, form=SecondmentForm, table=SecondmentTable,
    serializer=SecondmentSerializer, column_aliases=ALIASES, menu_group=GROUP, icon="bi-person-badge",
    import_fields=("id_number", "name", "direction", *STAY, "post", *DATES),
))
register(RecordType(
    model=Dispatch, filterset=DispatchFilterSet, form=DispatchForm, table=DispatchTable,
    serializer=DispatchSerializer, column_aliases=ALIASES, menu_group=GROUP, icon="bi-heart-pulse",
    import_fields=("id_number", "name", "speciality", *STAY, *DATES),
))
register(RecordType(
    model=Team, filterset=TeamFilterSet, form=TeamForm, table=TeamTable, serializer=TeamSerializer,
    import_key=("name", "start"), menu_group=GROUP, icon="bi-hospital",
))
register(RecordType(
    model=TeamMember, filterset=TeamMemberFilterSet, form=TeamMemberForm, table=TeamMemberTable,
    serializer=TeamMemberSerializer, column_aliases=ALIASES, menu_group=GROUP, icon="bi-people",
    import_fields=("team", "id_number", "name", "role", "start", "end", "synthetic", "source_document"),
))
register(RecordType(
    model=TeamOutput, filterset=TeamOutputFilterSet, form=TeamOutputForm, table=TeamOutputTable,
    serializer=TeamOutputSerializer, import_key=("team", "kind", "date"), menu_group=GROUP, icon="bi-graph-up",
))
# 两地培训: a class (natural key: name and start) and its roster by ID number (the same person twice on one roster
# is refused by the model and by a database constraint).
register(RecordType(
    model=CadreTraining, filterset=CadreTrainingFilterSet, form=CadreTrainingForm, table=CadreTrainingTable,
    serializer=CadreTrainingSerializer, import_key=("name", "start"), menu_group=GROUP, icon="bi-easel",
))
register(RecordType(
    model=CadreTrainee, filterset=CadreTraineeFilterSet, form=CadreTraineeForm, table=CadreTraineeTable,
    serializer=CadreTraineeSerializer, column_aliases=ALIASES, menu_group=GROUP, icon="bi-person-lines-fill",
    import_fields=("training", "id_number", "name", "unit", "post", "synthetic", "source_document"),
    import_key=("training", "id_number"),
))
