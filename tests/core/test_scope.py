"""Scope follows region codes, the organisations a unit supervises, and both sides of a record."""

from __future__ import annotations

import pytest

from xiezuo.core.scope import code_prefix, get_scope
from xiezuo.partners.models import Organisation, Pairing

pytestmark = pytest.mark.django_db


def test_code_prefix():
    assert code_prefix("440000000000") == "44"
    assert code_prefix("522700000000") == "5227"
    assert code_prefix("520521000000") == "520521"
    assert code_prefix("520521100000") == "520521100"
    assert code_prefix("520521100201") == "520521100201"


def test_sasac_sees_its_supervised_enterprises_only(user):
    visible = set(Organisation.objects.restrict(user("gz_sasac")).values_list("short_name", flat=True))
    assert {"广州市国资委", "广汽集团", "广药集团", "越秀集团", "广州酒家集团"} <= visible
    assert "雪松控股" not in visible, "other Guangzhou enterprises are outside SASAC's scope"
    assert "黔南州协作办" in visible, "units in the regions Guangzhou helps can be chosen as partners"


def test_both_sides_of_a_pairing_see_it(user):
    gz_qn = Pairing.objects.get(helper_region="440100000000", helped_region="522700000000")
    assert Pairing.objects.restrict(user("qiannan")).filter(pk=gz_qn.pk).exists()
    assert Pairing.objects.restrict(user("gd_admin")).filter(pk=gz_qn.pk).exists()
    assert not Pairing.objects.restrict(user("bijie_dafang")).filter(pk=gz_qn.pk).exists()


def test_partner_regions_let_a_county_choose_its_helpers_units(user):
    scope = get_scope(user("bijie_dafang"))
    assert "4401" in scope.partner_prefixes  # Guangzhou helps Bijie, which holds 大方县
    visible = set(Organisation.objects.restrict(user("bijie_dafang")).values_list("short_name", flat=True))
    assert "广汽集团" in visible and "黔南州协作办" not in visible


def test_out_of_area_answers_404_in_pages_api_and_search(login, user):
    org = Organisation.objects.get(short_name="黔南州协作办")
    client = login("bijie_dafang")
    assert client.get(org.get_absolute_url()).status_code == 404
    assert client.get(f"/api/partners/organisation/{org.pk}/").status_code == 404
    assert "黔南州东西部协作办公室" not in client.get("/search/", {"q": "黔南州东西部"}).content.decode()
    assert login("qiannan").get(org.get_absolute_url()).status_code == 200


def test_anonymous_is_sent_to_login(client):
    response = client.get("/partners/organisation/")
    assert response.status_code == 302 and "/login/" in response.url
