"""Cooperation pages of an organisation, a pairing and a region, and the extra parts of detail pages."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from xiezuo.exchange.models import Agreement, Visit

from . import cooperation
from .models import FundDisbursement, parse_milestones


def _date(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def period(request) -> dict:
    """`?since=2016-09-01&until=2018-03-28&approved=1` — the period and whether only approved records count."""
    return {"since": _date(request.GET.get("since")), "until": _date(request.GET.get("until")),
            "status": "approved" if request.GET.get("approved") else None,
            "facts_only": bool(request.GET.get("facts"))}


def _render(request, page, subject, kind, **extra):
    p = period(request)
    return render(request, "industry/cooperation.html", {
        "page": page, "subject": subject, "kind": kind, "since": p["since"], "until": p["until"],
        "approved": bool(p["status"]), "facts_only": p["facts_only"], **extra})


@login_required
def organisation_page(request, pk):
    from xiezuo.partners.models import Organisation

    org = get_object_or_404(Organisation.objects.restrict(request.user), pk=pk)
    return _render(request, cooperation.organisation_page(request.user, org, **period(request)), org, "organisation")


@login_required
def pairing_page(request, pk):
    from xiezuo.partners.models import Pairing

    pairing = get_object_or_404(Pairing.objects.restrict(request.user).select_related(
        "helper_region", "helped_region", "helper_organisation", "helped_organisation"), pk=pk)
    page = cooperation.pairing_page(request.user, pairing, **period(request))
    sides = [r for r in (pairing.helper_region, pairing.helped_region) if r is not None]
    return _render(request, page, pairing, "pairing", sides=sides)


@login_required
def region_page(request, code):
    from xiezuo.geo.models import Region

    # Regions are shipped reference data, visible to all; the figures count only records in the reader's area.
    region = get_object_or_404(Region.objects.select_related("parent"), code=code)
    return _render(request, cooperation.region_page(request.user, region, **period(request)), region, "region",
                   ancestors=region.ancestors())


def organisation_panel(request, org) -> dict:
    page = cooperation.organisation_page(request.user, org)
    visits, _u = cooperation.records(Visit, request.user, {"organisation": org.pk})
    agreements, _u = cooperation.records(Agreement, request.user, {"organisation": org.pk})
    return {"ledger_figures": [page.figure(k) for k in ("trips", "enterprise_visits", "agreements", "projects",
                                                         "actual")],
            "ledger_recent": [*visits.order_by("-start_date", "-pk")[:5], *agreements.order_by("-signed_on", "-pk")[:5]],
            "ledger_url": reverse("industry:cooperation_organisation", kwargs={"pk": org.pk}),
            "ledger_region_url": reverse("industry:cooperation_region", kwargs={"code": org.region_id})}


def pairing_panel(request, pairing) -> dict:
    page = cooperation.pairing_page(request.user, pairing)
    return {"ledger_figures": [page.figure(k) for k in ("trips", "agreements", "projects", "actual", "allocated",
                                                         "disbursed")],
            "ledger_url": reverse("industry:cooperation_pairing", kwargs={"pk": pairing.pk}),
            "ledger_region_url": reverse("industry:cooperation_region", kwargs={"code": pairing.helped_region_id})
            if pairing.helped_region_id else None}


def project_context(request, project) -> dict:
    user = request.user
    disbursements = FundDisbursement.objects.restrict(user).filter(project=project).select_related("allocation")
    try:
        milestones = parse_milestones(project.milestones)
    except ValueError:
        milestones = []
    return {"disbursements": disbursements, "fiscal_total": sum(d.amount for d in disbursements),
            "visits": Visit.objects.restrict(user).filter(projects=project), "milestones": milestones}


def allocation_context(request, allocation) -> dict:
    disbursements = FundDisbursement.objects.restrict(request.user).filter(allocation=allocation).select_related(
        "project")
    return {"disbursements": disbursements, "disbursed": allocation.disbursed(), "balance": allocation.balance()}
