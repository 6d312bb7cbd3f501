"""Page benchmark: 50 signed-in demo users drive a real `xiezuo serve` through pages and the API.

    .venv/bin/python bench/pages.py                               # PostgreSQL xiezuo_bench_pages, built if missing
    .venv/bin/python bench/pages.py --rebuild                     # drop and load the demo data again
    .venv/bin/python bench/pages.py --serve-args="--workers 3"    # any `xiezuo serve` option
    .venv/bin/python bench/pages.py --users 50 --duration 30 --think 1.0

What it does:
1. the PostgreSQL database of `--pg-url` gets the regions and the demo data (`xiezuo demo --no-serve`) the first
   time (or with `--rebuild`);
2. `xiezuo serve` starts as a subprocess on a free port (DEBUG off, a random secret key), exactly as an office
   runs it; the script waits for /healthz/;
3. `--users` virtual users (default 50) sign in through the sign-in page, each as one of the demo accounts in turn
   (gd_admin, gz_sasac, qiannan, bijie_dafang, leader, bijie, dafang_registry, admin), and the API users get a
   token. Each user then loops over a fixed mix of requests inside its own area: the home page, record lists
   (every record type, some sorted or filtered), detail pages, cooperation pages (organisation, pairing,
   region), API lists and API details;
4. two phases of `--duration` seconds each, after a warm-up: without think time (saturation: throughput is what
   the server can do) and with `--think` seconds between one user's requests (latency as people see it).

How the phases start (`--start`):
- `write` (the default): as right after a write in an office's working day. After a first write, every
  account's cooperation pages are opened once (as they are on any working day), then a draft project's note is
  saved through the product's services: every figure kept until then is counted again during the phases, from the record sets' compiled
  statements that outlive writes (core/figures.py, `members`).
- `cold`: the whole cache emptied before the server starts: no kept figures and no compiled record sets, as
  after a new release or on the first visit of the day.
- `kept` (or `--keep-cache`): the figures an earlier run left are kept (no write since).

It prints per phase the throughput (requests/s), errors, and p50/p95 per kind of request, then one JSON line.
It also prints the CPU time the server's processes and their PostgreSQL backends spent per request (read from
/proc), a cost that other work on the machine does not change: on an idle machine with C cores the saturation
throughput is at most about C × 1000 / that figure. And it prints the machine's reference figures (CPU count, load average before the run, and the time of a fixed
single-thread Python workload) so that figures taken on a busy machine can be told apart from a slow site.
The load generator runs on the same machine as the server and takes some of its CPU.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
PASSWORD = "xiezuo2026"
ACCOUNTS = ["gd_admin", "gz_sasac", "qiannan", "bijie_dafang", "leader", "bijie", "dafang_registry", "admin"]
# Share of each kind of request in a user's loop (out of 20).
MIX = {"home": 3, "list": 6, "detail": 4, "cooperation": 2, "api_list": 3, "api_detail": 2}


def reference_ms() -> float:
    """A fixed single-thread workload (pure Python): ~100 ms on an idle 2020s core; more means a busy machine."""
    start = time.perf_counter()
    total = 0
    for i in range(2_000_000):
        total += i % 7
    return (time.perf_counter() - start) * 1000


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return out


def server_cpu_ms(server_pid: int, database: str) -> float:
    """CPU time used so far by the server's processes and by the PostgreSQL backends serving the bench database
    (Linux /proc): the cost of the requests, whatever else the machine is busy with."""
    import psycopg

    pids = [server_pid, *_children(server_pid)]
    try:
        with psycopg.connect(database, autocommit=True) as conn:
            pids += [r[0] for r in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
    except Exception:  # noqa: BLE001  (no database figure then; the web figure stands)
        pass
    return sum(_cpu_ticks(p) for p in pids) * 1000 / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(pg_url: str, rebuild: bool, start: str = "write") -> None:
    import psycopg

    base, name = pg_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and rebuild:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["XIEZUO_DATABASE_URL"] = pg_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "xiezuo.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    loaded = False
    try:
        loaded = get_user_model().objects.filter(username="leader").exists()
    except Exception:
        loaded = False
    if not loaded:
        t0 = time.perf_counter()
        print("loading the demo data (once) …", file=sys.stderr, flush=True)
        call_command("demo", "--no-serve")
        print(f"demo data loaded in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    else:
        call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # `xiezuo serve` makes it too, but after this point
    from xiezuo.core.throttling import ThrottleCounter, reset_counters

    if start == "cold":
        reset_counters()  # the whole cache: kept figures, compiled record sets and the API counts
    else:
        ThrottleCounter.objects.all().delete()  # the API counts only


def write_once() -> str:
    """A real write, as an office makes one: a draft project's note saved through the product's services."""
    from django.contrib.auth import get_user_model

    from xiezuo.core.models import Status
    from xiezuo.core.services import update_record
    from xiezuo.industry.models import Project

    draft = Project.objects.filter(status=Status.DRAFT).order_by("pk").first()
    if draft is None:
        raise SystemExit("the demo data has no draft project to write to (use --start cold or kept)")
    update_record(draft, {"note": f"页面基准测试写入 {time.strftime('%Y-%m-%d %H:%M:%S')}"},
                  get_user_model().objects.get(username="admin"))
    return f"{Project._meta.label} {draft.pk}"


def url_pools(username: str) -> dict[str, list[str]]:
    """The URLs one account requests, by kind: only records inside its own area (a 404 would cost nothing)."""
    from django.contrib.auth import get_user_model

    from xiezuo.core.registry import REGISTRY
    from xiezuo.geo.models import Region
    from xiezuo.partners.models import Organisation, Pairing

    user = get_user_model().objects.get(username=username)
    rng = random.Random(username)
    pools: dict[str, list[str]] = defaultdict(list)
    pools["home"] = ["/"]
    for rt in REGISTRY.values():
        if not rt.menu or not rt.home_count:
            continue  # the registry's millions are its own benchmark's business
        base = rt.url("list")
        pools["list"].append(base)
        ids = list(rt.model.objects.restrict(user).order_by("-pk").values_list("pk", flat=True)[:40])
        for pk in rng.sample(ids, min(len(ids), 4)):
            pools["detail"].append(rt.url("detail", pk))
            pools["api_detail"].append(f"/api/{rt.app_label}/{rt.model_name}/{pk}/")
        pools["api_list"].append(f"/api/{rt.app_label}/{rt.model_name}/")
    pools["list"] += ["/industry/project/?sort=-planned_investment", "/industry/project/?status=approved",
                      "/industry/project/?per_page=100"]
    for org in Organisation.objects.restrict(user).order_by("path")[:6]:
        pools["cooperation"].append(f"/cooperation/organisation/{org.pk}/")
    for pairing in Pairing.objects.restrict(user).order_by("pk")[:4]:
        pools["cooperation"].append(f"/cooperation/pairing/{pairing.pk}/")
    for code in ("522700000000", "520500000000", "440100000000"):
        if Region.objects.filter(code=code).exists():
            pools["cooperation"].append(f"/cooperation/region/{code}/")
    return {k: v for k, v in pools.items() if v}


def token_for(username: str) -> str:
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=get_user_model().objects.get(username=username))
    return token.key


class VirtualUser:
    def __init__(self, index: int, port: int, username: str, pools: dict, token: str):
        self.index, self.port, self.username = index, port, username
        self.pools, self.token = pools, token
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None
        self.rng = random.Random(index)
        self.plan = [kind for kind, n in MIX.items() for _ in range(n) if kind in pools]
        self.rng.shuffle(self.plan)
        self.step = 0

    def _conn(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return self.conn

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            conn = self._conn()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            conn.close()
            self.conn = None
        return response.status, data

    def sign_in(self) -> None:
        status, page = self.request("GET", "/login/")
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "username": self.username, "password": PASSWORD})
        status, _ = self.request("POST", "/login/", body, {
            "Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{self.port}/login/"})
        if status != 302:
            raise SystemExit(f"sign-in of {self.username} failed: HTTP {status}")

    def next_request(self) -> tuple[str, str, dict]:
        kind = self.plan[self.step % len(self.plan)]
        self.step += 1
        path = self.rng.choice(self.pools[kind])
        headers = {"Accept": "application/json", "Authorization": f"Token {self.token}"} \
            if kind.startswith("api") else {}
        return kind, path, headers


def run_phase(users: list[VirtualUser], seconds: float, think: float, record: bool) -> dict:
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def loop(vu: VirtualUser) -> None:
        # Users start spread over the first think interval, as people do.
        if think:
            time.sleep(vu.rng.uniform(0, think))
        while time.perf_counter() < stop_at:
            kind, path, headers = vu.next_request()
            if kind.startswith("api"):
                saved, vu.cookies = vu.cookies, {}
            start = time.perf_counter()
            try:
                status, _ = vu.request("GET", path, headers=headers)
            except Exception as exc:  # noqa: BLE001  (reported, never hidden)
                status = f"{type(exc).__name__}"
            elapsed = (time.perf_counter() - start) * 1000
            if kind.startswith("api"):
                vu.cookies = saved
            with lock:
                if status == 200:
                    results[kind].append(elapsed)
                else:
                    errors[kind].append(f"{status} {path}")
            if think:
                time.sleep(think)

    started = time.perf_counter()
    threads = [threading.Thread(target=loop, args=(vu,), daemon=True) for vu in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    if not record:
        return {}
    return summarise(results, errors, wall, think)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summarise(results, errors, wall: float, think: float) -> dict:
    everything = [v for vs in results.values() for v in vs]
    out = {"think_s": think, "seconds": round(wall, 1), "requests": len(everything),
           "errors": sum(len(v) for v in errors.values()),
           "throughput_rps": round(len(everything) / wall, 1),
           "p50_ms": round(pct(everything, 0.5), 1), "p95_ms": round(pct(everything, 0.95), 1), "kinds": {}}
    for kind in MIX:
        vs = results.get(kind, [])
        out["kinds"][kind] = {"n": len(vs), "errors": len(errors.get(kind, [])),
                              "p50_ms": round(pct(vs, 0.5), 1), "p95_ms": round(pct(vs, 0.95), 1),
                              "mean_ms": round(statistics.fmean(vs), 1) if vs else None}
    out["error_samples"] = sorted({e for es in errors.values() for e in es})[:5]
    return out


def print_phase(title: str, r: dict) -> None:
    print(f"\n{title}: {r['throughput_rps']} requests/s over {r['seconds']} s, {r['requests']} requests, "
          f"{r['errors']} errors; all p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms; server + database CPU "
          f"{r['server_cpu_ms_per_request']} ms a request (load average before {r['load_average_before']})")
    print(f"  {'kind':<12} {'n':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, k in r["kinds"].items():
        print(f"  {kind:<12} {k['n']:>6} {k['errors']:>6} {k['p50_ms']:>8} {k['p95_ms']:>8}")
    for sample in r["error_samples"]:
        print(f"  error: {sample}")


def wait_healthy(port: int, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"xiezuo serve stopped (exit {server.returncode})")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("xiezuo serve did not answer /healthz/ in time")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/xiezuo_bench_pages")
    ap.add_argument("--rebuild", action="store_true", help="drop the database and load the demo data again")
    ap.add_argument("--start", choices=("write", "cold", "kept"), default="write",
                    help="write: every cooperation page opened once, then a write (default); cold: the cache emptied; "
                         "kept: the figures an earlier run left are kept")
    ap.add_argument("--keep-cache", action="store_true", help="the same as --start kept")
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--duration", type=float, default=30, help="seconds per phase")
    ap.add_argument("--warmup", type=float, default=8)
    ap.add_argument("--think", type=float, default=1.0, help="think time of the second phase (seconds)")
    ap.add_argument("--serve-args", default="", help="extra options of `xiezuo serve`, e.g. \"--workers 3\"")
    ap.add_argument("--phases", default="saturation,think", help="which phases to run")
    ap.add_argument("--src", default="", help="serve the code of another checkout's src/ folder (a before/after "
                                               "comparison on the same database and machine)")
    args = ap.parse_args()

    print(f"machine: {os.cpu_count()} CPUs, load average before the run {os.getloadavg()[0]:.2f}, "
          f"reference workload {reference_ms():.0f} ms (single thread; higher = busier or slower machine)",
          flush=True)
    if args.keep_cache:
        args.start = "kept"
    prepare(args.pg_url, args.rebuild, args.start)
    pools = {name: url_pools(name) for name in ACCOUNTS}
    tokens = {name: token_for(name) for name in ACCOUNTS}
    from django.db import connections

    connections.close_all()

    port = free_port()
    var = Path(tempfile.mkdtemp(prefix="xiezuo-bench-pages-"))
    env = {**os.environ, "XIEZUO_DATABASE_URL": args.pg_url, "XIEZUO_DEBUG": "0", "XIEZUO_VAR_DIR": str(var),
           "XIEZUO_SECRET_KEY": secrets.token_urlsafe(50), "XIEZUO_LOG_LEVEL": "WARNING",
           # Far above any person; the throttle's bookkeeping still runs on every API request.
           "XIEZUO_API_RATE_USER": "1000000/min",
           # Connections kept for the whole run: the CPU of a database backend that closed would go uncounted.
           "XIEZUO_DB_CONN_MAX_AGE": "3600"}
    if args.src:
        env["PYTHONPATH"] = os.pathsep.join([str(Path(args.src).resolve()), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    command = [sys.executable, "-m", "xiezuo.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
               *shlex.split(args.serve_args)]
    print("server:", " ".join(command[2:]), flush=True)
    server = subprocess.Popen(command, env=env, cwd=str(ROOT), stdout=subprocess.DEVNULL,
                              stderr=open(var / "server.log", "w"))  # noqa: SIM115
    try:
        wait_healthy(port, server)
        users = []
        for i in range(args.users):
            name = ACCOUNTS[i % len(ACCOUNTS)]
            vu = VirtualUser(i, port, name, pools[name], tokens[name])
            vu.sign_in()
            users.append(vu)
        run_phase(users, args.warmup, 0, record=False)
        report = {"users": args.users, "cpus": os.cpu_count(), "serve_args": args.serve_args, "src": args.src,
                  "start": args.start}
        if args.start == "write":
            t0 = time.perf_counter()
            write_once()  # so that the pages are counted by this server (their record sets kept) when opened
            openers = [threading.Thread(target=lambda vu=vu: [vu.request("GET", path) for path in
                                                              vu.pools["cooperation"]])
                       for vu in users[:len(ACCOUNTS)]]  # one user of each account: each of its pages once
            for opener in openers:
                opener.start()
            for opener in openers:
                opener.join()
            written = write_once()
            print(f"every cooperation page opened once ({time.perf_counter() - t0:.0f} s), then {written} written",
                  flush=True)
        for phase in args.phases.split(","):
            think = 0.0 if phase == "saturation" else args.think
            load = os.getloadavg()[0]
            cpu_before = server_cpu_ms(server.pid, args.pg_url)
            r = run_phase(users, args.duration, think, record=True)
            cpu = server_cpu_ms(server.pid, args.pg_url) - cpu_before
            r["load_average_before"] = round(load, 2)
            # Contention-proof cost: CPU ms of the server and its database per request. On an idle machine of C
            # cores, saturation throughput is at most about C × 1000 / this.
            r["server_cpu_ms_per_request"] = round(cpu / max(1, r["requests"] + r["errors"]), 1)
            report[phase] = r
            print_phase(f"{phase} ({args.users} users, think {think:g} s)", r)
        report["reference_ms_after"] = round(reference_ms())
        print("\n" + json.dumps(report, ensure_ascii=False))
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
