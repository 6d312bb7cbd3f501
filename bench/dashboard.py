"""Benchmark of the leaders' dashboard: warm latency of the page and of its map / trend data (target < 200 ms),
and the first request after a write.

    .venv/bin/python bench/dashboard.py                                # SQLite, 100,000 projects, 2,000,000 members
    .venv/bin/python bench/dashboard.py --pg-url postgres://postgres@127.0.0.1:5432/xiezuo_bench_dash
    .venv/bin/python bench/dashboard.py --records 20000 --registry 0   # a quicker run

It builds a fresh database (migrate, regions, demo data; PostgreSQL: the database named in --pg-url is dropped
and created again), loads the registry's `--registry` synthetic members (the CSV of bench/registry_import.py,
generated once under var/bench/, imported with the registry's own import), adds `--records` synthetic approved
projects spread over the Guizhou counties of Bijie and Qiannan and over 2019 (each with a Guangzhou investor, so
they count for the Guangzhou pairings), then signs in as the demo `leader` and times the pages with Django's
test client (the whole request: middleware, views, summaries, templates), the median of `--runs`:

* `*_first_ms`: the very first request, which computes the summary rows it needs (once per region, year and
  indicator; afterwards the refresh job keeps them current);
* `prime_job_s`: the job the first KPI cards queue, counting every indicator's map and trend;
* `*_ms`: warm (the summary rows are current);
* `*_after_write_ms`: the first request after a project was edited through core/services.py: it serves the
  summary as it was (the page says an update is under way) and queues the refresh job;
* `refresh_job_s`: that job, run here in-process as the worker would, recounting every summary row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _database import fresh_database  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--registry", type=int, default=2_000_000, help="registry members to load (0: none)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pg-url", default="", help="a PostgreSQL database to drop and recreate (default: SQLite)")
    args = ap.parse_args()
    fresh_database(args.pg_url, "xiezuo-bench-dash-")
    os.environ["XIEZUO_JOBS_EAGER"] = "0"  # writes queue the refresh job; this script runs it as the worker would
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    t0 = time.perf_counter()
    call_command("demo", "--no-serve")
    call_command("createcachetable", verbosity=0)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    members = add_registry(args.registry)
    registry_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    add_projects(args.records)
    add_s = time.perf_counter() - t0
    print(f"loaded: demo {load_s:.0f} s, {members} registry members {registry_s:.0f} s, "
          f"{args.records} projects {add_s:.0f} s", file=sys.stderr, flush=True)

    setup_test_environment()
    client = Client()
    client.force_login(django.contrib.auth.get_user_model().objects.get(username="leader"))
    pages = {"home": "/", "dashboard": "/assessment/dashboard/?year=2019",
             "map_and_trend": "/assessment/dashboard/data/?year=2019&indicator=I01"}
    result = {"database": "postgresql" if args.pg_url else "sqlite", "records": args.records,
              "registry_members": members, "demo_load_s": round(load_s, 1),
              "registry_load_s": round(registry_s, 1), "records_load_s": round(add_s, 1)}

    def timed(url: str) -> float:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return round(elapsed, 1)

    for name, url in pages.items():
        result[f"{name}_first_ms"] = timed(url)
    # The first KPI cards queued the job that counts every indicator's map and trend (the worker's work).
    result["prime_job_s"] = run_refresh_job()
    for name, url in pages.items():
        timed(url)
        result[f"{name}_ms"] = statistics.median(timed(url) for _ in range(args.runs))
        print(name, result[f"{name}_ms"], "ms", file=sys.stderr, flush=True)

    edit_a_project()
    for name, url in pages.items():
        result[f"{name}_after_write_ms"] = timed(url)
    result["refresh_job_s"] = run_refresh_job()
    for name, url in pages.items():
        result[f"{name}_after_refresh_ms"] = timed(url)
    result["target_ms"] = 200
    print(json.dumps(result, ensure_ascii=False))


def add_registry(n: int) -> int:
    """`n` synthetic registry members (Bijie villages), through the registry's own import."""
    if n <= 0:
        return 0
    from django.contrib.auth import get_user_model
    from registry_import import generate

    from xiezuo.registry.importing.pipeline import run_import
    from xiezuo.registry.models import Member

    path = generate(n, "csv")
    run_import(path, path.name, get_user_model().objects.get(username="admin"), synthetic=True)
    return Member.objects.count()


def edit_a_project() -> None:
    """A write as a user makes it (core/services.py, with its change record, hence a new summary stamp): a new
    project recorded in Bijie."""
    from decimal import Decimal

    from django.contrib.auth import get_user_model

    from xiezuo.core.services import create_record
    from xiezuo.geo.models import Region
    from xiezuo.industry.models import Project

    create_record(Project, {"name": "基准写入项目", "region": Region.objects.get(code="520502000000"),
                            "agreed_on": dt.date(2019, 6, 1), "actual_investment": Decimal(1000),
                            "synthetic": True}, get_user_model().objects.get(username="admin"))


def run_refresh_job() -> float:
    """Run the queued refresh job as the worker would; its duration in seconds."""
    from xiezuo.assessment.summary import KIND
    from xiezuo.core import jobs
    from xiezuo.core.models import Job

    job = Job.objects.filter(kind=KIND, state=Job.State.QUEUED).order_by("created_at").first()
    assert job is not None, "a write should have queued the refresh job"
    jobs.claim(job.pk, "bench")
    start = time.perf_counter()
    jobs.run(Job.objects.get(pk=job.pk))
    seconds = time.perf_counter() - start
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, job.message
    return round(seconds, 1)


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
