"""Figures of the working mechanism, declared once for every page, the API and exports (core/figures.py).

Tasks are counted through the task list's own filters: the lead unit (with the units it supervises) for an
organisation, the responsible area for a region; the state (已完成, 逾期) is today's, computed from the
deadline and the reports (`workplan.progress`), so a figure's link lists exactly the tasks it counts.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import figure, narrowed

WHERE = {"organisation": lambda s: {"organisation": s.obj.pk},
         "region": lambda s: {"region": s.obj.code}}

figure("workplan.tasks", _("工作任务"), "workplan.Task", WHERE, unit=_("项"),
       description=_("牵头单位（含下属单位）或责任地区的已审核工作任务数，含子任务。"), order=500)
figure("workplan.tasks_done", _("已完成任务"), "workplan.Task", narrowed(WHERE, state="done"), unit=_("项"),
       description=_("其中今日状态为“已完成”的任务数（进度报告达到 100%，或子任务全部完成）。"), order=501)
figure("workplan.tasks_overdue", _("逾期任务"), "workplan.Task", narrowed(WHERE, state="overdue"), unit=_("项"),
       description=_("其中今日已过完成时限而未完成的任务数。"), panel=("organisation",), order=502)
