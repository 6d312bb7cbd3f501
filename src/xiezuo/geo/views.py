"""Region browsing and search: name in Simplified or Traditional, or pinyin initials (`qn` → 黔南)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, render

from xiezuo.core.filtersets import text_query
from xiezuo.core.home import place_actions
from xiezuo.core.text import is_digits

from .models import Region

# Pages about a region that other apps offer (label, URL name taking `code`, lowest level it makes sense for).
# Apps append to it from their AppConfig.ready(); geo knows none of them.
REGION_PAGES: list[tuple[str, str, int]] = []


def add_region_page(label, url_name: str, max_level: int = 5) -> None:
    REGION_PAGES.append((label, url_name, max_level))


def area_rank(user):
    """An ordering expression: 0 for the user's own area (their units' home regions, and the regions holding
    them), 1 for the paired areas, 2 for the rest. None for a user who sees everything (no area to prefer)."""
    from xiezuo.core.scope import get_scope

    scope = get_scope(user) if user is not None else None
    if scope is None or scope.everything:
        return None
    own = sorted(set(scope.region_prefixes) | set(scope.home_prefixes))
    # The regions that hold the area count as its own (毕节市 for 大方县's office): `bj` finds its prefecture first.
    holding = {p[:n].ljust(12, "0") for p in own for n in (2, 4, 6, 9) if n < len(p)}
    whens = [When(code__startswith=p, then=Value(0)) for p in own]
    whens += [When(code__in=sorted(holding), then=Value(0))] if holding else []
    whens += [When(code__startswith=p, then=Value(1)) for p in scope.partner_prefixes]
    return Case(*whens, default=Value(2), output_field=IntegerField()) if whens else None


def search_regions(query: str, level: int | None = None, limit: int | None = None, user=None):
    """Regions by name (either script), full pinyin with place-name readings (`duyun`) or initials (`dy`):
    the user's own area first, then the paired areas, then the rest; higher levels before lower ones."""
    qs = Region.objects.filter(text_query(Region, query, ("name",))) if query else Region.objects.filter(level=1)
    if level:
        qs = qs.filter(level=level)
    rank = area_rank(user) if query else None
    order = ("level", "code") if rank is None else (rank.asc(), "level", "code")
    qs = qs.select_related("parent").order_by(*order)
    return qs[:limit] if limit else qs


@login_required
def region_list(request):
    query = request.GET.get("q", "").strip()
    level = request.GET.get("level")
    level = int(level) if level and is_digits(level) else None
    page = Paginator(search_regions(query, level, user=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "geo/region_list.html", {"page": page, "query": query, "level": level,
                                                    "levels": Region._meta.get_field("level").choices})


@login_required
def region_detail(request, code):
    region = get_object_or_404(Region.objects.select_related("parent", "successor"), code=code)
    children = Paginator(region.children.order_by("code"), 100).get_page(request.GET.get("page"))
    from django.urls import reverse

    pages = [(label, reverse(name, kwargs={"code": region.code}))
             for label, name, max_level in REGION_PAGES if region.level <= max_level]
    return render(request, "geo/region_detail.html", {
        "region": region, "children": children, "ancestors": region.ancestors(),
        "predecessors": region.predecessors.all(), "region_pages": pages,
        "place_actions": place_actions(request.user, region.code) if region.is_current else [],
    })


__all__ = ["Case", "When", "Value", "IntegerField"]
