from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers

from xiezuo.core import idcard
from xiezuo.core.api import RecordSerializer

from .forms import duplicate_member_message
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

BASE = ["synthetic", "source_document", "created_at", "updated_at"]


class HouseholdSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Household
        fields = ["id", "number", "village", "head_name", "attribute", "main_cause", "other_causes", "member_count",
                  "income_wage", "income_business", "income_transfer", "income_property", "costs",
                  "income_per_head", "housing_area", "housing_structure", "housing_grade", "water_safe",
                  "helper_name", "helper_phone", "year_identified", "year_exited", "g_food", "g_education",
                  "g_medical", "g_housing", "g_water", "monitoring", "monitoring_since", *BASE]
        # monitoring: set by the county approval of a monitoring case (services.MONITORING), not written here.
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "head_name", "member_count",
                            "income_per_head", "g_food", "g_education", "g_medical", "g_housing", "g_water",
                            "monitoring", "monitoring_since"]


class MemberSerializer(RecordSerializer):
    """The API shows the masked number only; `id_number` is write-only, for adding a member."""

    id_number = serializers.CharField(write_only=True, required=False)

    class Meta(RecordSerializer.Meta):
        model = Member
        fields = ["person", "household", "village", "name", "id_number", "id_masked", "sex", "relation", "ethnicity",
                  "education", "student_status", "health", "labour", "work_status", "medical_insurance",
                  "pension_insurance", *BASE]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "person", "village", "id_masked", "sex"]

    def validate_id_number(self, value):
        try:
            number = idcard.validate(value)
        except idcard.InvalidIdNumber as exc:
            raise serializers.ValidationError(str(exc)) from None
        request = self.context.get("request")
        try:
            duplicate_member_message(number, getattr(request, "user", None))
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None
        return number

    def validate(self, attrs):
        if self.instance is None and not attrs.get("id_number"):
            raise serializers.ValidationError({"id_number": _("新增成员须填写身份证号")})
        if self.instance is not None:
            attrs.pop("id_number", None)
        return attrs


class ScreeningRoundSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = ScreeningRound
        fields = ["id", "name", "region", "year", "started_on", "ended_on", "note", "status", "status_display", *BASE]


class ScreeningSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Screening
        fields = ["id", "round", "household", "village", "food", "education", "medical", "housing", "water",
                  "evidence", "checker", "checked_on", *BASE]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "village"]


class GapSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Gap
        fields = ["id", "household", "village", "screening", "guarantee", "remedy", "deadline", "responsible",
                  "resolved_on", *BASE]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "village", "screening"]


class ExitProposalSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = ExitProposal
        fields = ["id", "household", "village", "year", "income_per_head", "exit_line", "stage", "notice_from",
                  "decided_on", "note", *BASE]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "village", "income_per_head", "exit_line",
                            "stage", "notice_from", "decided_on"]


class MonitoringCaseSerializer(RecordSerializer):
    """The steps are taken on the case's page (`procedure.advance`); here they are read only."""

    class Meta(RecordSerializer.Meta):
        model = MonitoringCase
        fields = ["id", "household", "village", "category", "trigger", "warned_on", "income_per_head",
                  "monitoring_threshold", "risk", "stage", "visited_on", "visitor", "consented_on", "notice_from",
                  "decided_on", "note", *BASE]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "village", "income_per_head",
                            "monitoring_threshold", "stage", "visited_on", "visitor", "consented_on", "notice_from",
                            "decided_on"]

    def validate(self, attrs):
        if self.instance is not None:
            # As on the page: the procedure has started on these facts.
            for name in ("household", "category", "warned_on"):
                attrs.pop(name, None)
        return attrs


class PovertyLineSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = PovertyLine
        fields = ["id", "region", "year", "exit_line", "monitoring_threshold", "stable_months", "note", *BASE]
