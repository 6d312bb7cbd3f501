"""Synthetic demo data of the 人才交流 channel, flagged `synthetic=True`.

Made-up people whose computed totals equal DOMAIN.md's Guangzhou → Bijie and Qiannan to November 2018: 33
cadres on secondment and 293 professionals dispatched (distinct persons; a few professionals went twice).
Written in bulk, entered as approved.
"""

from __future__ import annotations

import datetime as dt
import random

from xiezuo.core.idcard import check_char
from xiezuo.core.text import search_key
from xiezuo.partners.models import Organisation, Pairing
from xiezuo.people.models import Person

from .models import CadreTrainee, CadreTraining, Dispatch, Secondment, Team, TeamMember, TeamOutput

SOURCE = "演示数据（合成）：总数与 DOMAIN.md 广州对口帮扶毕节、黔南截至 2018 年 11 月的报道数字一致"
CADRES, PROFESSIONALS, TWICE = 33, 293, 7
# School and hospital pairs (DOMAIN.md): 165 schools and 41 hospitals of Guangzhou paired with Bijie's and Qiannan's.
SCHOOL_PAIRS, HOSPITAL_PAIRS = 165, 41
BIJIE_COUNTIES = ["520502", "520521", "520522", "520523", "520524", "520525", "520526", "520527"]
QIANNAN_COUNTIES = ["522701", "522702", "522722", "522723", "522725", "522726", "522727", "522728"]
GUANGZHOU_COUNTIES = ["440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114"]
WEST = ["520500000000", "522700000000"]
SPECIALITIES = ["teacher", "doctor", "nurse", "agriculture", "other"]
SURNAMES = "陈黄李梁何罗林郑谢冯"
GIVEN = "伟强华明志国文嘉俊杰"


def _person(k: int, rng: random.Random) -> Person:
    county = GUANGZHOU_COUNTIES[k % len(GUANGZHOU_COUNTIES)]
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=(k * 7919) % 9000)
    body = f"{county}{birth:%Y%m%d}{600 + k % 400:03d}"
    number = body + check_char(body)
    person, _ = Person.objects.get_or_create(id_number=number, defaults={
        "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), "sex": str(2 - int(number[16]) % 2),
        "birth_date": birth})
    return person


def load(acting_user) -> None:
    common = {"status": "approved", "synthetic": True, "source_document": SOURCE, "created_by": acting_user}
    if Secondment.objects.filter(synthetic=True).exists():
        load_trainings(common)
        return  # loading twice changes nothing
    rng = random.Random(33)
    cadres = []
    for k in range(CADRES):
        p = _person(k, rng)
        start = dt.date(2017, 3, 1) + dt.timedelta(days=rng.randrange(500))
        cadres.append(Secondment(person=p, name=p.name, direction="east_west", home_unit_name="广州市直单位（演示）",
                                 host_region_id=WEST[k % 2], host_unit_name="县人民政府（演示）", post="副县长（挂职）",
                                 start=start, planned_end=start + dt.timedelta(days=730), **common))
    Secondment.objects.bulk_create(cadres)
    stays = []
    for k in range(PROFESSIONALS):
        p = _person(CADRES + k, rng)
        start = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(300))
        end = start + dt.timedelta(days=200 + rng.randrange(200))
        stays.append(Dispatch(person=p, name=p.name, speciality=SPECIALITIES[k % 5], home_unit_name="广州市医院或学校（演示）",
                              host_region_id=WEST[k % 2], host_unit_name="县医院或学校（演示）", start=start,
                              actual_end=end, **common))
    # A few went twice (a second, later stay): still one person each.
    stays += [Dispatch(person=d.person, name=d.name, speciality=d.speciality, home_unit_name=d.home_unit_name,
                       host_region_id=d.host_region_id, host_unit_name=d.host_unit_name,
                       start=d.actual_end + dt.timedelta(days=30), actual_end=d.actual_end + dt.timedelta(days=250),
                       **common) for d in stays[:TWICE]]
    Dispatch.objects.bulk_create(stays)

    load_teams(common)
    load_pairs(common)
    load_trainings(common)


def load_teams(common) -> None:
    """Two 组团式 teams in Bijie, each with two batches of members drawn from the dispatched doctors and teachers
    (the same people as in the dispatch records), and what they did."""
    for kind, field, name, host in (
            ("hospital", "doctor", "广州市医院组团式帮扶毕节市县人民医院团队（演示）", "县人民医院（演示）"),
            ("school", "teacher", "广州市学校组团式帮扶毕节市县第一中学团队（演示）", "县第一中学（演示）")):
        team = Team.objects.create(name=name, kind=kind, helper_unit_name="广州市（演示）", host_region_id=WEST[0],
                                   host_unit_name=host, start=dt.date(2017, 3, 1), **common)
        people = list(Dispatch.objects.filter(speciality=field, host_region_id=WEST[0]).order_by("pk")
                      .values_list("person_id", "name").distinct()[:10])
        members = []
        for i, (person_id, person_name) in enumerate(people):
            batch = i // 5
            start = dt.date(2017 + batch, 3, 1)
            members.append(TeamMember(team=team, person_id=person_id, name=person_name,
                                      role="队长" if i % 5 == 0 else "队员", start=start,
                                      end=start + dt.timedelta(days=364), **common))
        TeamMember.objects.bulk_create(members)
        outputs = ([("departments", 3), ("operations", 420), ("staff_trained", 260)] if kind == "hospital"
                   else [("teachers_trained", 310), ("other", 12)])
        TeamOutput.objects.bulk_create([TeamOutput(team=team, kind=k, count=n, date=dt.date(2018, 6, 30), **common)
                                        for k, n in outputs])


def load_pairs(common) -> None:
    """165 school pairs (校对校) and 41 hospital pairs (院对院) between made-up Guangzhou units and made-up units in
    Bijie's and Qiannan's counties, in force since 2017."""
    if Pairing.objects.filter(synthetic=True, kind__in=["school", "hospital"]).exists():
        return
    orgs, pairs = [], []
    for kind, word, total in (("school", "学校", SCHOOL_PAIRS), ("hospital", "医院", HOSPITAL_PAIRS)):
        for k in range(total):
            west = BIJIE_COUNTIES if k % 5 < 3 else QIANNAN_COUNTIES  # three in five in Bijie
            east_code = GUANGZHOU_COUNTIES[k % len(GUANGZHOU_COUNTIES)] + "000000"
            west_code = west[k % len(west)] + "000000"
            helper = Organisation(name=f"广州市结对{word}{k + 1:03d}（演示）", kind=kind, region_id=east_code,
                                  synthetic=True, source_document=SOURCE)
            helped = Organisation(name=f"西部结对{word}{k + 1:03d}（演示）", kind=kind, region_id=west_code,
                                  synthetic=True, source_document=SOURCE)
            for o in (helper, helped):
                o.search_key = f"{search_key(o.name)}|"
            orgs += [helper, helped]
            pairs.append((kind, helper, helped))
    Organisation.objects.bulk_create(orgs)
    for o in orgs:  # what `Organisation.save` sets: the chain of ids (no parent here)
        o.path = f"{o.pk:08d}/"
    Organisation.objects.bulk_update(orgs, ["path"])
    Pairing.objects.bulk_create([
        Pairing(kind=kind, helper_organisation=helper, helped_organisation=helped, start_date=dt.date(2017, 3, 1),
                basis="广州市对口帮扶毕节市、黔南州学校医院结对（演示）", **common)
        for kind, helper, helped in pairs])


TRAINING_SOURCE = "演示数据（合成）：两地培训班及学员为虚构示例"


def load_trainings(common) -> None:
    """A few 两地培训 classes for Bijie and Qiannan (held in Guangzhou or in the west): some with a roster of
    persons by ID number (some of them the dispatched professionals, one on two classes, so that distinct counting
    shows), some with only a count of participants whose names were not kept."""
    if CadreTraining.objects.filter(synthetic=True).exists():
        return
    common = {**common, "source_document": TRAINING_SOURCE}
    classes = [
        ("毕节市党政干部赴广州跟岗培训班（演示）", "cadre", "440100000000", WEST[0], dt.date(2018, 4, 9), 5, 0),
        ("毕节市教师广州集中培训班（演示）", "technician", "440100000000", WEST[0], dt.date(2018, 7, 16), 6, 0),
        ("广州专家赴毕节医务人员培训班（演示）", "technician", "520502000000", WEST[0], dt.date(2018, 9, 3), 0, 120),
        ("黔南州乡村振兴干部培训班（演示）", "cadre", "522701000000", WEST[1], dt.date(2018, 5, 14), 4, 36),
        ("黔南州农业技术人员广州培训班（演示）", "technician", "440100000000", WEST[1], dt.date(2018, 10, 8), 0, 58),
    ]
    made = []
    for name, kind, held, helped, start, _named, counted in classes:
        made.append(CadreTraining(name=name, kind=kind, region_id=held, helped_region_id=helped, start=start,
                                  end=start + dt.timedelta(days=11), counted_participants=counted, **common))
    CadreTraining.objects.bulk_create(made)
    # Dispatched professionals of each helped region (the same persons as in the dispatch records).
    people = {}
    for west in WEST:
        found = Dispatch.objects.filter(host_region_id=west, synthetic=True).order_by("pk")[:40]
        people[west] = list(dict.fromkeys((d.person_id, d.name) for d in found))[:12]
    rows = []
    for k, (training, (_n, _k, _h, helped, _s, named, _c)) in enumerate(zip(made, classes, strict=True)):
        pool = people[helped]
        # Every class of a region starts its roster with the same person: one person on two classes, counted once.
        picks = dict.fromkeys([0, *((k * 3 + i) % len(pool) for i in range(1, named))]) if named else {}
        rows += [CadreTrainee(training=training, person_id=pool[i][0], name=pool[i][1], unit="县直单位（演示）",
                              post="学员", **common) for i in picks]
    CadreTrainee.objects.bulk_create(rows)
