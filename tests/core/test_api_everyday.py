"""The API as a client sees it: display/url and brief related objects, {value, label} choices, capped pages,
ordering, strict filters, messages in the request's language, tokens, the version, the schema's words."""

from __future__ import annotations

import json
import logging

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from xiezuo.exchange.models import Participant
from xiezuo.industry.models import Project
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _simplified_afterwards():
    """Requests in English or Traditional leave their language active in this thread; the next test starts in
    the default language."""
    yield
    translation.activate("zh-hans")


@pytest.fixture
def api(user):
    def make(username: str, language: str | None = None) -> APIClient:
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user(username))
        extra = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
        if language:
            extra["HTTP_ACCEPT_LANGUAGE"] = language
        client.credentials(**extra)
        return client

    return make


def body(response) -> dict:
    return json.loads(response.content)


# --- 1. objects: display, url, brief related objects, {value, label} ------------------------------------------

def test_a_record_carries_its_name_its_addresses_and_brief_related_objects(api):
    project = Project.objects.filter(investors__isnull=False, region__isnull=False).first()
    data = body(api("leader").get(f"/api/industry/project/{project.pk}/"))
    assert data["id"] == project.pk and data["display"] == str(project)
    assert data["url"] == f"http://testserver/api/industry/project/{project.pk}/"
    assert data["page_url"] == f"http://testserver/industry/project/{project.pk}/"
    assert data["region"] == {"id": project.region.code, "display": project.region.name,
                              "url": f"http://testserver/api/geo/region/{project.region.code}/",
                              "page_url": f"http://testserver/geo/regions/{project.region.code}/"}
    investor = project.investors.order_by("pk").first()
    assert {"id": investor.pk, "display": investor.name,
            "url": f"http://testserver/api/partners/organisation/{investor.pk}/",
            "page_url": f"http://testserver/partners/organisation/{investor.pk}/"} in data["investors"]
    assert data["kind"] == {"value": project.kind, "label": project.get_kind_display()}
    assert data["status"]["value"] == project.status
    # The URL it gives is the record's own.
    assert body(api("leader").get(data["url"]))["display"] == str(project)


def test_a_linked_row_outside_the_area_shows_nothing_about_it(api, user):
    """qiannan reads a participant whose organisation belongs to another area: not its key, not its name."""
    hidden = Organisation.objects.exclude(pk__in=Organisation.objects.restrict(user("qiannan"), "view").values("pk"))
    participant = (Participant.objects.restrict(user("qiannan"), "view")
                   .filter(organisation__in=hidden).select_related("organisation").first())
    assert participant is not None
    response = api("qiannan").get(f"/api/exchange/participant/{participant.pk}/")
    data = body(response)
    assert data["organisation"] == {"id": None, "display": "（范围外记录）", "url": None, "page_url": None}
    text = response.content.decode()
    assert participant.organisation.name not in text
    assert f"/partners/organisation/{participant.organisation.pk}/" not in text
    # The list says the same, and in English the placeholder is English.
    listed = body(api("qiannan", "en").get("/api/exchange/participant/", {"limit": 1000}))["results"]
    row = next(r for r in listed if r["id"] == participant.pk)
    assert row["organisation"]["id"] is None and row["organisation"]["display"] != "（范围外记录）"
    assert "（" not in row["organisation"]["display"]
    # Sent back as read, the placeholder keeps the link (the editor cannot see it, nor remove it unknowingly).
    Participant.objects.filter(pk=participant.pk).update(status="draft")
    data["note"] = "原样写回"
    put = api("qiannan").put(f"/api/exchange/participant/{participant.pk}/", data, format="json")
    assert put.status_code == 200, put.content.decode()
    assert body(put)["organisation"]["id"] is None and body(put)["note"] == "原样写回"
    participant.refresh_from_db()
    assert participant.note == "原样写回" and participant.organisation_id is not None
    assert participant.organisation.pk not in Organisation.objects.restrict(user("qiannan"), "view").values_list(
        "pk", flat=True)


def test_choices_read_with_their_labels_in_the_request_language(api):
    project = Project.objects.filter(kind="park").first() or Project.objects.first()
    url = f"/api/industry/project/{project.pk}/"
    chinese = body(api("leader").get(url))["kind"]
    english = body(api("leader", "en").get(url))["kind"]
    traditional = body(api("leader", "zh-hant").get(url))["kind"]
    assert chinese["value"] == english["value"] == traditional["value"] == project.kind
    with translation.override("zh-hans"):
        assert chinese["label"] == project.get_kind_display()
    assert english["label"] != chinese["label"] and english["label"].isascii()
    assert traditional["label"] != english["label"]


def test_writes_take_keys_and_what_a_read_gave_back(api):
    client = api("bijie_dafang")
    created = client.post("/api/partners/organisation/", {
        "name": "写入测试企业", "kind": "enterprise", "region": "520521000000"}, format="json")
    assert created.status_code == 201, created.content.decode()
    data = body(created)
    assert data["kind"]["value"] == "enterprise" and data["region"]["id"] == "520521000000"
    # What was read can be sent back as it is (brief objects and {value, label} are taken on input).
    read = body(client.get(data["url"]))
    read["short_name"] = "写测"
    put = client.put(data["url"], read, format="json")
    assert put.status_code == 200, put.content.decode()
    assert body(put)["short_name"] == "写测" and body(put)["region"]["display"] == "大方县"
    patched = client.patch(data["url"], {"region": {"id": "520521000000"}, "kind": "enterprise",
                                         "version": body(put)["version"]}, format="json")
    assert patched.status_code == 200, patched.content.decode()
    refused = client.patch(data["url"], {"region": {"display": "大方县"}, "version": body(patched)["version"]},
                           format="json")
    assert refused.status_code == 400 and "id" in body(refused)["region"][0]
    # {"id": null} keeps a link only where it stands for a row the reader cannot see (the placeholder).
    refused = client.patch(data["url"], {"region": {"id": None}, "version": body(patched)["version"]},
                           format="json")
    assert refused.status_code == 400 and "id" in body(refused)["region"][0]


# --- 2. pages, ordering, strict filters ------------------------------------------------------------------------

def test_a_page_holds_at_most_the_cap(api, settings):
    settings.XIEZUO_API_MAX_PAGE_SIZE = 7
    data = body(api("leader").get("/api/industry/project/", {"limit": 70000}))
    assert len(data["results"]) == 7 and data["count"] > 7
    assert "limit=7" in data["next"]
    settings.XIEZUO_API_MAX_PAGE_SIZE = 1000
    assert len(body(api("leader").get("/api/registry/member/", {"limit": 70000}))["results"]) <= 1000


def test_ordering_by_declared_fields_and_refusing_others(api, user):
    client = api("leader")
    names = [r["name"] for r in body(client.get("/api/industry/project/", {"ordering": "-name", "limit": 1000}))
             ["results"]]
    assert names == sorted(names, reverse=True)
    regions = [r["region"]["display"] for r in body(client.get("/api/industry/project/",
                                                                {"ordering": "region,id", "limit": 1000}))["results"]]
    assert regions == sorted(regions)
    ids = [r["id"] for r in body(client.get("/api/partners/organisation/", {"ordering": "-id"}))["results"]]
    assert ids == sorted(ids, reverse=True)
    refused = client.get("/api/industry/project/", {"ordering": "colour"})
    assert refused.status_code == 400
    message = body(refused)["ordering"][0]
    assert "colour" in message and "name" in message and "planned_investment" in message
    default = [r["id"] for r in body(client.get("/api/industry/project/", {"limit": 1000}))["results"]]
    expected = list(Project.objects.restrict(user("leader"), "view").order_by("-agreed_on", "-pk")
                    .values_list("pk", flat=True))
    assert default == expected, "the default order is the list page's"


def test_unknown_parameters_and_invalid_filter_values_are_refused_by_name(api):
    client = api("qiannan")
    typo = client.get("/api/industry/project/", {"regoin": "5227"})
    assert typo.status_code == 400
    assert "regoin" in body(typo) and "regoin" in body(typo)["regoin"][0] and "region" in body(typo)["regoin"][0]
    assert client.get("/api/industry/project/", {"page": "2"}).status_code == 400
    known = client.get("/api/industry/project/", {"format": "json", "limit": 2, "offset": 1, "ordering": "name",
                                                    "q": "茶", "kind": "base"})
    assert known.status_code == 200
    organisation = client.get("/api/industry/project/", {"organisation": "广州市国资委"})
    assert organisation.status_code == 400 and body(organisation)["organisation"]
    region = client.get("/api/industry/project/", {"region": "黔南"})
    assert region.status_code == 400 and "522700000000" in body(region)["region"][0]
    regions = client.get("/api/geo/region/", {"levle": "2"})
    assert regions.status_code == 400 and "levle" in body(regions)


# --- 3. languages, 404, the schema's words ---------------------------------------------------------------------

@pytest.mark.parametrize("language,expected", [
    ("en", "Not found"), ("zh-hant", "未找到：不存在，或不在您的管轄範圍內。"), ("zh-hans", "未找到：不存在，或不在您的管辖范围内。"),
    ("en-GB,en;q=0.8", "Not found"), ("zh-TW", "未找到：不存在，或不在您的管轄範圍內。"), ("", "未找到：不存在，或不在您的管辖范围内。"),
])
def test_not_found_in_the_request_language(api, language, expected):
    client = api("qiannan", language or None)
    for url in ("/api/industry/project/999999999/", "/api/industry/project/1.5/", "/api/no-such-thing/"):
        response = client.get(url)
        assert response.status_code == 404
        assert body(response)["detail"].startswith(expected), (url, body(response))
        assert "matches the given query" not in response.content.decode()
        assert response["Content-Language"] == (language.split(",")[0].split("-")[0].lower()
                                                if language.startswith("en") else
                                                "zh-hant" if language in ("zh-hant", "zh-TW") else "zh-hans")


def test_refusals_in_the_request_language(api):
    english = api("qiannan", "en").get("/api/industry/project/", {"regoin": "1"})
    assert body(english)["regoin"][0].startswith("Unknown query parameter")
    chinese = api("qiannan").get("/api/industry/project/", {"regoin": "1"})
    assert body(chinese)["regoin"][0].startswith("未知的查询参数")
    assert "Vary" in english and "Accept-Language" in english["Vary"]


def test_schema_describes_operations_in_user_terms_and_carries_the_version(login):
    client = login("qiannan")
    response = client.get("/api/schema/?format=json")
    schema = body(response)
    from importlib.metadata import version

    assert schema["info"]["version"] == version("xiezuo") == response["X-API-Version"]
    listing = schema["paths"]["/api/industry/project/"]["get"]
    name = str(Project._meta.verbose_name)
    assert listing["summary"] == f"列出{name}"
    assert f"列出您管辖范围内的{name}" in listing["description"] and "restrict" not in listing["description"]
    limit = next(p for p in listing["parameters"] if p["name"] == "limit")
    assert "1000" in limit["description"]
    ordering = next(p for p in listing["parameters"] if p["name"] == "ordering")
    assert "planned_investment" in ordering["description"]
    assert "400" in listing["responses"]
    approve = schema["paths"]["/api/industry/project/{id}/approve/"]["post"]
    assert "审核通过" in approve["summary"]
    project = schema["components"]["schemas"]["Project"]
    assert project["description"] == name
    assert project["properties"]["region"]["allOf"][0]["$ref"] == "#/components/schemas/BriefRegion"
    assert set(project["properties"]["kind"]["properties"]) == {"value", "label"}
    request = schema["components"]["schemas"]["ProjectRequest"]["properties"]
    assert request["region"]["type"] == "string" and "display" not in request
    assert schema["components"]["securitySchemes"]["tokenAuth"]["scheme"] == "bearer"
    assert "/api/token/" in schema["paths"]
    english = body(client.get("/api/schema/?format=json", HTTP_ACCEPT_LANGUAGE="en"))
    assert english["paths"]["/api/industry/project/"]["get"]["summary"].isascii()


# --- 4. tokens, Bearer, version --------------------------------------------------------------------------------

def test_token_for_username_and_password_and_bearer_accepted(user):
    from tests.conftest import PASSWORD

    anonymous = APIClient()
    answer = anonymous.post("/api/token/", {"username": "qiannan", "password": PASSWORD}, format="json")
    assert answer.status_code == 200, answer.content.decode()
    token = body(answer)["token"]
    assert token == Token.objects.get(user=user("qiannan")).key
    assert body(anonymous.post("/api/token/", {"username": "qiannan", "password": PASSWORD}))["token"] == token
    for keyword in ("Bearer", "Token", "bearer"):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"{keyword} {token}")
        response = client.get("/api/industry/project/", {"limit": 1})
        assert response.status_code == 200 and "results" in body(response)
        assert response["X-API-Version"] == settings.XIEZUO_VERSION
    wrong = APIClient()
    wrong.credentials(HTTP_AUTHORIZATION="Bearer nonsense")
    refused = wrong.get("/api/industry/project/")
    assert refused.status_code == 401 and "令牌无效" in body(refused)["detail"]
    assert "Bearer" in refused["WWW-Authenticate"]


def test_token_endpoint_is_throttled_like_sign_in(settings):
    settings.XIEZUO_SIGNIN_MAX_FAILURES = 3
    client = APIClient()
    missing = client.post("/api/token/", {"username": "gz_sasac"}, format="json")
    assert missing.status_code == 400 and "password" in body(missing)["detail"]
    for _ in range(3):
        wrong = client.post("/api/token/", {"username": "gz_sasac", "password": "wrong-guess"}, format="json")
        assert wrong.status_code == 400 and "用户名" in body(wrong)["detail"]
    from tests.conftest import PASSWORD

    locked = client.post("/api/token/", {"username": "gz_sasac", "password": PASSWORD}, format="json")
    assert locked.status_code == 429 and "锁定" in body(locked)["detail"]
    english = client.post("/api/token/", {"username": "gz_sasac", "password": PASSWORD}, format="json",
                          HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 429 and body(english)["detail"].isascii()


def test_api_root_and_errors_carry_the_version(api):
    for url in ("/api/", "/api/nothing/here/", "/api/industry/project/"):
        assert api("qiannan").get(url)["X-API-Version"] == settings.XIEZUO_VERSION
    assert APIClient().get("/api/industry/project/")["X-API-Version"] == settings.XIEZUO_VERSION


# --- speed: brief objects cost no query per row ---------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/industry/project/", "/api/exchange/visit/", "/api/partners/pairing/",
                                  "/api/exchange/participant/", "/api/consumption/sale/"])
def test_queries_do_not_grow_with_rows(api, path):
    client = api("qiannan")
    client.get(path, {"limit": 1})  # the user's scope is computed once, then kept (core/scopecache.py)
    counts = []
    for limit in (2, 40):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {"limit": limit})
        assert response.status_code == 200 and len(body(response)["results"]) == min(limit, body(response)["count"])
        # The throttle's counter (one statement with PostgreSQL, the cache otherwise) is not the list's queries.
        counts.append(len([q for q in queries.captured_queries if "xiezuo_cache" not in q["sql"]
                           and "core_throttlecounter" not in q["sql"]
                           and not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO"))]))
    assert counts[0] == counts[1], counts


# --- 5. the log: a refusal is one line -------------------------------------------------------------------------

def test_a_refusal_is_one_line_in_the_log(login, caplog):
    project = Project.objects.first()
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = login("leader").get(f"/industry/project/{project.pk}/edit/")
    assert response.status_code == 403
    refusals = [r for r in caplog.records if r.name == "django.request" and getattr(r, "status_code", 0) == 403]
    assert refusals
    for record in refusals:
        assert record.exc_info is None
        assert "\n" not in record.getMessage() and "Forbidden" in record.getMessage()


# --- bodies the API cannot read --------------------------------------------------------------------------------

def test_a_body_that_is_not_an_object_or_a_readable_form_is_refused_and_nothing_runs(api, user):
    """An action with no required field (submit) must not run on a body it could not read: JSON that is not an
    object, and a multipart body whose parts name no field (Django's parser would skip them into an empty
    form). A well-formed form or JSON object still works, as does an empty body."""
    import datetime as dt

    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    from xiezuo.core.models import Status
    from xiezuo.core.services import create_record

    dafang = user("bijie_dafang")
    work = create_record(Project, {"name": "请求体测试项目", "region_id": "520521000000",
                                   "agreed_on": dt.date(2021, 3, 1)}, dafang)
    client = api("bijie_dafang")
    submit = f"/api/industry/project/{work.pk}/submit/"
    edit = f"/api/industry/project/{work.pk}/"
    junk = [
        ("multipart/form-data; boundary=b0", b"--b0\r\nNone--b0--\r\n"),
        ("multipart/form-data; boundary=b0", b"--b0\r\nContent-Type: text/plain\r\n\r\nx\r\n--b0--\r\n"),
        ("multipart/form-data; boundary=b0",
         b'--b0\r\nContent-Disposition: form-data; name="reason"\r\n\r\nx\r\n--b0\r\nNone\r\n--b0--\r\n'),
        ("multipart/form-data", b"--b0\r\nNone--b0--\r\n"),
    ] + [("application/json", text) for text in (b"null", b"[1]", b"3", b'"submit"')]
    for content_type, data in junk:
        for method, path in (("post", submit), ("patch", edit), ("put", edit)):
            answer = getattr(client, method)(path, data=data, content_type=content_type,
                                             HTTP_IF_MATCH=f'"{work.version}"')
            assert answer.status_code == 400, (method, content_type, data, answer.content.decode())
            detail = json.dumps(body(answer), ensure_ascii=False)
            assert "multipart/form-data" in detail or "请求体应为对象" in detail or "字典" in detail, detail
    work.refresh_from_db()
    assert work.status == Status.DRAFT and work.name == "请求体测试项目"
    refused = APIClient().post("/api/token/", data=b"[1]", content_type="application/json")
    assert refused.status_code == 400 and "请求体应为对象" in refused.content.decode()

    answer = client.post(submit, data=encode_multipart(BOUNDARY, {"reason": ""}), content_type=MULTIPART_CONTENT)
    assert answer.status_code == 200, answer.content.decode()
    work.refresh_from_db()
    assert work.status == Status.SUBMITTED
    work2 = create_record(Project, {"name": "请求体测试项目二", "region_id": "520521000000",
                                    "agreed_on": dt.date(2021, 3, 1)}, dafang)
    assert client.post(f"/api/industry/project/{work2.pk}/submit/").status_code == 200
