"""Forms of projects and funds: the page, the import and its template use them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core.forms import RecordForm
from xiezuo.core.ledger import LedgerFormMixin

from .models import FundAllocation, FundDisbursement, Project

NO_INVESTOR = _("填写了实际投资额，但没有填写投资企业：请填写投资企业，或删去实际投资额。")


def check_investor(actual, investors) -> None:
    if actual and actual > 0 and not investors:
        raise forms.ValidationError({"investors": NO_INVESTOR})


class ProjectForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Project
        fields = ["name", "kind", "stage", "investors", "agreement", "visits", "region", "sector", "agreed_on",
                  "date_precision", "signed_on", "started_on", "operating_on", "stopped_on", "milestones",
                  "planned_investment", "actual_investment", "enterprise_funds", "social_funds", "jobs_created",
                  "poor_employed", "poor_benefited", "attachment", "note", "synthetic", "source_document"]

    def clean(self):
        data = super().clean()
        check_investor(data.get("actual_investment"), data.get("investors"))
        return data


class FundAllocationForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = FundAllocation
        fields = ["pairing", "year", "region", "allocated", "social_donations", "note", "synthetic",
                  "source_document"]


class FundDisbursementForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = FundDisbursement
        fields = ["allocation", "project", "date", "amount", "note", "synthetic", "source_document"]
