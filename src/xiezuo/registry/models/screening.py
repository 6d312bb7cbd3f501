"""Screening rounds (筛查), gaps and their remedies, exit proposals, and the yearly lines as data."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec

from ..choices import ExitStage, Guarantee

MONEY = {"max_digits": 12, "decimal_places": 2}


class PovertyLine(Record):
    """The exit line and the monitoring threshold of one year in one province (data, not code).

    Provinces raise the monitoring threshold yearly (about 1.5 × the poverty-period
    line); the stable period after which a monitored household's risk is cleared
    is data too.
    """

    region = models.ForeignKey("geo.Region", verbose_name=_("适用地区（省）"), on_delete=models.PROTECT,
                               related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    exit_line = models.DecimalField(_("脱贫标准（元/人·年）"), **MONEY)
    monitoring_threshold = models.DecimalField(_("监测范围（元/人·年）"), **MONEY)
    stable_months = models.PositiveSmallIntegerField(_("风险消除所需稳定月数"), default=6)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    lifecycle = False
    scope = ScopeSpec(regions=("region",))

    class Meta:
        verbose_name = _("年度标准")
        verbose_name_plural = _("年度标准")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="registry_line_region_year")]

    def __str__(self) -> str:
        return f"{self.year} 年 {self.region_id[:2]} 省标准"


    @classmethod
    def for_village(cls, village_code: str, year: int) -> PovertyLine | None:
        province = village_code[:2].ljust(12, "0")
        return cls.objects.filter(region_id=province, year__lte=year).order_by("-year").first()


class ScreeningRound(Record):
    """A screening campaign of an area, e.g. 2019 年大方县农村贫困人口全面筛查."""

    name = models.CharField(_("筛查名称"), max_length=200)
    region = models.ForeignKey("geo.Region", verbose_name=_("筛查范围"), on_delete=models.PROTECT,
                               related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",))

    class Meta:
        verbose_name = _("筛查轮次")
        verbose_name_plural = _("筛查轮次")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name



class Screening(Record):
    """The verdict of one screening round on one household: each guarantee met or not, with evidence."""

    round = models.ForeignKey(ScreeningRound, verbose_name=_("筛查轮次"), on_delete=models.PROTECT,
                              related_name="screenings")
    household = models.ForeignKey("registry.Household", verbose_name=_("建档立卡户"), on_delete=models.CASCADE,
                                  related_name="screenings")
    village = models.ForeignKey("geo.Region", verbose_name=_("所在村"), on_delete=models.PROTECT,
                                related_name="+", editable=False, blank=True)
    food = models.BooleanField(_("吃穿不愁"), default=True)
    education = models.BooleanField(_("义务教育有保障"), default=True)
    medical = models.BooleanField(_("基本医疗有保障"), default=True)
    housing = models.BooleanField(_("住房安全有保障"), default=True)
    water = models.BooleanField(_("饮水安全有保障"), default=True)
    evidence = models.TextField(_("佐证材料"), blank=True, help_text=_("走访记录、照片编号、证明文件等"))
    checker = models.CharField(_("核查人"), max_length=50)
    checked_on = models.DateField(_("核查日期"))

    lifecycle = False
    scope = ScopeSpec(regions=("village",))

    class Meta:
        verbose_name = _("户筛查记录")
        verbose_name_plural = _("户筛查记录")
        ordering = ["-checked_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["round", "household"], name="registry_screening_once")]

    str_related = ("household", "round")  # what __str__ reads: joined wherever rows are named

    def __str__(self) -> str:
        return f"{self.household}·{self.round}"


    def clean(self) -> None:
        if self.round_id and self.household_id and not self.household.village_id.startswith(
                self.round.region.prefix):
            raise ValidationError({"household": _("该户不在本轮筛查范围内。")})

    def save(self, *args, **kwargs):
        self.village_id = self.household.village_id
        super().save(*args, **kwargs)

    def unmet(self) -> list[str]:
        return [g.value for g in Guarantee if not getattr(self, g.value)]


class Gap(Record):
    """An unmet guarantee of a household, with its remedy, deadline and who answers for it."""

    household = models.ForeignKey("registry.Household", verbose_name=_("建档立卡户"), on_delete=models.CASCADE,
                                  related_name="gaps")
    village = models.ForeignKey("geo.Region", verbose_name=_("所在村"), on_delete=models.PROTECT,
                                related_name="+", editable=False, blank=True)
    screening = models.ForeignKey(Screening, verbose_name=_("发现于筛查"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="gaps")
    guarantee = models.CharField(_("未达标项目"), max_length=10, choices=Guarantee.choices)
    remedy = models.TextField(_("整改措施"), blank=True)
    deadline = models.DateField(_("整改期限"), null=True, blank=True)
    responsible = models.CharField(_("责任人"), max_length=50, blank=True)
    resolved_on = models.DateField(_("整改完成日期"), null=True, blank=True)

    lifecycle = False
    scope = ScopeSpec(regions=("village",))

    class Meta:
        verbose_name = _("问题整改")
        verbose_name_plural = _("问题整改")
        ordering = ["resolved_on", "deadline", "pk"]
        indexes = [models.Index(fields=["village", "resolved_on"], name="registry_gap_village_open")]

    str_related = ("household",)

    def __str__(self) -> str:
        return f"{self.household}：{self.get_guarantee_display()}"


    def save(self, *args, **kwargs):
        self.village_id = self.household.village_id
        super().save(*args, **kwargs)


class ExitProposal(Record):
    """A household proposed for exit (脱贫退出): village review → public notice → county approval."""

    household = models.ForeignKey("registry.Household", verbose_name=_("建档立卡户"), on_delete=models.CASCADE,
                                  related_name="exit_proposals")
    village = models.ForeignKey("geo.Region", verbose_name=_("所在村"), on_delete=models.PROTECT,
                                related_name="+", editable=False, blank=True)
    year = models.PositiveSmallIntegerField(_("退出年度"))
    income_per_head = models.DecimalField(_("人均纯收入（元）"), editable=False, default=0, **MONEY)
    exit_line = models.DecimalField(_("当年脱贫标准（元）"), editable=False, default=0, **MONEY)
    stage = models.CharField(_("退出进度"), max_length=10, choices=ExitStage.choices, default=ExitStage.PROPOSED,
                             editable=False)
    notice_from = models.DateField(_("公示开始日期"), null=True, blank=True, editable=False)
    decided_on = models.DateField(_("批准日期"), null=True, blank=True, editable=False)
    note = models.TextField(_("说明"), blank=True)

    lifecycle = False
    scope = ScopeSpec(regions=("village",))

    class Meta:
        verbose_name = _("脱贫退出")
        verbose_name_plural = _("脱贫退出")
        ordering = ["-year", "pk"]

    str_related = ("household",)

    def __str__(self) -> str:
        return f"{self.household}·{self.year} 年退出"


    def clean(self) -> None:
        if not self._state.adding or not self.household_id or not self.year:
            return
        hh = self.household
        line = PovertyLine.for_village(hh.village_id, self.year)
        errors = []
        if line is None:
            errors.append(_("未设置 %(y)s 年的脱贫标准，请先在“年度标准”中录入。") % {"y": self.year})
        elif hh.income_per_head <= line.exit_line:
            errors.append(_("人均纯收入 %(i)s 元未超过 %(y)s 年脱贫标准 %(l)s 元。") % {
                "i": hh.income_per_head, "y": self.year, "l": line.exit_line})
        if not hh.all_guarantees_met:
            errors.append(_("“两不愁三保障”及饮水安全尚未全部达标（以最近一次筛查为准）。"))
        if hh.year_exited:
            errors.append(_("该户已于 %(y)s 年脱贫退出。") % {"y": hh.year_exited})
        if ExitProposal.objects.filter(household=hh).exclude(stage=ExitStage.REJECTED).exists():
            errors.append(_("该户已有进行中的退出申请。"))
        if errors:
            raise ValidationError({"household": errors})
        self.income_per_head = hh.income_per_head
        self.exit_line = line.exit_line

    def save(self, *args, **kwargs):
        self.village_id = self.household.village_id
        super().save(*args, **kwargs)
