"""The figure registry: every figure a user sees is declared once, by its channel, and computed here.

A channel declares its figures in `<app>/figures.py` (found at first use, like
admin autodiscovery):

    figure("exchange.trips", _("考察调研次数"), "exchange.Visit", unit=_("次"), total="occurrences",
           subjects={"organisation": lambda s: {"organisation": s.obj.pk},
                     "pairing": lambda s: {"pairing": s.obj.pk},
                     "region": lambda s: {"region": s.obj.code}})

A figure is a query of one record type's *list filterset* over `restrict(user)`:
the subject (an organisation, a pairing or a region) and the period turn into
the list page's own parameters, so the figure's link shows exactly the records
it counts, and nothing outside the reader's area is ever counted. How it counts:
records (the default), the sum of a field (`total=`), distinct persons through a
path to a person (`persons=`), or a function of the records (`compute=`) or of
other figures (`formula=`).

Only approved records count, unless the reader asks for drafts and submitted
records too (`include_unapproved`); such a figure says so in its label.
Pages (`core/cooperation.py`), `/api/figures/` and exports read figures only
from here.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from . import tablestamps
from .tablestamps import approved_set

SUBJECTS = ("organisation", "pairing", "region")
UNAPPROVED = _("含未审核")

FIGURES: dict[str, FigureSpec] = {}
TABLES: dict[str, TableSpec] = {}
_discovered = False


# --- subjects -----------------------------------------------------------------------------------------------

def pairing_sides(pairing) -> tuple[str, str]:
    """Region prefixes of a pairing's helper (east) and helped (west) sides; an organisation side stands for its
    region."""
    from .scope import code_prefix

    def side(name):
        region = getattr(pairing, f"{name}_region")
        if region is not None:
            return code_prefix(region.code, region.level)
        return code_prefix(getattr(pairing, f"{name}_organisation").region_id)
    return side("helper"), side("helped")


@dataclass(frozen=True)
class Subject:
    """What figures are asked about: an organisation (with the units it supervises), a pairing or a region,
    and a period."""

    kind: str
    obj: object
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def east(self) -> str:
        return pairing_sides(self.obj)[0]

    @property
    def west(self) -> str:
        return pairing_sides(self.obj)[1]

    def within(self, since, until) -> Subject:
        return Subject(self.kind, self.obj, since, until)

    def of(self, kind: str, obj) -> Subject:
        return Subject(kind, obj, self.since, self.until)


@dataclass(frozen=True)
class Options:
    """How the reader asked: approved records only (the default), or drafts and submitted ones too; facts only."""

    include_unapproved: bool = False
    facts_only: bool = False

    def params(self) -> dict:
        out = {} if self.include_unapproved else {"status": "approved"}
        if self.facts_only:
            out["synthetic"] = "false"  # synthetic demo records left out
        return out


# --- declarations -------------------------------------------------------------------------------------------

@dataclass
class FigureSpec:
    key: str                      # "<app>.<name>", stable: the API and tests name figures by it
    label: object                 # gettext_lazy
    model: str                    # "app.Model": the record type counted; its list page is the drill-down
    subjects: dict[str, Callable[[Subject], dict | None]]  # subject kind -> list-filter parameters (None: n/a)
    unit: object = ""
    money: bool = False           # a yuan amount (shown in 万元)
    total: str | None = None      # sum of this field instead of counting records
    persons: str | None = None    # path to a person: count distinct persons
    compute: Callable | None = None   # (queryset, subject) -> value, when a count or a sum cannot say it
    # [(queryset, subject), …] -> [value, …]: `compute` for a table's rows at once, in a fixed number of queries
    compute_many: Callable | None = None
    formula: Callable | None = None   # (values by key) -> value, from the figures in `needs`
    needs: tuple[str, ...] = ()
    period: tuple[str, str] | str = ("since", "until")  # list parameters of the period, or "year"
    description: object = ""      # what is counted, for the API schema and the page's tooltip
    panel: tuple[str, ...] = ()   # subject kinds whose detail-page panel shows this figure
    recent: tuple[str, ...] = ()  # subject kinds whose panel lists this figure's latest records
    order: int = 100

    @property
    def record_model(self):
        return apps.get_model(self.model)

    def applies(self, kind: str) -> bool:
        return kind in self.subjects

    def params(self, subject: Subject, options: Options, extra: dict | None = None) -> dict | None:
        base = self.subjects[subject.kind](subject)
        if base is None:
            return None
        if self.period == "year":
            period = {"year_from": subject.since.year if subject.since else None,
                      "year_to": subject.until.year if subject.until else None}
        else:
            since, until = self.period
            period = {since: subject.since.isoformat() if subject.since else None,
                      until: subject.until.isoformat() if subject.until else None}
        params = {**base, **(extra or {}), **period, **options.params()}
        return {k: v for k, v in params.items() if v not in (None, "")}


@dataclass
class TableSpec:
    """A table of a cooperation page: one row per item (enterprise, county, year, stage), one figure per cell.

    `rows(user, subject, options)` yields (first cell, subject of the row, extra list parameters). Columns
    are figure keys; a channel adds a column to a table declared elsewhere with `column(...)`.
    """

    key: str
    title: object
    header: object
    subjects: tuple[str, ...]
    rows: Callable[[object, Subject, Options], Iterable[tuple[object, Subject, dict]]]
    columns: list[tuple[object, str]] = field(default_factory=list)
    skip_empty: bool = True       # leave out rows whose figures are all zero
    order: int = 100


def figure(key: str, label, model: str, subjects: dict, **kwargs) -> FigureSpec:
    """Declare a figure (in a channel's figures.py)."""
    spec = FigureSpec(key=key, label=label, model=model, subjects=subjects, **kwargs)
    FIGURES[key] = spec
    return spec


def table(key: str, title, header, subjects: tuple[str, ...], rows, columns=(), **kwargs) -> TableSpec:
    spec = TABLES.get(key)
    if spec is None:
        spec = TABLES[key] = TableSpec(key=key, title=title, header=header, subjects=tuple(subjects), rows=rows,
                                       **kwargs)
    spec.columns.extend(columns)
    return spec


def narrowed(subjects: dict, **extra) -> dict:
    """The same subjects' parameters with more list filters (e.g. `needs_review="true"`)."""
    def one(make):
        return lambda s: {**make(s), **extra}
    return {kind: one(make) for kind, make in subjects.items()}


def column(table_key: str, header, figure_key: str) -> None:
    """Add a column to a table another app declared (the per-enterprise table gets each channel's figures)."""
    from . import cooperation  # noqa: F401  (declares the shared tables)

    TABLES[table_key].columns.append((header, figure_key))


def discover() -> None:
    global _discovered
    if not _discovered:
        _discovered = True
        from . import cooperation  # noqa: F401  (the tables every channel adds columns to)

        autodiscover_modules("figures")


def specs(kind: str | None = None) -> list[FigureSpec]:
    discover()
    out = [s for s in FIGURES.values() if kind is None or s.applies(kind)]
    return sorted(out, key=lambda s: s.order)


def tables(kind: str) -> list[TableSpec]:
    discover()
    return sorted((t for t in TABLES.values() if kind in t.subjects), key=lambda t: t.order)


# --- values -------------------------------------------------------------------------------------------------

_computing = threading.local()
# Below this many rows (PostgreSQL's estimate) a figure's statement costs more to plan than to run.
SMALL_TABLE_ROWS = 10_000
_row_estimates: dict[str, tuple[float, float]] = {}  # table -> (rows, monotonic time read)


@contextmanager
def computing(plans: str | None = None):
    """One computation of figures (a page's, a panel's, an API answer's): what every figure of it shares is
    prepared once.

    * Each record type's rows in the reader's area (`restrict(user)`, up to six joined tables) are built once,
      not once per figure and table cell (a region page built them 160 times).
    * Each set of list parameters is filtered once, and its records' subquery compiled once for every aggregate
      over the same records (`records`, `members`).
    * On PostgreSQL, statements counting a small table are planned with their joins in the order written
      (`join_collapse_limit = 1`, in this transaction only; `_planned_for`). Such a statement holds, for each
      of its items, the reader's area and the list filters as subqueries: PostgreSQL spent most of a cold
      cooperation page searching join orders for them (a region page's sales: 112 ms to plan, 11 ms to run),
      and the order written (the record, then the rows it points to) is what a good plan takes for a small
      table. Over a large table (100,000 projects) the search is left alone: there the order chosen outweighs
      the time spent choosing it. The results are the same either way.

    * With `plans` (a cache key: `cached` gives one per page, reader's area and day), the compiled subqueries
      of its record sets are read from the cache and the new ones kept there: after a write the page is counted
      again from the same statements without filtering and compiling them again (`members`).

    Nested uses join the outer one. The setting is put back at the end, also inside a caller's transaction (an
    error rolls it back with the rest)."""
    if getattr(_computing, "memo", None) is not None:
        yield
        return
    _computing.memo = {}  # area conditions, filtered record sets, compiled subqueries
    _computing.limit = _computing.default = None
    _computing.plans = _load_plans(plans)
    _computing.plans_added = False
    try:
        if connection.vendor == "postgresql":
            with transaction.atomic():
                yield
                if _computing.limit != _computing.default:
                    _join_collapse_limit(_computing.default)
        else:
            yield
        if plans is not None and _computing.plans_added:
            _save_plans(plans, _computing.plans)
    finally:
        _computing.memo = _computing.plans = None


def _join_collapse_limit(value: str) -> str:
    """Set PostgreSQL's `join_collapse_limit` for the current transaction; gives the value it had."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('join_collapse_limit'), set_config('join_collapse_limit', %s, true)",
                       [value])
        return cursor.fetchone()[0]


def _rows_estimate(model) -> float:
    """PostgreSQL's estimate of the table's rows (-1: never analysed), read again after five minutes."""
    table = model._meta.db_table
    known = _row_estimates.get(table)
    if known is None or time.monotonic() - known[1] > 300:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", [table])
            row = cursor.fetchone()
        known = _row_estimates[table] = (float(row[0]) if row and row[0] is not None else -1.0, time.monotonic())
    return known[0]


def _planned_for(model) -> None:
    """Before a statement counting `model` (None: a channel's own computation) in a computation on PostgreSQL:
    joins as written when its table is small, PostgreSQL's own search otherwise."""
    if connection.vendor != "postgresql" or getattr(_computing, "memo", None) is None:
        return
    wanted = "1" if model is not None and _rows_estimate(model) < SMALL_TABLE_ROWS else _computing.default
    if wanted is not None and wanted != _computing.limit:
        previous = _join_collapse_limit(wanted)
        if _computing.default is None:
            _computing.default = previous
        _computing.limit = wanted


def _restricted(user, model):
    """`model.objects.restrict(user)`, built once per computation (querysets built on it are copies)."""
    memo = getattr(_computing, "memo", None)
    if memo is None:
        return model.objects.restrict(user)
    key = (model, user.pk)
    if key not in memo:
        memo[key] = model.objects.restrict(user)
    return memo[key]


def _computed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with computing():
            return function(*args, **kwargs)
    return wrapper


@dataclass
class Figure:
    """One computed figure: what a page cell, a panel or the API shows."""

    key: str
    label: object
    value: object
    url: str                      # the list page of exactly the records counted
    api_url: str = ""
    unit: object = ""
    money: bool = False
    unapproved: bool = False      # drafts and submitted records are included

    @property
    def display_label(self) -> str:
        return f"{self.label}（{UNAPPROVED}）" if self.unapproved else str(self.label)

    @property
    def persons(self) -> bool:
        """A count of distinct persons (the page says so next to it)."""
        spec = FIGURES.get(self.key)
        return bool(spec and spec.persons)

    @property
    def description(self) -> str:
        """What is counted: the figure's tooltip."""
        spec = FIGURES.get(self.key)
        return str(spec.description) if spec and spec.description else ""


_NAMED_FILTERS: dict[tuple, type] = {}


def filters_named(filterset_class: type, params: dict) -> type:
    """`filterset_class` with only the filters `params` names (kept per class and set of names): what a figure
    filters by is the same, and a page of eighty figures no longer copies, limits and validates every filter of
    its record type eighty times (a fifth of a cooperation page's time). A parameter naming no filter is ignored,
    as the list page ignores it."""
    key = (filterset_class, frozenset(params))
    named = _NAMED_FILTERS.get(key)
    if named is None:
        named = type(filterset_class.__name__, (filterset_class,), {"__module__": filterset_class.__module__})
        named.base_filters = {k: v for k, v in filterset_class.base_filters.items() if k in params}
        _NAMED_FILTERS[key] = named
    return named


def records(user, model, params: dict):
    """(queryset, list URL, API URL) of a record type filtered as its list page would be by `params`; built once
    per computation for the same parameters (a region page asked 159 times for 92 different sets: a county's
    row counts its projects, sums their investment and counts their jobs over the same records)."""
    query = urlencode(params, doseq=True)
    memo = getattr(_computing, "memo", None)
    key = ("records", model, user.pk, query)
    if memo is not None and key in memo:
        return memo[key]
    from .registry import for_model

    rt = for_model(model)
    area = _restricted(user, model)  # from the reader's scope (which may be read now), named by `plans_key`
    with _statements() as run:  # a filter that reads rows to build its condition (the minimum stays)
        filterset_class = filters_named(rt.filterset, params)
        filterset = filterset_class(QueryDict(query), queryset=area)
        if not filterset.is_valid():
            raise ValueError(filterset.errors)
        qs = filterset.qs
    api = f"/api/{rt.app_label}/{rt.model_name}/?{query}"
    found = (qs, f"{rt.url('list')}?{query}", api)
    if memo is not None:
        memo[key] = found
        if run:
            memo[("read rows", id(qs))] = qs
    return found


def _compiled(qs) -> tuple:
    """(queryset, condition, compiled subquery or None when it selects nothing) of `qs`, once per computation."""
    memo = _computing.memo
    key = ("members", id(qs))
    if key not in memo:
        try:
            sql, params = qs.values("pk").order_by().query.sql_with_params()
        except EmptyResultSet:  # a filter that selects nothing: Django's own expression counts it as 0
            memo[key] = (qs, Q(pk__in=qs.values("pk")), None)
        else:
            # the queryset is kept with it: its id names it only while it lives
            memo[key] = (qs, Q(pk__in=RawSQL(sql, params)), (sql, tuple(params)))
    return memo[key]


def members(user, model, params: dict) -> tuple[Q, str, str]:
    """(condition selecting the records, list URL, API URL) of `records(user, model, params)`, for a filtered
    aggregate. In a computation with plans (`computing(plans=…)`), a set's compiled subquery is taken from them
    when it is there and added to them when it is not.

    Kept plans stay right after writes: a record set's statement holds the reader's area, the list parameters
    and today's date, and reads everything else (an organisation's units, a product's certificate) as it runs.
    A set whose filters read rows while they are built (the minimum stays of professionals) is never kept, and
    the plans of a page are named by its reader's area, the day and the code (`plans_key`)."""
    plans = getattr(_computing, "plans", None)
    query = urlencode(params, doseq=True)
    key = (model._meta.label_lower, query)
    if plans is not None and key in plans:
        compiled, url, api = plans[key]
        only = Q(pk__in=RawSQL(*compiled)) if compiled else Q(pk__in=model._base_manager.none().values("pk"))
        return only, url, api
    qs, url, api = records(user, model, params)
    if getattr(_computing, "memo", None) is None:
        return Q(pk__in=qs.values("pk")), url, api
    with _statements() as run:
        _qs, only, compiled = _compiled(qs)
    if plans is not None and not run and ("read rows", id(qs)) not in _computing.memo:
        plans[key] = (compiled, url, api)
        _computing.plans_added = True
    return only, url, api


def selected(user, model, params: dict) -> tuple:
    """(queryset, list URL, API URL): the records `records(user, model, params)` selects, as a set for a function
    of the records (filter, count or read it; the filters' own annotations are not on it), taken from the page's
    kept record sets when they hold it (`members`)."""
    only, url, api = members(user, model, params)
    return model._base_manager.filter(only), url, api


@contextmanager
def _statements():
    """A list that holds one entry per statement run inside the block (on this thread's connection)."""
    run: list = []

    def count(execute, sql, params, many, context):
        run.append(1)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield run


PLANS_TIMEOUT = 26 * 3600  # the key names the day: a day's plans are dropped the day after


@functools.cache
def _code_stamp() -> str:
    """The newest modification time of the product's Python files: a new release compiles its own plans."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return str(max(p.stat().st_mtime_ns for p in root.rglob("*.py")))


def plans_key(user, name: str, area_only: bool = False) -> str:
    """The cache key of the compiled record sets of `name` for this reader's area (and roles), today and this
    release: not the data's state, so that they outlive writes."""
    import hashlib

    from django.utils import timezone

    # Today as the server's clock and as the site's time zone say it: a filter may read either.
    raw = f"{name}:{reader_key(user, area_only)}:{dt.date.today()}:{timezone.localdate()}:{_code_stamp()}"
    return "figure-plans:" + hashlib.sha256(raw.encode()).hexdigest()


def _load_plans(key: str | None) -> dict | None:
    if key is None:
        return None
    from django.core.cache import cache

    return cache.get(key) or {}


def _save_plans(key: str, plans: dict) -> None:
    from django.core.cache import cache

    cache.set(key, plans, PLANS_TIMEOUT)


@_computed
def compute(user, spec: FigureSpec, subject: Subject, options: Options, extra: dict | None = None,
            known: dict | None = None) -> Figure | None:
    params = spec.params(subject, options, extra)
    if params is None:
        return None
    model = spec.record_model
    if spec.compute is not None and spec.formula is None:
        qs, url, api = selected(user, model, params)
        _planned_for(None)
        value = spec.compute(qs, subject)
        return Figure(spec.key, spec.label, value, url, api, spec.unit, spec.money, options.include_unapproved)
    only, url, api = members(user, model, params)
    if spec.formula is not None:
        values = dict(known or {})
        for need in spec.needs:
            if need not in values:
                values[need] = compute(user, FIGURES[need], subject, options, extra).value
        value = spec.formula(values)
    else:
        _planned_for(model)
        with approved_set(model if _approved(params) else None):
            value = _count_or_sum(spec, model, only)
    return Figure(spec.key, spec.label, value, url, api, spec.unit, spec.money, options.include_unapproved)


def _count_or_sum(spec: FigureSpec, model, only: Q):
    """One figure's distinct persons, sum or count of the records `only` selects, in a statement of its own."""
    # Through the primary keys: a filter crossing a to-many relation may repeat a row.
    rows = model._base_manager.filter(only)
    if spec.persons:
        return rows.exclude(**{f"{spec.persons}__isnull": True}).aggregate(n=Count(spec.persons, distinct=True))["n"]
    if spec.total:
        value = rows.aggregate(s=Sum(spec.total))["s"]
        return value if value is not None else (Decimal(0) if spec.money else 0)
    return rows.count()


AGGREGATES_PER_QUERY = 64


@_computed
def compute_many(user, spec: FigureSpec, items: list[tuple[Subject, dict | None]], options: Options) \
        -> list[Figure | None]:
    """`compute` for many (subject, extra) pairs: a count, sum or distinct-person figure of all of them in one
    query (one filtered aggregate per item); a computed or formula figure item by item."""
    if spec.formula is not None or (spec.compute is not None and spec.compute_many is None) or len(items) < 2:
        return [compute(user, spec, s, options, e) for s, e in items]
    model = spec.record_model
    if spec.compute_many is not None:
        found = []
        for subject, extra in items:
            params = spec.params(subject, options, extra)
            found.append(None if params is None else (*selected(user, model, params), subject))
        _planned_for(None)
        values = iter(spec.compute_many([(f[0], f[3]) for f in found if f is not None]))
        return [None if f is None else Figure(spec.key, spec.label, next(values), f[1], f[2], spec.unit, spec.money,
                                              options.include_unapproved) for f in found]
    found: list[tuple | None] = []
    aggregates = {}
    every_approved = True
    for i, (subject, extra) in enumerate(items):
        params = spec.params(subject, options, extra)
        if params is None:
            found.append(None)
            continue
        every_approved = every_approved and _approved(params)
        only, url, api = members(user, model, params)
        found.append((url, api))
        aggregates[f"v{i}"] = _aggregate(spec, only)
    # In groups of 64 (one more query per 64 rows): a statement of hundreds of filtered aggregates takes
    # PostgreSQL seconds only to plan.
    values, names = {}, list(aggregates)
    _planned_for(model)
    with approved_set(model if every_approved else None):
        for start in range(0, len(names), AGGREGATES_PER_QUERY):
            values.update(model._base_manager.aggregate(**{n: aggregates[n]
                                                           for n in names[start:start + AGGREGATES_PER_QUERY]}))
    out: list[Figure | None] = []
    for i, item in enumerate(found):
        out.append(None if item is None else _figure(spec, values[f"v{i}"], item[0], item[1], options))
    return out


def _approved(params: dict) -> bool:
    """Whether a record set holds approved records only (its statements may then depend on them alone:
    core/tablestamps.py)."""
    return params.get("status") == "approved"


def _aggregate(spec: FigureSpec, only: Q):
    if spec.persons:
        return Count(spec.persons, distinct=True, filter=only)
    if spec.total:
        return Sum(spec.total, filter=only)
    return Count("pk", filter=only)


def _figure(spec: FigureSpec, value, url: str, api: str, options: Options) -> Figure:
    if value is None:
        value = Decimal(0) if spec.money else 0
    return Figure(spec.key, spec.label, value, url, api, spec.unit, spec.money, options.include_unapproved)


@_computed
def compute_together(user, chosen: list[FigureSpec], subject: Subject, options: Options,
                     extra: dict | None = None) -> dict[str, Figure | None]:
    """Count, sum and distinct-person figures of one subject, one statement per record type: a page of eighty
    figures was eighty statements, and PostgreSQL spent most of their time planning them."""
    by_model: dict = {}
    unapproved: set = set()
    out: dict[str, Figure | None] = {}
    for spec in chosen:
        params = spec.params(subject, options, extra)
        if params is None:
            out[spec.key] = None
            continue
        only, url, api = members(user, spec.record_model, params)
        by_model.setdefault(spec.record_model, []).append((spec, only, url, api))
        if not _approved(params):
            unapproved.add(spec.record_model)
    for model, items in by_model.items():
        values: dict = {}
        _planned_for(model)
        with approved_set(None if model in unapproved else model):
            for start in range(0, len(items), AGGREGATES_PER_QUERY):
                chunk = items[start:start + AGGREGATES_PER_QUERY]
                values.update(model._base_manager.aggregate(**{
                    f"v{start + i}": _aggregate(spec, only) for i, (spec, only, _u, _a) in enumerate(chunk)}))
        for i, (spec, _qs, url, api) in enumerate(items):
            out[spec.key] = _figure(spec, values[f"v{i}"], url, api, options)
    return out


@_computed
def figures(user, subject: Subject, options: Options = Options(), keys: Iterable[str] | None = None,
            extra: dict | None = None) -> list[Figure]:
    """The figures of a subject, in declaration order (only `keys` when given)."""
    wanted = set(keys) if keys is not None else None
    chosen = [spec for spec in specs(subject.kind) if wanted is None or spec.key in wanted]
    # Counts, sums and distinct persons of one record type in one statement (a filtered aggregate each); then
    # computed and formula figures, which may read them.
    batched = compute_together(user, [spec for spec in chosen if spec.formula is None and spec.compute is None],
                               subject, options, extra)
    out, known = [], {}
    for spec in chosen:
        f = batched[spec.key] if spec.key in batched else compute(user, spec, subject, options, extra, known)
        if f is not None:
            known[spec.key] = f.value
            out.append(f)
    if keys is not None:  # in the order asked
        order = {k: i for i, k in enumerate(keys)}
        out.sort(key=lambda f: order[f.key])
    return out


# --- a page's figures, kept until a write changes what they read -------------------------------------------
#
# A cooperation page or panel counts dozens of figures. They are kept per reader's area (a hash of the scope's
# regions and units, not its roles), so users with the same area share them and nothing outside an area is ever
# counted for it, together with the tables their statements read and those tables' stamps when they were counted
# (core/tablestamps.py). A write to a table they did not read leaves them kept; so does a write of a draft record
# to a table they read only as sets of approved records.

def reader_key(user, area_only: bool = False) -> str:
    """The reader's area and roles: what decides which records a figure of theirs counts and what their page
    offers. `area_only`: the area alone, for what only counts records (which records a reader may see depends on
    the area, never on the role), so that the editors, approvers and viewers of one office share it."""
    import hashlib

    from .scope import get_scope

    scope = get_scope(user)
    if area_only:
        raw = repr(("area", scope.everything, scope.region_prefixes, scope.organisation_paths,
                    scope.partner_prefixes, scope.home_prefixes))
    else:
        raw = repr(scope)
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def cache_key(user, name: str, area_only: bool = False) -> str:
    """The cache key of `name` for this reader's area (and roles) and the interface language."""
    import hashlib

    from django.utils.translation import get_language

    raw = f"{name}:{reader_key(user, area_only)}:{get_language()}"
    return "figures:" + hashlib.sha256(raw.encode()).hexdigest()


def _state(key: str, read: tuple, stamps: dict) -> str:
    import hashlib

    state = repr((read, tablestamps.versions(read, stamps)))
    return f"{key}:{hashlib.sha256(state.encode()).hexdigest()[:24]}"


def kept(user, name: str, make, timeout: int = 600, area_only: bool = False) -> tuple:
    """(`make()` for this reader's area (and roles, unless `area_only`), a key naming that value's state):
    computed again only when a write changed a table it read (core/tablestamps.py). The state's key names a
    fragment of a page rendered from the value."""
    from django.core.cache import cache

    key = cache_key(user, name, area_only)
    read = cache.get(key)
    if read is not None:
        asked = {k for k, _kind in read}
        stamps = tablestamps.current(asked)
        state = _state(key, read, stamps)
        value = cache.get(state)
        if value is not None:
            tablestamps.used(read)
            return value, state
    else:
        asked, stamps = None, tablestamps.current()
    # The stamps are read before counting: a write committed meanwhile makes the value count again.
    with tablestamps.reading() as reading, computing(plans=plans_key(user, name, area_only)):
        value = make()
    read = (*reading.dependencies(), (tablestamps.EVERYTHING, tablestamps.VERSION))
    if asked is not None:
        # Counted again after a write: the stamps read were those of what the value read before. A table it
        # reads now and did not then has no stamp from before counting, so the next reader counts again.
        stamps = {**stamps, **{k: tablestamps.UNKNOWN for k, _kind in read if k not in asked}}
    state = _state(key, read, stamps)
    cache.set(state, value, timeout)
    cache.set(key, read, timeout)
    return value, state


def kept_state(user, name: str, area_only: bool = False) -> str | None:
    """The key naming the state of `name`'s kept value for this reader, or None when it was not computed yet:
    a page's rendered fragment is kept under it without reading the value (when a write changed what the value
    read, the key is a new one)."""
    from django.core.cache import cache

    key = cache_key(user, name, area_only)
    read = cache.get(key)
    if read is None:
        return None
    state = _state(key, read, tablestamps.current(k for k, _kind in read))
    tablestamps.used(read)
    return state


def cached(user, name: str, make, timeout: int = 600, area_only: bool = False):
    """`make()` for this reader's area (and roles, unless `area_only`), computed again only when a write
    changed what it read."""
    return kept(user, name, make, timeout, area_only)[0]


@dataclass
class Table:
    key: str
    title: object
    headers: list
    rows: list[list]


@_computed
def build_tables(user, subject: Subject, options: Options = Options()) -> list[Table]:
    out = []
    for spec in tables(subject.kind):
        columns = [(h, k) for h, k in spec.columns if k in FIGURES and FIGURES[k].applies(subject.kind)]
        if not columns:
            continue
        items = list(spec.rows(user, subject, options))
        # One query per column for all rows (not one per cell): a table of 5 or 50 units costs the same.
        by_column = [compute_many(user, FIGURES[k], [(s, e) for _f, s, e in items], options) for _h, k in columns]
        rows = []
        for i, (first, _subject, _extra) in enumerate(items):
            cells = [column_values[i] for column_values in by_column]
            if spec.skip_empty and not any(c is not None and c.value for c in cells):
                continue
            rows.append([first, *cells])
        out.append(Table(spec.key, spec.title, [spec.header, *(h for h, _k in columns)], rows))
    return out
