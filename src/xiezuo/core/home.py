"""Places on the shared pages that channels fill without core knowing them: panels on the home page, pages
in the menu and items in the menu bar (e.g. a notification bell with its unread count). A channel adds to
them from its `AppConfig.ready()`; core imports no channel.

Home-page panels:

    home_panel("assessment/home_panel.html", dashboard_panel, order=10)

`context(request)` returns the template's context, or None to leave the panel out for this reader
(a panel decides itself whom it is for, e.g. by role or area). Panels render above the record cards, in
`order`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class HomePanel:
    template: str
    context: Callable
    order: int = 100


HOME_PANELS: list[HomePanel] = []


def home_panel(template: str, context: Callable, order: int = 100) -> None:
    HOME_PANELS.append(HomePanel(template, context, order))


def panels(request) -> list[dict]:
    out = []
    for panel in sorted(HOME_PANELS, key=lambda p: p.order):
        ctx = panel.context(request)
        if ctx is not None:
            out.append({"template": panel.template, "context": ctx})
    return out


# --- menu pages ---------------------------------------------------------------------------------------------

@dataclass
class MenuPage:
    """A page of a channel that is not a record type's list, listed in the menu under `group` (the sidebar
    template treats it like a record type: `url('list')`, `icon`, `verbose_name_plural`)."""

    group: object
    verbose_name_plural: object
    url_name: str
    icon: str = "bi-link"

    def url(self, view: str = "list", pk=None) -> str:
        from django.urls import reverse

        return reverse(self.url_name)


MENU_PAGES: list[MenuPage] = []


def menu_page(group, label, url_name: str, icon: str = "bi-link") -> None:
    MENU_PAGES.append(MenuPage(group, label, url_name, icon))


# --- menu-bar items -----------------------------------------------------------------------------------------

# function(request) -> {"url", "icon", "label", "count"} | None
NAV_ITEMS: list[Callable] = []


def add_nav_item(item: Callable) -> None:
    if item not in NAV_ITEMS:
        NAV_ITEMS.append(item)


def nav_items(request) -> list[dict]:
    return [item for item in (fn(request) for fn in NAV_ITEMS) if item is not None]
