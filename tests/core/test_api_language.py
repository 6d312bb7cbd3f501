"""API error messages in the language the client chose (the language cookie, as the pages use): no Chinese in
English answers, for bad filters, paging, record fields, a missing record and a refused sign-in."""

from __future__ import annotations

import json
import re

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u3400-\u9fff]")
PROJECTS = "/api/industry/project/"


def english(client):
    client.cookies["django_language"] = "en"
    return client


def words(response) -> str:
    return json.dumps(response.json(), ensure_ascii=False)


@pytest.mark.parametrize("query, field", [
    ({"synthetic": "maybe"}, "synthetic"),       # a yes/no filter
    ({"since": ""}, "since"),                    # an empty typed filter
    ({"limit": "0"}, "limit"),                   # paging
    ({"offset": "-3"}, "offset"),
    ({"region": "黔南"}, "region"),              # a name where a region code is wanted
])
def test_bad_query_answers_in_english(login, query, field):
    response = english(login("qiannan")).get(PROJECTS, query)
    assert response.status_code == 400, words(response)
    body = response.json()
    assert field in body, body
    text = json.dumps(body[field], ensure_ascii=False)
    assert not HAN.search(text.replace(str(query[field]), "")), text


def test_bad_record_answers_in_english(login):
    # (The messages core/api.py writes itself, such as an unknown region, are the API's own to translate.)
    response = english(login("gd_admin")).post(PROJECTS, {"name": "", "agreed_on": "20190230", "kind": "nonsense"},
                                               format="json")
    assert response.status_code == 400
    assert not HAN.search(words(response)), words(response)


def test_missing_record_and_refused_sign_in_in_english(login):
    response = english(login("qiannan")).get(PROJECTS + "99999999/")
    assert response.status_code == 404 and not HAN.search(words(response)), words(response)
    anonymous = english(APIClient())
    response = anonymous.get(PROJECTS)
    assert response.status_code in (401, 403) and not HAN.search(words(response)), words(response)


def test_the_same_errors_stay_chinese_by_default(login):
    response = login("qiannan").get(PROJECTS, {"synthetic": "maybe"})
    assert response.status_code == 400 and "须为 true 或 false" in words(response)


@pytest.mark.parametrize("accept, language", [
    ("zh-HK", "zh-hk"), ("zh-MO,en;q=0.5", "zh-hk"), ("zh-Hant-HK", "zh-hk"), ("en;q=0.4, zh-HK;q=0.9", "zh-hk"),
    ("zh-TW", "zh-hant"), ("zh-Hant", "zh-hant"), ("zh-CN", "zh-hans"), ("en-GB", "en"), ("fr", None),
])
def test_accept_language_names_one_of_our_languages(accept, language):
    from xiezuo.core.middleware import api_language

    assert api_language(accept) == language


@pytest.mark.parametrize("accept, refused", [
    ("zh-HK", "請給出用户名（username）和密碼（password）。"), ("zh-TW", "請給出使用者名稱（username）和密碼（password）。"),
    ("zh-CN", "请给出用户名（username）和密码（password）。"),
])
def test_the_api_answers_in_the_traditional_of_the_region_asked(accept, refused):
    """zh-HK gets Hong Kong's forms (用户名 with Hong Kong's 户), zh-TW Taiwan's (使用者名稱)."""
    response = APIClient().post("/api/token/", {"username": "leader", "password": ""}, format="json",
                                HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 400 and refused in words(response), words(response)
    assert response["Content-Language"] == {"zh-HK": "zh-hk", "zh-TW": "zh-hant", "zh-CN": "zh-hans"}[accept]


@pytest.mark.parametrize("query", [{"limit": "0"}, {"synthetic": "maybe"}, {"since": "2024-13-40"}])
def test_api_messages_of_django_and_its_libraries_are_traditional_in_hong_kong(login, query):
    """Messages the site's catalogue does not hold (DRF's, django-filter's, Django's) are not Simplified."""
    from xiezuo.core.text import data_to_traditional

    response = login("qiannan").get(PROJECTS, query, HTTP_ACCEPT_LANGUAGE="zh-HK")
    assert response.status_code == 400 and response["Content-Language"] == "zh-hk"
    text = words(response)
    assert HAN.search(text) and data_to_traditional(text, "hk") == text, text
