from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from xiezuo.core.tables import Table


class DecisionTable(Table):
    columns = ("number", "title", "meeting", "issuer", "tasks")
    ordering = ("meeting", "number", "pk")
    label_tasks = _("分解任务")

    def annotate(self, qs):
        from django.db.models import Count, OuterRef, Subquery
        from django.db.models.functions import Coalesce

        from .models import Task

        counts = Task._base_manager.filter(decision=OuterRef("pk")).order_by().values("decision") \
            .annotate(n=Count("pk")).values("n")
        return qs.annotate(task_count=Coalesce(Subquery(counts), 0))

    def render_tasks(self, obj):
        n = obj.task_count if hasattr(obj, "task_count") else obj.tasks.count()
        return ngettext("%(n)s 项", "%(n)s 项", n) % {"n": n} if n else ""


class TaskTable(Table):
    columns = ("title", "lead_unit", "level", "deadline", "state", "progress", "parent")
    ordering = ("deadline", "pk")
    label_state = _("任务状态")
    label_progress = _("进度")

    def _book(self):
        # One computation for the page: every task's reading on today's date.
        if not hasattr(self, "_task_book"):
            from .progress import TaskBook

            self._task_book = TaskBook()
        return self._task_book

    def render_state(self, obj):
        return self._book()[obj.pk].state_label

    def render_progress(self, obj):
        return f"{self._book()[obj.pk].progress}%"


class ProgressReportTable(Table):
    columns = ("task", "report_date", "percent", "value", "content")
    ordering = ("-report_date", "-pk")


class SupervisionNoticeTable(Table):
    columns = ("kind", "task", "issuer", "addressee", "issued_on", "due_date")
    ordering = ("-issued_on", "-pk")


class ReportingRoundTable(Table):
    columns = ("title", "issuer", "period_start", "period_end", "due_date")
    ordering = ("-due_date", "-pk")


class PlanTargetTable(Table):
    columns = ("year", "pairing", "figure", "target_value")
    ordering = ("-year", "pairing", "figure")
