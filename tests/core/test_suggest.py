"""Type-ahead suggestions (`/suggest/<kind>/`): what matches, and that nothing outside the user's area is named."""

from __future__ import annotations

import re

import pytest

from xiezuo.core.scope import linkable_regions
from xiezuo.geo.models import Region
from xiezuo.industry.models import Project
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db


def suggest(client, kind: str, q: str) -> dict:
    response = client.get(f"/suggest/{kind}/", {"q": q})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def labels(data: dict) -> list[str]:
    return [r["label"] for r in data["results"]]


def test_regions_by_initials_name_code_own_area_first(login):
    client = login("qiannan")
    by_initials = suggest(client, "geo.region", "dy")
    # 都匀市 is the user's own area; it comes before places of the same initials on the partner side.
    assert labels(by_initials)[0] == "都匀市"
    first = by_initials["results"][0]
    assert first["value"] == "522701000000" and "黔南布依族苗族自治州" in first["detail"]
    assert labels(suggest(client, "geo.region", "都匀")) == ["都匀市"]
    assert labels(suggest(client, "geo.region", "都勻")) == ["都匀市"]  # Traditional
    by_code = suggest(client, "geo.region", "5227")
    assert labels(by_code)[:2] == ["黔南布依族苗族自治州", "都匀市"]
    assert suggest(client, "geo.region", "") == {"results": [], "more": False}


def test_regions_outside_what_the_user_may_name_are_never_suggested(login, user):
    # 大方县 (Bijie) may name its own county, its units' regions and its partners, never Qiannan.
    client = login("bijie_dafang")
    allowed = set(linkable_regions(user("bijie_dafang")).values_list("code", flat=True))
    for query in ("dy", "都匀", "5227", "黔南", "qn", "52", "hsx"):
        data = suggest(client, "geo.region", query)
        codes = [r["value"] for r in data["results"]]
        assert set(codes) <= allowed, (query, set(codes) - allowed)
        assert not any(c.startswith("5227") for c in codes), (query, codes)
    assert labels(suggest(client, "geo.region", "大方"))[0] == "大方县"


def test_organisations_and_records_only_from_the_users_area(login, user):
    client = login("qiannan")
    data = suggest(client, "partners.organisation", "qnz")
    assert "黔南州东西部协作办公室" in labels(data)
    visible = set(Organisation.objects.restrict(user("qiannan"), "link").values_list("pk", flat=True))
    for query in ("广州", "gz", "毕节", "bj", "大方", "dfx", "公司"):
        pks = {int(r["value"]) for r in suggest(client, "partners.organisation", query)["results"]}
        assert pks <= visible, (query, pks - visible)
    # Bijie's own office is outside Qiannan's area: never named.
    assert "毕节市人民政府" not in labels(suggest(client, "partners.organisation", "毕节"))

    projects = set(Project.objects.restrict(user("qiannan"), "link").values_list("pk", flat=True))
    for query in ("中药材", "zyc", "基地", "威宁", "wn"):
        found = {int(r["value"]) for r in suggest(client, "industry.project", query)["results"]}
        assert found <= projects, (query, found - projects)
    assert labels(suggest(client, "industry.project", "威宁")) == []  # 威宁 is in Bijie


def test_same_named_records_are_told_apart_by_place_and_investors(login):
    client = login("admin")
    name = "都匀市中药材种植基地"
    same = Project.objects.filter(name=name).count()
    assert same >= 2
    data = suggest(client, "industry.project", name)
    rows = [r for r in data["results"] if r["label"] == name]
    assert len(rows) == same
    details = [r["detail"] for r in rows]
    assert all(d for d in details) and len(set(details)) == len(details), details
    # By pinyin initials of part of the name too (records keep no pinyin column).
    assert name in labels(suggest(client, "industry.project", "zyczzjd"))


def test_unknown_or_unscoped_kinds_are_refused(login):
    client = login("admin")
    for kind in ("auth.user", "core.job", "nothing.here", "geo"):
        assert client.get(f"/suggest/{kind}/", {"q": "a"}).status_code == 404
    anonymous = client.__class__()
    assert anonymous.get("/suggest/geo.region/", {"q": "dy"}).status_code == 302


def test_forms_offer_the_pickers(login):
    page = login("qiannan").get("/exchange/visit/add/?regions=522701000000").content.decode()
    # 考察地区: a text box of codes, marked for the picker, with the prefilled region named.
    assert 'name="regions"' in page and 'data-suggest="/suggest/geo.region/"' in page
    assert 'data-multiple="1"' in page and "都匀市" in page
    assert 'data-suggest="/suggest/partners.organisation/"' in page  # organiser, units
    assert 'data-suggest="/suggest/exchange.agreement/"' in page  # outcomes
    assert "每行或用顿号分隔一个代码" not in page


def test_region_field_still_takes_names_and_codes_without_scripts(login):
    client = login("qiannan")
    page = client.get("/exchange/visit/add/").content.decode()
    assert "考察地区" in page
    response = client.post("/exchange/visit/add/", {
        "name": "无脚本填写的考察", "kind": "inspection", "start_date": "2024-05-06", "date_precision": "day",
        "occurrences": "1", "regions": "都匀市、522731000000",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    from xiezuo.exchange.models import Visit

    visit = Visit.objects.get(name="无脚本填写的考察")
    assert sorted(r.name for r in visit.regions.all()) == sorted(["都匀市", Region.objects.get(code="522731000000").name])


def test_list_filters_offer_the_pickers(login):
    page = login("qiannan").get("/industry/project/?organisation=abc").content.decode()
    # Region codes: the picker writes the code alone; organisations by name, kept as their number.
    assert re.search(r'<input[^>]*name="region"[^>]*data-suggest="/suggest/geo.region/"[^>]*data-value-only="1"', page)
    assert re.search(r'<input type="text" name="organisation"[^>]*data-suggest="/suggest/partners.organisation/"'
                     r'[^>]*data-picker-hidden="1"', page)
    # A few fixed choices: chips over the select's own options.
    assert re.search(r'<select name="kind"[^>]*data-suggest="local"', page)
    # A refused value is still answered with a message.
    assert "投资企业编号（含下属）" in page and "filter-problem" in page
