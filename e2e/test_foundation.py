"""The platform foundation, tried in a browser as a new user would (issue 2).

Each test signs in through the login form and only follows what the pages show: sidebar links, buttons,
the downloadable import template. Imports are run by the real `xiezuo worker` process; the job page's
progress bar is watched until it finishes, without reloading (it refreshes itself through htmx).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import xlsxwriter
from playwright.sync_api import Page, expect
from python_calamine import CalamineWorkbook

pytestmark = pytest.mark.e2e

JOB_TIMEOUT_MS = 45_000  # the worker polls every 0.5 s; an import of a few rows takes well under a second
# Names made unique per run, so that the tests also pass against a long-running site (XIEZUO_E2E_BASE_URL).
RUN = time.strftime("%m%d%H%M%S")
HAN = re.compile(r"[\u3400-\u9fff]")


def sidebar_link(page: Page, name: str):
    """A sidebar link by its text (its accessible name may start with the icon font's glyph)."""
    return page.locator("#sidebar").get_by_role("link", name=re.compile(rf"^[\ue000-\uf8ff\s]*{re.escape(name)}$"))


def assert_page_healthy(page: Page) -> None:
    """No static file failed to load and no script raised: a broken asset breaks htmx pages silently."""
    problems = page.problems
    assert not problems.failed_assets, f"static files failed to load: {sorted(set(problems.failed_assets))}"
    assert not problems.script_errors, f"script errors in the page: {problems.script_errors}"
    assert page.evaluate("typeof window.htmx") == "object", f"htmx is not loaded on {page.url}"


def download_template_headers(page: Page, tmp_path: Path) -> list[str]:
    """On the import page, download the template through its link and read its header row."""
    with page.expect_download() as info:
        page.locator("#template-link").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx"), download.suggested_filename
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_index(0).to_python()
    headers = [str(h).strip() for h in rows[0]]
    assert any(HAN.search(h) for h in headers), f"template headers are not Chinese: {headers}"
    return headers


def write_xlsx(path: Path, headers: list[str], rows: list[dict[str, str]]) -> Path:
    """Write rows given by column name (without the template's required-marker `*`) under `headers`."""
    plain = [h.rstrip("*＊ ").strip() for h in headers]
    for row in rows:
        unknown = set(row) - set(plain)
        assert not unknown, f"template has no column {unknown}; it has {plain}"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("单位")
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [row.get(name, "") for name in plain])
    workbook.close()
    return path


def upload_on_import_page(page: Page, path: Path) -> None:
    page.locator("main input[type=file]").set_input_files(path)
    page.locator("main form").get_by_role("button", name="上传并导入").click()
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}/$"))
    page.wait_for_load_state("load")
    assert_page_healthy(page)  # the progress bar refreshes itself through htmx


def open_organisations_import(page: Page) -> None:
    sidebar_link(page, "单位").click()
    expect(page.locator("main h1")).to_have_text("单位")
    page.locator("main").get_by_role("link", name="批量导入").click()
    expect(page.locator("main h1")).to_contain_text("批量导入")


def search_list(page: Page, text: str) -> None:
    filters = page.locator("#filters")
    filters.locator("input[name=q]").fill(text)
    filters.get_by_role("button", name="筛选").click()
    expect(filters.locator("input[name=q]")).to_have_value(text)


def test_new_user_walkthrough(page: Page, login, tmp_path):
    # 1. Sign in as the Guangdong cooperation office administrator.
    login(page, "gd_admin")
    expect(page.locator("main h1")).to_have_text("首页")

    # 2. Find 黔南 by its pinyin initials and open it.
    sidebar_link(page, "行政区划").click()
    search = page.locator("#region-search")
    search.locator("input[name=q]").fill("qn")
    search.locator("input[name=q]").press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=qn"))
    qiannan = page.locator("#region-table").get_by_role("link", name="黔南布依族苗族自治州", exact=True)
    expect(qiannan).to_be_visible()
    qiannan.click()
    expect(page).to_have_url(re.compile(r"/geo/regions/522700000000/$"))
    expect(page.locator("main h1")).to_contain_text("黔南布依族苗族自治州")
    expect(page.locator("main h1")).to_contain_text("522700000000")
    expect(page.locator("main").get_by_role("link", name="都匀市", exact=True)).to_be_visible()

    # 3. Create a pairing through the form: 荔湾区 (picked from the suggestions) helps 都匀市.
    sidebar_link(page, "结对关系").click()
    page.locator("main").get_by_role("link", name="新建").click()
    expect(page.locator("main h1")).to_contain_text("新建")
    assert_page_healthy(page)
    page.locator("#id_kind").select_option(label="区对县")
    for field, typed, code in (("helper_region", "荔湾", "440103000000"), ("helped_region", "522701", "522701000000")):
        box = page.locator(f"#id_{field}")
        box.press_sequentially(typed, delay=30)
        # The suggestions open under the box (a type-ahead picker); a person picks the matching one.
        option = page.locator(f"#{box.get_attribute('aria-controls')} [role=option][data-value='{code}']")
        expect(option).to_have_count(1)
        option.click()
        expect(box).to_have_value(re.compile(f"^{code} "))
    page.locator("#id_start_date").fill("2021-03-01")
    page.locator("#id_basis").fill(f"e2e 测试 {RUN}")
    page.locator("main form").get_by_role("button", name="保存").click()
    expect(page).to_have_url(re.compile(r"/partners/pairing/\d+/$"))
    expect(page.locator("main h1")).to_contain_text("荔湾区 → 都匀市（区对县）")
    expect(page.locator(".alert-success")).to_contain_text("已保存")
    details = page.locator("main table").first
    expect(details.locator("tr", has_text="帮扶方地区")).to_contain_text("荔湾区")
    expect(details.locator("tr", has_text="受援方地区")).to_contain_text("都匀市")
    expect(details.locator("tr", has_text="开始日期")).to_contain_text("2021")
    expect(page.locator("#history tr.history-change").first).to_contain_text("新建")
    assert_page_healthy(page)

    # 4. Import two organisations from an .xlsx made on the downloaded template.
    open_organisations_import(page)
    headers = download_template_headers(page, tmp_path)
    school = f"荔湾区东西部协作测试学校{RUN}"
    enterprise = f"广州市协作测试国企{RUN}"
    xlsx = write_xlsx(tmp_path / "单位导入.xlsx", headers, [
        {"单位名称": school, "简称": "荔湾协作校", "单位类型": "学校", "所在地区": "440103000000"},
        {"单位名称": enterprise, "单位类型": "国资监管企业", "所在地区": "440100000000",
         "上级或主管单位": "广州市人民政府国有资产监督管理委员会"},
    ])
    upload_on_import_page(page, xlsx)
    # Watch the progress bar: the worker process takes the job; the page refreshes itself.
    expect(page.locator("#job-state")).to_have_text("已完成", timeout=JOB_TIMEOUT_MS)
    bar = page.locator("#job-progress [role=progressbar]")
    expect(bar).to_have_attribute("aria-valuenow", "100")
    expect(bar.locator(".progress-bar")).to_have_text("100%")
    expect(page.locator("#job-message")).to_contain_text("2")
    expect(page.locator("#job-errors")).to_have_count(0)
    assert_page_healthy(page)

    sidebar_link(page, "单位").click()
    search_list(page, RUN)
    table = page.locator("#record-table")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.get_by_role("link", name=school, exact=True)).to_be_visible()
    expect(table.get_by_role("link", name=enterprise, exact=True)).to_be_visible()

    # 5. Edit one of them and read the change history on its page: the field before and after.
    table.get_by_role("link", name=school, exact=True).click()
    expect(page.locator("main h1")).to_contain_text(school)
    page.locator("main").get_by_role("link", name="编辑", exact=True).click()
    expect(page.locator("#id_short_name")).to_have_value("荔湾协作校")
    page.locator("#id_short_name").fill("荔湾东西部协作学校")
    page.locator("main form").get_by_role("button", name="保存").click()
    expect(page).to_have_url(re.compile(r"/partners/organisation/\d+/$"))
    expect(page.locator(".alert-success")).to_contain_text("已保存")
    details = page.locator("main table").first
    expect(details.locator("tr", has_text="简称")).to_contain_text("荔湾东西部协作学校")
    changes = page.locator("#history tr.history-change")
    expect(changes).to_have_count(2)  # the import, then the edit
    latest = changes.first
    expect(latest).to_contain_text("修改")
    expect(latest).to_contain_text("gd_admin")
    expect(latest).to_contain_text("简称：荔湾协作校 → 荔湾东西部协作学校")
    expect(changes.last).to_contain_text(school)  # the imported row's values, before → after creation
    assert_page_healthy(page)


def test_bad_import_reports_row_and_column_and_imports_nothing(page: Page, login, tmp_path):
    login(page, "gd_admin")
    open_organisations_import(page)
    headers = download_template_headers(page, tmp_path)
    good = f"白云区协作测试医院{RUN}"
    xlsx = write_xlsx(tmp_path / "错误的单位.xlsx", headers, [
        {"单位名称": good, "单位类型": "医院", "所在地区": "440111000000"},           # row 2: fine
        {"单位名称": f"未知地区单位{RUN}", "单位类型": "学校", "所在地区": "999999999999"},  # row 3: column D
        {"单位名称": f"未知类型单位{RUN}", "单位类型": "飞船", "所在地区": "440103000000"},   # row 4: column C
    ])
    upload_on_import_page(page, xlsx)
    expect(page.locator("#job-state")).to_have_text("失败", timeout=JOB_TIMEOUT_MS)
    expect(page.locator("#job-message")).to_contain_text("未导入任何记录")
    errors = page.locator("#job-errors tbody tr")
    expect(errors).to_have_count(2)
    region_error = errors.filter(has_text="999999999999")
    expect(region_error.locator("td")).to_have_text(["3", "D", "所在地区", re.compile("行政区划")])
    kind_error = errors.filter(has_text="飞船")
    expect(kind_error.locator("td")).to_have_text(["4", "C", "单位类型", re.compile("不是可选值")])
    expect(page.locator("#download-errors")).to_be_visible()
    assert_page_healthy(page)

    # Nothing was imported, not even the good row.
    sidebar_link(page, "单位").click()
    search_list(page, RUN)
    for name in (good, f"未知地区单位{RUN}", f"未知类型单位{RUN}"):
        expect(page.locator("#record-table").get_by_text(name)).to_have_count(0)
    expect(page.locator("#record-table tbody")).not_to_contain_text(good)


def test_language_switch(page: Page, login):
    login(page, "gd_admin")
    html = page.locator("html")
    switch = page.locator("#language-switch")
    # Each language is offered under its own name, whatever the interface language is (a reader who
    # switched by mistake must still recognise the way back).
    endonyms = {"zh-hans": "简体中文", "zh-hant": "繁體中文", "zh-hk": "繁體中文（香港）", "en": "English"}

    def button(code: str):
        return switch.locator(f"button[name=language][value='{code}']")

    def chosen(code: str) -> None:
        expect(html).to_have_attribute("lang", code)
        expect(switch.locator("button[name=language]")).to_have_count(len(endonyms))
        for value, name in endonyms.items():
            expect(button(value)).to_have_text(name)
            expect(button(value)).to_have_class(
                re.compile(r"\bbtn-light\b" if value == code else r"\bbtn-outline-light\b"))

    def interface_texts() -> list[str]:
        headings = page.locator("#sidebar > div.fw-bold")
        links = page.locator("#sidebar ul").first.locator("a")
        texts = [page.locator("main h1").inner_text(), headings.first.inner_text(), headings.last.inner_text(),
                 links.nth(0).inner_text(), links.nth(1).inner_text()]
        return [t.strip() for t in texts]

    chosen("zh-hans")  # the default for a zh-CN browser
    simplified = interface_texts()
    assert simplified == ["首页", "总览", "工具", "首页", "行政区划"], simplified

    button("zh-hant").click()
    chosen("zh-hant")
    expect(page).to_have_url(re.compile(r"/$"))  # back on the same page
    traditional = interface_texts()

    button("zh-hk").click()
    chosen("zh-hk")
    hong_kong = interface_texts()

    button("en").click()
    chosen("en")
    english = interface_texts()

    # The choice sticks from page to page until changed.
    page.locator("#sidebar ul").first.locator("a").nth(1).click()
    expect(page).to_have_url(re.compile(r"/geo/regions/$"))
    chosen("en")
    button("zh-hans").click()
    chosen("zh-hans")
    expect(page.locator("main h1")).to_have_text("行政区划")
    assert_page_healthy(page)

    # The gettext'd headings (translations in src/xiezuo/locale).
    assert traditional == ["首頁", "總覽", "工具", "首頁", "行政區劃"], traditional
    assert hong_kong == ["首頁", "總覽", "工具", "首頁", "行政區劃"], hong_kong
    for text in english:
        assert text and not HAN.search(text), f"not translated to English: {text!r} in {english}"
