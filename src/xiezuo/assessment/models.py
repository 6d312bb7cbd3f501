"""The assessment channel: indicators as data, targets per pairing and year, rounds whose values are frozen.

An indicator reads one figure of the figure registry (core/figures.py) by its key: the computation is
declared once, by the channel that owns the records; which figures make up a year's method is data here.
A key no channel declares yet shows as 无数据来源 and lights up when that channel is installed.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec

from .choices import Area, Direction, Grade, Level, Stage


class Indicator(models.Model):
    """One indicator of the method: what is measured and which declared figure measures it."""

    code = models.CharField(_("指标代码"), max_length=20, unique=True)
    name = models.CharField(_("指标名称"), max_length=100)
    area = models.CharField(_("考核内容"), max_length=20, choices=Area.choices)
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    definition = models.TextField(_("口径说明"), blank=True)
    direction = models.CharField(_("方向"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    figure_key = models.CharField(_("数据来源（数字键）"), max_length=80, blank=True,
                                  help_text=_("数字登记中的键，如 industry.actual；尚无渠道声明时显示“无数据来源”。"))
    money = models.BooleanField(_("金额（元，以万元显示）"), default=False)
    weight = models.DecimalField(_("权重"), max_digits=6, decimal_places=2, default=Decimal(0))
    level = models.CharField(_("适用结对层级"), max_length=20, choices=Level.choices, default=Level.ANY)
    active = models.BooleanField(_("启用"), default=True)
    order = models.PositiveIntegerField(_("排序"), default=100)

    lookup_field = "code"  # an import names the indicator by its code

    class Meta:
        verbose_name = _("考核指标")
        verbose_name_plural = _("考核指标")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def spec(self):
        """The declared figure, or None (无数据来源)."""
        from xiezuo.core.figures import FIGURES, discover

        discover()
        return FIGURES.get(self.figure_key) if self.figure_key else None

    def applies_to(self, pairing) -> bool:
        if self.level == Level.ANY:
            return True
        region = pairing.helped_region or getattr(pairing.helped_organisation, "region", None)
        wanted = {Level.PREFECTURE: 2, Level.COUNTY: 3}[self.level]
        return region is not None and region.level == wanted


class Method(models.Model):
    """A year's method: the total the active weights must sum to and the grade thresholds (scores out of it)."""

    year = models.PositiveIntegerField(_("年度"), unique=True)
    weight_total = models.DecimalField(_("权重合计"), max_digits=6, decimal_places=2, default=Decimal(100))
    good = models.DecimalField(_("“好”不低于"), max_digits=6, decimal_places=2, default=Decimal(90))
    fairly_good = models.DecimalField(_("“较好”不低于"), max_digits=6, decimal_places=2, default=Decimal(75))
    fair = models.DecimalField(_("“一般”不低于"), max_digits=6, decimal_places=2, default=Decimal(60))

    class Meta:
        verbose_name = _("考核办法")
        verbose_name_plural = _("考核办法")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}"

    def grade(self, score: Decimal) -> str:
        if score >= self.good:
            return Grade.GOOD
        if score >= self.fairly_good:
            return Grade.FAIRLY_GOOD
        if score >= self.fair:
            return Grade.FAIR
        return Grade.POOR

    def weight_problem(self) -> str:
        """A message when the active indicators' weights do not sum to the declared total, else ""."""
        total = sum((i.weight for i in Indicator.objects.filter(active=True)), Decimal(0))
        if total != self.weight_total:
            return str(_("启用指标的权重合计为 %(sum)s，与考核办法声明的 %(total)s 不符，无法评分。")
                       % {"sum": f"{total.normalize():f}", "total": f"{self.weight_total.normalize():f}"})
        return ""


class Target(Record):
    """考核目标: the target of one indicator for one pairing and year (from the annual plan, or entered)."""

    pairing = models.ForeignKey("partners.Pairing", verbose_name=_("结对关系"), on_delete=models.PROTECT,
                                related_name="+")
    indicator = models.ForeignKey(Indicator, verbose_name=_("考核指标"), on_delete=models.PROTECT,
                                  related_name="targets")
    year = models.PositiveIntegerField(_("年度"))
    value = models.DecimalField(_("目标值"), max_digits=18, decimal_places=2)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("pairing__helper_region", "pairing__helped_region"),
                      organisations=("pairing__helper_organisation", "pairing__helped_organisation"))
    approval_scope = ScopeSpec(regions=("pairing__helped_region",), organisations=("pairing__helped_organisation",))
    str_related = ("pairing", "indicator")  # what __str__ reads: joined wherever rows are named

    class Meta:
        verbose_name = _("考核目标")
        verbose_name_plural = _("考核目标")
        ordering = ["-year", "indicator__order", "-pk"]

    def __str__(self) -> str:
        if not (self.pairing_id and self.indicator_id):
            return str(_("考核目标"))
        return f"{self.pairing.helper}→{self.pairing.helped} {self.year}年 {self.indicator.name}"

    def clean(self) -> None:
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = _("目标值不能为负数。")
        if self.year is not None and not 2000 <= self.year <= 2100:
            errors["year"] = _("年度应在 2000–2100 之间。")
        if self.pairing_id and self.indicator_id and not self.indicator.applies_to(self.pairing):
            errors["indicator"] = _("该指标只适用于%(level)s，不适用于这一结对关系。") % {
                "level": self.indicator.get_level_display()}
        if errors:
            raise ValidationError(errors)


class Round(models.Model):
    """An assessment round: a year and a set of pairings, carried from self-evaluation to the grade."""

    year = models.PositiveIntegerField(_("年度"))
    name = models.CharField(_("名称"), max_length=100)
    stage = models.CharField(_("阶段"), max_length=20, choices=Stage.choices, default=Stage.SELF)
    closed_at = models.DateTimeField(_("关闭时间"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("关闭人"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    synthetic = models.BooleanField(_("演示数据"), default=False)

    class Meta:
        verbose_name = _("考核轮次")
        verbose_name_plural = _("考核轮次")
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def frozen(self) -> bool:
        return self.stage in (Stage.CLOSED, Stage.GRADED)


class Assessed(models.Model):
    """One pairing in a round: its score and grade once graded."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="pairings")
    pairing = models.ForeignKey("partners.Pairing", verbose_name=_("结对关系"), on_delete=models.PROTECT,
                                related_name="+")
    score = models.DecimalField(_("得分"), max_digits=8, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("等次"), max_length=20, choices=Grade.choices, blank=True)

    class Meta:
        verbose_name = _("参评结对")
        verbose_name_plural = _("参评结对")
        constraints = [models.UniqueConstraint(fields=["round", "pairing"], name="assessed_once")]
        ordering = ["pk"]

    str_related = ("round", "pairing")

    def __str__(self) -> str:
        return f"{self.round} {self.pairing}"


class Narrative(models.Model):
    """Per area: the assessed side's self-evaluation text and the partner's comments."""

    assessed = models.ForeignKey(Assessed, on_delete=models.CASCADE, related_name="narratives")
    area = models.CharField(_("考核内容"), max_length=20, choices=Area.choices)
    self_text = models.TextField(_("自评说明"), blank=True)
    partner_comment = models.TextField(_("帮扶方意见"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessed", "area"], name="narrative_once")]


class Value(models.Model):
    """One indicator's value for one assessed pairing: live until the round closes, then frozen with the ids of
    the records behind it. The cross-check's note and adjustment sit beside it, never over it."""

    assessed = models.ForeignKey(Assessed, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("冻结值"), max_digits=20, decimal_places=2, null=True, blank=True)
    model = models.CharField(_("记录类型"), max_length=60, blank=True)
    record_ids = models.JSONField(_("记录编号"), default=list)
    left_out = models.PositiveIntegerField(_("未计入的未审核记录"), default=0)
    url = models.CharField(_("记录链接"), max_length=500, blank=True)
    frozen_at = models.DateTimeField(_("冻结时间"), null=True, blank=True)
    check_note = models.TextField(_("交叉检查意见"), blank=True)
    adjusted = models.DecimalField(_("调整后数值"), max_digits=20, decimal_places=2, null=True, blank=True)
    adjust_reason = models.TextField(_("调整理由"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessed", "indicator"], name="value_once")]
        ordering = ["indicator__order", "indicator__code"]

    @property
    def used(self):
        """The value scoring uses: the cross-check's adjustment when there is one."""
        return self.adjusted if self.adjusted is not None else self.value


class Summary(models.Model):
    """A precomputed part of the leaders' dashboard (summary.py): the KPI cards of a region and year, or one
    indicator's ranking, maps and trend; computed over every record (for readers whose own area covers the
    region) and kept current by a job after writes, so that no request counts the ledgers."""

    key = models.CharField(max_length=120, unique=True)
    stamp = models.CharField(max_length=200)
    payload = models.JSONField(default=dict)
    computed_at = models.DateTimeField()
    seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("驾驶舱汇总")
        verbose_name_plural = _("驾驶舱汇总")
