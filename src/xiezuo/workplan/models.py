"""The working mechanism (工作机制): decisions of a meeting, the tasks they become, progress, supervision,
reporting rounds, and the in-app notifications they send.

A task's state (未开始 / 推进中 / 已完成 / 逾期) is never stored: `workplan.progress` computes it for a day
from the deadline and the reports, so the same task reads differently on different days and no nightly job
has to flip it.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec

from .choices import Level, MailState, NoticeKind, NotificationKind

ORG = "partners.Organisation"
REGION = "geo.Region"


class Decision(Record):
    """A decision or requirement (会议要求) recorded against a meeting of the ledger, e.g. one of the six
    requirements of the 2019-11-08 symposium."""

    # By model string: a channel never imports another (exchange knows nothing of workplan).
    meeting = models.ForeignKey("exchange.Meeting", verbose_name=_("所属会议"), on_delete=models.PROTECT,
                                related_name="workplan_decisions")
    number = models.PositiveSmallIntegerField(_("序号"), default=1)
    title = models.CharField(_("要求名称"), max_length=200)
    content = models.TextField(_("要求内容"), blank=True)
    issuer = models.ForeignKey(ORG, verbose_name=_("部署单位"), on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey(REGION, verbose_name=_("部署地区"), on_delete=models.PROTECT, related_name="+")

    scope = ScopeSpec(regions=("region",), organisations=("issuer",))
    lookup_field = "title"

    class Meta:
        verbose_name = _("会议要求")
        verbose_name_plural = _("会议要求")
        ordering = ["meeting", "number", "pk"]

    def __str__(self) -> str:
        return self.title


class Task(Record):
    """A task (工作任务): what a lead unit must do by a deadline, broken down into sub-tasks to any depth."""

    decision = models.ForeignKey(Decision, verbose_name=_("落实要求"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="tasks")
    parent = models.ForeignKey("self", verbose_name=_("上级任务"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    title = models.CharField(_("任务名称"), max_length=200)
    content = models.TextField(_("任务内容"), blank=True)
    lead_unit = models.ForeignKey(ORG, verbose_name=_("牵头单位"), on_delete=models.PROTECT, related_name="+")
    cooperating_units = models.ManyToManyField(ORG, verbose_name=_("配合单位"), blank=True, related_name="+")
    level = models.CharField(_("责任层级"), max_length=10, choices=Level.choices, default=Level.PROVINCE)
    region = models.ForeignKey(REGION, verbose_name=_("责任地区"), on_delete=models.PROTECT, related_name="+")
    supervisor = models.ForeignKey(ORG, verbose_name=_("督办单位"), null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    annual_target = models.CharField(_("年度目标"), max_length=300, blank=True)
    target_value = models.DecimalField(_("目标值"), max_digits=16, decimal_places=2, null=True, blank=True)
    target_unit = models.CharField(_("计量单位"), max_length=20, blank=True)
    start_date = models.DateField(_("开始日期"), null=True, blank=True)
    deadline = models.DateField(_("完成时限"))
    milestones = models.TextField(_("节点安排"), blank=True, help_text=_("每行一个节点：日期 内容，如 2020-03-31 完成培训计划"))
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("lead_unit", "cooperating_units", "supervisor"))
    lookup_field = "title"

    class Meta:
        verbose_name = _("工作任务")
        verbose_name_plural = _("工作任务")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.title

    def milestone_list(self) -> list[tuple[dt.date, str]]:
        out = []
        for line in self.milestones.splitlines():
            line = line.strip()
            if not line:
                continue
            head, _sep, text = line.partition(" ")
            out.append((dt.date.fromisoformat(head), text.strip()))
        return out

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.start_date and self.deadline and self.start_date > self.deadline:
            errors["deadline"] = _("完成时限不能早于开始日期。")
        parent = self.parent if self.parent_id else None
        if parent is not None:
            node, seen = parent, set()
            while node is not None and node.pk not in seen:
                if self.pk is not None and node.pk == self.pk:
                    errors["parent"] = _("上级任务不能是本任务或其子任务。")
                    break
                seen.add(node.pk)
                node = node.parent
            # A sub-task carries out its parent's decision: taken from the parent when left empty (the lower unit
            # entering it may not see the province's meeting), never another one.
            if parent.decision_id and not self.decision_id:
                self.decision_id = parent.decision_id
            elif parent.decision_id and self.decision_id != parent.decision_id:
                errors["decision"] = _("子任务落实上级任务的要求（%(decision)s），不能另选。") % {
                    "decision": parent.decision}
            if self.deadline and parent.deadline and self.deadline > parent.deadline:
                errors["deadline"] = _("子任务的完成时限（%(own)s）不能晚于上级任务的完成时限（%(parent)s）。") % {
                    "own": self.deadline, "parent": parent.deadline}
        try:
            for day, _text in self.milestone_list():
                if self.deadline and day > self.deadline:
                    errors["milestones"] = _("节点日期 %(day)s 晚于完成时限。") % {"day": day}
        except ValueError:
            errors["milestones"] = _("节点安排每行以日期开头（如 2020-03-31 完成培训计划）。")
        if self.target_value is not None and self.target_value < 0:
            errors["target_value"] = _("目标值不能为负数。")
        if self.lead_unit_id and not self._in_issuers_authority():
            errors["lead_unit"] = _("牵头单位“%(unit)s”不在任务下达单位的管辖范围内：只能把任务交给本辖区的单位"
                                    "（结对地区的单位可作为配合单位）。") % {"unit": self.lead_unit}
        if errors:
            raise ValidationError(errors)

    def _in_issuers_authority(self) -> bool:
        """The lead unit lies in the own area (not the partner regions) of whoever issued the task: the user who
        entered it (`create_record` sets `created_by` before validating). A unit it already had stays."""
        issuer = self.created_by if self.created_by_id else None
        if issuer is None:
            return True  # the system itself (demo loader, migrations)
        if self.pk is not None and Task._base_manager.filter(pk=self.pk, lead_unit_id=self.lead_unit_id).exists():
            return True
        from django.apps import apps

        organisation = apps.get_model("partners", "Organisation")
        return organisation.objects.restrict(issuer, "change").filter(pk=self.lead_unit_id).exists()


TASK_SCOPE = ScopeSpec(regions=("task__region",),
                       organisations=("task__lead_unit", "task__cooperating_units", "task__supervisor"))


class ProgressReport(Record):
    """A progress report (进展报告) on a task: what was done, how far (percentage) or how much (a figure),
    with evidence. Only submitted and approved reports move a task's state."""

    task = models.ForeignKey(Task, verbose_name=_("工作任务"), on_delete=models.PROTECT, related_name="reports")
    report_date = models.DateField(_("报告日期"))
    percent = models.PositiveSmallIntegerField(_("完成进度（%）"), default=0)
    value = models.DecimalField(_("完成数值"), max_digits=16, decimal_places=2, null=True, blank=True,
                                help_text=_("任务有目标值时填写累计完成数"))
    content = models.TextField(_("进展情况"))
    attachment = models.FileField(_("佐证材料"), upload_to="workplan/%Y/", blank=True)

    scope = TASK_SCOPE

    # What __str__ reads: lists and pickers fetch it with the rows (see core/tables.py fetch_plan).
    str_related = ("task",)

    class Meta:
        verbose_name = _("进展报告")
        verbose_name_plural = _("进展报告")
        ordering = ["-report_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.task}（{self.report_date}，{self.percent}%）"

    def clean(self) -> None:
        if self.percent is not None and self.percent > 100:
            raise ValidationError({"percent": _("完成进度不能超过 100%。")})
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": _("完成数值不能为负数。")})
        if self.report_date and self.report_date > dt.date.today():
            raise ValidationError({"report_date": _("报告日期不能晚于今天。")})
        task = self.task if self.task_id else None
        if task is None:
            return
        if task.children.exists():
            raise ValidationError({"task": _("该任务已分解为子任务，进度由子任务汇总，请在子任务上报告进展。")})
        from .progress import closed_on

        done = closed_on(task, exclude=self.pk)
        if done is not None and self.report_date and self.report_date >= done:
            raise ValidationError({"task": _("任务已于 %(day)s 完成，不能再报告进展。") % {"day": done}})


class SupervisionNotice(Record):
    """A supervision notice (督办单) on a task, with the date by which it must be answered; an escalation
    (升级督办) goes to the unit above the lead unit when the task is overdue."""

    task = models.ForeignKey(Task, verbose_name=_("工作任务"), on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(_("督办类型"), max_length=12, choices=NoticeKind.choices, default=NoticeKind.SUPERVISION)
    number = models.CharField(_("督办单编号"), max_length=60, blank=True)
    issuer = models.ForeignKey(ORG, verbose_name=_("督办单位"), on_delete=models.PROTECT, related_name="+")
    addressee = models.ForeignKey(ORG, verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="+")
    issued_on = models.DateField(_("下发日期"))
    due_date = models.DateField(_("办理时限"))
    content = models.TextField(_("督办事项"))
    reply = models.TextField(_("办理情况"), blank=True)

    scope = ScopeSpec(regions=("task__region",), organisations=("issuer", "addressee", "task__lead_unit"))

    # What __str__ reads: lists and pickers fetch it with the rows (see core/tables.py fetch_plan).
    str_related = ("task",)

    class Meta:
        verbose_name = _("督办单")
        verbose_name_plural = _("督办单")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.task}"

    def clean(self) -> None:
        if self.issued_on and self.due_date and self.due_date < self.issued_on:
            raise ValidationError({"due_date": _("办理时限不能早于下发日期。")})


class ReportingRound(Record):
    """A reporting round (填报任务): which record types are due for a period, from which units, by when.

    A submitted round is the set of submitted or approved records of those types that the due units hold
    for the period (`workplan.rounds.completeness`), never a copy of them.
    """

    title = models.CharField(_("填报任务名称"), max_length=200)
    issuer = models.ForeignKey(ORG, verbose_name=_("下达单位"), on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey(REGION, verbose_name=_("发起地区"), on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("统计期起"))
    period_end = models.DateField(_("统计期止"))
    due_date = models.DateField(_("报送截止日期"))
    record_types = models.TextField(_("报送内容"), blank=True, help_text=_("每行一种记录类型的名称，如 进展报告"))
    figures = models.TextField(_("报送指标"), blank=True,
                               help_text=_("每行一个指标的名称或代码，如 考察调研次数；报送单位的已审核记录即为报送"))
    due_units = models.ManyToManyField(ORG, verbose_name=_("报送单位"), related_name="+")
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("issuer", "due_units"))
    lookup_field = "title"

    class Meta:
        verbose_name = _("填报任务")
        verbose_name_plural = _("填报任务")
        ordering = ["-due_date", "-pk"]

    def __str__(self) -> str:
        return self.title

    def due_types(self):
        from .rounds import parse_record_types

        return parse_record_types(self.record_types)

    def due_figures(self):
        from .rounds import parse_figures

        return parse_figures(self.figures)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("统计期止不能早于统计期起。")
        if self.period_start and self.due_date and self.due_date < self.period_start:
            errors["due_date"] = _("报送截止日期不能早于统计期起。")
        types = figures = []
        try:
            types = self.due_types()
        except ValueError as exc:
            errors["record_types"] = str(exc)
        try:
            figures = self.due_figures()
        except ValueError as exc:
            errors["figures"] = str(exc)
        if not errors and not types and not figures:
            errors["record_types"] = _("请至少填写一种报送的记录类型或一个报送指标。")
        if errors:
            raise ValidationError(errors)


def _figure_choices():
    from .plans import figure_choices

    return figure_choices()


class PlanTarget(Record):
    """A target of a pairing's annual cooperation plan (年度协议): one figure, its planned value for the year.
    The current value is the figure itself, computed from approved records (`workplan.plans.actual`)."""

    pairing = models.ForeignKey("partners.Pairing", verbose_name=_("结对关系"), on_delete=models.PROTECT,
                                related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    figure = models.CharField(_("指标"), max_length=60, choices=_figure_choices)
    target_value = models.DecimalField(_("协议目标值"), max_digits=16, decimal_places=2,
                                       help_text=_("金额以万元计，其余按指标的计量单位"))
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("pairing__helper_region", "pairing__helped_region"),
                      organisations=("pairing__helper_organisation", "pairing__helped_organisation"))

    class Meta:
        verbose_name = _("年度协议目标")
        verbose_name_plural = _("年度协议目标")
        ordering = ["-year", "pairing", "figure"]

    def __str__(self) -> str:
        return f"{self.year}年 {self.get_figure_display()}"

    def clean(self) -> None:
        if self.year is not None and not 2016 <= self.year <= 2100:
            raise ValidationError({"year": _("年度应在 2016 至 2100 之间。")})
        if self.target_value is not None and self.target_value < 0:
            raise ValidationError({"target_value": _("目标值不能为负数。")})


class Notification(models.Model):
    """An in-app notification: a reminder, a supervision notice, a round due, a record returned or approved."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("接收人"), on_delete=models.CASCADE,
                             related_name="workplan_notifications")
    kind = models.CharField(_("通知类型"), max_length=12, choices=NotificationKind.choices)
    title = models.CharField(_("标题"), max_length=300)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("通知时间"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)
    # One event (a reminder to a unit) reaches every member of the unit: the event key groups them.
    event = models.CharField(_("事件"), max_length=120, blank=True, db_index=True)
    # E-mail: written as pending with the notification, sent by a worker (`workplan.mail`).
    mail_state = models.CharField(_("邮件"), max_length=8, choices=MailState.choices, default=MailState.NONE,
                                  blank=True, db_index=True)
    mailed_at = models.DateTimeField(_("邮件时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class NotificationSetting(models.Model):
    """A user's choice about notifications: e-mail on (the default, when the user has an address) or off."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE,
                                related_name="workplan_notification_setting")
    email = models.BooleanField(_("同时发送邮件"), default=True)

    class Meta:
        verbose_name = _("通知设置")
        verbose_name_plural = _("通知设置")

    str_related = ("user",)

    def __str__(self) -> str:
        return str(self.user)
