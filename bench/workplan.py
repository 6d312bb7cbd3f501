"""Benchmark of the working mechanism's reporting: a year of monthly rounds for many units.

    .venv/bin/python bench/workplan.py                       # 100 units, 12 monthly rounds, SQLite
    .venv/bin/python bench/workplan.py --units 300 --pg-url postgres://postgres@127.0.0.1:5432/xiezuo_bench_wp

It builds a fresh database (migrate, regions, demo data), adds `--units` synthetic units under the Guangdong
office, one task each, and twelve monthly rounds of progress reports in 2021 due from all of them, where about
three units in four reported (approved reports, some after the due date). Then it times, warm (median of
`--runs`, Django's test client for pages):

- `round_page_ms`: one round's page with its completeness table (a row per unit);
- `reporting_rate_ms`: the figures `workplan.reporting_rate` + `timely_rate` for Guangdong over the year
  (every round's completeness table);
- `daily_job_s`: the daily job (automatic 催报 and deadline warnings) on the day after the last due date;
- `mail_per_s`: e-mails sent per second by `send_pending` through a real SMTP server (aiosmtpd on a local
  socket), for `--mails` pending notifications.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _database import fresh_database  # noqa: E402


def timed(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, default=100)
    ap.add_argument("--mails", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pg-url", default="", help="a PostgreSQL database to drop and recreate (default: SQLite)")
    args = ap.parse_args()
    fresh_database(args.pg_url, "xiezuo-bench-wp-")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    t0 = time.perf_counter()
    call_command("demo", "--no-serve")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    rounds = build(args.units)
    build_s = time.perf_counter() - t0
    print(f"loaded: demo {load_s:.0f} s, {args.units} units and 12 rounds {build_s:.0f} s", file=sys.stderr)

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from xiezuo.core import figures as registry
    from xiezuo.geo.models import Region
    from xiezuo.workplan.schedule import daily, send_pending

    setup_test_environment()
    admin = get_user_model().objects.get(username="gd_admin")
    client = Client()
    client.force_login(admin)
    result = {"database": "postgresql" if args.pg_url else "sqlite", "units": args.units, "rounds": len(rounds)}

    def page():
        response = client.get(rounds[-1].get_absolute_url())
        assert response.status_code == 200 and "round-completeness" in response.content.decode()
    result["round_page_ms"] = timed(page, args.runs)

    subject = registry.Subject("region", Region.objects.get(code="440000000000"), dt.date(2021, 1, 1),
                               dt.date(2021, 12, 31))
    values = {}

    def rate():
        values.update({f.key: f.value for f in registry.figures(
            admin, subject, keys=["workplan.reporting_rate", "workplan.timely_rate"])})
    result["reporting_rate_ms"] = timed(rate, args.runs)
    result["reporting_rate"], result["timely_rate"] = values["workplan.reporting_rate"], values["workplan.timely_rate"]

    day = timezone.make_aware(dt.datetime(2022, 1, 6, 9))
    start = time.perf_counter()
    summary = daily(day)
    result["daily_job_s"] = round(time.perf_counter() - start, 2)
    result["daily_reminders"] = summary["reminders"]

    from aiosmtpd.controller import Controller
    from django.conf import settings

    from xiezuo.workplan.choices import MailState
    from xiezuo.workplan.models import Notification

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            Sink.count += 1
            return "250 OK"

    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        admin.email = "bench@example.gov.cn"
        admin.save(update_fields=["email"])
        Notification.objects.bulk_create(
            Notification(user=admin, kind="reminder", title=f"基准通知 {i}", body="请尽快报送。", url="/",
                         mail_state=MailState.PENDING) for i in range(args.mails))
        start = time.perf_counter()
        sent = 0
        while Notification.objects.filter(mail_state=MailState.PENDING).exists():
            sent += send_pending()["sent"]
        elapsed = time.perf_counter() - start
        result["mails"] = sent
        result["mail_per_s"] = round(sent / elapsed, 1)
        assert Sink.count == sent
    finally:
        controller.stop()
    print(json.dumps(result, ensure_ascii=False))


def build(n: int) -> list:
    """`n` units with a task each, twelve monthly rounds of 2021, about three in four units reporting each month."""
    from django.utils import timezone

    from xiezuo.core.models import Status
    from xiezuo.core.services import create_record
    from xiezuo.partners.models import Organisation
    from xiezuo.workplan.models import ProgressReport, ReportingRound, Task

    office = Organisation.objects.get(name="广东省东西部协作办公室")
    units = [create_record(Organisation, {"name": f"基准单位{i:04d}", "short_name": f"基准{i}", "kind": "department",
                                          "region_id": "440100000000", "parent": office, "synthetic": True}, None)
             for i in range(n)]
    tasks = Task.objects.bulk_create(Task(title=f"基准任务{i}", lead_unit=u, level="city", region_id="440100000000",
                                          deadline=dt.date(2021, 12, 31), status=Status.APPROVED, synthetic=True)
                                     for i, u in enumerate(units))
    rounds = []
    for month in range(1, 13):
        first = dt.date(2021, month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        due = last + dt.timedelta(days=5)
        rnd = create_record(ReportingRound, {
            "title": f"2021年{month}月基准月报", "issuer": office, "region_id": "440000000000", "period_start": first,
            "period_end": last, "due_date": due, "record_types": "进展报告", "status": Status.APPROVED,
            "synthetic": True}, None, m2m={"due_units": units})
        rounds.append(rnd)
        reports = []
        for i, t in enumerate(tasks):
            if (i + month) % 4 == 0:
                continue  # this unit did not report this month
            reports.append(ProgressReport(task=t, report_date=last, percent=min(99, month * 8), content="基准进展",
                                          status=Status.APPROVED, synthetic=True))
        made = ProgressReport.objects.bulk_create(reports)
        for i, r in enumerate(made):
            late = i % 10 == 0
            when = timezone.make_aware(dt.datetime.combine(due + dt.timedelta(days=3 if late else -2), dt.time(10)))
            ProgressReport.objects.filter(pk=r.pk).update(created_at=when)
    return rounds


if __name__ == "__main__":
    main()
