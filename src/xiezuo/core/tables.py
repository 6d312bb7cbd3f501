"""A small declarative table: `columns` name fields; the first links to the detail page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop

from .languages import traditional_region
from .scope import Visibility
from .text import data_to_traditional

_ACTIVE = object()


def display_text(value, region=_ACTIVE) -> str:
    """Data is kept as entered (mostly Simplified); a Traditional interface shows it in its region's characters.
    `region`: the interface's ("tw", "hk" or None), when the caller already knows it (a table, once for all cells)."""
    text = "" if value is None else str(value)
    if region is _ACTIVE:
        region = traditional_region() if text else None
    return data_to_traditional(text, region) if region and text else text


def yuan_to_wan(value) -> str:
    """Money is kept in yuan; offices read 萬元 with two decimals and thousands separators."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value) / Decimal(10000):,.2f}"


def yuan(value) -> str:
    """A yuan amount as written in 元: thousands separators, two decimals."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value):,.2f}"


def number(value) -> str:
    """A count or measure with thousands separators (12,345; 1,234.5); other values as they are."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, (Decimal, float)):
        return f"{value:,}"
    return str(value)


YUAN_SUFFIXES = ("（元）", "(元)")
MONEY_UNITS = (gettext_noop("万元"), gettext_noop("元"))


def is_money(field) -> bool:
    """A yuan amount: a decimal field whose (Simplified) label ends with （元）, the convention of every model.

    Decided from the field, not per table, so lists, detail pages and every record type agree.
    """
    from django.db import models
    from django.utils import translation

    if not isinstance(field, models.DecimalField):
        return False
    with translation.override("zh-hans"):
        return str(field.verbose_name).endswith(YUAN_SUFFIXES)


def plain_label(field) -> str:
    """The field's label without its （元）: the list or page states the unit once, itself."""
    label = str(field.verbose_name)
    for suffix in (*YUAN_SUFFIXES, " (yuan)", "（yuan）", "（圓）", "（元）"):
        if label.endswith(suffix):
            return label[: -len(suffix)]
    return label


def is_year(name: str) -> bool:
    """Years are numbers read without separators (2,021 would be wrong)."""
    return name == "year" or name.endswith("_year") or name.startswith("year_")


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


def str_related(model) -> tuple[str, ...]:
    """Relations a model's `__str__` reads (its `str_related`, declared where `__str__` names a related row)."""
    return tuple(getattr(model, "str_related", ()))


def _str_paths(model, depth: int = 2) -> list[str]:
    """Paths of the foreign keys that `str(row)` of `model` follows, to `depth` levels."""
    out = []
    for name in str_related(model):
        f = _field(model, name)
        if f is None or f.many_to_many or not f.is_relation:
            continue
        out.append(name)
        if depth > 1:
            out += [f"{name}__{p}" for p in _str_paths(f.related_model, depth - 1)]
    return out


def fetch_plan(model, names, select=(), prefetch=()) -> tuple[list[str], list]:
    """(select_related paths, prefetch_related lookups) for showing `names` of many rows of `model`.

    The foreign keys among `names` are joined, each with what its row's `__str__` reads, and those that `select`
    names (what render methods read besides their columns) or the model's `list_related` (what its computed
    columns read); a many-to-many column is fetched in one more query
    for all rows (with what its rows' `__str__` read). So a page of rows costs the same queries for 5 rows or
    500. Only what is shown is joined: every join makes PostgreSQL's planning dearer (a sale list with all eleven
    took 80 ms to plan, 13 to run).
    """
    from django.db.models import Prefetch

    joins: list[str] = [*select, *getattr(model, "list_related", ()), *_str_paths(model)]
    lookups: list = list(prefetch)
    for name in names:
        f = _field(model, name)
        if f is not None and f.is_relation and (f.many_to_one or f.one_to_one):
            joins += [f.name, *(f"{f.name}__{p}" for p in _str_paths(f.related_model))]
    for name in names:
        f = _field(model, name)
        if f is not None and f.many_to_many:
            related = f.related_model
            lookups.append(Prefetch(name, queryset=related._default_manager.select_related(*_str_paths(related))))
    seen: set = set()
    unique_lookups = []
    for item in lookups:
        key = getattr(item, "prefetch_to", item)
        if key not in seen:
            seen.add(key)
            unique_lookups.append(item)
    return list(dict.fromkeys(joins)), unique_lookups


def detail_plan(model, names) -> tuple[list[str], list]:
    """`fetch_plan` for one record's page: what its fields show, and the rows its places for approval come from
    (core/permissions.py `record_places`), read once. Asking whether the reader may change, submit, approve,
    return or reopen the record read its units or regions again for each question (four more queries)."""
    from .permissions import approval_spec

    select, prefetch = fetch_plan(model, names)
    seen = {getattr(p, "prefetch_to", p) for p in prefetch}
    spec = approval_spec(model)
    for path in [*spec.regions, *spec.organisations] if spec else []:
        current, walked = model, []
        for part in path.split("__"):
            f = _field(current, part)
            if f is None or not f.is_relation:
                break
            walked.append(part)
            if f.many_to_many or f.one_to_many:
                lookup = "__".join(walked)
                if lookup not in seen:
                    seen.add(lookup)
                    prefetch.append(lookup)
                break
            select.append("__".join(walked))
            current = f.related_model
    return list(dict.fromkeys(select)), prefetch


class Table:
    columns: tuple[str, ...] = ()
    # Columns holding yuan amounts besides the model's money fields (computed columns); every decimal field
    # labelled （元） is money anyway (`is_money`).
    money_columns: tuple[str, ...] = ()
    # The unit money shows in: 万元 for investment and funds; a table of household incomes says 元.
    money_unit: str = "万元"
    ordering: tuple[str, ...] = ()
    # What the cells read beyond their columns' own relations (derived by `fetch_plan`): paths to join and
    # lookups to prefetch, declared by a table whose `render_*` methods follow further relations.
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()

    def __init__(self, model, rows, user=None):
        self.model = model
        self.rows = rows
        # With a reader, a related row they may not open shows as （范围外记录）; without one (internal use) as is.
        self.visibility = Visibility(user)

    def optimise(self, qs):
        """The rows' queryset with everything the cells read fetched in a fixed number of queries."""
        select, prefetch = fetch_plan(self.model, self.columns, self.select_related, self.prefetch_related)
        if select:
            qs = qs.select_related(*select)
        if prefetch:
            qs = qs.prefetch_related(*prefetch)
        if hasattr(self.model, "annotate_reads"):  # values a model computes per row, for all rows at once
            qs = self.model.annotate_reads(qs)
        return self.annotate(qs)

    def annotate(self, qs):
        """A table with computed columns adds them to the query here (one subquery, not one query per row)."""
        return qs

    def headers(self) -> list[tuple[str, str]]:
        return [(name, self.label(name)) for name in self.columns]

    def is_money(self, name: str) -> bool:
        if name in self.money_columns:
            return True
        f = _field(self.model, name)
        return f is not None and is_money(f)

    def money(self, value) -> str:
        return yuan_to_wan(value) if self.money_unit == "万元" else yuan(value)

    def label(self, name: str) -> str:
        """The column's label; a money column states its unit once: 计划投资（万元）."""
        method = getattr(self, f"label_{name}", None)
        if method:
            return str(method() if callable(method) else method)
        f = _field(self.model, name)
        if f is None:
            return name
        if self.is_money(name):
            from django.utils.translation import gettext

            return f"{plain_label(f)}（{gettext(self.money_unit)}）"
        return str(f.verbose_name)

    def cell(self, obj, name: str) -> str:
        return self.renderer(name)(obj)

    def renderer(self, name: str):
        """How the column `name` shows a row, decided once per table (a list page asks for up to a thousand
        rows' cells: looking up the field, its unit and the interface's script for each cell was a third of the
        rows' time)."""
        found = self.__dict__.setdefault("_renderers", {})
        if name not in found:
            found[name] = self._make_renderer(name)
        return found[name]

    def _make_renderer(self, name: str):
        render = getattr(self, f"render_{name}", None)
        if render:
            return render
        region = traditional_region()

        def text(value) -> str:
            return display_text(value, region)

        f = _field(self.model, name)
        if f is None:
            return lambda obj: text(getattr(obj, name, ""))
        visible = self.visibility.name
        if f.many_to_many:
            return lambda obj: text("、".join(visible(o) for o in getattr(obj, name).all()))
        if f.choices:
            return lambda obj: text(getattr(obj, f"get_{name}_display")())
        if f.is_relation:
            def related(obj) -> str:
                value = getattr(obj, name)
                return "" if value is None else text(visible(value))

            return related
        if self.is_money(name):
            return lambda obj: self.money(getattr(obj, name))
        year = is_year(name)

        def value_text(obj) -> str:
            value = getattr(obj, name)
            if isinstance(value, bool):
                return gettext("是") if value else gettext("否")
            if isinstance(value, (Decimal, int, float)):
                return str(value) if year else number(value)
            if isinstance(value, dt.date):
                return localize(value)
            return text(value)

        return value_text

    def iter_rows(self):
        rows = list(self.rows)
        self.visibility.prefetch_related(rows, [n for n in self.columns if _field(self.model, n) is not None])
        for obj in rows:
            yield obj, [self.cell(obj, name) for name in self.columns]

    def body_html(self, rt, bulk: bool):
        """The list page's rows as HTML, written here rather than by a template loop: the rows are most of a
        list page's rendering time (50–1,000 rows of up to a dozen cells)."""
        select, synthetic = gettext("选择"), gettext("演示用的合成记录，并非真实事实")
        badge = format_html(' <span class="badge badge-synthetic" title="{}">{}</span>', synthetic, gettext("合成"))
        lifecycle = bool(rt.lifecycle)
        out = []
        for obj, cells in self.iter_rows():
            cells = [c if isinstance(c, str) else ("None" if c is None else localize(c)) for c in cells]
            parts = ["<tr>"]
            if bulk:
                parts.append(format_html('<td><input class="form-check-input" type="checkbox" name="pk" value="{}" '
                                         'aria-label="{} {}"></td>', obj.pk, select, cells[0] if cells else ""))
            for i, cell in enumerate(cells):
                if i == 0:
                    parts.append(format_html('<td><a href="{}" class="record-link">{}</a>{}</td>',
                                             rt.url("detail", obj.pk), cell or "—",
                                             badge if getattr(obj, "synthetic", False) else ""))
                else:
                    parts.append(f"<td>{conditional_escape(cell)}</td>")
            if lifecycle:
                status = obj.status
                colour = {"approved": "success", "submitted": "primary", "returned": "danger"}.get(status,
                                                                                                   "secondary")
                parts.append(format_html('\n<td><span class="badge text-bg-{}">{}</span></td>', colour,
                                         obj.get_status_display()))
            else:
                parts.append("\n")
            parts.append("</tr>\n")
            out.append("".join(parts))
        return mark_safe("".join(out))
