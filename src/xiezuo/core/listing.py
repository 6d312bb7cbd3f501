"""What a record list does with its query string: sorting, page size, numbered pages and refused filters.

Kept apart from the table (core/tables.py, which renders cells) and the view (core/views.py): the list page
and its bulk actions share it. Own code rather than django-tables2: our tables are a tuple of column names
rendered through the scope-aware `Table.cell`; sorting, page size and the pager add ~100 lines here, while
django-tables2 would need a Table class per type plus custom columns for scope, money and Traditional text.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from .text import is_digits

PAGE_SIZES = (25, 50, 100, 200)
SESSION_KEY = "xiezuo_list_page_size"


def sort_keys(table) -> dict[str, str]:
    """Column name → ORDER BY expression, for the columns a user may sort by (stored fields only).

    A relation sorts by the related record's name (what the cell shows), never by its internal id; a
    many-to-many or computed column cannot be sorted and its header stays plain text.
    """
    model = table.model
    out: dict[str, str] = {}
    for name in table.columns:
        try:
            f = model._meta.get_field(name)
        except Exception:
            continue
        if f.many_to_many or f.one_to_many or not getattr(f, "concrete", False):
            continue
        if f.is_relation:
            related = f.related_model
            if any(getattr(rf, "name", "") == "name" for rf in related._meta.get_fields()):
                out[name] = f"{name}__name"
            continue
        out[name] = name
    if getattr(model, "lifecycle", True) and any(f.name == "status" for f in model._meta.get_fields()):
        out["status"] = "status"
    return out


def requested_sort(request, table) -> tuple[str, list[str]]:
    """(`sort` value as given, ORDER BY list). `?sort=name` / `?sort=-name`; `?ordering=` is the same."""
    raw = (request.GET.get("sort") or request.GET.get("ordering") or "").strip()
    keys = sort_keys(table)
    name = raw.lstrip("-")
    if name not in keys:
        return "", list(table.ordering or ("-pk",))
    sign = "-" if raw.startswith("-") else ""
    return raw, [f"{sign}{keys[name]}", f"{sign}pk"]


def page_size(request) -> int:
    """`?per_page=` chooses 25/50/100/200 and is remembered in the user's session for every list."""
    raw = request.GET.get("per_page")
    if raw and is_digits(raw) and int(raw) in PAGE_SIZES:
        request.session[SESSION_KEY] = int(raw)
        return int(raw)
    remembered = request.session.get(SESSION_KEY)
    if remembered in PAGE_SIZES:
        return remembered
    return settings.XIEZUO_PAGE_SIZE


def paginate(request, qs, size: int):
    page = Paginator(qs, size).get_page(request.GET.get("page"))
    numbers = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page, numbers


def header_links(table, request, current: str) -> list[dict]:
    """One entry per column: label, and where sortable the URL that sorts by it (again: the other way)."""
    keys = sort_keys(table)
    base = request.GET.copy()
    for k in ("sort", "ordering", "page"):
        base.pop(k, None)
    out = []
    columns = list(table.headers())
    if getattr(table.model, "lifecycle", True) and "status" in keys:
        columns.append(("status", _("状态")))
    for name, label in columns:
        entry = {"name": name, "label": label, "url": "", "direction": ""}
        if name in keys:
            query = base.copy()
            query["sort"] = f"-{name}" if current == name else name
            entry["url"] = "?" + query.urlencode()
            if current.lstrip("-") == name:
                entry["direction"] = "desc" if current.startswith("-") else "asc"
        out.append(entry)
    return out


def filter_problems(filterset) -> list[str]:
    """The refused filter values, one sentence each, naming the filter and the value as typed."""
    if not filterset.is_bound or filterset.is_valid():
        return []
    out = []
    for name, errors in filterset.form.errors.items():
        field = filterset.form.fields.get(name)
        label = str(field.label) if field is not None and field.label else name
        values = filterset.form.data.getlist(name) if hasattr(filterset.form.data, "getlist") else []
        shown = "、".join(v for v in values if v) or filterset.form.data.get(name, "")
        out.append(_("筛选条件“%(label)s”的值“%(value)s”无效：%(error)s") % {
            "label": label, "value": shown, "error": " ".join(str(e) for e in errors)})
    return out


def page_size_links(request, current: int) -> list[tuple[int, str, bool]]:
    """(size, URL, chosen?) for the page-size choice; choosing starts again at page 1."""
    base = request.GET.copy()
    for k in ("page", "per_page"):
        base.pop(k, None)
    out = []
    for size in PAGE_SIZES:
        query = base.copy()
        query["per_page"] = str(size)
        out.append((size, "?" + query.urlencode(), size == current))
    return out
