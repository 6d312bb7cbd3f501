"""Table stamps: what a kept page part read, and whether a write since then could have changed it.

Kept figures (core/figures.py, `cached`) used to be named by the latest change record: any write anywhere made
every area's pages count again. They are now kept with what their statements read, and the database holds
stamps, each a random value given anew when a write that changes it commits:

- per table (`"t"`): `version` when rows were added or removed, or changed in a way not known column by column;
  `approved` after every write except that of a **draft record** (one approved neither before nor after the
  write, written through core/services.py);
- per column (`"t.c"`): `version` when an `UPDATE` set the column (for a draft record: only when its value
  changed), and `"t.*"` after every such `UPDATE`.

Every write statement is seen on its connection (an execute wrapper on every connection: the ORM, `update()`,
bulk paths and SQL typed by hand alike), and its stamps get new values when the transaction commits (so a long
import holds no lock on them). A kept value is used only while the stamps of what it read are those it was
computed at; the stamps are read before the value is computed, so a write committed meanwhile makes it count
again at the next request, never leaves it stale.

What a kept value depends on is read from its statements (`read_by`): the rows and the named columns of each
table, and, for the record type of a figure over its approved records (an `approved_set`), only that table's
`approved` value. So entering, editing and submitting drafts leaves every figure of approved records kept,
while a join that reads a draft project's county from an approved fund disbursement still sees the project move.

PostgreSQL COPY does not pass through the execute wrapper: every COPY goes through `copy_into`, which announces
the table (`touched`), or names the code that announces it when the COPY runs on another thread.
A process that dies between a commit and its stamps leaves kept values for at most their timeout (600 s).
"""

from __future__ import annotations

import re
import secrets
import threading
from contextlib import contextmanager

from django.db import connections, models
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

VERSION, APPROVED = 0, 1
NEVER_WRITTEN = (0, 0)
UNKNOWN = (-1, -1)  # a stamp not read before a value was counted: never equal to one read later

# Tables whose writes no kept value reads: the stamps themselves and bookkeeping written on every request (the
# database cache's table is added by `install`). The change records are not among them: a unit's reporting on
# time is read from them.
IGNORED = {"core_tablestamp", "core_throttlecounter", "django_session", "django_migrations"}


class TableStamp(models.Model):
    """One row per written table: new values after each committed write (core/tablestamps.py)."""

    table = models.CharField(_("数据表"), max_length=100, primary_key=True)
    version = models.BigIntegerField(_("版本"), default=0)
    approved = models.BigIntegerField(_("已审核记录版本"), default=0)

    class Meta:
        verbose_name = _("数据表版本")
        verbose_name_plural = _("数据表版本")


# --- writes -------------------------------------------------------------------------------------------------

_WRITE = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO|TRUNCATE(?:\s+TABLE)?)'
                    r'\s+"?(\w+)"?', re.IGNORECASE)
_UPDATE = re.compile(r'\s*UPDATE\s+"(\w+)"\s+SET\s+(.*?)\s+WHERE\b', re.IGNORECASE | re.DOTALL)
_local = threading.local()


def stored(obj) -> dict:
    """A record's column values, to tell afterwards which columns a write changed (`draft_write`)."""
    return {f.column: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


@contextmanager
def draft_write(obj, before: dict | None = None):
    """Inside the block, `obj` (a record approved neither before nor after) is written: its table's `approved`
    value stays, and when only its columns changed (`before`: their values before the write), only the stamps
    of the columns whose values changed get new values, so that what reads other columns of the table through
    a join stays kept. An edit saves every editable column, most of them unchanged; what `save()` derives
    (the time, the version, a search key) is compared too."""
    entry = {"table": obj._meta.db_table, "pk": obj.pk, "written": False, "rows": before is None}
    stack = getattr(_local, "drafts", None)
    if stack is None:
        stack = _local.drafts = []
    stack.append(entry)
    try:
        yield
    finally:
        stack.pop()
    if entry["written"]:
        columns = None if entry["rows"] else {c for c, v in stored(obj).items() if v != before.get(c)}
        touched(entry["table"], approved=False, columns=columns)


# Append-only tables read a part at a time: an insert gives new values to its part's stamp (`"t@value"`) and to
# `"t@*"`; a statement that reads one part (`"t"."column" = %s`) depends on that part only. The change log is
# read by content type (a unit's reports submitted on time): an edit of a project does not recount them.
PARTS = {"core_changerecord": "content_type_id"}
_INSERT = re.compile(r'\s*INSERT\s+INTO\s+"(\w+)"\s+\(([^()]*)\)\s+VALUES\s', re.IGNORECASE)


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and not _migrating:
        found = _WRITE.match(sql)
        if found:
            table = found.group(1).lower()
            if table not in IGNORED:
                parts = _inserted_parts(table, sql, params, many)
                if parts is not None:
                    for part in parts:
                        touched(f"{table}@{part}", using=context["connection"].alias)
                    touched(f"{table}@*", using=context["connection"].alias)
                else:
                    _seen(table, sql, params, context["connection"].alias)
    return result


def _inserted_parts(table: str, sql: str, params, many: bool) -> set[str] | None:
    """The parts (values of `PARTS[table]`) an INSERT into an append-only table added rows to, or None."""
    column = PARTS.get(table)
    insert = _INSERT.match(sql) if column else None
    if insert is None or params is None:
        return None
    names = [n.strip().strip('"') for n in insert.group(2).split(",")]
    if column not in names:
        return None
    at, width = names.index(column), len(names)
    rows = list(params) if many else [params]
    parts = set()
    for row in rows:
        row = list(row)
        if not row or len(row) % width:
            return None
        parts |= {str(row[i]) for i in range(at, len(row), width)}
    return parts


def _of_draft(draft: dict, table: str, sql: str, params) -> bool:
    """Whether a statement writes the draft record itself: its new row, or its own row by its key (not another
    row of the table that its `save()` or a signal may write)."""
    if draft["pk"] is None:
        return sql.lstrip()[:6].upper() == "INSERT"
    own = re.search(re.escape(f'WHERE "{table}"."id"') + r"(?: = %s| IN \(%s\))$", sql.rstrip())
    return bool(own) and params is not None and len(params) > 0 and params[-1] == draft["pk"] and (
        own.group(0).endswith("= %s") or len(params) == 1)


def _seen(table: str, sql: str, params, using: str) -> None:
    draft = next((d for d in reversed(getattr(_local, "drafts", ())) if d["table"] == table), None)
    if draft is not None and using == "default" and _of_draft(draft, table, sql, params):
        draft["written"] = True  # its stamps when the block ends: which columns changed is known then
        draft["rows"] = draft["rows"] or not _UPDATE.match(sql)
        return
    columns = None
    update = _UPDATE.match(sql)
    if update and update.group(1).lower() == table and "(" not in update.group(2):
        columns = set(re.findall(r'"(\w+)" = ', update.group(2))) or None
    touched(table, using=using, columns=columns)


@contextmanager
def copy_into(cursor, table: str, columns=None, options: str = "", announce: str | None = "default"):
    """PostgreSQL's `COPY table (columns) FROM STDIN options` on a psycopg cursor (yields its copy object). COPY
    passes no statement wrapper, so the write is announced here on the connection `announce` (Django's alias on
    this thread). `announce=None` only where the COPY runs on a thread of its own: the caller then calls
    `touched(table)` on the connection whose transaction holds the write (or the table is a temporary one)."""
    names = f" ({', '.join(columns)})" if columns else ""
    with cursor.copy(f"COPY {table}{names} FROM STDIN{' ' + options if options else ''}") as copy:
        yield copy
    if announce is not None:
        touched(table.strip('"').lower(), using=announce)


def touched(table: str, approved: bool = True, using: str = "default", columns=None) -> None:
    """`table` was written on `using`'s connection: its stamps get new values when the transaction commits.
    `approved`: the write may change what approved records say. `columns`: the columns an UPDATE changed (None:
    rows were added or removed, or what changed is not known)."""
    conn = connections[using]
    pending = conn.__dict__.setdefault("_xiezuo_stamps", {})
    rows, changed, was_approved = pending.get(table, (False, frozenset(), False))
    if columns is None:
        rows = True
    else:
        changed = changed | frozenset(columns)
    pending[table] = (rows, changed, was_approved or approved)
    if conn.in_atomic_block and not _test_transaction(conn):
        conn.on_commit(lambda: _flush(conn))
    else:
        # Autocommit (the write is committed already), or a test's transaction that never commits, or a
        # transaction managed by hand: in the same transaction.
        _flush(conn)


def _test_transaction(conn) -> bool:
    return bool(conn.atomic_blocks) and getattr(conn.atomic_blocks[0], "_from_testcase", False)


def _flush(conn) -> None:
    pending = conn.__dict__.get("_xiezuo_stamps")
    if not pending:
        return  # an earlier callback of the same commit wrote them all
    items, conn._xiezuo_stamps = sorted(pending.items()), {}
    name = TableStamp._meta.db_table
    both = (f'INSERT INTO "{name}" ("table", "version", "approved") VALUES (%s, %s, %s) '
            f'ON CONFLICT ("table") DO UPDATE SET "version" = %s, "approved" = %s')
    version = (f'INSERT INTO "{name}" ("table", "version", "approved") VALUES (%s, %s, 0) '
               f'ON CONFLICT ("table") DO UPDATE SET "version" = %s')
    approved = (f'INSERT INTO "{name}" ("table", "version", "approved") VALUES (%s, 0, %s) '
                f'ON CONFLICT ("table") DO UPDATE SET "approved" = %s')
    with conn.cursor() as cursor:
        for table, (rows, columns, affects_approved) in items:
            # New random values, not the old ones plus one: a rolled-back write must not leave behind values
            # that a later write would reach again.
            new = secrets.randbits(62) + 1
            if rows:
                if affects_approved:
                    cursor.execute(both, [table, new, new, new, new])
                else:
                    cursor.execute(version, [table, new, new])
                continue
            for key in sorted({f"{table}.{c}" for c in columns} | {f"{table}.*"}):
                cursor.execute(version, [key, new, new])
            if affects_approved:
                cursor.execute(approved, [table, new, new])


# While `migrate` runs, the stamps' table may not exist yet; when it has run, every kept value counts again
# (a migration may change data): the database's own stamp `EVERYTHING`, which every kept value depends on, gets
# a new value. A new database starts with one of its own, so nothing kept for another database is ever taken.
EVERYTHING = "*"
_migrating = False


def _migrate_starts(**kwargs) -> None:
    global _migrating
    _migrating = True


def _migrate_ended(using="default", **kwargs) -> None:
    global _migrating
    _migrating = False
    conn = connections[using]
    if TableStamp._meta.db_table in conn.introspection.table_names():
        conn.__dict__.setdefault("_xiezuo_stamps", {})[EVERYTHING] = (True, frozenset(), True)
        _flush(conn)


def _install(sender=None, connection=None, **kwargs) -> None:
    if _watch not in connection.execute_wrappers:
        # First: a block that wraps statements for a while (`connection.execute_wrapper`) pops the last one.
        connection.execute_wrappers.insert(0, _watch)


def install() -> None:
    from django.conf import settings
    from django.db.models.signals import post_migrate, pre_migrate

    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            IGNORED.add(cache["LOCATION"].lower())
    connection_created.connect(_install, dispatch_uid="xiezuo-table-stamps")
    pre_migrate.connect(_migrate_starts, dispatch_uid="xiezuo-table-stamps-migrate")
    post_migrate.connect(_migrate_ended, dispatch_uid="xiezuo-table-stamps-migrated")
    for conn in connections.all(initialized_only=True):
        _install(connection=conn)


# --- reads --------------------------------------------------------------------------------------------------

def current(keys=None) -> dict[str, tuple[int, int]]:
    """(version, approved) of every stamp, or of `keys` only, in one statement."""
    rows = TableStamp.objects.all() if keys is None else TableStamp.objects.filter(table__in=list(keys))
    return {t: (v, a) for t, v, a in rows.values_list("table", "version", "approved")}


_SOURCE = re.compile(r'\b(FROM|JOIN)\s+("?)(\w+)"?(?:\s+([A-Z]\d+)\b)?', re.IGNORECASE)
_STAR = re.compile(r'(?:SELECT|,)\s*(?:"?\w+"?\.)?\*', re.IGNORECASE)


def _approved_filter(sql: str, params, table: str) -> bool:
    """Whether the statement has `"table"."status" = 'approved'`."""
    for found in re.finditer(re.escape(f'"{table}"."status" = %s'), sql):
        index = sql.count("%s", 0, found.end()) - 1
        if params is not None and 0 <= index < len(params) and params[index] == "approved":
            return True
    return False


_QUOTED_COLUMN = re.compile(r'"(\w+)"\."(\w+)"')
_ALIASED_COLUMN = re.compile(r'\b([A-Z]\d+)\."(\w+)"')


def _columns(sql: str, sources) -> dict[str, set[str] | None]:
    """The columns of each table a statement names (None: not known, e.g. `SELECT *` or unquoted SQL). An alias
    Django gives several subqueries may stand for several tables: the column counts for each of them."""
    by_alias: dict[str, set[str]] = {}
    out: dict[str, set[str] | None] = {}
    star = bool(_STAR.search(sql))
    for _source, quote, table, alias in sources:
        table = table.lower()
        if table not in out:
            out[table] = set()
        if not quote or star:
            out[table] = None
        if alias:
            by_alias.setdefault(alias, set()).add(table)
    for table, column in _QUOTED_COLUMN.findall(sql):
        named = out.get(table.lower())
        if named is not None:
            named.add(column)
    for alias, column in _ALIASED_COLUMN.findall(sql):
        for table in by_alias.get(alias, ()):
            if out[table] is not None:
                out[table].add(column)
    return out


def _part(sql: str, params, table: str) -> str:
    """The one part of an append-only table a statement reads (`"t"."column" = %s`), or "*" (every part)."""
    found = list(re.finditer(re.escape(f'"{table}"."{PARTS[table]}" = %s'), sql))
    values = set()
    for match in found:
        index = sql.count("%s", 0, match.end()) - 1
        if params is None or not 0 <= index < len(params):
            return "*"
        values.add(str(params[index]))
    # One condition on the part, on the table's only reading: anything else may read other parts.
    if len(values) != 1 or len(found) != 1 or len(re.findall(r'\b(?:FROM|JOIN)\s+"' + table + '"', sql)) != 1:
        return "*"
    return values.pop()


def read_by(sql: str, params, approved_set: str | None = None) -> set[tuple[str, int]]:
    """What a SELECT depends on: (table, APPROVED) for the records of an approved set, else (table, VERSION) for
    its rows and (table.column, VERSION) for each column it names (table.*, VERSION when they are not known).

    `approved_set`: the table of the record type whose set of approved records the statement aggregates
    (core/figures.py). That table is read as APPROVED when the statement has the form the figures' record sets
    give it: the outer aggregate over the table, filtered by `"t"."status" = 'approved'`, and every other reading
    of the table a per-row condition (`"t"."id" IN (SELECT …"id" AS "pk" FROM "t" …)`), never a join (which could
    read another row: a parent, a draft). Anything else, and every other table, is read as VERSION."""
    sources = _SOURCE.findall(sql)
    columns = _columns(sql, sources)
    approved = None
    if approved_set in columns and _approved_filter(sql, params, approved_set):
        quoted = re.escape(f'"{approved_set}"')
        joined = re.search(r"\bJOIN\s+" + quoted, sql, re.IGNORECASE)
        readings = len(re.findall(r"\bFROM\s+" + quoted, sql, re.IGNORECASE))
        per_row = len(re.findall(quoted + r'\."id" IN \(SELECT (?:DISTINCT )?(?:[A-Z]\d+|' + quoted + r')\."id" AS "pk" '
                                 r"FROM " + quoted, sql))
        if not joined and readings == per_row + 1:
            approved = approved_set
    found: set[tuple[str, int]] = set()
    for table, named in columns.items():
        if table == approved:
            found.add((table, APPROVED))
            continue
        found.add((table, VERSION))
        if table in PARTS:
            found.add((f"{table}@{_part(sql, params, table)}", VERSION))
        found |= {(f"{table}.{c}", VERSION) for c in named} if named is not None else {(f"{table}.*", VERSION)}
    return found


@contextmanager
def approved_set(model):
    """Statements run inside the block aggregate sets of `model`'s approved records (see `read_by`)."""
    previous = getattr(_local, "approved_set", None)
    _local.approved_set = model._meta.db_table if model is not None else None
    try:
        yield
    finally:
        _local.approved_set = previous


class Reading:
    """What the statements run inside `reading()` depend on, and what kept values used inside it depended on."""

    def __init__(self):
        self.found: set[tuple[str, int]] = set()

    def add(self, found) -> None:
        self.found |= set(found)

    def dependencies(self) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(self.found))


@contextmanager
def reading():
    """A `Reading` of the statements run inside the block on this thread's default connection; a kept value
    used inside it adds what it had read (`used`)."""
    found = Reading()
    stack = getattr(_local, "readings", None)
    if stack is None:
        stack = _local.readings = []
    stack.append(found)

    def note(execute, sql, params, many, context):
        if isinstance(sql, str) and not _WRITE.match(sql):
            found.add(read_by(sql, params, getattr(_local, "approved_set", None)))
        return execute(sql, params, many, context)

    try:
        with connections["default"].execute_wrapper(note):
            yield found
    finally:
        stack.remove(found)


def used(dependencies) -> None:
    """A kept value read these tables: every enclosing `reading()` depends on them too."""
    for outer in getattr(_local, "readings", ()):
        outer.add(dependencies)


def versions(dependencies, stamps: dict) -> tuple:
    return tuple(stamps.get(table, NEVER_WRITTEN)[kind] for table, kind in dependencies)
