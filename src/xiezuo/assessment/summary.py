"""The dashboard's summaries: figure values precomputed into a table and kept current by a job after writes.

A dashboard request never counts the ledgers. It reads a `Summary` row: the KPI cards of a region and year
(`kpis:<region>:<year>`), or one indicator's ranking, county map, pairings and monthly trend
(`data:<region>:<year>:<indicator>`). Each row carries the stamp of the data it was computed from (the latest
change record, see `stamp`); a request that finds its row older than the latest write serves it as it is,
says so on the page, and queues one `assessment.summary` job, which recomputes every stale row (the worker
process runs it; with XIEZUO_JOBS_EAGER, as in the tests, it runs at once). Only a row never asked for before
is computed during the request; when that is a region's KPI cards, the job then counts the map and trend of
every indicator of that region and year too, before anyone picks them.

Rows are computed over every record (a reader seeing everything): they serve a reader whose own area covers
the region, for whom the figures are the same. Any other reader (e.g. a partner province looking at Guizhou)
is served figures restricted to their area, computed for them and cached per reader until the next write.
Links always go to the list pages, which show each reader only the records of their area.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from xiezuo.core.jobs import enqueue, job_handler, requeue
from xiezuo.core.models import ChangeRecord, Job
from xiezuo.core.scope import Scope, get_scope
from xiezuo.geo.models import Region

from .compute import live_value, live_values, year_subject
from .models import Indicator, Summary
from .targets import region_goals

KIND = "assessment.summary"


class _Everyone:
    """The reader a summary is computed for: sees every record (its figures equal those of any reader whose
    own area covers the region)."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    pk = None
    _xiezuo_scope = Scope(everything=True)


EVERYONE = _Everyone()


def stamp() -> str:
    """Changes when anything a summary shows may have changed: every write of a record goes through
    core/services.py, which logs a ChangeRecord (so do the round actions); the catalogue is small and read
    whole. The id and the time of the latest change: an id alone may be given again after a rolled-back write."""
    last = ChangeRecord.objects.aggregate(n=Max("pk"), t=Max("time"))
    last = f"{last['n']}@{last['t'].timestamp() if last['t'] else 0}"
    catalogue = hash(tuple(Indicator.objects.values_list("pk", "figure_key", "active", "weight")))
    return f"{last}:{catalogue}"


def _num(value) -> str | None:
    return None if value is None else f"{Decimal(value).normalize():f}"


# --- what a summary holds -----------------------------------------------------------------------------------

def compute_kpis(reader, region: Region, year: int) -> dict:
    subject = year_subject("region", region, year)
    indicators = list(Indicator.objects.filter(active=True))
    goals = region_goals(region, year, indicators)
    cards = []
    for ind in indicators:
        live = live_value(reader, ind, subject, unapproved=False)
        cards.append({"code": ind.code, "value": _num(live.value), "url": live.url, "source": live.source,
                      "target": _num(goals.get(ind.pk))})
    return {"cards": cards}


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, 1)
    return start, dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def _values(reader, ind: Indicator, regions, year: int) -> list[dict]:
    out = []
    regions = list(regions)
    found = live_values(reader, ind, [year_subject("region", r, year) for r in regions])
    for r, live in zip(regions, found, strict=True):
        if live.value is not None:
            out.append({"code": r.code, "name": r.name, "value": float(live.value), "url": live.url})
    return out


def compute_data(reader, region: Region, year: int, ind: Indicator) -> dict:
    """One indicator: the regions one level below (ranking, prefecture map), every county of the region
    (county map), the pairings whose helped side lies in it (lines to the helping cities) and the months."""
    current = Region.objects.filter(valid_to__isnull=True)
    children = list(current.filter(parent=region).order_by("code"))
    regions = _values(reader, ind, children, year)
    regions.sort(key=lambda r: -r["value"])
    if region.level == 1:
        counties = _values(reader, ind, current.filter(level=3, code__startswith=region.prefix).order_by("code"),
                           year)
    elif region.level == 2:
        counties = regions
    else:
        counties = _values(reader, ind, [region], year)
    trend = []
    months = [year_subject("region", region, year).within(*_month(year, m)) for m in range(1, 13)]
    for month, live in zip(range(1, 13), live_values(reader, ind, months), strict=True):
        trend.append({"month": f"{year}-{month:02d}", "value": float(live.value or 0), "url": live.url})
    return {"indicator": ind.name, "unit": ind.unit, "money": ind.money, "regions": regions, "counties": counties,
            "pairings": _pairings(reader, ind, region, year), "trend": trend}


def _side(pairing, side: str) -> str | None:
    region = getattr(pairing, f"{side}_region")
    if region is None:
        org = getattr(pairing, f"{side}_organisation")
        region = org.region if org is not None else None
    return region.code if region is not None else None


def _pairings(reader, ind: Indicator, region: Region, year: int) -> list[dict]:
    from xiezuo.partners.models import Pairing

    prefix = region.prefix
    qs = Pairing.objects.filter(Q(helped_region__code__startswith=prefix)
                                | Q(helped_organisation__region__code__startswith=prefix)) \
        .filter(start_date__lte=dt.date(year, 12, 31)) \
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=dt.date(year, 1, 1))) \
        .select_related("helper_region", "helped_region", "helper_organisation__region",
                        "helped_organisation__region").order_by("pk")
    drawn = [(p, _side(p, "helper"), _side(p, "helped")) for p in qs]
    drawn = [(p, helper, helped) for p, helper, helped in drawn if helper and helped]
    out = []
    found = live_values(reader, ind, [year_subject("pairing", p, year) for p, _h, _d in drawn])
    for (p, helper, helped), live in zip(drawn, found, strict=True):
        out.append({"name": str(p), "helper": helper, "helped": helped,
                    "value": float(live.value) if live.value is not None else None, "url": live.url})
    return out


# --- reading and refreshing ---------------------------------------------------------------------------------

def _parse(key: str):
    """(function, args) that compute the row of `key` for the reader everyone."""
    kind, code, year, *rest = key.split(":")
    region = Region.objects.get(code=code)
    if kind == "kpis":
        return compute_kpis, (region, int(year))
    return compute_data, (region, int(year), Indicator.objects.get(code=rest[0]))


def _compute_row(key: str, current: str) -> Summary:
    func, args = _parse(key)
    started = time.perf_counter()
    payload = func(EVERYONE, *args)
    row, _made = Summary.objects.update_or_create(key=key, defaults={
        "stamp": current, "payload": payload, "computed_at": timezone.now(),
        "seconds": time.perf_counter() - started})
    return row


def request_refresh(user) -> None:
    """Queue one refresh job unless one is already waiting."""
    if user is None or not getattr(user, "pk", None):
        return
    if not Job.objects.filter(kind=KIND, state=Job.State.QUEUED).exists():
        enqueue(KIND, user, _("更新领导驾驶舱汇总"))


def read(user, key: str) -> tuple[dict, dict]:
    """(payload, about) for the reader: `about` says when the figures were computed and whether a newer write
    is still being counted in."""
    region_code = key.split(":")[1]
    if not get_scope(user).covers_code(region_code):
        return _per_reader(user, key), {"computed_at": None, "stale": False}
    current = stamp()
    row = Summary.objects.filter(key=key).first()
    if row is None:
        row = _compute_row(key, current)
        if key.startswith("kpis:") and not settings.XIEZUO_JOBS_EAGER:
            request_refresh(user)  # the worker counts every indicator's map and trend before they are asked for
    elif row.stamp != current:
        request_refresh(user)
        row = Summary.objects.get(key=key)  # the eager job (tests) has refreshed it already
    return row.payload, {"computed_at": row.computed_at, "stale": row.stamp != current}


def _per_reader(user, key: str) -> dict:
    cache_key = f"assessment:{key}:{user.pk}:{stamp()}:{get_language()}"
    value = cache.get(cache_key)
    if value is None:
        func, args = _parse(key)
        value = func(user, *args)
        cache.set(cache_key, value, 600)
    return value


def missing_keys() -> list[str]:
    """The map-and-trend rows not counted yet of every region and year whose KPI cards were asked for: one per
    indicator that has a source, so that picking an indicator never waits for a count."""
    codes = [i.code for i in Indicator.objects.filter(active=True) if i.spec is not None]
    wanted = []
    for key in Summary.objects.filter(key__startswith="kpis:").values_list("key", flat=True):
        _kind, region, year = key.split(":")
        wanted += [f"data:{region}:{year}:{code}" for code in codes]
    have = set(Summary.objects.filter(key__in=wanted).values_list("key", flat=True))
    return [k for k in wanted if k not in have]


@job_handler(KIND, background=True)
def refresh(job, progress) -> dict:
    """Recompute every summary row older than the latest write, then count the rows not asked for yet."""
    current = stamp()
    stale = list(Summary.objects.exclude(stamp=current).values_list("key", flat=True))
    missing = missing_keys()
    started = time.perf_counter()
    keys = stale + missing
    for i, key in enumerate(keys):
        if progress.user_waiting():
            requeue(job)  # an import or export a user watches goes first; the rest is counted after it
            return {"rows": i, "added": 0, "gave_way": True, "seconds": round(time.perf_counter() - started, 2)}
        try:
            _compute_row(key, current)
        except (Region.DoesNotExist, Indicator.DoesNotExist):
            Summary.objects.filter(key=key).delete()  # its region or indicator is gone
        progress(int(100 * (i + 1) / max(1, len(keys))), _("已更新 %(n)s 项") % {"n": i + 1})
    return {"rows": len(stale), "added": len(missing), "seconds": round(time.perf_counter() - started, 2)}
