"""Figures of the 工作机制 channel, declared once for every page, the API and exports (see core/figures.py).

A figure is a query of the record type's list filterset: each subject (an organisation, a pairing, a
region) turns into the list page's own parameters, so the figure's link shows exactly the records it
counts. Only approved records count unless the reader asks for more; people are counted as distinct
persons (`persons=`). Add one `figure(...)` per number an office reports.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import figure

# Where the records of a subject are: by region code (a pairing counts on its helped, western side).
WHERE = {"pairing": lambda s: {"region": s.west},
         "region": lambda s: {"region": s.obj.code}}

figure("workplan.task_count", _("工作任务"), "workplan.Task", WHERE, unit=_("项"),
       description=_("已审核的工作任务记录数。"), order=500)
figure("workplan.task_amount", _("工作任务金额"), "workplan.Task", WHERE, money=True, total="amount",
       description=_("已审核的工作任务金额合计。"), order=501)
