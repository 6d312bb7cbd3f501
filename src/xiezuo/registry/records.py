"""Registration of the registry's record types with the shared machinery."""

from __future__ import annotations

from xiezuo.core.registry import RecordType, register

from . import filtersets as f
from . import forms, serializers, services, tables  # noqa: F401  (services declares the procedures)
from .models import (
    ExitProposal,
    Gap,
    Household,
    Member,
    MonitoringCase,
    PovertyLine,
    Screening,
    ScreeningRound,
)
from .procedure import panel_context
from .views import household_context, member_context

GROUP = "建档立卡与筛查"

register(RecordType(
    model=Household, filterset=f.HouseholdFilterSet, form=forms.HouseholdForm, table=tables.HouseholdTable,
    serializer=serializers.HouseholdSerializer, import_key=("number",), menu_group=GROUP, icon="bi-house",
    detail_template="registry/household_extra.html", detail_context=household_context,
    home_count=False,
))
register(RecordType(
    model=Member, filterset=f.MemberFilterSet, form=forms.MemberForm, table=tables.MemberTable,
    serializer=serializers.MemberSerializer, menu_group=GROUP, icon="bi-people",
    import_fields=("household", "name", "id_masked", "relation", "ethnicity", "education", "student_status",
                   "health", "labour", "work_status", "medical_insurance", "pension_insurance"),
    detail_template="registry/member_extra.html", detail_context=member_context,
    home_count=False,
))
register(RecordType(
    model=ScreeningRound, filterset=f.ScreeningRoundFilterSet, form=forms.ScreeningRoundForm,
    table=tables.ScreeningRoundTable, serializer=serializers.ScreeningRoundSerializer, menu_group=GROUP,
    icon="bi-clipboard-check", import_key=("name",),
))
register(RecordType(
    model=Screening, filterset=f.ScreeningFilterSet, form=forms.ScreeningForm, table=tables.ScreeningTable,
    serializer=serializers.ScreeningSerializer, menu_group=GROUP, icon="bi-check2-square",
    import_key=("round", "household"),
))
register(RecordType(
    model=Gap, filterset=f.GapFilterSet, form=forms.GapForm, table=tables.GapTable,
    serializer=serializers.GapSerializer, menu_group=GROUP, icon="bi-tools",
))
register(RecordType(
    model=ExitProposal, filterset=f.ExitProposalFilterSet, form=forms.ExitProposalForm,
    table=tables.ExitProposalTable, serializer=serializers.ExitProposalSerializer, menu_group=GROUP,
    icon="bi-box-arrow-right", detail_template="registry/exit_extra.html", detail_context=panel_context,
))
register(RecordType(
    model=MonitoringCase, filterset=f.MonitoringCaseFilterSet, form=forms.MonitoringCaseForm,
    table=tables.MonitoringCaseTable, serializer=serializers.MonitoringCaseSerializer, menu_group=GROUP,
    icon="bi-shield-exclamation", detail_template="registry/monitoring_extra.html", detail_context=panel_context,
))
register(RecordType(
    model=PovertyLine, filterset=f.PovertyLineFilterSet, form=forms.PovertyLineForm,
    table=tables.PovertyLineTable, serializer=serializers.PovertyLineSerializer, menu_group=GROUP,
    icon="bi-rulers", import_key=("region", "year"),
))
