"""Reporting rounds: which record types are due, and who has reported — computed, like DHIS2's reporting
rates, from the records themselves.

A record counts for a due unit when the unit (or a unit it supervises) is one of the organisations that
place the record (its `ScopeSpec`), or the person who entered it belongs to such a unit; and when it falls
in the round's period by the record type's own list filter (`since`/`until`, the dates the figures use)
or, for a type without one, by the day it was entered. Submitted and approved records are reported; a
unit whose only records were returned is 被退回. The time of reporting is the first submit in the
history (or the entry time of a record entered as approved, e.g. by an import).

A round may also name figures of the registry (`core/figures.py`) that apply to organisations. A figure is
reported by a unit when the unit (with the units it supervises) has approved records that the figure counts
for the period — the figure's own list parameters, so the cell links to exactly those records. A submitted
round is that set of approved records, never a copy of them.
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


def _names(text: str) -> list[str]:
    parts = (text or "").replace("、", "\n").replace("，", "\n").replace(",", "\n").replace(";", "\n").splitlines()
    return [p.strip() for p in parts if p.strip()]


def parse_figures(text: str) -> list:
    """Figures named one a line (or separated by 、,，;), by key (`exchange.trips`) or Chinese label; only
    figures that can be asked of a unit (organisation subject)."""
    from xiezuo.core.figures import specs

    known = specs("organisation")
    out = []
    for name in _names(text):
        with translation.override("zh-hans"):  # labels are kept in Chinese whatever the reader's language
            found = next((f for f in known if name in (f.key, str(f.label))), None)
        if found is None:
            raise ValueError(_("未知的指标或该指标不能按单位统计：%(name)s") % {"name": name})
        if found not in out:
            out.append(found)
    return out


def parse_record_types(text: str) -> list:
    """Record types named one a line (or separated by 、,，;), by Chinese name or `app.model` key."""
    out = []
    for name in _names(text):
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
    links: dict = field(default_factory=dict)

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
    return period_records(rt, qs, since, until)


def figure_records(spec, unit, since: dt.date, until: dt.date):
    """(approved records the figure counts for the unit and period, their list URL): the figure's own list
    parameters over all records — the completeness table is the issuer's, the link is read in the reader's
    area."""
    from urllib.parse import urlencode

    from xiezuo.core.figures import Options, Subject
    from xiezuo.core.registry import for_model

    params = spec.params(Subject("organisation", unit, since, until), Options())
    if params is None:
        return spec.record_model._base_manager.none(), ""
    rt = for_model(spec.record_model)
    filterset = rt.filterset(QueryDict(urlencode(params, doseq=True)), queryset=rt.model._base_manager.all())
    qs = filterset.qs if filterset.is_valid() else rt.model._base_manager.none()
    return rt.model._base_manager.filter(pk__in=qs.values("pk")), f"{rt.url('list')}?{urlencode(params, doseq=True)}"


class TypeBook:
    """Every submitted, approved or returned record of one type in a round's period, read once for all the due
    units: which organisations place each record (with the creator's unit), and when it was first reported.
    A unit's records are then those placed by the unit or a unit below it (a lookup by path prefix)."""

    SEGMENT = 9  # an organisation path is "00000001/00000005/": nine characters a level

    def __init__(self, rt, since: dt.date, until: dt.date):
        model = rt.model
        qs = period_records(rt, model._base_manager.all(), since, until) \
            .filter(status__in=(Status.SUBMITTED, Status.APPROVED, Status.RETURNED))
        self.status = dict(qs.values_list("pk", "status"))
        spec = getattr(model, "scope", None)
        paths = ["created_by__profile__organisation__path"]
        if spec is not None:
            paths += [f"{p}__path" for p in spec.organisations] + (["path"] if spec.is_organisation else [])
        self.under: dict[str, set] = {}  # organisation path (any level) → records placed at or below it
        inside = model._base_manager.filter(pk__in=qs.values("pk"))
        for p in paths:
            for pk, path in inside.exclude(**{f"{p}__isnull": True}).values_list("pk", p):
                for level in range(self.SEGMENT, len(path) + 1, self.SEGMENT):
                    self.under.setdefault(path[:level], set()).add(pk)
        reported = [pk for pk, st in self.status.items() if st != Status.RETURNED]
        self.first = first_reported_each(rt, reported)

    def of(self, unit) -> tuple[list, int, dt.datetime | None]:
        """(reported pks, number returned, first time the unit reported this type)."""
        mine = self.under.get(unit.path, set())
        reported = [pk for pk in mine if self.status[pk] != Status.RETURNED]
        returned = len(mine) - len(reported)
        times = [self.first[pk] for pk in reported if pk in self.first]
        return reported, returned, (min(times) if times else None)


def period_records(rt, qs, since: dt.date, until: dt.date):
    """Records of `qs` in the period by the type's own list filter (`since`/`until`), else by entry date."""
    filters = rt.filterset.base_filters
    if "since" in filters and "until" in filters:
        filterset = rt.filterset(QueryDict(f"since={since}&until={until}"), queryset=qs)
        return filterset.qs if filterset.is_valid() else qs.none()
    return qs.filter(created_at__date__gte=since, created_at__date__lte=until)


def first_reported_each(rt, pks) -> dict:
    """For each record: its first submit in the history, or its entry time if it never went through one."""
    if not pks:
        return {}
    ct = ContentType.objects.get_for_model(rt.model)
    out = {}
    keys = [str(pk) for pk in pks]
    for start in range(0, len(keys), 5000):
        chunk = keys[start:start + 5000]
        for object_id, time in ChangeRecord.objects.filter(content_type=ct, object_id__in=chunk,
                                                           action=ChangeRecord.Action.SUBMIT) \
                .values("object_id").annotate(t=Min("time")).values_list("object_id", "t"):
            out[int(object_id)] = time
    rest = [pk for pk in pks if pk not in out]
    for start in range(0, len(rest), 5000):
        out.update(rt.model._base_manager.filter(pk__in=rest[start:start + 5000]).values_list("pk", "created_at"))
    return out


def completeness(rnd, today: dt.date | None = None) -> list[UnitRow]:
    """One row per due unit: reported on time, late, returned, not yet, or overdue."""
    from .models import Notification

    today = today or timezone.localdate()
    deadline_end = timezone.make_aware(dt.datetime.combine(rnd.due_date, dt.time.max))
    types, figures = rnd.due_types(), rnd.due_figures()
    books = {rt.key: TypeBook(rt, rnd.period_start, rnd.period_end) for rt in types}
    reminders: dict[int, set] = {}
    for event in Notification.objects.filter(event__startswith=f"reminder:{rnd.pk}:").values_list("event", flat=True) \
            .distinct():
        reminders.setdefault(int(event.split(":")[2]), set()).add(event)
    rows = []
    for unit in rnd.due_units.order_by("name"):
        row = UnitRow(unit, MISSING)
        for rt in types:
            reported, returned, first = books[rt.key].of(unit)
            row.by_type[rt.key] = len(reported)
            row.reported += len(reported)
            row.returned += returned
            if first is not None and (row.first_reported is None or first > row.first_reported):
                # The unit has reported when its last due type is in: the latest of the types' first reports.
                row.first_reported = first
        for spec in figures:
            qs, row.links[spec.key] = figure_records(spec, unit, rnd.period_start, rnd.period_end)
            reported = list(qs.values_list("pk", flat=True))
            row.by_type[spec.key] = len(reported)
            row.reported += len(reported)
            rt = _type_of(spec)
            if not reported:
                row.returned += unit_records(rt, unit, rnd.period_start, rnd.period_end) \
                    .filter(status=Status.RETURNED).count()
            times = first_reported_each(rt, reported).values()
            first = min(times) if times else None
            if first is not None and (row.first_reported is None or first > row.first_reported):
                row.first_reported = first
        due = [rt.key for rt in types] + [f.key for f in figures]
        complete = all(row.by_type.get(key) for key in due)
        if complete:
            row.status = ON_TIME if row.first_reported <= deadline_end else LATE
        elif row.returned:
            row.status = RETURNED
        elif today > rnd.due_date:
            row.status = OVERDUE
        row.reminders = len(reminders.get(unit.pk, ()))
        rows.append(row)
    return rows


def _type_of(spec):
    from xiezuo.core.registry import for_model

    return for_model(spec.record_model)


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
