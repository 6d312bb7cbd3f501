"""Forms of the registry's record types (pages, and the API through the serializers)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core import idcard
from xiezuo.core.forms import RecordForm

from .models import (
    ELSEWHERE,
    ExitProposal,
    Gap,
    Household,
    Member,
    MonitoringCase,
    PovertyLine,
    Screening,
    ScreeningRound,
)


class HouseholdNumberField(forms.ModelChoiceField):
    """A household typed by its number: a select box of half a million households would not do."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {})["invalid_choice"] = _("未找到户编号（或不在您的管辖范围内）。")
        super().__init__(Household.objects.all(), to_field_name="number", **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return Household.objects.filter(pk=value).values_list("number", flat=True).first()
        return getattr(value, "number", value)

    def to_python(self, value):
        if isinstance(value, int):  # a bound instance's initial value (its key), as a disabled field cleans it
            value = self.prepare_value(value)
        return super().to_python(value)


class HouseholdForm(RecordForm):
    class Meta:
        model = Household
        fields = ["number", "village", "attribute", "main_cause", "other_causes", "income_wage", "income_business",
                  "income_transfer", "income_property", "costs", "housing_area", "housing_structure",
                  "housing_grade", "water_safe", "helper_name", "helper_phone", "year_identified", "year_exited",
                  "monitoring", "monitoring_since", "synthetic", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shown, not typed: a household becomes monitored by the county approval of a monitoring case.
        for name in ("monitoring", "monitoring_since"):
            self.fields[name].disabled = True
            self.fields[name].help_text = _("由防返贫监测程序的县级审定设置")


class MemberForm(RecordForm):
    household = HouseholdNumberField(label=_("所在户（户编号）"))
    id_number = forms.CharField(label=_("身份证号"), max_length=24, required=True,
                                help_text=_("18 位公民身份号码；保存后只显示脱敏号码"))
    id_masked = forms.CharField(label=_("身份证号（脱敏）"), required=False, disabled=True)

    class Meta:
        model = Member
        fields = ["household", "name", "relation", "ethnicity", "education", "student_status", "health", "labour",
                  "work_status", "medical_insurance", "pension_insurance", "synthetic", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["id_number"]  # a different number is a different person: add a new member instead
        else:
            self.fields["id_masked"].widget = forms.HiddenInput()

    def clean_id_number(self):
        raw = self.cleaned_data["id_number"]
        try:
            number = idcard.validate(raw)
        except idcard.InvalidIdNumber as exc:
            raise forms.ValidationError(str(exc)) from None
        duplicate_member_message(number, self.user)
        return number


def duplicate_member_message(number: str, user) -> None:
    """Refuse a person already registered: name the household only when the user may see it."""
    existing = Member.objects.filter(person__id_number=number).values_list("household_id", flat=True).first()
    if existing is None:
        return
    visible = Household.objects.restrict(user).filter(pk=existing).values_list("number", flat=True).first() \
        if user is not None else None
    if visible is None:
        raise forms.ValidationError(ELSEWHERE)
    raise forms.ValidationError(_("此人已登记在户 %(n)s 中，一人不能同时属于两户。") % {"n": visible})


class ScreeningRoundForm(RecordForm):
    class Meta:
        model = ScreeningRound
        fields = ["name", "region", "year", "started_on", "ended_on", "note", "synthetic", "source_document"]


class ScreeningForm(RecordForm):
    household = HouseholdNumberField(label=_("建档立卡户（户编号）"))

    class Meta:
        model = Screening
        fields = ["round", "household", "food", "education", "medical", "housing", "water", "evidence", "checker",
                  "checked_on", "synthetic", "source_document"]


class GapForm(RecordForm):
    household = HouseholdNumberField(label=_("建档立卡户（户编号）"))

    class Meta:
        model = Gap
        fields = ["household", "guarantee", "remedy", "deadline", "responsible", "resolved_on", "synthetic",
                  "source_document"]


class ExitProposalForm(RecordForm):
    household = HouseholdNumberField(label=_("建档立卡户（户编号）"))

    class Meta:
        model = ExitProposal
        fields = ["household", "year", "note", "synthetic", "source_document"]


class MonitoringCaseForm(RecordForm):
    household = HouseholdNumberField(label=_("建档立卡户（户编号）"))

    class Meta:
        model = MonitoringCase
        fields = ["household", "category", "trigger", "warned_on", "risk", "note", "synthetic", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The procedure has started on these facts: a wrong case is rejected and another one opened.
            for name in ("household", "category", "warned_on"):
                self.fields[name].disabled = True


class PovertyLineForm(RecordForm):
    class Meta:
        model = PovertyLine
        fields = ["region", "year", "exit_line", "monitoring_threshold", "stable_months", "note", "source_document"]
