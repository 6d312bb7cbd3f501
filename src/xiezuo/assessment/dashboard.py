"""The leaders' dashboard: KPI cards against targets, the monthly trend, the ranking of the regions below the
reader's, a choropleth of Guizhou by prefecture or by county with the pairings drawn to Guangdong's cities;
every number, region and line links to the records behind it (figure registry URLs). The figures come from
the summary table (summary.py), never from a count of the ledgers during the request."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezuo.core.languages import traditional_region
from xiezuo.core.permissions import Role, role_for
from xiezuo.core.scope import get_scope
from xiezuo.core.tables import display_text
from xiezuo.geo.models import Region

from . import summary
from .models import Indicator, Round

GUIZHOU = "520000000000"
GUANGDONG = "440000000000"  # the helping province: its cities are drawn on the map with the pairings
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


def kpis(user, region: Region, year: int) -> tuple[list[dict], dict]:
    """The KPI cards (from the summary table, summary.py) and when their figures were computed."""
    payload, about = summary.read(user, f"kpis:{region.code}:{year}")
    indicators = {i.code: i for i in Indicator.objects.filter(active=True)}
    cards = []
    for c in payload["cards"]:
        ind = indicators.get(c["code"])
        if ind is None:
            continue
        value = Decimal(c["value"]) if c["value"] is not None else None
        target = Decimal(c["target"]) if c["target"] is not None else None
        share = int(value * 100 / target) if target and value is not None else None
        cards.append({"i": ind, "live": {"source": c["source"], "url": c["url"], "value": value},
                      "value": _fmt(ind, value), "target": _fmt(ind, target) if target is not None else "",
                      "share": share})
    return cards, about


@login_required
def dashboard(request):
    region = home_region(request.user)
    year = _year(request)
    cards, about = kpis(request.user, region, year)
    county_map = region.level == 1 and (MAPS / f"{region.code}-county.json").exists()
    return render(request, "assessment/dashboard.html", {
        "region": region, "year": year, "cards": cards, "years": range(2017, timezone.localdate().year + 1),
        "about": about,
        "with_source": [c for c in cards if c["live"]["source"] and c["live"]["value"] is not None],
        "map_url": static(f"geo/maps/{region.code}.json") if (MAPS / f"{region.code}.json").exists() else "",
        "county_map_url": static(f"geo/maps/{region.code}-county.json") if county_map else "",
        "east_map_url": static(f"geo/maps/{GUANGDONG}.json") if (MAPS / f"{GUANGDONG}.json").exists() else "",
    })


@login_required
def dashboard_data(request):
    """The ranking, the maps (by prefecture and by county), the pairings and the monthly trend of one
    indicator, as JSON for static/assessment/dashboard.js."""
    region = home_region(request.user)
    year = _year(request)
    ind = Indicator.objects.filter(code=request.GET.get("indicator", "")).first()
    if ind is None or ind.spec is None:
        raise Http404
    payload, about = summary.read(request.user, f"data:{region.code}:{year}:{ind.code}")
    return JsonResponse({**labelled(payload), "stale": about["stale"]})


def labelled(payload: dict) -> dict:
    """The summary row (kept once for every language) with the names in the interface's script: a `label` beside
    each region's and pairing's `name` (the map joins its regions by `name`, as the map files spell them), the
    indicator's name, and the helping cities' names by code (the dots the pairing lines start from)."""
    region = traditional_region()
    if region is None:
        return payload

    def rows(items):
        return [{**r, "label": display_text(r["name"], region)} for r in items]

    cities = {p["helper"][:4] + "00000000" for p in payload.get("pairings", [])}
    return {**payload, "indicator": display_text(payload["indicator"], region),
            "unit": display_text(payload["unit"], region), "regions": rows(payload["regions"]),
            "counties": rows(payload["counties"]), "pairings": rows(payload["pairings"]),
            "cities": {code: display_text(name, region)
                       for code, name in Region.objects.filter(code__in=cities).values_list("code", "name")}}


def home_context(request):
    """The home-page panel: the KPI cards for the read-only leader role, a link to the dashboard for others."""
    if not request.user.is_authenticated:
        return None
    if role_for(request.user) == Role.VIEWER and not get_scope(request.user).everything:
        region = home_region(request.user)
        year = default_year()
        cards, about = kpis(request.user, region, year)
        return {"leader": True, "region": region, "year": year, "about": about,
                "cards": [c for c in cards if c["live"]["source"]]}
    return {"leader": False, "title": _("领导驾驶舱")}
