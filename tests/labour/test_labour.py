"""Labour cooperation as a user sees it: the demo's totals, distinct persons, registry matching, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.base import csv_bytes, upload
from tests.labour.helpers import ident
from xiezuo.core.jobs import Job
from xiezuo.core.models import ChangeRecord
from xiezuo.core.services import create_record
from xiezuo.labour.models import Employment, Trainee, TrainingClass
from xiezuo.partners.models import Pairing
from xiezuo.registry.models import Household, Member

pytestmark = pytest.mark.django_db

GZ, BIJIE, QIANNAN = "440100000000", "520500000000", "522700000000"


def pairing(west: str) -> Pairing:
    return Pairing.objects.get(helper_region_id=GZ, helped_region_id=west)


def figures(client, kind: str, id_, **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    answer = client.get(f"/api/figures/?subject={kind}&id={id_}&{query}")
    assert answer.status_code == 200, answer.content
    return {f["key"]: f["value"] for f in answer.json()["figures"]}


def test_demo_totals_equal_the_reported_figures_to_november_2018(login):
    client = login("leader")
    totals = {"labour.placed_east": 0, "labour.placed_local": 0}
    for west in (BIJIE, QIANNAN):
        values = figures(client, "pairing", pairing(west).pk, until="2018-11-30")
        for key in totals:
            totals[key] += values[key]
    # DOMAIN.md: Guangzhou → Bijie and Qiannan to November 2018: 3455 into jobs in Guangdong, 4958 locally.
    assert totals == {"labour.placed_east": 3455, "labour.placed_local": 4958}


def test_each_person_counted_once_and_some_come_from_registered_households(login):
    client = login("leader")
    values = figures(client, "region", BIJIE, until="2018-11-30")
    records = Employment.objects.filter(region__code__startswith="5205", status="approved").count()
    assert values["labour.placed"] < records            # workers with two jobs count once
    assert 0 < values["labour.placed_registered"] < values["labour.placed"]
    assert 0 < values["labour.trainees_registered"] < values["labour.trainees"]
    # The drill-down lists exactly the registry members' records.
    page = client.get("/labour/employment/?registered=true&region=520500000000").content.decode()
    member = Employment.objects.filter(person__membership__isnull=False).first()
    assert member.name in page
    # A trainee later employed is one person in two channels.
    both = Employment.objects.filter(person__trainings__isnull=False).values("person").distinct().count()
    assert both > 0


def new_member(number: str, name: str) -> Member:
    household = Household.objects.filter(village__code__startswith="520521").first()
    return Member.objects.create(household=household, id_number=number, name=name, relation="other")


def employ(user, number: str, name: str, **more) -> Employment:
    data = {"id_number": number, "name": name, "region_id": "520521000000", "workplace": "east",
            "start": dt.date(2021, 3, 1), **more}
    return create_record(Employment, data, user)


def test_registry_membership_is_computed_and_follows_the_registry(user):
    admin = user("admin")
    number = ident("520521", "19880808", 777)
    job = employ(admin, number, "石明")
    assert not Employment.objects.filter(pk=job.pk, person__membership__isnull=False).exists()
    assert Employment.objects.get(pk=job.pk).registered is False
    new_member(number, "石明")   # added to the registry after the employment record
    assert Employment.objects.get(pk=job.pk).registered is True


def test_a_name_that_differs_from_the_registry_is_flagged_with_both_names(user, login):
    number = ident("520521", "19870707", 778)
    new_member(number, "龙秀英")
    job = employ(user("admin"), number, "龙秀音")
    assert job.needs_review and "龙秀英" in job.review_note and "龙秀音" in job.review_note
    assert "待核查" in login("admin").get(job.get_absolute_url()).content.decode()


def post_employment(client, **data):
    base = {"name": "页面工人", "region": "520521000000", "workplace": "east", "how": "organised",
            "start": "2021-05-01", "months_stable": "0", "transport_subsidy": "0", "stability_subsidy": "0"}
    return client.post("/labour/employment/add/", {**base, **data})


def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(login, user):
    client = login("bijie_dafang")
    before = Employment.objects.count()
    answer = post_employment(client, id_number="520521198801010010")
    assert "身份证号" in answer.content.decode() and Employment.objects.count() == before
    answer = post_employment(client, id_number=ident("520521", "19900101", 881), start="2021-05-01",
                             end="2021-04-01")
    assert "就业结束日期不能早于开始日期" in answer.content.decode() and Employment.objects.count() == before
    # Overlapping jobs: refused while the first has no end, flagged when one is part-time.
    number = ident("520521", "19900101", 882)
    employ(user("admin"), number, "页面工人")
    answer = post_employment(client, id_number=number, start="2021-06-01")
    assert "日期重叠" in answer.content.decode() and Employment.objects.count() == before + 1
    answer = post_employment(client, id_number=number, start="2021-06-01", part_time="on")
    assert answer.status_code == 302
    assert Employment.objects.filter(person__id_number=number, needs_review=True).count() == 1
    # The API refuses the same invalid number.
    api = client.post("/api/labour/employment/", {"id_number": "520521198801010010", "name": "甲",
                                                  "region": "520521000000", "workplace": "east",
                                                  "start": "2021-05-01"}, content_type="application/json")
    assert api.status_code == 400 and "身份证" in api.content.decode()


def test_a_roster_over_capacity_is_flagged(user):
    admin = user("admin")
    cls = create_record(TrainingClass, {"name": "容差测试班", "programme_id": "广东技工", "region_id": "520521000000",
                                        "start": dt.date(2021, 3, 1), "planned": 2}, admin)
    for serial in range(3):
        create_record(Trainee, {"training_class": cls, "id_number": ident("520521", "19910101", 600 + serial),
                                "name": f"学员{serial}"}, admin)
    flagged = Trainee.objects.filter(training_class=cls, needs_review=True)
    assert flagged.count() == 1 and "超过计划 2 人" in flagged.get().review_note


def employment_rows(numbers):
    return [{"身份证号*": n, "姓名*": f"导入{i}", "户籍地区*": "520521000000", "就业地*": "东部帮扶省份",
             "就业开始日期*": "2019-04-01"} for i, n in enumerate(numbers)]


def run_import(client, content: bytes) -> Job:
    answer = client.post("/labour/employment/import/", {"file": upload("就业名单.csv", content)})
    assert answer.status_code == 302, answer.content[:500]
    return Job.objects.get(pk=answer.url.rstrip("/").split("/")[-1])


def placed_on_the_page(client) -> int:
    """The pairing page's kept figure (core/figures.py `kept`), as the leader reads it."""
    import re

    html = client.get(f"/cooperation/pairing/{pairing(BIJIE).pk}/?include_unapproved=1").content.decode()
    return int(re.search(r'data-figure="labour.placed".*?<a [^>]*>([\d,]+)<', html, re.S).group(1).replace(",", ""))


def test_county_imports_a_list_with_two_bad_rows_fixes_it_and_the_pairing_figure_changes(login):
    client = login("bijie_dafang")
    leader = login("leader")
    before = figures(leader, "pairing", pairing(BIJIE).pk, include_unapproved="true")["labour.placed"]
    assert placed_on_the_page(leader) == before
    good = [ident("520521", "19920202", 700 + i) for i in range(5)]
    bad = good[:3] + ["520521199202027000", good[3], "12345"]
    job = run_import(client, csv_bytes(employment_rows(bad), "utf-8-sig"))
    assert job.state == Job.State.FAILED
    rows = {e[0] for e in job.errors}
    assert rows == {5, 7} and all("身份证" in e[3] for e in job.errors)
    assert figures(leader, "pairing", pairing(BIJIE).pk, include_unapproved="true")["labour.placed"] == before
    job = run_import(client, csv_bytes(employment_rows(good), "utf-8-sig"))
    assert job.state == Job.State.SUCCEEDED, job.errors
    assert figures(leader, "pairing", pairing(BIJIE).pk, include_unapproved="true")["labour.placed"] == before + 5
    # The page kept before counts again: the rows came by COPY on PostgreSQL, which passes no statement wrapper.
    assert placed_on_the_page(leader) == before + 5
    # The same file again changes nothing: no new row, no change record; the job says every row is already there.
    changes = ChangeRecord.objects.count()
    job = run_import(client, csv_bytes(employment_rows(good), "utf-8-sig"))
    assert job.state == Job.State.FAILED and "完全相同" in job.message
    assert {e[3] for e in job.errors} == {"系统中已存在相同记录"} and {e[0] for e in job.errors} == {2, 3, 4, 5, 6}
    assert ChangeRecord.objects.count() == changes
    assert figures(leader, "pairing", pairing(BIJIE).pk, include_unapproved="true")["labour.placed"] == before + 5


def test_a_persons_page_shows_their_records_in_every_channel_inside_the_readers_area(login, user):
    from xiezuo.people.models import Person

    both = Employment.objects.filter(person__trainings__isnull=False, region__code__startswith="5205").first()
    person = both.person
    page = login("bijie").get(f"/people/{person.pk}/").content.decode()
    assert person.id_masked in page and person.id_number not in page
    assert 'id="person-labour-employment"' in page and 'id="person-labour-trainee"' in page
    # Outside the reader's area: no record of theirs is visible, so no page.
    assert login("qiannan").get(f"/people/{person.pk}/").status_code == 404
    # From the employment record's page to the person.
    assert f"/people/{person.pk}/" in login("bijie").get(both.get_absolute_url()).content.decode()
    # Reveal: only for users allowed to see ID numbers, and logged.
    assert login("bijie").post(f"/people/{person.pk}/reveal/").status_code == 403
    shown = login("admin").post(f"/people/{person.pk}/reveal/").content.decode()
    assert person.id_number in shown
    assert ChangeRecord.objects.filter(object_id=str(person.pk), action="view_id",
                                       content_type__model="person").exists()
    assert Person.objects.filter(pk=person.pk).exists()


def test_the_bijie_region_and_pairing_pages_show_labour_and_talent_figures_that_link_to_their_records(login):
    import re
    from html import unescape

    client = login("leader")
    for url in ("/cooperation/region/520500000000/", f"/cooperation/pairing/{pairing(BIJIE).pk}/"):
        html = client.get(url).content.decode()
        for key in ("labour.placed", "labour.placed_registered", "labour.placed_east", "talent.cadres",
                    "talent.professionals"):
            assert f'data-figure="{key}"' in html, (url, key)
        link = re.search(r'data-figure="labour.placed_registered".*?<a href="([^"]+)"', html, re.S).group(1)
        listed = client.get(unescape(link)).content.decode()
        member = Employment.objects.filter(person__membership__isnull=False, region__code__startswith="5205").first()
        assert member.name in listed and "registered=true" in unescape(link)
    assert "转移就业人数" in html and "其中建档立卡户成员" in html


def test_a_persons_figure_says_so_and_its_list_shows_that_many_distinct_persons(login):
    """转移就业人数 N counts distinct persons: the page says so, and its list, longer than N records (second
    jobs), says it holds N persons; so do the other figures counting people, in both channels."""
    import re
    from html import unescape

    client = login("bijie")
    html = client.get(f"/cooperation/pairing/{pairing(BIJIE).pk}/").content.decode()
    assert "人数按身份证号去重" in html
    for key in ("labour.placed", "labour.placed_east", "labour.trainees", "talent.professionals", "talent.cadres"):
        card = re.search(rf'data-figure="{re.escape(key)}".*?</div></div></div>', html, re.S).group(0)
        assert "按人去重" in card, key
        link, value = re.search(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', card).groups()
        listed = client.get(unescape(link)).content.decode()
        persons = re.search(r'id="person-count">，涉及 ([\d,]+) 人', listed).group(1)
        assert persons == value, (key, persons, value)
        if key == "labour.placed":
            records = re.search(r'id="record-count">共 ([\d,]+) 条', listed).group(1)
            assert int(records.replace(",", "")) > int(value.replace(",", ""))   # workers with two jobs
