"""The Qiannan office imports a market's monthly sales sheet; once the sales are approved (by another person:
maker-checker), the pairing's page shows the consumption figure grown by what counts — the repeated contract
only once, the uncertified product not at all — and its monthly chart gains the month."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from playwright.sync_api import Page, expect

from xiezuo.core.tabular import write_xlsx

MARKET, TRADING = "广州江南果菜批发市场", "广东东西部扶贫协作产品交易市场"
MONTH = "2021-01"
JOB_TIMEOUT_MS = 60_000


def market_sheet(path: Path) -> Path:
    headers = ["销售渠道*", "月份*", "产品", "金额（元）*", "发票或合同编号", "报送方*"]
    rows = [
        [MARKET, f"{MONTH}-01", "都匀毛尖茶", "100000", "JN-E2E-0001", "渠道（市场）报送"],
        [MARKET, f"{MONTH}-01", "罗甸火龙果", "50000", "JN-E2E-0002", "渠道（市场）报送"],
        # The same contract as the first row, reported again by the trading market: counted once.
        [TRADING, f"{MONTH}-01", "都匀毛尖茶", "100000", "jn e2e 0001", "买方报送"],
        # A product still in public notice: kept, not counted.
        [MARKET, f"{MONTH}-01", "贵定刺梨汁", "30000", "JN-E2E-0004", "渠道（市场）报送"],
    ]
    with open(path, "wb") as f:
        write_xlsx(f, headers, rows)
    return path


def open_pairing(page: Page) -> None:
    page.goto("/partners/pairing/")
    row = page.locator("#record-table tbody tr").filter(has_text="黔南布依族苗族自治州").filter(has_text="广州市")
    row.first.locator("a").first.click()
    expect(page.locator("main h1")).to_contain_text("黔南")


def shown_sales(page: Page) -> Decimal:
    text = page.locator('#ledger-panel [data-figure="consumption.sales"] a').inner_text()
    return Decimal(text.replace(",", ""))


def each_imported_sale(page: Page, action: str) -> None:
    """Open each sale of the imported month and press the lifecycle button (提交审核 / 审核通过)."""
    page.goto(f"/consumption/sale/?since={MONTH}-01&until={MONTH}-01")
    links = page.locator("#record-table tbody tr a.record-link")
    expect(links).to_have_count(4)
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for href in hrefs:
        page.goto(href)
        page.locator("main").get_by_role("button", name=action).click()
        expect(page.locator("main").get_by_role("button", name=action)).to_have_count(0)


def test_qiannan_imports_a_market_sheet_and_sees_the_pairing_figure_and_chart_change(page: Page, login, tmp_path):
    login(page, "qiannan")
    open_pairing(page)
    before = shown_sales(page)
    chart = page.locator("#consumption-chart [data-monthly-chart]")
    expect(chart).to_have_attribute("data-months", re.compile(r"2020-12"))  # drawn by ECharts from the JSON
    assert MONTH not in (chart.get_attribute("data-months") or "")

    # Import the market's sheet through the registry's import page; the worker process runs it.
    page.goto("/consumption/sale/import/")
    page.locator("main input[type=file]").set_input_files(market_sheet(tmp_path / "江南市场2021年1月.xlsx"))
    page.locator("main form").get_by_role("button", name="上传并导入").click()
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}/$"))
    expect(page.locator("#job-state")).to_have_text("已完成", timeout=JOB_TIMEOUT_MS)
    expect(page.locator("#job-message")).to_contain_text("4")

    # The list says how each row will count.
    page.goto(f"/consumption/sale/?since={MONTH}-01&until={MONTH}-01")
    table = page.locator("#record-table")
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(table).to_contain_text("只计一次")
    expect(table).to_contain_text("不计入：产品尚未认定（公示）")

    # Submitted by Qiannan, approved by the administrator.
    each_imported_sale(page, "提交审核")
    page.context.clear_cookies()
    login(page, "admin")
    each_imported_sale(page, "审核通过")
    page.context.clear_cookies()

    login(page, "qiannan")
    open_pairing(page)
    expect(page.locator('#ledger-panel [data-figure="consumption.sales"] a')).not_to_have_text(str(before))
    assert shown_sales(page) - before == Decimal("15.00")  # 10 + 5 万元: the repeat and the uncertified left out
    chart = page.locator("#consumption-chart [data-monthly-chart]")
    expect(chart).to_have_attribute("data-months", re.compile(MONTH))
    expect(chart.locator("canvas")).to_have_count(1)
