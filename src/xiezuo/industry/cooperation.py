"""Figures of the cooperation pages (organisation, pairing, region), computed from records.

Every figure is a query of one record type's *list filterset* over
`restrict(user)`, and carries the list URL with the same parameters: the link
shows exactly the records the figure counts, and nothing outside the reader's area
is ever counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Q, Sum
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import for_model
from xiezuo.core.scope import code_prefix
from xiezuo.exchange.choices import ENTERPRISE_KINDS
from xiezuo.exchange.models import Agreement, Visit

from .choices import ProjectStatus
from .models import FundAllocation, FundDisbursement, Project


@dataclass
class Figure:
    label: str
    value: object
    url: str
    unit: str = ""
    money: bool = False  # a yuan amount, shown in 万元
    key: str = ""


@dataclass
class Page:
    title: str
    figures: list[Figure] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


def records(model, user, params: dict):
    """(queryset, list URL) of a record type filtered as its list page would be by `params`."""
    params = {k: v for k, v in params.items() if v not in (None, "")}
    rt = for_model(model)
    filterset = rt.filterset(QueryDict(urlencode(params)), queryset=model.objects.restrict(user))
    if not filterset.is_valid():
        raise ValueError(filterset.errors)
    return filterset.qs, f"{rt.url('list')}?{urlencode(params)}"


def _facts(facts_only: bool) -> dict:
    # Synthetic demo records are left out when only facts should count.
    return {"synthetic": "false"} if facts_only else {}


def _period(since, until, status, facts_only=False) -> dict:
    return {"since": since, "until": until, "status": status, **_facts(facts_only)}


def _years(since, until, status, facts_only=False) -> dict:
    return {"year_from": since.year if since else None, "year_to": until.year if until else None, "status": status,
            **_facts(facts_only)}


def visit_figures(user, params: dict, org=None) -> tuple[list[Figure], object]:
    """Trips (Σ occurrences) and enterprise-visits (企业家次) of the visits matching `params`."""
    qs, url = records(Visit, user, params)
    visits = list(Visit.objects.filter(pk__in=qs.values("pk")).annotate(
        enterprises=Count("delegation_units", distinct=True,
                          filter=_tree_q("delegation_units", org) & Q(delegation_units__kind__in=ENTERPRISE_KINDS))))
    trips = sum(v.occurrences for v in visits)
    enterprise_visits = 0
    for v in visits:
        # A count the source states (without naming the enterprises) stands for the visit's enterprises.
        stated = v.enterprise_visits_reported is not None and (org is None or _in_tree(v.organiser, org))
        enterprise_visits += v.enterprise_visits_reported if stated else v.enterprises
    return [Figure(_("考察调研次数"), trips, url, _("次"), key="trips"),
            Figure(_("企业家次"), enterprise_visits, url, _("家次"), key="enterprise_visits")], qs


def _tree_q(path: str, org) -> Q:
    return Q(**{f"{path}__path__startswith": org.path}) if org is not None else Q()


def _in_tree(unit, org) -> bool:
    return unit is not None and unit.path.startswith(org.path)


def agreement_figures(user, params: dict) -> list[Figure]:
    qs, url = records(Agreement, user, params)
    totals = Agreement.objects.filter(pk__in=qs.values("pk")).aggregate(
        items=Sum("item_count"), review=Count("pk", filter=Q(needs_review=True)))
    review_url = url + "&needs_review=true"
    return [Figure(_("签订协议"), totals["items"] or 0, url, _("项"), key="agreements"),
            Figure(_("其中待核查（不属于任何结对）"), totals["review"] or 0, review_url, _("份"), key="agreements_review")]


def project_figures(user, params: dict) -> tuple[list[Figure], dict]:
    qs, url = records(Project, user, params)
    base = Project.objects.filter(pk__in=qs.values("pk"))
    t = base.aggregate(n=Count("pk"), planned=Sum("planned_investment"), actual=Sum("actual_investment"),
                       jobs=Sum("jobs_created"), poor=Sum("poor_employed"), benefited=Sum("poor_benefited"))
    figures = [
        Figure(_("产业项目"), t["n"], url, _("个"), key="projects"),
        Figure(_("计划投资"), t["planned"] or Decimal(0), url, money=True, key="planned"),
        Figure(_("实际投资"), t["actual"] or Decimal(0), url, money=True, key="actual"),
        Figure(_("带动就业"), t["jobs"] or 0, url, _("人"), key="jobs"),
        Figure(_("吸纳脱贫（贫困）人口就业"), t["poor"] or 0, url, _("人"), key="poor_employed"),
        Figure(_("带动脱贫（贫困）人口受益"), t["benefited"] or 0, url, _("人"), key="poor_benefited"),
    ]
    counts = dict(base.values_list("stage").annotate(n=Count("pk")))
    stages = {"title": _("项目进展"), "headers": [_("进展"), _("项目数")], "rows": [
        [label, Figure(label, counts.get(value, 0), f"{url}&stage={value}", _("个"))]
        for value, label in ProjectStatus.choices]}
    return figures, stages


def fund_figures(user, params: dict, disbursement_params: dict) -> tuple[list[Figure], dict]:
    qs, url = records(FundAllocation, user, params)
    allocations = FundAllocation.objects.filter(pk__in=qs.values("pk"))
    t = allocations.aggregate(allocated=Sum("allocated"), social=Sum("social_donations"))
    dqs, durl = records(FundDisbursement, user, disbursement_params)
    disbursed = FundDisbursement.objects.filter(pk__in=dqs.values("pk"), allocation__in=allocations).aggregate(
        s=Sum("amount"))["s"] or Decimal(0)
    allocated = t["allocated"] or Decimal(0)
    figures = [
        Figure(_("财政帮扶资金下达"), allocated, url, money=True, key="allocated"),
        Figure(_("已拨付到项目"), disbursed, durl, money=True, key="disbursed"),
        Figure(_("结余"), allocated - disbursed, url, money=True, key="balance"),
        Figure(_("社会捐赠"), t["social"] or Decimal(0), url, money=True, key="donations"),
    ]
    # Separate queries per sum: two sums over one join would multiply each other.
    disbursed_by_year = dict(FundDisbursement.objects.filter(pk__in=dqs.values("pk"), allocation__in=allocations)
                             .values_list("allocation__year").annotate(s=Sum("amount")))
    allocated_by_year = dict(allocations.values_list("year").annotate(s=Sum("allocated")))
    social_by_year = dict(allocations.values_list("year").annotate(s=Sum("social_donations")))
    rows = []
    for year in sorted(allocated_by_year):
        a, d = allocated_by_year[year] or Decimal(0), disbursed_by_year.get(year) or Decimal(0)
        rows.append([str(year), Figure(_("下达"), a, f"{url}&year={year}", money=True),
                     Figure(_("拨付"), d, f"{durl}&year={year}", money=True),
                     Figure(_("结余"), a - d, f"{url}&year={year}", money=True),
                     Figure(_("社会捐赠"), social_by_year.get(year) or Decimal(0), f"{url}&year={year}", money=True)])
    table = {"title": _("分年度资金（万元）"), "headers": [_("年度"), _("下达"), _("已拨付"), _("结余"), _("社会捐赠")], "rows": rows}
    return figures, table


def organisation_page(user, org, since=None, until=None, status=None, facts_only=False) -> Page:
    """A unit and everything it supervises: trips, enterprise-visits, agreements per enterprise, projects."""
    period = _period(since, until, status, facts_only)
    page = Page(str(org))
    visits, _qs = visit_figures(user, {"organisation": org.pk, **period}, org=org)
    page.figures += visits
    page.figures += agreement_figures(user, {"organisation": org.pk, **period})
    projects, stages = project_figures(user, {"organisation": org.pk, **period})
    page.figures += projects
    from xiezuo.partners.models import Organisation

    rows = []
    enterprises = Organisation.objects.restrict(user).filter(path__startswith=org.path, kind__in=ENTERPRISE_KINDS)
    for unit in enterprises.order_by("path"):
        a = agreement_figures(user, {"organisation": unit.pk, **period})[0]
        p = project_figures(user, {"organisation": unit.pk, **period})[0]
        v = visit_figures(user, {"organisation": unit.pk, **period}, org=unit)[0]
        if a.value or p[0].value or v[1].value:
            rows.append([unit.short_name or unit.name, v[1], a, p[0], p[2]])
    page.tables.append({"title": _("分企业"), "headers": [_("企业"), _("企业家次"), _("签订协议（项）"), _("项目（个）"),
                                                      _("实际投资（万元）")], "rows": rows, "key": "per_enterprise"})
    page.tables.append(stages)
    return page


def region_sides(pairing) -> tuple[str, str]:
    """Region prefixes of a pairing's two sides (an organisation side stands for its region)."""
    def side(name):
        region = getattr(pairing, f"{name}_region")
        if region is not None:
            return code_prefix(region.code, region.level)
        return code_prefix(getattr(pairing, f"{name}_organisation").region_id)
    return side("helper"), side("helped")


def pairing_page(user, pairing, since=None, until=None, status=None, facts_only=False) -> Page:
    east, west = region_sides(pairing)
    period = _period(since, until, status, facts_only)
    page = Page(str(pairing))
    visits, _qs = visit_figures(user, {"region": west, "east": east, **period})
    page.figures += visits
    page.figures += agreement_figures(user, {"region": west, "east": east, **period})
    projects, stages = project_figures(user, {"region": west, "east": east, **period})
    page.figures += projects
    years = _years(since, until, status, facts_only)
    funds, per_year = fund_figures(user, {"pairing": pairing.pk, **years}, {"pairing": pairing.pk, **years})
    page.figures += funds
    page.tables += [stages, per_year]
    return page


def region_page(user, region, since=None, until=None, status=None, facts_only=False) -> Page:
    from xiezuo.geo.models import Region

    period = _period(since, until, status, facts_only)
    page = Page(region.name)
    visits, _qs = visit_figures(user, {"region": region.code, **period})
    page.figures += visits
    page.figures += agreement_figures(user, {"region": region.code, **period})
    projects, stages = project_figures(user, {"region": region.code, **period})
    page.figures += projects
    years = _years(since, until, status, facts_only)
    funds, per_year = fund_figures(user, {"region": region.code, **years}, {"region": region.code, **years})
    page.figures += funds
    rows = []
    for child in Region.objects.filter(parent=region, valid_to__isnull=True).order_by("code"):
        figs, _s = project_figures(user, {"region": child.code, **period})
        if figs[0].value:
            rows.append([child, figs[0], figs[2], figs[3], figs[4]])
    page.tables += [stages, per_year, {"title": _("分地区项目"), "headers": [_("地区"), _("项目（个）"), _("实际投资（万元）"),
                                                                       _("带动就业（人）"), _("脱贫人口就业（人）")],
                                       "rows": rows, "key": "per_region"}]
    return page
