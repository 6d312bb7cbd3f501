"""Periodic tasks run by the workers (`xiezuo worker`): a small registry, one row per task, claimed per slot.

A channel declares what must happen on a schedule (in its `apps.py` `ready()` or a module it imports):

    @periodic("workplan.reminders", every=DAY, offset=8 * HOUR, title=_("催报与到期提醒"))
    def reminders(now): ...             # returns a summary dict (shown on the task's row)

Time is cut into slots of `every` seconds in local time (`TIME_ZONE`), shifted by `offset` (a daily task with
offset 8 h runs once a day from 08:00 local). Any number of workers may run: each tries, once per slot, a
conditional `UPDATE … SET slot = <current> WHERE name = … AND slot < <current>` on the task's row, and only the
worker whose UPDATE changed the row runs it. A task never runs twice for the same slot, on SQLite or on
PostgreSQL, on one machine or several; a slot missed while no worker ran is caught up once (not once per slot
missed). A failure is logged and kept on the row (`error`); the next slot runs again.
"""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)

MINUTE, HOUR, DAY = 60, 3600, 86400


@dataclass
class PeriodicSpec:
    name: str
    func: Callable[[dt.datetime], dict | None]
    every: int
    offset: int = 0
    title: object = ""

    def slot(self, now: dt.datetime) -> int:
        """The slot `now` falls in: whole periods since the epoch, counted in local time minus the offset."""
        local = timezone.localtime(now)
        seconds = local.timestamp() + (local.utcoffset() or dt.timedelta()).total_seconds()
        return int((seconds - self.offset) // self.every)


PERIODIC: dict[str, PeriodicSpec] = {}


def periodic(name: str, every: int, offset: int = 0, title=""):
    """Declare a periodic task: `func(now)` runs once per slot of `every` seconds (see the module docstring)."""
    if every <= 0 or not 0 <= offset < every:
        raise ValueError("every > 0 and 0 <= offset < every")

    def register(func):
        PERIODIC[name] = PeriodicSpec(name, func, int(every), int(offset), title or name)
        return func

    return register


class PeriodicRun(models.Model):
    """The state of one periodic task: the last slot claimed, by whom, when, and how it ended."""

    name = models.CharField(_("名称"), max_length=80, unique=True)
    slot = models.BigIntegerField(_("时段"), default=-1)
    worker = models.CharField(_("工作进程"), max_length=100, blank=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    runs = models.PositiveIntegerField(_("运行次数"), default=0)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(_("错误"), blank=True)

    class Meta:
        app_label = "core"
        verbose_name = _("定时任务")
        verbose_name_plural = _("定时任务")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def claim(spec: PeriodicSpec, now: dt.datetime, worker: str) -> bool:
    """True for the one caller whose conditional UPDATE took this slot of the task."""
    slot = spec.slot(now)
    if not PeriodicRun.objects.filter(name=spec.name).exists():
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(name=spec.name)
        except IntegrityError:  # another worker created it first: fine, the UPDATE decides
            pass
    return bool(PeriodicRun.objects.filter(name=spec.name, slot__lt=slot).update(
        slot=slot, worker=worker[:100], started_at=now, finished_at=None, error="", runs=models.F("runs") + 1))


# Per process: the slot each task was last tried in, so an idle worker polling every second does not write.
_tried: dict[str, int] = {}


def run_due(now: dt.datetime | None = None, worker: str = "", names=None) -> list[str]:
    """Run every registered periodic task whose current slot has not been claimed yet. Returns the names run."""
    from .jobs import worker_id

    now = now or timezone.now()
    worker = worker or worker_id()
    done = []
    for spec in sorted(PERIODIC.values(), key=lambda s: s.name):
        if names is not None and spec.name not in names:
            continue
        slot = spec.slot(now)
        if _tried.get(spec.name) == slot:
            continue
        _tried[spec.name] = slot
        if not claim(spec, now, worker):
            continue
        summary, error = {}, ""
        try:
            # What a task writes for users (reminders, notifications) is in the site's language, whatever the
            # worker's terminal speaks (`xiezuo` follows LANG for its own messages).
            with translation.override(settings.LANGUAGE_CODE):
                summary = spec.func(now) or {}
        except Exception:
            log.exception("periodic task %s failed", spec.name)
            error = traceback.format_exc()[-4000:]
        PeriodicRun.objects.filter(name=spec.name).update(finished_at=timezone.now(), summary=summary, error=error)
        done.append(spec.name)
    return done


def forget_tried() -> None:
    """Tests: let this process try every task again (as a fresh worker would)."""
    _tried.clear()
