"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core import idcard
from xiezuo.core.forms import RecordForm
from xiezuo.core.ledger import LedgerFormMixin

from .models import Employment, JobFair, Programme, Trainee, TrainingClass


class IdNumberMixin:
    """The person is named by ID number (GB 11643 check); on an edit a blank keeps the person."""

    def add_id_number(self):
        self.fields["id_number"] = forms.CharField(
            label=_("身份证号"), max_length=24, required=not self.instance.pk,
            help_text=_("18 位公民身份号码；保存后只显示脱敏号码") if not self.instance.pk
            else _("留空则不变；当前：%(m)s") % {"m": self.instance.id_masked})
        order = ["id_number", *[n for n in self.fields if n != "id_number"]]
        self.order_fields(order)

    def _post_clean(self):
        # The model's own checks (overlap, roster, duplicates) need the person the row names.
        if self.cleaned_data.get("id_number"):
            self.instance.id_number = self.cleaned_data["id_number"]
        super()._post_clean()

    def clean_id_number(self):
        raw = self.cleaned_data.get("id_number")
        if not raw:
            return ""
        try:
            return idcard.validate(raw)
        except idcard.InvalidIdNumber as exc:
            raise forms.ValidationError(str(exc)) from None


class TrainingClassForm(LedgerFormMixin, RecordForm):
    programme = forms.ModelChoiceField(Programme.objects.all(), to_field_name="name", label=_("培训工程"))

    class Meta:
        model = TrainingClass
        fields = ["name", "programme", "region", "host", "place", "start", "end", "planned", "note", "synthetic",
                  "source_document"]


class TraineeForm(IdNumberMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = Trainee
        fields = ["training_class", "name", "completion", "certificate", "synthetic", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_id_number()
        self.order_fields(["training_class", "id_number"])


class JobFairForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = JobFair
        fields = ["name", "region", "employers", "held_on", "positions", "work_place", "wage_min", "wage_max",
                  "applicants", "hired", "note", "synthetic", "source_document"]


class EmploymentForm(IdNumberMixin, LedgerFormMixin, RecordForm):
    class Meta:
        model = Employment
        fields = ["name", "region", "employer", "employer_name", "workplace", "how", "start", "end", "part_time",
                  "months_stable", "transport_subsidy", "stability_subsidy", "note", "synthetic", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_id_number()

    def clean(self):
        data = super().clean()
        number, start = data.get("id_number"), data.get("start")
        if number and start and Employment._base_manager.filter(
                person__id_number=number, start=start).exclude(pk=self.instance.pk).exists():
            self.add_error("id_number", _("系统中已有此人同一开始日期的就业记录。"))
        return data
