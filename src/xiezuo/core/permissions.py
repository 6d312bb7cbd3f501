"""Roles and what each may do. Read as English: `can(user, "approve", record)`.

A role is per channel: the record type's app (`registry`, `industry`…) picks the
user's role for that channel from their profile, and the profile's own role
serves every channel not listed. Approval is maker-checker: see `may_review`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Status
from .scope import PREFIX_LENGTH, get_scope


class Role(models.TextChoices):
    VIEWER = "viewer", _("只读（领导）")
    EDITOR = "editor", _("填报员")
    APPROVER = "approver", _("审核员")
    ADMIN = "admin", _("管理员")


ROLE_ACTIONS = {
    Role.VIEWER: {"view"},
    Role.EDITOR: {"view", "add", "change", "delete", "submit", "import", "export"},
    Role.APPROVER: {"view", "add", "change", "delete", "submit", "approve", "return", "reopen", "import", "export"},
    Role.ADMIN: {"view", "add", "change", "delete", "submit", "approve", "return", "reopen", "import", "export"},
}
ROLE_ACTIONS[Role.VIEWER] |= {"export"}

# Lifecycle: which transitions are allowed from which status.
TRANSITIONS = {
    "submit": ({Status.DRAFT, Status.RETURNED}, Status.SUBMITTED),
    "approve": ({Status.SUBMITTED}, Status.APPROVED),
    "return": ({Status.SUBMITTED, Status.APPROVED}, Status.RETURNED),
    "reopen": ({Status.APPROVED}, Status.DRAFT),
}
# Transitions that judge someone else's work: the reviewer must cover the record at the approving level.
REVIEW_ACTIONS = ("approve", "return", "reopen")
# Of those, the ones the submitter may never take on their own submission (maker-checker).
CHECKER_ACTIONS = ("approve", "return")
LEVEL_OF_PREFIX = {length: level for level, length in PREFIX_LENGTH.items()}


def _model_of(target):
    if target is None:
        return None
    if isinstance(target, type):
        return target
    model = getattr(target, "model", None)  # a RecordType
    return model if isinstance(model, type) else type(target)


def channel_of(target) -> str | None:
    """The channel (app label) of a model, record or record type; None when no record type is named."""
    model = _model_of(target)
    return model._meta.app_label if model is not None and hasattr(model, "_meta") else None


def role_for(user, target=None) -> str:
    """The user's role for `target`'s channel: the channel's own role if the profile lists one, else the default."""
    scope = get_scope(user)
    if scope.everything:
        return Role.ADMIN
    channel = channel_of(target)
    roles = getattr(scope, "channel_roles", None) or {}
    return roles.get(channel, scope.role) if channel else scope.role


def role_allows(user, action: str, target=None) -> bool:
    scope = get_scope(user)
    if scope.everything:
        return True
    return action in ROLE_ACTIONS.get(role_for(user, target), set())


def can(user, action: str, obj=None) -> bool:
    """May `user` do `action` (view, add, change, delete, submit, approve, return, reopen, import, export)?

    `obj` is a record (decides its lock and transitions too), or a model / record type (for add, import,
    export: decides by channel). A record must already come from `restrict(user)`; this decides 403, not 404.
    """
    if not role_allows(user, action, obj):
        return False
    if obj is None or isinstance(obj, type) or not hasattr(obj, "_meta"):
        return True
    lifecycle = type(obj).lifecycle_enabled() if hasattr(type(obj), "lifecycle_enabled") else False
    if action in ("change", "delete") and lifecycle and obj.status in (Status.SUBMITTED, Status.APPROVED):
        # Submitted and approved records are locked; an approver returns or reopens them first.
        return False
    if action in TRANSITIONS:
        if not lifecycle:
            return False
        allowed_from, _target = TRANSITIONS[action]
        if obj.status not in allowed_from:
            return False
        if action in REVIEW_ACTIONS:
            return may_review(user, action, obj)
    if action in ("change", "delete") or action in TRANSITIONS:
        # A record the user may see but that lies outside their own area (a partner's enterprise) is read only:
        # no button is offered for what the write gate would refuse.
        from .scope import in_write_scope

        return in_write_scope(obj, user)
    return True


# --- maker-checker -------------------------------------------------------------------------------------------

def approval_spec(model):
    """The fields whose places an approver must cover: the model's `approval_scope`, else its `scope`."""
    return getattr(model, "approval_scope", None) or getattr(model, "scope", None)


def _values(obj, path: str) -> list:
    """The objects a lookup path reaches from `obj` (following foreign keys and many-to-many)."""
    items = [obj]
    for name in path.split("__"):
        out = []
        for item in items:
            f = item._meta.get_field(name)
            if f.many_to_many or f.one_to_many:
                out.extend(getattr(item, name).all())
            else:
                value = getattr(item, name)
                if value is not None:
                    out.append(value)
        items = out
    return items


def record_places(obj) -> tuple[list[str], list]:
    """(region codes, organisations) that place `obj` for approval."""
    spec = approval_spec(type(obj))
    if spec is None:
        return [], []
    codes = sorted({r.code for path in spec.regions for r in _values(obj, path)})
    orgs = [o for path in spec.organisations for o in _values(obj, path)]
    return codes, orgs


def user_level(scope, codes: list[str] | None = None) -> int | None:
    """The most senior level of the user's regions (covering `codes` when given): 1 province … 5 village."""
    prefixes = scope.region_prefixes
    if codes:
        prefixes = [p for p in prefixes if any(c.startswith(p) for c in codes)]
    levels = [LEVEL_OF_PREFIX.get(len(p)) for p in prefixes]
    levels = [lv for lv in levels if lv is not None]
    return min(levels) if levels else None


def covers(scope, obj) -> bool:
    """Does the user's area hold the whole record: every one of its places, not just one side of it?"""
    if scope.everything:
        return True
    codes, orgs = record_places(obj)
    if codes:
        return all(any(c.startswith(p) for p in scope.region_prefixes) for c in codes)
    if orgs:
        return all(any(o.path.startswith(p) for p in scope.organisation_paths if o.path)
                   or any(o.region_id.startswith(p) for p in scope.region_prefixes) for o in orgs)
    return False


def required_level(obj) -> int:
    """The least senior level that may approve `obj`: its type's `approval_level`, and above its submitter's."""
    declared = getattr(type(obj), "approval_level", 2)
    submitter = getattr(obj, "submitted_by", None) if getattr(obj, "submitted_by_id", None) else None
    if submitter is None:
        return declared
    own = user_level(get_scope(submitter), record_places(obj)[0] or None)
    if own is None:
        return declared
    # A county's submission goes to its prefecture, a city's to the province; a province's to another
    # province-level approver (there is no level above it in the product).
    return min(declared, max(own - 1, 1))


def may_review(user, action: str, obj) -> bool:
    """Approve, return or reopen: not on one's own submission, and only over the whole record at its level."""
    scope = get_scope(user)
    if action in CHECKER_ACTIONS and obj.submitted_by_id is not None and obj.submitted_by_id == user.pk:
        return False
    if scope.everything:
        return True
    if not covers(scope, obj):
        return False
    codes, _orgs = record_places(obj)
    if not codes:
        return True
    level = user_level(scope, codes)
    return level is not None and level <= required_level(obj)


def review_refusal(user, action: str, obj) -> str:
    """Why `may_review` said no, in words a user can act on."""
    if action in CHECKER_ACTIONS and obj.submitted_by_id is not None and obj.submitted_by_id == user.pk:
        return str(_("提交人不能审核或退回自己提交的记录，请由另一位审核员办理。"))
    scope = get_scope(user)
    if not covers(scope, obj):
        return str(_("该记录涉及您管辖范围以外的地区，须由覆盖全部地区的上级审核。"))
    return str(_("该记录须由更高一级的审核员审核。"))
