"""One filterset per record type: the list page's filters, the API's `?field=` parameters and the figures'
drill-down links."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet
from xiezuo.core.ledger import TreeFilterMixin

from .choices import Level, NoticeKind, TaskState
from .models import Decision, PlanTarget, ProgressReport, ReportingRound, SupervisionNotice, Task


class DecisionFilterSet(RecordFilterSet):
    meeting = django_filters.NumberFilter(field_name="meeting_id", label=_("会议编号"))
    search_fields = ("title", "content")

    class Meta:
        model = Decision
        fields = ["q", "meeting", "status", "synthetic"]


class TaskFilterSet(TreeFilterMixin, RecordFilterSet):
    state = django_filters.ChoiceFilter(choices=TaskState.choices, method="by_state", label=_("任务状态（今日）"))
    level = django_filters.MultipleChoiceFilter(choices=Level.choices, label=_("责任层级"))
    since = django_filters.DateFilter(field_name="deadline", lookup_expr="gte", label=_("完成时限自"))
    until = django_filters.DateFilter(field_name="deadline", lookup_expr="lte", label=_("完成时限至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("牵头单位编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("责任地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("牵头单位所在地区代码"))
    decision = django_filters.NumberFilter(field_name="decision_id", label=_("会议要求编号"))
    parent = django_filters.NumberFilter(field_name="parent_id", label=_("上级任务编号"))
    top = django_filters.BooleanFilter(field_name="parent", lookup_expr="isnull", label=_("仅顶层任务"))
    search_fields = ("title", "content", "annual_target")
    organisation_paths = ("lead_unit",)
    east_paths = ("lead_unit",)
    region_paths = ("region",)

    class Meta:
        model = Task
        fields = ["q", "state", "level", "status", "since", "until", "organisation", "region", "east", "decision",
                  "parent", "top", "synthetic"]

    def by_state(self, qs, name, value):
        from .progress import TaskBook

        return qs.filter(pk__in=TaskBook().pks_in(value))


class ProgressReportFilterSet(RecordFilterSet):
    task = django_filters.NumberFilter(field_name="task_id", label=_("任务编号"))
    since = django_filters.DateFilter(field_name="report_date", lookup_expr="gte", label=_("报告日期自"))
    until = django_filters.DateFilter(field_name="report_date", lookup_expr="lte", label=_("报告日期至"))
    search_fields = ("content", "task__title")

    class Meta:
        model = ProgressReport
        fields = ["q", "task", "since", "until", "status", "synthetic"]


class SupervisionNoticeFilterSet(RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=NoticeKind.choices, label=_("督办类型"))
    task = django_filters.NumberFilter(field_name="task_id", label=_("任务编号"))
    since = django_filters.DateFilter(field_name="issued_on", lookup_expr="gte", label=_("下发日期自"))
    until = django_filters.DateFilter(field_name="issued_on", lookup_expr="lte", label=_("下发日期至"))
    search_fields = ("content", "number", "task__title")

    class Meta:
        model = SupervisionNotice
        fields = ["q", "kind", "task", "since", "until", "status", "synthetic"]


class ReportingRoundFilterSet(TreeFilterMixin, RecordFilterSet):
    since = django_filters.DateFilter(field_name="period_start", lookup_expr="gte", label=_("统计期起自"))
    until = django_filters.DateFilter(field_name="period_start", lookup_expr="lte", label=_("统计期起至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("报送单位编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("报送单位所在地区代码"))
    search_fields = ("title", "note")
    organisation_paths = ("due_units",)
    region_paths = ("due_units",)

    class Meta:
        model = ReportingRound
        fields = ["q", "since", "until", "organisation", "region", "status", "synthetic"]


class PlanTargetFilterSet(RecordFilterSet):
    pairing = django_filters.NumberFilter(field_name="pairing_id", label=_("结对关系编号"))
    year = django_filters.NumberFilter(label=_("年度"))
    search_fields = ("note",)

    class Meta:
        model = PlanTarget
        fields = ["q", "pairing", "year", "status", "synthetic"]
