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

from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

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

    def q(self, scope: Scope, own_only: bool = False) -> Q:
        """Rows placed inside `scope`. `own_only` leaves out the partner regions (which count for reading and
        linking organisations, never for where a record is written)."""
        parts: list[Q] = []
        for path in self.regions:
            parts += [Q(**{f"{path}__code__startswith": p}) for p in scope.region_prefixes]
        for path in self.organisations:
            parts += [Q(**{f"{path}__path__startswith": p}) for p in scope.organisation_paths]
            parts += [Q(**{f"{path}__region__code__startswith": p}) for p in scope.region_prefixes]
        if self.is_organisation:
            parts += [Q(path__startswith=p) for p in scope.organisation_paths]
            partners = [] if own_only else scope.partner_prefixes
            parts += [Q(region__code__startswith=p) for p in scope.region_prefixes + partners]
        return reduce(or_, parts) if parts else Q(pk__in=[])


@dataclass(frozen=True)
class Scope:
    """What one user may see. `everything` is the superuser's scope."""

    region_prefixes: list[str] = field(default_factory=list)
    organisation_paths: list[str] = field(default_factory=list)
    partner_prefixes: list[str] = field(default_factory=list)
    # Regions of the user's own units (a SASAC's city): regions the user may name on a record, with the partners.
    home_prefixes: list[str] = field(default_factory=list)
    role: str = "viewer"
    channel_roles: dict[str, str] = field(default_factory=dict)  # app label → role; `role` for the rest
    everything: bool = False
    can_view_id_numbers: bool = False

    def covers_code(self, code: str) -> bool:
        return self.everything or any(code.startswith(p) for p in self.region_prefixes)

    @property
    def linkable_prefixes(self) -> list[str]:
        """Regions a record of this user may name: the own area, the units' home regions and the partners."""
        return sorted(set(self.region_prefixes) | set(self.home_prefixes) | set(self.partner_prefixes))


def get_scope(user) -> Scope:
    """The user's scope: kept on the request's user object, and between requests by core/scopecache.py."""
    if user is None or not user.is_authenticated:
        return Scope()
    cached = getattr(user, "_xiezuo_scope", None)
    if cached is not None:
        return cached
    from django.conf import settings
    from django.utils.module_loading import import_string

    from .scopecache import kept_scope

    provider = import_string(getattr(settings, "XIEZUO_SCOPE_PROVIDER", "xiezuo.partners.scope.user_scope"))
    # Kept between requests by this process until anything it reads changes (core/scopecache.py).
    scope = kept_scope(user, provider)
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


# Actions that read or point at a row: partner regions count for them. Every other action writes the row itself,
# which must lie in the user's own area.
READ_ACTIONS = frozenset({"view", "export", "link"})


class RecordQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> RecordQuerySet:
        """Only the rows inside the user's area. Action checks (403) happen on the object.

        `view`, `export` and `link` (what a record may point at) use the whole scope; a write action (`add`,
        `change`, `delete`, a transition) only the user's own area, without the partner regions.
        """
        scope = get_scope(user)
        if scope.everything:
            return self
        spec: ScopeSpec | None = getattr(self.model, "scope", None)
        if spec is None:
            return self.none()
        q = spec.q(scope, own_only=action not in READ_ACTIONS)
        paths = list(spec.regions) + list(spec.organisations)
        if any(_crosses_many(self.model, p) for p in paths):
            return self.filter(pk__in=self.model._base_manager.filter(q).values("pk"))
        return self.filter(q)


# --- the write gate -------------------------------------------------------------------------------------------
#
# NetBox's rule, kept in one place for every record type: after a write has been saved (many-to-many values
# included) and before the transaction commits, the record must lie in the writer's own area, and everything it
# newly points at must be something the writer may point at. Otherwise the action function raises and the
# transaction rolls back, whether the write came from a page, the API, an import or a service.

# Provenance columns the machinery sets; they place nothing and point at no area.
UNCHECKED_LINKS = frozenset({"created_by", "import_job"})
# Shown instead of the name of a related row the reader may not open (the message id; see `out_of_scope`).
OUT_OF_SCOPE_LABEL = "（范围外记录）"


def out_of_scope() -> str:
    """（范围外记录） in the interface's language."""
    return _("（范围外记录）")


class OutOfScope(ValidationError):
    """A write that would place a record outside the writer's area or link it to something outside it."""


def _region_model():
    return apps.get_model("geo", "Region")


def is_scoped_model(model) -> bool:
    """Models whose rows belong to an area (records and organisations); regions are public reference data."""
    return hasattr(getattr(model, "objects", None), "restrict")


def linkable_regions(user, keep=()) -> models.QuerySet:
    """Regions a record of `user` may name (own area, the units' home regions, partners), plus `keep` (codes the
    record already holds, so that an edit can leave them as they are)."""
    region = _region_model()
    scope = get_scope(user)
    if scope.everything:
        return region.objects.all()
    q = reduce(or_, [Q(code__startswith=p) for p in scope.linkable_prefixes], Q(pk__in=[]))
    keep = [k for k in keep if k]
    if keep:
        q |= Q(code__in=keep)
    return region.objects.filter(q)


def linkable(model, user, keep=()) -> models.QuerySet:
    """Rows of `model` (a region, an organisation or a record) that a record of `user` may point at."""
    if model is _region_model():
        return linkable_regions(user, keep)
    restricted = model.objects.restrict(user, "link")
    keep = [k for k in keep if k is not None]
    if not keep or get_scope(user).everything:
        return restricted
    return model.objects.filter(Q(pk__in=restricted.values("pk")) | Q(pk__in=keep))


def link_fields(model) -> list:
    """Foreign keys and many-to-many fields of `model` that point at regions or at area-scoped rows."""
    region = _region_model()
    out = []
    for f in model._meta.get_fields():
        if not (f.many_to_many or f.many_to_one or f.one_to_one) or f.auto_created or not f.concrete:
            continue
        if f.name in UNCHECKED_LINKS:
            continue
        if f.related_model is region or is_scoped_model(f.related_model):
            out.append(f)
    return out


def linked_ids(obj) -> dict[str, set]:
    """What `obj` points at, per link field: the keys of the related rows."""
    return {f.name: linked_ids_for(obj, f) for f in link_fields(type(obj))}


def allowed_ids(model, user, ids) -> set:
    """The subset of `ids` (keys of `model`) that `user` may point at."""
    ids = set(ids)
    if not ids:
        return set()
    scope = get_scope(user)
    if scope.everything:
        return ids
    if model is _region_model():
        return {i for i in ids if any(str(i).startswith(p) for p in scope.linkable_prefixes)}
    return set(model.objects.restrict(user, "link").filter(pk__in=ids).values_list("pk", flat=True))


def placement_labels(model) -> list[str]:
    spec: ScopeSpec | None = getattr(model, "scope", None)
    if spec is None:
        return []
    names = [p.split("__")[0] for p in (*spec.regions, *spec.organisations)]
    if spec.is_organisation:
        names += ["region", "parent"]
    return [str(model._meta.get_field(n).verbose_name) for n in dict.fromkeys(names)]


def _placement_key(model) -> str:
    """The form field to hang the message on: the one field that places the record, when the user types it."""
    spec: ScopeSpec | None = getattr(model, "scope", None)
    names = list(dict.fromkeys(p.split("__")[0] for p in (*spec.regions, *spec.organisations))) if spec else []
    if spec is not None and not spec.is_organisation and len(names) == 1:
        f = model._meta.get_field(names[0])
        if f.editable:
            return f.name
    return NON_FIELD_ERRORS


def in_write_scope(obj, user) -> bool:
    """Does the record (as stored) lie in the user's own area? Partners do not count."""
    if user is None or get_scope(user).everything:
        return True
    return type(obj).objects.restrict(user, "change").filter(pk=obj.pk).exists()


def check_write_scope(obj, user, before: dict[str, set] | None = None) -> None:
    """Refuse (OutOfScope, a ValidationError: 400) a saved write outside the writer's area.

    Call it after saving `obj` and its many-to-many values, inside the action's transaction. `before` holds
    `linked_ids` of the stored record for an edit: links it already had stay (an office may correct a record
    that also names another area's unit), only new ones are checked. `user=None` is the system itself.
    """
    if user is None or get_scope(user).everything:
        return
    model = type(obj)
    errors: dict[str, list[str]] = {}
    if not in_write_scope(obj, user):
        labels = placement_labels(model)
        text = "、".join(f"“{label}”" for label in labels) or str(model._meta.verbose_name)
        message = (_("%(fields)s不在您的管辖范围内：只能在本辖区新建记录或将记录移入本辖区。") if len(labels) <= 1
                   else _("%(fields)s均不在您的管辖范围内：只能在本辖区新建记录或将记录移入本辖区。"))
        errors.setdefault(_placement_key(model), []).append(message % {"fields": text})
    before = before or {}
    for f in link_fields(model):
        new = linked_ids_for(obj, f) - before.get(f.name, set())
        if new and new - allowed_ids(f.related_model, user, new):
            # A derived link (a member's village, set from its household) is no form's field.
            errors.setdefault(f.name if f.editable else NON_FIELD_ERRORS, []).append(
                _("“%(field)s”所选的对象不在您可关联的范围内（本辖区及其结对方）。") % {"field": f.verbose_name})
    if errors:
        raise OutOfScope(errors)


def check_links_first(obj, user, before: dict[str, set] | None = None, m2m: dict | None = None) -> None:
    """The links part of `check_write_scope`, before the record's own validation runs: a link outside what the
    writer may name is answered as such, not by whatever rule of the record it also happens to break. The
    placement itself (which may be derived on save) is still checked after the write."""
    if user is None or get_scope(user).everything:
        return
    before, m2m = before or {}, m2m or {}
    errors: dict[str, list[str]] = {}
    for f in link_fields(type(obj)):
        if f.many_to_many:
            if f.name not in m2m:
                continue
            new = {getattr(v, "pk", v) for v in m2m[f.name] or ()}
        else:
            value = getattr(obj, f.attname)
            new = set() if value is None else {value}
        new -= before.get(f.name, set())
        if new and new - allowed_ids(f.related_model, user, new):
            errors.setdefault(f.name if f.editable else NON_FIELD_ERRORS, []).append(
                _("“%(field)s”所选的对象不在您可关联的范围内（本辖区及其结对方）。") % {"field": f.verbose_name})
    if errors:
        raise OutOfScope(errors)


def linked_ids_for(obj, f) -> set:
    if f.many_to_many:
        return set(getattr(obj, f.name).values_list("pk", flat=True)) if obj.pk else set()
    value = getattr(obj, f.attname)
    return set() if value is None else {value}


def require_write_scope(obj, user) -> None:
    """For a delete or a transition: the record must lie in the user's own area (403 otherwise)."""
    if not in_write_scope(obj, user):
        raise PermissionDenied(_("该记录不在您的管辖范围内，不能修改、删除或办理。"))


class Visibility:
    """Which related rows one reader may open, asked once per model and row for a page.

    Tables, detail pages and exports show a related row's name (and link to it) only when the reader may open
    it; otherwise （范围外记录）. Regions, users and jobs are not area-scoped and always show.
    """

    def __init__(self, user):
        self.user = user
        self.everything = user is None or get_scope(user).everything
        self._seen: dict[type, dict] = {}

    def prefetch(self, model, pks) -> None:
        if self.everything or not is_scoped_model(model):
            return
        known = self._known(model)
        wanted = {pk for pk in pks if pk is not None and pk not in known}
        if not wanted:
            return
        open_ = set(model.objects.restrict(self.user, "view").filter(pk__in=wanted).values_list("pk", flat=True))
        for pk in wanted:
            known[pk] = pk in open_

    def _known(self, model) -> dict:
        """Rows of `model` already asked about. Whether the reader may open a unit or a pairing changes only with
        a write that raises the scope stamp (they are what scopes are computed from), so those answers are kept
        with the reader's kept scope (core/scopecache.py) and asked once for many pages, not once a page."""
        from .scopecache import is_scope_input

        if is_scope_input(model):
            return get_scope(self.user).__dict__.setdefault("_visible_rows", {}).setdefault(model, {})
        return self._seen.setdefault(model, {})

    def prefetch_related(self, rows, names) -> None:
        """Ask once for the rows that `names` (fields of the rows' model) point at."""
        if self.everything or not rows:
            return
        model = type(rows[0])
        fields = {f.name for f in model._meta.get_fields()}
        for name in names:
            if name not in fields:
                continue  # a form-only column (a person's ID number) points at nothing
            f = model._meta.get_field(name)
            if not f.is_relation or not is_scoped_model(f.related_model):
                continue
            if f.many_to_many:
                pks = [o.pk for row in rows for o in getattr(row, name).all()]
            elif f.concrete:
                pks = [getattr(row, f.attname) for row in rows]
            else:
                continue
            self.prefetch(f.related_model, pks)

    def may_open(self, model, pk) -> bool:
        if self.everything or not is_scoped_model(model):
            return True
        self.prefetch(model, [pk])
        return self._known(model)[pk]

    def can_open(self, obj) -> bool:
        model = type(obj)
        if self.everything or not is_scoped_model(model):
            return True
        self.prefetch(model, [obj.pk])
        return self._known(model)[obj.pk]

    def name(self, obj) -> str:
        return str(obj) if self.can_open(obj) else out_of_scope()
