"""Benchmark of the API's lists: warm latency, queries and size of a page, for a county editor and for a reader
of everything, with brief related objects and {value, label} choices.

    .venv/bin/python bench/api_lists.py                                            # SQLite
    .venv/bin/python bench/api_lists.py --pg-url postgres://postgres@127.0.0.1:5432/xiezuo_bench_api

It builds a fresh database (migrate, regions, demo data), then times each list with Django's test client through
a token (`Authorization: Token`, which every version takes), 2 warm-up runs and the median of `--runs`. `member_70000` asks for 70,000
members: the page cap (1000) answers at most 1000 (before the cap the demo's was 49 s and 28 MB on a full
registry). The query count of a page must not depend on its size (compare `limit=50` with `limit=1000`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("XIEZUO_BENCH_ROOT") or Path(__file__).resolve().parent.parent)  # another checkout
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _database import fresh_database  # noqa: E402

LISTS = {
    "project_50": "/api/industry/project/?limit=50",
    "project_1000": "/api/industry/project/?limit=1000",
    "visit_50": "/api/exchange/visit/?limit=50",
    "sale_1000": "/api/consumption/sale/?limit=1000",
    "member_50": "/api/registry/member/?limit=50",
    "member_70000": "/api/registry/member/?limit=70000",
    "project_ordered": "/api/industry/project/?limit=200&ordering=-planned_investment,region",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pg-url", default="", help="a PostgreSQL database to drop and recreate (default: SQLite)")
    args = ap.parse_args()
    fresh_database(args.pg_url, "xiezuo-bench-api-")
    os.environ.setdefault("XIEZUO_API_RATE_USER", "100000/min")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from rest_framework.authtoken.models import Token

    t0 = time.perf_counter()
    call_command("demo", "--no-serve")
    call_command("createcachetable", verbosity=0)  # the API throttles' counters (`xiezuo serve` makes it)
    print(f"loaded: demo {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    setup_test_environment()
    result = {"database": "postgresql" if args.pg_url else "sqlite"}
    User = django.contrib.auth.get_user_model()
    for who in ("bijie_dafang", "leader"):
        token, _ = Token.objects.get_or_create(user=User.objects.get(username=who))
        client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")  # Bearer works too; Token on older versions
        for name, url in LISTS.items():
            times = []
            for i in range(2 + args.runs):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - start) * 1000
                assert response.status_code == 200, (url, response.status_code, response.content[:300])
                if i >= 2:
                    times.append(elapsed)
            data = json.loads(response.content)
            key = f"{who}.{name}"
            result[key] = {"ms": round(statistics.median(times), 1), "queries": len(queries),
                           "rows": len(data["results"]), "kb": round(len(response.content) / 1024, 1)}
            print(key, result[key], file=sys.stderr, flush=True)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
