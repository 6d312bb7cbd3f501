"""A registry's first load: each validated chunk goes straight into the target tables.

When no person and no household is registered yet, nothing in the file can
clash with the database and there is nothing to compare, so the staging tables
and the merge are skipped. The whole import, validation included, runs in one
transaction: a background thread writes each chunk (PostgreSQL: COPY; SQLite:
executemany) while the next one is validated, and the first error found stops
the writing; if the file has any error, or the worker dies, the transaction is
rolled back and nothing remains.

People and households get their ids here (blocks reserved from the tables'
sequences), so a member row needs no join to find its person or household.
The keys, foreign keys and indexes of the three tables are dropped for the
load and rebuilt once at the end, in the same transaction.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from pathlib import Path

import polars as pl
from django.db import connection

from xiezuo.core.tablestamps import copy_into, touched

from .. import summary
from .columns import HOUSEHOLD_KEYS
from .keystore import Store
from .load import CSV, Stage, _csv, in_background

PERSON_COLUMNS = ["id", "id_number", "name", "sex", "birth_date"]
MEMBER_COLUMNS = ["person_id", "household_id", "village_id", "name", "id_masked", "sex", "relation", "ethnicity",
                  "education", "student_status", "health", "labour", "work_status", "medical_insurance",
                  "pension_insurance", "row_digest"]
MONEY = ["income_wage", "income_business", "income_transfer", "income_property"]
HOUSEHOLD_COLUMNS = (["id", "number", "village_id"] + [k for k in HOUSEHOLD_KEYS if k not in ("number", "village")]
                     + ["head_name", "member_count", "income_per_head"])
TABLES = Stage.BULK_TABLES
# The summary's household columns that a file gives; the others hold these values after a first load.
FILE_SOURCES = [c for c in summary.SOURCES if c in HOUSEHOLD_KEYS]
DEFAULTS = {"monitoring": "", **{c: None for c in summary.SOURCES if c.startswith("g_")}}


def registry_empty() -> bool:
    with connection.cursor() as cur:
        cur.execute("SELECT 1 WHERE EXISTS (SELECT 1 FROM registry_person) OR EXISTS (SELECT 1 FROM registry_household)")
        return cur.fetchone() is None


def literal(value) -> str:
    """A constant as SQL text (for column defaults and INSERT … SELECT of the same value on every row)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE") if connection.vendor == "postgresql" else str(int(value))
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\x00", "")
    return "'" + text.replace("'", "''") + "'"


class FirstLoad:
    """The first load of an empty registry, inside the caller's transaction."""

    def __init__(self, record: dict, tmp: Path):
        self.pg = connection.vendor == "postgresql"
        self.lite = None if self.pg else LiteStage(tmp / "first-load.sqlite3")
        self.stage = Stage()
        self.record = record
        self.seq = 0  # rows written so far: person id = person_base + seq
        self.hids = 0  # household ids handed out so far: household id = household_base + 0, 1, 2 …
        # The households of the chunk before (number, hid, village, n = rows so far): a household cut by the end of a
        # chunk keeps its id. One met again further apart gets a new id, put right in `finish`.
        self.previous = pl.DataFrame(schema={"number": pl.String, "hid": pl.Int64, "village": pl.String,
                                             "n": pl.Int64})
        # On disk until the end, by household number (`keystore`): (number, hid, c) of each chunk, the household's
        # rows in it; and each household row written: (number, hid, its size as then known, the columns the summary
        # counts).
        self.parts = Store(tmp, "first-parts", "number")
        self.written = Store(tmp, "first-written", "number")
        self.combos: list[pl.DataFrame] = []  # the summary's counts, from `finish`
        self.pending: list[pl.DataFrame] = []  # member rows whose village is not known yet
        self.stopped = False
        self.restore: list[str] = []
        self.seconds: dict[str, float] = {}

    # --- set-up -------------------------------------------------------------

    def begin(self) -> bool:
        """Lock the three tables; False (nothing done) when the registry is not empty after all."""
        if self.pg:
            self.stage.execute(f"LOCK TABLE {', '.join(TABLES)} IN ACCESS EXCLUSIVE MODE")
            self.stage.execute("SET LOCAL maintenance_work_mem = '256MB'")
            # Sorts and hash joins of a million rows in memory; no JIT compilation for these simple statements.
            self.stage.execute("SET LOCAL work_mem = '256MB'")
            self.stage.execute("SET LOCAL jit = off")
        if not registry_empty():
            return False
        if self.pg:
            # Foreign-key checks still pending in an enclosing transaction (rows deleted earlier in it) would forbid
            # the ALTER TABLEs below: run them now.
            self.stage.execute("SET CONSTRAINTS ALL IMMEDIATE")
            self.stage.execute("SET CONSTRAINTS ALL DEFERRED")
        # Building each index once at the end costs less than maintaining it row by row, even on the other core
        # while the next chunk is validated (measured for 2,000,000 members: 9.7 s of COPY and 9.3 s of rebuilding,
        # against 17.2 s of COPY and 11.1 s of the rest when ascending keys are kept); a foreign key checked per row
        # costs more still.
        self.restore = self.stage.suspend_constraints()
        self.person_base = self.stage.reserve_ids("registry_person")
        self.household_base = self.stage.reserve_ids("registry_household")
        if self.pg:
            self.stage.temp_buffers()
        else:
            self.lite.open()
        r = self.record
        self.constants = {  # columns every new member and household row shares
            "status": literal("draft"), "return_reason": literal(""), "synthetic": literal(bool(r["synthetic"])),
            "source_document": literal(r["source"]), "created_by_id": literal(r["user"]),
            "import_job_id": literal(r["job"]), "created_at": literal(r["now"]), "updated_at": literal(r["now"]),
        }
        if self.pg:
            # COPY sends the data columns only; the shared values come from column defaults set for the load.
            self._defaults("registry_member", self.constants)
            self._defaults("registry_person", {k: self.constants[k] for k in ("created_at", "updated_at")})
            self._defaults("registry_household", self._shared("registry_household"))
        return True

    def _defaults(self, table: str, values: dict[str, str], drop: bool = False) -> None:
        action = (lambda _v: "DROP DEFAULT") if drop else (lambda v: f"SET DEFAULT {v}")
        self.stage.execute(f"ALTER TABLE {table} " + ", ".join(f"ALTER COLUMN {c} {action(v)}"
                                                                for c, v in values.items()))

    # --- the chunks -----------------------------------------------------------

    def frames(self, rows: pl.DataFrame) -> list[tuple[str, list[str], pl.DataFrame]]:
        """(table, columns, frame) to write for one chunk of finished rows."""
        n = rows.height
        rows = rows.with_columns(person_id=pl.int_range(self.seq, self.seq + n, dtype=pl.Int64) + self.person_base)
        self.seq += n
        # Households: ids in order of first appearance; the village from any row that gives one. Only the chunk
        # before is looked up, not every household so far: in a file of households one after another, that is where
        # a household goes on.
        given = pl.when(pl.col("village") != "").then(pl.col("village"))
        seen = rows.group_by("number", maintain_order=True).agg(given.drop_nulls().first().alias("village"),
                                                                pl.len().cast(pl.Int64).alias("c"))
        seen = seen.join(self.previous, on="number", how="left", suffix="_k", maintain_order="left")
        fresh = seen["hid"].is_null()
        start = self.household_base + self.hids
        seen = seen.with_columns(hid=pl.when(fresh).then(fresh.cast(pl.Int64).cum_sum() + (start - 1))
                                 .otherwise(pl.col("hid")),
                                 village=pl.coalesce("village_k", "village"),
                                 n=pl.col("n").fill_null(0) + pl.col("c")).select("number", "hid", "village", "n", "c")
        self.hids += int(fresh.sum())
        self.previous = seen.drop("c")
        self.parts.add(seen.select("number", "hid", "c"))
        rows = rows.join(seen, on="number", how="left", suffix="_h", maintain_order="left").with_columns(
            village_id=pl.when(pl.col("village") != "").then(pl.col("village")).otherwise(pl.col("village_h")),
            household_id=pl.col("hid"),
            id_masked=pl.col("id_number").str.slice(0, 4) + "**********" + pl.col("id_number").str.slice(14, 4))
        people = rows.select(pl.col("person_id").alias("id"), *PERSON_COLUMNS[1:])
        heads = self._households(rows.filter(pl.col("relation") == "head"))
        members = rows.select(MEMBER_COLUMNS)
        if members["village_id"].null_count():
            late = pl.col("village_id").is_null()
            self.pending.append(rows.filter(late).select("number", *MEMBER_COLUMNS))
            members = members.filter(~late)
        return [("registry_person", PERSON_COLUMNS, people), ("registry_member", MEMBER_COLUMNS, members),
                ("registry_household", HOUSEHOLD_COLUMNS, heads)]

    def _households(self, heads: pl.DataFrame) -> pl.DataFrame:
        """Household rows from the head rows, with the size known so far (the rest of a household may come in a
        later chunk: `finish` corrects those) and the income per head, rounded half away from zero as
        PostgreSQL's ROUND does, on whole fen."""
        n = pl.col("member_count")
        fen = sum((pl.col(k).cast(pl.Float64) * 100).round().cast(pl.Int64) for k in MONEY) - (
            pl.col("costs").cast(pl.Float64) * 100).round().cast(pl.Int64)
        per_head = (2 * pl.col("_fen").abs() + n) // (2 * n)
        heads = heads.with_columns(id=pl.col("hid"), village_id=pl.col("village"), head_name=pl.col("name"),
                                   member_count=pl.col("n"), _fen=fen).with_columns(
            income_per_head=pl.format("{}{}.{}", pl.when((pl.col("_fen") < 0) & (per_head > 0)).then(pl.lit("-"))
                                      .otherwise(pl.lit("")), per_head // 100,
                                      (per_head % 100).cast(pl.String).str.zfill(2)))
        self.written.add(heads.select("number", "hid", "n", "village_id", *FILE_SOURCES))
        return heads.select(HOUSEHOLD_COLUMNS)

    @contextlib.contextmanager
    def writer(self):
        """`put(rows)` hands a chunk on to two background threads: one makes its table rows (`frames`) and encodes
        them while the next chunk is validated, the other sends them to the database while the one after is made.
        `stop()` after the first error: nothing more is written."""
        raw = connection.connection

        def send(item) -> None:
            for table, columns, data in item:
                self._write(raw, table, columns, data)

        with in_background(send, "registry-first-load") as to_database:
            def make(rows) -> None:
                # polars builds the frames and writes CSV and Arrow without holding the interpreter, so this thread
                # works beside the reading one. Chunks come in file order, one at a time.
                if not self.stopped:
                    to_database([(t, c, self._encode(f)) for t, c, f in self.frames(rows) if f.height])

            with in_background(make, "registry-first-load-frames") as to_frames:
                yield lambda rows: None if self.stopped else to_frames(rows)

    def stop(self) -> None:
        self.stopped = True

    def _encode(self, frame: pl.DataFrame):
        """The chunk as the database takes it in bulk: CSV for COPY; Arrow for the SQLite stage file."""
        if self.pg:
            return _csv(frame)
        return frame.to_arrow(compat_level=pl.CompatLevel.oldest())

    def _write(self, raw, table: str, columns: list[str], data) -> None:
        if self.pg:
            # On a thread of its own: `finish` announces the tables on the import's connection.
            with raw.cursor() as cur, copy_into(cur, table, columns, options=CSV, announce=None) as cp:
                cp.write(data)
            return
        self.lite.put(table, data)

    def _shared(self, table: str) -> dict[str, str]:
        """The constant columns of a table's new rows."""
        if table == "registry_person":
            return {k: self.constants[k] for k in ("created_at", "updated_at")}
        if table == "registry_household":
            return {**self.constants, "monitoring": literal("")}
        return self.constants

    # --- the end --------------------------------------------------------------

    def finish(self) -> tuple[int, int]:
        """Members whose village came late, households met again apart from their first rows, households whose
        size grew after their row was written, ids, keys and indexes, and the summary's counts. Returns
        (households, members)."""
        self._clock = time.perf_counter()
        for table in ("registry_person", "registry_household", "registry_member"):
            touched(table)  # written by COPY, which passes no statement wrapper (core/tablestamps.py)
        grown, moved, late_heads, households = [], [], [], 0
        waiting = pl.concat(self.pending)["number"].unique() if self.pending else None
        for part in range(self.written.parts):
            # One row per household (the file checks allow no household without or with two heads): its final size.
            written = self.written.partition(part)
            if not written.height:
                continue
            parts = self.parts.partition(part)
            written = written.rename({"n": "written"}).join(parts.group_by("number").agg(pl.col("c").sum().alias("n")), on="number")
            households += written.height
            grown.append(written.filter(pl.col("n") != pl.col("written")).select("hid", "n"))
            # Rows of a household that came apart from the chunk of its head's row got another id: theirs is the
            # head's.
            heads = written.select("number", pl.col("hid").alias("head"), "village_id")
            moved.append(parts.join(heads, on="number").filter(pl.col("hid") != pl.col("head"))
                         .select("hid", "head").unique())
            if waiting is not None:
                late_heads.append(heads.filter(pl.col("number").is_in(waiting.implode())))
            self.combos.append(summary.combos(written.select(
                "village_id", pl.col("n").alias("member_count"), *FILE_SOURCES,
                *(pl.lit(DEFAULTS[c], dtype=pl.String if c == "monitoring" else pl.Boolean).alias(c)
                  for c in summary.SOURCES if c not in FILE_SOURCES))))
        grown = pl.concat(grown) if grown else pl.DataFrame(schema={"hid": pl.Int64, "n": pl.Int64})
        moved = pl.concat(moved) if moved else pl.DataFrame(schema={"hid": pl.Int64, "head": pl.Int64})
        if self.pg:
            self.stage.execute("DROP TABLE IF EXISTS reg_first_c")
            self.stage.execute("CREATE TEMP TABLE reg_first_c (hid bigint, n integer)")
            self.stage.execute("DROP TABLE IF EXISTS reg_first_moved")
            self.stage.execute("CREATE TEMP TABLE reg_first_moved (hid bigint, head bigint)")
        raw = connection.connection
        self._write(raw, "reg_first_c", ["hid", "n"], self._encode(grown))
        if moved.height:
            self._write(raw, "reg_first_moved", ["hid", "head"], self._encode(moved))
        if self.pending:
            late = pl.concat(self.pending).drop("village_id", "household_id").join(
                pl.concat(late_heads).rename({"head": "household_id"}) if late_heads else pl.DataFrame(
                    schema={"number": pl.String, "household_id": pl.Int64, "village_id": pl.String}),
                on="number").select(MEMBER_COLUMNS)
            self._write(raw, "registry_member", MEMBER_COLUMNS, self._encode(late))
        grown_table, moved_table = "reg_first_c", "reg_first_moved"
        if not self.pg:
            # The stage file is complete: copy people, members and households into the tables, one statement each.
            schema = self.lite.attach()
            for table, columns in (("registry_person", PERSON_COLUMNS), ("registry_member", MEMBER_COLUMNS),
                                   ("registry_household", HOUSEHOLD_COLUMNS)):
                shared = self._shared(table)
                self.stage.execute(f"""INSERT INTO main.{table} ({", ".join([*columns, *shared])})
                                       SELECT {", ".join([*columns, *shared.values()])} FROM {schema}.{table}""")
            grown_table, moved_table = f"{schema}.reg_first_c", f"{schema}.reg_first_moved"
        if moved.height:
            self.stage.execute(f"""UPDATE registry_member SET household_id = m.head FROM {moved_table} m
                                    WHERE registry_member.household_id = m.hid""")
        self._lap("counts")
        if grown.height:
            per_head = "ROUND((income_wage + income_business + income_transfer + income_property - costs) / c.n, 2)"
            self.stage.execute(f"""UPDATE registry_household SET member_count = c.n, income_per_head = {per_head}
                                     FROM {grown_table} c WHERE registry_household.id = c.hid""")
        self._lap("households")
        for table, base, count in (("registry_person", self.person_base, self.seq),
                                   ("registry_household", self.household_base, self.hids)):
            if count:
                self.stage.advance_ids(table, base + count - 1)
        if self.pg:
            self._defaults("registry_member", self.constants, drop=True)
            self._defaults("registry_person", {"created_at": "", "updated_at": ""}, drop=True)
            self._defaults("registry_household", self._shared("registry_household"), drop=True)
        self.stage.restore_constraints(self.restore)
        self._lap("keys")
        if self.pg:
            self.stage.execute("DROP TABLE IF EXISTS reg_first_c, reg_first_moved")
        # Fresh statistics, so that the first pages are planned for millions of rows. PostgreSQL: building the
        # indexes has set each table's size; autovacuum gathers the column statistics soon after the commit.
        if not self.pg:
            self.stage.execute("ANALYZE main")  # not the attached stage files
        self._lap("analyze")
        return households, self.seq

    def close(self) -> None:
        """After the transaction (committed or rolled back): let go of the SQLite stage file."""
        if self.lite is not None:
            self.lite.close()

    def _lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = now - getattr(self, "_clock", now)
        self._clock = now


_ALIASES = itertools.count(1)


def _attached() -> list[str]:
    """Stage files still attached to this thread's SQLite connection (see LiteStage.close)."""
    if not hasattr(connection, "registry_attached"):
        connection.registry_attached = []
    return connection.registry_attached


class LiteStage:
    """SQLite: the chunks of a first load go to a stage file of their own, written through ADBC from Arrow (no Python
    object per row, so the writer thread leaves the validating one the interpreter), and are copied into the tables
    at the end with one INSERT … SELECT per table, inside the load's transaction.

    Only one SQLite library may have the file open at a time (ADBC brings its own, and two in one process do not
    see each other's locks): ADBC writes it and closes it before the connection attaches it.
    """

    def __init__(self, path: Path):
        self.path = path
        self.conn = self.cursor = None
        self.created: set[str] = set()
        self.alias: str | None = None

    def open(self) -> None:
        import adbc_driver_sqlite.dbapi as adbc

        _detach_stale()
        self.path.unlink(missing_ok=True)
        self.conn = adbc.connect(str(self.path), autocommit=True)
        self.cursor = self.conn.cursor()
        for pragma in ("journal_mode = OFF", "synchronous = OFF"):  # a scratch file: no journal, no fsync
            self.cursor.execute(f"PRAGMA {pragma}")
            self.cursor.fetchall()

    def put(self, table: str, data) -> None:
        """Append Arrow data to a table of the stage file (created from the first batch's schema)."""
        self.cursor.adbc_ingest(table, data, mode="append" if table in self.created else "create")
        self.created.add(table)

    def attach(self) -> str:
        """Close ADBC's connection and attach the file to Django's; the schema name to read it under."""
        self._close_writer()
        self.alias = f"reg_first_{next(_ALIASES)}"
        with connection.cursor() as cur:
            cur.execute(f"ATTACH DATABASE %s AS {self.alias}", [str(self.path)])
        return self.alias

    def _close_writer(self) -> None:
        if self.conn is not None:
            self.cursor.close()
            self.conn.close()
            self.conn = self.cursor = None

    def close(self) -> None:
        self._close_writer()
        if self.alias is not None:
            _attached().append(self.alias)
            self.alias = None
            _detach_stale()


def _detach_stale() -> None:
    """Detach stage files of earlier loads. SQLite refuses while a transaction that read one is open (an enclosing
    transaction, as in tests): it is then tried again at the next load."""
    from django.db import OperationalError

    attached = _attached()
    for alias in list(attached):
        try:
            with connection.cursor() as cur:
                cur.execute(f"DETACH DATABASE {alias}")
        except OperationalError as exc:
            if "no such database" not in str(exc):
                continue
        attached.remove(alias)
