"""The province breaks the symposium's labour requirement (report 000) into a task for Guangzhou; the Guangzhou
user finds it in the bell, reports progress twice, each report submitted; the province sees the task go from
未开始 to 推进中 to 已完成, on the task's page and on the requirement's page."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import Page, expect

SASAC = "广州市人民政府国有资产监督管理委员会"
# Unique per run, so that the test can also run against a site that kept an earlier run's task.
TASK = f"广州市国资委组织监管企业吸纳贵州劳动力就业（浏览器测试 {dt.datetime.now():%H%M%S}）"
REQUIREMENT = "加大劳务协作力度"


def open_requirement(page: Page) -> None:
    page.goto("/workplan/decision/")
    page.locator("#record-table tbody tr").filter(has_text=REQUIREMENT).locator("a.record-link").first.click()
    expect(page.locator("h1")).to_contain_text(REQUIREMENT)


def task_state(page: Page, url: str, state: str, progress: str) -> None:
    page.goto(url)
    expect(page.locator("#task-state")).to_have_text(state)
    expect(page.locator("#task-progress")).to_have_text(progress)


def report_progress(page: Page, day: dt.date, percent: int, text: str) -> None:
    """From the task's page: 报告进展, fill the form, save, then 提交审核 (a draft is not yet the unit's word)."""
    page.locator("#task-panel").get_by_role("link", name="报告进展").click()
    expect(page).to_have_url(re.compile(r"/workplan/progressreport/add/\?task=\d+"))
    page.fill("#id_report_date", day.isoformat())
    page.fill("#id_percent", str(percent))
    page.fill("#id_content", text)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(f"{percent}%")
    page.locator("main").get_by_role("button", name="提交审核").click()
    expect(page.locator("main").get_by_role("button", name="提交审核")).to_have_count(0)


def test_province_gives_guangzhou_a_labour_task_and_sees_it_done(browser, base_url, login):
    today = dt.date.today()
    province = browser.new_context(base_url=base_url, locale="zh-CN", timezone_id="Asia/Shanghai")
    guangzhou = browser.new_context(base_url=base_url, locale="zh-CN", timezone_id="Asia/Shanghai")
    try:
        p = login(province.new_page(), "gd_admin")
        # The requirement of the symposium, from the list of decisions, and a new task under it.
        open_requirement(p)
        p.locator("#decision-panel").get_by_role("link", name="新建任务").click()
        expect(p.locator("#id_decision")).to_have_value(re.compile(r"\d+"))
        p.fill("#id_title", TASK)
        p.select_option("#id_lead_unit", label=SASAC)
        p.select_option("#id_level", label="市级")
        p.fill("#id_region", "440100000000")
        p.fill("#id_annual_target", "吸纳贵州劳动力就业 200 人")
        p.fill("#id_deadline", (today + dt.timedelta(days=180)).isoformat())
        p.locator("main form button[type=submit]").click()
        expect(p.locator("h1")).to_contain_text(TASK)
        task_url = p.url
        expect(p.locator("#task-state")).to_have_text("未开始")

        # Guangzhou SASAC hears of it in the bell and opens it from there.
        g = login(guangzhou.new_page(), "gz_sasac")
        g.goto("/workplan/notifications/")
        note = g.locator("#notifications").get_by_role("link", name=re.compile("新任务：" + re.escape(TASK)))
        expect(note).to_be_visible()
        note.click()
        expect(g.locator("h1")).to_contain_text(TASK)
        report_progress(g, today - dt.timedelta(days=1), 40, "已组织两场专场招聘会，吸纳80人。")

        task_state(p, task_url, "推进中", "40%")

        g.goto(task_url)
        report_progress(g, today, 100, "全年吸纳贵州劳动力就业210人，完成目标。")

        task_state(p, task_url, "已完成", "100%")
        # The requirement's page reads the same state.
        open_requirement(p)
        row = p.locator("#decision-tasks tr").filter(has_text=TASK)
        expect(row.locator(".task-state")).to_have_text("已完成")
        # A closed task takes no more progress: the link is gone from its page.
        g.goto(task_url)
        expect(g.locator("#task-panel").get_by_role("link", name="报告进展")).to_have_count(0)
    finally:
        province.close()
        guangzhou.close()
