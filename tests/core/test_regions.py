from __future__ import annotations

import pytest

from xiezuo.geo.models import Region

pytestmark = pytest.mark.django_db


def test_counts_by_level_match_the_nbs_2023_data():
    def counts(prefix):
        return [Region.objects.filter(code__startswith=prefix, level=lvl, valid_to__isnull=True).count()
                for lvl in range(1, 6)]

    assert counts("52") == [1, 9, 88, 1510, 17964]
    # 东莞 and 中山 have no county level: their townships hang from the city (122 county rows, not 124).
    assert counts("44") == [1, 21, 122, 1757, 26842]
    assert all(len(code) == 12 for code in Region.objects.values_list("code", flat=True)[:1000])


def test_changed_code_keeps_its_history(login):
    old = Region.objects.get(code="520522000000")
    assert old.name == "黔西县" and old.valid_to is not None
    assert old.successor_id == "520581000000"
    page = login("leader").get("/geo/regions/520522000000/").content.decode()
    assert "已于" in page and "520581000000" in page
    assert "520522000000" in login("leader").get("/geo/regions/520581000000/").content.decode()


@pytest.mark.parametrize("query, expected", [("qn", "黔南布依族苗族自治州"), ("广州", "广州市"), ("廣州", "广州市"),
                                             ("bj", "毕节市"), ("畢節", "毕节市"), ("qiannan", "黔南布依族苗族自治州")])
def test_search_by_name_script_or_pinyin(login, query, expected):
    page = login("bijie_dafang").get("/geo/regions/", {"q": query}).content.decode()
    assert expected in page


def test_region_suggest_for_form_boxes(login):
    # Initials find 大方县 for its own office; a form box of another prefecture's office does not offer it.
    page = login("bijie_dafang").get("/suggest/geo.region/", {"q": "dfx"}).content.decode()
    assert "520521000000" in page
    assert "520521000000" not in login("qiannan").get("/suggest/geo.region/", {"q": "dfx"}).content.decode()


def test_region_api(login):
    data = login("leader").get("/api/geo/region/", {"parent": "520500000000", "current": "true"}).json()
    assert data["count"] == 8
    everything = login("leader").get("/api/geo/region/", {"parent": "520500000000"}).json()
    assert everything["count"] == 9, "the retired code 520522 黔西县 stays listed"


def test_region_page_links_to_the_channels_pages(login):
    page = login("bijie_dafang").get("/geo/regions/520500000000/").content.decode()
    assert "/cooperation/region/520500000000/" in page
    assert "/registry/summary/520500000000/" in page
    village = login("bijie_dafang").get("/geo/regions/520521100201/").content.decode()
    assert "/cooperation/region/" not in village
