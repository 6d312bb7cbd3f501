"""Place names by full pinyin with their place-name readings, checked against the region list; own area first;
records found by pinyin initials and full pinyin in the search box."""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pytest

from xiezuo.core.text import place_pinyin_keys, search_key
from xiezuo.geo.readings import PLACE_CHARS, PLACE_WORDS

ROOT = Path(__file__).resolve().parents[2]


def build_readings():
    spec = importlib.util.spec_from_file_location("build_readings", ROOT / "scripts" / "regions" / "build_readings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name, full, initials", [
    ("都匀市", "duyunshi", "dys"), ("长顺县", "changshunxian", "csx"), ("六盘水市", "liupanshuishi", "lpss"),
    ("番禺区", "panyuqu", "pyq"), ("八番村", "bafancun", "bfc"), ("大埔县", "dabuxian", "dbx"),
    ("新圩镇", "xinxuzhen", "xxz"), ("东涌镇", "dongchongzhen", "dcz"), ("重安镇", "chonganzhen", "caz"),
    ("塘厦镇", "tangxiazhen", "txz"), ("都勻市", "duyunshi", "dys"),
    ("黔南布依族苗族自治州", "qiannanbuyizumiaozuzizhizhou", "qnbyzmzzzz"),
])
def test_place_names_read_as_places(name, full, initials):
    assert place_pinyin_keys(name) == (full, initials)


def test_place_words_reach_any_text():
    """The phrases are loaded into pypinyin: a product or project naming a place reads it right."""
    assert search_key("都匀毛尖茶").split("|")[1] == "duyunmaojiancha"
    assert search_key("蚌埠").split("|")[1] == "bengbu" and search_key("单县").split("|")[1] == "shanxian"


def test_every_ambiguous_character_of_the_region_list_has_a_reviewed_reading():
    """A character pypinyin reads in two ways across the region names needs a reading in geo/readings.py: for the
    character, or for every word it occurs in."""
    with open(ROOT / "src/xiezuo/geo/data/regions.csv", encoding="utf-8") as fh:
        names = sorted({r["name"] for r in csv.DictReader(fh)})
    ambiguous = build_readings().ambiguous_characters(names)
    assert len(ambiguous) > 10, "the check would be empty"
    unreviewed = {}
    for ch in sorted(ambiguous - set(PLACE_CHARS)):
        for name in names:
            covered = {i for w in PLACE_WORDS for m in re.finditer(re.escape(w), name)
                       for i in range(m.start(), m.end())}
            if any(c == ch and i not in covered for i, c in enumerate(name)):
                unreviewed.setdefault(ch, name)
    assert not unreviewed, f"characters without a reviewed place-name reading (and a name with each): {unreviewed}"


def test_reading_table_and_region_keys_are_built_from_the_reviewed_readings():
    """data/readings.csv and the search keys of data/regions.csv are what scripts/regions/build_readings.py makes."""
    assert build_readings().main(["--check"]) == 0
    with open(ROOT / "src/xiezuo/geo/data/readings.csv", encoding="utf-8") as fh:
        table = {r["name"]: r["pinyin"] for r in csv.DictReader(fh)}
    assert table["都匀市"] == "du yun shi" and table["长顺县"] == "chang shun xian" and table["番禺区"] == "pan yu qu"


@pytest.mark.django_db
@pytest.mark.parametrize("query, code", [("duyun", "522701000000"), ("changshun", "522729000000"),
                                         ("du yun", "522701000000"), ("panyu", "440113000000"),
                                         ("liupanshui", "520200000000")])
def test_region_search_by_full_pinyin(login, query, code):
    page = login("leader").get("/geo/regions/", {"q": query}).content.decode()
    assert code in page


@pytest.mark.django_db
def test_wrong_readings_no_longer_match(login):
    page = login("leader").get("/geo/regions/", {"q": "zhangshunxian"}).content.decode()
    assert "522729000000" not in page


def codes(page: str) -> list[str]:
    return re.findall(r"/geo/regions/(\d{12})/", page)


@pytest.mark.django_db
def test_own_area_first(login):
    """`dy` matches places everywhere (都匀, 大营, 东源 …): each user sees their own area's first."""
    qiannan = codes(login("qiannan").get("/search/", {"q": "dy"}).content.decode())
    dafang = codes(login("bijie_dafang").get("/search/", {"q": "dy"}).content.decode())
    assert qiannan and qiannan[0].startswith("5227"), qiannan[:5]
    assert dafang and dafang[0].startswith("520521"), dafang[:5]
    suggest = codes(login("qiannan").get("/geo/regions/", {"q": "dy"}).content.decode())
    assert suggest[0].startswith("5227")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["dymjc", "duyunmaojian", "maojian"])
def test_records_found_by_pinyin(login, query):
    """A product (a record type without a pinyin column) is found by initials and full pinyin."""
    page = login("qiannan").get("/search/", {"q": query}).content.decode()
    assert "都匀毛尖茶" in page, query


@pytest.mark.django_db
def test_pinyin_search_stays_in_the_users_area(login):
    page = login("bijie_dafang").get("/search/", {"q": "dymjc"}).content.decode()
    assert "都匀毛尖茶" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["dymjc", "duyunmaojian", "maojian"])
def test_a_lists_search_box_finds_records_by_pinyin_too(login, query):
    """The list's own 搜索 (`?q=`) finds what the site's search box finds, and combines with the other filters."""
    client = login("qiannan")
    page = client.get("/consumption/product/", {"q": query}).content.decode()
    assert "都匀毛尖茶" in page and "没有符合条件的记录" not in page, query
    rows = page.count('class="record-link"')
    everything = client.get("/consumption/product/", {"per_page": 200}).content.decode().count('class="record-link"')
    assert 0 < rows < everything  # the records it spells, not the whole list
    assert "都匀毛尖茶" not in client.get("/consumption/product/", {"q": query, "status": "returned"}).content.decode()
    api = client.get("/api/consumption/product/", {"q": query}).json()
    assert any("都匀毛尖茶" in r["name"] for r in api["results"])


@pytest.mark.django_db
def test_a_lists_pinyin_search_stays_in_the_users_area(login):
    page = login("bijie_dafang").get("/consumption/product/", {"q": "dymjc"}).content.decode()
    assert "都匀毛尖茶" not in page
