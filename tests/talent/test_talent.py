"""Talent exchange as a user sees it: the demo's totals, distinct persons, overlapping stays, minimum stay as data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.labour.helpers import ident
from tests.labour.test_labour import BIJIE, QIANNAN, figures, pairing
from xiezuo.core.services import create_record
from xiezuo.talent.models import Dispatch, MinimumStay, Secondment

pytestmark = pytest.mark.django_db


def test_demo_totals_equal_the_reported_figures_to_november_2018(login):
    client = login("leader")
    totals = {"talent.cadres": 0, "talent.professionals": 0}
    for west in (BIJIE, QIANNAN):
        values = figures(client, "pairing", pairing(west).pk, until="2018-11-30")
        for key in totals:
            totals[key] += values[key]
        assert values["talent.cadre_months"] > 0
    # DOMAIN.md: Guangzhou → Bijie and Qiannan to November 2018: 33 cadres, 293 professionals.
    assert totals == {"talent.cadres": 33, "talent.professionals": 293}
    assert Dispatch.objects.filter(synthetic=True).count() > 293   # some went twice: one person each


def test_an_overlapping_secondment_of_the_same_person_is_refused(user):
    admin = user("admin")
    number = ident("440106", "19790101", 501)
    data = {"id_number": number, "name": "重叠干部", "host_region_id": "520521000000", "start": dt.date(2021, 1, 1)}
    create_record(Secondment, data, admin)
    with pytest.raises(ValidationError, match="日期重叠"):
        create_record(Secondment, {**data, "start": dt.date(2021, 6, 1), "host_region_id": "522701000000"}, admin)
    assert Secondment.objects.filter(person__id_number=number).count() == 1


def test_the_minimum_stay_is_data(user, login):
    admin = user("admin")
    short = create_record(Dispatch, {"id_number": ident("440106", "19790101", 502), "name": "短期医生",
                                     "speciality": "doctor", "host_region_id": "520521000000",
                                     "start": dt.date(2021, 1, 1), "actual_end": dt.date(2021, 3, 1)}, admin)
    listed = login("admin").get("/talent/dispatch/?qualifying=true&region=520521000000").content.decode()
    assert short.name not in listed
    MinimumStay.objects.filter(field="doctor").update(days=30)
    listed = login("admin").get("/talent/dispatch/?qualifying=true&region=520521000000").content.decode()
    assert short.name in listed


def test_a_team_counts_each_member_once_over_its_batches_and_members_are_the_dispatched_people(login):
    from xiezuo.talent.models import Team, TeamMember

    team = Team.objects.get(kind="hospital", synthetic=True)
    members = TeamMember.objects.filter(team=team)
    assert members.values("start").distinct().count() == 2          # two batches
    assert all(Dispatch.objects.filter(person_id=m.person_id).exists() for m in members)
    values = figures(login("leader"), "region", BIJIE)
    assert values["talent.hospital_teams"] >= 1 and values["talent.school_teams"] >= 1
    assert values["talent.team_members"] == TeamMember.objects.filter(
        team__host_region__code__startswith="5205", status="approved").values("person").distinct().count()
    assert values["talent.operations"] == 420


def test_demo_school_and_hospital_pairs_equal_the_reported_figures_and_show_on_the_bijie_pages(login):
    import re
    from html import unescape

    from xiezuo.partners.models import Pairing

    client = login("leader")
    totals = {"talent.school_pairs": 0, "talent.hospital_pairs": 0}
    for west in (BIJIE, QIANNAN):
        values = figures(client, "pairing", pairing(west).pk, until="2018-11-30")
        for key in totals:
            totals[key] += values[key]
    # DOMAIN.md: Guangzhou → Bijie and Qiannan to November 2018: 165 school pairs, 41 hospital pairs.
    assert totals == {"talent.school_pairs": 165, "talent.hospital_pairs": 41}
    assert Pairing.objects.filter(kind__in=["school", "hospital"], synthetic=True).count() == 206
    region = figures(client, "region", "520500000000")
    assert region["talent.school_pairs"] == figures(client, "pairing", pairing(BIJIE).pk)["talent.school_pairs"] > 0
    for url in ("/cooperation/region/520500000000/", f"/cooperation/pairing/{pairing(BIJIE).pk}/"):
        html = client.get(url).content.decode()
        assert "学校结对（校对校）" in html and "医院结对（院对院）" in html, url
        link = re.search(r'data-figure="talent.hospital_pairs".*?<a href="([^"]+)"', html, re.S).group(1)
        listed = client.get(unescape(link)).content.decode()
        bijie_pair = Pairing.objects.filter(kind="hospital", synthetic=True,
                                            helped_organisation__region__code__startswith="5205").first()
        qiannan_pair = Pairing.objects.filter(kind="hospital", synthetic=True,
                                              helped_organisation__region__code__startswith="5227").first()
        assert bijie_pair.helped_organisation.name in listed, url
        assert qiannan_pair.helped_organisation.name not in listed, url


def test_two_overlapping_secondments_of_one_person_in_one_file_are_refused_by_row(login):
    from tests.base import csv_bytes, upload
    from xiezuo.core.jobs import Job

    number = ident("440106", "19790101", 511)
    rows = [{"身份证号*": number, "姓名*": "同文件干部", "派驻地区*": "522702000000", "到岗日期*": "2021-01-05"},
            {"身份证号*": number, "姓名*": "同文件干部", "派驻地区*": "522701000000", "到岗日期*": "2021-06-05"}]
    answer = login("qiannan").post("/talent/secondment/import/", {"file": upload("干部.csv", csv_bytes(rows))})
    job = Job.objects.get(pk=answer.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.FAILED
    assert [e[0] for e in job.errors] == [3] and "日期重叠" in job.errors[0][3]
    assert not Secondment.objects.filter(person__id_number=number).exists()
