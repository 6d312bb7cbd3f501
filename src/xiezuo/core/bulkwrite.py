"""Writing many new rows at once: PostgreSQL's COPY (keys drawn from the table's sequence in one question),
`bulk_create` elsewhere. Used by the set-based import (core/bulkimport.py) for the records, the persons they
name and their change records.

`insert(model, objs)` takes unsaved instances and gives each its key; `insert_rows(model, names, rows)` takes
plain tuples (no instances: change records and persons of a large file are written straight from values).

Asking for a whole file's rows at once: `among(path, values)` is `path__in=values` as one array parameter on
PostgreSQL (`= ANY(%s)`: one parameter instead of thousands, which the driver would otherwise split and convert
one by one), and `batches(values)` cuts the values only where the database needs it (SQLite's parameter limit).
`Blank(model)` makes many new instances of a model without Django's per-field constructor.
"""

from __future__ import annotations

import json
from operator import itemgetter

from django.db import connection, models
from django.db.models import F, Q, lookups
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init
from django.utils import timezone

from .audit import SKIP
from .scope import is_scoped_model
from .tablestamps import copy_into

CHUNK = 2000
# Fields whose Python value psycopg writes as Django would.
SIMPLE = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.DateField,
          models.DecimalField, models.FloatField, models.UUIDField, models.AutoField, models.BigAutoField)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


# Values per question where the database takes them as separate parameters (SQLite).
IN_BATCH = 5000


class AnyOf(lookups.Lookup):
    """`lhs = ANY(%s::type[])`: a set of values as one array parameter (PostgreSQL)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, conn):
        lhs, params = self.process_lhs(compiler, conn)
        field = self.lhs.output_field
        values = [v if isinstance(v, (str, int)) else field.get_db_prep_value(v, conn) for v in self.rhs]
        return f"{lhs} = ANY(%s::{field.cast_db_type(conn)}[])", [*params, values]


def among(path: str, values):
    """A filter: the rows whose `path` is one of `values` (a list; one parameter on PostgreSQL)."""
    if _postgres():
        return AnyOf(F(path), list(values))
    return Q(**{f"{path}__in": list(values)})


def batches(values, size: int = IN_BATCH):
    """`values` (a list) in as few pieces as the database needs for `among`: all at once on PostgreSQL."""
    if _postgres() or len(values) <= size:
        if values:
            yield values
        return
    for i in range(0, len(values), size):
        yield values[i:i + size]


class Blank:
    """New instances of `model` as `model()` makes them (every field at its default), built from a dict made once:
    Django's constructor asks each field for its default on every call. A model with a constructor of its own or
    init signals is built by its constructor."""

    def __init__(self, model):
        self.model = model
        self.plain = (model.__init__ is not models.Model.__init__ or pre_init.has_listeners(model)
                      or post_init.has_listeners(model))
        self.fixed, self.called = {}, []
        for f in model._meta.concrete_fields:
            if f.has_default() and callable(f.default):
                self.called.append(f)
            else:
                self.fixed[f.attname] = f.get_default()

    def __call__(self):
        if self.plain:
            return self.model()
        obj = self.model.__new__(self.model)
        obj.__dict__.update(self.fixed)
        for f in self.called:
            obj.__dict__[f.attname] = f.get_default()
        obj._state = ModelState()
        return obj

    def stored(self, values: dict):
        """An instance of a row just written (`values`: every concrete field's attname), as if read back."""
        obj = self() if not self.plain else self.model(**values)
        obj.__dict__.update(values)
        obj._state.adding = False
        obj._state.db = connection.alias
        return obj


def refresh_statistics(*models) -> None:
    """Let the database plan from the rows just written (ANALYZE the models' tables, or every table).

    A PostgreSQL server without autovacuum (or before it runs) would otherwise plan every page as for empty
    tables: bench/pages.py measured 149 ms of server and database CPU a request on the fresh demo, 14 after."""
    tables = [connection.ops.quote_name(m._meta.db_table) for m in models]
    with connection.cursor() as cursor:
        if tables and _postgres():
            cursor.execute("ANALYZE " + ", ".join(tables))
        elif tables:
            for table in tables:  # SQLite analyses one table (or everything) at a time
                cursor.execute("ANALYZE " + table)
        else:
            cursor.execute("ANALYZE")


def next_keys(model, n: int) -> list[int]:
    """`n` new keys for `model` from its sequence (PostgreSQL), in one question."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [table, column, n])
        return [r[0] for r in cursor.fetchall()]


def _getter(f: models.Field, now):
    if isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add):
        return lambda obj: now
    if isinstance(f, models.DateField) and (f.auto_now or f.auto_now_add):
        return lambda obj: now.date()
    if isinstance(f, models.JSONField):
        encoder = f.encoder

        def dump(obj, name=f.attname):
            value = getattr(obj, name)
            return None if value is None else json.dumps(value, cls=encoder, ensure_ascii=False)
        return dump
    name = f.attname
    if f.is_relation or isinstance(f, SIMPLE):
        return lambda obj: getattr(obj, name)
    # Anything else (a file, an IP address, a custom type) as Django would write it.
    return lambda obj: f.get_db_prep_save(f.pre_save(obj, True), connection)


def _rows(fields, objs, now):
    """(fields in the order of the rows, rows): the plain fields first, read from each instance's dict at once
    (every field of an instance made here or by its constructor is there), then the others by `_getter`."""
    def plain(f):  # (a date set on save is set on the instances before)
        return f.is_relation or isinstance(f, SIMPLE)

    first = [f for f in fields if plain(f)]
    rest = [f for f in fields if not plain(f)]
    getters = [_getter(f, now) for f in first + rest]
    others = getters[len(first):]
    read = itemgetter(*[f.attname for f in first]) if len(first) > 1 else None

    def rows():
        for obj in objs:
            try:
                found = read(obj.__dict__) if read is not None else None
            except KeyError:  # a deferred field: as Django reads it
                found = None
            if found is None:
                yield [g(obj) for g in getters]
            else:
                yield [*found, *[g(obj) for g in others]]
    return first + rest, rows()


def _copy(model, columns: list[str], rows) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    cols = [connection.ops.quote_name(c) for c in columns]
    with connection.cursor() as cursor, copy_into(cursor.cursor, table, cols, announce=connection.alias) as copy:
        for row in rows:
            copy.write_row(row)


def insert(model, objs: list) -> None:
    """Insert unsaved instances of `model`; each gets its key."""
    if not objs:
        return
    if not _postgres():
        model._base_manager.bulk_create(objs, batch_size=CHUNK)
        return
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.generated]
    pk = model._meta.pk
    if pk.db_returning or getattr(objs[0], pk.attname) is None:
        for obj, key in zip(objs, next_keys(model, len(objs)), strict=True):
            setattr(obj, pk.attname, key)
    for f in fields:  # what bulk_create's pre_save would set on the instances
        if isinstance(f, models.DateField) and (f.auto_now or f.auto_now_add):
            value = now if isinstance(f, models.DateTimeField) else now.date()
            for obj in objs:
                setattr(obj, f.attname, value)
    ordered, rows = _rows(fields, objs, now)
    _copy(model, [f.column for f in ordered], rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


def insert_rows(model, names: list[str], rows: list[tuple], returning: bool = False) -> list | None:
    """Insert plain rows (values in the order of `names`, field names of `model`). With `returning`, the new keys
    in the order of the rows."""
    if not rows:
        return [] if returning else None
    if not _postgres():
        attnames = [model._meta.get_field(n).attname for n in names]
        objs = [model(**dict(zip(attnames, row, strict=True))) for row in rows]
        model._base_manager.bulk_create(objs, batch_size=CHUNK)
        return [o.pk for o in objs] if returning else None
    fields = [model._meta.get_field(n) for n in names]
    columns = [f.column for f in fields]
    keys = None
    if returning:
        keys = next_keys(model, len(rows))
        columns = [model._meta.pk.column, *columns]
        rows = [(k, *r) for k, r in zip(keys, rows, strict=True)]
    json_at = [i + (1 if returning else 0) for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
    if json_at:
        rows = (_dump_at(r, json_at) for r in rows)
    _copy(model, columns, rows)
    return keys


_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(v, ensure_ascii=False), the encoder made once


def _dump_at(row, at):
    row = list(row)
    for i in at:
        if row[i] is not None:
            row[i] = _json(row[i])
    return row


class CreatedChanges:
    """The change record of a new record (`diff({}, snapshot(obj))`), for many records of one model: each related
    row's text and each choice's label worked out once."""

    def __init__(self, model):
        from .audit import _display

        skip = set(SKIP) if getattr(model, "lifecycle", True) else set(SKIP) | {"status", "return_reason"}
        self.display = _display
        fields = [f for f in model._meta.concrete_fields if f.name not in skip and not f.primary_key]
        self.relations = [(f.name, f.attname, f.related_model._meta.label_lower if is_scoped_model(f.related_model)
                           else None) for f in fields if f.is_relation]
        self.choices = [(f.name, {k: str(v) for k, v in f.flatchoices}) for f in fields
                        if f.choices and not f.is_relation]
        self.plain = [f.name for f in fields if not f.choices and not f.is_relation]
        self.texts: dict = {}

    def changes(self, obj, m2m: dict) -> dict:
        out: dict = {}
        refs: dict = {}
        values = obj.__dict__
        for name, attname, scoped in self.relations:
            key = values.get(attname)
            if key is None:
                continue
            text = self.texts.get((name, key))
            if text is None:
                text = self.texts[(name, key)] = self.display(getattr(obj, name))
            out[name] = [None, text]
            if scoped:
                refs[name] = {"model": scoped, "before": [], "after": [[key, text]]}
        for name, labels in self.choices:
            raw = values.get(name)
            if raw not in (None, ""):
                out[name] = [None, labels.get(raw, str(raw))]
        for name in self.plain:
            value = values.get(name)
            if value is None or value == "":
                continue
            out[name] = [None, ("是" if value else "否") if value is True or value is False else str(value)]
        for name, values in m2m.items():
            rows = sorted(((str(o), o.pk) for o in values), key=lambda r: r[0])
            if rows:
                out[name] = [None, "；".join(text for text, _pk in rows)]
                related = obj._meta.get_field(name).related_model
                if is_scoped_model(related):
                    refs[name] = {"model": related._meta.label_lower, "before": [],
                                  "after": [[pk, text] for text, pk in rows]}
        if refs:
            out["_refs"] = refs
        out.pop("version", None)
        out.pop("submitted_by", None)
        return out
