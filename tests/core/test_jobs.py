"""Workers claim each job once; a killed worker's job fails visibly and can be rerun."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time

import pytest
from django.db import connection
from django.utils import timezone

from xiezuo.core import jobs
from xiezuo.core.models import Job

COUNTER: list[str] = []


@jobs.job_handler("test_count")
def _count(job, progress):
    COUNTER.append(str(job.pk))
    progress(50, "一半")
    return {"counted": True}


@pytest.fixture
def someone(user):
    return user("gd_admin")


@pytest.mark.django_db
def test_claim_is_conditional(someone):
    job = Job.objects.create(kind="test_count", title="t", user=someone)
    assert jobs.claim(job.pk, "w1") is True
    assert jobs.claim(job.pk, "w2") is False
    job.refresh_from_db()
    assert job.worker == "w1" and job.state == Job.State.RUNNING and job.attempts == 1


@pytest.mark.django_db
def test_a_job_a_user_waits_for_goes_before_older_background_jobs(someone):
    from xiezuo.assessment.summary import KIND

    assert KIND in jobs.BACKGROUND
    first = Job.objects.create(kind=KIND, title="summary", user=someone)
    Job.objects.filter(pk=first.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    waited_for = Job.objects.create(kind="test_count", title="import", user=someone)
    assert jobs.claim_next("w1").pk == waited_for.pk
    assert jobs.claim_next("w1").pk == first.pk  # taken once nothing else waits
    assert jobs.claim_next("w1") is None


@pytest.mark.django_db
def test_stale_running_job_is_failed_and_can_be_rerun(someone, login, settings):
    settings.XIEZUO_JOBS_EAGER = False
    job = Job.objects.create(kind="test_count", title="t", user=someone, state=Job.State.RUNNING,
                             heartbeat_at=timezone.now() - dt.timedelta(minutes=10))
    page = login("gd_admin").get(f"/jobs/{job.pk}/").content.decode()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "中断" in job.message
    assert "重新运行" in page
    response = login("gd_admin").post(f"/jobs/{job.pk}/rerun/")
    new = Job.objects.exclude(pk=job.pk).get(rerun_of=job)
    assert response.status_code == 302 and new.state == Job.State.QUEUED
    assert login("qiannan").get(f"/jobs/{new.pk}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_take_the_same_job(django_user_model):
    """Real concurrency: threads with their own connections race for the same queue (PostgreSQL or SQLite)."""
    owner = django_user_model.objects.create(username="job-owner")
    total = 40
    Job.objects.bulk_create([Job(kind="test_count", title=f"j{i}", user=owner) for i in range(total)])
    COUNTER.clear()
    claimed: dict[str, list] = {"a": [], "b": []}

    def worker(name):
        try:
            while True:
                job = jobs.claim_next(name)
                if job is None:
                    return
                claimed[name].append(str(job.pk))
                jobs.run(job)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in claimed]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    everything = claimed["a"] + claimed["b"]
    assert len(everything) == total == len(set(everything))
    assert sorted(COUNTER) == sorted(everything)
    assert Job.objects.filter(state=Job.State.SUCCEEDED).count() == total


@pytest.mark.django_db(transaction=True)
def test_worker_process_runs_an_export(django_user_model, tmp_path, worker_env):
    """`xiezuo worker --once` in its own process picks up a queued export and writes the file."""
    from xiezuo.partners.demo import load as load_partners  # noqa: F401  (demo data is flushed in this test)

    owner = django_user_model.objects.create_superuser(username="export-owner", password="x" * 12)
    job = Job.objects.create(kind="export_records", title="导出", user=owner,
                             params={"record_type": "partners.organisation", "query": "", "format": "csv"})
    env = worker_env
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "xiezuo.cli", "worker", "--once"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, job.message
    assert job.worker and str(os.getpid()) not in job.worker.split(":")[1]
    assert (tmp_path / job.result_file.name).exists()
    assert time.monotonic() - started < 120


@pytest.mark.django_db
def test_a_live_local_worker_is_not_reaped_even_without_heartbeat(someone):
    import socket

    alive = Job.objects.create(kind="test_count", title="busy", user=someone, state=Job.State.RUNNING,
                               worker=f"{socket.gethostname()}:{os.getpid()}:1",
                               heartbeat_at=timezone.now() - dt.timedelta(minutes=10))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    gone = Job.objects.create(kind="test_count", title="gone", user=someone, state=Job.State.RUNNING,
                              worker=f"{socket.gethostname()}:{dead.pid}:1", heartbeat_at=timezone.now())
    assert jobs.reap_stale() == 1
    alive.refresh_from_db()
    gone.refresh_from_db()
    assert alive.state == Job.State.RUNNING and gone.state == Job.State.FAILED
