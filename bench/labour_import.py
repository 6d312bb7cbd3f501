"""Benchmark of an employment list (就业名单) through the generic import, on PostgreSQL. One command:

    .venv/bin/python bench/labour_import.py                    # 50,000 rows (target < 10 s)
    .venv/bin/python bench/labour_import.py --rows 5000        # a quicker run

The list is what a county sends: ID number, name, home county, where, start date. The database
(--pg-url, default postgres://postgres@127.0.0.1:5432/labour_bench) is dropped and created again;
regions are loaded, then the file is imported by `core.importer.import_file` as the import job does
(the set-based import, core/bulkimport.py: columns checked once per distinct cell, rows by the model, the
file's rules and the write gate asked set-wise, COPY of records, persons and change records in one
transaction). Prints the seconds and rows per second; then imports the same file again (refused: every row
already there, nothing written) and prints that time too.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/labour_bench")
    args = parser.parse_args()

    import psycopg

    name = args.pg_url.rsplit("/", 1)[1]
    with psycopg.connect(args.pg_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["XIEZUO_DATABASE_URL"] = args.pg_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from xiezuo.core.idcard import check_char
    from xiezuo.core.importer import import_file
    from xiezuo.core.registry import for_model
    from xiezuo.labour.models import Employment

    call_command("migrate", verbosity=0)
    call_command("loadregions", verbosity=0)
    admin = get_user_model().objects.create_superuser("admin", password="x")
    counties = ["520502", "520521", "520522", "520523", "520524", "520525", "520526", "520527"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "employment.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(["身份证号", "姓名", "户籍地区", "就业地", "就业方式", "就业开始日期", "稳定就业月数"])
            for k in range(args.rows):
                county = counties[k % len(counties)]
                birth = dt.date(1970, 1, 1) + dt.timedelta(days=(k * 7919) % 10950)
                body = f"{county}{birth:%Y%m%d}{(k // 10950) % 1000:03d}"
                out.writerow([body + check_char(body), f"工人{k}", f"{county}000000", "东部帮扶省份",
                              "有组织劳务输出", "2019-03-01", 6])
        rt = for_model(Employment)
        start = time.perf_counter()
        if os.environ.get("BENCH_PROFILE"):  # where the time goes, instead of the figure
            import cProfile
            cProfile.runctx("import_file(rt, admin, path, path.name)", globals(), locals(), sort=os.environ.get("BENCH_SORT", "cumtime"))
            return
        result = import_file(rt, admin, path, path.name)
        first = time.perf_counter() - start
        assert not result["errors"], result["errors"][:5]
        start = time.perf_counter()
        again = import_file(rt, admin, path, path.name)
        second = time.perf_counter() - start
        assert again["created"] == 0 and Employment.objects.count() == args.rows
    print(f"labour import, PostgreSQL, set-based generic importer: {args.rows} rows in {first:.1f} s "
          f"({args.rows / first:,.0f} rows/s; target 50,000 in < 10 s); "
          f"the same file again: refused in {second:.1f} s, nothing written")


if __name__ == "__main__":
    main()
