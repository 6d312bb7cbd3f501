"""Households benefiting from a certified product: a count, and where known the registry's households (by number,
inside the user's area); the figures count the linked households once each, the typed count elsewhere."""

from __future__ import annotations

import pytest

from tests.base import xlsx_bytes
from tests.consumption.recount import RECOUNT
from tests.consumption.test_records import TestProduct
from xiezuo.consumption.models import Product
from xiezuo.core import figures as registry
from xiezuo.core.figures import Subject
from xiezuo.core.models import Job
from xiezuo.core.scope import OutOfScope
from xiezuo.core.services import create_record, transition_record
from xiezuo.partners.models import Organisation, Pairing
from xiezuo.registry.models import Household

pytestmark = pytest.mark.django_db
PRODUCER = "大方县天麻产业公司（演示）"


def bijie() -> Subject:
    return Subject("pairing", Pairing.objects.get(helper_region="440100000000", helped_region="520500000000"))


def figure_values(user, subject) -> dict:
    keys = ["consumption.households", "consumption.registered_households"]
    return {f.key: f.value for f in registry.figures(user("admin"), subject, keys=keys)}


def dafang(n: int, skip: int = 0) -> list[Household]:
    return list(Household.objects.filter(village__code__startswith="520521").order_by("-number")[skip:skip + n])


def product_form(**extra) -> dict:
    return {"name": "大方测试皱椒", "category": "primary", "producer": Organisation.objects.get(name=PRODUCER).pk,
            "region": "520521000000", "mechanism": "purchase", "stage": "applied", "applied_on": "2020-03-01",
            **extra}


def test_demo_figures_use_the_linked_households_and_equal_the_recount(user, login):
    tianma = Product.objects.get(name="大方天麻")
    assert tianma.beneficiary_households.count() == 36 and tianma.households == 300
    got = figure_values(user, bijie())
    assert got["consumption.registered_households"] == 36 == RECOUNT["consumption.registered_households"](bijie())
    # 大方天麻 counts its 36 registered households, not the 300 typed; the other certified Bijie products their count.
    others = sum(p.households for p in Product.objects.filter(region__code__startswith="5205", stage="certified",
                                                               status="approved").exclude(pk=tianma.pk))
    assert got["consumption.households"] == 36 + others == RECOUNT["consumption.households"](bijie())
    html = login("bijie_dafang").get(tianma.get_absolute_url()).content.decode()
    assert "共 36 户" in html and "已关联建档立卡户 36 户" in html
    # The household's page names the product it benefits from.
    household = tianma.beneficiary_households.order_by("number").first()
    page = login("bijie_dafang").get(household.get_absolute_url()).content.decode()
    assert 'id="household-products-panel"' in page and "大方天麻" in page
    listed = login("bijie_dafang").get(f"/consumption/product/?household={household.number}").content.decode()
    assert "大方天麻" in listed and "共 1 条" in listed


def test_households_are_typed_by_number_inside_the_area_and_counted_once(user, login):
    client = login("bijie_dafang")
    five = dafang(5)
    response = client.post("/consumption/product/add/", product_form(
        beneficiary_households="、".join(h.number for h in five)))
    assert response.status_code == 302, response.content.decode()[:1500]
    product = Product.objects.get(name="大方测试皱椒")
    assert {h.pk for h in product.beneficiary_households.all()} == {h.pk for h in five}
    assert product.households == 5  # left blank: at least the households named
    # The edit form shows the numbers back; the page lists them without names.
    edit = client.get(f"/consumption/product/{product.pk}/edit/").content.decode()
    assert all(h.number in edit for h in five)
    # Certified and approved, the product's households join the pairing's figure; one shared with 大方天麻 once.
    before = figure_values(user, bijie())
    tianma_first = Product.objects.get(name="大方天麻").beneficiary_households.order_by("number").first()
    product.beneficiary_households.add(tianma_first)
    Product.objects.filter(pk=product.pk).update(stage="certified", certificate_no="BJ-TEST-0099",
                                                 valid_from="2020-06-01", households=6)
    transition_record(product, "submit", user("bijie_dafang"))
    transition_record(Product.objects.get(pk=product.pk), "approve", user("bijie"))
    after = figure_values(user, bijie())
    assert after["consumption.registered_households"] - before["consumption.registered_households"] == 5
    assert after["consumption.households"] - before["consumption.households"] == 5
    assert after == {k: RECOUNT[k](bijie()) for k in after}


@pytest.mark.parametrize("numbers, message", [
    ("9999999999999999", "未找到户编号（或不在您的管辖范围内）：9999999999999999"),
    ("sandu", "未找到户编号（或不在您的管辖范围内）："),  # a household of 三都县 (Qiannan), outside Dafang
])
def test_unknown_or_outside_households_are_refused(login, numbers, message):
    if numbers == "sandu":
        numbers = Household.objects.filter(village__code__startswith="522732").order_by("number").first().number
    count = Product.objects.count()
    response = login("bijie_dafang").post("/consumption/product/add/", product_form(
        beneficiary_households=f"{dafang(1)[0].number} {numbers}"))
    assert response.status_code == 400 and message in response.content.decode()
    assert numbers in response.content.decode()
    assert Product.objects.count() == count


def test_fewer_households_than_named_is_refused(login):
    response = login("bijie_dafang").post("/consumption/product/add/", product_form(
        households="2", beneficiary_households=" ".join(h.number for h in dafang(3))))
    assert response.status_code == 400 and "带动贫困户数（2）少于所填的建档立卡户（3 户）" in response.content.decode()


def test_the_write_gate_refuses_households_outside_the_area(user):
    sandu = list(Household.objects.filter(village__code__startswith="522732")[:1])
    data = {"name": "大方测试越界户", "category": "primary", "producer": Organisation.objects.get(name=PRODUCER),
            "region_id": "520521000000", "mechanism": "purchase"}
    count = Product.objects.count()
    with pytest.raises(OutOfScope):
        create_record(Product, data, user("bijie_dafang"), m2m={"beneficiary_households": sandu})
    assert Product.objects.count() == count


def test_the_catalogue_import_takes_household_numbers(login):
    three = dafang(3, skip=10)
    rows = [{"产品名称*": "导入测试大方辣椒", "产品类别*": "初级农产品", "生产经营主体*": PRODUCER,
             "申报县*": "520521000000", "带贫机制*": "订单收购（经营性收入）", "认定进度*": "申报",
             "受益建档立卡户": "、".join(h.number for h in three)}]
    job = TestProduct().run_import(login("bijie_dafang"), "catalogue.xlsx", xlsx_bytes(rows))
    assert job.state == Job.State.SUCCEEDED, job.errors
    product = Product.objects.get(name="导入测试大方辣椒")
    assert {h.pk for h in product.beneficiary_households.all()} == {h.pk for h in three}
    bad = [{**rows[0], "产品名称*": "导入测试大方花椒", "受益建档立卡户": "1234"}]
    job = TestProduct().run_import(login("bijie_dafang"), "catalogue.xlsx", xlsx_bytes(bad))
    assert job.state == Job.State.FAILED and any("1234" in e[3] for e in job.errors), job.errors
    assert not Product.objects.filter(name="导入测试大方花椒").exists()


def test_the_api_keeps_the_same_rule_on_households_named(user):
    """The API writes through the same rule as the page: a count below the households named is refused with the
    page's message; a count left out is the number named; an edit lowering the count below the stored
    households named is refused too."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user('bijie_dafang'))[0].key}")
    three = dafang(3, skip=20)
    data = {**product_form(), "households": 2, "beneficiary_households": [h.pk for h in three]}
    count = Product.objects.count()
    refused = client.post("/api/consumption/product/", data, format="json")
    assert refused.status_code == 400, refused.content
    assert "带动贫困户数（2）少于所填的建档立卡户（3 户）" in refused.json()["households"][0]
    assert Product.objects.count() == count
    data.pop("households")
    made = client.post("/api/consumption/product/", data, format="json")
    assert made.status_code == 201, made.content
    assert made.json()["households"] == 3
    lowered = client.patch(f"/api/consumption/product/{made.json()['id']}/",
                           {"households": 1, "version": made.json()["version"]}, format="json")
    assert lowered.status_code == 400 and "少于所填的建档立卡户（3 户）" in lowered.json()["households"][0]
    assert Product.objects.get(pk=made.json()["id"]).households == 3
