"""The registry import from end to end: read → validate → stage → check → merge → audit → summaries.

Phase 1 (no transaction, progress visible): chunks are validated and spilled
to Arrow files on disk, so memory stays flat whatever the file size.
Phase 2 (one transaction): staging, checks against the database, the merge,
audit rows and summary refresh. Any error rolls everything back; a killed
worker leaves nothing behind but its failed job.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from xiezuo.core.models import ChangeRecord, Job
from xiezuo.core.scope import get_scope
from xiezuo.geo.models import Region

from .. import summary
from ..models import Household, Member
from .columns import BY_KEY
from .firstload import TABLES as FIRST_LOAD_TABLES
from .firstload import FirstLoad, registry_empty
from .keystore import FileKeys
from .load import HH_WRITE, MEMBER_WRITE, Stage, hh_column
from .reader import Sheet, read_chunks
from .unchanged import Unchanged, row_digest
from .validate import Context, empty_errors, finish_rows, slim_rows, validate_chunk

MAX_ERRORS_KEPT = 1_000_000
# A first import of this many rows (and a quarter of the registry) loads with indexes (PostgreSQL: also keys and
# foreign keys) rebuilt after.
BULK_MODE_ROWS = 50_000


class ImportRejected(Exception):
    """The file has errors; nothing was written. `errors` is a frame of (row, column, header, message)."""

    def __init__(self, errors: pl.DataFrame):
        super().__init__(f"{errors.height} errors")
        self.errors = errors


class _Rollback(Exception):
    pass


@dataclass
class Result:
    rows: int = 0
    households_created: int = 0
    households_updated: int = 0
    members_created: int = 0
    members_updated: int = 0
    members_removed: int = 0
    people_created: int = 0
    rows_unchanged: int = 0  # rows of a re-import identical to the rows last imported: set aside, not validated
    ignored_columns: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any((self.households_created, self.households_updated, self.members_created,
                    self.members_updated, self.members_removed, self.people_created))

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("rows", "households_created", "households_updated", "members_created",
                                              "members_updated", "members_removed", "people_created",
                                              "rows_unchanged", "ignored_columns", "seconds")}


def _context(user) -> Context:
    scope = get_scope(user)
    villages = pl.Series("code", list(Region.objects.filter(level=5).values_list("code", flat=True)),
                         dtype=pl.String)
    return Context(villages=villages, prefixes=None if scope.everything else list(scope.region_prefixes),
                   aliases=column_aliases())


def column_aliases() -> dict[str, dict[str, str]]:
    """The administrators' spellings of the enumerated columns, read once per import (core.ValueAlias, fields
    `registry.household.<key>` and `registry.member.<key>`)."""
    from xiezuo.core.aliases import ValueAlias
    from xiezuo.core.text import fold

    out: dict[str, dict[str, str]] = {}
    for field_key, spelling, value in ValueAlias.objects.filter(
            field__startswith="registry.").values_list("field", "spelling", "value"):
        model, _dot, key = field_key.removeprefix("registry.").partition(".")
        column = BY_KEY.get(key)
        if column is not None and column.kind == "enum" and model == ("household" if column.level == "h" else "member"):
            out.setdefault(key, {})[fold(spelling)] = value
    return out


def run_import(path: Path, filename: str, user, job=None, progress=None, chunk_rows: int = 100_000,
               synthetic: bool = False) -> Result:
    """Import a registry file for `user`; raises ImportRejected (nothing written) or FileProblem."""
    progress = progress or (lambda *_a, **_k: None)
    result = Result()
    clock = time.perf_counter()
    ctx = _context(user)
    errors: list[pl.DataFrame] = []
    remove_stale_folders()
    with tempfile.TemporaryDirectory(prefix=FOLDER_PREFIX) as tmp:
        reading = _Reading(Path(path), filename, chunk_rows, Path(tmp), ctx, errors, result, progress)
        if not (registry_empty() and _first_load(reading, user, job, filename, synthetic)):
            _staged_import(reading, user, job, filename, synthetic)
    all_errors = pl.concat([e for e in errors if e.height] or [empty_errors()])
    if all_errors.height:
        raise ImportRejected(_sorted(all_errors))
    result.seconds["total"] = time.perf_counter() - clock
    return result


FOLDER_PREFIX = "registry-import-"
STALE_FOLDER_SECONDS = 24 * 3600


def remove_stale_folders() -> None:
    """Scratch folders of imports whose worker was killed (a finished or failed import removes its own): gone after
    a day, long after any import still running could need them."""
    import shutil

    for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        try:
            if time.time() - folder.stat().st_mtime > STALE_FOLDER_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


@dataclass
class _Reading:
    """One pass over the file: validate every chunk, hand the clean rows to `load`, keep the key columns."""

    path: Path
    filename: str
    chunk_rows: int
    tmp: Path
    ctx: Context
    errors: list
    result: Result
    progress: object
    sheets: dict = field(default_factory=dict)
    unchanged: Unchanged | None = None

    def run(self, load) -> None:
        """Validate every row and hand the clean ones to `load`; whole-file errors are added to `errors`. With
        `unchanged` (a re-import), rows loaded before are set aside unvalidated. Every row's keys go to disk
        (`keystore`) and are checked there at the end, one partition at a time."""
        clock = time.perf_counter()
        result, size = self.result, max(1, self.path.stat().st_size)
        keys = FileKeys(self.tmp)
        self.progress(2, _("正在读取并校验文件"))
        for sheet, chunk in read_chunks(self.path, self.filename, self.chunk_rows, tmp=self.tmp):
            label = self.sheets.setdefault(sheet.label, sheet).label
            chunk = chunk.with_columns(row_digest(chunk))
            if self.unchanged is not None:
                chunk = self.unchanged.split(chunk, label, list(self.sheets).index(label), keys)
            self._take(chunk, sheet, label, load, keys)
            del chunk
            seen = result.rows + (self.unchanged.rows if self.unchanged is not None else 0)
            same = (_("（其中 %(n)s 行与上次导入相同）") % {"n": f"{self.unchanged.rows:,}"}
                    if self.unchanged is not None else "")
            self.progress(min(60, 2 + int(58 * seen * 120 / size)), _("已校验 %(n)s 行") % {"n": f"{seen:,}"} + same)
        if self.unchanged is not None:
            self._second_pass(load)
            result.rows += self.unchanged.rows
            result.rows_unchanged = self.unchanged.rows - self.unchanged.revisited
        result.seconds["validate"] = time.perf_counter() - clock
        for sheet in self.sheets.values():
            result.ignored_columns += [h for h in sheet.ignored if h not in result.ignored_columns]
        self.errors.append(keys.errors(self.sheets))

    def _take(self, chunk: pl.DataFrame, sheet: Sheet, label: str, load, keys: FileKeys | None) -> None:
        """Validate rows and hand the clean ones to `load`; their key columns go to `keys`."""
        if not chunk.height:
            return
        clean, errs = validate_chunk(chunk.drop("row_digest"), sheet, self.ctx)
        if keys is not None:
            self.result.rows += clean.height
        if errs.height:
            self.errors.append(errs)
        rows = finish_rows(clean).with_columns(chunk["row_digest"], pl.lit(label).alias("sheet"))
        del clean
        if keys is not None:
            keys.add(slim_rows(rows, list(self.sheets).index(label)))
        load(rows)

    def _second_pass(self, load) -> None:
        """Rows set aside whose household turned out to differ after all: read the file again for them only."""
        again = self.unchanged.second_pass()
        if not again:
            return
        self.progress(60, _("正在复核 %(n)s 行") % {"n": f"{sum(s.len() for s in again.values()):,}"})
        for sheet, chunk in read_chunks(self.path, self.filename, self.chunk_rows, tmp=self.tmp):
            rows = again.get(sheet.label)
            if rows is not None:
                part = chunk.filter(pl.col("row").is_in(rows.implode()))
                self._take(part.with_columns(row_digest(part)), sheet, sheet.label, load, None)

    @property
    def failed(self) -> bool:
        return any(e.height for e in self.errors)


def _record(user, job, filename: str, synthetic: bool) -> dict:
    """The values every row written by this import shares."""
    from django.db import connection

    return {"now": connection.ops.adapt_datetimefield_value(timezone.now()), "user": getattr(user, "pk", None),
            "job": Job._meta.pk.get_db_prep_value(job.pk, connection) if job is not None else None,
            "source": filename[:300], "synthetic": synthetic}


def _first_load(reading: _Reading, user, job, filename, synthetic) -> bool:
    """An empty registry: validate and write in one pass and one transaction. False when the registry turned out
    not to be empty once locked (nothing done; the staged import follows)."""
    from django.db import connection

    load = FirstLoad(_record(user, job, filename, synthetic), reading.tmp)
    result = reading.result
    # SQLite checks foreign keys row by row (and, for a parent written after its children, by scanning the child
    # table); they are switched off for the load and checked once at the end. Inside an outer transaction the
    # switch does nothing and the checks stay on.
    unchecked = connection.vendor == "sqlite" and connection.disable_constraint_checking()
    try:
        with transaction.atomic():
            if not load.begin():
                return False
            with load.writer() as put:
                reading.run(lambda rows: load.stop() if reading.failed else put(rows))
            if reading.failed:
                raise _Rollback
            clock = time.perf_counter()
            reading.progress(70, _("校验通过，正在建立索引"))
            result.households_created, result.members_created = load.finish()
            result.people_created = result.members_created
            if unchecked:
                connection.check_constraints(table_names=list(FIRST_LOAD_TABLES))
            result.seconds.update(load.seconds)
            reading.progress(92, _("正在记录变更并更新汇总"))
            _audit([], [], [], user, job, result)
            clock = time.perf_counter()
            summary.replace_all(load.combos)  # the registry was empty: its whole summary is this file's
            result.seconds["summary"] = time.perf_counter() - clock
    except _Rollback:
        pass
    finally:
        load.close()
        if unchecked:
            connection.enable_constraint_checking()
    return True


def _staged_import(reading: _Reading, user, job, filename, synthetic) -> None:
    """A registry that already holds data: stage the file, check it against the database, merge what differs."""
    stage = Stage()
    stage.create()
    reading.unchanged = Unchanged.load(reading.ctx, reading.tmp)
    try:
        # Each validated chunk goes straight to the staging tables (PostgreSQL: COPY from a background
        # thread, while the next chunk is validated); only the key columns of the rows are kept, on disk.
        with stage.loader() as load:
            reading.run(load)
        if not stage.staged:  # every row as loaded before: nothing to compare, nothing to write
            return
        reading.progress(62, _("正在与系统中已有数据比对"))
        try:
            with transaction.atomic():
                _write(stage, reading.sheets, reading.errors, reading.ctx, user, job, reading.result,
                       reading.progress, filename, synthetic)
        except _Rollback:
            pass
    finally:
        stage.drop()


def _sorted(errors: pl.DataFrame) -> pl.DataFrame:
    return errors.unique().sort(["column", "row"]).sort("row", maintain_order=True).head(MAX_ERRORS_KEPT)


def _write(stage, sheets, errors, ctx, user, job, result, progress, filename, synthetic) -> None:
    clock = time.perf_counter()
    stage.index()
    result.seconds["stage"] = time.perf_counter() - clock
    # Nothing registered yet that the file touches (no person, no household number): nothing can clash, no change
    # to detect, no roster to compare; every row is new.
    fresh = stage.no_overlap()
    clash = [] if fresh else stage.conflicts(ctx.prefixes)
    if clash:
        # Row numbers count within each sheet: the column letter carries the sheet's name (工作表!列).
        errors.append(pl.DataFrame(
            [(row, *sheets[label].where(key), message) for label, row, key, message in clash],
            schema=["row", "column", "header", "message"], orient="row",
        ).cast({"row": pl.Int64}))
    if any(e.height for e in errors):
        raise _Rollback
    progress(82, _("校验通过，正在写入"))
    record = _record(user, job, filename, synthetic)
    villages_before = set(stage.villages())
    restore = []
    if fresh and stage.staged >= BULK_MODE_ROWS and stage.staged >= stage.existing_rows() / 4:
        restore = stage.suspend_constraints()
        stage.reserve_people()
    hh_changes = [] if fresh else stage.households_changed()
    villages_before |= {row[2] for row in hh_changes}  # the old village of a household that moved
    result.people_created = stage.merge_people(record["now"], fresh)
    result.households_created, result.households_updated = stage.merge_households(bool(hh_changes), record, fresh)
    if not fresh:
        stage.materialise_members()
    gone = [] if fresh else stage.members_gone()
    m_changes = [] if fresh else stage.members_changed()
    if gone:
        result.members_removed = stage.delete_members([g[0] for g in gone])
    result.members_created, result.members_updated = stage.merge_members(bool(m_changes), record, fresh)
    if restore:
        progress(88, _("正在重建索引与外键"))
        stage.restore_constraints(restore)
    result.seconds["merge"] = time.perf_counter() - clock - result.seconds["stage"]
    progress(92, _("正在记录变更并更新汇总"))
    _audit(hh_changes, m_changes, gone, user, job, result)
    if result.changed:
        summary.refresh(villages_before)
    result.seconds["write"] = time.perf_counter() - clock


def _display(key: str, value) -> str | None:
    if value is None:
        return None
    field = {**{f.name: f for f in Household._meta.fields}, **{f.name: f for f in Member._meta.fields}}.get(key)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool) or value in (0, 1) and key in ("water_safe", "medical_insurance",
                                                              "pension_insurance"):
        return gettext_noop("是") if value else gettext_noop("否")
    return str(value)


def _audit(hh_changes, m_changes, gone, user, job, result: Result) -> None:
    """One update row per changed record (field: [before, after]), one delete row per removed member,
    and one import row summarising the batch (created rows carry the batch in `import_job`)."""
    hh_type = ContentType.objects.get_for_model(Household)
    m_type = ContentType.objects.get_for_model(Member)
    rows = []
    n = len(HH_WRITE)
    for rec in hh_changes:
        pk, number, old, new = rec[0], rec[1], rec[2:2 + n], rec[2 + n:]
        changes = {hh_column(k): [_display(k, a), _display(k, b)] for k, a, b in zip(HH_WRITE, old, new, strict=True)
                   if _display(k, a) != _display(k, b)}
        if changes:
            rows.append(ChangeRecord(content_type=hh_type, object_id=str(pk), object_repr=number,
                                     action=ChangeRecord.Action.UPDATE, user=user, changes=changes,
                                     note=_("批量导入更正"), job=job))
    n = len(MEMBER_WRITE)
    for rec in m_changes:
        pk, name, masked, old, new = rec[0], rec[1], rec[2], rec[3:3 + n], rec[3 + n:]
        changes = {k: [_display(k, a), _display(k, b)] for k, a, b in zip(MEMBER_WRITE, old, new, strict=True)
                   if _display(k, a) != _display(k, b)}
        if changes:
            rows.append(ChangeRecord(content_type=m_type, object_id=str(pk), object_repr=f"{name}（{masked}）",
                                     action=ChangeRecord.Action.UPDATE, user=user, changes=changes,
                                     note=_("批量导入更正"), job=job))
    for pk, name, masked, number in gone:
        rows.append(ChangeRecord(content_type=m_type, object_id=str(pk), object_repr=f"{name}（{masked}）",
                                 action=ChangeRecord.Action.DELETE, user=user,
                                 changes={"household": [number, None]}, note=_("批量导入：户成员名单中已无此人"),
                                 job=job))
    if result.changed:
        rows.append(ChangeRecord(
            content_type=hh_type, object_id=str(getattr(job, "pk", "") or "-"), object_repr=_("批量导入 %(n)s 行") % {"n": result.rows},
            action=ChangeRecord.Action.IMPORT, user=user, job=job, note=_("建档立卡批量导入"),
            # Keys are message ids: the history shows them translated.
            changes={gettext_noop("新增户"): [None, str(result.households_created)],
                     gettext_noop("更新户"): [None, str(result.households_updated)],
                     gettext_noop("新增成员"): [None, str(result.members_created)],
                     gettext_noop("更新成员"): [None, str(result.members_updated)],
                     gettext_noop("移出成员"): [None, str(result.members_removed)]}))
    ChangeRecord.objects.bulk_create(rows, batch_size=2000)


__all__ = ["run_import", "ImportRejected", "Result", "BY_KEY"]
