"""Choices of the working mechanism: levels, task states (computed, never typed), notices, notifications."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


class TaskState(models.TextChoices):
    """Computed from the deadline and the progress reports on a given day (`workplan.progress`)."""

    NOT_STARTED = "not_started", _("未开始")
    IN_PROGRESS = "in_progress", _("推进中")
    DONE = "done", _("已完成")
    OVERDUE = "overdue", _("逾期")


class NoticeKind(models.TextChoices):
    SUPERVISION = "supervision", _("督办")
    ESCALATION = "escalation", _("升级督办")


class NotificationKind(models.TextChoices):
    RETURNED = "returned", _("记录被退回")
    APPROVED = "approved", _("记录已审核")
    WAITING = "waiting", _("待审核")
    SUPERVISION = "supervision", _("督办通知")
    ROUND = "round", _("填报任务")
    REMINDER = "reminder", _("催报")
    TASK = "task", _("新任务")
    DEADLINE = "deadline", _("任务到期提醒")


class MailState(models.TextChoices):
    """E-mail of a notification, sent by a worker (`workplan.mail`), never in the request."""

    NONE = "", _("不发送")
    PENDING = "pending", _("待发送")
    SENDING = "sending", _("发送中")
    SENT = "sent", _("已发送")
    FAILED = "failed", _("发送失败")
