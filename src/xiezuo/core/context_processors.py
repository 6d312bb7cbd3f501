from __future__ import annotations

from django.urls import get_script_prefix
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from .registry import REGISTRY

# The sidebar's groups as HTML, per language and script prefix: the same for every reader (the menu lists every
# channel; what a reader may open inside it is the pages' business), and a tenth of a page's rendering when the
# template wrote it link by link.
_MENU_HTML: dict[tuple, str] = {}


def menu_groups() -> dict[str, list]:
    """Record types grouped by their `menu_group` (or their app's name), then the channels' own pages, in the
    reader's language."""
    from django.apps import apps

    from .home import MENU_PAGES

    groups: dict[str, list] = {}
    for rt in REGISTRY.values():
        if not rt.menu:
            continue
        # A group given as a plain string is still translated when the catalogue has it (the app's name does).
        group = gettext(str(rt.menu_group)) if rt.menu_group else str(apps.get_app_config(rt.app_label).verbose_name)
        groups.setdefault(group, []).append(rt)
    for page in MENU_PAGES:  # a channel's own pages (dashboards, rounds), after its record types
        groups.setdefault(gettext(str(page.group)), []).append(page)
    return groups


def menu_html() -> str:
    from .home import MENU_PAGES

    key = (get_language(), get_script_prefix(), len(REGISTRY), len(MENU_PAGES))
    html = _MENU_HTML.get(key)
    if html is None:
        html = mark_safe("".join(
            format_html('\n    <div class="fw-bold sidebar-heading mb-1">{}</div>\n    <ul class="nav flex-column mb-3">'
                        '\n      {}\n    </ul>', group, format_html_join(
                            "", '<li><a class="nav-link py-1" href="{}"><i aria-hidden="true" class="bi {}"></i> '
                                '{}</a></li>', ((item.url("list"), item.icon, item.verbose_name_plural)
                                                for item in items)))
            for group, items in menu_groups().items()))
        _MENU_HTML[key] = html
    return html


def navigation(request):
    """The menu (see menu_html), the menu bar's items and whether the sign-in log is offered."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    from .home import nav_items
    from .scope import get_scope

    scope = get_scope(request.user)
    return {"nav_menu": menu_html(), "nav_items": nav_items(request),
            "can_see_signins": scope.everything or scope.role == "admin"}
