"""What an import keeps of every row until the end of the file, on disk, in partitions by a hash of one key.

The whole-file checks (the same person twice, a household without or with two
heads, a member in another village than the head) and the first load's
household bookkeeping need every row's keys, but only together with the rows of
the same key: a household's rows, or a person's. Rows are appended, as each
chunk passes, to one Arrow stream file per partition, and read back one
partition at a time at the end. Memory then holds one partition (a thirty-second
of the file's keys), whatever the file's size; disk holds about 50 bytes a row,
in the import's temporary folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pyarrow as pa
from django.utils.translation import gettext as _

from .validate import empty_errors, household_checks, id_text, person_checks

PARTS = 8
_SEED = 20_261_201


def partition_of(key: str, parts: int = PARTS) -> pl.Expr:
    """The partition of each row: the same for equal keys in every store keyed alike."""
    return (pl.col(key).hash(_SEED) % parts).cast(pl.Int32)


class Store:
    """Rows appended chunk by chunk to `parts` files by the hash of column `key`, read back partition by partition.
    Every chunk must have the same columns and types; a row whose key is null is left out."""

    def __init__(self, folder: Path, name: str, key: str, parts: int = PARTS):
        self.folder, self.name, self.key, self.parts = Path(folder), name, key, parts
        self.writers: dict[int, pa.ipc.RecordBatchStreamWriter] = {}
        self.schema: dict | None = None
        self.rows = 0
        self.reading = False  # once read back, nothing more may be added (a new writer would start the file anew)

    def _path(self, part: int) -> Path:
        return self.folder / f"{self.name}-{part:03d}.arrows"

    def add(self, frame: pl.DataFrame) -> None:
        if self.reading:
            raise RuntimeError(f"{self.name}: rows added after reading began")
        frame = frame.filter(pl.col(self.key).is_not_null())
        if not frame.height:
            return
        if self.schema is None:
            self.schema = dict(frame.schema)
        self.rows += frame.height
        split = frame.with_columns(partition_of(self.key, self.parts).alias("_part")).partition_by(
            "_part", as_dict=True, include_key=False)
        for (part,), rows in split.items():
            table = rows.to_arrow(compat_level=pl.CompatLevel.oldest())
            writer = self.writers.get(part)
            if writer is None:
                writer = self.writers[part] = pa.ipc.new_stream(str(self._path(part)), table.schema)
            writer.write_table(table)

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()

    def partition(self, part: int) -> pl.DataFrame:
        """The rows of one partition (an empty frame of the store's columns when none fell there)."""
        self.reading = True
        self.close()
        path = self._path(part)
        if not path.exists():
            return pl.DataFrame(schema=self.schema or {self.key: pl.String})
        with pa.ipc.open_stream(str(path)) as reader:
            return pl.from_arrow(reader.read_all())

    def __iter__(self) -> Iterator[pl.DataFrame]:
        """Each partition holding rows, one at a time."""
        for part in range(self.parts):
            if self._path(part).exists():
                yield self.partition(part)


HOUSEHOLD_KEYS = ("row", "sheet", "number", "village", "head")
PERSON_KEYS = ("row", "sheet", "id_number")


class FileKeys:
    """The key columns of every row of a file (see `validate.slim_rows`), kept by household number and by ID
    number, and the whole-file checks over them, one partition at a time."""

    def __init__(self, folder: Path):
        self.households = Store(folder, "households", "number")
        self.people = Store(folder, "people", "id_number")

    def add(self, slim: pl.DataFrame) -> None:
        self.households.add(slim.select(HOUSEHOLD_KEYS))
        self.people.add(slim.select(PERSON_KEYS))

    def errors(self, sheets: dict) -> pl.DataFrame:
        """Row numbers count within each sheet (rows carry the sheet's index in `sheets`): each sheet's rows are
        checked on their own; the same person on two sheets is a check of its own."""
        found = []
        sheets = list(sheets.values())
        for part in self.households:
            for index, rows in _by_sheet(part):
                found.append(household_checks(rows, sheets[index].where))
        for part in self.people:
            for index, rows in _by_sheet(part):
                found.append(person_checks(rows, sheets[index].where))
            if len(sheets) > 1:
                found.append(_across_sheets(part, sheets))
        found = [f for f in found if f.height]
        return pl.concat(found) if found else empty_errors()


def _by_sheet(part: pl.DataFrame) -> Iterator[tuple[int, pl.DataFrame]]:
    if part["sheet"].n_unique() == 1:
        yield part["sheet"][0], part
        return
    for (index,), rows in part.partition_by("sheet", as_dict=True).items():
        yield index, rows


def _across_sheets(people: pl.DataFrame, sheets: list) -> pl.DataFrame:
    """The same person on two sheets: reported on the later sheet, naming the first."""
    dup = people.filter(pl.col("id_number").is_duplicated())
    if not dup.height:
        return empty_errors()
    dup = dup.sort("sheet", "row").with_columns(first_sheet=pl.col("sheet").first().over("id_number"),
                                                first_row=pl.col("row").first().over("id_number"))
    dup = dup.filter(pl.col("sheet") != pl.col("first_sheet"))
    names = pl.Series([s.label for s in sheets])
    frames = []
    for index, rows in _by_sheet(dup) if dup.height else ():
        letter, header = sheets[index].where("id_number")
        frames.append(rows.select(pl.col("row"), pl.lit(letter).alias("column"), pl.lit(header).alias("header"),
                                  pl.format(_("身份证号 {} 与工作表“{}”第 {} 行重复"), id_text(pl.col("id_number")),
                                            pl.lit(names).gather(pl.col("first_sheet")),
                                            pl.col("first_row")).alias("message")))
    return pl.concat(frames) if frames else empty_errors()
