"""The menu reads in the language the user picked: every group and record type, this app's or a new channel's."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from xiezuo.core.registry import REGISTRY
from xiezuo.core.text import to_traditional

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u4e00-\u9fff]")


def sidebar(client, language: str) -> str:
    client.cookies["django_language"] = language
    page = client.get("/").content.decode()
    return page[page.index('id="sidebar"'):page.index("</aside>")]


def test_menu_in_english_has_no_chinese(login):
    menu = sidebar(login("admin"), "en")
    assert HAN.findall(menu) == [], re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", menu))
    with translation.override("en"):
        for rt in REGISTRY.values():
            if rt.menu:
                assert rt.verbose_name_plural in menu, rt.key


def test_menu_in_traditional_is_converted(login):
    menu = sidebar(login("admin"), "zh-hant")
    for rt in REGISTRY.values():
        if rt.menu:
            group = str(rt.menu_group) if rt.menu_group else ""
            assert to_traditional(group) in menu and to_traditional(str(rt.model._meta.verbose_name_plural)) in menu


# 繁體中文（香港）: Hong Kong characters (s2hk) and Hong Kong's words, where Taiwan's 繁體中文 has its own.

def test_menu_in_hong_kong_traditional_reads_as_hong_kong_writes(login):
    menu = sidebar(login("admin"), "zh-hk")
    with translation.override("zh-hans"):
        for rt in REGISTRY.values():
            if rt.menu:
                group = str(rt.menu_group) if rt.menu_group else ""
                plural = str(rt.model._meta.verbose_name_plural)
                assert to_traditional(group, "hk") in menu and to_traditional(plural, "hk") in menu, rt.key
    # 基础数据 and 产业项目: 基礎數據 and 產業項目 in Hong Kong, 基礎資料 and 產業專案 in Taiwan.
    assert "基礎數據" in menu and "產業項目" in menu
    assert "基礎資料" not in menu and "產業專案" not in menu
    taiwan = sidebar(login("admin"), "zh-hant")
    assert "基礎資料" in taiwan and "產業專案" in taiwan


@pytest.mark.parametrize("language, shown, not_shown", [("zh-hk", "台江縣", "臺江縣"), ("zh-hant", "臺江縣", "台江縣")])
def test_data_is_shown_in_the_regions_characters(login, language, shown, not_shown):
    """A place name as entered (台江县) reads 台江縣 in Hong Kong and 臺江縣 in Taiwan; its page, a list and search."""
    client = login("admin")
    client.cookies["django_language"] = language
    for url in ("/geo/regions/522630000000/", "/geo/regions/?q=taijiang", "/search/?q=台江县"):
        page = client.get(url).content.decode()
        assert shown in page and not_shown not in page, url


@pytest.mark.parametrize("accept, language", [
    ("zh-HK,zh;q=0.9,en;q=0.8", "zh-hk"), ("zh-MO", "zh-hk"), ("zh-Hant-HK", "zh-hk"),
    ("zh-TW,zh;q=0.9", "zh-hant"), ("zh-Hant", "zh-hant"), ("zh-CN,zh;q=0.9", "zh-hans"), ("en-GB,en", "zh-hans"),
])
def test_the_browser_language_picks_the_traditional_of_its_region(login, accept, language):
    response = login("leader").get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert f'<html lang="{language}">' in response.content.decode()
    assert response["Content-Language"] == language


def test_the_switcher_offers_hong_kong_traditional_and_keeps_it(login):
    client = login("leader")
    page = client.get("/").content.decode()
    switch = page[page.index('id="language-switch"'):]
    switch = switch[:switch.index("</form>")]
    buttons = re.findall(r'name="language" value="([^"]+)"[^>]*>([^<]+)</button>', switch)
    assert buttons == [("zh-hans", "简体中文"), ("zh-hant", "繁體中文"), ("zh-hk", "繁體中文（香港）"), ("en", "English")]
    response = client.post("/i18n/setlang/", {"language": "zh-hk", "next": "/geo/regions/"})
    assert response.status_code == 302 and response.url == "/geo/regions/"
    assert client.cookies["django_language"].value == "zh-hk"
    page = client.get("/geo/regions/", HTTP_ACCEPT_LANGUAGE="zh-TW").content.decode()  # the choice wins
    assert '<html lang="zh-hk">' in page and "行政區劃" in page and "搜尋" in page and "搜索" not in page


def test_djangos_own_messages_and_dates_are_traditional_in_hong_kong(login):
    """Django ships no zh_HK catalogue or formats: its messages and dates come from zh_Hant, never Simplified."""
    import datetime as dt

    from django.utils.formats import date_format
    from django.utils.translation import gettext

    from xiezuo.core.registry import for_model
    from xiezuo.partners.models import Organisation

    client = login("admin")
    client.cookies["django_language"] = "zh-hk"
    response = client.post(for_model(Organisation).url("add"), {"name": ""})
    page = response.content.decode()
    assert response.status_code == 400 and "此為必需欄位" in page and "该字段" not in page  # the form, refused
    with translation.override("zh-hk"):
        assert gettext("This field is required.") == "此為必需欄位。"
        assert date_format(dt.date(2024, 1, 5)) == "2024年1月5日"


@pytest.mark.parametrize("simplified, hong_kong, taiwan", [
    ("审核", "審核", "審核"), ("代码", "代碼", "代碼"), ("数据", "數據", "資料"), ("导入", "匯入", "匯入"),
    ("登录", "登入", "登入"), ("批量导入", "批量匯入", "批次匯入"), ("上传文件", "上載文件", "上傳檔案"),
    ("里面", "裏面", "裡面"), ("用户名", "用户名", "使用者名稱"), ("账号已停用", "帳户已停用", "賬號已停用"),
])
def test_interface_words_for_hong_kong(simplified, hong_kong, taiwan):
    assert to_traditional(simplified, "hk") == hong_kong
    assert to_traditional(simplified) == taiwan


@pytest.mark.parametrize("language, headers, message", [
    ("zh-hk", ["項目名稱", "項目類型", "合成演示數據"], "已匯出"),
    ("zh-hant", ["專案名稱", "專案類型", "合成演示資料"], "已匯出"),
])
def test_an_export_job_writes_in_the_requesters_traditional(login, language, headers, message):
    """The job runs in the language of who asked: its message and its file's header row (data as entered)."""
    import io

    from python_calamine import CalamineWorkbook

    from xiezuo.core.models import Job

    client = login("admin")
    client.cookies["django_language"] = language
    response = client.get("/industry/project/export/", {"format": "xlsx"})
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.SUCCEEDED and job.message.startswith(message), job.message
    content = b"".join(client.get(f"/jobs/{job.pk}/download/result/").streaming_content)
    header = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()[0]
    assert all(h in header for h in headers), header


def test_every_choice_label_reads_as_djangos_in_every_language():
    """Records look their choices' labels up in a table built once per field (core/models.py `choice_labels`):
    the same text as Django's own lookup, for every value, an unknown one and none, in each language."""
    from django.apps import apps
    from django.db import models
    from django.utils import translation

    from xiezuo.core.models import Record

    checked = 0
    for model in apps.get_models():
        if not issubclass(model, Record):
            continue
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            for value in [v for v, _label in field.flatchoices] + ["（不存在的值）", None]:
                obj = model(**{field.attname: value})
                for language in ("zh-hans", "en", "zh-hant"):
                    with translation.override(language):
                        assert obj._get_FIELD_display(field) == models.Model._get_FIELD_display(obj, field), (
                            model, field.name, value, language)
                        checked += 1
    assert checked > 300
