from __future__ import annotations

from .registry import REGISTRY


def navigation(request):
    """The menu: record types grouped by their app."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    groups: dict[str, list] = {}
    for rt in REGISTRY.values():
        if not rt.menu:
            continue
        from django.apps import apps

        group = rt.menu_group or str(apps.get_app_config(rt.app_label).verbose_name)
        groups.setdefault(group, []).append(rt)
    from .scope import get_scope

    scope = get_scope(request.user)
    return {"nav_groups": groups, "can_see_signins": scope.everything or scope.role == "admin"}
