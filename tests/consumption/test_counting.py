"""Consumption figures that cannot be inflated: one report per invoice or contract, only certified products at
the date of sale, totals on the pages equal to a recount, bad input refused with a Chinese message."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.base import xlsx_bytes
from tests.consumption.recount import RECOUNT, certified, counted, sales
from tests.consumption.test_records import TestSale
from tests.core.test_figures import figure
from xiezuo.consumption.models import Channel, Product, Sale
from xiezuo.core import figures as registry
from xiezuo.core.figures import Subject
from xiezuo.core.models import Job
from xiezuo.core.services import create_record, transition_record
from xiezuo.core.tables import yuan_to_wan
from xiezuo.partners.models import Organisation, Pairing

pytestmark = pytest.mark.django_db
MARKET, TRADING = "广州江南果菜批发市场", "广东东西部扶贫协作产品交易市场"
SASAC = "广州市人民政府国有资产监督管理委员会"


def qiannan_pairing() -> Pairing:
    return Pairing.objects.get(helper_region="440100000000", helped_region="522700000000")


def values(user, subject) -> dict:
    return {f.key: f.value for f in registry.figures(user, subject) if f.key.startswith("consumption.")}


def approved_sale(user, **data):
    """A sale entered by Qiannan and approved by the administrator (maker-checker: another person)."""
    sale = create_record(Sale, {"channel": Channel.objects.get(name=MARKET), "reported_by": "channel", **data},
                         user("qiannan"))
    transition_record(sale, "submit", user("qiannan"))
    transition_record(sale, "approve", user("admin"))
    return sale


def test_demo_figures_of_the_pairing_equal_the_recount_and_count_duplicates_once(user):
    subject = Subject("pairing", qiannan_pairing())
    got = values(user("admin"), subject)
    assert set(got) == set(RECOUNT)
    for key, value in got.items():
        assert value == RECOUNT[key](subject), key
    # The canteen's purchases of March, June and September were reported by the buyer and by the market.
    assert got["consumption.duplicates"] == 3
    assert got["consumption.sales"] < got["consumption.reported"]
    assert got["consumption.government"] == sum(Decimal(48000 + 1000 * m) for m in range(1, 13))
    assert got["consumption.products"] == 4 and got["consumption.restaurants"] == 1


def test_the_same_contract_reported_by_market_and_buyer_counts_once(user, login):
    subject = Subject("pairing", qiannan_pairing())
    before = values(user("admin"), subject)
    tea = Product.objects.get(name="都匀毛尖茶")
    buyer = Organisation.objects.get(name=SASAC)
    first = approved_sale(user, month=dt.date(2020, 8, 1), product=tea, amount=Decimal("66000"), buyer=buyer,
                          document_no="HT-2020-0815")
    second = approved_sale(user, channel=Channel.objects.get(name=TRADING), month=dt.date(2020, 8, 1), product=tea,
                           amount=Decimal("66000"), buyer=buyer, reported_by="buyer", document_no="ht 2020／0815")
    after = values(user("admin"), subject)
    assert after["consumption.sales"] - before["consumption.sales"] == Decimal("66000")
    assert after["consumption.reported"] - before["consumption.reported"] == Decimal("132000")
    assert after["consumption.duplicates"] - before["consumption.duplicates"] == 1
    assert after["consumption.government"] - before["consumption.government"] == Decimal("66000")
    # The approver sees the match on both records, and the list says which one counts.
    client = login("qiannan")
    html = client.get(second.get_absolute_url()).content.decode()
    assert "同一发票或合同已有更早的报送，本条不重复计入" in html and f"#{first.pk}" in html
    html = client.get(first.get_absolute_url()).content.decode()
    assert "同一发票或合同另有以下报送，只计这一条" in html and f"#{second.pk}" in html
    listed = client.get("/consumption/sale/?q=0815").content.decode()
    assert f"同一票据另有报送（#{first.pk}），只计一次" in listed
    # The figure's link lists exactly the counted rows: the first report, not the second.
    [f] = registry.figures(user("admin"), subject, keys=["consumption.sales"])
    assert "counted=true" in f.url and "once=true" in f.url
    ids = {r["id"] for r in client.get(f.api_url + "&q=0815").json()["results"]}
    assert first.pk in ids and second.pk not in ids


def test_only_sales_of_products_certified_at_the_date_of_sale_count(user, login):
    eggs = Product.objects.get(name="长顺绿壳鸡蛋")        # certified from 2020-07-01
    beef = Product.objects.get(name="平塘牛肉干")          # withdrawn on 2020-09-30
    juice = Product.objects.get(name="贵定刺梨汁")          # still in public notice
    subject = Subject("pairing", qiannan_pairing())
    before = values(user("admin"), subject)
    early = approved_sale(user, month=dt.date(2020, 6, 1), product=eggs, amount=Decimal("1000"))
    on_day = approved_sale(user, month=dt.date(2020, 7, 1), sold_on=dt.date(2020, 7, 15), product=eggs,
                           amount=Decimal("2000"))
    before_withdrawal = approved_sale(user, month=dt.date(2020, 9, 1), product=beef, amount=Decimal("4000"))
    after_withdrawal = approved_sale(user, month=dt.date(2020, 10, 1), product=beef, amount=Decimal("8000"))
    uncertified = approved_sale(user, month=dt.date(2020, 10, 1), product=juice, amount=Decimal("16000"))
    assert [certified(s) for s in (early, on_day, before_withdrawal, after_withdrawal, uncertified)] == \
        [False, True, True, False, False]
    after = values(user("admin"), subject)
    assert after["consumption.sales"] - before["consumption.sales"] == Decimal("6000")
    assert after["consumption.not_counted"] - before["consumption.not_counted"] == Decimal("25000")
    # Kept, and labelled why.
    client = login("qiannan")
    html = client.get(early.get_absolute_url()).content.decode()
    assert "不计入消费帮扶" in html and "不在产品认定有效期（2020-07-01 至 2021-12-31）内" in html
    assert "不在产品认定有效期（2019-01-01 至 2020-09-30）内" in client.get(after_withdrawal.get_absolute_url()) \
        .content.decode()
    assert "产品尚未认定（公示）" in client.get(uncertified.get_absolute_url()).content.decode()
    listed = client.get(f"/consumption/sale/?counted=false&product={eggs.pk}").content.decode()
    assert "不计入：销售日期" in listed


def test_cooperation_page_shows_consumption_figures_by_year_equal_to_the_recount(login):
    p = qiannan_pairing()
    html = login("qiannan").get(f"/cooperation/pairing/{p.pk}/").content.decode()
    subject = Subject("pairing", p)
    label, shown, link = figure(html, "consumption.sales")
    assert label == "消费帮扶销售额" and shown == yuan_to_wan(sum(s.amount for s in counted(subject)))
    assert "counted=true" in link and "once=true" in link
    assert figure(html, "consumption.products")[1] == "4"
    assert 'id="consumption_years"' in html
    year = Subject("pairing", p, dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert yuan_to_wan(RECOUNT["consumption.sales"](year)) in html
    assert yuan_to_wan(RECOUNT["consumption.sales"](Subject("pairing", p, dt.date(2020, 1, 1),
                                                            dt.date(2020, 12, 31)))) in html


def test_the_monthly_chart_data_equal_the_recount_and_stay_in_the_area(login):
    client = login("qiannan")
    channel = Channel.objects.get(name=MARKET)
    html = client.get(channel.get_absolute_url()).content.decode()
    assert "data-monthly-chart=" in html and "vendor/echarts/echarts.min.js" in html
    assert "consumption/monthly_chart.js" in html and "<script>" not in html
    data = client.get(f"/consumption/sale/monthly/?channel={channel.pk}").json()
    mine = [s for s in Sale.objects.filter(status="approved", channel=channel, region__code__startswith="5227")]
    assert Decimal(data["total_reported"]) == sum(s.amount for s in mine)
    assert len(data["months"]) == 24 and data["months"][0] == "2019-01"
    # Dafang county sees only its own products' sales through the same market.
    other = login("bijie_dafang").get(f"/consumption/sale/monthly/?channel={channel.pk}").json()
    dafang = Sale.objects.filter(status="approved", channel=channel, region__code__startswith="520521")
    assert Decimal(other["total_reported"]) == sum(s.amount for s in dafang) > 0
    # The pairing's detail page carries the chart; a producer's page its products.
    assert "data-monthly-chart=" in client.get(qiannan_pairing().get_absolute_url()).content.decode()
    producer = Organisation.objects.get(name="都匀市毛尖茶叶专业合作社（演示）")
    html = client.get(producer.get_absolute_url()).content.decode()
    assert "都匀毛尖茶" in html and "QN-2019-0001" in html


def post_sale(client, **data):
    base = {"channel": Channel.objects.get(name=MARKET).pk, "month": "2020-05-01", "reported_by": "channel",
            "product": Product.objects.get(name="都匀毛尖茶").pk, "amount": "1000"}
    return client.post("/consumption/sale/add/", {**base, **data})


@pytest.mark.parametrize("data, message", [
    ({"amount": "-1"}, "金额不能为负数"),
    ({"amount": "60000000"}, "超过单行上限 5,000.00 万元"),
    ({"month": "2099-01-01"}, "月份 2099-01 尚未到来"),
    ({"month": "2020-05-01", "sold_on": "2020-06-02"}, "销售日期应在所填月份内"),
    ({"product": "", "category": "", "region": "522701000000"}, "未填写产品时须填写产品类别"),
])
def test_bad_sales_are_refused_with_a_chinese_message(login, data, message):
    count = Sale.objects.count()
    response = post_sale(login("qiannan"), **data)
    assert response.status_code == 400 and message in response.content.decode()
    assert Sale.objects.count() == count


@pytest.mark.parametrize("month", ["2020-05", "2020-05-17", "2020/5", "2020/05/17"])
def test_a_month_is_read_alike_by_the_page_and_the_api(login, month):
    """A month typed as offices type it: the page and the API both keep the month's first day."""
    client = login("qiannan")
    base = {"channel": Channel.objects.get(name=MARKET).pk, "reported_by": "channel",
            "product": Product.objects.get(name="都匀毛尖茶").pk}
    response = client.post("/consumption/sale/add/", {**base, "month": month, "amount": "1001"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Sale.objects.get(amount=Decimal("1001")).month == dt.date(2020, 5, 1)
    api = client.post("/api/consumption/sale/", {**base, "month": month, "amount": "1002"},
                      content_type="application/json")
    assert api.status_code == 201, api.json()
    assert api.json()["month"] == "2020-05-01"
    bad = client.post("/api/consumption/sale/", {**base, "month": "2020-13", "amount": "1003"},
                      content_type="application/json")
    assert bad.status_code == 400 and "日期格式错误" in bad.json()["month"][0], bad.json()
    assert not Sale.objects.filter(amount=Decimal("1003")).exists()


def test_a_channel_outside_the_users_area_or_not_serving_the_origin_is_refused(login, user):
    hall = create_record(Channel, {"name": "都匀市扶贫专柜（测试）", "kind": "hall",
                                   "operator": Organisation.objects.get(name="黔南州东西部协作办公室"),
                                   "region_id": "522701000000"}, user("qiannan"),
                         m2m={"served_regions": ["522700000000"]})
    count = Sale.objects.count()
    response = post_sale(login("bijie_dafang"), channel=hall.pk, product=Product.objects.get(name="大方天麻").pk)
    assert response.status_code == 400 and "选择一个有效的选项" in response.content.decode()
    # Qiannan's own counter does not sell Bijie's products.
    response = post_sale(login("admin"), channel=hall.pk, product=Product.objects.get(name="大方天麻").pk)
    assert "不经销“大方县”的产品" in response.content.decode()
    assert Sale.objects.count() == count


def test_a_certificate_number_belongs_to_one_product(login):
    client = login("qiannan")
    count = Product.objects.count()
    response = client.post("/consumption/product/add/", {
        "name": "都匀毛尖茶（重复证书）", "category": "processed",
        "producer": Organisation.objects.get(name="都匀市毛尖茶叶专业合作社（演示）").pk, "region": "522701000000",
        "mechanism": "purchase", "stage": "certified", "certificate_no": "QN-2019-0001", "valid_from": "2020-01-01"})
    assert "认定证书编号“QN-2019-0001”已用于产品“都匀毛尖茶”" in response.content.decode()
    assert Product.objects.count() == count


def _market_sheet(month: str) -> bytes:
    return xlsx_bytes([
        {"销售渠道*": MARKET, "月份*": month, "产品": name, "卖方": "", "金额（元）*": amount,
         "发票或合同编号": f"JN-{month[:7]}-{i}", "报送方*": "渠道（市场）报送"}
        for i, (name, amount) in enumerate([("都匀毛尖茶", "120000"), ("罗甸火龙果", "80000"),
                                            ("惠水黑糯米", "30000")], 1)])


def test_a_markets_monthly_sheet_imports_all_or_nothing_and_once(login, user):
    client = login("qiannan")
    count = Sale.objects.count()
    bad = xlsx_bytes([
        {"销售渠道*": MARKET, "月份*": "2021-01-01", "产品": "都匀毛尖茶", "金额（元）*": "1000", "报送方*": "渠道（市场）报送"},
        {"销售渠道*": MARKET, "月份*": "2099-01-01", "产品": "都匀毛尖茶", "金额（元）*": "1000", "报送方*": "渠道（市场）报送"},
        {"销售渠道*": MARKET, "月份*": "2021-01-01", "产品": "罗甸火龙果", "金额（元）*": "90000000",
         "报送方*": "渠道（市场）报送"}])
    job = TestSale().run_import(client, "market.xlsx", bad)
    assert job.state == Job.State.FAILED
    errors = {(e[0], e[2]) for e in job.errors}
    assert errors == {(3, "月份"), (4, "金额（元）")}, job.errors
    assert Sale.objects.count() == count
    # A good sheet: three rows; a second import of the same sheet changes nothing.
    job = TestSale().run_import(client, "market.xlsx", _market_sheet("2021-01-01"))
    assert job.state == Job.State.SUCCEEDED and Sale.objects.filter(import_job=job).count() == 3
    again = TestSale().run_import(client, "market.xlsx", _market_sheet("2021-01-01"))
    assert again.state == Job.State.FAILED and {e[3] for e in again.errors} == {"系统中已存在相同记录"}
    assert Sale.objects.count() == count + 3
    assert all(s.status == "draft" for s in Sale.objects.filter(document_no__startswith="JN-2021-01"))


def test_sales_figures_ignore_what_the_reader_cannot_see(user):
    subject = Subject("region", Organisation.objects.get(name=MARKET).region)
    dafang = values(user("bijie_dafang"), subject)
    assert dafang["consumption.reported"] == sum(
        s.amount for s in sales(subject) if s.region_id.startswith("520521"))


def test_the_monthly_chart_is_kept_until_the_next_write(login, user):
    """The panels and the chart count sales once per reader's area and state of the data; an approved sale is in
    the next answer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("qiannan")
    channel = Channel.objects.get(name=MARKET)
    url = f"/consumption/sale/monthly/?channel={channel.pk}"
    first = client.get(url).json()
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).json() == first
    assert not [q for q in again.captured_queries if "consumption_sale" in q["sql"]
                and "core_tablestamp" not in q["sql"]], "kept, not counted again"
    approved_sale(user, month=dt.date(2020, 8, 1), product=Product.objects.get(name="都匀毛尖茶"),
                  amount=Decimal("12345"))
    after = client.get(url).json()
    assert Decimal(after["total_reported"]) - Decimal(first["total_reported"]) == Decimal("12345")
    html = client.get(qiannan_pairing().get_absolute_url()).content.decode()
    assert "data-monthly-chart=" in html


def test_the_sale_list_names_its_counting_column_and_says_why_a_sale_is_not_counted(login):
    html = login("qiannan").get("/consumption/sale/", {"counted": "false", "status": "approved"}).content.decode()
    assert "<th" in html and "计入情况" in html and "bound method" not in html
    assert "不计入：销售日期（2020-06-01 至 2020-06-30）不在产品认定有效期（2020-07-01 至 2021-12-31）内" in html


def test_a_markets_sheet_takes_the_month_as_typed(login):
    """A monthly sheet names its month as 2021-01 (or 2021年1月), as the page takes it."""
    sheet = xlsx_bytes([
        {"销售渠道*": MARKET, "月份*": month, "产品": "都匀毛尖茶", "金额（元）*": "1000",
         "发票或合同编号": f"JN-MONTH-{i}", "报送方*": "渠道（市场）报送"}
        for i, month in enumerate(["2021-01", "2021年2月", "2021/3"], 1)])
    job = TestSale().run_import(login("qiannan"), "market.xlsx", sheet)
    assert job.state == Job.State.SUCCEEDED, job.errors
    months = sorted(Sale.objects.filter(import_job=job).values_list("month", flat=True))
    assert months == [dt.date(2021, 1, 1), dt.date(2021, 2, 1), dt.date(2021, 3, 1)]
    bad = xlsx_bytes([{"销售渠道*": MARKET, "月份*": "2021-13", "产品": "都匀毛尖茶", "金额（元）*": "1000",
                       "报送方*": "渠道（市场）报送"}])
    job = TestSale().run_import(login("qiannan"), "market.xlsx", bad)
    assert job.state == Job.State.FAILED and [(e[0], e[1], e[2]) for e in job.errors] == [(2, "B", "月份")]
    assert "无法识别" in job.errors[0][3]


@pytest.mark.parametrize("number", ["qn-2019-0001", "ＱＮ－２０１９－０００１ ", " QN-2019-0001"])
def test_a_certificate_number_written_otherwise_is_still_the_same_certificate(login, number):
    data = {"name": "都匀毛尖茶（重复证书）", "category": "processed",
            "producer": Organisation.objects.get(name="都匀市毛尖茶叶专业合作社（演示）").pk, "region": "522701000000",
            "mechanism": "purchase", "stage": "certified", "certificate_no": number, "valid_from": "2020-01-01"}
    count = Product.objects.count()
    client = login("qiannan")
    page = client.post("/consumption/product/add/", data).content.decode()
    assert "认定证书编号“QN-2019-0001”已用于产品“都匀毛尖茶”" in page
    api = client.post("/api/consumption/product/", data, content_type="application/json")
    assert api.status_code == 400
    assert "已用于产品“都匀毛尖茶”" in api.json()["certificate_no"][0]
    assert Product.objects.count() == count


@pytest.mark.parametrize("reader, helped", [("qiannan", "522700000000"), ("bijie", "520500000000")])
def test_the_table_by_year_says_what_a_year_counts_and_equals_the_recount(login, reader, helped):
    """Products and restaurants are counted in the year of their certification or opening: the headings say so
    (a restaurant opened in 2019 and buying in 2020 is not a 2020 restaurant), and every cell is the recount."""
    import re

    p = Pairing.objects.get(helper_region="440100000000", helped_region=helped)
    html = login(reader).get(f"/cooperation/pairing/{p.pk}/").content.decode()
    table = html[html.index('id="consumption_years"'):]
    table = table[:table.index("</table>")]
    headings = re.findall(r"<th>([^<]*)</th>", table)
    assert headings == ["年度", "当年认定产品（种）", "消费帮扶销售额（万元）", "其中政府采购（万元）", "不计入（万元）",
                        "当年开业黔菜餐厅（家）", "东部游客（人次）"]
    keys = ["consumption.products", "consumption.sales", "consumption.government", "consumption.not_counted",
            "consumption.restaurants", "consumption.visitors"]
    rows = re.findall(r"<tr><td>(\d{4})</td>(.*?)</tr>", table, re.S)
    assert [year for year, _cells in rows] == ["2019", "2020"]
    for year, cells in rows:
        shown = [v.strip() for v in re.findall(r'class="figure-link"[^>]*>([^<]*)</a>', cells)]
        subject = Subject("pairing", p, dt.date(int(year), 1, 1), dt.date(int(year), 12, 31))
        want = [RECOUNT[k](subject) for k in keys]
        assert shown == [yuan_to_wan(v) if k in ("consumption.sales", "consumption.government",
                                                 "consumption.not_counted") else f"{v:,}"
                         for k, v in zip(keys, want, strict=True)], year


def test_a_product_certified_in_a_year_and_withdrawn_since_counts_in_that_year(login, user):
    """平塘牛肉干 was certified from 2019-01-01 and withdrawn on 2020-09-30: its 2019 sales count, so it is one of
    2019's certified products (the link lists it); today it is no longer certified."""
    p = qiannan_pairing()
    year = values(user("qiannan"), Subject("pairing", p, dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    assert year["consumption.products"] == 4
    assert values(user("qiannan"), Subject("pairing", p))["consumption.products"] == 4
    html = login("qiannan").get(f"/cooperation/pairing/{p.pk}/").content.decode()
    table = html[html.index('id="consumption_years"'):]
    link = table[table.index('<a href="') + 9:].split('"')[0].replace("&amp;", "&")
    listed = login("qiannan").get(link).content.decode()
    assert "平塘牛肉干" in listed and "长顺绿壳鸡蛋" not in listed
