"""Independent recounts of the consumption figures: plain Python over approved records, no filterset, no
registry query, no `counting.py` (tests/core/test_figures.py checks every figure against these)."""

from __future__ import annotations

import calendar
import re
import unicodedata

from xiezuo.consumption.models import Channel, Product, Sale, TourismEvent, TourismProject, VisitorFlow
from xiezuo.core import figures as registry

BUDGET = {"government", "coop_office", "department", "working_group", "sasac", "school", "hospital"}


def prefix(code: str) -> str:
    return code.rstrip("0") if len(code.rstrip("0")) % 2 == 0 else code.rstrip("0") + "0"


def _in(org, tree) -> bool:
    return org is not None and org.path.startswith(tree.path)


def _period_ok(day, subject) -> bool:
    return (not subject.since or day >= subject.since) and (not subject.until or day <= subject.until)


def _sale_in(s: Sale, subject) -> bool:
    if subject.kind == "organisation":
        return any(_in(o, subject.obj) for o in (s.channel.operator, s.seller, s.buyer, s.producer))
    if subject.kind == "region":
        p = prefix(subject.obj.code)
        return s.region_id.startswith(p) or s.channel.region_id.startswith(p)
    east, west = registry.pairing_sides(subject.obj)
    return s.region_id.startswith(west) and (
        s.channel.region_id.startswith(east) or (s.buyer is not None and s.buyer.region_id.startswith(east)))


def sales(subject):
    return sorted((s for s in Sale.objects.filter(status="approved").select_related(
        "channel__operator", "seller", "buyer", "producer", "product")
        if _sale_in(s, subject) and _period_ok(s.month, subject)), key=lambda s: s.pk)


def certified(s: Sale) -> bool:
    p = s.product
    if p is None or p.stage not in ("certified", "withdrawn") or p.valid_from is None:
        return False
    start = s.sold_on or s.month
    end = s.sold_on or s.month.replace(day=calendar.monthrange(s.month.year, s.month.month)[1])
    last = min([d for d in (p.valid_to, p.withdrawn_on) if d], default=None)
    return p.valid_from <= start and (last is None or last >= end)


def _key(s: Sale) -> str:
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", s.document_no).upper())


def first_reports(rows):
    seen, out = set(), []
    for s in rows:
        key = _key(s)
        if key and key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out


def counted(subject):
    return first_reports([s for s in sales(subject) if certified(s)])


def _amount(rows):
    return sum((s.amount for s in rows), 0)


def products(subject):
    out = []
    # Over a period, a product certified in it and withdrawn since counts too.
    stages = {"certified", "withdrawn"} if subject.since or subject.until else {"certified"}
    for p in Product.objects.filter(status="approved", stage__in=stages):
        if subject.kind == "organisation":
            ok = _in(p.producer, subject.obj)
        else:
            code = registry.pairing_sides(subject.obj)[1] if subject.kind == "pairing" else prefix(subject.obj.code)
            ok = p.region_id.startswith(code)
        if ok and _period_ok(p.valid_from, subject):
            out.append(p)
    return out


def restaurants(subject):
    out = []
    for c in Channel.objects.filter(status="approved", kind="restaurant"):
        served = [r.code for r in c.served_regions.all()]
        if subject.kind == "organisation":
            ok = _in(c.operator, subject.obj)
        elif subject.kind == "region":
            ok = any(code.startswith(prefix(subject.obj.code)) for code in [c.region_id, *served])
        else:
            east, west = registry.pairing_sides(subject.obj)
            ok = c.region_id.startswith(east) and any(code.startswith(west) for code in served)
        if ok and (not (subject.since or subject.until) or (c.opened_on and _period_ok(c.opened_on, subject))):
            out.append(c)
    return out


def _tourism_ok(codes: list[str], origin_region: str, subject) -> bool:
    if subject.kind == "region":
        return any(c.startswith(prefix(subject.obj.code)) for c in codes)
    east, west = registry.pairing_sides(subject.obj)
    return any(c.startswith(west) for c in codes) and origin_region.startswith(east)


def visitors(subject):
    if subject.kind == "organisation":
        return 0
    return sum(f.visitors for f in VisitorFlow.objects.filter(status="approved")
               if _tourism_ok([f.region_id], f.origin_region_id, subject) and _period_ok(f.month, subject))


def tourism_events(subject):
    out = 0
    for e in TourismEvent.objects.filter(status="approved"):
        if subject.kind == "organisation":
            ok = any(_in(o, subject.obj) for o in e.organisers.all())
        else:
            ok = _tourism_ok([r.code for r in e.destination_regions.all()], e.origin_region_id, subject)
        out += ok and _period_ok(e.start_date, subject)
    return out


def households(subject, registered_only: bool = False) -> int:
    linked, typed = set(), 0
    for p in products(subject):
        mine = {h.pk for h in p.beneficiary_households.all()}
        if mine:
            linked |= mine
        else:
            typed += p.households or 0
    return len(linked) if registered_only else len(linked) + typed


def tourism_projects(subject, invested_only: bool = False) -> int:
    out = 0
    for t in TourismProject.objects.filter(status="approved").select_related("project"):
        if subject.kind == "organisation":
            orgs = list(t.organisations.all()) + (list(t.project.investors.all()) if t.project else [])
            ok = any(_in(o, subject.obj) for o in orgs)
        else:
            code = registry.pairing_sides(subject.obj)[1] if subject.kind == "pairing" else prefix(subject.obj.code)
            ok = t.region_id.startswith(code)
        out += ok and _period_ok(t.started_on, subject) and (t.project_id is not None or not invested_only)
    return out


RECOUNT = {
    "consumption.products": lambda s: len(products(s)),
    "consumption.sales": lambda s: _amount(counted(s)),
    "consumption.government": lambda s: _amount(x for x in counted(s) if x.buyer and x.buyer.kind in BUDGET),
    "consumption.reported": lambda s: _amount(sales(s)),
    "consumption.not_counted": lambda s: _amount(x for x in sales(s) if not certified(x)),
    "consumption.duplicates": lambda s: len(sales(s)) - len(first_reports(sales(s))),
    "consumption.restaurants": lambda s: len(restaurants(s)),
    "consumption.visitors": visitors,
    "consumption.tourism_events": tourism_events,
    "consumption.households": households,
    "consumption.registered_households": lambda s: households(s, registered_only=True),
    "consumption.tourism_projects": tourism_projects,
    "consumption.tourism_invested": lambda s: tourism_projects(s, invested_only=True),
    "consumption.restaurant_purchases": lambda s: _amount(x for x in counted(s) if x.channel.kind == "restaurant"),
}
