"""Cooperation pages of an organisation, a pairing and a region, and their panels on detail pages.

Every number on them comes from the figure registry (`core/figures.py`); a
channel adds to these pages by declaring figures (and table columns) in its own
`figures.py`, never by editing this module. The two tables every channel may
add columns to are declared here: per enterprise (organisation page) and per
county (region page).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from . import figures as registry
from .choices import ENTERPRISE_KINDS
from .figures import Options, Subject


def _enterprise_rows(user, subject: Subject, options: Options):
    from xiezuo.partners.models import Organisation

    org = subject.obj
    units = Organisation.objects.restrict(user).filter(path__startswith=org.path, kind__in=ENTERPRISE_KINDS)
    for unit in units.order_by("path"):
        yield unit.short_name or unit.name, subject.of("organisation", unit), {}


def _county_rows(user, subject: Subject, options: Options):
    from xiezuo.geo.models import Region

    for child in Region.objects.filter(parent=subject.obj, valid_to__isnull=True).order_by("code"):
        yield child, subject.of("region", child), {}


registry.table("per_enterprise", _("分企业"), _("企业"), ("organisation",), _enterprise_rows, order=10)
registry.table("per_region", _("分地区"), _("地区"), ("region",), _county_rows, order=90)


# --- subjects and the reader's area -------------------------------------------------------------------------

def _date(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _flag(value) -> bool:
    return str(value or "").lower() in ("1", "true", "yes", "on")


def request_options(params) -> tuple[dt.date | None, dt.date | None, Options]:
    """`?since=2016-09-01&until=2018-03-28&include_unapproved=1&facts=1` of a page or an API call."""
    return (_date(params.get("since")), _date(params.get("until")),
            Options(include_unapproved=_flag(params.get("include_unapproved")), facts_only=_flag(params.get("facts"))))


def region_in_area(user, region) -> bool:
    """A region is in the reader's area when it overlaps their regions, partner regions or units' regions."""
    from .scope import code_prefix, get_scope

    scope = get_scope(user)
    if scope.everything:
        return True
    from xiezuo.partners.models import Organisation

    own = [*scope.region_prefixes, *scope.partner_prefixes,
           *(code_prefix(r) for r in Organisation.objects.filter(path__in=scope.organisation_paths)
             .values_list("region_id", flat=True))]
    mine = code_prefix(region.code, region.level)
    return any(p.startswith(mine) or mine.startswith(p) for p in own)


def subject_object(user, kind: str, ident, public_regions: bool = True):
    """The organisation, pairing or region `ident` if the reader may see it, else 404."""
    from xiezuo.geo.models import Region
    from xiezuo.partners.models import Organisation, Pairing

    if kind == "organisation":
        return get_object_or_404(Organisation.objects.restrict(user), pk=_int(ident))
    if kind == "pairing":
        return get_object_or_404(Pairing.objects.restrict(user).select_related(
            "helper_region", "helped_region", "helper_organisation", "helped_organisation"), pk=_int(ident))
    if kind == "region":
        region = get_object_or_404(Region.objects.select_related("parent"), code=str(ident))
        # Regions are shipped reference data: the page shows any (its figures count only the reader's records);
        # the API answers only for regions in the reader's area.
        if not public_regions and not region_in_area(user, region):
            raise Http404
        return region
    raise Http404


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


# --- pages --------------------------------------------------------------------------------------------------

def _render(request, kind: str, obj, title: str, **extra):
    since, until, options = request_options(request.GET)
    subject = Subject(kind, obj, since, until)
    user = request.user
    name = f"page:{kind}:{obj.pk}:{since}:{until}:{options}"
    found: dict = {}

    def make():
        return registry.figures(user, subject, options), registry.build_tables(user, subject, options)

    # The rendered figures and tables are kept per reader's area and language while nothing they read changed;
    # then the figures themselves are not even read from the cache.
    state = registry.kept_state(user, name, area_only=True)
    if state is None:
        found["data"], state = registry.kept(user, name, make, area_only=True)

    def counted(part: int):
        # Called by the template only when its rendered figures are not kept (the fragment cache below).
        if "data" not in found:
            found["data"] = registry.cached(user, name, make, area_only=True)
        return found["data"][part]

    return render(request, "core/cooperation.html", {
        "title": title, "figures": lambda: counted(0), "tables": lambda: counted(1), "subject": obj, "kind": kind,
        "fragment_key": state,
        "since": since, "until": until, "include_unapproved": options.include_unapproved,
        "facts_only": options.facts_only, **extra})


@login_required
def organisation_page(request, pk):
    org = subject_object(request.user, "organisation", pk)
    return _render(request, "organisation", org, str(org))


@login_required
def pairing_page(request, pk):
    pairing = subject_object(request.user, "pairing", pk)
    sides = [r for r in (pairing.helper_region, pairing.helped_region) if r is not None]
    return _render(request, "pairing", pairing, str(pairing), sides=sides)


@login_required
def region_page(request, code):
    region = subject_object(request.user, "region", code)
    return _render(request, "region", region, region.name, ancestors=region.ancestors())


app_name = "cooperation"
urlpatterns = [
    path("organisation/<int:pk>/", organisation_page, name="organisation"),
    path("pairing/<int:pk>/", pairing_page, name="pairing"),
    path("region/<str:code>/", region_page, name="region"),
]


# --- panels on the organisation and pairing detail pages ----------------------------------------------------

def _panel(request, kind, obj) -> dict:
    return registry.cached(request.user, f"panel:{kind}:{obj.pk}", lambda: _count_panel(request, kind, obj),
                           area_only=True)


def _count_panel(request, kind, obj) -> dict:
    subject = Subject(kind, obj)
    keys = [s.key for s in registry.specs(kind) if kind in s.panel]
    out = {"ledger_figures": registry.figures(request.user, subject, keys=keys)}
    recent = []
    for spec in registry.specs(kind):
        if kind in spec.recent:
            # A list of records, not a figure: the reader's drafts are listed too, as on the list pages.
            params = spec.params(subject, Options(include_unapproved=True))
            qs, _url, _api = registry.records(request.user, spec.record_model, params)
            recent += list(qs[:5])
    out["ledger_recent"] = recent
    return out


def organisation_panel(request, org) -> dict:
    return {**_panel(request, "organisation", org),
            "ledger_url": reverse("cooperation:organisation", kwargs={"pk": org.pk}),
            "ledger_region_url": reverse("cooperation:region", kwargs={"code": org.region_id})}


def pairing_panel(request, pairing) -> dict:
    return {**_panel(request, "pairing", pairing),
            "ledger_url": reverse("cooperation:pairing", kwargs={"pk": pairing.pk}),
            "ledger_region_url": reverse("cooperation:region", kwargs={"code": pairing.helped_region_id})
            if pairing.helped_region_id else None}


def attach() -> None:
    """Called once the record types are registered (CoreConfig is first; partners registers later)."""
    from xiezuo.geo.views import add_region_page
    from xiezuo.partners.models import Organisation, Pairing

    from .registry import add_panel

    add_panel(Organisation, "core/cooperation_panel.html", organisation_panel)
    add_panel(Pairing, "core/cooperation_panel.html", pairing_panel)
    add_region_page(_("合作概况"), "cooperation:region", max_level=3)
