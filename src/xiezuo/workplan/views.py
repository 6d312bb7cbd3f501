"""Pages of the working mechanism beyond the registered record pages: panels on detail pages, the overdue
table with its Excel export, escalation, reminders, the notification list and the home-page panel.

Every object is fetched through `restrict(user)` (outside the area: 404) and every write goes through an
action function.
"""

from __future__ import annotations

import datetime as dt
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from xiezuo.core.figures import cached
from xiezuo.core.permissions import can
from xiezuo.core.tabular import write_xlsx
from xiezuo.core.text import is_digits

from .choices import MailState, TaskState
from .models import Decision, Notification, ProgressReport, ReportingRound, SupervisionNotice, Task
from .progress import TaskBook
from .rounds import LATE, ON_TIME, completeness, summary


def _today(request) -> dt.date:
    return timezone.localdate()


def decision_context(request, decision: Decision) -> dict:
    book = TaskBook(_today(request))
    tasks = Task.objects.restrict(request.user).filter(decision=decision, parent__isnull=True) \
        .select_related("lead_unit")
    return {"decision_tasks": [(t, book[t.pk]) for t in tasks], "can_add_task": can(request.user, "add", Task)}


def task_context(request, task: Task) -> dict:
    user = request.user
    book = TaskBook(_today(request))
    visible = set(Task.objects.restrict(user).values_list("pk", flat=True))
    by_pk = Task._base_manager.select_related("lead_unit").in_bulk([pk for pk, _d in book.subtree(task.pk)])
    subtree = [(by_pk[pk], depth, book[pk], pk in visible) for pk, depth in book.subtree(task.pk)]
    r = book[task.pk]
    return {
        "task_reading": r, "subtree": subtree,
        "reports": ProgressReport.objects.restrict(user).filter(task=task).order_by("-report_date", "-pk"),
        "notices": SupervisionNotice.objects.restrict(user).filter(task=task),
        "milestone_rows": task.milestone_list(),
        "can_report": can(user, "add", ProgressReport) and not subtree and r.state != TaskState.DONE,
        "can_split": can(user, "add", Task),
        "can_escalate": r.state == TaskState.OVERDUE and can(user, "add", SupervisionNotice),
    }


def round_context(request, rnd: ReportingRound) -> dict:
    rows = completeness(rnd, _today(request))
    # One column per due record type (records of the unit in the period) and per due figure (approved records
    # the figure counts for the unit, linked to them).
    keys = [(rt.key, rt.verbose_name) for rt in rnd.due_types()]
    keys += [(f.key, _("%(figure)s（已审核记录）") % {"figure": f.label}) for f in rnd.due_figures()]
    for row in rows:
        row.cells = [(row.by_type.get(k, 0), row.links.get(k, "")) for k, _label in keys]
    return {"round_rows": rows, "round_summary": summary(rows), "round_columns": [label for _k, label in keys],
            "can_remind": can(request.user, "add", ReportingRound)}


def organisation_context(request, org) -> dict:
    """A unit's page lists the tasks it leads (with the units it supervises), grouped by today's state."""
    book = TaskBook(_today(request))
    tasks = Task.objects.restrict(request.user).filter(lead_unit__path__startswith=org.path) \
        .select_related("lead_unit").order_by("deadline", "pk")
    # What needs attention first.
    order = (TaskState.OVERDUE, TaskState.IN_PROGRESS, TaskState.NOT_STARTED, TaskState.DONE)
    groups = {s.value: [] for s in order}
    for t in tasks:
        groups[book[t.pk].state].append((t, book[t.pk]))
    return {"unit_task_groups": [(TaskState(k).label, v) for k, v in groups.items() if v]}


def overdue_rows(user, region: str = "", day: dt.date | None = None):
    """Every overdue task inside the reader's area (and `region`, a code prefix), most overdue first."""
    from xiezuo.core.ledger import region_q

    book = TaskBook(day or timezone.localdate())
    qs = Task.objects.restrict(user).filter(pk__in=book.pks_in(TaskState.OVERDUE))
    if region:
        qs = qs.filter(pk__in=Task._base_manager.filter(region_q(("region", "lead_unit"), region)).values("pk"))
    qs = qs.select_related("lead_unit", "region", "supervisor", "parent")
    counts = {}
    for task_id in SupervisionNotice._base_manager.filter(task__in=qs).values_list("task_id", flat=True):
        counts[task_id] = counts.get(task_id, 0) + 1
    rows = [(t, book[t.pk], counts.get(t.pk, 0)) for t in qs]
    rows.sort(key=lambda row: (-row[1].days_overdue, row[0].pk))
    return rows


OVERDUE_HEADERS = (gettext_noop("任务名称"), gettext_noop("牵头单位"), gettext_noop("责任层级"),
                   gettext_noop("责任地区"), gettext_noop("上级任务"), gettext_noop("完成时限"),
                   gettext_noop("逾期天数"), gettext_noop("完成进度（%）"), gettext_noop("督办次数"), gettext_noop("编号"))


@login_required
def overdue(request, code: str = ""):
    from xiezuo.core.scope import code_prefix

    region = (code_prefix(code) if code else request.GET.get("region", "")).strip()
    rows = overdue_rows(request.user, region)
    if request.GET.get("format") == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(buffer, [_(h) for h in OVERDUE_HEADERS], (
            [t.title, str(t.lead_unit), t.get_level_display(), str(t.region), str(t.parent or ""), t.deadline,
             r.days_overdue, r.progress, n, t.pk] for t, r, n in rows), sheet=_("逾期任务"))
        buffer.seek(0)
        stamp = timezone.localdate().isoformat()
        return FileResponse(buffer, as_attachment=True, filename=f"逾期任务-{stamp}.xlsx")
    from xiezuo.geo.models import Region

    place = Region.objects.filter(code=region.ljust(12, "0")).first() if is_digits(region) else None
    return render(request, "workplan/overdue.html", {"rows": rows, "region": region, "place": place,
                                                     "headers": [_(h) for h in OVERDUE_HEADERS[:-1]]})


@login_required
@require_POST
def escalate_task(request, pk):
    from .services import escalate

    task = get_object_or_404(Task.objects.restrict(request.user), pk=pk)
    try:
        notice = escalate(task, request.user, _today(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect(task.get_absolute_url())
    messages.success(request, _("已升级督办至“%(unit)s”。") % {"unit": notice.addressee})
    return redirect(notice.get_absolute_url())


@login_required
@require_POST
def remind_unit(request, pk, unit):
    from .services import remind

    rnd = get_object_or_404(ReportingRound.objects.restrict(request.user), pk=pk)
    org = get_object_or_404(rnd.due_units.all(), pk=unit)
    try:
        n = remind(rnd, org, request.user, _today(request))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("已向“%(unit)s”催报（%(n)d 人收到通知）。") % {"unit": org, "n": n})
    return redirect(rnd.get_absolute_url())


@login_required
def notifications(request):
    from .models import NotificationSetting

    items = Notification.objects.filter(user=request.user)
    setting = NotificationSetting.objects.filter(user=request.user).first()
    email_on = setting.email if setting else True
    if request.method == "POST":
        if "email" in request.POST:
            # The user's own switch: e-mail for the notifications to come (pending ones are no longer sent).
            on = request.POST["email"] == "on"
            NotificationSetting.objects.update_or_create(user=request.user, defaults={"email": on})
            if not on:
                items.filter(mail_state=MailState.PENDING).update(mail_state=MailState.NONE)
            messages.success(request, _("已开启邮件通知。") if on else _("已关闭邮件通知。"))
        else:
            items.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("workplan:notifications")
    return render(request, "workplan/notifications.html", {"items": items[:200], "email_on": email_on,
                                                           "email_address": request.user.email})


def home_panel(request) -> dict | None:
    """On a due unit's home page: the open reporting rounds it must answer, and its own tasks due or overdue."""
    profile = getattr(request.user, "profile", None)
    org = getattr(profile, "organisation", None)
    if org is None:
        return None
    today = _today(request)
    # Kept per unit, day and state of the data like the page's other counts (every write moves the state).
    found = cached(request.user, f"workplan-home:{org.pk}:{today}", lambda: _due(org, today))
    if not found["wp_rounds"] and not found["wp_tasks"]:
        return None
    return {**found, "wp_unit": org}


def _due(org, today: dt.date) -> dict:
    rounds = []
    # Rounds due from the user's unit or a unit above it: those still owed, and those reported in the last 60 days.
    above = [int(p) for p in org.path.strip("/").split("/") if p]
    for rnd in ReportingRound.objects.filter(due_units__in=above).distinct().order_by("due_date"):
        row = next((r for r in completeness(rnd, today) if org.path.startswith(r.unit.path)), None)
        if row is not None and row.status in (ON_TIME, LATE) and rnd.due_date < today - dt.timedelta(days=60):
            continue
        rounds.append((rnd, row))
    book = TaskBook(today)
    soon = today + dt.timedelta(days=7)
    tasks = [(t, book[t.pk]) for t in Task._base_manager.filter(lead_unit__path__startswith=org.path)
             .select_related("lead_unit").order_by("deadline")
             if book[t.pk].state == TaskState.OVERDUE
             or (book[t.pk].state != TaskState.DONE and t.deadline <= soon)]
    return {"wp_rounds": rounds, "wp_tasks": tasks}


def nav_item(request) -> dict:
    from django.urls import reverse

    from .services import unread_count

    return {"url": reverse("workplan:notifications"), "icon": "bi-bell", "label": _("通知"),
            "count": unread_count(request.user)}
