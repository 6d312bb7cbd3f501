"""The leaders' dashboard: KPI cards against targets, the monthly trend, the ranking of the regions below the
reader's and a choropleth of them; every number links to the records behind it (figure registry URLs)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Max, Sum
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from xiezuo.core.models import ChangeRecord
from xiezuo.core.permissions import Role, role_for
from xiezuo.core.scope import get_scope
from xiezuo.geo.models import Region

from .compute import live_value, year_subject
from .models import Indicator, Round, Target

GUIZHOU = "520000000000"
MAPS = Path(__file__).resolve().parent.parent / "geo" / "static" / "geo" / "maps"


def home_region(user) -> Region:
    """The region the dashboard is about: Guizhou for the province and the assessment team, else the reader's
    own western region (a prefecture or county), else Guizhou (figures are restricted to the area anyway)."""
    scope = get_scope(user)
    for prefix in scope.region_prefixes:
        if prefix.startswith("52"):
            code = prefix.ljust(12, "0")
            region = Region.objects.filter(code=code).first()
            if region is not None:
                return region
    return Region.objects.get(code=GUIZHOU)


def default_year() -> int:
    rnd = Round.objects.order_by("-year").first()
    return rnd.year if rnd else timezone.localdate().year


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or default_year())
    except ValueError:
        raise Http404 from None


def _fmt(ind: Indicator, value) -> str:
    if value is None:
        return "—"
    if ind.money:
        return f"{(Decimal(value) / 10000).quantize(Decimal('0.1'))}"
    return f"{Decimal(value).normalize():f}"


def stamp() -> str:
    """Changes when anything the dashboard shows may have changed: every write of a record goes through
    core/services.py, which logs a ChangeRecord; the catalogue is small and read whole."""
    # The id and the time of the latest change: an id alone may be given again after a rolled-back write.
    last = ChangeRecord.objects.aggregate(n=Max("pk"), t=Max("time"))
    last = f"{last['n']}@{last['t'].timestamp() if last['t'] else 0}"
    catalogue = hash(tuple(Indicator.objects.values_list("pk", "figure_key", "active", "weight")))
    return f"{last}:{catalogue}:{get_language()}"


def cached(user, name: str, compute):
    """A warm dashboard is a cache hit: the figures are recounted only after a write (see `stamp`), per reader
    (each reader's figures are restricted to their own area)."""
    key = f"assessment:{name}:{user.pk}:{stamp()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, 600)
    return value


def kpis(user, region: Region, year: int) -> list[dict]:
    return cached(user, f"kpis:{region.code}:{year}", lambda: _kpis(user, region, year))


def _kpis(user, region: Region, year: int) -> list[dict]:
    subject = year_subject("region", region, year)
    out = []
    for ind in Indicator.objects.filter(active=True):
        live = live_value(user, ind, subject, unapproved=False)
        target = Target.objects.restrict(user).filter(
            indicator=ind, year=year, status="approved",
            pairing__helped_region__code__startswith=region.prefix).aggregate(s=Sum("value"))["s"]
        share = None
        if target and live.value is not None:
            share = int(live.value * 100 / target)
        out.append({"i": ind, "live": live, "value": _fmt(ind, live.value), "target": _fmt(ind, target)
                    if target is not None else "", "share": share})
    return out


@login_required
def dashboard(request):
    region = home_region(request.user)
    year = _year(request)
    cards = kpis(request.user, region, year)
    map_file = MAPS / f"{region.code}.json"
    return render(request, "assessment/dashboard.html", {
        "region": region, "year": year, "cards": cards, "years": range(2017, timezone.localdate().year + 1),
        "with_source": [c for c in cards if c["live"].source and c["live"].value is not None],
        "map_url": static(f"geo/maps/{region.code}.json") if map_file.exists() else "",
    })


@login_required
def dashboard_data(request):
    """The ranking / map and the monthly trend of one indicator, as JSON for static/assessment/dashboard.js."""
    region = home_region(request.user)
    year = _year(request)
    ind = Indicator.objects.filter(code=request.GET.get("indicator", "")).first()
    if ind is None or ind.spec is None:
        raise Http404
    return JsonResponse(cached(request.user, f"data:{region.code}:{year}:{ind.code}",
                               lambda: _data(request.user, region, year, ind)))


def _data(user, region: Region, year: int, ind: Indicator) -> dict:
    regions = []
    for child in Region.objects.filter(parent=region, valid_to__isnull=True).order_by("code"):
        live = live_value(user, ind, year_subject("region", child, year), unapproved=False)
        if live.value is not None:
            regions.append({"code": child.code, "name": child.name, "value": float(live.value), "url": live.url})
    regions.sort(key=lambda r: -r["value"])
    trend = []
    for month in range(1, 13):
        start = dt.date(year, month, 1)
        end = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
        live = live_value(user, ind, year_subject("region", region, year).within(start, end), unapproved=False)
        trend.append({"month": f"{year}-{month:02d}", "value": float(live.value or 0), "url": live.url})
    return {"indicator": ind.name, "unit": ind.unit, "money": ind.money, "regions": regions, "trend": trend}


def home_context(request):
    """The home-page panel: the KPI cards for the read-only leader role, a link to the dashboard for others."""
    if not request.user.is_authenticated:
        return None
    if role_for(request.user) == Role.VIEWER and not get_scope(request.user).everything:
        region = home_region(request.user)
        year = default_year()
        return {"leader": True, "region": region, "year": year,
                "cards": [c for c in kpis(request.user, region, year) if c["live"].source]}
    return {"leader": False, "title": _("领导驾驶舱")}
