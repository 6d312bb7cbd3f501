"""Every page, as several demo users, in English, 繁體 and 繁體（香港）: no Simplified Chinese outside the data.

The pages: home, search, account pages, jobs, regions, the cooperation pages, and every record type's list,
detail, edit, add, import and history pages, with the apps' own pages (dashboard, registry summary and
worklist, work plan pages). What is data and what is interface is decided in `chrome.py`: a run of Chinese
characters that is exactly a text the database holds is data, every other one is interface.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from xiezuo.core.models import Job
from xiezuo.core.registry import REGISTRY

from .chrome import data_values, untranslated

pytestmark = pytest.mark.django_db

USERS = ["admin", "bijie_dafang", "leader"]


def first_pk(model):
    row = model.objects.order_by("pk").values_list("pk", flat=True).first()
    return row


def pages() -> list[str]:
    from xiezuo.geo.models import Region
    from xiezuo.partners.models import Organisation, Pairing

    urls = ["/", "/search/?q=dy", "/search/?q=黔南", "/account/token/", "/account/signins/", "/import/aliases/",
            "/jobs/", "/geo/regions/", "/geo/regions/522701000000/", "/geo/regions/?q=duyun"]
    org, pairing = first_pk(Organisation), first_pk(Pairing)
    urls += [f"/cooperation/organisation/{org}/", f"/cooperation/pairing/{pairing}/",
             "/cooperation/region/522700000000/"]
    urls += ["/assessment/indicators/", "/assessment/rounds/", "/assessment/dashboard/", "/assessment/briefing/",
             "/registry/summary/", "/registry/summary/522700000000/", "/registry/worklist/", "/registry/import/",
             "/workplan/overdue/", "/workplan/notifications/"]
    from xiezuo.assessment.models import Indicator, Round

    if first_pk(Round):
        urls.append(f"/assessment/rounds/{first_pk(Round)}/")
    if first_pk(Indicator):
        urls.append(f"/assessment/indicators/{first_pk(Indicator)}/")
    for rt in REGISTRY.values():
        urls += [rt.url("list"), rt.url("add"), rt.url("import")]
        pk = first_pk(rt.model)
        if pk is not None:
            urls += [rt.url("detail", pk), rt.url("history", pk)]
            draft = (rt.model.objects.filter(status="draft").order_by("pk").values_list("pk", flat=True).first()
                     if rt.lifecycle else pk)
            urls.append(rt.url("edit", draft or pk))
    assert Region.objects.filter(code="522701000000").exists()
    return urls


def job_pages(client) -> list[str]:
    """An export job (run at once in tests) and its page."""
    rt = next(rt for rt in REGISTRY.values() if rt.key == "industry.project")
    client.get(rt.url("export") + "?format=xlsx")
    job = Job.objects.order_by("-created_at").first()
    return [f"/jobs/{job.pk}/"] if job else []


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hk"])
@pytest.mark.parametrize("username", USERS)
def test_every_page_is_in_the_chosen_language(login, username, language):
    client = login(username)
    client.cookies["django_language"] = language
    urls = pages() + job_pages(client)
    data = data_values()
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        if username == "admin" and not url.endswith("/edit/"):
            assert response.status_code == 200, url
        found = untranslated(response.content.decode(), language, data)
        if found:
            problems[url] = found
    assert not problems, "\n".join(f"{url}: {' '.join(found[:20])}" for url, found in problems.items())


def test_the_check_finds_an_unmarked_string():
    """The check can fail: an unmarked button in an English page, a Simplified heading in a 繁體 page."""
    html = ('<h1>都匀市</h1><button>保存</button><input type="submit" value="提交">'
            '<span lang="zh-hans">简体中文</span><td>大方县协作办的待办</td>')
    assert untranslated(html, "en", {"都匀市", "大方县协作办"}) == ["保存", "提交", "大方县协作办的待办"]
    assert untranslated("<th>審核</th><th>审核</th><td>都勻市</td>", "zh-hant", {"都匀市"}) == ["审核"]
    # Hong Kong's check is s2hk's: 户 and 着 are Hong Kong's forms (Taiwan writes 戶, 著), 审核 is Simplified, and
    # a data name may show in Hong Kong's characters (台江縣; Taiwan's 臺江縣).
    assert untranslated("<th>用户</th><p>看着</p><th>审核</th><td>台江縣</td><td>台江县</td>", "zh-hk",
                        {"台江县"}) == ["审核"]
    assert untranslated("<th>用户</th>", "zh-hant", set()) == ["用户"]


@pytest.mark.parametrize("language, words", [("en", "nothing was imported"), ("zh-hant", "未匯入任何記錄"),
                                             ("zh-hk", "未匯入任何記錄。請下載錯誤清單，修改後重新上載")])
def test_an_import_job_speaks_the_language_of_who_asked(login, language, words):
    """The job's message, its error list and its page read in the language of the user who uploaded."""
    from tests.base import csv_bytes, upload
    from xiezuo.core.registry import for_model
    from xiezuo.partners.models import Organisation

    client = login("bijie_dafang")
    client.cookies["django_language"] = language
    rt = for_model(Organisation)
    with translation.override(language):
        name, kind = str(Organisation._meta.get_field("name").verbose_name), "nonsense"
        kind_label = str(Organisation._meta.get_field("kind").verbose_name)
        region_label = str(Organisation._meta.get_field("region").verbose_name)
    rows = [{name: "Test organisation", kind_label: kind, region_label: "520521000000"}]
    response = client.post(rt.url("import"), {"file": upload("o.csv", csv_bytes(rows))})
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.FAILED and words in job.message, job.message
    assert language != "zh-hk" or "上傳" not in job.message  # Hong Kong's 上載, not Taiwan's 上傳
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert untranslated(page, language, data_values() | {"Test organisation"}) == []
