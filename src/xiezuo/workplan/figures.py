"""Figures of the working mechanism, declared once for every page, the API and exports (core/figures.py).

Tasks are counted through the task list's own filters: the lead unit (with the units it supervises) for an
organisation, the responsible area for a region; the state (已完成, 逾期) is today's, computed from the
deadline and the reports (`workplan.progress`), so a figure's link lists exactly the tasks it counts.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import figure, narrowed
from xiezuo.core.scope import code_prefix

WHERE = {"organisation": lambda s: {"organisation": s.obj.pk},
         "region": lambda s: {"region": s.obj.code}}

figure("workplan.tasks", _("工作任务"), "workplan.Task", WHERE, unit=_("项"),
       description=_("牵头单位（含下属单位）或责任地区的已审核工作任务数，含子任务。"), order=500)
figure("workplan.tasks_done", _("已完成任务"), "workplan.Task", narrowed(WHERE, state="done"), unit=_("项"),
       description=_("其中今日状态为“已完成”的任务数（进度报告达到 100%，或子任务全部完成）。"), order=501)
figure("workplan.tasks_overdue", _("逾期任务"), "workplan.Task", narrowed(WHERE, state="overdue"), unit=_("项"),
       description=_("其中今日已过完成时限而未完成的任务数。"), panel=("organisation",), order=502)


def _in_subject(unit, subject) -> bool:
    if subject.kind == "organisation":
        return unit.path.startswith(subject.obj.path)
    return unit.region_id.startswith(code_prefix(subject.obj.code))


def _rate(timely: bool):
    """Over the approved rounds the list filter found, the due units inside the subject: the share that
    reported (or reported by the due date), in %, read from each round's completeness table (0 when none)."""
    def compute(qs, subject):
        from .models import ReportingRound
        from .rounds import LATE, ON_TIME, completeness

        due = done = 0
        for rnd in ReportingRound._base_manager.filter(pk__in=qs.values("pk")).order_by("pk"):
            for row in completeness(rnd):
                if not _in_subject(row.unit, subject):
                    continue
                due += 1
                done += row.status == ON_TIME or (not timely and row.status == LATE)
        return round(100 * done / due, 1) if due else 0.0
    return compute


ROUNDS = {"organisation": lambda s: {"organisation": s.obj.pk}, "region": lambda s: {"region": s.obj.code}}
figure("workplan.rounds", _("填报任务"), "workplan.ReportingRound", ROUNDS, unit=_("项"),
       description=_("单位（含下属单位）或地区内的单位应报送的已审核填报任务数，按统计期起。"), order=503)
figure("workplan.reporting_rate", _("报送率"), "workplan.ReportingRound", ROUNDS, unit="%", compute=_rate(False),
       description=_("这些填报任务中，单位（含下属单位）或地区内单位的应报次数中已报送（按时或迟报）的比例；无应报时为 0。"),
       order=504)
figure("workplan.timely_rate", _("报送及时率"), "workplan.ReportingRound", ROUNDS, unit="%", compute=_rate(True),
       description=_("同上，其中在报送截止日期前报送的比例。"), order=505)
