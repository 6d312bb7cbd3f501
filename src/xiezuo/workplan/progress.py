"""A task's progress and state on a given day, computed from its deadline and the reports, never stored.

- Reports count when submitted or approved (a draft or a returned report is not yet the unit's word).
- A task without sub-tasks: its progress is the percentage of its latest report up to that day.
- A task with sub-tasks: its progress is the mean of its children's, to any depth; it is done when
  every child is done (its own reports are refused, see `ProgressReport.clean`).
- State: 已完成 when progress reached 100 %; else 逾期 after the deadline; else 推进中 once anything was
  reported; else 未开始.

`TaskBook` loads every task and counted report once and answers for all of them, so a list of a thousand
tasks costs two queries, not one per task.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from xiezuo.core.models import Status

from .choices import TaskState

COUNTED = (Status.SUBMITTED, Status.APPROVED)


@dataclass
class Reading:
    progress: int
    state: str
    reported: bool
    done_on: dt.date | None
    days_overdue: int

    @property
    def state_label(self) -> str:
        return str(TaskState(self.state).label)


class TaskBook:
    """Every task's reading on `day`. Built from all tasks (a parent's progress needs all its children,
    including those outside the reader's area; only the numbers travel, not the records)."""

    def __init__(self, day: dt.date | None = None, exclude_report: int | None = None):
        from .models import ProgressReport, Task

        self.day = day or dt.date.today()
        rows = Task._base_manager.values_list("pk", "parent_id", "deadline")
        self.parent = {pk: parent for pk, parent, _d in rows}
        self.deadline = {pk: deadline for pk, _p, deadline in rows}
        self.children: dict[int, list[int]] = defaultdict(list)
        for pk, parent in self.parent.items():
            if parent is not None:
                self.children[parent].append(pk)
        self.reports: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
        reports = ProgressReport._base_manager.filter(status__in=COUNTED, report_date__lte=self.day)
        if exclude_report is not None:
            reports = reports.exclude(pk=exclude_report)
        for task_id, day, percent, _pk in reports.values_list("task_id", "report_date", "percent", "pk") \
                .order_by("report_date", "pk"):
            self.reports[task_id].append((day, percent))
        self._cache: dict[int, Reading] = {}

    def __getitem__(self, pk: int) -> Reading:
        if pk not in self._cache:
            self._cache[pk] = self._read(pk)
        return self._cache[pk]

    def _read(self, pk: int) -> Reading:
        kids = self.children.get(pk, [])
        if kids:
            readings = [self[k] for k in kids]
            progress = round(sum(r.progress for r in readings) / len(readings))
            reported = any(r.reported for r in readings)
            done = all(r.state == TaskState.DONE for r in readings)
            done_on = max(r.done_on for r in readings) if done else None
        else:
            own = self.reports.get(pk, [])
            progress = own[-1][1] if own else 0
            reported = bool(own)
            done_on = next((day for day, percent in own if percent >= 100), None)
            done = done_on is not None
        deadline = self.deadline[pk]
        if done:
            state = TaskState.DONE
        elif self.day > deadline:
            state = TaskState.OVERDUE
        elif reported or progress > 0:
            state = TaskState.IN_PROGRESS
        else:
            state = TaskState.NOT_STARTED
        late = (self.day - deadline).days if state == TaskState.OVERDUE else 0
        return Reading(progress, str(state), reported, done_on, late)

    def pks_in(self, state: str) -> list[int]:
        return [pk for pk in self.parent if self[pk].state == state]

    def subtree(self, pk: int) -> list[tuple[int, int]]:
        """(task, depth) below `pk`, depth first."""
        out: list[tuple[int, int]] = []

        def walk(node, depth):
            for kid in sorted(self.children.get(node, []), key=lambda k: (self.deadline[k], k)):
                out.append((kid, depth))
                walk(kid, depth + 1)
        walk(pk, 1)
        return out


def reading(task, day: dt.date | None = None) -> Reading:
    return TaskBook(day)[task.pk]


def closed_on(task, exclude: int | None = None) -> dt.date | None:
    """The day the task was completed by a counted report (other than `exclude`), or None."""
    if task.pk is None:
        return None
    return TaskBook(dt.date.max, exclude_report=exclude)[task.pk].done_on
