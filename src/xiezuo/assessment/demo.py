"""Demo data of the assessment channel: a 2019 round for Guangzhou→Bijie and Guangzhou→Qiannan carried to the
grade (partner comments, one cross-check adjustment) and a 2020 round in self-evaluation.

No published source gives targets or narratives per pairing: targets, texts and the adjustment are synthetic
(targets flagged `synthetic=True`, rounds too); the values are computed from the other channels' demo records.
"""

from __future__ import annotations

from decimal import Decimal

from xiezuo.core.services import create_record
from xiezuo.partners.models import Pairing

from .catalogue import seed
from .choices import Area, Stage
from .compute import live_value, year_subject
from .models import Indicator, Method, Round, Target
from .services import advance, open_round, save_check, save_narratives

AFTER_CHANNELS = True  # its values are computed from the other channels' demo records

TARGETS = {"L01": 4, "L02": 2, "F01": 100_000_000, "I01": 3, "I02": 50_000_000}


def _pairings():
    return [Pairing.objects.get(helper_region="440100000000", helped_region=code)
            for code in ("520500000000", "522700000000")]


def load(acting_user) -> None:
    seed(Indicator, Method)  # the migration seeded them; a flushed database (transactional tests) has none
    if Round.objects.filter(year=2019).exists():
        return  # loading twice changes nothing
    pairings = _pairings()
    for pairing in pairings:
        for code, value in TARGETS.items():
            target = create_record(Target, {"pairing": pairing, "indicator": Indicator.objects.get(code=code),
                                            "year": 2019, "value": Decimal(value), "synthetic": True},
                                   acting_user, note="演示数据")
            Target.objects.filter(pk=target.pk).update(status="approved")  # as the partners demo does
    rnd = open_round(2019, "2019年度东西部扶贫协作考核（广州—毕节、黔南）", pairings, synthetic=True,
                     acting_user=acting_user)
    for assessed in rnd.pairings.all():
        save_narratives(assessed, "self_text", {n.area: f"{n.get_area_display()}：按年度协议推进，数据见各项指标（演示）。"
                                                for n in assessed.narratives.all()}, acting_user)
    advance(rnd, acting_user)                       # → partner's comments
    for assessed in rnd.pairings.all():
        save_narratives(assessed, "partner_comment", {a: "情况属实（演示）。" for a in Area.values}, acting_user)
    advance(rnd, acting_user)                       # → cross-check
    assessed = rnd.pairings.get(pairing=pairings[1])
    for code in ("L01", "I01", "F01"):  # the first indicator with a value: one activity or item counted twice
        value = assessed.values.get(indicator__code=code)
        live = live_value(acting_user, value.indicator, year_subject("pairing", assessed.pairing, rnd.year))
        if live.value:
            step = Decimal(1_000_000) if value.indicator.money else Decimal(1)
            save_check(assessed, {value.pk: ("一项重复登记（演示）。", f"{live.value - step}",
                                             "同一事项登记两次，核减一次（演示）。")}, acting_user)
            break
    advance(rnd, acting_user)                       # → closed, values frozen
    advance(rnd, acting_user)                       # → graded
    assert rnd.pairings.exclude(grade="").count() == len(pairings)
    later = open_round(2020, "2020年度东西部协作考核（广州—毕节、黔南）", pairings, synthetic=True,
                       acting_user=acting_user)
    assert later.stage == Stage.SELF
