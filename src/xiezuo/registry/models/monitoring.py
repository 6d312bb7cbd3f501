"""Monitoring cases (防止返贫动态监测): a household's way from a warning to county approval."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec

from ..choices import MONITORING_OPEN_STAGES, Monitoring, MonitoringStage, MonitoringTrigger
from .screening import MONEY, PovertyLine


class MonitoringCase(Record):
    """One household's case of the monitoring against relapse into poverty.

    Warning (预警) → household visit (入户核实) → the household's consent (农户承诺授权) → data matching
    (数据比对) → village review (村级评议) → public notice (公示) → township review (乡镇审核) → county
    approval (县级审定), which makes the household a monitored household of the case's category. The
    risk is cleared (风险消除) after the stable period. The steps are declared in `services.MONITORING`.
    """

    household = models.ForeignKey("registry.Household", verbose_name=_("建档立卡户"), on_delete=models.CASCADE,
                                  related_name="monitoring_cases")
    village = models.ForeignKey("geo.Region", verbose_name=_("所在村"), on_delete=models.PROTECT,
                                related_name="+", editable=False, blank=True)
    category = models.CharField(_("拟纳入监测类别"), max_length=10, choices=Monitoring.choices)
    trigger = models.CharField(_("预警来源"), max_length=12, choices=MonitoringTrigger.choices)
    warned_on = models.DateField(_("预警日期"), default=dt.date.today)
    income_per_head = models.DecimalField(_("预警时人均纯收入（元）"), editable=False, default=0, **MONEY)
    monitoring_threshold = models.DecimalField(_("当年监测范围（元）"), editable=False, default=0, **MONEY)
    risk = models.TextField(_("风险情况"), help_text=_("如因病、因残、因灾、因意外事故，收入骤减或支出骤增等"))
    stage = models.CharField(_("监测程序进度"), max_length=12, choices=MonitoringStage.choices,
                             default=MonitoringStage.WARNED, editable=False)
    visited_on = models.DateField(_("入户核实日期"), null=True, blank=True, editable=False)
    visitor = models.CharField(_("核实人"), max_length=50, blank=True, editable=False)
    consented_on = models.DateField(_("承诺授权日期"), null=True, blank=True, editable=False)
    notice_from = models.DateField(_("公示开始日期"), null=True, blank=True, editable=False)
    decided_on = models.DateField(_("县级审定日期"), null=True, blank=True, editable=False)
    note = models.TextField(_("说明"), blank=True)

    lifecycle = False
    scope = ScopeSpec(regions=("village",))

    class Meta:
        verbose_name = _("防返贫监测")
        verbose_name_plural = _("防返贫监测")
        ordering = ["-warned_on", "-pk"]
        constraints = [
            # What `clean()` checks, held by the database too: two offices opening a case at once.
            models.UniqueConstraint(fields=["household"], condition=Q(stage__in=MONITORING_OPEN_STAGES),
                                    name="registry_monitoring_one_open_case",
                                    violation_error_message=_("该户已有进行中的监测程序。")),
        ]

    str_related = ("household",)

    def __str__(self) -> str:
        return f"{self.household}·{self.get_category_display()}"

    @property
    def is_open(self) -> bool:
        return self.stage in MONITORING_OPEN_STAGES

    @property
    def below_threshold(self) -> bool:
        return self.income_per_head < self.monitoring_threshold

    def clean(self) -> None:
        if not self._state.adding or not self.household_id:
            return
        # Read afresh: the facts copied onto the case are those of the household now, not of an object in memory.
        hh = type(self.household)._base_manager.get(pk=self.household_id)
        errors = []
        if self.warned_on and self.warned_on > dt.date.today():
            raise ValidationError({"warned_on": _("预警日期不能晚于今天。")})
        line = PovertyLine.for_village(hh.village_id, self.warned_on.year) if self.warned_on else None
        if self.warned_on and line is None:
            errors.append(_("未设置 %(y)s 年的监测范围，请先在“年度标准”中录入。") % {"y": self.warned_on.year})
        if self.category and hh.monitoring == self.category:
            errors.append(_("该户已是%(c)s（自 %(d)s 起纳入监测）。") % {
                "c": hh.get_monitoring_display(), "d": hh.monitoring_since or "—"})
        open_case = MonitoringCase.objects.filter(household=hh, stage__in=MONITORING_OPEN_STAGES).first()
        if open_case is not None:
            errors.append(_("该户已有进行中的监测程序（%(s)s，%(d)s 预警），不能再开启一个。") % {
                "s": open_case.get_stage_display(), "d": open_case.warned_on})
        if errors:
            raise ValidationError({"household": errors})
        self.income_per_head = hh.income_per_head
        self.monitoring_threshold = line.monitoring_threshold

    def save(self, *args, **kwargs):
        self.village_id = self.household.village_id
        super().save(*args, **kwargs)
