"""Bulk loads leave the database's planner statistics fresh (ANALYZE), autovacuum or not.

Without them PostgreSQL plans every page as for empty tables: on the freshly loaded demo, bench/pages.py measured
149 ms of server and database CPU a request, against 14 once the tables were analysed.
"""

from __future__ import annotations

import pytest
from django.db import connection

from xiezuo.core.bulkwrite import refresh_statistics
from xiezuo.geo.models import Region


def _planner_rows(table: str) -> int | None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            row = cursor.fetchone()
            return int(row[0]) if row and row[0] >= 0 else None
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return None
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s AND idx IS NULL", [table])
        row = cursor.fetchone()
        if row is None:  # SQLite states the row count with each index's statistics
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
            row = cursor.fetchone()
        return int(row[0].split()[0]) if row else None


@pytest.mark.django_db(transaction=True)
def test_refresh_statistics_tells_the_planner_how_many_rows_a_table_holds():
    Region.objects.bulk_create([Region(code=f"52990{i:07d}", name=f"测试区{i}", level=5) for i in range(1, 301)])
    table = Region._meta.db_table
    before = _planner_rows(table)
    refresh_statistics(Region)
    assert _planner_rows(table) == Region.objects.count() >= 300
    assert before != Region.objects.count()
    refresh_statistics()  # every table
    assert _planner_rows(table) == Region.objects.count()


@pytest.mark.django_db(transaction=True)
def test_loading_regions_refreshes_their_statistics(tmp_path):
    from django.core.management import call_command

    csv = tmp_path / "regions.csv"
    rows = ["code,name,level,parent_code,valid_from,valid_to,search_key", "539900000000,测试省,1,,,,"]
    rows += [f"5399{i:02d}000000,测试市{i},2,539900000000,,," for i in range(1, 60)]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    call_command("loadregions", file=str(csv), stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115
    assert _planner_rows(Region._meta.db_table) == Region.objects.count() >= 60
