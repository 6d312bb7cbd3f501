"""Which pairings an agreement belongs to, judged from its parties.

An agreement belongs to a pairing when one of its eastern parties lies on the
helper side (inside the helper region, or under the helper organisation), one of
its western parties or regions lies on the helped side, and the pairing was in
force on the signing date. Of several matches the most specific are kept
(广州→毕节 rather than 广东→贵州). No match does not refuse the agreement: it is
saved and flagged for review, because offices do sign with units outside their
pairings and the approver is the one to judge.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from xiezuo.core.scope import code_prefix


def _region_prefix(region) -> str:
    return code_prefix(region.code, region.level)


def _side_prefix(pairing, side: str) -> str | None:
    region = getattr(pairing, f"{side}_region")
    return _region_prefix(region) if region is not None else None


def _covers(pairing, side: str, orgs, regions) -> bool:
    region = getattr(pairing, f"{side}_region")
    org = getattr(pairing, f"{side}_organisation")
    for o in orgs:
        if org is not None and o.path.startswith(org.path):
            return True
        if region is not None and o.region_id.startswith(_region_prefix(region)):
            return True
    if region is not None:
        return any(r.code.startswith(_region_prefix(region)) for r in regions)
    return False


def _more_specific(a, b) -> bool:
    """True when pairing `a` lies strictly inside pairing `b` on both sides."""
    pa, pb = (_side_prefix(a, "helper"), _side_prefix(a, "helped")), (_side_prefix(b, "helper"), _side_prefix(b, "helped"))
    if None in pa or None in pb:
        return False
    inside = pa[0].startswith(pb[0]) and pa[1].startswith(pb[1])
    return inside and pa != pb


def covering_pairings(eastern, western, regions=(), on_date=None) -> list:
    """The most specific pairings that cover an agreement between `eastern` and `western` parties."""
    from xiezuo.partners.models import Pairing

    eastern, western, regions = list(eastern), list(western), list(regions)
    if not eastern or not (western or regions):
        return []
    qs = Pairing.objects.select_related("helper_region", "helped_region", "helper_organisation",
                                        "helped_organisation")
    if on_date is not None:
        qs = qs.filter(start_date__lte=on_date).filter(Q(end_date__isnull=True) | Q(end_date__gte=on_date))
    found = [p for p in qs if _covers(p, "helper", eastern, []) and _covers(p, "helped", western, regions)]
    return [p for p in found if not any(_more_specific(q, p) for q in found)]


def review_fields(eastern, western, regions=(), on_date=None) -> dict:
    """`needs_review` and `review_note` of an agreement with these parties."""
    pairings = covering_pairings(eastern, western, regions, on_date)
    if pairings:
        names = "；".join(f"{p.helper}→{p.helped}" for p in pairings)
        return {"needs_review": False, "review_note": _("属于结对：%(names)s") % {"names": names}}
    return {"needs_review": True,
            "review_note": _("待核查：签约双方在签订日期不属于任何结对关系，请审核员核实。")}
