"""Background jobs: a job table, handlers by kind, and workers that claim rows with a conditional UPDATE.

Several workers may run at once (on PostgreSQL, on several machines): a job is
taken by the one whose `UPDATE … WHERE state='queued'` changed the row. A
worker that dies leaves a `running` job whose heartbeat goes stale; any worker
(or the job page) then marks it failed, and a user can rerun it. Imports write
in one transaction, so a killed job leaves no partial data.

Between jobs, the loop also runs the periodic tasks whose slot has come (`core/periodic.py`: reminders,
e-mail), each slot claimed by one worker with a conditional UPDATE too.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Job
from .text import is_digits

log = logging.getLogger(__name__)
HANDLERS: dict[str, Callable] = {}
# Kinds nobody waits for on a page (summaries kept current after writes): a worker takes them only when no other
# job waits, so an import or export a user is watching never queues behind them.
BACKGROUND: set[str] = set()


class JobError(Exception):
    """A failure to show the user as is (Chinese text, no stack trace)."""


def job_handler(kind: str, background: bool = False):
    def register(func: Callable) -> Callable:
        HANDLERS[kind] = func
        if background:
            BACKGROUND.add(kind)
        return func

    return register


class Progress:
    """Handed to a handler: `progress(40, "校验第 4 万行")`. A heartbeat thread writes it to the row."""

    def __init__(self, job: Job, observer: Callable[[int, str], None] | None = None):
        self.job = job
        self.percent = job.progress
        self.message = job.message
        self.observer = observer  # the command line's progress bar
        self._asked_at = 0.0

    def __call__(self, percent: int, message: str = "") -> None:
        self.percent = max(0, min(100, int(percent)))
        if message:
            self.message = message
        if self.observer is not None:
            self.observer(self.percent, self.message)
        if settings.XIEZUO_JOBS_EAGER:
            return
        if not connection.in_atomic_block:
            Job.objects.filter(pk=self.job.pk).update(
                progress=self.percent, message=self.message, heartbeat_at=timezone.now()
            )


    def user_waiting(self) -> bool:
        """For a background job: whether a job a user asked for is waiting (asked at most twice a second).

        A worker runs one job at a time; a background handler that sees True stops where it is and calls
        `requeue`, so an import the user is watching starts at once instead of after the whole refresh.
        """
        if settings.XIEZUO_JOBS_EAGER or self.job.kind not in BACKGROUND:
            return False
        now = time.monotonic()
        if now - self._asked_at < 0.5:
            return False
        self._asked_at = now
        return Job.objects.filter(state=Job.State.QUEUED).exclude(kind__in=BACKGROUND).exists()


def requeue(job: Job) -> Job:
    """Queue a background job again to finish later what it left when it gave way (see Progress.user_waiting)."""
    return Job.objects.create(kind=job.kind, user=job.user, title=job.title, params=job.params)


def enqueue(kind: str, user, title: str, params: dict | None = None, input_file=None, input_name: str = "") -> Job:
    if kind not in HANDLERS:
        raise KeyError(kind)
    # The job speaks the language of who asked: its messages, error list and files (a worker has no request).
    params = {**(params or {}), "language": translation.get_language() or settings.LANGUAGE_CODE}
    job = Job(kind=kind, user=user, title=title, params=params, input_name=input_name)
    if input_file is not None:
        job.input_file.save(input_name or "upload", input_file, save=False)
    job.save()
    if settings.XIEZUO_JOBS_EAGER:
        claim(job.pk, "eager")
        run(Job.objects.get(pk=job.pk))
        job.refresh_from_db()
    return job


def rerun(job: Job, user) -> Job:
    new = Job.objects.create(
        kind=job.kind, user=user, title=job.title, input_file=job.input_file.name,
        params={**job.params, "language": translation.get_language() or settings.LANGUAGE_CODE},
        input_name=job.input_name, rerun_of=job,
    )
    if settings.XIEZUO_JOBS_EAGER:
        claim(new.pk, "eager")
        run(Job.objects.get(pk=new.pk))
        new.refresh_from_db()
    return new


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 10000}"


def claim(pk, worker: str) -> bool:
    now = timezone.now()
    return bool(
        Job.objects.filter(pk=pk, state=Job.State.QUEUED).update(
            state=Job.State.RUNNING, worker=worker, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1
        )
    )


def claim_next(worker: str) -> Job | None:
    """The oldest waiting job a user asked for, else the oldest background job."""
    queued = Job.objects.filter(state=Job.State.QUEUED).order_by("created_at")
    for jobs in (queued.exclude(kind__in=BACKGROUND), queued.filter(kind__in=BACKGROUND)):
        for pk in jobs.values_list("pk", flat=True)[:10]:
            if claim(pk, worker):
                return Job.objects.get(pk=pk)
    return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lost(job: Job, limit) -> bool:
    """A worker on this machine is lost when its process is gone; elsewhere, when its heartbeat is stale.

    The process check matters on SQLite, where a long import transaction keeps the
    heartbeat from being written although the worker is alive and busy.
    """
    parts = job.worker.split(":")
    if len(parts) >= 2 and parts[0] == socket.gethostname() and is_digits(parts[1]):
        return not _pid_alive(int(parts[1]))
    return job.heartbeat_at is None or job.heartbeat_at < limit


def reap_stale() -> int:
    """Mark running jobs whose worker is gone as failed (reads first, so it takes no lock when all is well)."""
    limit = timezone.now() - timedelta(seconds=settings.XIEZUO_JOB_STALE_SECONDS)
    lost = [job.pk for job in Job.objects.filter(state=Job.State.RUNNING).only("pk", "worker", "heartbeat_at")
            if _lost(job, limit)]
    if not lost:
        return 0
    return Job.objects.filter(pk__in=lost, state=Job.State.RUNNING).update(
        state=Job.State.FAILED, finished_at=timezone.now(),
        message=_("工作进程中断（可能被终止），任务未完成，数据未改动。可点击“重新运行”。"),
    )


class _Heartbeat(threading.Thread):
    """Writes progress and a heartbeat through its own connection, even while the job holds a transaction."""

    def __init__(self, job: Job, progress: Progress, every: float = 2.0):
        super().__init__(daemon=True)
        self.job, self.progress, self.every = job, progress, every
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            while not self.stop.wait(self.every):
                try:
                    Job.objects.filter(pk=self.job.pk, state=Job.State.RUNNING).update(
                        progress=self.progress.percent, message=self.progress.message,
                        heartbeat_at=timezone.now(),
                    )
                except Exception:  # SQLite may be locked by the job's own write; try again next beat
                    log.debug("heartbeat skipped", exc_info=True)
        finally:
            connection.close()


def run(job: Job, observer: Callable[[int, str], None] | None = None) -> Job:
    """Run a claimed job; `observer(percent, message)` hears its progress (the command line shows a bar)."""
    handler = HANDLERS[job.kind]
    progress = Progress(job, observer)
    beat = None if settings.XIEZUO_JOBS_EAGER else _Heartbeat(job, progress)
    if beat:
        beat.start()
    language = translation.get_language()
    translation.activate(job.params.get("language") or settings.LANGUAGE_CODE)
    try:
        summary = handler(job, progress) or {}
    except JobError as exc:
        _finish(job, Job.State.FAILED, str(exc))
    except Exception as exc:
        log.exception("job %s failed", job.pk)
        _finish(job, Job.State.FAILED, _("任务出错：%(error)s。详情已记录在服务器日志。") % {
            "error": exc.__class__.__name__}, detail=traceback.format_exc())
    else:
        job.summary = {**job.summary, **summary}
        _finish(job, Job.State.SUCCEEDED, progress.message if progress.message else _("完成"))
    finally:
        if language:
            translation.activate(language)
        else:
            translation.deactivate()
        if beat:
            beat.stop.set()
            beat.join(5)
    return job


def _finish(job: Job, state: str, message: str, detail: str = "") -> None:
    job.state = state
    job.message = message
    job.finished_at = timezone.now()
    if state == Job.State.SUCCEEDED:
        job.progress = 100
    if detail:
        job.summary = {**job.summary, "traceback": detail[-4000:]}
    job.save(update_fields=["state", "message", "finished_at", "progress", "summary", "errors",
                            "result_file", "error_file"])


# --- is a worker running? ---------------------------------------------------------------------------------
#
# Each worker notes the time in the shared cache (a table with PostgreSQL, files under var/ with SQLite) at
# every poll. A job page warns when a job waits and no worker has been seen for XIEZUO_JOB_STALE_SECONDS:
# otherwise an export queued with no worker running sits at "排队中 0%" with nothing to say why.

WORKER_SEEN_KEY = "xiezuo:worker-seen"


def note_worker_alive() -> None:
    from django.core.cache import cache

    try:
        cache.set(WORKER_SEEN_KEY, time.time(), None)
    except Exception:  # the cache is a convenience here; a worker never stops for it
        log.debug("worker presence not noted", exc_info=True)


def worker_seen_recently() -> bool:
    """True when jobs run in the request, or a worker was seen within XIEZUO_JOB_STALE_SECONDS."""
    from django.core.cache import cache

    if settings.XIEZUO_JOBS_EAGER:
        return True
    seen = cache.get(WORKER_SEEN_KEY)
    return seen is not None and time.time() - seen <= settings.XIEZUO_JOB_STALE_SECONDS


def worker_warning(jobs) -> str:
    """The warning a job page shows when one of `jobs` waits or runs and no worker has been seen lately."""
    from django.utils.translation import gettext as _

    waiting = any(job.state in (Job.State.QUEUED, Job.State.RUNNING) for job in jobs)
    if not waiting or worker_seen_recently():
        return ""
    return _("已有 %(seconds)s 秒没有工作进程运行，排队中的任务不会开始。请联系管理员启动工作进程"
             "（xiezuo worker）；启动后任务会自动继续。") % {"seconds": settings.XIEZUO_JOB_STALE_SECONDS}


def work(once: bool = False, poll: float = 1.0, max_jobs: int | None = None, periodic: bool = True) -> int:
    """The worker loop behind `xiezuo worker`: queued jobs, and the periodic tasks whose slot has come
    (`core.periodic`; each slot is claimed by one worker only)."""
    from .periodic import run_due

    me = worker_id()
    done = 0
    log.info("worker %s started", me)
    while True:
        close_old_connections()
        note_worker_alive()
        reap_stale()
        if periodic:
            try:
                run_due(worker=me)
            except DatabaseError:  # e.g. SQLite busy: the slot stays unclaimed and is tried at the next poll
                log.warning("worker %s: periodic tasks not run this time", me, exc_info=True)
        job = claim_next(me)
        if job is None:
            if once:
                return done
            time.sleep(poll)
            continue
        log.info("worker %s runs job %s (%s)", me, job.pk, job.kind)
        run(job)
        done += 1
        if max_jobs is not None and done >= max_jobs:
            return done
