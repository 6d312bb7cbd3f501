"""E-mail and scheduled reminders as a unit meets them: a reminder reaches the unit's mailbox through a real SMTP
server, sent by the worker and not in the request; a user turns e-mail off; the daily job reminds late units and
warns of deadlines once a day, however many workers run it; the real `xiezuo worker` process does all this."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from django.utils import timezone

from xiezuo.core.periodic import PeriodicRun, forget_tried, run_due
from xiezuo.partners.models import Organisation
from xiezuo.workplan.demo import ROUND_TITLE
from xiezuo.workplan.models import Notification, ReportingRound

from .smtp import smtp_server, smtp_settings  # noqa: F401  (fixtures)

DAFANG = "大方县东西部协作工作办公室"
COUNTY_TASK = "大方县组织贫困劳动力赴粤就业"


def at(day: str, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


@pytest.fixture(autouse=True)
def _fresh_worker():
    forget_tried()  # each test is a fresh worker process as far as the periodic tasks go
    yield
    forget_tried()


@pytest.fixture
def dafang_mail(user):
    u = user("bijie_dafang")
    u.email = "dafang@example.gov.cn"
    u.save(update_fields=["email"])
    return u


@pytest.mark.django_db
def test_a_reminder_reaches_the_units_mailbox_through_smtp(login, dafang_mail, smtp_settings):  # noqa: F811
    rnd = ReportingRound.objects.get(title=ROUND_TITLE)
    unit = Organisation.objects.get(name=DAFANG)
    response = login("gd_admin").post(f"/workplan/reportinground/{rnd.pk}/remind/{unit.pk}/", follow=True)
    assert "已向“大方县东西部协作工作办公室”催报（1 人收到通知）" in response.content.decode()
    note = Notification.objects.get(user=dafang_mail, kind="reminder", event__startswith=f"reminder:{rnd.pk}:")
    assert note.mail_state == "pending"
    assert smtp_settings.envelopes == [], "no mail is sent in the request"

    assert run_due(at("2026-01-05"), names={"workplan.mail"}) == ["workplan.mail"]
    [(recipients, message)] = smtp_settings.wait_for(1)
    assert recipients == ["dafang@example.gov.cn"]
    assert message["To"] == "dafang@example.gov.cn" and message["From"] == "xiezuo@example.gov.cn"
    assert message["Subject"].strip() == f"【东西部协作平台】催报：{ROUND_TITLE}（截止 2020-12-05）"
    body = message.get_content()
    assert "大方县东西部协作工作办公室：请尽快报送进展报告。" in body
    assert f"查看详情：https://xiezuo.example.gov.cn/workplan/reportinground/{rnd.pk}/" in body
    assert "不想再收到邮件通知，可在“通知”页关闭" in body
    note.refresh_from_db()
    assert note.mail_state == "sent" and note.mailed_at is not None
    run = PeriodicRun.objects.get(name="workplan.mail")
    assert run.summary == {"sent": 1, "failed": 0} and run.error == ""
    assert "已发邮件" in login("bijie_dafang").get("/workplan/notifications/").content.decode()

    # The next slot sends nothing again: each mail once.
    forget_tried()
    assert run_due(at("2026-01-05") + dt.timedelta(minutes=5), names={"workplan.mail"}) == ["workplan.mail"]
    assert len(smtp_settings.envelopes) == 1


@pytest.mark.django_db
def test_a_user_turns_email_off(login, dafang_mail, smtp_settings):  # noqa: F811
    rnd = ReportingRound.objects.get(title=ROUND_TITLE)
    unit = Organisation.objects.get(name=DAFANG)
    client = login("bijie_dafang")
    page = client.get("/workplan/notifications/").content.decode()
    assert "通知同时发送到邮箱 dafang@example.gov.cn" in page
    page = client.post("/workplan/notifications/", {"email": "off"}, follow=True).content.decode()
    assert "已关闭邮件通知" in page and "邮件通知已关闭" in page
    login("gd_admin").post(f"/workplan/reportinground/{rnd.pk}/remind/{unit.pk}/")
    note = Notification.objects.filter(user=dafang_mail, kind="reminder").latest("pk")
    assert note.mail_state == ""  # in the bell, not in the mailbox
    run_due(at("2026-01-05"), names={"workplan.mail"})
    assert smtp_settings.envelopes == []
    # On again: the next notification is mailed.
    client.post("/workplan/notifications/", {"email": "on"})
    login("gd_admin").post(f"/workplan/reportinground/{rnd.pk}/remind/{unit.pk}/")
    forget_tried()
    run_due(at("2026-01-05", 10), names={"workplan.mail"})
    assert [r for r, _m in smtp_settings.wait_for(1)] == [["dafang@example.gov.cn"]]


def automatic(user, day: str) -> list[str]:
    return list(Notification.objects.filter(user=user, event__contains=f":auto-{day}").values_list("title", flat=True))


@pytest.mark.django_db
def test_the_daily_job_reminds_late_units_and_warns_of_deadlines_once_a_day(user):
    dafang, gd = user("bijie_dafang"), user("gd_admin")
    before = Notification.objects.count()
    # The day after the November round's due date (2020-12-05), at 09:00: after the 08:00 start of the day's slot.
    assert run_due(at("2020-12-06"), names={"workplan.daily"}) == ["workplan.daily"]
    assert automatic(dafang, "2020-12-06") == [f"催报：{ROUND_TITLE}已逾期 1 天（截止 2020-12-05）"]
    reminded = set(Notification.objects.filter(event__contains=":auto-2020-12-06").values_list("event", flat=True))
    units = {Organisation.objects.get(pk=int(e.split(":")[2])).name for e in reminded}
    # Dafang has not reported; the units that reported (on time or late) are never reminded; Huangpu (returned)
    # has no user to receive it.
    assert units == {DAFANG}
    overdue = Notification.objects.filter(user=dafang, kind="deadline")
    assert [n.title for n in overdue] == [f"任务已逾期：{COUNTY_TASK}（完成时限 2020-11-30，进度 60%）"]
    run = PeriodicRun.objects.get(name="workplan.daily")
    assert run.summary["day"] == "2020-12-06" and run.summary["reminders"] >= 1 and run.error == ""
    made = Notification.objects.count() - before

    # A second worker the same day: the slot is taken, nothing runs; the job itself run again adds nothing.
    forget_tried()
    assert run_due(at("2020-12-06", 15), names={"workplan.daily"}) == []
    from xiezuo.workplan.schedule import daily

    daily(at("2020-12-06", 16))
    assert Notification.objects.count() - before == made

    # The next day: one more reminder to the late unit; the overdue task is not announced again.
    forget_tried()
    assert run_due(at("2020-12-07"), names={"workplan.daily"}) == ["workplan.daily"]
    assert len(automatic(dafang, "2020-12-07")) == 1
    assert Notification.objects.filter(user=dafang, kind="deadline").count() == 1
    # Before the due date, the reminder says when it is due; a task due within 7 days is announced to its unit.
    forget_tried()
    run_due(at("2020-12-03"), names={"workplan.daily"})  # an earlier slot than the one claimed: not run
    assert automatic(dafang, "2020-12-03") == []
    daily(at("2020-12-03"))
    assert automatic(dafang, "2020-12-03") == [f"催报：{ROUND_TITLE}（截止 2020-12-05）"]
    assert not Notification.objects.filter(user=gd, event__contains=":auto-").exists()


@pytest.mark.django_db
def test_a_task_due_soon_is_announced_to_its_lead_unit(user):
    from xiezuo.core.services import create_record
    from xiezuo.workplan.models import Task
    from xiezuo.workplan.schedule import daily

    dafang = user("bijie_dafang")
    t = create_record(Task, {"title": "七日内到期任务", "lead_unit": Organisation.objects.get(name=DAFANG),
                             "level": "county", "region_id": "520521000000", "deadline": dt.date(2031, 3, 10),
                             "status": "approved"}, user("admin"))
    assert Notification.objects.filter(user=dafang, kind="task", title="新任务：七日内到期任务（完成时限 2031-03-10）") \
        .exists(), "the lead unit hears of its new task"
    daily(at("2031-03-01"))
    assert not Notification.objects.filter(user=dafang, event=f"due:{t.pk}:2031-03-10").exists()
    daily(at("2031-03-05"))
    daily(at("2031-03-06"))
    [note] = Notification.objects.filter(user=dafang, event=f"due:{t.pk}:2031-03-10")
    assert note.title == "任务将于 5 天后到期：七日内到期任务（完成时限 2031-03-10，进度 0%）"
    assert note.url == t.get_absolute_url()


@pytest.fixture
def demo_data(django_user_model):
    """Committing tests flush the database afterwards; the demo is reloaded if an earlier one flushed it."""
    if not django_user_model.objects.filter(username="bijie_dafang").exists() \
            or not ReportingRound.objects.filter(title=ROUND_TITLE).exists():
        from xiezuo.core.management.commands.demo import load_demo
        from xiezuo.geo.loader import load_regions

        load_regions()
        load_demo()


@pytest.mark.django_db(transaction=True)
def test_the_worker_process_sends_the_mail_and_runs_the_daily_job_once(demo_data, dafang_mail, smtp_server,  # noqa: F811
                                                                       worker_env):
    from xiezuo.workplan.services import remind

    rnd = ReportingRound.objects.get(title=ROUND_TITLE)
    remind(rnd, Organisation.objects.get(name=DAFANG), django_admin())
    assert Notification.objects.filter(user=dafang_mail, mail_state="pending").exists()
    env = {**worker_env, "XIEZUO_EMAIL_HOST": "127.0.0.1", "XIEZUO_EMAIL_PORT": str(smtp_server.port),
           "XIEZUO_EMAIL_FROM": "xiezuo@example.gov.cn", "XIEZUO_SITE_URL": "https://xiezuo.example.gov.cn"}
    env.pop("XIEZUO_EMAIL_BACKEND", None)
    # Two workers at once: each periodic slot is claimed by one of them.
    workers = [subprocess.Popen([sys.executable, "-m", "xiezuo.cli", "worker", "--once"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for w in workers:
        _out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err[-2000:]
    messages = smtp_server.wait_for(1)
    subjects = [m["Subject"].strip() for _r, m in messages]
    assert f"【东西部协作平台】催报：{ROUND_TITLE}（截止 2020-12-05）" in subjects
    assert all(r == ["dafang@example.gov.cn"] for r, _m in messages)
    # Every mail once (the reminder and the day's overdue-task warning, sent by whichever worker claimed them).
    assert len(subjects) == len(set(subjects))
    daily_run = PeriodicRun.objects.get(name="workplan.daily")
    assert daily_run.runs == 1 and daily_run.error == "" and daily_run.finished_at is not None
    assert Notification.objects.filter(user=dafang_mail, kind="deadline",
                                       title__startswith=f"任务已逾期：{COUNTY_TASK}").count() == 1
    assert Notification.objects.get(user=dafang_mail, kind="reminder").mail_state == "sent"


def django_admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="admin")


@pytest.mark.django_db
def test_periodic_tasks_write_in_the_sites_language():
    """A worker started from an English terminal (`xiezuo` follows LANG) writes what users read in the site's
    language: the task runs with the default language active, and the worker's own language is back afterwards."""
    from django.utils import translation
    from django.utils.translation import gettext

    from xiezuo.core.periodic import DAY, PERIODIC, periodic

    periodic("tests.language", every=DAY)(lambda now: {"said": gettext("是")})
    try:
        with translation.override("en"):
            assert run_due(at("2026-01-05"), names={"tests.language"}) == ["tests.language"]
            assert translation.get_language() == "en"
        assert PeriodicRun.objects.get(name="tests.language").summary == {"said": "是"}
    finally:
        PERIODIC.pop("tests.language")
