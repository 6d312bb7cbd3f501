"""Record lists as offices use them: sorting, page size, numbered pages, refused filters, bulk actions."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from xiezuo.core.models import Status
from xiezuo.core.services import create_record, transition_record
from xiezuo.industry.models import Project

pytestmark = pytest.mark.django_db

LIST = "/industry/project/"


def names(html: str) -> list[str]:
    """The first cell of every row, as shown (the link to the record)."""
    body = html.split('id="record-table"', 1)[1]
    return re.findall(r'<td><a href="/[^"]+"[^>]*>([^<]*)</a>', body)


def rows(html: str) -> int:
    return len(names(html))


def project(by, region: str, name: str) -> Project:
    return create_record(Project, {"name": name, "region_id": region, "agreed_on": dt.date(2021, 3, 1)}, by)


def test_clicking_a_header_sorts_by_it_and_again_the_other_way(login):
    client = login("admin")
    page = client.get(LIST).content.decode()
    link = re.search(r'<a class="sort-link text-reset" href="([^"]*sort=name[^"]*)">([^<]*)</a>', page)
    assert link and "项目名称" in link.group(2) or "名称" in link.group(2)
    up = client.get(LIST + link.group(1).replace("&amp;", "&")).content.decode()
    expected = [p.name for p in Project.objects.order_by("name", "pk")[:5]]
    assert names(up)[:5] == expected
    assert 'aria-sort="ascending"' in up and "sort=-name" in up
    down = client.get(LIST + "?sort=-name").content.decode()
    assert names(down)[:5] == [p.name for p in Project.objects.order_by("-name", "-pk")[:5]]
    # `ordering=` (the API's word) sorts the page the same way; an unknown column leaves the usual order.
    assert names(client.get(LIST + "?ordering=name").content.decode())[:5] == expected
    assert client.get(LIST + "?sort=password").status_code == 200


def test_sorting_by_a_related_column_follows_the_names_shown(login):
    client = login("admin")
    page = client.get(LIST + "?sort=region").content.decode()
    expected = [p.name for p in Project.objects.order_by("region__name", "pk")[:5]]
    assert names(page)[:5] == expected


def test_page_size_is_chosen_and_remembered_for_the_session(login):
    client = login("admin")
    assert Project.objects.count() > 100
    page = client.get(LIST).content.decode()
    assert rows(page) == 50 and "每页" in page
    assert rows(client.get(LIST + "?per_page=25").content.decode()) == 25
    again = client.get(LIST).content.decode()
    assert rows(again) == 25 and "<strong aria-current=\"true\">25</strong>" in again
    assert rows(client.get(LIST + "?per_page=100").content.decode()) == 100
    # A size not offered is ignored: the remembered one stays.
    assert rows(client.get(LIST + "?per_page=100000").content.decode()) == 100
    # Another user's session is their own.
    assert rows(login("gd_admin").get(LIST).content.decode()) == 50


def test_pages_are_numbered(login):
    client = login("admin")
    html = client.get(LIST + "?per_page=25&page=2").content.decode()
    pager = html.split('id="pager"', 1)[1]
    assert re.search(r'<li class="page-item active" aria-current="page"><span class="page-link">2</span>', pager)
    assert "page=1" in pager and "page=3" in pager
    last = (Project.objects.count() + 24) // 25
    assert f">{last}</a>" in pager


@pytest.mark.parametrize("query, label", [
    ("organisation=广州市国资委", "投资企业编号（含下属）"),
    ("region=黔南", "项目地区代码"),
])
def test_an_invalid_filter_value_is_said_and_nothing_is_shown_as_if_filtered(login, query, label):
    html = login("admin").get(f"{LIST}?{query}").content.decode()
    problem = re.search(r'<div class="alert alert-danger[^"]*filter-problem"[^>]*>([^<]*)</div>', html)
    assert problem, "no message about the refused filter"
    assert label in problem.group(1) and query.split("=")[1] in problem.group(1)
    assert "未显示任何记录" in html and rows(html) == 0
    assert "共 0 条" in html


def test_a_valid_region_code_still_filters(login):
    html = login("admin").get(f"{LIST}?region=5227").content.decode()
    assert "filter-problem" not in html
    count = Project.objects.filter(region__code__startswith="5227").count()
    assert f"共 {count} 条" in html


def test_the_synthetic_filter_all_option_reads_all(login):
    html = login("admin").get(LIST).content.decode()
    select = re.search(r'<select name="synthetic"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert "未知" not in select and "全部" in select


def test_select_all_is_a_static_file_and_the_page_has_no_inline_script(login):
    client = login("bijie_dafang")
    html = client.get(LIST).content.decode()
    assert 'id="bulk-select-all"' in html and 'name="pk"' in html
    assert re.search(r'<script src="[^"]*core/record_list\.js"', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) and " onclick=" not in html
    js = client.get(re.search(r'<script src="([^"]*core/record_list\.js)"', html).group(1))
    assert js.status_code == 200


def test_bulk_submit_approve_and_return_go_through_the_same_rules(login, user):
    dafang, bijie = user("bijie_dafang"), user("bijie")
    first, second = project(dafang, "520521000000", "大方县批量一"), project(dafang, "520521000000", "大方县批量二")
    own = project(bijie, "520502000000", "毕节市级批量项目")
    transition_record(own, "submit", bijie)
    hidden = Project.objects.exclude(region__code__startswith="5205").first()

    county = login("bijie_dafang")
    listing = county.get(LIST).content.decode()
    assert 'value="submit"' in listing and 'value="approve"' not in listing
    confirm = county.post(LIST + "bulk/", {"action": "submit", "pk": [first.pk, second.pk]}).content.decode()
    assert "大方县批量一" in confirm and "大方县批量二" in confirm and 'name="confirm" value="1"' in confirm
    assert Project.objects.get(pk=first.pk).status == Status.DRAFT  # nothing done before confirming
    done = county.post(LIST + "bulk/", {"action": "submit", "pk": [first.pk, second.pk], "confirm": "1"})
    assert "共 2 条，成功 2 条" in done.content.decode()
    assert set(Project.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == \
        {Status.SUBMITTED}

    prefecture = login("bijie")
    ids = [first.pk, own.pk, hidden.pk]
    result = prefecture.post(LIST + "bulk/", {"action": "approve", "pk": ids, "confirm": "1"}).content.decode()
    table = result.split('id="bulk-results"', 1)[1]
    cells = re.findall(r"<tr class=\"table-(success|warning)\"><td>(\d+)</td>.*?<td>[✓✗] ([^<]*)</td></tr>",
                       table, re.S)
    outcome = {int(pk): (kind, text) for kind, pk, text in cells}
    assert outcome[first.pk] == ("success", "已审核通过")
    assert outcome[own.pk][0] == "warning" and "提交人不能审核" in outcome[own.pk][1]
    assert outcome[hidden.pk] == ("warning", "记录不存在或不在您的查看范围内。")
    assert "共 3 条，成功 1 条" in result
    assert Project.objects.get(pk=first.pk).status == Status.APPROVED
    assert Project.objects.get(pk=own.pk).status == Status.SUBMITTED

    # Returning needs one reason, given once for all the records.
    refused = prefecture.post(LIST + "bulk/", {"action": "return", "pk": [first.pk, second.pk], "confirm": "1"})
    assert refused.status_code == 400 and "退回时必须填写原因" in refused.content.decode()
    returned = prefecture.post(LIST + "bulk/", {"action": "return", "pk": [first.pk, second.pk], "confirm": "1",
                                                "reason": "投资额需核实"}).content.decode()
    assert "成功 2 条" in returned
    for pk in (first.pk, second.pk):
        obj = Project.objects.get(pk=pk)
        assert obj.status == Status.RETURNED and obj.return_reason == "投资额需核实"


def test_bulk_delete_deletes_what_may_be_deleted_and_says_why_not_for_the_rest(login, user):
    dafang = user("bijie_dafang")
    draft, locked = project(dafang, "520521000000", "大方县待删除"), project(dafang, "520521000000", "大方县已提交")
    transition_record(locked, "submit", dafang)
    client = login("bijie_dafang")
    confirm = client.post(LIST + "bulk/", {"action": "delete", "pk": [draft.pk, locked.pk]}).content.decode()
    assert "确认删除" in confirm and "大方县待删除" in confirm
    result = client.post(LIST + "bulk/", {"action": "delete", "pk": [draft.pk, locked.pk], "confirm": "1"})
    html = result.content.decode()
    assert "共 2 条，成功 1 条" in html and "已删除" in html and "已提交" in html
    assert not Project.objects.filter(pk=draft.pk).exists() and Project.objects.filter(pk=locked.pk).exists()


def test_bulk_action_the_role_does_not_have_is_refused(login, user):
    dafang = user("bijie_dafang")
    work = project(dafang, "520521000000", "大方县不可批量审核")
    transition_record(work, "submit", dafang)
    response = login("bijie_dafang").post(LIST + "bulk/", {"action": "approve", "pk": [work.pk], "confirm": "1"})
    assert response.status_code == 403
    assert Project.objects.get(pk=work.pk).status == Status.SUBMITTED
