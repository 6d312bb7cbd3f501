"""What the workers do for the working mechanism on a schedule (`core.periodic`), never in a request:

- `workplan.mail` (every `XIEZUO_EMAIL_EVERY_SECONDS`): the e-mail of every notification still pending, through
  Django's mail backend (`XIEZUO_EMAIL_*`). Each notification is claimed with a conditional UPDATE
  (pending → sending), so two workers never send the same mail; one that died mid-send leaves rows in
  “sending” that go back to pending after ten minutes.
- `workplan.daily` (once a day from `XIEZUO_REMINDER_HOUR`, local time): 催报 to every due unit that has not
  reported a round due within three days or overdue by up to 30 days, and warnings about tasks due within
  seven days or overdue. Each event has a key (`Notification.event`): a unit gets one automatic reminder per
  round per day, a task one warning per deadline and one when it becomes overdue, however often the job runs.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.periodic import DAY, HOUR, periodic

from .choices import MailState, NotificationKind, TaskState

log = logging.getLogger(__name__)

SOON_DAYS = 7          # a task due within this many days is announced
ROUND_AHEAD_DAYS = 3   # reminders start this many days before a round's due date…
ROUND_AFTER_DAYS = 30  # …and stop this many days after it
MAIL_BATCH = 500
STALE_SENDING = dt.timedelta(minutes=10)


# --- e-mail ---------------------------------------------------------------------------------------------

def mail_message(n) -> EmailMessage:
    """The e-mail of one notification: the same title and text, a link to the page, and how to turn it off."""
    site = settings.XIEZUO_SITE_URL.rstrip("/")
    lines = [n.title, ""]
    if n.body:
        lines += [n.body, ""]
    if n.url:
        lines += [_("查看详情：%(url)s") % {"url": f"{site}{n.url}"}, ""]
    lines += ["—— " + _("东西部协作平台"),
              _("不想再收到邮件通知，可在“通知”页关闭：%(url)s") % {"url": f"{site}/workplan/notifications/"}]
    subject = f"【{_('东西部协作平台')}】{n.title}"
    return EmailMessage(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [n.user.email])


def send_pending(now: dt.datetime | None = None, limit: int = MAIL_BATCH) -> dict:
    """Send the pending e-mails (oldest first), each claimed once. Returns counts for the run's summary."""
    from .models import Notification

    now = now or timezone.now()
    Notification.objects.filter(mail_state=MailState.SENDING, mailed_at__lt=now - STALE_SENDING) \
        .update(mail_state=MailState.PENDING)
    pks = list(Notification.objects.filter(mail_state=MailState.PENDING).order_by("pk")
               .values_list("pk", flat=True)[:limit])
    claimed = [pk for pk in pks if Notification.objects.filter(pk=pk, mail_state=MailState.PENDING)
               .update(mail_state=MailState.SENDING, mailed_at=now)]
    sent = failed = 0
    if not claimed:
        return {"sent": 0, "failed": 0}
    with translation.override(settings.LANGUAGE_CODE):
        connection = get_connection(fail_silently=False)
        try:
            connection.open()
        except Exception:
            log.exception("mail server unreachable")
            Notification.objects.filter(pk__in=claimed).update(mail_state=MailState.PENDING)
            raise
        try:
            for n in Notification.objects.filter(pk__in=claimed).select_related("user").order_by("pk"):
                try:
                    connection.send_messages([mail_message(n)])
                except Exception:
                    log.exception("e-mail of notification %s failed", n.pk)
                    state = MailState.FAILED
                    failed += 1
                else:
                    state = MailState.SENT
                    sent += 1
                Notification.objects.filter(pk=n.pk).update(mail_state=state, mailed_at=timezone.now())
        finally:
            connection.close()
    return {"sent": sent, "failed": failed}


# --- daily reminders ----------------------------------------------------------------------------------

def _once(event: str) -> bool:
    """True when no notification of this event exists yet (the event key makes the job idempotent)."""
    from .models import Notification

    return not Notification.objects.filter(event=event).exists()


def remind_late_units(today: dt.date) -> int:
    """Automatic 催报: every due unit that has not reported an open round (once per round, unit and day)."""
    from .models import ReportingRound
    from .rounds import LATE, ON_TIME, completeness, reminder_prefix, unit_members
    from .services import due_text, notify

    sent = 0
    rounds = ReportingRound._base_manager.exclude(status__in=("draft", "returned")).filter(
        due_date__gte=today - dt.timedelta(days=ROUND_AFTER_DAYS),
        due_date__lte=today + dt.timedelta(days=ROUND_AHEAD_DAYS))
    for rnd in rounds:
        for row in completeness(rnd, today):
            if row.status in (ON_TIME, LATE):
                continue  # a unit that has reported is never reminded
            event = f"{reminder_prefix(rnd, row.unit)}auto-{today.isoformat()}"
            if not _once(event):
                continue
            if today > rnd.due_date:
                title = _("催报：%(round)s已逾期 %(days)d 天（截止 %(due)s）") % {
                    "round": rnd.title, "days": (today - rnd.due_date).days, "due": rnd.due_date}
            else:
                title = _("催报：%(round)s（截止 %(due)s）") % {"round": rnd.title, "due": rnd.due_date}
            body = _("%(unit)s：请尽快报送%(types)s。") % {"unit": row.unit, "types": due_text(rnd)}
            sent += notify(unit_members(row.unit), NotificationKind.REMINDER, title, body, rnd.get_absolute_url(),
                           event)
    return sent


def warn_deadlines(today: dt.date) -> int:
    """Tasks due within seven days (once per deadline) and tasks that became overdue (once per deadline)."""
    from .models import Task
    from .progress import TaskBook
    from .rounds import unit_members
    from .services import notify

    book = TaskBook(today)
    sent = 0
    soon = today + dt.timedelta(days=SOON_DAYS)
    for task in Task._base_manager.exclude(status__in=("draft", "returned")).filter(deadline__lte=soon).select_related("lead_unit"):
        r = book[task.pk]
        if r.state == TaskState.DONE:
            continue
        if r.state == TaskState.OVERDUE:
            event = f"overdue:{task.pk}:{task.deadline.isoformat()}"
            title = _("任务已逾期：%(task)s（完成时限 %(deadline)s，进度 %(progress)d%%）") % {
                "task": task.title, "deadline": task.deadline, "progress": r.progress}
        else:
            event = f"due:{task.pk}:{task.deadline.isoformat()}"
            title = _("任务将于 %(days)d 天后到期：%(task)s（完成时限 %(deadline)s，进度 %(progress)d%%）") % {
                "days": (task.deadline - today).days, "task": task.title, "deadline": task.deadline,
                "progress": r.progress}
        if not _once(event):
            continue
        body = _("牵头单位：%(lead)s。请及时报告进展。") % {"lead": task.lead_unit}
        sent += notify(unit_members(task.lead_unit), NotificationKind.DEADLINE, title, body,
                       task.get_absolute_url(), event)
    return sent


def daily(now: dt.datetime | None = None) -> dict:
    today = timezone.localdate(now or timezone.now())
    with translation.override(settings.LANGUAGE_CODE):
        return {"day": today.isoformat(), "reminders": remind_late_units(today), "deadlines": warn_deadlines(today)}


def register() -> None:
    """Declared from `WorkplanConfig.ready()` (the intervals come from settings)."""
    periodic("workplan.mail", every=max(1, settings.XIEZUO_EMAIL_EVERY_SECONDS), title=gettext_lazy("发送邮件通知"))(
        lambda now: send_pending(now))
    periodic("workplan.daily", every=DAY, offset=settings.XIEZUO_REMINDER_HOUR % 24 * HOUR,
             title=gettext_lazy("催报与任务到期提醒"))(lambda now: daily(now))
