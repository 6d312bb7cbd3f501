"""Industrial projects (产业园、产业基地、帮扶车间…) and fiscal assistance funds (财政帮扶资金)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from xiezuo.core.choices import DatePrecision
from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec, code_prefix
from xiezuo.core.tables import yuan_to_wan

from .choices import ProjectKind, ProjectStatus, Sector

MONEY = {"max_digits": 16, "decimal_places": 2, "null": True, "blank": True}
MILESTONE_LINE = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2})\s+(.+)$")


def parse_milestones(text: str) -> list[tuple[dt.date, str]]:
    """`2019-05-01 一期投产` per line. Raises ValueError naming the bad line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = MILESTONE_LINE.match(line)
        try:
            if not match:
                raise ValueError
            out.append((dt.date.fromisoformat("-".join(f"{int(x):02d}" for x in match[1].split("-"))), match[2]))
        except ValueError:
            raise ValueError(_("第 %(n)s 行“%(line)s”应写成“2019-05-01 事项”") % {"n": n, "line": line.strip()}) from None
    return out


class Project(Record):
    """An industrial cooperation project: a park, base, assistance workshop, factory or other.

    Fiscal assistance funds reach a project through `FundDisbursement` rows; the
    enterprise's and social money are entered here.
    """

    name = models.CharField(_("项目名称"), max_length=200)
    kind = models.CharField(_("项目类型"), max_length=12, choices=ProjectKind.choices, default=ProjectKind.OTHER)
    stage = models.CharField(_("项目进展"), max_length=12, choices=ProjectStatus.choices,
                             default=ProjectStatus.INTENTION)
    investors = models.ManyToManyField("partners.Organisation", verbose_name=_("投资企业"), blank=True,
                                       related_name="projects_invested")
    agreement = models.ForeignKey("exchange.Agreement", verbose_name=_("依据协议"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="projects")
    # The visits a project came out of. Held here, not on the visit, so that only industry refers to exchange.
    visits = models.ManyToManyField("exchange.Visit", verbose_name=_("来自活动"), blank=True, related_name="projects")
    region = models.ForeignKey("geo.Region", verbose_name=_("项目地点（县、乡或村）"), on_delete=models.PROTECT,
                               related_name="+")
    sector = models.CharField(_("所属行业"), max_length=14, choices=Sector.choices, blank=True)
    agreed_on = models.DateField(_("确定日期"), help_text=_("项目意向确定或立项的日期"))
    date_precision = models.CharField(_("日期精度"), max_length=8, choices=DatePrecision.choices,
                                      default=DatePrecision.DAY)
    signed_on = models.DateField(_("签约日期"), null=True, blank=True)
    started_on = models.DateField(_("开工日期"), null=True, blank=True)
    operating_on = models.DateField(_("投产运营日期"), null=True, blank=True)
    stopped_on = models.DateField(_("停止日期"), null=True, blank=True)
    milestones = models.TextField(_("其他进展节点"), blank=True, help_text=_("每行一项：2019-05-01 一期投产"))
    planned_investment = models.DecimalField(_("计划投资（元）"), **MONEY)
    actual_investment = models.DecimalField(_("实际投资（元）"), **MONEY)
    enterprise_funds = models.DecimalField(_("企业自筹资金（元）"), **MONEY)
    social_funds = models.DecimalField(_("社会资金（元）"), **MONEY)
    jobs_created = models.PositiveIntegerField(_("带动就业人数"), null=True, blank=True)
    poor_employed = models.PositiveIntegerField(_("吸纳脱贫（贫困）人口就业"), null=True, blank=True)
    poor_benefited = models.PositiveIntegerField(_("带动脱贫（贫困）人口受益"), null=True, blank=True)
    attachment = models.FileField(_("附件"), upload_to="projects/%Y/", blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("region",), organisations=("investors",))

    class Meta:
        verbose_name = _("产业项目")
        verbose_name_plural = _("产业项目")
        ordering = ["-agreed_on", "-pk"]

    def __str__(self) -> str:
        return self.name


    def clean(self) -> None:
        errors: dict[str, object] = {}
        chain = [("agreed_on", self.agreed_on), ("signed_on", self.signed_on), ("started_on", self.started_on),
                 ("operating_on", self.operating_on)]
        seen = [(n, d) for n, d in chain if d]
        for (n1, d1), (n2, d2) in zip(seen, seen[1:], strict=False):
            if d2 < d1:
                errors[n2] = _("日期顺序有误：“%(b)s”（%(d2)s）早于“%(a)s”（%(d1)s）。") % {
                    "a": self._meta.get_field(n1).verbose_name, "b": self._meta.get_field(n2).verbose_name,
                    "d1": d1, "d2": d2}
        if self.stopped_on and self.agreed_on and self.stopped_on < self.agreed_on:
            errors["stopped_on"] = _("停止日期不能早于确定日期。")
        needs = {ProjectStatus.SIGNED: "signed_on", ProjectStatus.STARTED: "started_on",
                 ProjectStatus.OPERATING: "operating_on", ProjectStatus.STOPPED: "stopped_on"}
        if self.stage in needs and not getattr(self, needs[self.stage]) and needs[self.stage] not in errors:
            errors[needs[self.stage]] = _("项目进展为“%(s)s”时须填写此日期。") % {"s": self.get_stage_display()}
        for name in ("planned_investment", "actual_investment", "enterprise_funds", "social_funds"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("金额不能为负数。")
        if self.jobs_created is not None and self.poor_employed and self.poor_employed > self.jobs_created:
            errors["poor_employed"] = _("吸纳脱贫人口就业人数不能多于带动就业人数。")
        try:
            parse_milestones(self.milestones)
        except ValueError as exc:
            errors["milestones"] = str(exc)
        if self.region_id and self.region.level < 2:
            errors["region"] = _("项目地点至少应到市（州）一级，最好到县、乡或村。")
        if errors:
            raise ValidationError(errors)

    def fiscal_funds(self) -> Decimal:
        return self.disbursements.aggregate(total=Sum("amount"))["total"] or Decimal(0)


class FundAllocation(Record):
    """Fiscal assistance funds (财政帮扶资金) of one pairing and year, optionally for one county, and donations."""

    name = models.CharField(_("名称"), max_length=200, editable=False)
    pairing = models.ForeignKey("partners.Pairing", verbose_name=_("结对关系"), on_delete=models.PROTECT,
                                related_name="fund_allocations")
    year = models.PositiveSmallIntegerField(_("年度"))
    region = models.ForeignKey("geo.Region", verbose_name=_("下达地区"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               help_text=_("留空表示整个受援地区"))
    allocated = models.DecimalField(_("下达资金（元）"), max_digits=16, decimal_places=2)
    social_donations = models.DecimalField(_("社会捐赠（元）"), **MONEY)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("pairing__helper_region", "pairing__helped_region", "region"),
                      organisations=("pairing__helper_organisation", "pairing__helped_organisation"))
    # Approved on the receiving side: the funds' place, whichever office of the helping side allocated them.
    approval_scope = ScopeSpec(regions=("pairing__helped_region", "region"),
                               organisations=("pairing__helped_organisation",))

    class Meta:
        verbose_name = _("财政帮扶资金")
        verbose_name_plural = _("财政帮扶资金")
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return self.name or self.make_name()


    def make_name(self) -> str:
        if not self.pairing_id:
            return f"{self.year}"
        where = f" {self.region.name}" if self.region_id else ""
        return f"{self.pairing.helper}→{self.pairing.helped} {self.year}年{where}"

    def save(self, *args, **kwargs):
        self.name = self.make_name()[:200]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if self.allocated is not None and self.allocated < 0:
            errors["allocated"] = _("金额不能为负数。")
        if self.pairing_id:
            p = self.pairing
            if self.year and (self.year < p.start_date.year or (p.end_date and self.year > p.end_date.year)):
                errors["year"] = _("%(y)s 年不在该结对关系的有效期内。") % {"y": self.year}
            if self.region_id and p.helped_region_id and not self.region_id.startswith(
                    code_prefix(p.helped_region_id, p.helped_region.level)):
                errors["region"] = _("下达地区应在受援方“%(r)s”范围内。") % {"r": p.helped_region}
        if self.pk and self.allocated is not None:
            disbursed = self.disbursed()
            if disbursed > self.allocated:
                errors["allocated"] = _("已拨付 %(d)s 万元，下达资金不能少于此数。") % {"d": yuan_to_wan(disbursed)}
        if errors:
            raise ValidationError(errors)

    def disbursed(self) -> Decimal:
        return self.disbursements.aggregate(total=Sum("amount"))["total"] or Decimal(0)

    def balance(self) -> Decimal:
        return (self.allocated or Decimal(0)) - self.disbursed()


class FundDisbursement(Record):
    """Money of one allocation paid to one project. Their sum never exceeds the allocation."""

    allocation = models.ForeignKey(FundAllocation, verbose_name=_("资金下达"), on_delete=models.PROTECT,
                                   related_name="disbursements")
    project = models.ForeignKey(Project, verbose_name=_("项目"), on_delete=models.PROTECT,
                                related_name="disbursements")
    date = models.DateField(_("拨付日期"))
    amount = models.DecimalField(_("拨付金额（元）"), max_digits=16, decimal_places=2)
    note = models.CharField(_("备注"), max_length=300, blank=True)

    scope = ScopeSpec(regions=("allocation__pairing__helper_region", "allocation__pairing__helped_region",
                               "project__region"))
    approval_scope = ScopeSpec(regions=("allocation__pairing__helped_region", "project__region"))

    # What __str__ reads: lists and pickers fetch it with the rows (see core/tables.py fetch_plan).
    str_related = ("project",)

    class Meta:
        verbose_name = _("资金拨付")
        verbose_name_plural = _("资金拨付")
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return f"{self.project} {self.date} {yuan_to_wan(self.amount)}万元" if self.project_id else str(self.date)


    def clean(self) -> None:
        errors = {}
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = _("拨付金额应大于零。")
        if self.allocation_id and self.project_id:
            a = self.allocation
            area = a.region or a.pairing.helped_region
            if area is not None and not self.project.region_id.startswith(code_prefix(area.code, area.level)):
                errors["project"] = _("项目不在该笔资金的下达地区“%(r)s”内。") % {"r": area}
        if self.allocation_id and self.amount is not None and "amount" not in errors:
            # Lock the allocation so that two disbursements saved at once cannot both pass the check.
            locked = FundAllocation.objects.select_for_update() if transaction.get_connection().in_atomic_block \
                else FundAllocation.objects
            allocation = locked.get(pk=self.allocation_id)
            others = allocation.disbursements.exclude(pk=self.pk).aggregate(t=Sum("amount"))["t"] or Decimal(0)
            if others + self.amount > allocation.allocated:
                errors["amount"] = _(
                    "拨付超出下达资金：下达 %(a)s 万元，已拨付 %(o)s 万元，余额 %(b)s 万元，本次 %(n)s 万元。") % {
                    "a": yuan_to_wan(allocation.allocated), "o": yuan_to_wan(others),
                    "b": yuan_to_wan(allocation.allocated - others), "n": yuan_to_wan(self.amount)}
        if self.date and self.allocation_id and self.date.year < self.allocation.year:
            errors["date"] = _("拨付日期早于资金所属年度（%(y)s 年）。") % {"y": self.allocation.year}
        if errors:
            raise ValidationError(errors)
