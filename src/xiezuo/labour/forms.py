"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core.forms import RecordForm
from xiezuo.core.ledger import LedgerFormMixin
from xiezuo.people.forms import PersonFormMixin

from .models import Employment, JobFair, Programme, Trainee, TrainingClass


class TrainingClassForm(LedgerFormMixin, RecordForm):
    programme = forms.ModelChoiceField(Programme.objects.all(), to_field_name="name", label=_("培训工程"))

    class Meta:
        model = TrainingClass
        fields = ["name", "programme", "region", "host", "place", "start", "end", "planned", "note", "synthetic",
                  "source_document"]


class TraineeForm(PersonFormMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = Trainee
        fields = ["training_class", "name", "completion", "certificate", "synthetic", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["training_class", "id_number"])


class JobFairForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = JobFair
        fields = ["name", "region", "employers", "held_on", "positions", "work_place", "wage_min", "wage_max",
                  "applicants", "hired", "note", "synthetic", "source_document"]


class EmploymentForm(PersonFormMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = Employment
        fields = ["name", "region", "employer", "employer_name", "workplace", "how", "start", "end", "part_time",
                  "months_stable", "transport_subsidy", "stability_subsidy", "note", "synthetic", "source_document"]

    def clean(self):
        data = super().clean()
        number, start = data.get("id_number"), data.get("start")
        if number and start and Employment._base_manager.filter(
                person__id_number=number, start=start).exclude(pk=self.instance.pk).exists():
            self.add_error("id_number", _("系统中已有此人同一开始日期的就业记录。"))
        return data
