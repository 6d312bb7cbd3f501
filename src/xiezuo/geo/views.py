"""Region browsing and search: name in Simplified or Traditional, or pinyin initials (`qn` → 黔南)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, render

from xiezuo.core.filtersets import text_query
from xiezuo.core.home import place_actions
from xiezuo.core.scope import linkable_regions

from .models import Region

# Pages about a region that other apps offer (label, URL name taking `code`, lowest level it makes sense for).
# Apps append to it from their AppConfig.ready(); geo knows none of them.
REGION_PAGES: list[tuple[str, str, int]] = []


def add_region_page(label, url_name: str, max_level: int = 5) -> None:
    REGION_PAGES.append((label, url_name, max_level))


def search_regions(query: str, level: int | None = None, limit: int | None = None, within=None):
    qs = Region.objects.filter(text_query(Region, query, ("name",))) if query else Region.objects.filter(level=1)
    if within is not None:
        qs = qs.filter(code__in=within)
    if level:
        qs = qs.filter(level=level)
    qs = qs.select_related("parent").order_by("level", "code")
    return qs[:limit] if limit else qs


@login_required
def region_list(request):
    query = request.GET.get("q", "").strip()
    level = request.GET.get("level")
    level = int(level) if level and level.isdigit() else None
    page = Paginator(search_regions(query, level), 50).get_page(request.GET.get("page"))
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


@login_required
def region_suggest(request):
    """Options for a region box's datalist (htmx)."""
    field = request.GET.get("field", "q")
    query = request.GET.get(field, "") or request.GET.get("q", "")
    query = query.strip()
    # A region box on a form takes only regions the user may name on a record (core.scope.linkable_regions).
    allowed = linkable_regions(request.user).values("code")
    if query[:1].isdigit():
        digits = query.split(" ")[0]
        options = Region.objects.filter(code__startswith=digits, code__in=allowed).order_by("code")[:20]
    else:
        options = search_regions(query, limit=20, within=allowed) if query else []
        options = sorted(options, key=lambda r: (r.level, r.code)) if options else []
    return render(request, "geo/region_options.html", {"options": options})


__all__ = ["Case", "When", "Value", "IntegerField"]
