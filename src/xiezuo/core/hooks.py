"""Places on the shared pages that apps fill without core knowing them: panels on the home page and items
in the menu bar (e.g. a channel's notification bell with its unread count).

An app adds to them from its `AppConfig.ready()`; core imports no channel. A hook whose function returns
None shows nothing for that request.
"""

from __future__ import annotations

from collections.abc import Callable

# (template, context function(request) -> dict | None)
HOME_PANELS: list[tuple[str, Callable]] = []
# function(request) -> {"url", "icon", "label", "count"} | None
NAV_ITEMS: list[Callable] = []


def add_home_panel(template: str, context: Callable) -> None:
    if (template, context) not in HOME_PANELS:
        HOME_PANELS.append((template, context))


def add_nav_item(item: Callable) -> None:
    if item not in NAV_ITEMS:
        NAV_ITEMS.append(item)


def home_panels(request) -> list[dict]:
    out = []
    for template, context in HOME_PANELS:
        data = context(request)
        if data is not None:
            out.append({"template": template, "context": data})
    return out


def nav_items(request) -> list[dict]:
    return [item for item in (fn(request) for fn in NAV_ITEMS) if item is not None]
