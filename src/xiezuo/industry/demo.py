"""Demo data: the Construction Group's project of report 004 (a fact), then synthetic projects and funds.

Everything after the first project is made up to give lists and summaries some
body. It is marked `synthetic=True` (the interface shows the mark), its investors
are fictitious enterprises named “（演示）…”, and it is generated from a fixed seed
so that every demo database is the same.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.apps import apps
from django.db.models import Q

from xiezuo.core.choices import DatePrecision
from xiezuo.core.services import create_record
from xiezuo.geo.models import Region
from xiezuo.partners.choices import OrganisationKind
from xiezuo.partners.demo import SEED_004
from xiezuo.partners.models import Organisation, Pairing

from .choices import ProjectKind, ProjectStatus, Sector
from .models import FundAllocation, FundDisbursement, Project

# Report 004's names, as the exchange demo enters them (the visit this project came out of).
CONSTRUCTION = "广州市建筑集团有限公司"
SASAC_2018 = "广州市国资委组织监管企业赴黔南、毕节开展对口产业帮扶对接（2018年3月）"
CONSTRUCTION_PROJECT = "广州市建筑集团与毕节市确定的合作项目（报道未载明名称）"
SYNTHETIC = "合成演示数据（非真实）"
FAKE_ENTERPRISES = [
    ("（演示）广州粤黔农业发展有限公司", "440111000000"), ("（演示）广州山海食品有限公司", "440113000000"),
    ("（演示）广州南岭中药材有限公司", "440112000000"), ("（演示）广州协作纺织服装有限公司", "440114000000"),
    ("（演示）广州云贵文旅发展有限公司", "440106000000"), ("（演示）广州黔货冷链物流有限公司", "440103000000"),
    ("（演示）广州数智乡村科技有限公司", "440106000000"), ("（演示）广州绿野茶业有限公司", "440118000000"),
    ("（演示）广州东西部电子制造有限公司", "440115000000"), ("（演示）广州山地牧业有限公司", "440117000000"),
    ("（演示）广州同心建材有限公司", "440105000000"), ("（演示）广州黔味餐饮管理有限公司", "440104000000"),
]
WORDS = {
    ProjectKind.PARK: ["现代农业产业园", "食品加工产业园", "东西部协作产业园"],
    ProjectKind.BASE: ["刺梨种植基地", "茶叶种植基地", "食用菌基地", "蔬菜保供基地", "中药材种植基地", "生态养殖基地"],
    ProjectKind.WORKSHOP: ["服装加工帮扶车间", "电子组装帮扶车间", "手工艺帮扶车间", "竹编帮扶车间"],
    ProjectKind.FACTORY: ["农产品精深加工厂", "饲料加工厂", "建材生产线"],
    ProjectKind.OTHER: ["冷链物流中心", "乡村旅游综合体", "电商服务中心"],
}
SECTOR_OF = {"刺梨": Sector.AGRICULTURE, "茶叶": Sector.AGRICULTURE, "食用菌": Sector.AGRICULTURE,
             "蔬菜": Sector.AGRICULTURE, "中药材": Sector.MEDICINE, "养殖": Sector.AGRICULTURE,
             "服装": Sector.MANUFACTURING, "电子": Sector.MANUFACTURING, "手工艺": Sector.MANUFACTURING,
             "竹编": Sector.MANUFACTURING, "加工": Sector.FOOD, "饲料": Sector.FOOD, "建材": Sector.CONSTRUCTION,
             "冷链": Sector.COMMERCE, "旅游": Sector.TOURISM, "电商": Sector.DIGITAL, "产业园": Sector.AGRICULTURE}
PROJECTS_PER_COUNTY = 15


def load(acting_user) -> None:
    if Project.objects.filter(name=CONSTRUCTION_PROJECT).exists():
        return
    fact(acting_user)
    synthetic(acting_user)


def fact(user) -> None:
    project = create_record(Project, {
        "name": CONSTRUCTION_PROJECT, "kind": ProjectKind.OTHER, "stage": ProjectStatus.INTENTION,
        "region_id": "520500000000", "agreed_on": dt.date(2018, 3, 20), "date_precision": DatePrecision.PERIOD,
        "note": "报道载明建筑集团与毕节确定1个合作项目；项目名称、地点、行业、投资额、签约与进展均未载明。"
                "确定日期记为2018年3月20—23日考察期间。",
        "source_document": SEED_004,
    }, user, m2m={"investors": list(Organisation.objects.filter(name=CONSTRUCTION))}, note="演示数据")
    Project.objects.filter(pk=project.pk).update(status="approved")
    trip = apps.get_model("exchange", "Visit").objects.filter(name=SASAC_2018).first()
    if trip is not None:
        project.visits.add(trip)


def _enterprises(user) -> list[Organisation]:
    out = []
    for name, code in FAKE_ENTERPRISES:
        org = Organisation.objects.filter(name=name).first() or create_record(Organisation, {
            "name": name, "kind": OrganisationKind.ENTERPRISE, "region_id": code, "synthetic": True,
            "source_document": SYNTHETIC}, user, note="演示数据（合成）")
        out.append(org)
    return out


def _date(rng, start: dt.date, max_days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randint(30, max_days))


def _project(rng, county, townships, enterprises) -> tuple[dict, dict]:
    kind = rng.choice(list(WORDS))
    word = rng.choice(WORDS[kind])
    place = rng.choice(townships) if townships and rng.random() < 0.6 else county
    stage = rng.choices(list(ProjectStatus), weights=[15, 15, 25, 38, 7])[0]
    agreed = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 5))
    data = {"name": f"{place.name}{word}", "kind": kind, "stage": stage, "region": place, "agreed_on": agreed,
            "sector": next((s for k, s in SECTOR_OF.items() if k in word), Sector.OTHER), "synthetic": True,
            "source_document": SYNTHETIC}
    planned = Decimal(rng.randrange(50, 20000) * 10000)
    data["planned_investment"] = planned
    order = [ProjectStatus.SIGNED, ProjectStatus.STARTED, ProjectStatus.OPERATING]
    reached = {ProjectStatus.INTENTION: 0, ProjectStatus.SIGNED: 1, ProjectStatus.STARTED: 2,
               ProjectStatus.OPERATING: 3, ProjectStatus.STOPPED: rng.randint(1, 2)}[stage]
    day = agreed
    for step, name in zip(order[:reached], ("signed_on", "started_on", "operating_on"), strict=False):
        day = _date(rng, day, 200)
        data[name] = day
        del step
    if stage == ProjectStatus.STOPPED:
        data["stopped_on"] = _date(rng, day, 400)
    investors = rng.sample(enterprises, rng.choice([1, 1, 1, 2]))
    if reached >= 2:
        share = Decimal(rng.randint(20, 100)) / 100
        data["actual_investment"] = (planned * share).quantize(Decimal("1"))
        data["enterprise_funds"] = (data["actual_investment"] * Decimal("0.7")).quantize(Decimal("1"))
        data["social_funds"] = (data["actual_investment"] * Decimal("0.05")).quantize(Decimal("1"))
        jobs = rng.randint(10, 600)
        data["jobs_created"] = jobs
        data["poor_employed"] = rng.randint(0, jobs)
        data["poor_benefited"] = data["poor_employed"] + rng.randint(0, 2000)
    elif stage == ProjectStatus.INTENTION and rng.random() < 0.3:
        investors = []  # an intention may not yet have an investor; it then has no actual investment
    if stage == ProjectStatus.OPERATING and rng.random() < 0.3:
        data["milestones"] = f"{data['operating_on'] + dt.timedelta(days=90)} 一期达产"
    return data, {"investors": investors}


def synthetic(user) -> None:
    rng = random.Random(20260101)
    enterprises = _enterprises(user)
    counties = list(Region.objects.filter(
        Q(code__startswith="5227") | Q(code__startswith="5205"), level=3, valid_to__isnull=True).order_by("code"))
    projects: dict[str, list[Project]] = {}
    for county in counties:
        townships = list(Region.objects.filter(parent=county, level=4).order_by("code")[:12])
        for _n in range(PROJECTS_PER_COUNTY):
            data, m2m = _project(rng, county, townships, enterprises)
            projects.setdefault(county.code, []).append(create_record(Project, data, user, m2m=m2m,
                                                                      note="演示数据（合成）"))
    ids = [p.pk for ps in projects.values() for p in ps]
    # Most synthetic records are approved, some wait for review, a few are drafts: lists show the lifecycle.
    for i, pk in enumerate(ids):
        Project.objects.filter(pk=pk).update(status="approved" if i % 10 < 7 else "submitted" if i % 10 < 9 else "draft")
    funds(user, rng, counties, projects)


def funds(user, rng, counties, projects) -> None:
    for county in counties:
        pairing = Pairing.objects.filter(helper_region_id="440100000000",
                                         helped_region_id=county.code[:4] + "00000000").first()
        if pairing is None:
            continue
        for year in range(2017, 2021):
            allocation = create_record(FundAllocation, {
                "pairing": pairing, "year": year, "region": county,
                "allocated": Decimal(rng.randrange(1000, 5000) * 10000),
                "social_donations": Decimal(rng.randrange(50, 800) * 10000), "synthetic": True,
                "source_document": SYNTHETIC}, user, note="演示数据（合成）")
            FundAllocation.objects.filter(pk=allocation.pk).update(status="approved")
            eligible = [p for p in projects[county.code] if p.agreed_on.year <= year
                        and p.stage not in (ProjectStatus.INTENTION, ProjectStatus.STOPPED)]
            remaining = allocation.allocated
            for project in rng.sample(eligible, min(len(eligible), rng.randint(1, 3))):
                amount = (remaining * Decimal(rng.randint(20, 45)) / 100).quantize(Decimal("1"))
                remaining -= amount
                disbursement = create_record(FundDisbursement, {
                    "allocation": allocation, "project": project, "amount": amount,
                    "date": max(dt.date(year, rng.randint(3, 12), rng.randint(1, 28)), project.agreed_on),
                    "synthetic": True, "source_document": SYNTHETIC}, user, note="演示数据（合成）")
                # Approved like its allocation: figures count approved records only.
                FundDisbursement.objects.filter(pk=disbursement.pk).update(status="approved")
