"""Demo data: a modest synthetic registry (marked synthetic) in villages of 大方县 and 黔南州, a screening round
with its gaps, one exit proposal and the yearly lines. No real person is described."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from decimal import Decimal
from pathlib import Path

from xiezuo.core.services import create_record

from . import synthetic
from .importing.pipeline import run_import
from .models import Household, PovertyLine, Screening, ScreeningRound

# (year, exit line, monitoring threshold): the 2020 national exit line was about 4,000 yuan; DOMAIN.md gives
# 6,000 yuan as the 2021 monitoring threshold. Later years are illustrative values a province would set.
LINES = [(2020, "4000", "6000"), (2021, "4000", "6000"), (2022, "4200", "6500"), (2023, "4400", "6900"),
         (2024, "4600", "7200")]
DEMO_MEMBERS = 3000


def load(acting_user) -> None:
    if Household.objects.filter(synthetic=True).exists():
        return
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
