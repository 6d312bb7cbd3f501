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


# --- the reader's area, by name -------------------------------------------------------------------------------

def scope_names(scope) -> dict[str, list[dict]]:
    """The user's area as people read it: regions and units by name (with the code as a hint), never the
    internal prefixes (`5227`, `00000003/00000006/`) the scope is kept in."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse

    from .tables import display_text

    region_model = apps.get_model("geo", "Region")
    codes = {p: p.ljust(12, "0") for p in scope.region_prefixes}
    regions = dict(region_model.objects.filter(code__in=codes.values()).values_list("code", "name"))
    out_regions = [{"name": display_text(regions.get(code, prefix)), "code": code,
                    "url": reverse("geo:region_detail", kwargs={"code": code}) if code in regions else ""}
                   for prefix, code in codes.items()]
    out_units = []
    if scope.organisation_paths:
        try:
            organisation = apps.get_model("partners", "Organisation")
        except LookupError:
            organisation = None
        names = {}
        if organisation is not None:
            names = {path: (pk, name) for pk, path, name in organisation.objects.filter(
                path__in=scope.organisation_paths).values_list("pk", "path", "name")}
        for path in scope.organisation_paths:
            pk, name = names.get(path, (None, path))
            url = ""
            if pk is not None:
                try:
                    url = reverse("partners:organisation_detail", kwargs={"pk": pk})
                except NoReverseMatch:
                    url = ""
            out_units.append({"name": display_text(name), "url": url})
    return {"regions": out_regions, "units": out_units}


# --- "record … here" actions on region and pairing pages --------------------------------------------------------

@dataclass
class PlaceAction:
    """A new record of `model` prefilled with a region: `?<field>=<code>` on its add form."""

    label: object
    model: type
    field: str
    icon: str = "bi-plus"


PLACE_ACTIONS: list[PlaceAction] = []


def place_action(label, model, field: str, icon: str = "bi-plus") -> None:
    """A channel offers "record a visit here" (etc.) on region pages and, through `place_actions`, elsewhere."""
    PLACE_ACTIONS.append(PlaceAction(label, model, field, icon))


def place_actions(user, code: str | None) -> list[dict]:
    """The actions `user` may take for region `code` (those whose add form they may open)."""
    from urllib.parse import urlencode

    from .permissions import can

    if not code:
        return []
    out = []
    for action in PLACE_ACTIONS:
        rt = getattr(action.model, "record_type", None)
        if rt is None or not can(user, "add", action.model):
            continue
        out.append({"label": str(action.label), "icon": action.icon,
                    "url": f"{rt.url('add')}?{urlencode({action.field: code})}"})
    return out
