"""Stage validated rows, check them against the database, and merge them by ID number.

Everything here runs inside the caller's transaction. PostgreSQL loads the
staging tables with COPY, SQLite with executemany; the checks and the merge are
the same set-based SQL on both. Each write touches only rows that really
differ, so a re-import of the same file changes nothing.
"""

from __future__ import annotations

import contextlib
import io
import queue
import threading

import polars as pl
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

from xiezuo.core.tablestamps import copy_into, touched

from .columns import COLUMNS, HOUSEHOLD_KEYS

# Staging tables: members (every row) and households (the head's row of each household).
CSV = "(FORMAT csv, NULL '\\N')"  # COPY's options for the CSV that `_csv` writes
MEMBER_STAGE = [
    ("row", "bigint"), ("number", "varchar(30)"), ("name", "varchar(50)"), ("id_number", "varchar(18)"),
    ("relation", "varchar(14)"), ("sex", "varchar(1)"), ("birth_date", "date"), ("ethnicity", "varchar(20)"),
    ("education", "varchar(12)"), ("student_status", "varchar(12)"), ("health", "varchar(10)"),
    ("labour", "varchar(10)"), ("work_status", "varchar(10)"), ("medical_insurance", "boolean"),
    ("pension_insurance", "boolean"), ("row_digest", "bigint"),
    ("seq", "bigint"),  # 0, 1, 2 … in file order, across chunks and sheets
    ("sheet", "varchar(100)"),  # the sheet's label ("" for a CSV or a single sheet): `row` counts within it
]
_TYPES = {"text": "varchar(200)", "code": "varchar(12)", "enum": "varchar(16)", "causes": "varchar(200)",
          "money": "numeric(12,2)", "decimal": "numeric(8,2)", "year": "smallint", "bool": "boolean"}
HOUSEHOLD_STAGE = [("row", "bigint")] + [(k, _TYPES[c.kind]) for k in HOUSEHOLD_KEYS
                                         for c in COLUMNS if c.key == k] + [("head_name", "varchar(50)"),
                                                                             ("sheet", "varchar(100)")]
# Household columns the merge writes (stage column = table column, except village → village_id).
HH_WRITE = [k for k in HOUSEHOLD_KEYS if k not in ("number",)] + ["head_name", "member_count", "income_per_head"]
MEMBER_WRITE = ["household_id", "village_id", "name", "relation", "ethnicity", "education", "student_status",
                "health", "labour", "work_status", "medical_insurance", "pension_insurance"]


def hh_column(key: str) -> str:
    return "village_id" if key == "village" else key


class Stage:
    """The temporary tables of one import, on the current connection."""

    def __init__(self):
        self.vendor = connection.vendor
        self.pg = self.vendor == "postgresql"
        self.staged = 0

    def ne(self, a: str, b: str) -> str:
        return f"{a} IS DISTINCT FROM {b}" if self.pg else f"{a} IS NOT {b}"

    def execute(self, sql: str, params=()) -> int:
        with connection.cursor() as cur:
            cur.execute(sql, params)
            return cur.rowcount

    def fetch(self, sql: str, params=()) -> list[tuple]:
        with connection.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def create(self) -> None:
        """Create the staging tables. They are temporary (private to this connection, gone when it closes, so a
        killed worker leaves nothing) and are filled outside the writing transaction; `drop` removes them."""
        connection.ensure_connection()
        self.temp_buffers()
        for name, cols in (("reg_stage_m", MEMBER_STAGE), ("reg_stage_h", HOUSEHOLD_STAGE)):
            body = ", ".join(f"{c} {t}" for c, t in cols)
            # Dropped first: an earlier import on the same connection may have left them.
            self.execute(f"DROP TABLE IF EXISTS {name}")
            self.execute(f"CREATE TEMP TABLE {name} ({body})")

    def temp_buffers(self) -> None:
        """PostgreSQL: temporary tables in local memory. The setting can only change before the session's first
        temporary table; later (an earlier import on the same connection) the one already set stays."""
        if not self.pg:
            return
        with contextlib.suppress(DatabaseError), transaction.atomic():
            self.execute("SET temp_buffers = '512MB'")

    def drop(self) -> None:
        for name in ("reg_stage_m", "reg_stage_h", "reg_stage_n"):
            self.execute(f"DROP TABLE IF EXISTS {name}")

    @contextlib.contextmanager
    def loader(self):
        """A function that appends one chunk of finished rows (all columns) to both staging tables.

        PostgreSQL: the chunk is turned into CSV at once and COPYed by a background thread, so the server parses
        it while the next chunk is validated (at most one chunk waits). SQLite: executemany in a short transaction.
        """
        if not self.pg:
            yield self.load
            return
        raw = connection.connection

        def copy(item) -> None:
            for table, data in item:
                # Temporary staging tables, on this thread: read by no kept figure (the merge is seen as SQL).
                with raw.cursor() as cur, copy_into(cur, table, options=CSV, announce=None) as cp:
                    cp.write(data)

        with in_background(copy, "registry-copy") as hand_over:
            yield lambda rows: hand_over([(t, _csv(f)) for t, f in self._parts(rows) if f.height])

    def _parts(self, rows: pl.DataFrame) -> list[tuple[str, pl.DataFrame]]:
        rows = rows.with_columns(seq=pl.int_range(self.staged, self.staged + rows.height, dtype=pl.Int64))
        self.staged += rows.height
        members = rows.select([c for c, _t in MEMBER_STAGE])
        heads = rows.filter(pl.col("relation") == "head").with_columns(head_name=pl.col("name")).select(
            [c for c, _t in HOUSEHOLD_STAGE])
        return [("reg_stage_m", members), ("reg_stage_h", heads)]

    def load(self, rows: pl.DataFrame) -> None:
        """Append one chunk of finished rows (all columns) to both staging tables."""
        for table, frame in self._parts(rows):
            self._put(table, frame)

    def _put(self, table: str, frame: pl.DataFrame) -> None:
        bulk_insert(table, frame)

    def index(self) -> None:
        """Statistics (PostgreSQL) or indexes (SQLite) for the joins, then the household facts that follow from
        the file's members: size and income per head. Runs inside the writing transaction."""
        derived = """SELECT number, count(*) AS n FROM reg_stage_m GROUP BY number"""
        per_head = "ROUND((h.income_wage + h.income_business + h.income_transfer + h.income_property - h.costs) / c.n, 2)"
        if self.pg:
            # Big hash joins and sorts in memory rather than in batches on disk.
            self.execute("SET LOCAL work_mem = '256MB'")
            self.execute("SET LOCAL maintenance_work_mem = '256MB'")
            # A new table rather than an UPDATE of every staged household (which would write each row twice).
            self.execute(f"""CREATE TEMP TABLE reg_stage_hc AS
                             SELECT h.*, c.n::integer AS member_count, ({per_head})::numeric(12,2) AS income_per_head
                               FROM reg_stage_h h JOIN ({derived}) c ON c.number = h.number""")
            self.execute("DROP TABLE reg_stage_h")
            self.execute("ALTER TABLE reg_stage_hc RENAME TO reg_stage_h")
            # Row counts and the join keys only: statistics of every column cost more than the joins they steer.
            self.execute("ANALYZE reg_stage_m (id_number, number)")
            self.execute("ANALYZE reg_stage_h (number)")
            return
        self.execute("CREATE INDEX temp.reg_stage_m_id ON reg_stage_m (id_number)")
        self.execute("CREATE INDEX temp.reg_stage_m_number ON reg_stage_m (number)")
        self.execute("CREATE UNIQUE INDEX temp.reg_stage_h_number ON reg_stage_h (number)")
        self.execute("ALTER TABLE reg_stage_h ADD COLUMN member_count integer")
        self.execute("ALTER TABLE reg_stage_h ADD COLUMN income_per_head numeric(12,2)")
        self.execute(f"""UPDATE reg_stage_h SET member_count = c.n, income_per_head = {per_head.replace("h.", "")}
                          FROM ({derived}) c WHERE c.number = reg_stage_h.number""")

    def no_overlap(self) -> bool:
        """True when no staged person and no staged household number is registered yet (a first import)."""
        return not self.fetch("""
            SELECT 1 WHERE EXISTS (SELECT 1 FROM reg_stage_m s JOIN registry_person p ON p.id_number = s.id_number)
                        OR EXISTS (SELECT 1 FROM reg_stage_h s JOIN registry_household h ON h.number = s.number)""")

    # --- bulk mode: constraints and indexes afterwards (PostgreSQL) ---------

    BULK_TABLES = ("registry_person", "registry_household", "registry_member")

    def existing_rows(self) -> int:
        if self.pg:
            return int(self.fetch("SELECT GREATEST(reltuples, 0) FROM pg_class WHERE relname = 'registry_member'")[0][0])
        return self.fetch("SELECT count(*) FROM registry_member")[0][0]

    def suspend_constraints(self, only_keys: tuple[str, ...] | None = None) -> list[str]:
        """Drop the constraints and indexes of the target tables; return the SQL that recreates them.

        Per-row foreign-key triggers and index maintenance cost more than building
        each index once and validating each foreign key with one join. Used for a
        first import of a file large compared with the registry; the primary and
        unique keys are rebuilt (and so checked) before the foreign keys. All of it
        is transactional: if the import fails, the drops are rolled back too.

        PostgreSQL, `only_keys`: drop the tables' own foreign keys and only the named keys (those whose values
        arrive in random order); the other keys and indexes are kept and filled as rows arrive.
        """
        if not self.pg:
            # SQLite: plain indexes only (keys and foreign keys belong to the table definitions).
            marks = ", ".join(["%s"] * len(self.BULK_TABLES))
            indexes = self.fetch(f"""SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                                      AND tbl_name IN ({marks})""", list(self.BULK_TABLES))
            for name, _sql in indexes:
                self.execute(f'DROP INDEX "{name}"')
            return [sql for _name, sql in indexes]
        names = ", ".join(f"'{t}'::regclass" for t in self.BULK_TABLES)
        everything = only_keys is None
        keys, foreign = [], []
        # Foreign keys of and to the three tables (other apps may point at a person), then their own keys.
        for table, name, definition, kind in self.fetch(f"""
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype FROM pg_constraint
                 WHERE (contype = 'f' AND (conrelid IN ({names}) OR (confrelid IN ({names}) AND %s)))
                    OR (contype IN ('p', 'u') AND conrelid IN ({names}) AND (%s OR conname = ANY(%s)))
                 ORDER BY contype = 'f' DESC""", [everything, everything, list(only_keys or ())]):
            self.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            (foreign if kind == "f" else keys).append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        if not everything:
            return keys + foreign
        tables = ", ".join(f"'{t}'" for t in self.BULK_TABLES)
        indexes = []
        for name, definition in self.fetch(f"""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                 WHERE i.tablename IN ({tables}) AND i.schemaname = current_schema()"""):
            self.execute(f'DROP INDEX "{name}"')
            indexes.append(definition)
        return keys + indexes + foreign

    def restore_constraints(self, restore: list[str]) -> None:
        if self.pg:
            self.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for sql in restore:
            self.execute(sql)

    # --- checks against the database ---------------------------------------

    def conflicts(self, prefixes: list[str] | None) -> list[tuple[str, int, str, str]]:
        """(sheet, row, key, message) of rows that clash with what is already registered."""
        out = []
        for sheet, row, number, village, id_number in self.fetch("""
            SELECT s.sheet, s.row, h.number, h.village_id, s.id_number FROM reg_stage_m s
              JOIN registry_person p ON p.id_number = s.id_number
              JOIN registry_member m ON m.person_id = p.id
              JOIN registry_household h ON h.id = m.household_id
             WHERE h.number <> s.number
               AND NOT EXISTS (SELECT 1 FROM reg_stage_h x WHERE x.number = h.number)
             ORDER BY s.seq"""):
            if prefixes is not None and not any(village.startswith(p) for p in prefixes):
                # A household outside the importer's area is never named (nor its village).
                out.append((sheet, row, "id_number", _("身份证号 %(id)s 已登记在另一户中，一人不能同时属于两户") % {"id": id_number}))
                continue
            out.append((sheet, row, "id_number", _("身份证号 %(id)s 已登记在户 %(number)s 中，一人不能同时属于两户（如确需迁户，请在同一文件中一并导入户 %(number)s）")
                                          % {"id": id_number, "number": number}))
        if prefixes is not None:
            inside = " OR ".join(["h.village_id LIKE %s"] * len(prefixes)) or "1=0"
            for sheet, row, number in self.fetch(f"""
                SELECT s.sheet, s.row, s.number FROM reg_stage_h s JOIN registry_household h ON h.number = s.number
                 WHERE NOT ({inside}) ORDER BY s.row""", [p + "%" for p in prefixes]):
                out.append((sheet, row, "number", _("户编号 %(number)s 已在您管辖范围以外登记，不能由您修改") % {"number": number}))
        return out

    # --- the merge ------------------------------------------------------------

    def households_changed(self) -> list[tuple]:
        cols = ", ".join([f"h.{hh_column(k)}" for k in HH_WRITE] + [f"s.{k}" for k in HH_WRITE])
        differs = " OR ".join(self.ne(f"h.{hh_column(k)}", f"s.{k}") for k in HH_WRITE)
        return self.fetch(f"""SELECT h.id, h.number, {cols} FROM registry_household h
                               JOIN reg_stage_h s ON s.number = h.number WHERE {differs}""")

    def merge_households(self, changed: bool, record: dict, fresh: bool = False) -> tuple[int, int]:
        updated = 0
        if changed:
            sets = ", ".join(f"{hh_column(k)} = s.{k}" for k in HH_WRITE)
            differs = " OR ".join(self.ne(f"registry_household.{hh_column(k)}", f"s.{k}") for k in HH_WRITE)
            updated = self.execute(f"""UPDATE registry_household SET {sets}, updated_at = %s,
                                               version = registry_household.version + 1 FROM reg_stage_h s
                                        WHERE s.number = registry_household.number AND ({differs})""",
                                   [record["now"]])
        cols = ", ".join(hh_column(k) for k in HH_WRITE)
        created = self.execute(f"""
            INSERT INTO registry_household (number, {cols}, status, return_reason, synthetic, source_document,
                   created_by_id, import_job_id, created_at, updated_at, monitoring)
            SELECT s.number, {", ".join(f"s.{k}" for k in HH_WRITE)}, 'draft', '', %s, %s, %s, %s, %s, %s, ''
              FROM reg_stage_h s""" + ("" if fresh else """
             WHERE NOT EXISTS (SELECT 1 FROM registry_household h WHERE h.number = s.number)"""),
            [record["synthetic"], record["source"], record["user"], record["job"], record["now"], record["now"]])
        return created, updated

    def reserve_people(self) -> None:
        """Bulk first import (the table locked by the dropped keys): take a block of person ids, so a staged row's
        person is `base + seq` and members need no join to find it."""
        self.person_base = self.reserve_ids("registry_person")
        self.advance_ids("registry_person", self.person_base + self.staged - 1)

    def reserve_ids(self, table: str) -> int:
        """The first id of a block for a bulk load; the caller holds the table locked (PostgreSQL) or the database's
        write lock (SQLite), so no one else takes ids meanwhile. `advance_ids` moves the sequence past the block."""
        if self.pg:
            seq = self.fetch("SELECT pg_get_serial_sequence(%s, 'id')", [table])[0][0]
            return self.fetch("SELECT nextval(%s)", [seq])[0][0]
        return self.fetch(f"""SELECT MAX(COALESCE((SELECT MAX(id) FROM {table}), 0),
                                      COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0)) + 1""",
                          [table])[0][0]

    def advance_ids(self, table: str, last: int) -> None:
        """PostgreSQL: the sequence continues after `last`. SQLite: explicit ids move the AUTOINCREMENT counter on
        by themselves."""
        if self.pg:
            seq = self.fetch("SELECT pg_get_serial_sequence(%s, 'id')", [table])[0][0]
            self.execute(f"SELECT setval(%s, GREATEST(%s, (SELECT last_value FROM {seq})))", [seq, last])

    def merge_people(self, now, fresh: bool = False) -> int:
        if fresh and getattr(self, "person_base", None) is not None:
            return self.execute("""
                INSERT INTO registry_person (id, id_number, name, sex, birth_date, created_at, updated_at)
                SELECT %s + s.seq, s.id_number, s.name, s.sex, s.birth_date, %s, %s FROM reg_stage_m s
                 ORDER BY s.seq""",
                                [self.person_base, now, now])
        if fresh:
            return self.execute("""
                INSERT INTO registry_person (id_number, name, sex, birth_date, created_at, updated_at)
                SELECT s.id_number, s.name, s.sex, s.birth_date, %s, %s FROM reg_stage_m s""", [now, now])
        self.execute("""UPDATE registry_person SET name = s.name, updated_at = %s FROM reg_stage_m s
                         WHERE s.id_number = registry_person.id_number AND registry_person.name <> s.name""", [now])
        return self.execute("""
            INSERT INTO registry_person (id_number, name, sex, birth_date, created_at, updated_at)
            SELECT s.id_number, s.name, s.sex, s.birth_date, %s, %s FROM reg_stage_m s
             WHERE NOT EXISTS (SELECT 1 FROM registry_person p WHERE p.id_number = s.id_number)""", [now, now])

    _MEMBER_SOURCE = """SELECT p.id AS person_id, h.id AS household_id, h.village_id AS village_id, s.name,
                               s.relation, s.ethnicity, s.education, s.student_status, s.health, s.labour,
                               s.work_status, s.medical_insurance, s.pension_insurance, s.id_number, p.sex,
                               s.row_digest
                          FROM reg_stage_m s
                          JOIN registry_person p ON p.id_number = s.id_number
                          JOIN registry_household h ON h.number = s.number"""

    def materialise_members(self) -> None:
        """Resolve each staged member's person and household once (after both are merged), for the change
        detection, the update and the insert that follow, instead of joining three tables for each."""
        self.execute("DROP TABLE IF EXISTS reg_stage_n")
        self.execute(f"CREATE TEMP TABLE reg_stage_n AS {self._MEMBER_SOURCE}")
        if self.pg:
            self.execute("ANALYZE reg_stage_n (person_id)")
        else:
            self.execute("CREATE UNIQUE INDEX temp.reg_stage_n_person ON reg_stage_n (person_id)")
        self._MEMBER_SOURCE = "SELECT * FROM reg_stage_n"

    def members_changed(self) -> list[tuple]:
        cols = ", ".join([f"m.{k}" for k in MEMBER_WRITE] + [f"n.{k}" for k in MEMBER_WRITE])
        differs = " OR ".join(self.ne(f"m.{k}", f"n.{k}") for k in MEMBER_WRITE)
        return self.fetch(f"""SELECT m.person_id, m.name, m.id_masked, {cols} FROM registry_member m
                               JOIN ({self._MEMBER_SOURCE}) n ON n.person_id = m.person_id WHERE {differs}""")

    def merge_members(self, changed: bool, record: dict, fresh: bool = False) -> tuple[int, int]:
        updated = 0
        if changed:
            sets = ", ".join(f"{k} = n.{k}" for k in MEMBER_WRITE)
            differs = " OR ".join(self.ne(f"registry_member.{k}", f"n.{k}") for k in MEMBER_WRITE)
            updated = self.execute(f"""UPDATE registry_member SET {sets}, updated_at = %s,
                                               version = registry_member.version + 1
                                        FROM ({self._MEMBER_SOURCE}) n
                                       WHERE n.person_id = registry_member.person_id AND ({differs})""",
                                   [record["now"]])
        masked = "substr(n.id_number, 1, 4) || '**********' || substr(n.id_number, 15, 4)"
        if fresh and getattr(self, "person_base", None) is not None:
            source = self._MEMBER_SOURCE.replace("p.id AS person_id", f"{int(self.person_base)} + s.seq AS person_id")
            source = source.replace("p.sex", "s.sex").replace(
                "JOIN registry_person p ON p.id_number = s.id_number", "")
        else:
            source = self._MEMBER_SOURCE
        created = self.execute(f"""
            INSERT INTO registry_member (person_id, {", ".join(MEMBER_WRITE)},
                   id_masked, sex, row_digest, status, return_reason, synthetic, source_document, created_by_id,
                   import_job_id, created_at, updated_at)
            SELECT n.person_id, {", ".join(f"n.{k}" for k in MEMBER_WRITE)}, {masked}, n.sex, n.row_digest, 'draft',
                   '', %s, %s, %s, %s, %s, %s
              FROM ({source}) n""" + ("" if fresh else """
             WHERE NOT EXISTS (SELECT 1 FROM registry_member m WHERE m.person_id = n.person_id)"""),
            [record["synthetic"], record["source"], record["user"], record["job"], record["now"], record["now"]])
        if not fresh:
            # The rows' fingerprints, for the next import (not a change of the record: no timestamp, no audit).
            self.execute(f"""UPDATE registry_member SET row_digest = n.row_digest FROM ({self._MEMBER_SOURCE}) n
                              WHERE n.person_id = registry_member.person_id
                                AND {self.ne("registry_member.row_digest", "n.row_digest")}""")
        return created, updated

    _GONE = """FROM registry_member m JOIN registry_household h ON h.id = m.household_id
                JOIN reg_stage_h x ON x.number = h.number
               WHERE NOT EXISTS (SELECT 1 FROM registry_person p JOIN reg_stage_m s ON s.id_number = p.id_number
                                  WHERE p.id = m.person_id)"""

    def members_gone(self) -> list[tuple]:
        """Members of households in the file who are no longer listed: the file is the household's roster."""
        return self.fetch(f"SELECT m.person_id, m.name, m.id_masked, h.number {self._GONE}")

    def delete_members(self, person_ids: list[int]) -> int:
        done = 0
        for start in range(0, len(person_ids), 500):
            part = person_ids[start:start + 500]
            done += self.execute(f"DELETE FROM registry_member WHERE person_id IN ({', '.join(['%s'] * len(part))})",
                                 part)
        return done

    def villages(self) -> list[str]:
        return [r[0] for r in self.fetch("SELECT DISTINCT village FROM reg_stage_h")]


@contextlib.contextmanager
def in_background(write, name: str):
    """`hand_over(item)` passes an item to `write` on a background thread, so the database takes one chunk while the
    next is validated; at most one item waits. A failure of `write` is raised in the caller at the next hand-over
    or at the end."""
    todo: queue.Queue = queue.Queue(maxsize=1)
    failure: list[BaseException] = []

    def work():
        while (item := todo.get()) is not None:
            if failure:
                continue
            try:
                write(item)
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                failure.append(exc)

    thread = threading.Thread(target=work, name=name, daemon=True)
    thread.start()

    def hand_over(item) -> None:
        if failure:
            raise failure[0]
        todo.put(item)

    try:
        yield hand_over
    finally:
        todo.put(None)
        thread.join()
    if failure:
        raise failure[0]


def bulk_insert(table: str, frame: pl.DataFrame, columns: list[str] | None = None) -> None:
    """Append a frame's rows to a table on this thread's connection: PostgreSQL COPY of CSV, SQLite executemany.
    `columns`: the table's columns the frame fills, in order (default: all of them)."""
    if not frame.height:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cur, copy_into(cur.cursor, table, columns, options=CSV) as copy:
            copy.write(_csv(frame))
        return
    names = f" ({', '.join(columns)})" if columns else ""
    touched(table)  # the driver's own executemany passes no Django statement wrapper
    frame = frame.with_columns(pl.col(pl.Date).cast(pl.String), pl.col(pl.Boolean).cast(pl.Int8))
    marks = ", ".join("?" * frame.width)
    with transaction.atomic():
        connection.connection.executemany(f"INSERT INTO {table}{names} VALUES ({marks})", frame.iter_rows())


def _csv(frame: pl.DataFrame) -> memoryview:
    """The frame as CSV for COPY (a view of the buffer polars wrote: no second copy of a chunk's text)."""
    buf = io.BytesIO()
    frame.write_csv(buf, include_header=False, null_value="\\N")
    return buf.getbuffer()
