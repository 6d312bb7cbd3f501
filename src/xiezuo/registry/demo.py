"""Demo data: a modest synthetic registry (marked synthetic) in villages of 大方县 and 黔南州, a screening round
with its gaps, monitoring cases at different steps and the yearly lines. No real person is described."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from decimal import Decimal
from pathlib import Path

from xiezuo.core.services import create_record

from . import synthetic
from .importing.pipeline import run_import
from .models import Household, MonitoringCase, PovertyLine, Screening, ScreeningRound
from .procedure import advance
from .services import MONITORING, open_monitoring_case

# (year, exit line, monitoring threshold): the 2020 national exit line was about 4,000 yuan; DOMAIN.md gives
# 6,000 yuan as the 2021 monitoring threshold. Later years are illustrative values a province would set.
LINES = [(2020, "4000", "6000"), (2021, "4000", "6000"), (2022, "4200", "6500"), (2023, "4400", "6900"),
         (2024, "4600", "7200")]
DEMO_MEMBERS = 3000


def load(acting_user) -> None:
    if not Household.objects.filter(synthetic=True).exists():
        load_registry(acting_user)
    if not MonitoringCase.objects.filter(synthetic=True).exists():
        load_monitoring_cases(acting_user)


def load_registry(acting_user) -> None:
    for year, line, threshold in LINES:
        create_record(PovertyLine, {"region_id": "520000000000", "year": year, "exit_line": Decimal(line),
                                    "monitoring_threshold": Decimal(threshold), "stable_months": 6,
                                    "note": "演示用数值，部署时请按本省文件修改"}, acting_user, note="演示数据")
    villages = synthetic.villages_under(["520521"], limit=12) + synthetic.villages_under(["522732"], limit=4)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo-registry.csv"
        synthetic.write_csv(path, DEMO_MEMBERS, villages, seed=7)
        run_import(path, "演示建档立卡数据（合成）.csv", acting_user, synthetic=True)
    round_ = create_record(ScreeningRound, {
        "name": "2019 年大方县农村贫困人口全面筛查（演示）", "region_id": "520521000000", "year": 2019,
        "started_on": dt.date(2019, 11, 15), "ended_on": dt.date(2019, 12, 31), "synthetic": True,
    }, acting_user, note="演示数据")
    rng = random.Random(11)
    households = list(Household.objects.filter(village__code__startswith="520521").order_by("pk")[:100])
    for household in households:
        verdict = {g: rng.random() > 0.08 for g in ("food", "education", "medical", "housing", "water")}
        verdict["housing"] = verdict["housing"] and household.housing_grade in ("A", "B")
        create_record(Screening, {"round": round_, "household": household, **verdict,
                                  "evidence": "入户核查记录（演示）", "checker": rng.choice(["王建国", "李明", "杨秀英"]),
                                  "checked_on": dt.date(2019, 12, 1) + dt.timedelta(days=rng.randrange(20)),
                                  "synthetic": True}, acting_user, note="演示数据")


# (county, category, trigger, risk, how far the procedure went, rejection reason): each on its own household.
CASES = [
    ("520521", "hardship", "application", "户主突发疾病住院，自付医疗费用约 3 万元（演示）", "warned", ""),
    ("520521", "marginal", "cadre", "家中主要劳动力务工中断，收入骤减（演示）", "consent", ""),
    ("520521", "unstable", "department", "医保部门预警：年度自付医疗费用超过 2 万元（演示）", "village_review", ""),
    ("520521", "hardship", "other", "房屋因暴雨受损，需修缮（演示）", "township_review", ""),
    ("520521", "unstable", "cadre", "家庭成员因残丧失劳动力，收入低于监测范围（演示）", "county_approve", ""),
    ("520521", "marginal", "application", "申请纳入监测（演示）", "match", "数据比对：家庭成员有稳定务工收入，风险可控，不予纳入（演示）"),
    ("522732", "marginal", "department", "农业农村部门预警：种植收入因灾减少（演示）", "public_notice", ""),
]
# Days before today of the dated steps, so that the demo reads like a case file.
STEP_DAYS = {"visit": 38, "consent": 35, "public_notice": 20, "county_approve": 5}


def load_monitoring_cases(acting_user) -> None:
    """Monitoring cases at different steps, through the same action functions as the pages."""
    today = dt.date.today()
    # The county's registry clerk opens the case and takes the village's and cadres' steps; the approval steps and
    # the rejection are another user's (maker-checker), here the acting administrator.
    from django.contrib.auth import get_user_model

    makers = {"520521": get_user_model().objects.filter(username="dafang_registry").first()}
    for county, category, trigger, risk, until, rejection in CASES:
        maker = makers.get(county) or acting_user
        household = (Household.objects.filter(village__code__startswith=county, synthetic=True, member_count__gt=0,
                                              monitoring="", monitoring_cases__isnull=True).order_by("-pk").first())
        if household is None:
            continue
        case = open_monitoring_case(household, maker, category, trigger, risk,
                                    warned_on=today - dt.timedelta(days=40), synthetic=True)
        if until == "warned":
            continue
        for step in MONITORING.offered_steps:
            days = STEP_DAYS.get(step.key)
            who = acting_user if step.action == "approve" else maker
            case = advance(case, step.key, who, on=today - dt.timedelta(days=days) if days else None,
                           values={"visitor": "王建国（演示）"})
            if step.key == until:
                break
        if rejection:
            advance(case, "reject", acting_user, rejection)
