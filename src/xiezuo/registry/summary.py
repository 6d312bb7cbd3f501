"""Keep the summary figures current: recount the touched villages, then roll up to county and prefecture.

Called after every import (with the villages of the file) and every edit (with
the one village), inside the same transaction, so that a figure never disagrees
with the records behind it. Reading a summary page then costs a few hundred rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from .choices import Guarantee

# (dimension, SQL expression of the value) over registry_household.
DIMENSIONS = [
    ("total", "''"),
    ("attribute", "attribute"),
    ("main_cause", "main_cause"),
    ("monitoring", "monitoring"),
    ("exited", "CASE WHEN year_exited IS NULL THEN '0' ELSE '1' END"),
] + [(f"g_{g.value}", f"CASE WHEN g_{g.value} IS NULL THEN 'unknown' WHEN g_{g.value} THEN 'met' ELSE 'unmet' END")
     for g in Guarantee]

TABLE = "registry_summaryfigure"


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
    keys = ", ".join(expr for dim, expr in DIMENSIONS if expr != "''")
    cols = ", ".join(f"{expr} AS {dim}" for dim, expr in DIMENSIONS if expr != "''")
    _run("DROP TABLE IF EXISTS reg_summary_combo")
    _run(f"""CREATE TEMP TABLE reg_summary_combo AS
             SELECT village_id, {cols}, count(*) AS households, sum(member_count) AS members
               FROM registry_household WHERE {where} GROUP BY village_id, {keys}""", params)
    parts = [f"""SELECT 5, village_id, {_pad('village_id', 6)}, '{dim}', {"''" if expr == "''" else dim},
                        sum(households), sum(members)
                   FROM reg_summary_combo GROUP BY village_id{'' if expr == "''" else ', ' + dim}"""
             for dim, expr in DIMENSIONS]
    _run(f"""INSERT INTO {TABLE} (level, region_id, parent, dimension, value, households, members)
             {" UNION ALL ".join(parts)}""")
    _run("DROP TABLE reg_summary_combo")
    roll_up(counties)


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
