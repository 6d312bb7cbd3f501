"""A small declarative table: `columns` name fields; the first links to the detail page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.formats import localize
from django.utils.translation import get_language

from .scope import Visibility
from .text import to_traditional


def display_text(value) -> str:
    """Data is kept as entered (mostly Simplified); a Traditional interface shows it in Traditional."""
    text = "" if value is None else str(value)
    if text and (get_language() or "").startswith("zh-hant"):
        return to_traditional(text)
    return text


def yuan_to_wan(value) -> str:
    """Money is kept in yuan; offices read 萬元 with two decimals."""
    if value is None:
        return ""
    return f"{Decimal(value) / Decimal(10000):,.2f}"


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


class Table:
    columns: tuple[str, ...] = ()
    # Columns holding yuan amounts, shown in 万元.
    money_columns: tuple[str, ...] = ()
    ordering: tuple[str, ...] = ()

    def __init__(self, model, rows, user=None):
        self.model = model
        self.rows = rows
        # With a reader, a related row they may not open shows as （范围外记录）; without one (internal use) as is.
        self.visibility = Visibility(user)

    def headers(self) -> list[tuple[str, str]]:
        out = []
        for name in self.columns:
            label = self.label(name)
            if name in self.money_columns:
                label = f"{label}（万元）"
            out.append((name, label))
        return out

    def label(self, name: str) -> str:
        method = getattr(self, f"label_{name}", None)
        if method:
            return str(method)
        try:
            return str(self.model._meta.get_field(name).verbose_name)
        except Exception:
            return name

    def cell(self, obj, name: str) -> str:
        render = getattr(self, f"render_{name}", None)
        if render:
            return render(obj)
        try:
            f = self.model._meta.get_field(name)
        except Exception:
            return display_text(getattr(obj, name, ""))
        if f.many_to_many:
            return display_text("、".join(self.visibility.name(o) for o in getattr(obj, name).all()))
        if f.choices:
            return display_text(getattr(obj, f"get_{name}_display")())
        value = getattr(obj, name)
        if f.is_relation and value is not None:
            return display_text(self.visibility.name(value))
        if name in self.money_columns:
            return yuan_to_wan(value)
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, (dt.date, Decimal, int, float)):
            return localize(value)
        return display_text(value)

    def iter_rows(self):
        rows = list(self.rows)
        self.visibility.prefetch_related(rows, [n for n in self.columns if _field(self.model, n) is not None])
        for obj in rows:
            yield obj, [self.cell(obj, name) for name in self.columns]
