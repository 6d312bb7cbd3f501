"""Each user's list columns and saved filters; the home page in names; favicon; the pages' accessible parts."""

from __future__ import annotations

import re

import pytest

from xiezuo.core.listprefs import ListColumns, SavedFilter

pytestmark = pytest.mark.django_db

LIST = "/industry/project/"


def headers(html: str) -> list[str]:
    head = html.split('id="record-table"', 1)[1].split("</thead>", 1)[0]
    return [re.sub(r"<[^>]+>|[▲▼]", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S) if
            re.sub(r"<[^>]+>", "", h).strip()]


def test_column_choice_is_kept_per_user(login):
    client = login("qiannan")
    before = headers(client.get(LIST).content.decode())
    assert "投资企业" in before
    response = client.post("/lists/industry.project/columns/", {"column": ["region", "password", "name"],
                                                                "next": LIST + "?sort=name"})
    assert response.status_code == 302 and response["Location"] == LIST + "?sort=name"
    after = headers(client.get(LIST).content.decode())
    # The record's name (its link) always stays; unknown columns are ignored.
    assert after[0] == before[0] and "投资企业" not in after and len(after) < len(before)
    assert ListColumns.objects.get(user__username="qiannan").columns == ["region"]
    # Another user still sees every column.
    assert headers(login("admin").get(LIST).content.decode()) == before
    # Back to every column.
    client.post("/lists/industry.project/columns/", {"reset": "1"})
    assert headers(client.get(LIST).content.decode()) == before


def test_saved_filters_are_named_listed_applied_and_deleted(login):
    client = login("qiannan")
    response = client.post("/lists/industry.project/filters/", {"name": "  茶叶  项目 ", "query": "q=%E8%8C%B6&sort=name"})
    assert response.status_code == 302 and response["Location"] == LIST + "?q=%E8%8C%B6&sort=name"
    page = client.get(response["Location"]).content.decode()
    assert "已保存筛选条件“茶叶 项目”" in page
    assert re.search(r'<a class="me-auto fw-bold" href="/industry/project/\?q=%E8%8C%B6&amp;sort=name" '
                     r'aria-current="true">茶叶 项目</a>', page)
    # Saving the same name again replaces it; no name is refused with a message.
    client.post("/lists/industry.project/filters/", {"name": "茶叶 项目", "query": "q=%E8%8C%B6"})
    assert SavedFilter.objects.filter(user__username="qiannan").count() == 1
    refused = client.post("/lists/industry.project/filters/", {"name": " ", "query": "q=x"}, follow=True)
    assert "请为筛选条件填写一个名称" in refused.content.decode()
    # Nobody else sees it or can delete it.
    saved = SavedFilter.objects.get(user__username="qiannan")
    other = login("bijie_dafang")
    assert "茶叶 项目" not in other.get(LIST).content.decode()
    assert other.post(f"/lists/industry.project/filters/{saved.pk}/delete/").status_code == 404
    done = client.post(f"/lists/industry.project/filters/{saved.pk}/delete/", follow=True).content.decode()
    assert "已删除筛选条件“茶叶 项目”" in done and not SavedFilter.objects.exists()
    assert client.post("/lists/no.such/filters/", {"name": "x"}).status_code == 404
    assert client.get("/lists/industry.project/filters/").status_code == 405


def test_home_page_names_the_area_not_its_codes(login):
    page = login("qiannan").get("/").content.decode()
    area = page.split('id="scope-names"', 1)[1].split("</span>\n", 1)[0]
    assert "黔南布依族苗族自治州" in area and ">5227<" not in area
    page = login("gz_sasac").get("/").content.decode()
    area = page.split('id="scope-names"', 1)[1].split("</p>", 1)[0]
    assert "广州市人民政府国有资产监督管理委员会" in area
    assert not re.search(r"\d{8}/", area)


def test_menu_skip_link_favicon_and_labelled_import(client, login):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/x-icon" and icon.content[:4] == b"\0\0\1\0"
    admin = login("admin")
    page = admin.get("/").content.decode()
    body = page.split("<body", 1)[1]
    first_link = re.search(r"<(a|button|input|select)\b[^>]*>", body.split(">", 1)[1])
    assert 'href="#main"' in first_link.group(0) and "跳到主要内容" in body.split("</a>", 1)[0]
    assert 'id="main"' in page and 'rel="icon"' in page
    assert 'href="/registry/summary/"' in page and 'href="/registry/worklist/"' in page
    assert 'aria-label="菜单"' in page
    for url in ("/registry/import/", "/partners/organisation/import/"):
        form = admin.get(url).content.decode()
        assert re.search(r'<label[^>]*for="import-file"[^>]*>选择要导入的文件', form), url
        assert 'id="import-file"' in form


def test_record_a_visit_here(login):
    client = login("qiannan")
    page = client.get("/geo/regions/522701000000/").content.decode()
    assert 'href="/exchange/visit/add/?regions=522701000000"' in page and "在此记录考察" in page
    # A reader who may not add visits is not offered it.
    assert "在此记录考察" not in login("leader").get("/geo/regions/522701000000/").content.decode()
