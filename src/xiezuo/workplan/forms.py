"""The forms are the pages, the import's validation and the columns of the import template and exports."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from xiezuo.core.forms import RecordForm
from xiezuo.core.ledger import LedgerFormMixin

from .models import Decision, PlanTarget, ProgressReport, ReportingRound, SupervisionNotice, Task


class DecisionForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Decision
        fields = ["meeting", "number", "title", "content", "issuer", "region", "synthetic", "source_document"]


class TaskForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = Task
        fields = ["decision", "parent", "title", "content", "lead_unit", "cooperating_units", "level", "region",
                  "supervisor", "annual_target", "target_value", "target_unit", "start_date", "deadline",
                  "milestones", "note", "synthetic", "source_document"]

    def _post_clean(self):
        # The issuer of a new task is the user entering it: the model's rule on the lead unit reads it. The page and
        # the API set it before validating (`create_record`); an import row is validated here, before it is written.
        if self.instance.pk is None and self.instance.created_by_id is None and getattr(self.user, "pk", None):
            self.instance.created_by = self.user
        super()._post_clean()

    def clean(self):
        data = super().clean()
        lead, partners = data.get("lead_unit"), data.get("cooperating_units")
        if lead and partners and lead in partners:
            raise forms.ValidationError(_("牵头单位不能同时是配合单位。"))
        parent = data.get("parent")
        if parent is not None and parent.decision_id and not data.get("decision"):
            data["decision"] = parent.decision  # what the model derives, derived here too (an import compares)
        return data


class ProgressReportForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = ProgressReport
        fields = ["task", "report_date", "percent", "value", "content", "attachment", "synthetic",
                  "source_document"]


class SupervisionNoticeForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = SupervisionNotice
        fields = ["task", "kind", "number", "issuer", "addressee", "issued_on", "due_date", "content", "reply",
                  "synthetic", "source_document"]


class ReportingRoundForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = ReportingRound
        fields = ["title", "issuer", "region", "period_start", "period_end", "due_date", "record_types",
                  "figures",
                  "due_units", "note", "synthetic", "source_document"]
        error_messages = {"due_units": {"required": _("填报任务至少要有一个报送单位。")}}


class PlanTargetForm(LedgerFormMixin, RecordForm):
    class Meta:
        model = PlanTarget
        fields = ["pairing", "year", "figure", "target_value", "note", "synthetic", "source_document"]
