"""Synthetic demo data of the 劳务协作 channel, flagged `synthetic=True`.

The people and their records are made up; their computed totals equal what DOMAIN.md reports for Guangzhou →
Bijie and Qiannan to November 2018: 3455 people placed in jobs in Guangdong (the eastern partner province) and
4958 locally, each a distinct person. Some workers, and some trainees later employed, are members of the demo registry (linked in `load_late`, once
the registry's demo has run), and many trainees are later employed (one person in two record types), so that
distinct counting and "of whom from registered poor households" both show. Written in bulk, entered as approved.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from xiezuo.core.idcard import check_char
from xiezuo.geo.models import Region
from xiezuo.people.models import Person, in_registry

from .models import Employment, Programme, Trainee, TrainingClass

SOURCE = "演示数据（合成）：总数与 DOMAIN.md 广州对口帮扶毕节、黔南截至 2018 年 11 月的报道数字一致"
EAST_2018 = 3455     # people into jobs in Guangdong
LOCAL_2018 = 4958    # people into jobs locally
PREFECTURES = ("520500000000", "522700000000")   # 毕节市, 黔南州
REGISTERED_WORKERS = 300   # demo registry members among the workers (Dafang county)
REGISTERED_TRAINEES = 40   # … and among the trainees later employed: the same member in two channels
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林"
GIVEN = "明华建国秀英丽军平红文强芳玉兰志勇海燕春梅"
EMPLOYERS = ["广州汽车工业集团有限公司", "广州酒家集团股份有限公司", "广州医药集团有限公司", "广州市建筑集团有限公司",
             "岭南商旅投资集团有限公司"]
LOCAL_EMPLOYERS = ["本地扶贫车间", "县工业园区企业", "农业合作社", "乡村公益性岗位"]
CLASSES = [("广东技工", "2018 年毕节籍学员广东技工培训班（演示）", "520500000000", 400),
           ("粤菜师傅", "2018 年粤菜师傅黔南培训班（演示）", "522700000000", 300),
           ("南粤家政", "2018 年南粤家政毕节培训班（演示）", "520500000000", 300)]
TRAINEES_EMPLOYED = 600   # trainees later employed: the same person in both lists


def counties() -> list[str]:
    return list(Region.objects.filter(level=3, code__regex=r"^(5205|5227)", valid_to__isnull=True)
                .order_by("code").values_list("code", flat=True))


def _id(county: str, k: int) -> str:
    # Serials 500–999: clear of the demo registry's synthetic numbers (which start at 000).
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=(k * 7919) % 10950)
    body = f"{county[:6]}{birth:%Y%m%d}{500 + (k // 10950) % 500:03d}"
    return body + check_char(body)


def load(acting_user) -> None:
    if Employment.objects.filter(synthetic=True).exists():
        return  # loading twice changes nothing
    rng = random.Random(2018)
    places = counties()
    now_people = []
    for k in range(EAST_2018 + LOCAL_2018):
        number = _id(places[k % len(places)], k)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        now_people.append(Person(id_number=number, name=name, sex=str(2 - int(number[16]) % 2),
                                 birth_date=dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))))
    Person.objects.bulk_create(now_people, batch_size=2000, ignore_conflicts=True)
    numbers = [p.id_number for p in now_people]
    people = {p.id_number: p for n in range(0, len(numbers), 900)
              for p in Person.objects.filter(id_number__in=numbers[n:n + 900])}
    common = {"status": "approved", "synthetic": True, "source_document": SOURCE, "created_by": acting_user}
    rows = []
    for k, p in enumerate(now_people):
        person = people[p.id_number]
        east = k < EAST_2018
        start = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(690))   # up to November 2018
        rows.append(Employment(
            person=person, name=person.name, region_id=f"{p.id_number[:6]}000000",
            employer_name=rng.choice(EMPLOYERS if east else LOCAL_EMPLOYERS),
            workplace="east" if east else ("workshop" if k % 7 == 0 else "local"),
            how="organised" if east else rng.choice(["organised", "fair", "self_found"]),
            start=start, months_stable=rng.randrange(3, 20),
            transport_subsidy=Decimal(rng.choice([0, 300, 500, 800])) if east else Decimal(0),
            stability_subsidy=Decimal(rng.choice([0, 1000, 1500])), **common))
    # Some workers changed jobs: a second, later record of the same person (counted once).
    for e in rows[:200]:
        e.end = e.start + dt.timedelta(days=150)
    rows += [Employment(person=e.person, name=e.name, region_id=e.region_id, employer_name=EMPLOYERS[0],
                        workplace=e.workplace, how="organised", start=e.end + dt.timedelta(days=10),
                        months_stable=6, **common) for e in rows[:200]]
    Employment.objects.bulk_create(rows, batch_size=2000)
    # Training classes: trainees are partly people later employed, partly others.
    # The programmes are seeded by a migration; a flushed test database has lost them.
    programmes = {name: Programme.objects.get_or_create(name=name)[0] for name, *_rest in CLASSES}
    workers = [people[p.id_number] for p in now_people]
    offset = 0
    for programme, name, region, size in CLASSES:
        cls = TrainingClass.objects.create(
            name=name, programme=programmes[programme], region_id=region, place="广州市", start=dt.date(2018, 3, 1),
            end=dt.date(2018, 5, 31), planned=size, **common)
        chosen = [w for w in workers if w.id_number[:4] == region[:4]][offset:offset + size]
        offset += size
        Trainee.objects.bulk_create([Trainee(
            training_class=cls, person=w, name=w.name, completion="completed",
            certificate="skill_level" if i % 3 else "qualified", **common) for i, w in enumerate(chosen)])


def load_late(acting_user) -> None:
    """Once the registry's demo is there: some workers of Dafang county are members of registered households."""
    if Employment.objects.filter(synthetic=True).filter(in_registry("person")).exists():
        return
    members = list(Person.objects.filter(in_registry(""), id_number__startswith="520521")
                   .exclude(employments__isnull=False).exclude(trainings__isnull=False)
                   .order_by("pk")[:REGISTERED_WORKERS + REGISTERED_TRAINEES])
    jobs = list(Employment.objects.filter(synthetic=True, region_id="520521000000", end__isnull=True)
                .exclude(person__trainings__isnull=False).order_by("pk")[:REGISTERED_WORKERS])
    # Trainees later employed, so that "of whom from registered poor households" of trainees is not zero either.
    trained = list(Person.objects.filter(id_number__startswith="520521", trainings__synthetic=True,
                                         employments__synthetic=True).distinct().order_by("pk")
                   [:REGISTERED_TRAINEES])
    olds = [job.person_id for job in jobs] + [p.pk for p in trained]
    for member, old in zip(members, olds, strict=False):
        # The worker was a made-up person: re-point their records to the registry member (counts unchanged).
        Employment.objects.filter(person_id=old).update(person=member, name=member.name)
        Trainee.objects.filter(person_id=old).update(person=member, name=member.name)
        Person.objects.filter(pk=old).delete()
