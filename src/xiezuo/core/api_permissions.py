"""The API permission class (its own module: DRF imports it while loading its settings)."""

from __future__ import annotations

from rest_framework import permissions

from .permissions import can

SAFE_ACTIONS = {"GET": "view", "HEAD": "view", "OPTIONS": "view"}
WRITE_ACTIONS = {"POST": "add", "PUT": "change", "PATCH": "change", "DELETE": "delete"}


class RecordPermission(permissions.BasePermission):
    """Authenticated; role decides writes (403); `restrict` already made out-of-area rows 404."""

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        if request.method in SAFE_ACTIONS:
            return True
        if getattr(view, "action", None) in ("submit", "approve", "return_", "reopen"):
            return True
        # The record type's channel decides (a registry-only editor may not add a project).
        record_type = getattr(view, "record_type", None)
        return can(request.user, WRITE_ACTIONS.get(request.method, "change"),
                   record_type.model if record_type is not None else None)

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_ACTIONS:
            return True
        if getattr(view, "action", None) in ("submit", "approve", "return_", "reopen"):
            return True
        return can(request.user, WRITE_ACTIONS.get(request.method, "change"), obj)


