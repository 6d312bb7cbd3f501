"""Area scope: the one gate for every queryset in pages, API, exports, search and jobs.

A user's scope is a set of region-code prefixes and organisation paths. A
record declares, in `ScopeSpec`, which of its fields place it: where it
happens (regions) and who takes part (organisations). A record is visible when
any of those fields falls inside the scope. Everything else answers 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q

# Significant digits of a 12-digit code at each level: province 2, prefecture 4, county 6, township 9, village 12.
PREFIX_LENGTH = {1: 2, 2: 4, 3: 6, 4: 9, 5: 12}


def code_prefix(code: str, level: int | None = None) -> str:
    """The prefix of a 12-digit region code that covers everything below it."""
    if level is not None:
        return code[: PREFIX_LENGTH[level]]
    for length in (2, 4, 6, 9):
        if code[length:].strip("0") == "":
            return code[:length]
    return code


@dataclass(frozen=True)
class ScopeSpec:
    """Which fields of a record place it. Paths may cross relations, including many-to-many."""

    regions: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    # For the organisation model itself: its own tree path counts, and partner regions may see it.
    is_organisation: bool = False

    def __init__(self, regions=(), organisations=(), is_organisation=False):
        object.__setattr__(self, "regions", tuple(regions))
        object.__setattr__(self, "organisations", tuple(organisations))
        object.__setattr__(self, "is_organisation", is_organisation)

    def q(self, scope: Scope) -> Q:
        parts: list[Q] = []
        for path in self.regions:
            parts += [Q(**{f"{path}__code__startswith": p}) for p in scope.region_prefixes]
        for path in self.organisations:
            parts += [Q(**{f"{path}__path__startswith": p}) for p in scope.organisation_paths]
            parts += [Q(**{f"{path}__region__code__startswith": p}) for p in scope.region_prefixes]
        if self.is_organisation:
            parts += [Q(path__startswith=p) for p in scope.organisation_paths]
            parts += [Q(region__code__startswith=p) for p in scope.region_prefixes + scope.partner_prefixes]
        return reduce(or_, parts) if parts else Q(pk__in=[])


@dataclass
class Scope:
    """What one user may see. `everything` is the superuser's scope."""

    region_prefixes: list[str] = field(default_factory=list)
    organisation_paths: list[str] = field(default_factory=list)
    partner_prefixes: list[str] = field(default_factory=list)
    role: str = "viewer"
    channel_roles: dict[str, str] = field(default_factory=dict)  # app label → role; `role` for the rest
    everything: bool = False
    can_view_id_numbers: bool = False

    def covers_code(self, code: str) -> bool:
        return self.everything or any(code.startswith(p) for p in self.region_prefixes)


def get_scope(user) -> Scope:
    """The user's scope, computed once per request (cached on the user object)."""
    if user is None or not user.is_authenticated:
        return Scope()
    cached = getattr(user, "_xiezuo_scope", None)
    if cached is not None:
        return cached
    from django.conf import settings
    from django.utils.module_loading import import_string

    provider = import_string(getattr(settings, "XIEZUO_SCOPE_PROVIDER", "xiezuo.partners.scope.user_scope"))
    scope = provider(user)
    user._xiezuo_scope = scope
    return scope


def _crosses_many(model, path: str) -> bool:
    """True when a lookup path passes through a to-many relation (needs de-duplication)."""
    for name in path.split("__"):
        f = model._meta.get_field(name)
        if f.many_to_many or f.one_to_many:
            return True
        if not f.is_relation:
            return False
        model = f.related_model
    return False


class RecordQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> RecordQuerySet:
        """Only the rows inside the user's area. Action checks (403) happen on the object."""
        scope = get_scope(user)
        if scope.everything:
            return self
        spec: ScopeSpec | None = getattr(self.model, "scope", None)
        if spec is None:
            return self.none()
        q = spec.q(scope)
        paths = list(spec.regions) + list(spec.organisations)
        if any(_crosses_many(self.model, p) for p in paths):
            return self.filter(pk__in=self.model._base_manager.filter(q).values("pk"))
        return self.filter(q)
