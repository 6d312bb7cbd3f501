"""A worker killed with SIGKILL in the middle of an import leaves nothing behind; the job fails and reruns."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from xiezuo.core import jobs
from xiezuo.core.models import Job
from xiezuo.registry.models import Household, Member

from .helpers import COL, csv_bytes, registry_rows


@pytest.mark.django_db(transaction=True)
def test_killed_worker_leaves_no_partial_data_and_the_job_can_be_rerun(django_user_model, tmp_path, settings,
                                                                     worker_env):
    from xiezuo.core.management.commands.demo import load_demo
    from xiezuo.geo.loader import load_regions

    if not Region_loaded():
        load_regions()
        load_demo()
    owner = django_user_model.objects.get(username="bijie_dafang")
    # Large enough that the writing transaction lasts well beyond the half second the test waits before the kill.
    rows = registry_rows(100_000, seed=21)
    settings.MEDIA_ROOT = tmp_path
    job = Job(kind="registry_import", user=owner, title="被终止的导入", input_name="big.csv")
    job.input_file.save("big.csv", ContentFile(csv_bytes(rows)), save=False)
    job.save()
    env = worker_env
    worker = subprocess.Popen([sys.executable, "-m", "xiezuo.cli", "worker", "--once"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state == Job.State.RUNNING and job.progress >= 62:  # validated; the writing transaction begins
            break
        assert worker.poll() is None, "the worker finished before it could be killed"
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    job.refresh_from_db()
    assert job.state == Job.State.RUNNING, "the job still looks running until its heartbeat goes stale"
    numbers = {r[COL["户编号"]] for r in rows}
    assert not Household.objects.filter(number__in=list(numbers)[:500]).exists()
    assert not Member.objects.filter(import_job=job).exists()
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    assert jobs.reap_stale() == 1
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "中断" in job.message
    settings.XIEZUO_JOBS_EAGER = True
    again = jobs.rerun(job, owner)
    assert again.state == Job.State.SUCCEEDED, (again.message, again.errors[:3])
    assert Member.objects.filter(import_job=again).count() == len(rows)


def Region_loaded() -> bool:  # noqa: N802
    from xiezuo.geo.models import Region

    return Region.objects.filter(level=5).exists()


def test_a_killed_imports_scratch_folder_is_removed_a_day_later(tmp_path, monkeypatch):
    """A killed worker leaves its scratch folder (the keys on disk); the next import removes it once a day old,
    and leaves a recent one (an import still running) alone."""
    import os
    import tempfile
    import time

    from xiezuo.registry.importing import pipeline

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old, recent = tmp_path / "registry-import-old", tmp_path / "registry-import-recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "households-000.arrows").write_bytes(b"x" * 10)
    day_ago = time.time() - pipeline.STALE_FOLDER_SECONDS - 60
    os.utime(old, (day_ago, day_ago))
    pipeline.remove_stale_folders()
    assert not old.exists() and recent.exists()
