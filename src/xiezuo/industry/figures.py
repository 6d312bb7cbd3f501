"""Figures of projects and funds, declared once for every page, the API and exports (see core/figures.py)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from xiezuo.core.figures import FIGURES, column, figure, selected, table

from .choices import ProjectStatus

# Projects of an organisation (an investor in its tree), of a pairing (in the helped region, with an investor
# from the helper region), in a region.
PROJECTS = {"organisation": lambda s: {"organisation": s.obj.pk},
            "pairing": lambda s: {"region": s.west, "east": s.east},
            "region": lambda s: {"region": s.obj.code}}
# Funds belong to a pairing; a region's are those allocated to it (or to a county in it). Periods are years.
FUNDS = {"pairing": lambda s: {"pairing": s.obj.pk}, "region": lambda s: {"region": s.obj.code}}
PROJECT = "industry.Project"
BOTH = ("organisation", "pairing")

figure("industry.projects", _("产业项目"), PROJECT, PROJECTS, unit=_("个"), panel=BOTH, order=40,
       description=_("产业合作项目个数，按确定日期计入期间。"))
figure("industry.planned", _("计划投资"), PROJECT, PROJECTS, money=True, total="planned_investment", order=41,
       description=_("项目计划投资额之和（元；页面以万元显示）。"))
figure("industry.actual", _("实际投资"), PROJECT, PROJECTS, money=True, total="actual_investment", panel=BOTH,
       order=42, description=_("项目实际投资额之和（元；页面以万元显示）。"))
figure("industry.jobs", _("带动就业"), PROJECT, PROJECTS, unit=_("人"), total="jobs_created", order=43,
       description=_("项目带动就业人数之和。"))
figure("industry.poor_employed", _("吸纳脱贫（贫困）人口就业"), PROJECT, PROJECTS, unit=_("人"), total="poor_employed",
       order=44, description=_("项目吸纳脱贫（贫困）人口就业人数之和。"))
figure("industry.poor_benefited", _("带动脱贫（贫困）人口受益"), PROJECT, PROJECTS, unit=_("人"),
       total="poor_benefited", order=45, description=_("项目带动脱贫（贫困）人口受益人数之和。"))

figure("industry.allocated", _("财政帮扶资金下达"), "industry.FundAllocation", FUNDS, money=True, total="allocated",
       period="year", panel=("pairing",), order=50, description=_("下达的财政帮扶资金之和，按资金年度计入期间。"))
figure("industry.disbursed", _("已拨付到项目"), "industry.FundDisbursement", FUNDS, money=True, total="amount",
       period="year", panel=("pairing",), order=51,
       description=_("拨付到项目的财政帮扶资金之和，按所属资金的年度计入期间。"))
figure("industry.balance", _("结余"), "industry.FundAllocation", FUNDS, money=True, period="year", order=52,
       formula=lambda v: v["industry.allocated"] - v["industry.disbursed"],
       needs=("industry.allocated", "industry.disbursed"), description=_("下达减已拨付。"))
figure("industry.donations", _("社会捐赠"), "industry.FundAllocation", FUNDS, money=True, total="social_donations",
       period="year", order=53, description=_("随资金下达登记的社会捐赠之和。"))


def _stages(user, subject, options):
    for value, label in ProjectStatus.choices:
        yield label, subject, {"stage": value}


def _years(user, subject, options):
    params = FIGURES["industry.allocated"].params(subject, options)
    if params is None:
        return
    qs, _url, _api = selected(user, FIGURES["industry.allocated"].record_model, params)
    for year in sorted(set(qs.values_list("year", flat=True))):
        yield str(year), subject.within(dt.date(year, 1, 1), dt.date(year, 12, 31)), {}


table("stages", _("项目进展"), _("进展"), ("organisation", "pairing", "region"), _stages,
      [(_("项目数"), "industry.projects")], skip_empty=False, order=20)
table("per_year", _("分年度资金（万元）"), _("年度"), ("pairing", "region"), _years,
      [(_("下达"), "industry.allocated"), (_("已拨付"), "industry.disbursed"), (_("结余"), "industry.balance"),
       (_("社会捐赠"), "industry.donations")], order=30)
column("per_enterprise", _("项目（个）"), "industry.projects")
column("per_enterprise", _("实际投资（万元）"), "industry.actual")
column("per_region", _("项目（个）"), "industry.projects")
column("per_region", _("实际投资（万元）"), "industry.actual")
column("per_region", _("带动就业（人）"), "industry.jobs")
column("per_region", _("脱贫人口就业（人）"), "industry.poor_employed")
