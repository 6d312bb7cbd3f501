"""Reporting rounds: which record types are due, and who has reported — computed, like DHIS2's reporting
rates, from the records themselves.

A record counts for a due unit when the unit (or a unit it supervises) is one of the organisations that
place the record (its `ScopeSpec`), or the person who entered it belongs to such a unit; and when it falls
in the round's period by the record type's own list filter (`since`/`until`, the dates the figures use)
or, for a type without one, by the day it was entered. Submitted and approved records are reported; a
unit whose only records were returned is 被退回. The time of reporting is the first submit in the
history (or the entry time of a record entered as approved, e.g. by an import).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min, Q
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.models import ChangeRecord, Status
from xiezuo.core.registry import REGISTRY

ON_TIME, LATE, RETURNED, MISSING, OVERDUE = "on_time", "late", "returned", "missing", "overdue"
LABELS = {ON_TIME: gettext_lazy("按时报送"), LATE: gettext_lazy("迟报"), RETURNED: gettext_lazy("被退回"),
          MISSING: gettext_lazy("未报（未到截止日期）"), OVERDUE: gettext_lazy("逾期未报")}


def parse_record_types(text: str) -> list:
    """Record types named one a line (or separated by 、,，;), by Chinese name or `app.model` key."""
    out = []
    for part in (text or "").replace("、", "\n").replace("，", "\n").replace(",", "\n").replace(";", "\n") \
            .splitlines():
        name = part.strip()
        if not name:
            continue
        with translation.override("zh-hans"):  # names are kept in Chinese whatever the reader's language
            found = REGISTRY.get(name.lower()) or next(
                (rt for rt in REGISTRY.values() if name in (rt.verbose_name, rt.verbose_name_plural)), None)
        if found is None:
            raise ValueError(_("未知的记录类型：%(name)s") % {"name": name})
        if found not in out:
            out.append(found)
    return out


@dataclass
class UnitRow:
    unit: object
    status: str
    reported: int = 0
    returned: int = 0
    first_reported: dt.datetime | None = None
    by_type: dict = field(default_factory=dict)
    reminders: int = 0

    @property
    def status_label(self) -> str:
        return str(LABELS[self.status])

    @property
    def late(self) -> bool:
        return self.status in (LATE, OVERDUE)


def unit_records(rt, unit, since: dt.date, until: dt.date):
    """Every record of `rt` that belongs to `unit` in the period (any status)."""
    from xiezuo.partners.models import Organisation  # noqa: F401  (base app)

    model = rt.model
    spec = getattr(model, "scope", None)
    parts = [Q(created_by__profile__organisation__path__startswith=unit.path)]
    if spec is not None:
        parts += [Q(**{f"{path}__path__startswith": unit.path}) for path in spec.organisations]
        if spec.is_organisation:
            parts.append(Q(path__startswith=unit.path))
    qs = model._base_manager.filter(pk__in=model._base_manager.filter(reduce(or_, parts)).values("pk"))
    filters = rt.filterset.base_filters
    if "since" in filters and "until" in filters:
        filterset = rt.filterset(QueryDict(f"since={since}&until={until}"), queryset=qs)
        return filterset.qs if filterset.is_valid() else qs.none()
    return qs.filter(created_at__date__gte=since, created_at__date__lte=until)


def _first_reported(rt, pks) -> dt.datetime | None:
    if not pks:
        return None
    ct = ContentType.objects.get_for_model(rt.model)
    submitted = ChangeRecord.objects.filter(content_type=ct, object_id__in=[str(pk) for pk in pks],
                                            action=ChangeRecord.Action.SUBMIT).aggregate(t=Min("time"))["t"]
    submitted_ids = set(ChangeRecord.objects.filter(content_type=ct, object_id__in=[str(pk) for pk in pks],
                                                    action=ChangeRecord.Action.SUBMIT)
                        .values_list("object_id", flat=True))
    # A record that never went through a submit (entered as approved, imported) reported when it was entered.
    entered = rt.model._base_manager.filter(pk__in=pks).exclude(pk__in=[int(i) for i in submitted_ids]) \
        .aggregate(t=Min("created_at"))["t"]
    times = [t for t in (submitted, entered) if t is not None]
    return min(times) if times else None


def completeness(rnd, today: dt.date | None = None) -> list[UnitRow]:
    """One row per due unit: reported on time, late, returned, not yet, or overdue."""
    from .models import Notification

    today = today or timezone.localdate()
    deadline_end = timezone.make_aware(dt.datetime.combine(rnd.due_date, dt.time.max))
    rows = []
    for unit in rnd.due_units.order_by("name"):
        row = UnitRow(unit, MISSING)
        for rt in rnd.due_types():
            qs = unit_records(rt, unit, rnd.period_start, rnd.period_end)
            reported = list(qs.filter(status__in=(Status.SUBMITTED, Status.APPROVED)).values_list("pk", flat=True))
            returned = qs.filter(status=Status.RETURNED).count()
            row.by_type[rt.key] = len(reported)
            row.reported += len(reported)
            row.returned += returned
            first = _first_reported(rt, reported)
            if first is not None and (row.first_reported is None or first > row.first_reported):
                # The unit has reported when its last due type is in: the latest of the types' first reports.
                row.first_reported = first
        complete = all(row.by_type.get(rt.key) for rt in rnd.due_types())
        if complete:
            row.status = ON_TIME if row.first_reported <= deadline_end else LATE
        elif row.returned:
            row.status = RETURNED
        elif today > rnd.due_date:
            row.status = OVERDUE
        row.reminders = Notification.objects.filter(event__startswith=reminder_prefix(rnd, unit)) \
            .values("event").distinct().count()
        rows.append(row)
    return rows


def summary(rows: list[UnitRow]) -> dict:
    n = len(rows)
    reported = sum(1 for r in rows if r.status in (ON_TIME, LATE))
    on_time = sum(1 for r in rows if r.status == ON_TIME)
    return {"due": n, "reported": reported, "on_time": on_time,
            "late": sum(1 for r in rows if r.status == LATE),
            "returned": sum(1 for r in rows if r.status == RETURNED),
            "overdue": sum(1 for r in rows if r.status == OVERDUE),
            "rate": round(100 * reported / n, 1) if n else 0.0,
            "timely_rate": round(100 * on_time / n, 1) if n else 0.0}


def reminder_prefix(rnd, unit) -> str:
    return f"reminder:{rnd.pk}:{unit.pk}:"


def unit_members(unit):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, profile__organisation__path__startswith=unit.path)
