"""Money states its unit once (万元 for investment and funds, 元 for household incomes), with thousands
separators; counts have separators and years none. Decided in core for every record type."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from xiezuo.core.figures import Figure
from xiezuo.core.registry import REGISTRY
from xiezuo.core.services import create_record
from xiezuo.industry.models import FundAllocation, Project
from xiezuo.registry.models import Household

pytestmark = pytest.mark.django_db


def cells(html: str, table_id: str = "record-table") -> list[str]:
    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", body, re.S)]


def detail(html: str) -> dict[str, str]:
    rows = re.findall(r'<tr><th class="w-25">([^<]*)</th><td>(.*?)</td></tr>', html, re.S)
    return {label: re.sub(r"<[^>]+>", "", value).strip() for label, value in rows}


@pytest.fixture
def big_project(user):
    return create_record(Project, {
        "name": "金额显示测试项目", "region_id": "520521000000", "agreed_on": dt.date(2021, 3, 1),
        "planned_investment": Decimal("161930000.00"), "enterprise_funds": Decimal("86146760.00"),
        "jobs_created": 12345, "poor_employed": 1200,
    }, user("bijie_dafang"))


def test_every_money_header_states_its_unit_once():
    for rt in REGISTRY.values():
        table = rt.table(rt.model, [])
        for name, label in table.headers():
            assert label.count("元") <= 1, f"{rt.key}.{name}: {label}"
            if table.is_money(name):
                assert label.endswith(("（万元）", "（元）")), f"{rt.key}.{name}: {label}"


def test_project_list_shows_wan_yuan_and_counts_with_separators(login, big_project):
    html = login("bijie_dafang").get("/industry/project/?q=金额显示测试项目").content.decode()
    shown = cells(html)
    assert "计划投资（万元）" in shown and not any("（元）（万元）" in c for c in shown)
    assert "16,193.00" in shown, shown
    assert "12,345" in shown and "1,200" in shown


def test_project_detail_shows_every_money_field_the_same_way(login, big_project):
    fields = detail(login("bijie_dafang").get(big_project.get_absolute_url()).content.decode())
    assert fields["计划投资（万元）"] == "16,193.00"
    assert fields["企业自筹资金（万元）"] == "8,614.68"
    assert not any(label.endswith("（元）") for label in fields), fields
    assert fields["带动就业人数"] == "12,345"


def test_years_are_not_split_by_separators(login):
    allocation = FundAllocation.objects.filter(status="approved").first()
    html = login("admin").get(f"/industry/fundallocation/?year={allocation.year}").content.decode()
    shown = cells(html)
    assert str(allocation.year) in shown and f"{allocation.year:,}" not in shown
    fields = detail(login("admin").get(allocation.get_absolute_url()).content.decode())
    assert fields["年度"] == str(allocation.year)
    assert fields["下达资金（万元）"] == f"{allocation.allocated / 10000:,.2f}"


def test_household_incomes_stay_in_yuan_stated_once(login):
    household = Household.objects.filter(income_per_head__gte=1000, income_wage__gte=1000).first()
    assert household is not None
    fields = detail(login("admin").get(household.get_absolute_url()).content.decode())
    assert fields["工资性收入（元）"] == f"{household.income_wage:,.2f}"
    assert not any("万元" in label for label in fields)
    html = login("admin").get(f"/registry/household/?q={household.number}").content.decode()
    assert f"{household.income_per_head:,.2f}" in cells(html)


def test_figures_show_counts_with_separators_and_the_unit_once_in_tables():
    count = Figure("x.people", "人数", 12345, "/x/", "/api/x/", "人", False, False)
    money = Figure("x.money", "资金", Decimal("123456789.00"), "/x/", "/api/x/", "", True, False)
    assert ">12,345</a> 人" in render_to_string("core/figure.html", {"f": count})
    assert ">12,345.68</a> 万元" in render_to_string("core/figure.html", {"f": money})
    # In a table the column header carries the unit (实际投资（万元）): the cell shows the number only.
    cell = render_to_string("core/figure.html", {"f": money, "bare": True})
    assert cell.strip().endswith("</a>") and "万元" not in cell


def test_the_record_count_has_separators(login):
    html = login("admin").get("/registry/member/").content.decode()
    from xiezuo.registry.models import Member

    total = Member.objects.count()
    assert total >= 1000
    assert f"共 {total:,} 条" in html
