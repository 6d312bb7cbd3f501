"""Actions of the working mechanism: escalate an overdue task, remind a late unit, and notify people.

Escalations are supervision notices and go through `core.services.create_record` like every write
(audit row, validation). Notifications are written by a receiver on the audit trail, so a notice entered on
the page, by import or through the API notifies its addressee the same way, and every channel's returns and
approvals reach the person who entered the record.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezuo.core.models import ChangeRecord
from xiezuo.core.permissions import can
from xiezuo.core.services import create_record

from .choices import MailState, NoticeKind, NotificationKind, TaskState
from .progress import reading
from .rounds import LATE, ON_TIME, completeness, reminder_prefix, unit_members


def notify(users, kind: str, title: str, body: str = "", url: str = "", event: str = "") -> int:
    """One notification per user; e-mail pending for those with an address who have not turned it off (a worker
    sends it: `workplan.mail`)."""
    from .models import Notification, NotificationSetting

    people = {u.pk: u for u in users}
    off = set(NotificationSetting.objects.filter(user__in=list(people), email=False).values_list("user_id", flat=True))
    rows = [Notification(user=u, kind=kind, title=title[:300], body=body, url=url[:300], event=event,
                         mail_state=MailState.PENDING if u.email and u.pk not in off else MailState.NONE)
            for u in people.values()]
    Notification.objects.bulk_create(rows)
    return len(rows)


def unread_count(user) -> int:
    from .models import Notification

    return Notification.objects.filter(user=user, read_at__isnull=True).count()


@transaction.atomic
def escalate(task, acting_user, today: dt.date | None = None, due_in_days: int = 10):
    """An overdue task goes to the level above: a 升级督办 notice addressed to the lead unit's parent."""
    from .models import SupervisionNotice

    today = today or timezone.localdate()
    if not can(acting_user, "add", SupervisionNotice):
        raise PermissionDenied(_("您无权下发督办单。"))
    r = reading(task, today)
    if r.state != TaskState.OVERDUE:
        raise ValidationError(_("只有逾期任务才能升级督办（该任务当前为“%(state)s”）。") % {"state": r.state_label})
    # Issued by the escalating user's unit (else the task's supervising unit), addressed to the first unit above
    # the lead unit that is not the issuer itself: an escalation never lands on the unit that sends it.
    issuer = getattr(getattr(acting_user, "profile", None), "organisation", None) or task.supervisor
    above = task.lead_unit.parent
    if above is None:
        raise ValidationError(_("牵头单位“%(unit)s”没有上级单位，无法升级督办。") % {"unit": task.lead_unit})
    while above is not None and issuer is not None and above.pk == issuer.pk:
        above = above.parent
    if above is None:
        raise ValidationError(_("牵头单位“%(unit)s”的上级单位“%(issuer)s”就是督办单位本身，没有更上一级单位，"
                                "无法升级督办：请直接下发督办单。") % {"unit": task.lead_unit, "issuer": issuer})
    issuer = issuer or above
    return create_record(SupervisionNotice, {
        "task": task, "kind": NoticeKind.ESCALATION, "issuer": issuer, "addressee": above,
        "issued_on": today, "due_date": today + dt.timedelta(days=due_in_days),
        "content": _("任务“%(task)s”已逾期 %(days)d 天（完成时限 %(deadline)s，进度 %(progress)d%%），"
                     "升级由上级单位督促落实。") % {"task": task.title, "days": r.days_overdue,
                                               "deadline": task.deadline, "progress": r.progress},
    }, acting_user, note=_("升级督办"))


def remind(rnd, unit, acting_user, today: dt.date | None = None) -> int:
    """催报: notify every member of a late unit. Refused for a unit that has reported."""
    if not can(acting_user, "change", type(rnd)) and not can(acting_user, "add", type(rnd)):
        raise PermissionDenied(_("您无权催报。"))
    rows = {r.unit.pk: r for r in completeness(rnd, today)}
    row = rows.get(unit.pk)
    if row is None:
        raise ValidationError(_("“%(unit)s”不是该填报任务的报送单位。") % {"unit": unit})
    if row.status in (ON_TIME, LATE):
        raise ValidationError(_("“%(unit)s”已报送，无需催报。") % {"unit": unit})
    members = list(unit_members(unit))
    if not members:
        raise ValidationError(_("“%(unit)s”还没有用户账号，催报无法送达：请先为该单位开通账号。") % {"unit": unit})
    event = f"{reminder_prefix(rnd, unit)}{uuid.uuid4().hex[:12]}"
    title = _("催报：%(round)s（截止 %(due)s）") % {"round": rnd.title, "due": rnd.due_date}
    body = _("%(unit)s：请尽快报送%(types)s。") % {"unit": unit, "types": due_text(rnd)}
    return notify(members, NotificationKind.REMINDER, title, body, rnd.get_absolute_url(), event)


def due_text(rnd) -> str:
    """What a round asks for, in words: its record types and figures."""
    return "、".join([str(rt.verbose_name) for rt in rnd.due_types()] + [str(f.label) for f in rnd.due_figures()])


def on_change(sender, instance: ChangeRecord, created: bool, **kwargs) -> None:
    """Notifications from the audit trail: returns and approvals of any record, notices and rounds."""
    if not created:
        return
    model = instance.content_type.model_class()
    if model is None:
        return
    action = instance.action
    if action in (ChangeRecord.Action.RETURN, ChangeRecord.Action.APPROVE):
        obj = model._base_manager.filter(pk=instance.object_id).first()
        if obj is None:
            return
        people = [u for u in (getattr(obj, "created_by", None), getattr(obj, "submitted_by", None)) if u]
        people = [u for u in people if u != instance.user]
        if action == ChangeRecord.Action.RETURN:
            notify(people, NotificationKind.RETURNED, _("已退回：%(obj)s") % {"obj": instance.object_repr},
                   _("退回原因：%(reason)s") % {"reason": instance.note}, _url(obj))
        else:
            notify(people, NotificationKind.APPROVED, _("已审核：%(obj)s") % {"obj": instance.object_repr},
                   "", _url(obj))
        return
    if action == ChangeRecord.Action.SUBMIT:
        obj = model._base_manager.filter(pk=instance.object_id).first()
        if obj is not None:
            notify(reviewers(obj), NotificationKind.WAITING,
                   _("待审核：%(obj)s") % {"obj": instance.object_repr}, "", _url(obj))
        return
    if action != ChangeRecord.Action.CREATE:
        return
    label = f"{model._meta.app_label}.{model._meta.model_name}"
    if label == "workplan.supervisionnotice":
        notice = model._base_manager.select_related("task", "addressee").get(pk=instance.object_id)
        notify(unit_members(notice.addressee) | unit_members(notice.task.lead_unit), NotificationKind.SUPERVISION,
               _("%(kind)s：%(task)s（办理时限 %(due)s）") % {"kind": notice.get_kind_display(), "task": notice.task,
                                                        "due": notice.due_date}, notice.content, _url(notice))
    elif label == "workplan.task":
        task = model._base_manager.select_related("lead_unit").get(pk=instance.object_id)
        people = unit_members(task.lead_unit)
        for unit in task.cooperating_units.all():
            people = people | unit_members(unit)
        notify([u for u in people if u != instance.user], NotificationKind.TASK,
               _("新任务：%(task)s（完成时限 %(deadline)s）") % {"task": task.title, "deadline": task.deadline},
               _("牵头单位：%(lead)s。%(content)s") % {"lead": task.lead_unit, "content": task.content},
               _url(task), f"task:{task.pk}")
    elif label == "workplan.reportinground":
        rnd = model._base_manager.get(pk=instance.object_id)
        # One notification a person, even when the round is due from both their unit and a unit above it.
        people = {}
        for unit in rnd.due_units.all():
            people.update((u.pk, u) for u in unit_members(unit))
        notify(people.values(), NotificationKind.ROUND,
               _("新的填报任务：%(round)s（截止 %(due)s）") % {"round": rnd.title, "due": rnd.due_date},
               "", _url(rnd))


def reviewers(obj) -> list:
    """Who may approve this record now: approvers and administrators (by default or in its channel) that
    `can` approve it — inside their area, at the right level, and never the submitter (maker-checker)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    channel = obj._meta.app_label
    candidates = get_user_model().objects.filter(is_active=True).filter(
        Q(profile__role__in=("approver", "admin"))
        | Q(profile__channel_roles__channel=channel, profile__channel_roles__role__in=("approver", "admin"))
    ).distinct()
    return [u for u in candidates if can(u, "approve", obj)]


def _url(obj) -> str:
    try:
        return obj.get_absolute_url()
    except Exception:  # a type without pages (none today): the notification still says what happened
        return ""
