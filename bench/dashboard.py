"""Benchmark of the leaders' dashboard: warm latency of the page and of its map / trend data (target < 200 ms).

    .venv/bin/python bench/dashboard.py                          # 100,000 ledger records, SQLite
    .venv/bin/python bench/dashboard.py --records 20000 --pg-url postgres://postgres@127.0.0.1:5432/xiezuo_bench_dash

It builds a fresh database (migrate, regions, demo data), adds `--records` synthetic approved projects spread over
the Guizhou counties of Bijie and Qiannan and over 2019 (each with a Guangzhou investor, so they count for the
Guangzhou pairings), then signs in as the demo `leader` and times the pages with Django's test client (the
whole request: middleware, views, figures, templates), 2 warm-up runs and then the median of `--runs`.
A warm page is served from the cache (recounted after any write); `*_cold_ms` is the first request, which
recounts every figure.

The dashboard reads figures of the record channels only: the registry's 2,000,000 members are not read by
any indicator, so they are not loaded here (see bench/registry_import.py for the registry's own pages).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pg-url", default="", help="a PostgreSQL database to drop and recreate (default: SQLite)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xiezuo-bench-dash-"))
    if args.pg_url:
        import psycopg

        base, name = args.pg_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["XIEZUO_DATABASE_URL"] = args.pg_url
    else:
        os.environ["XIEZUO_DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ.setdefault("XIEZUO_VAR_DIR", str(work))
    os.environ["DJANGO_SETTINGS_MODULE"] = "xiezuo.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    t0 = time.perf_counter()
    call_command("demo", "--no-serve")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    add_projects(args.records)
    add_s = time.perf_counter() - t0
    print(f"loaded: demo {load_s:.0f} s, {args.records} projects {add_s:.0f} s", file=sys.stderr, flush=True)

    setup_test_environment()
    client = Client()
    client.force_login(django.contrib.auth.get_user_model().objects.get(username="leader"))
    pages = {"home": "/", "dashboard": "/assessment/dashboard/?year=2019",
             "map_and_trend": "/assessment/dashboard/data/?year=2019&indicator=I01"}
    result = {"database": "postgresql" if args.pg_url else "sqlite", "records": args.records,
              "demo_load_s": round(load_s, 1), "records_load_s": round(add_s, 1)}
    for name, url in pages.items():
        times = []
        for i in range(2 + args.runs):
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if i == 0:
                result[f"{name}_cold_ms"] = round(elapsed, 1)  # the first request after a write recounts
            if i >= 2:
                times.append(elapsed)
        result[f"{name}_ms"] = round(statistics.median(times), 1)
        print(name, result[f"{name}_ms"], "ms", file=sys.stderr, flush=True)
    result["target_ms"] = 200
    print(json.dumps(result, ensure_ascii=False))


def add_projects(n: int) -> None:
    """`n` approved synthetic projects in Bijie and Qiannan counties in 2019, invested by a Guangzhou enterprise."""
    from decimal import Decimal

    from xiezuo.geo.models import Region
    from xiezuo.industry.models import Project
    from xiezuo.partners.models import Organisation

    counties = list(Region.objects.filter(level=3, valid_to__isnull=True).filter(
        code__regex=r"^(5205|5227)").values_list("code", flat=True))
    investor = Organisation.objects.filter(region__code__startswith="4401", kind="enterprise").first() \
        or Organisation.objects.filter(region__code__startswith="4401").first()
    Through = Project.investors.through
    batch = 5000
    for start in range(0, n, batch):
        rows = [Project(name=f"基准项目{i}", region_id=counties[i % len(counties)],
                        agreed_on=dt.date(2019, 1, 1) + dt.timedelta(days=i % 365),
                        actual_investment=Decimal(1_000_000), status="approved", synthetic=True)
                for i in range(start, min(n, start + batch))]
        made = Project.objects.bulk_create(rows)
        Through.objects.bulk_create(Through(project_id=p.pk, organisation_id=investor.pk) for p in made)


if __name__ == "__main__":
    main()
