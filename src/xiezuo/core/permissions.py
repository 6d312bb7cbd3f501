"""Roles and what each may do. Read as English: `can(user, "approve", record)`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Status
from .scope import get_scope


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


def role_allows(user, action: str) -> bool:
    scope = get_scope(user)
    if scope.everything:
        return True
    return action in ROLE_ACTIONS.get(scope.role, set())


# Lifecycle: which transitions are allowed from which status.
TRANSITIONS = {
    "submit": ({Status.DRAFT, Status.RETURNED}, Status.SUBMITTED),
    "approve": ({Status.SUBMITTED}, Status.APPROVED),
    "return": ({Status.SUBMITTED, Status.APPROVED}, Status.RETURNED),
    "reopen": ({Status.APPROVED}, Status.DRAFT),
}


def can(user, action: str, obj=None) -> bool:
    """May `user` do `action` (view, add, change, delete, submit, approve, return, reopen) on `obj`?

    The object must already come from `restrict(user)`; this decides 403, not 404.
    """
    if not role_allows(user, action):
        return False
    if obj is None:
        return True
    lifecycle = type(obj).lifecycle_enabled() if hasattr(type(obj), "lifecycle_enabled") else False
    if action in ("change", "delete") and lifecycle and obj.status in (Status.SUBMITTED, Status.APPROVED):
        # Submitted and approved records are locked; an approver returns or reopens them first.
        return False
    if action in TRANSITIONS:
        if not lifecycle:
            return False
        allowed_from, _target = TRANSITIONS[action]
        return obj.status in allowed_from
    return True
