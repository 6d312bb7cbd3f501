"""Registration of the 劳务协作 channel's record types: pages, import/export, API, history, search, menu."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, register

from .filtersets import EmploymentFilterSet, JobFairFilterSet, TraineeFilterSet, TrainingClassFilterSet
from .forms import EmploymentForm, JobFairForm, TraineeForm, TrainingClassForm
from .models import Employment, JobFair, Trainee, TrainingClass
from .serializers import EmploymentSerializer, JobFairSerializer, TraineeSerializer, TrainingClassSerializer
from .tables import EmploymentTable, JobFairTable, TraineeTable, TrainingClassTable

# The menu group: every record type of the channel is listed under it.
GROUP = _("劳务协作")
PERSON_ALIASES = {"id_number": ["身份证号码", "公民身份号码", "证件号码"]}

register(RecordType(
    model=TrainingClass, filterset=TrainingClassFilterSet, form=TrainingClassForm, table=TrainingClassTable,
    serializer=TrainingClassSerializer, import_key=("name", "start"), menu_group=GROUP, icon="bi-mortarboard",
))
# Rows naming a person are keyed by the person (ID number) and the class or start date: a list sent again
# updates its rows, and the model refuses (set-wise, `import_checks`) the same person twice on a roster and an
# employment that overlaps another of the same person, in the file and against the database.
register(RecordType(
    model=Trainee, filterset=TraineeFilterSet, form=TraineeForm, table=TraineeTable, serializer=TraineeSerializer,
    import_fields=("training_class", "id_number", "name", "completion", "certificate", "synthetic",
                   "source_document"), import_key=("training_class", "id_number"),
    column_aliases=PERSON_ALIASES, menu_group=GROUP, icon="bi-people",
))
register(RecordType(
    model=JobFair, filterset=JobFairFilterSet, form=JobFairForm, table=JobFairTable, serializer=JobFairSerializer,
    import_key=("name", "held_on"), menu_group=GROUP, icon="bi-megaphone",
))
register(RecordType(
    model=Employment, filterset=EmploymentFilterSet, form=EmploymentForm, table=EmploymentTable,
    serializer=EmploymentSerializer,
    import_fields=("id_number", "name", "region", "employer", "employer_name", "workplace", "how", "start", "end",
                   "part_time", "months_stable", "transport_subsidy", "stability_subsidy", "note", "synthetic",
                   "source_document"), import_key=("id_number", "start"),
    column_aliases=PERSON_ALIASES, menu_group=GROUP, icon="bi-briefcase",
))
