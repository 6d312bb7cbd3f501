from __future__ import annotations

from rest_framework import serializers

from xiezuo.core.api import RecordSerializer
from xiezuo.core.ledger import TAIL

from .forms import NO_INVESTOR
from .models import FundAllocation, FundDisbursement, Project


class ProjectSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Project
        fields = ["id", "name", "kind", "stage", "investors", "agreement", "visits", "region", "sector", "agreed_on",
                  "date_precision", "signed_on", "started_on", "operating_on", "stopped_on", "milestones",
                  "planned_investment", "actual_investment", "enterprise_funds", "social_funds", "jobs_created",
                  "poor_employed", "poor_benefited", "note", *TAIL]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        inst = self.instance
        actual = attrs.get("actual_investment", getattr(inst, "actual_investment", None))
        investors = attrs["investors"] if "investors" in attrs else (
            list(inst.investors.all()) if inst is not None else [])
        if actual and actual > 0 and not investors:
            raise serializers.ValidationError({"investors": [str(NO_INVESTOR)]})
        return attrs


class FundAllocationSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = FundAllocation
        fields = ["id", "name", "pairing", "year", "region", "allocated", "social_donations", "note", *TAIL]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "name"]


class FundDisbursementSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = FundDisbursement
        fields = ["id", "allocation", "project", "date", "amount", "note", *TAIL]
