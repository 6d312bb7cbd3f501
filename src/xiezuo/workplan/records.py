"""Registration of the working mechanism's record types: pages, import/export, API, history, search, menu."""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, add_panel, register

from .filtersets import (
                         DecisionFilterSet,
                         PlanTargetFilterSet,
                         ProgressReportFilterSet,
                         ReportingRoundFilterSet,
                         SupervisionNoticeFilterSet,
                         TaskFilterSet,
)
from .forms import (
                         DecisionForm,
                         PlanTargetForm,
                         ProgressReportForm,
                         ReportingRoundForm,
                         SupervisionNoticeForm,
                         TaskForm,
)
from .models import Decision, PlanTarget, ProgressReport, ReportingRound, SupervisionNotice, Task
from .plans import pairing_context, target_context
from .serializers import (
                         DecisionSerializer,
                         PlanTargetSerializer,
                         ProgressReportSerializer,
                         ReportingRoundSerializer,
                         SupervisionNoticeSerializer,
                         TaskSerializer,
)
from .tables import (
                         DecisionTable,
                         PlanTargetTable,
                         ProgressReportTable,
                         ReportingRoundTable,
                         SupervisionNoticeTable,
                         TaskTable,
)
from .views import decision_context, organisation_context, round_context, task_context

# The menu group: every record type of the channel is listed under it.
GROUP = _("工作机制")

register(RecordType(
    model=Decision, filterset=DecisionFilterSet, form=DecisionForm, table=DecisionTable,
    serializer=DecisionSerializer, import_key=("meeting", "number"), menu_group=GROUP, icon="bi-megaphone",
    detail_template="workplan/decision_panel.html", detail_context=decision_context,
    column_aliases={"meeting": ["会议", "会议名称"]},
))
register(RecordType(
    model=Task, filterset=TaskFilterSet, form=TaskForm, table=TaskTable, serializer=TaskSerializer,
    import_key=("title", "lead_unit", "deadline"), menu_group=GROUP, icon="bi-list-check",
    detail_template="workplan/task_panel.html", detail_context=task_context,
    column_aliases={"title": ["任务", "名称"], "deadline": ["截止日期", "时限"]},
))
register(RecordType(
    model=ProgressReport, filterset=ProgressReportFilterSet, form=ProgressReportForm, table=ProgressReportTable,
    serializer=ProgressReportSerializer, import_key=("task", "report_date"), menu_group=GROUP, icon="bi-graph-up",
    # Evidence files are uploaded on the page; files do not travel in spreadsheets.
    import_fields=tuple(f for f in ProgressReportForm._meta.fields if f != "attachment"),
    # …so the page shows the evidence itself (the fields above are the import's).
    detail_template="workplan/progressreport_panel.html",
    column_aliases={"task": ["任务", "任务名称"], "percent": ["进度", "完成进度"]},
))
register(RecordType(
    model=SupervisionNotice, filterset=SupervisionNoticeFilterSet, form=SupervisionNoticeForm,
    table=SupervisionNoticeTable, serializer=SupervisionNoticeSerializer, import_key=("task", "issued_on", "kind"),
    menu_group=GROUP, icon="bi-alarm", column_aliases={"task": ["任务", "任务名称"]},
))
register(RecordType(
    model=ReportingRound, filterset=ReportingRoundFilterSet, form=ReportingRoundForm, table=ReportingRoundTable,
    serializer=ReportingRoundSerializer, import_key=("title",), menu_group=GROUP, icon="bi-calendar-check",
    detail_template="workplan/round_panel.html", detail_context=round_context,
))
register(RecordType(
    model=PlanTarget, filterset=PlanTargetFilterSet, form=PlanTargetForm, table=PlanTargetTable,
    serializer=PlanTargetSerializer, import_key=("pairing", "year", "figure"), menu_group=GROUP, icon="bi-bullseye",
    detail_template="workplan/plan_targets.html", detail_context=target_context,
    column_aliases={"pairing": ["结对", "结对编号"], "figure": ["指标名称"], "target_value": ["目标值", "协议数"]},
))
# A pairing's page shows its annual plan targets against the figures computed from approved records.
add_panel(apps.get_model("partners", "Pairing"), "workplan/plan_targets.html", pairing_context)
# A unit's page (partners, a base app) lists its tasks by state.
add_panel(apps.get_model("partners", "Organisation"), "workplan/organisation_tasks.html", organisation_context)
