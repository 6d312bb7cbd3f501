"""Keep the summary figures current: recount the touched villages, then roll up to county and prefecture.

Called after every import (with the villages of the file) and every edit (with
the one village), inside the same transaction, so that a figure never disagrees
with the records behind it. Reading a summary page then costs a few hundred rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection, transaction

from .choices import Guarantee


@dataclass(frozen=True)
class Dimension:
    """One way of counting households: its value as SQL over registry_household, and the same value as a polars
    expression over a frame of the same columns (for a first load, counted from the file as it passes)."""

    name: str
    sql: str
    frame: Callable  # () -> pl.Expr

    @property
    def counted(self) -> bool:
        return self.sql != "''"


def _lit(value: str):
    import polars as pl

    return pl.lit(value)


def _col(name: str):
    import polars as pl

    return pl.col(name)


def _exited():
    import polars as pl

    return pl.when(pl.col("year_exited").is_null()).then(pl.lit("0")).otherwise(pl.lit("1"))


def _verdict(column: str):
    import polars as pl

    return (pl.when(pl.col(column).is_null()).then(pl.lit("unknown"))
            .when(pl.col(column)).then(pl.lit("met")).otherwise(pl.lit("unmet")))


DIMENSIONS = [
    Dimension("total", "''", lambda: _lit("")),
    Dimension("attribute", "attribute", lambda: _col("attribute")),
    Dimension("main_cause", "main_cause", lambda: _col("main_cause")),
    Dimension("monitoring", "monitoring", lambda: _col("monitoring")),
    Dimension("exited", "CASE WHEN year_exited IS NULL THEN '0' ELSE '1' END", _exited),
] + [Dimension(f"g_{g.value}",
               f"CASE WHEN g_{g.value} IS NULL THEN 'unknown' WHEN g_{g.value} THEN 'met' ELSE 'unmet' END",
               lambda column=f"g_{g.value}": _verdict(column)) for g in Guarantee]
# The household columns the dimensions read.
SOURCES = ("attribute", "main_cause", "monitoring", "year_exited", *(f"g_{g.value}" for g in Guarantee))

TABLE = "registry_summaryfigure"
COLUMNS = ("level", "region_id", "parent", "dimension", "value", "households", "members")


def _pad(expr: str, digits: int) -> str:
    return f"substr({expr}, 1, {digits}) || '{'0' * (12 - digits)}'"


def _run(sql: str, params=()) -> None:
    with connection.cursor() as cur:
        cur.execute(sql, params)


@transaction.atomic
def refresh(villages: Iterable[str] | None = None) -> None:
    """Recount the given village codes (None: the whole registry) and everything above them."""
    if villages is None:
        _run(f"DELETE FROM {TABLE}")
        where, params, counties = "1=1", [], None
    else:
        codes = sorted({v for v in villages if v})
        if not codes:
            return
        counties = sorted({c[:6] for c in codes})
        if len(codes) <= 300:
            where = f"village_id IN ({', '.join(['%s'] * len(codes))})"
            params = codes
        else:  # many villages: recount their whole counties (one set lookup per row, not a LIKE per county)
            where = f"substr(village_id, 1, 6) IN ({', '.join(['%s'] * len(counties))})"
            params = counties
        _run(f"DELETE FROM {TABLE} WHERE level = 5 AND {where.replace('village_id', 'region_id')}", params)
    # One scan of the households into their distinct combinations, then each dimension from that small set.
    keys = ", ".join(d.sql for d in DIMENSIONS if d.counted)
    cols = ", ".join(f"{d.sql} AS {d.name}" for d in DIMENSIONS if d.counted)
    _run("DROP TABLE IF EXISTS reg_summary_combo")
    _run(f"""CREATE TEMP TABLE reg_summary_combo AS
             SELECT village_id, {cols}, count(*) AS households, sum(member_count) AS members
               FROM registry_household WHERE {where} GROUP BY village_id, {keys}""", params)
    parts = [f"""SELECT 5, village_id, {_pad('village_id', 6)}, '{d.name}', {d.name if d.counted else "''"},
                        sum(households), sum(members)
                   FROM reg_summary_combo GROUP BY village_id{', ' + d.name if d.counted else ''}"""
             for d in DIMENSIONS]
    _run(f"""INSERT INTO {TABLE} ({", ".join(COLUMNS)}) {" UNION ALL ".join(parts)}""")
    _run("DROP TABLE reg_summary_combo")
    roll_up(counties)


def combos(households):
    """The households of a polars frame (`village_id`, `member_count` and the SOURCES columns, as the table holds
    them) counted by village and every dimension's value: what `replace_all` takes, in parts that may overlap."""
    import polars as pl

    return households.group_by("village_id", *(d.frame().alias(d.name) for d in DIMENSIONS if d.counted)).agg(
        households=pl.len(), members=pl.col("member_count").sum())


@transaction.atomic
def replace_all(parts) -> None:
    """The whole summary from `combos` of every household (in any number of parts): the first load counts the
    file it has just written instead of reading it back. Same figures as `refresh(None)`, which a test checks."""
    import polars as pl

    keys = ["village_id", *(d.name for d in DIMENSIONS if d.counted)]
    counted = pl.concat(list(parts)).group_by(keys).agg(pl.col("households", "members").sum())
    rows = pl.concat([
        counted.group_by("village_id", *([d.name] if d.counted else [])).agg(pl.col("households", "members").sum())
        .select(pl.lit(5).alias("level"), pl.col("village_id").alias("region_id"),
                (pl.col("village_id").str.slice(0, 6) + "000000").alias("parent"), pl.lit(d.name).alias("dimension"),
                (pl.col(d.name) if d.counted else pl.lit("")).alias("value"), "households", "members")
        for d in DIMENSIONS])
    from .importing.load import bulk_insert

    _run(f"DELETE FROM {TABLE}")
    bulk_insert(TABLE, rows, list(COLUMNS))
    roll_up(None)


def roll_up(counties: list[str] | None) -> None:
    """County rows from village rows, prefecture rows from county rows."""
    for level, child, digits in ((3, 5, 6), (2, 3, 4)):
        if counties is None:
            where, params = "1=1", []
        else:
            keys = sorted({c[:digits] for c in counties})
            codes = [k.ljust(12, "0") for k in keys]
            where = f"parent IN ({', '.join(['%s'] * len(codes))})"
            params = codes
            _run(f"DELETE FROM {TABLE} WHERE level = {level} AND region_id IN ({', '.join(['%s'] * len(codes))})",
                 codes)
        _run(f"""INSERT INTO {TABLE} (level, region_id, parent, dimension, value, households, members)
                 SELECT {level}, parent, {_pad('parent', digits - 2)}, dimension, value, sum(households),
                        sum(members)
                   FROM {TABLE} WHERE level = {child} AND {where} GROUP BY parent, dimension, value""", params)


def refresh_households(*households) -> None:
    """After an edit: recount the villages of these households (before and after a move)."""
    refresh({getattr(h, "village_id", h) for h in households if h is not None})
