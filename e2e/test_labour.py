"""The Bijie county office (大方县) imports an employment list with two bad rows, reads each row's and column's
problem on the job page, fixes the file, imports it again, and a leader sees the Guangzhou → Bijie pairing's
"placed in jobs" figure grow by the list's people; the same file a third time changes nothing."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from playwright.sync_api import Page, expect

JOB_TIMEOUT_MS = 60_000
HEADERS = ["身份证号*", "姓名*", "户籍地区*", "就业地*", "就业方式", "就业开始日期*", "就业结束日期"]


def number(serial: int) -> str:
    body = f"52052119930303{serial:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def employment_list(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADERS)
        out.writerows(rows)
    return path


def good_rows() -> list[list[str]]:
    return [[number(800 + i), f"浏览器测试工人{i}", "520521000000", "东部帮扶省份", "有组织劳务输出", "2021-03-01", ""]
            for i in range(6)]


def upload(page: Page, path: Path) -> None:
    page.goto("/labour/employment/import/")
    page.locator("main input[type=file]").set_input_files(path)
    page.locator("main form").get_by_role("button", name="上传并导入").click()
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}/$"))


def placed(page: Page) -> int:
    text = page.locator('#figures [data-figure="labour.placed"] a').inner_text()
    return int(text.replace(",", ""))


def open_bijie_pairing(page: Page) -> None:
    page.goto("/partners/pairing/?kind=city_prefecture&region=520500")
    row = page.locator("#record-table tbody tr").filter(has_text="毕节市").filter(has_text="广州市")
    href = row.first.locator("a.record-link").first.get_attribute("href")
    pk = re.search(r"/(\d+)/", href).group(1)
    page.goto(f"/cooperation/pairing/{pk}/?include_unapproved=1")
    expect(page.locator("#figures")).to_contain_text("转移就业人数")


def test_bijie_county_fixes_two_bad_rows_and_the_pairing_figure_changes(page: Page, browser, base_url, login,
                                                                        tmp_path):
    leader = browser.new_context(base_url=base_url, locale="zh-CN").new_page()
    login(leader, "leader")
    open_bijie_pairing(leader)
    before = placed(leader)

    login(page, "bijie_dafang")
    rows = good_rows()
    bad = [list(r) for r in rows]
    bad[1][0] = bad[1][0][:-1] + ("0" if bad[1][0][-1] != "0" else "1")   # a wrong check digit (row 3)
    bad[4][6] = "2021-01-01"                                                # ends before it starts (row 6)
    upload(page, employment_list(tmp_path / "大方县就业名单.csv", bad))
    expect(page.locator("#job-state")).to_have_text("失败", timeout=JOB_TIMEOUT_MS)
    expect(page.locator("#job-message")).to_contain_text("未导入任何记录")
    errors = page.locator("#job-errors tbody tr")
    expect(errors).to_have_count(2)
    expect(errors.nth(0)).to_contain_text("3")
    expect(errors.nth(0)).to_contain_text("身份证号")
    expect(errors.nth(1)).to_contain_text("6")
    expect(errors.nth(1)).to_contain_text("就业结束日期不能早于开始日期")
    expect(page.locator("#download-errors")).to_be_visible()
    leader.reload()
    assert placed(leader) == before, "a refused file changes nothing"

    upload(page, employment_list(tmp_path / "大方县就业名单（已改）.csv", rows))
    expect(page.locator("#job-state")).to_have_text("已完成", timeout=JOB_TIMEOUT_MS)
    expect(page.locator("#job-message")).to_contain_text("已导入 6 条记录")
    leader.reload()
    assert placed(leader) == before + 6

    # The same list again: nothing new, nothing changed, and the page says so.
    upload(page, employment_list(tmp_path / "大方县就业名单（重发）.csv", rows))
    expect(page.locator("#job-state")).to_have_text("失败", timeout=JOB_TIMEOUT_MS)
    expect(page.locator("#job-message")).to_contain_text("完全相同")
    leader.reload()
    assert placed(leader) == before + 6
    leader.context.close()
