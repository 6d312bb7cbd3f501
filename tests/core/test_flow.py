"""Maker-checker over areas and levels, reopening with a reason, and roles per channel (issue 10)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from tests.base import changes_for
from xiezuo.core.models import Status
from xiezuo.core.permissions import can
from xiezuo.core.services import create_record, transition_record
from xiezuo.exchange.models import Visit
from xiezuo.industry.models import Project
from xiezuo.partners.services import create_account, set_channel_role
from xiezuo.registry.models import Household

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def visit(by, *regions: str, name: str = "省协作办赴黔南、毕节调研") -> Visit:
    obj = create_record(Visit, {"name": name, "start_date": dt.date(2021, 5, 1)}, by, m2m={"regions": regions})
    return obj


def project(by, region: str, name: str = "大方县测试食用菌基地") -> Project:
    return create_record(Project, {"name": name, "region_id": region, "agreed_on": dt.date(2021, 3, 1)}, by)


def url(obj, action: str) -> str:
    return obj.record_type.url("transition", obj.pk, action=action)


def test_a_visit_that_covers_bijie_too_is_not_qiannans_to_judge(login, user):
    qiannan = user("qiannan")
    province = create_account("gzprov_editor", "x" * 12, role="editor", region_codes=["520000000000"])
    trip = visit(province, "522701000000", "520521000000")
    transition_record(trip, "submit", province)
    client = login("qiannan")
    page = client.get(trip.get_absolute_url()).content.decode()
    assert url(trip, "approve") not in page and url(trip, "return") not in page
    response = client.post(url(trip, "return"), {"reason": "不对"})
    assert response.status_code == 403
    refused = api(qiannan).post(f"/api/exchange/visit/{trip.pk}/approve/", {}, format="json")
    assert refused.status_code == 403 and "管辖范围以外" in refused.json()["detail"]
    # Someone who holds the whole record approves it; qiannan is not offered to reopen it either.
    transition_record(trip, "approve", user("admin"))
    page = client.get(trip.get_absolute_url()).content.decode()
    assert url(trip, "reopen") not in page
    assert api(qiannan).post(f"/api/exchange/visit/{trip.pk}/reopen/", {"reason": "x"},
                             format="json").status_code == 403
    trip.refresh_from_db()
    assert trip.status == Status.APPROVED


def test_qiannan_is_not_offered_approval_of_its_own_submission(login, user):
    qiannan = user("qiannan")
    trip = visit(qiannan, "522701000000", name="黔南州赴都匀调研")
    client = login("qiannan")
    assert client.post(url(trip, "submit")).status_code == 302
    page = client.get(trip.get_absolute_url()).content.decode()
    assert "提交审核" not in page and url(trip, "approve") not in page and "此记录由您提交" in page
    assert api(qiannan).post(f"/api/exchange/visit/{trip.pk}/approve/", {}, format="json").status_code == 403
    trip.refresh_from_db()
    assert trip.status == Status.SUBMITTED and trip.submitted_by == qiannan


def test_county_enters_prefecture_approves_and_a_prefecture_submission_goes_higher(login, user):
    dafang, bijie = user("bijie_dafang"), user("bijie")
    work = project(dafang, "520521000000")
    assert login("bijie_dafang").post(url(work, "submit")).status_code == 302
    assert login("qiannan").get(work.get_absolute_url()).status_code == 404
    page = login("bijie").get(work.get_absolute_url()).content.decode()
    assert url(work, "approve") in page
    assert api(bijie).post(f"/api/industry/project/{work.pk}/approve/", {}, format="json").status_code == 200
    work.refresh_from_db()
    assert work.status == Status.APPROVED
    # What the prefecture submits itself goes to the province: another prefecture approver may not approve it.
    colleague = create_account("bijie_colleague", "x" * 12, role="approver", region_codes=["520500000000"])
    own = project(bijie, "520502000000", name="毕节市级测试项目")
    transition_record(own, "submit", bijie)
    refused = api(colleague).post(f"/api/industry/project/{own.pk}/approve/", {}, format="json")
    assert refused.status_code == 403 and "更高一级" in refused.json()["detail"]
    assert not can(colleague, "approve", Project.objects.get(pk=own.pk))
    assert can(user("admin"), "approve", Project.objects.get(pk=own.pk))


def test_reopening_needs_a_reason_and_history_shows_it(login, user):
    dafang = user("bijie_dafang")
    work = project(dafang, "520521000000", name="大方县测试重新打开")
    transition_record(work, "submit", dafang)
    transition_record(work, "approve", user("bijie"))
    client = login("bijie")
    client.post(url(work, "reopen"))
    work.refresh_from_db()
    assert work.status == Status.APPROVED
    assert client.post(url(work, "reopen"), {"reason": "资金数额需更正"}).status_code == 302
    work.refresh_from_db()
    assert work.status == Status.DRAFT
    assert changes_for(work, "reopen").get().note == "资金数额需更正"
    assert "资金数额需更正" in client.get(work.record_type.url("history", work.pk)).content.decode()


def test_roles_are_per_channel(login, user):
    person = user("dafang_registry")
    client = login("dafang_registry")
    assert client.get("/registry/household/add/").status_code == 200
    assert client.get("/industry/project/add/").status_code == 403
    assert client.get("/industry/project/").status_code == 200
    listing = client.get("/industry/project/").content.decode()
    assert "/industry/project/add/" not in listing
    assert api(person).post("/api/industry/project/", {"name": "越权", "region": "520521000000",
                                                       "agreed_on": "2021-01-01"}, format="json").status_code == 403
    work = project(user("bijie_dafang"), "520521000000", name="大方县只读测试")
    assert client.get(work.get_absolute_url()).status_code == 200
    assert client.get(work.record_type.url("edit", work.pk)).status_code == 403
    household = Household.objects.restrict(person).first()
    assert household is not None and can(person, "change", household)
    assert can(person, "add", Household) and can(person, "import", Household)
    assert not can(person, "add", Project) and not can(person, "submit", work)


def test_a_channel_role_can_also_narrow_a_user(login, user):
    qiannan = user("qiannan")
    set_channel_role(qiannan, "exchange", "viewer")
    client = login("qiannan")
    trip = visit(user("admin"), "522701000000", name="黔南只读考察")
    assert client.get(trip.record_type.url("edit", trip.pk)).status_code == 403
    assert client.get("/industry/project/add/").status_code == 200
    set_channel_role(qiannan, "exchange", None)
    assert login("qiannan").get(trip.record_type.url("edit", trip.pk)).status_code == 200
    with pytest.raises(ValueError, match="未知的业务板块"):
        set_channel_role(qiannan, "nowhere", "editor")


def test_createuser_and_setrole_give_channel_roles(user):
    out = io.StringIO()
    call_command("createuser", "xz_health", "--password", "x" * 12, "--role", "viewer",
                 "--region", "520521000000", "--channel-role", "registry=editor", stdout=out)
    person = user("xz_health")
    assert can(person, "add", Household) and not can(person, "add", Project)
    call_command("setrole", "xz_health", "--channel-role", "industry=editor", "--channel-role", "registry=default",
                 stdout=out)
    person = user("xz_health")
    assert can(person, "add", Project) and not can(person, "add", Household)
    assert "industry：填报员" in out.getvalue()
