"""Benchmark of the registry import. One command:

    .venv/bin/python bench/registry_import.py                      # 2,000,000 members
    .venv/bin/python bench/registry_import.py --members 200000     # a quicker run

It generates a synthetic registry with real Bijie (5205…) village codes (cached
under var/bench/), then measures, each in its own process so that peak memory
is the import's own:

  1. CSV → PostgreSQL, full validation, empty registry      (target ≥ 100,000 rows/s, < 1 GB)
  2. the same file again, unchanged: must write nothing      (target ≥ 150,000 rows/s)
  3. summary page of the prefecture, warm                    (target < 200 ms)
  4. .xlsx → PostgreSQL                                      (target ≥ 40,000 rows/s)
  5. CSV → SQLite, and its summary page                      (target ≥ 50,000 rows/s)
  6. django-import-export, plain ModelResource keyed by ID number, on --peer-rows rows,
     and the ratio to (1)                                    (target ≥ 100×)

PostgreSQL: --pg-url (default postgres://postgres@127.0.0.1:5432/xiezuo_bench); the database
is dropped and created again by the benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
WORK = ROOT / "var" / "bench"


def child(argv: list[str], env: dict) -> dict:
    """Run one scenario in a fresh process; it prints one JSON line."""
    out = subprocess.run([sys.executable, __file__, "--scenario", *argv], env={**os.environ, **env},
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise SystemExit(f"scenario {argv[0]} failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def reference(pg_url: str | None) -> str:
    """How fast this machine is right now, on work the import does not change: a fixed pure-Python loop, a fixed
    polars sort and a fixed PostgreSQL query. Runs on other days or hours compare through these figures."""
    import polars as pl

    start = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i % 7
    python = time.perf_counter() - start
    frame = pl.DataFrame({"x": [str((i * 7919) % 1_000_003) for i in range(1_000_000)]})
    start = time.perf_counter()
    frame.sort("x")
    polars = time.perf_counter() - start
    out = f"machine reference: Python loop {python * 1000:.0f} ms, polars sort {polars * 1000:.0f} ms"
    if pg_url:
        import psycopg

        with psycopg.connect(pg_url.rsplit("/", 1)[0] + "/postgres") as conn:
            start = time.perf_counter()
            conn.execute("SELECT count(DISTINCT x % 100003) FROM generate_series(1, 2000000) x").fetchone()
            out += f", PostgreSQL query {(time.perf_counter() - start) * 1000:.0f} ms"
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django

    django.setup()


def fresh_database(url: str | None, sqlite_path: Path | None) -> None:
    """An empty database with the schema, the regions and a superuser."""
    if url:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    elif sqlite_path and sqlite_path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("loadregions", verbosity=0)
    get_user_model().objects.create_superuser("bench", password="bench-password-1")
    if url:
        # The set-up's own writes (a new database, the schema, 48,000 regions) are flushed now, so that the import
        # measured next does not pay for the checkpoint they would cause.
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute("CHECKPOINT")
    os.sync()  # and the page cache's dirty pages (a dropped database, the WAL) are written out before, not during


def scenario(argv: list[str]) -> dict:
    name, path = argv[0], Path(argv[1])
    if name == "fresh":
        fresh_database(os.environ.get("XIEZUO_DATABASE_URL"), Path(os.environ.get("XIEZUO_SQLITE_PATH", "x")))
        return {"ok": True}
    setup_django()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="bench")
    if name == "import":
        from xiezuo.core.models import ChangeRecord
        from xiezuo.registry.importing.pipeline import run_import
        from xiezuo.registry.models import Household, Member

        changes = ChangeRecord.objects.count()
        stamp = str(Member.objects.order_by("-updated_at").values_list("updated_at", flat=True).first())
        start = time.perf_counter()
        result = run_import(path, path.name, user, synthetic=True)
        seconds = time.perf_counter() - start
        return {"rows": result.rows, "seconds": seconds, "rows_per_s": result.rows / seconds, "peak_mb": peak_mb(),
                "changed": result.changed, "phases": result.seconds,
                "households": Household.objects.count(), "members": Member.objects.count(),
                "new_change_records": ChangeRecord.objects.count() - changes,
                "newest_update_unchanged": stamp == str(
                    Member.objects.order_by("-updated_at").values_list("updated_at", flat=True).first())}
    if name == "summary":
        from django.test import Client

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        url = f"/registry/summary/{argv[2]}/"
        first = client.get(url)
        assert first.status_code == 200, first.status_code
        times = []
        for _ in range(20):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        return {"median_ms": statistics.median(times), "max_ms": max(times)}
    if name == "peer":
        return peer(path, int(argv[2]))
    raise SystemExit(f"unknown scenario {name}")


def peer(path: Path, rows: int) -> dict:
    """django-import-export on the first `rows` people of the file: a plain ModelResource keyed by ID number."""
    import csv

    import tablib
    from import_export import resources

    from xiezuo.core import idcard
    from xiezuo.registry.models import Person

    class PersonResource(resources.ModelResource):
        class Meta:
            model = Person
            import_id_fields = ("id_number",)
            fields = ("id_number", "name", "sex", "birth_date")

    data = tablib.Dataset(headers=["id_number", "name", "sex", "birth_date"])
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        for i, row in enumerate(reader):
            if i >= rows:
                break
            number = idcard.validate(row["身份证号"])
            data.append([number, row["姓名"], idcard.sex_code(number), idcard.birth_date(number).isoformat()])
    start = time.perf_counter()
    result = PersonResource().import_data(data, dry_run=False, raise_errors=True)
    seconds = time.perf_counter() - start
    assert not result.has_errors()
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds, "peak_mb": peak_mb()}


def generate(members: int, kind: str) -> Path:
    from xiezuo.registry import synthetic

    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"registry-{members}.{kind}"
    if not path.exists():
        villages = synthetic.villages_under(["5205"])
        start = time.perf_counter()
        tmp = path.with_suffix(f".tmp.{kind}")
        (synthetic.write_csv if kind == "csv" else synthetic.write_xlsx)(tmp, members, villages)
        tmp.rename(path)
        print(f"  generated {path.name} ({len(villages)} real Bijie villages) in {time.perf_counter() - start:.0f} s")
    return path


def line(label: str, r: dict, target: str = "") -> None:
    print(f"{label:<44} {r['rows']:>10,} rows {r['seconds']:>8.1f} s {r['rows_per_s']:>10,.0f} rows/s "
          f"peak {r['peak_mb']:>6.0f} MB  {target}")
    if r.get("phases"):
        print(f"{'':<44} phases (s): " + ", ".join(f"{k} {v:.1f}" for k, v in r["phases"].items()) +
              f"; load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--members", type=int, default=2_000_000)
    ap.add_argument("--xlsx-members", type=int, default=200_000)
    ap.add_argument("--sqlite-members", type=int, default=None, help="default: --members")
    ap.add_argument("--peer-rows", type=int, default=20_000)
    ap.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/xiezuo_bench")
    ap.add_argument("--skip", nargs="*", default=[], choices=["pg", "xlsx", "sqlite", "peer"])
    ap.add_argument("--scenario", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(scenario(args.scenario)))
        return
    os.environ["DJANGO_SETTINGS_MODULE"] = "xiezuo.settings"
    print(f"Registry import benchmark: {args.members:,} members, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print("  " + reference(args.pg_url))
    csv_path = generate(args.members, "csv")
    pg = {"XIEZUO_DATABASE_URL": args.pg_url, "XIEZUO_VAR_DIR": str(WORK / "var")}
    results = {}
    if "pg" not in args.skip:
        child(["fresh", "-"], pg)
        results["pg"] = r = child(["import", str(csv_path)], pg)
        line("CSV → PostgreSQL (empty registry)", r, "target ≥ 100,000 rows/s, < 1,024 MB")
        again = child(["import", str(csv_path)], pg)
        line("CSV → PostgreSQL, same file again", again, "target ≥ 150,000 rows/s")
        print(f"{'':<44} changed: {again['changed']}, new change records: {again['new_change_records']}, "
              f"rows untouched: {again['newest_update_unchanged']}")
        s = child(["summary", "-", "520500000000"], pg)
        print(f"{'summary page 毕节市 (PostgreSQL, warm)':<44} median {s['median_ms']:.1f} ms, "
              f"max {s['max_ms']:.1f} ms ({r['members']:,} members)  target < 200 ms")
    if "xlsx" not in args.skip:
        xlsx_path = generate(args.xlsx_members, "xlsx")
        child(["fresh", "-"], pg)
        line(".xlsx → PostgreSQL", child(["import", str(xlsx_path)], pg), "target ≥ 40,000 rows/s")
    if "sqlite" not in args.skip:
        n = args.sqlite_members or args.members
        lite = {"XIEZUO_SQLITE_PATH": str(WORK / "bench.sqlite3"), "XIEZUO_VAR_DIR": str(WORK / "var"),
                "XIEZUO_DATABASE_URL": ""}
        child(["fresh", "-"], lite)
        r = child(["import", str(generate(n, "csv"))], lite)
        line("CSV → SQLite (empty registry)", r, "target ≥ 50,000 rows/s")
        s = child(["summary", "-", "520500000000"], lite)
        print(f"{'summary page 毕节市 (SQLite, warm)':<44} median {s['median_ms']:.1f} ms, max {s['max_ms']:.1f} ms")
    if "peer" not in args.skip:
        child(["fresh", "-"], pg)
        p = child(["peer", str(csv_path), str(args.peer_rows)], pg)
        line("django-import-export ModelResource (PG)", p)
        if "pg" in results:
            print(f"{'ratio Xiezuo / django-import-export':<44} {results['pg']['rows_per_s'] / p['rows_per_s']:,.0f}×"
                  f"  target ≥ 100×")
    print("  " + reference(args.pg_url))


if __name__ == "__main__":
    main()
