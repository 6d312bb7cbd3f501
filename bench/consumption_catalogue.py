"""Benchmark of the product catalogue (消费帮扶产品目录) a province publishes, on SQLite (or PostgreSQL). One command:

    .venv/bin/python bench/consumption_catalogue.py                   # 3,000 rows, SQLite in a temp folder
    .venv/bin/python bench/consumption_catalogue.py --rows 500 --pg-url postgres://postgres@127.0.0.1:5432/cat_bench

A fresh database (migrated, regions loaded, one producer per county of Qiannan and Bijie) receives a catalogue of
`--rows` certified products with certificate numbers. Printed:
1. the queries the catalogue's own rules (`Product.clean` and its constraints) ask for all rows, outside and
   inside one `lookups.batch()` — what a set-based import path saves by entering the form's `import_batch`;
2. the seconds of the whole import through today's generic importer (`core.importer.import_file`: every row
   validated by the form and the model, then one transaction with an audit row per record), and the same file
   again (refused row by row, nothing written).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--pg-url", default="")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    if args.pg_url:
        import psycopg

        name = args.pg_url.rsplit("/", 1)[1]
        with psycopg.connect(args.pg_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["XIEZUO_DATABASE_URL"] = args.pg_url
        engine = "PostgreSQL"
    else:
        os.environ["XIEZUO_SQLITE_PATH"] = str(Path(tmp.name) / "bench.sqlite3")
        engine = "SQLite"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from xiezuo.consumption import lookups
    from xiezuo.consumption.forms import ProductForm
    from xiezuo.consumption.models import Product
    from xiezuo.core.importer import import_file
    from xiezuo.core.registry import for_model
    from xiezuo.geo.models import Region
    from xiezuo.partners.models import Organisation

    call_command("migrate", verbosity=0)
    call_command("loadregions", verbosity=0)
    admin = get_user_model().objects.create_superuser("admin", password="x")
    counties = list(Region.objects.filter(level=3, code__regex=r"^(5227|5205)").order_by("code")[:20])
    producers = [Organisation.objects.create(name=f"测试生产主体{c.code[:6]}", kind="enterprise", region=c)
                 for c in counties]
    path = Path(tmp.name) / "catalogue.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["产品名称", "产品类别", "生产经营主体", "申报县", "带贫机制", "带动贫困户数", "认定进度",
                      "认定证书编号", "认定有效期自", "认定有效期至"])
        for k in range(args.rows):
            i = k % len(counties)
            out.writerow([f"目录产品{k:05d}", "初级农产品", producers[i].name, counties[i].code, "订单收购（经营性收入）",
                          10 + k % 90, "认定", f"GZ-2020-{k:06d}", "2020-01-01", "2022-12-31"])

    def own_rules_queries(batch: bool) -> int:
        rows = [Product(name=f"目录产品{k:05d}", category="primary", producer=producers[k % len(counties)],
                        region=counties[k % len(counties)], mechanism="purchase", stage="certified",
                        certificate_no=f"GZ-2020-{k:06d}", valid_from=__import__("datetime").date(2020, 1, 1))
                for k in range(args.rows)]
        with CaptureQueriesContext(connection) as ctx:
            if batch:
                with lookups.batch():
                    for p in rows:
                        p.clean()
                        p.validate_constraints()
            else:
                for p in rows:
                    p.clean()
                    p.validate_constraints()
        return len(ctx.captured_queries)

    outside, inside = own_rules_queries(False), own_rules_queries(True)
    rt = for_model(Product)
    start = time.perf_counter()
    result = import_file(rt, admin, path, path.name)
    first = time.perf_counter() - start
    assert not result["errors"], result["errors"][:5]
    start = time.perf_counter()
    with ProductForm.import_batch():
        again = import_file(rt, admin, path, path.name)
    second = time.perf_counter() - start
    assert again["created"] == 0 and Product.objects.count() == args.rows
    print(f"consumption catalogue, {engine}: the catalogue's own rules for {args.rows} rows ask {outside} queries "
          f"outside a batch, {inside} inside one")
    print(f"generic importer: {args.rows} rows imported in {first:.1f} s ({args.rows / first:,.0f} rows/s); "
          f"the same file again (inside the form's batch): refused in {second:.1f} s, nothing written")
    tmp.cleanup()


if __name__ == "__main__":
    main()
