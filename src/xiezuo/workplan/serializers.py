from __future__ import annotations

from rest_framework import serializers

from xiezuo.core.api import RecordSerializer
from xiezuo.core.ledger import TAIL

from .models import Decision, PlanTarget, ProgressReport, ReportingRound, SupervisionNotice, Task


class DecisionSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = Decision
        fields = ["id", "meeting", "number", "title", "content", "issuer", "region", *TAIL]


class TaskSerializer(RecordSerializer):
    state = serializers.SerializerMethodField(help_text="未开始 / 推进中 / 已完成 / 逾期，按今日计算")
    progress = serializers.SerializerMethodField(help_text="完成进度（%），有子任务时为子任务的平均")

    class Meta(RecordSerializer.Meta):
        model = Task
        fields = ["id", "decision", "parent", "title", "content", "lead_unit", "cooperating_units", "level",
                  "region", "supervisor", "annual_target", "target_value", "target_unit", "start_date", "deadline",
                  "milestones", "note", "state", "progress", *TAIL]

    def _reading(self, obj):
        # One book per response: a list of many tasks reads them all from two queries.
        from .progress import TaskBook

        book = self.context.get("_task_book") if isinstance(self.context, dict) else None
        if book is None or obj.pk not in book.parent:
            book = TaskBook()
            if isinstance(self.context, dict):
                self.context["_task_book"] = book
        return book[obj.pk]

    def get_state(self, obj) -> str:
        return self._reading(obj).state_label

    def get_progress(self, obj) -> int:
        return self._reading(obj).progress


class ProgressReportSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = ProgressReport
        fields = ["id", "task", "report_date", "percent", "value", "content", *TAIL]


class SupervisionNoticeSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = SupervisionNotice
        fields = ["id", "task", "kind", "number", "issuer", "addressee", "issued_on", "due_date", "content",
                  "reply", *TAIL]


class ReportingRoundSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = ReportingRound
        fields = ["id", "title", "issuer", "region", "period_start", "period_end", "due_date", "record_types", "figures",
                  "due_units", "note", *TAIL]


class PlanTargetSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = PlanTarget
        fields = ["id", "pairing", "year", "figure", "target_value", "note", *TAIL]
