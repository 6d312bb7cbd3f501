"""The poverty registry import, tried in a browser as a county office would (issue 4).

As `bijie_dafang` (大方县协作办, an editor who may not see whole ID numbers): open the import page from the
household list, download the template, upload a small workbook of three households in which three cells are
wrong (an ID number's check character, a village code that does not exist, an education level that is not one
of the choices). The real worker rejects it: the job page (refreshed through htmx) ends in 失败 and lists each
error by row and column, the error report downloaded from the page names the same cells, and not even the good
household was imported. The cells the report names are corrected, the file is uploaded again, the job ends in
已完成, and the households are in the list, their members' ID numbers masked.

The monitoring procedure (防止返贫动态监测): `bijie_dafang` opens a case from a household's page (预警) and takes the
editors' steps, is offered no approval step; `admin` takes the township review and the county approval, after
which the household page shows the household as monitored in the case's category.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
import xlsxwriter
from playwright.sync_api import Page, expect
from python_calamine import CalamineWorkbook

from xiezuo.core.idcard import check_char

pytestmark = pytest.mark.e2e

JOB_TIMEOUT_MS = 45_000  # the worker polls every 0.5 s; a file of a few rows takes a second or two
# Household numbers and ID numbers unique per run, so that the test also passes against a long-running site.
RUN = time.strftime("%m%d%H%M%S")
COUNTY = "520521"  # 大方县, bijie_dafang's area
VILLAGES = ("520521006201", "520521006202", "520521202215")  # 启化村, 在拱村, 响水村 (real level-5 codes)
UNKNOWN_VILLAGE = "520521999999"  # well formed, inside the county's prefix, but no such village


def resident_id(birth: dt.date, seq: int) -> str:
    """A made-up resident ID number of 大方县 with a correct GB 11643 check character (odd seq: male)."""
    body = f"{COUNTY}{birth:%Y%m%d}{seq:03d}"
    return body + check_char(body)


def wrong_check(number: str) -> str:
    """The same number with another check character."""
    chars = "10X98765432"
    return number[:17] + chars[(chars.index(number[17]) + 1) % len(chars)]


def masked(number: str) -> str:
    return number[:4] + "*" * 10 + number[-4:]


def households() -> list[dict]:
    """Three households, one row per member. 户编号 and 村代码 on every row, as county exports have them; the other
    household columns on the head's row only (the format lets member rows leave them empty)."""
    # Birth dates shifted by the run, serials 9xx: no clash with the demo registry nor with an earlier run.
    shift = int(RUN) % 3000
    born = [dt.date(1950, 1, 1) + dt.timedelta(days=shift + 5 * i) for i in range(3)]
    young = [dt.date(1990, 1, 1) + dt.timedelta(days=shift + 5 * i) for i in range(3)]
    child = [dt.date(2008, 1, 1) + dt.timedelta(days=shift + 5 * i) for i in range(3)]
    rows = []
    for h, (village, attribute, cause) in enumerate(zip(VILLAGES, ("一般贫困户", "低保贫困户", "一般贫困户"),
                                                         ("因病", "缺技术", "缺资金"), strict=True)):
        number = f"E2E{RUN}-{h + 1}"
        head = {"户编号": number, "村代码": village, "户属性": attribute, "主要致贫原因": cause,
                "其他致贫原因": "缺资金" if cause != "缺资金" else "", "工资性收入": "12000", "生产经营性收入": "3000",
                "转移性收入": "2400.50", "财产性收入": "0", "生产经营性支出": "1500", "住房面积": "96",
                "住房结构": "砖混", "住房安全等级": "B级", "饮水安全": "是", "帮扶责任人": "杨秀英",
                "帮扶责任人电话": "13800000000", "识别年度": "2016",
                "姓名": ["龙国华", "陈正明", "罗德兴"][h], "身份证号": resident_id(born[h], 901 + 2 * h),
                "与户主关系": "户主", "性别": "男", "民族": "彝族", "文化程度": "小学", "健康状况": "健康",
                "劳动技能": "普通劳动力", "务工状况": "务农", "参加基本医疗保险": "是", "参加基本养老保险": "是"}
        spouse = {"户编号": number, "村代码": village, "姓名": ["王秀英", "张桂珍", "杨玉兰"][h],
                  "身份证号": resident_id(born[h] + dt.timedelta(days=400), 902 + 2 * h), "与户主关系": "配偶",
                  "性别": "女", "民族": "汉族", "文化程度": "初中", "健康状况": "长期慢性病", "劳动技能": "普通劳动力",
                  "务工状况": "县内务工", "参加基本医疗保险": "是", "参加基本养老保险": "是"}
        rows += [head, spouse]
        if h == 0:
            rows.append({"户编号": number, "村代码": village, "姓名": "龙小红", "身份证号": resident_id(young[h], 920),
                         "与户主关系": "子女", "性别": "女", "民族": "彝族", "文化程度": "高中", "健康状况": "健康",
                         "劳动技能": "技能劳动力", "务工状况": "省外务工", "参加基本医疗保险": "是", "参加基本养老保险": "否"})
        if h == 2:
            rows.append({"户编号": number, "村代码": village, "姓名": "罗小勇", "身份证号": resident_id(child[h], 941),
                         "与户主关系": "子女", "性别": "男", "民族": "汉族", "文化程度": "初中", "在校生状况": "初中",
                         "健康状况": "健康", "劳动技能": "无劳动力", "务工状况": "未务工", "参加基本医疗保险": "是", "参加基本养老保险": "否"})
    return rows


def plain(header: str) -> str:
    return header.rstrip("*＊ ").strip()


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def write_workbook(path: Path, headers: list[str], rows: list[dict]) -> Path:
    """The rows under the template's headers, every cell as text (as county exports usually are)."""
    names = [plain(h) for h in headers]
    for row in rows:
        unknown = set(row) - set(names)
        assert not unknown, f"the template has no column {unknown}; it has {names}"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("建档立卡户成员")
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(rows, start=1):
        for c, name in enumerate(names):
            if row.get(name):
                sheet.write_string(r, c, row[name])
    workbook.close()
    return path


def assert_page_healthy(page: Page) -> None:
    problems = page.problems
    assert not problems.failed_assets, f"static files failed to load: {sorted(set(problems.failed_assets))}"
    assert not problems.script_errors, f"script errors in the page: {problems.script_errors}"
    assert page.evaluate("typeof window.htmx") == "object", f"htmx is not loaded on {page.url}"


def open_household_list(page: Page) -> None:
    page.locator("#sidebar").get_by_role("link", name=re.compile(r"^[\ue000-\uf8ff\s]*建档立卡户$")).click()
    expect(page.locator("main h1")).to_have_text("建档立卡户")


def search_households(page: Page, text: str) -> None:
    filters = page.locator("#filters")
    filters.locator("input[name=q]").fill(text)
    filters.get_by_role("button", name="筛选").click()
    expect(filters.locator("input[name=q]")).to_have_value(text)


def upload(page: Page, path: Path) -> None:
    form = page.locator("#registry-import")
    form.locator("input[type=file]").set_input_files(path)
    form.get_by_role("button", name="上传并导入").click()
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}/$"))
    page.wait_for_load_state("load")
    assert_page_healthy(page)  # the progress refreshes itself through htmx


def test_import_with_errors_then_corrected(page: Page, login, tmp_path):
    login(page, "bijie_dafang")

    # The import page, from the household list's button; the template it offers.
    open_household_list(page)
    page.locator("main").get_by_role("link", name="批量导入").click()
    expect(page.locator("main h1")).to_contain_text("导入建档立卡数据")
    with page.expect_download() as info:
        page.locator("#template-link").click()
    template = tmp_path / info.value.suggested_filename
    assert template.suffix == ".xlsx", template
    info.value.save_as(template)
    first_sheet = CalamineWorkbook.from_path(str(template)).get_sheet_by_index(0)
    headers = [str(h).strip() for h in first_sheet.to_python()[0]]
    names = [plain(h) for h in headers]
    for needed in ("户编号", "村代码", "姓名", "身份证号", "与户主关系", "文化程度"):
        assert needed in names, f"template lacks {needed}: {headers}"
    letter = {name: column_letter(i) for i, name in enumerate(names)}

    # Three households with five bad cells (file rows count from 1, the header being row 1): the second
    # household's spouse has a wrong check character; the third household's village code is mistyped on
    # each of its rows; its child's education level is not one of the choices. The first household is right.
    good = households()
    bad = [dict(row) for row in good]
    wrong = {}  # (file row, column name) → the good value
    expected = {}  # (file row, column name) → what the message must say

    def spoil(index: int, name: str, value: str, message: str) -> None:
        wrong[(index + 2, name)] = good[index][name]
        expected[(index + 2, name)] = message
        bad[index][name] = value

    for i, row in enumerate(good):
        if row["户编号"].endswith("-2") and row["与户主关系"] == "配偶":
            spoil(i, "身份证号", wrong_check(row["身份证号"]), "身份证号校验位错误")
        if row["户编号"].endswith("-3"):
            spoil(i, "村代码", UNKNOWN_VILLAGE, f"未知的村级行政区划代码“{UNKNOWN_VILLAGE}”")
        if row["户编号"].endswith("-3") and row["与户主关系"] == "子女":
            spoil(i, "文化程度", "博士后", "“博士后”不是可选值")
    assert len(wrong) == 5, wrong
    upload(page, write_workbook(tmp_path / "大方县建档立卡.xlsx", headers, bad))

    # The worker rejects the file; the page lists each error with its row, column letter and column name,
    # in the order of the file.
    expect(page.locator("#job-state")).to_have_text("失败", timeout=JOB_TIMEOUT_MS)
    expect(page.locator("#job-message")).to_contain_text(f"发现 {len(wrong)} 处错误，未导入任何记录")
    expect(page.locator("#job-progress .progress-bar")).to_have_class(re.compile(r"\bbg-danger\b"))
    errors = page.locator("#job-errors tbody tr")
    expect(errors).to_have_count(len(wrong))
    in_file_order = sorted(expected, key=lambda cell: (cell[0], names.index(cell[1])))
    for n, (row_no, name) in enumerate(in_file_order):
        message = re.compile(re.escape(expected[(row_no, name)]))
        cells = [str(row_no), letter[name], re.compile(f"^{name}"), message]
        expect(errors.nth(n).locator("td")).to_have_text(cells)
    assert_page_healthy(page)

    # The error report, downloaded from the page, names the same cells.
    with page.expect_download() as info:
        page.locator("#download-errors").click()
    report = tmp_path / info.value.suggested_filename
    assert report.suffix == ".xlsx", report
    info.value.save_as(report)
    sheet = CalamineWorkbook.from_path(str(report)).get_sheet_by_index(0).to_python()
    assert [str(h) for h in sheet[0]] == ["行号", "列", "列名", "问题"], sheet[0]
    listed = {}
    for row_no, col, header, message in (r[:4] for r in sheet[1:] if any(r)):
        listed[(int(float(row_no)), plain(str(header)))] = (str(col), str(message))
    assert set(listed) == set(wrong), listed
    for (row_no, name), (col, message) in listed.items():
        assert col == letter[name], (row_no, name, col)
        assert expected[(row_no, name)] in message, (row_no, name, message)

    # Nothing was imported, not even the first household, which had no error.
    open_household_list(page)
    search_households(page, good[0]["户编号"])
    expect(page.locator("#record-table tbody tr")).to_have_count(1)
    expect(page.locator("#record-table tbody")).to_contain_text("没有符合条件的记录")

    # Correct the cells the report names, upload the corrected file: the job ends in 已完成.
    fixed = [dict(row) for row in bad]
    for (row_no, name) in listed:
        fixed[row_no - 2][name] = wrong[(row_no, name)]
    assert fixed == good
    page.locator("main").get_by_role("link", name="批量导入").click()
    upload(page, write_workbook(tmp_path / "大方县建档立卡-更正.xlsx", headers, fixed))
    expect(page.locator("#job-state")).to_have_text("已完成", timeout=JOB_TIMEOUT_MS)
    bar = page.locator("#job-progress [role=progressbar]")
    expect(bar).to_have_attribute("aria-valuenow", "100")
    expect(page.locator("#job-message")).to_contain_text(f"已导入 {len(good)} 行：新增 3 户、{len(good)} 人")
    expect(page.locator("#job-errors")).to_have_count(0)
    assert_page_healthy(page)

    # The three households are in the list; a member's ID number is shown masked, never whole.
    open_household_list(page)
    search_households(page, f"E2E{RUN}-")
    table = page.locator("#record-table")
    expect(table.locator("tbody tr")).to_have_count(3)
    for number, head in ((r["户编号"], r["姓名"]) for r in good if r["与户主关系"] == "户主"):
        expect(table.locator("tbody tr", has_text=number)).to_contain_text(head)
    table.get_by_role("link", name=f"E2E{RUN}-1", exact=True).click()
    expect(page.locator("main h1")).to_contain_text(f"E2E{RUN}-1")
    members = page.locator("#household-members tbody tr")
    first = [r for r in good if r["户编号"] == f"E2E{RUN}-1"]
    expect(members).to_have_count(len(first))
    for person in first:
        row = members.filter(has_text=person["姓名"])
        expect(row.locator("td").nth(1)).to_have_text(masked(person["身份证号"]))
        assert masked(person["身份证号"]).startswith("5205**********")
        expect(page.locator("main")).not_to_contain_text(person["身份证号"])
    assert_page_healthy(page)


def free_household_url(page: Page) -> str:
    """A 大方县 household that is not monitored and has no case yet (the list's first ones, in number order)."""
    page.goto(f"/registry/household/?region={COUNTY}")
    links = page.locator("#record-table tbody tr a.record-link")  # the record itself, one a row
    expect(links.first).to_be_visible()
    for href in [links.nth(i).get_attribute("href") for i in range(min(links.count(), 20))]:
        page.goto(href)
        if page.locator("#household-cases").count() == 0 and "非监测对象" in page.locator(
                "#household-monitoring").inner_text():
            return href
    raise AssertionError("no household without a monitoring case on the list's first page")


def take_step(page: Page, label: str, stage: str) -> None:
    page.get_by_role("button", name=f"确认：{label}").click()
    expect(page.locator("#procedure-stage")).to_have_text(stage)
    page.wait_for_load_state("load")  # the next step's inputs are filled in the page as loaded, not while it loads


def test_monitoring_case_from_warning_to_county_approval(page: Page, login):
    login(page, "bijie_dafang")
    household_url = free_household_url(page)

    # The warning, from the household page.
    form = page.locator("#open-case")
    form.locator("select[name=category]").select_option(label="突发严重困难户")
    form.locator("select[name=trigger]").select_option(label="农户申请")
    form.locator("input[name=risk]").fill(f"户主突发疾病住院，自付医疗费用约 3 万元（E2E {RUN}）")
    form.get_by_role("button", name="预警：开启监测程序").click()
    expect(page).to_have_url(re.compile(r"/registry/monitoringcase/\d+/$"))
    expect(page.locator("#procedure-stage")).to_have_text("已预警")
    page.wait_for_load_state("load")
    case_url = page.url
    assert_page_healthy(page)

    # The editor's steps, in order; the visit asks who visited (its date defaults to today).
    visitor = page.locator("#procedure-steps input[name=visitor]")
    visitor.fill("王建国")
    expect(visitor).to_have_value("王建国")
    take_step(page, "入户核实", "已入户核实")
    take_step(page, "农户承诺授权", "已承诺授权")
    take_step(page, "数据比对", "已数据比对")
    take_step(page, "村级评议", "村级评议通过")
    take_step(page, "公示", "公示无异议")
    expect(page.locator("#procedure-steps li[data-state=next]")).to_contain_text("乡镇审核")
    expect(page.get_by_role("button", name=re.compile("^确认："))).to_have_count(0)
    expect(page.locator("#procedure-reject")).to_have_count(0)
    page.goto(household_url)
    expect(page.locator("#household-monitoring")).to_contain_text("非监测对象")
    page.locator("nav").get_by_role("button", name="退出").click()
    expect(page.locator("#sidebar")).to_have_count(0)  # signed out before signing in again, not in a race with it

    # The approver's steps; county approval makes the household a monitored household.
    login(page, "admin")
    page.goto(case_url)
    take_step(page, "乡镇审核", "乡镇审核通过")
    take_step(page, "县级审定", "县级审定纳入监测")
    expect(page.locator("#procedure-steps li[data-state=done]")).to_have_count(7)
    expect(page.locator("#procedure-reject")).to_have_count(0)
    assert_page_healthy(page)
    page.goto(household_url)
    expect(page.locator("#household-monitoring")).to_contain_text("突发严重困难户")
    expect(page.locator("#household-cases")).to_contain_text("县级审定纳入监测")
