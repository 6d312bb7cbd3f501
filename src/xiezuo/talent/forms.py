"""The form is the page, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core import idcard
from xiezuo.core.forms import RecordForm
from xiezuo.core.ledger import LedgerFormMixin

from .models import Dispatch, Secondment, Team, TeamMember, TeamOutput

COMMON = ["name", "home_unit", "home_unit_name", "host_region", "host_unit_name"]
DATES = ["start", "planned_end", "actual_end", "note", "synthetic", "source_document"]


class PersonFormMixin:
    """The person by ID number (GB 11643); on an edit a blank keeps the person."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id_number"] = forms.CharField(
            label=_("身份证号"), max_length=24, required=not self.instance.pk,
            help_text=_("18 位公民身份号码；保存后只显示脱敏号码") if not self.instance.pk
            else _("留空则不变；当前：%(m)s") % {"m": self.instance.id_masked})
        self.order_fields(["id_number"])

    def _post_clean(self):
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
