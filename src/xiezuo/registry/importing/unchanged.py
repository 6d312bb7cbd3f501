"""A re-import sets aside the rows it has already loaded.

Every member keeps the fingerprint of the file row it was last imported from
(`Member.row_digest`: a 64-bit hash of the row's cells, its household's cells
included). Any other write to the member, its person or its household clears
it. When a file is imported again, a row whose fingerprint is stored (for a
member in the user's area) is the very row that was validated and written
before: it is set aside, neither validated again nor staged.

A household is compared field by field as before when any of its rows is new
or different, when the file gives it another number of members than the
registry holds, or when one of its members was edited while the file was read
(the fingerprints are read again at the end of reading); its set-aside rows are
then read again in a second pass. The whole-file checks (duplicate
ID numbers, heads, villages) still see every row, with the key columns in
normal form.

The fingerprint is polars' hash with a fixed seed. Polars does not promise the
same hash across its versions: after an upgrade that changes it, the next
import finds no row set aside and compares every household, and stores the
new fingerprints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from django.db import connection

from .columns import BY_KEY, COLUMNS, enum_lookup
from .keystore import FileKeys, Store, partition_of
from .validate import FULLWIDTH, Context, _mapping, slim_rows, tidy

# Part of every fingerprint: change it when validation or the meaning of a cell changes, so that every row is
# validated and compared again at the next import.
DIGEST_SEED = 2026_12_01
KEYS = ("number", "village", "id_number", "relation")


def row_digest(chunk: pl.DataFrame) -> pl.Series:
    """The fingerprint of each row: its cells as read, in the canonical column order."""
    keys = [c.key for c in COLUMNS if c.key in chunk.columns]
    return chunk.select(pl.struct(keys).hash(DIGEST_SEED).reinterpret(signed=True).alias("row_digest")).to_series()


BATCH_IDS = 500_000  # rows read from the registry per query: the text value of one batch stays small


def _read_text(expr: str, table: str, key: str, where: str, params: list, schema: dict) -> pl.DataFrame:
    """Rows of `table` as one text value per batch of `key`s, joined by the server (fields apart by \x1f, rows by
    \n) and parsed by polars: no Python object, and no protocol message, per row."""
    pg = connection.vendor == "postgresql"
    joined = f"string_agg({expr}, E'\\n')" if pg else f"group_concat({expr}, char(10))"
    clause = f"{where} AND" if where else "WHERE"
    with connection.cursor() as cur:
        cur.execute(f"SELECT min({key}), max({key}) FROM {table} {where}", params)
        low, high = cur.fetchone()
        frames = []
        for start in range(low or 0, (high or -1) + 1, BATCH_IDS):
            cur.execute(f"SELECT {joined} FROM {table} {clause} {key} >= %s AND {key} < %s",
                        [*params, start, start + BATCH_IDS])
            text = cur.fetchone()[0]
            if text:
                frames.append(pl.read_csv(text.encode(), has_header=False, new_columns=list(schema),
                                          schema_overrides=schema, separator="\x1f", quote_char=None))
    return pl.concat(frames) if frames else pl.DataFrame(schema=schema)


def stored_rows(prefixes: list[str] | None, counts: bool = True) -> tuple[pl.Series, pl.DataFrame | None]:
    """(fingerprints of the members, sorted; (number, member_count) of the households) in the user's area."""
    where = "" if prefixes is None else "WHERE (" + (" OR ".join(["village_id LIKE %s"] * len(prefixes)) or "1=0") + ")"
    params = [p + "%" for p in prefixes or ()]
    pg = connection.vendor == "postgresql"
    digests = _read_text("row_digest::text" if pg else "row_digest", "registry_member", "person_id",
                         f"{where} {'AND' if where else 'WHERE'} row_digest IS NOT NULL", params,
                         {"row_digest": pl.Int64})["row_digest"].unique().sort()
    if not counts:
        return digests, None
    glue = "number || chr(31) || member_count::text" if pg else "number || char(31) || member_count"
    sizes = _read_text(glue, "registry_household", "id", where, params,
                       {"number": pl.String, "member_count": pl.Int64})
    return digests, sizes


def _among(values: pl.Series, ordered: pl.Series) -> pl.Series:
    """Whether each value is one of `ordered` (sorted, unique): a binary search each, no hash set built per call."""
    if not ordered.len():
        return pl.Series(values.name, [False] * values.len(), dtype=pl.Boolean)
    at = ordered.search_sorted(values, side="left")
    return (ordered.gather(at.clip(0, ordered.len() - 1)) == values) & (at < ordered.len())


def key_columns(frame: pl.DataFrame, ctx: Context) -> tuple[pl.DataFrame, pl.Series]:
    """The slim columns (row, number, village, id_number, relation) in the normal form validation gives them,
    and whether each row's keys are still acceptable (its village exists and is in the user's area)."""
    frame = frame.select("row", *[pl.col(k) if k in frame.columns else pl.lit(None, pl.String).alias(k)
                                  for k in KEYS])
    frame = frame.with_columns(tidy([BY_KEY[k] for k in KEYS]))
    half = list(FULLWIDTH), list(FULLWIDTH.values())
    relation = _mapping(frame["relation"], {**ctx.aliases.get("relation", {}), **enum_lookup(BY_KEY["relation"])})
    frame = frame.with_columns(
        pl.col("number").fill_null(""),
        pl.col("village").str.replace_many(*half).fill_null(""),
        pl.col("id_number").str.replace_many(*half).str.to_uppercase(),
        pl.col("relation").replace_strict(relation, default=None, return_dtype=pl.String))
    village = pl.col("village")
    in_scope = pl.lit(True) if ctx.prefixes is None else pl.any_horizontal(
        [village.str.starts_with(p) for p in ctx.prefixes] or [pl.lit(False)])
    ok = frame.select(((village == "") | (village.is_in(ctx.villages.implode()) & in_scope))
                      & pl.col("relation").is_not_null()
                      & pl.col("id_number").str.contains(r"^[0-9]{17}[0-9X]$").fill_null(False)).to_series()
    return frame, ok


@dataclass
class Unchanged:
    """What a re-import knows of the registry, and the rows it has set aside so far (on disk, by household)."""

    digests: pl.Series  # the stored fingerprints, sorted
    ctx: Context
    aside: Store
    dirty: pl.Series = field(default_factory=lambda: pl.Series("number", [], dtype=pl.String))
    rows: int = 0  # rows set aside
    revisited: int = 0  # of which validated in the second pass after all

    @classmethod
    def load(cls, ctx: Context, folder: Path) -> Unchanged:
        digests, _counts = stored_rows(ctx.prefixes, counts=False)
        return cls(digests, ctx, Store(folder, "aside", "number"))

    def split(self, chunk: pl.DataFrame, label: str, sheet: int, keys: FileKeys) -> pl.DataFrame:
        """The rows of a chunk (with its `row_digest` column) of sheet `label` (the `sheet`-th of the file) that must
        be validated; the others are set aside, their key columns handed to `keys` for the whole-file checks."""
        same = _among(chunk["row_digest"], self.digests)
        if not same.any():
            return chunk
        frame, ok = key_columns(chunk, self.ctx)
        same = same & ok
        changed = frame.filter(~same)["number"].unique()
        if changed.len():
            self.dirty = pl.concat([self.dirty, changed]).unique()
        keep = ~same | frame["number"].is_in(self.dirty.implode())
        aside = slim_rows(frame.filter(~keep), sheet)
        if aside.height:
            keys.add(aside)
            self.aside.add(aside.select("row", "number").with_columns(pl.lit(label).alias("sheet"),
                                                                      chunk["row_digest"].filter(~keep)))
            self.rows += aside.height
        return chunk.filter(keep)

    def second_pass(self) -> dict[str, pl.Series]:
        """Rows set aside that must be validated after all, by sheet: those of a household found different after
        they were set aside, whose number of members differs from the registry's, or that someone edited while the
        file was read (the fingerprints and sizes are read again now, so the file is compared with the registry as
        it is at the end of reading). One partition of households at a time."""
        if not self.rows:
            return {}
        digests, counts = stored_rows(self.ctx.prefixes)
        # Fingerprints cleared meanwhile (an edit): the set-aside rows that carry one of them are edited rows.
        gone = self.digests.filter(~_among(self.digests, digests))
        counts = counts.with_columns(partition_of("number", self.aside.parts).alias("_part")).partition_by(
            "_part", as_dict=True, include_key=False)
        empty = pl.DataFrame(schema={"number": pl.String, "member_count": pl.Int64})
        again = []
        for part in range(self.aside.parts):
            aside = self.aside.partition(part)
            if not aside.height:
                continue
            edited = aside.filter(pl.col("row_digest").is_in(gone.implode()))["number"]
            dirty = pl.concat([self.dirty, edited.unique()]).unique()
            whole = aside.filter(~pl.col("number").is_in(dirty.implode()))
            sizes = whole.group_by("number").len("n").join(counts.get((part,), empty), on="number", how="left")
            resized = sizes.filter(pl.col("member_count").is_null() | (pl.col("member_count") != pl.col("n")))
            again.append(aside.filter(pl.col("number").is_in(pl.concat([dirty, resized["number"]]).implode())))
        again = pl.concat(again)
        self.revisited = again.height
        return {str(label): part["row"] for (label,), part in again.group_by("sheet")}
