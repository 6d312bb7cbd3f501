from __future__ import annotations

from django.utils.translation import gettext

from .registry import REGISTRY


def navigation(request):
    """The menu: record types grouped by their `menu_group` (or their app's name), in the reader's language."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    from django.apps import apps

    groups: dict[str, list] = {}
    for rt in REGISTRY.values():
        if not rt.menu:
            continue
        # A group given as a plain string is still translated when the catalogue has it (the app's name does).
        group = gettext(str(rt.menu_group)) if rt.menu_group else str(apps.get_app_config(rt.app_label).verbose_name)
        groups.setdefault(group, []).append(rt)
    from .home import MENU_PAGES, nav_items
    from .scope import get_scope

    for page in MENU_PAGES:  # a channel's own pages (dashboards, rounds), after its record types
        groups.setdefault(gettext(str(page.group)), []).append(page)
    scope = get_scope(request.user)
    return {"nav_groups": groups, "nav_items": nav_items(request),
            "can_see_signins": scope.everything or scope.role == "admin"}
