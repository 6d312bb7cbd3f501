"""Bad input of the issue: refused with a clear message, or (unpaired agreements) saved and flagged for review."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from xiezuo.exchange.demo import SASAC_2018
from xiezuo.exchange.models import Agreement, Visit
from xiezuo.industry.models import FundAllocation, Project
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db


def org(name: str) -> int:
    return Organisation.objects.get(name=name).pk


def api(user, username: str) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user(username))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


PROJECT = {"name": "都匀市无投资方工厂", "kind": "factory", "region": "522701000000", "agreed_on": "2021-01-01",
           "actual_investment": "5000000"}


def test_actual_investment_without_investor_is_refused(login, user):
    response = login("qiannan").post("/industry/project/add/", PROJECT)
    assert response.status_code == 400
    assert "没有填写投资企业" in response.content.decode()
    response = api(user, "qiannan").post("/api/industry/project/", PROJECT, format="json")
    assert response.status_code == 400 and "没有填写投资企业" in response.content.decode()
    assert not Project.objects.filter(name=PROJECT["name"]).exists()


@pytest.mark.parametrize("url,data,message", [
    ("/exchange/visit/add/", {"name": "日期颠倒的考察", "start_date": "2021-05-10", "end_date": "2021-05-01",
                              "regions": "522701000000"}, "结束日期不能早于开始日期"),
    ("/industry/project/add/", {**PROJECT, "actual_investment": "", "stage": "operating", "started_on": "2021-06-01",
                                "operating_on": "2021-03-01"}, "日期顺序有误"),
])
def test_dates_out_of_order_are_refused(login, url, data, message):
    response = login("qiannan").post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_disbursement_beyond_allocation_is_refused(login):
    allocation = FundAllocation.objects.filter(region="522701000000", year=2019).first()
    project = Project.objects.filter(region__code__startswith="522701").first()
    response = login("qiannan").post("/industry/funddisbursement/add/", {
        "allocation": allocation.pk, "project": project.pk, "date": "2019-12-01",
        "amount": str(allocation.balance() + 1)})
    assert response.status_code == 400
    assert "拨付超出下达资金" in response.content.decode()
    # Exactly the balance is accepted.
    response = login("qiannan").post("/industry/funddisbursement/add/", {
        "allocation": allocation.pk, "project": project.pk, "date": "2019-12-01", "amount": str(allocation.balance())})
    assert response.status_code == 302
    allocation.refresh_from_db()
    assert allocation.balance() == 0


def test_agreement_outside_any_pairing_is_saved_and_flagged(login):
    client = login("qiannan")
    data = {"title": "2015年的合作协议", "signed_on": "2015-06-01", "eastern_parties": [org("广州医药集团有限公司")],
            "western_parties": [org("黔南布依族苗族自治州人民政府")]}
    assert client.post("/exchange/agreement/add/", data).status_code == 302
    agreement = Agreement.objects.get(title="2015年的合作协议")
    assert agreement.needs_review and "不属于任何结对" in agreement.review_note
    assert "待核查" in client.get(agreement.get_absolute_url()).content.decode()
    assert "2015年的合作协议" in client.get("/exchange/agreement/?needs_review=true").content.decode()
    # The same parties in 2021 belong to Guangzhou→Qiannan.
    assert client.post("/exchange/agreement/add/", {**data, "title": "2021年的合作协议", "signed_on": "2021-06-01"}
                       ).status_code == 302
    assert not Agreement.objects.get(title="2021年的合作协议").needs_review


def test_visit_outcome_outside_the_users_area_is_refused(login, user):
    bijie_only = Agreement.objects.get(title="广药集团与毕节市合作框架协议")
    data = {"name": "黔南测试考察", "start_date": "2021-05-01", "regions": "522701000000",
            "agreements": [bijie_only.pk]}
    response = login("qiannan").post("/exchange/visit/add/", data)
    assert response.status_code == 400
    assert "不在您的管辖范围内" in response.content.decode()
    response = api(user, "qiannan").post("/api/exchange/visit/", {**data, "regions": ["522701000000"]},
                                         format="json")
    assert response.status_code == 400
    assert not Visit.objects.filter(name="黔南测试考察").exists()


def test_editing_keeps_outcomes_the_editor_cannot_see(login):
    trip = Visit.objects.get(name=SASAC_2018)
    before = set(trip.agreements.values_list("pk", flat=True))
    Visit.objects.filter(pk=trip.pk).update(status="draft")  # unlock for the edit
    client = login("qiannan")
    form = client.get(f"/exchange/visit/{trip.pk}/edit/").content.decode()
    assert "广药集团与毕节市合作框架协议" not in form, "an out-of-area outcome is not offered"
    data = {"name": trip.name + "（修订）", "kind": trip.kind, "start_date": "2018-03-20", "end_date": "2018-03-23",
            "date_precision": "day", "occurrences": "1", "regions": "522700000000、520500000000",
            "organiser": trip.organiser_id, "delegation_units": list(trip.delegation_units.values_list("pk", flat=True)),
            "agreements": list(trip.agreements.filter(title__startswith="广汽").values_list("pk", flat=True)),
            "group_count": "5", "version": Visit.objects.get(pk=trip.pk).version}
    assert client.post(f"/exchange/visit/{trip.pk}/edit/", data).status_code == 302
    assert set(trip.agreements.values_list("pk", flat=True)) == before
