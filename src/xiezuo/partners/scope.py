"""Build a user's scope from their profile: regions, organisations and the paired partner regions."""

from __future__ import annotations

from django.db.models import Q

from xiezuo.core.scope import Scope, code_prefix


def user_scope(user) -> Scope:
    if user.is_superuser:
        return Scope(everything=True, role="admin", can_view_id_numbers=True)
    profile = getattr(user, "profile", None)
    if profile is None:
        return Scope()
    regions = list(profile.regions.all())
    orgs = list(profile.organisations.all())
    prefixes = sorted({r.prefix for r in regions})
    paths = sorted({o.path for o in orgs if o.path})
    home = sorted({code_prefix(o.region_id) for o in orgs})
    return Scope(
        region_prefixes=prefixes,
        organisation_paths=paths,
        partner_prefixes=partner_prefixes(prefixes, home),
        home_prefixes=home,
        role=profile.role,
        channel_roles=dict(profile.channel_roles.values_list("channel", "role")),
        can_view_id_numbers=profile.can_view_id_numbers,
    )


def partner_prefixes(own: list[str], home: list[str]) -> list[str]:
    """Regions on the other side of a pairing with the user's area (so that partners' units can be chosen)."""
    from .models import Pairing

    bases = sorted(set(own) | set(home))
    if not bases:
        return []
    out: set[str] = set()
    helper_q, helped_q = Q(), Q()
    for p in bases:
        helper_q |= Q(helper_region__code__startswith=p)
        helped_q |= Q(helped_region__code__startswith=p)
        # A region inside a paired region (a county office under Guangzhou→Bijie) also gets the partner.
        helper_q |= Q(helper_region__code__in=_ancestor_codes(p))
        helped_q |= Q(helped_region__code__in=_ancestor_codes(p))
    for pairing in Pairing.objects.filter(helper_q).select_related("helped_region"):
        if pairing.helped_region:
            out.add(pairing.helped_region.prefix)
    for pairing in Pairing.objects.filter(helped_q).select_related("helper_region"):
        if pairing.helper_region:
            out.add(pairing.helper_region.prefix)
    return sorted(p for p in out if not any(p.startswith(o) for o in own))


def _ancestor_codes(prefix: str) -> list[str]:
    return [prefix[:n].ljust(12, "0") for n in (2, 4, 6, 9) if n < len(prefix)]
