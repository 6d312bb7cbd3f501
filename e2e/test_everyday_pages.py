"""Everyday use of the pages (issue 12): a phone-sized screen, accessibility (axe-core), the skip link, the
type-ahead pickers, and each user's list columns and saved filters — all as a user sees them in chromium.

axe-core is vendored for the tests only (e2e/vendor/axe-core, from the npm package; no product page loads it)
and injected into the page under test; its context ignores the Content-Security-Policy for that one script.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import DEFAULT_TIMEOUT_MS, PASSWORD

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
RUN = time.strftime("%m%d%H%M%S")
PHONE = {"width": 375, "height": 740}

# The main pages, as a new user reaches them: home, a list, a detail, an edit form, an import page, the
# cooperation page, the dashboard, the registry summary, a work-plan page and search.
MAIN_PAGES = [
    ("home", "/"),
    ("list", "/industry/project/"),
    ("detail", "FIRST:/industry/project/"),
    ("edit form", "/exchange/visit/add/"),
    ("import", "/registry/import/"),
    ("record import", "/partners/organisation/import/"),
    ("cooperation", "/cooperation/region/522700000000/"),
    ("dashboard", "/assessment/dashboard/"),
    ("registry summary", "/registry/summary/"),
    ("workplan", "/workplan/task/"),
    ("search", "/search/?q=dy"),
    ("region", "/geo/regions/522700000000/"),
]


@pytest.fixture
def context_factory(browser, base_url):
    """Browser contexts made by the test itself (a phone's viewport; a second context for "another browser")."""
    made = []

    def make(viewport=None, bypass_csp: bool = False):
        context = browser.new_context(base_url=base_url, locale="zh-CN", timezone_id="Asia/Shanghai",
                                      viewport=viewport or {"width": 1400, "height": 900}, bypass_csp=bypass_csp)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        made.append(context)
        page = context.new_page()
        page.script_errors = []
        page.on("pageerror", lambda exc: page.script_errors.append(str(exc)))
        return page

    yield make
    for context in made:
        context.close()


def sign_in(page: Page, username: str) -> Page:
    """Through the login form, whatever the screen size (on a phone the menu is folded)."""
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login/"))
    expect(page.locator("main h1").first).to_be_visible()
    return page


def resolve(page: Page, path: str) -> str:
    """`FIRST:<list>` is the first record of that list, opened through its link."""
    if path.startswith("FIRST:"):
        page.goto(path[len("FIRST:"):])
        href = page.locator("#record-table a.record-link").first.get_attribute("href")
        assert href, f"no record in {path}"
        return href
    return path


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the screen (0: no horizontal scroll)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


# --- a phone-sized screen ---------------------------------------------------------------------------------------

def test_phone_screen_fits_and_sign_out_is_in_the_menu(context_factory):
    page = sign_in(context_factory(viewport=PHONE), "qiannan")
    for name, path in MAIN_PAGES:
        page.goto(resolve(page, path))
        page.wait_for_load_state("load")
        assert horizontal_overflow(page) <= 0, f"{name} ({page.url}) is {horizontal_overflow(page)} px too wide at 375 px"
        top = page.locator("main h1").first.bounding_box()["y"]
        assert top < 250, f"{name}: the content starts {top:.0f} px down"
        assert not page.script_errors, page.script_errors
    # Wide tables scroll inside their own box, not the page.
    page.goto("/industry/project/")
    table_box = page.locator(".table-responsive").first
    assert table_box.evaluate("e => e.scrollWidth > e.clientWidth"), "the project table should scroll in its box"
    assert horizontal_overflow(page) <= 0
    # The menu is folded: the sidebar and the sign-out button appear through the menu button.
    expect(page.locator("#sidebar")).to_be_hidden()
    expect(page.locator("#sign-out")).to_be_hidden()
    toggle = page.get_by_role("button", name="菜单")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#sidebar").get_by_role("link", name=re.compile("考察与会议"))).to_be_visible()
    sign_out = page.get_by_role("button", name="退出")
    expect(sign_out).to_be_visible()
    box = sign_out.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"sign-out is off-screen: {box}"
    sign_out.click()
    expect(page).to_have_url(re.compile(r"/login/"))


def test_desktop_shows_the_menu_without_the_button(page: Page, login):
    login(page, "qiannan")
    expect(page.locator("#sidebar")).to_be_visible()
    expect(page.get_by_role("button", name="菜单")).to_be_hidden()
    expect(page.get_by_role("button", name="退出")).to_be_visible()
    # The registry's summary and worklist are in the menu.
    expect(page.locator("#sidebar").get_by_role("link", name=re.compile("建档立卡汇总"))).to_have_attribute(
        "href", "/registry/summary/")
    expect(page.locator("#sidebar").get_by_role("link", name=re.compile("问题整改清单"))).to_have_attribute(
        "href", "/registry/worklist/")


# --- accessibility ---------------------------------------------------------------------------------------------

def run_axe(page: Page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is (WCAG 2.1 A and AA rules)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                           resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary)}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("username", ["admin", "qiannan", "gz_sasac"])
def test_main_pages_have_no_serious_accessibility_problems(context_factory, username):
    page = sign_in(context_factory(bypass_csp=True), username)
    found = {}
    for name, path in MAIN_PAGES:
        response = page.goto(resolve(page, path))
        if response.status == 404 and username == "gz_sasac":
            continue  # a page of an area this unit does not cover
        assert response.status == 200, f"{name}: {response.status} {page.url}"
        page.wait_for_load_state("load")
        problems = run_axe(page)
        if problems:
            found[f"{name} {page.url}"] = problems
    assert not found, "axe-core found serious or critical problems:\n" + "\n".join(
        f"{where}: {v['impact']} {v['id']} ({v['help']}): {v['nodes']}" for where, vs in found.items() for v in vs)


def test_phone_menu_open_has_no_serious_accessibility_problems(context_factory):
    page = sign_in(context_factory(viewport=PHONE, bypass_csp=True), "bijie_dafang")
    page.goto("/exchange/visit/")
    page.get_by_role("button", name="菜单").click()
    expect(page.locator("#sidebar")).to_be_visible()
    assert run_axe(page) == []


def test_skip_link_is_the_first_tab_stop_and_reaches_the_content(page: Page, login):
    login(page, "qiannan")
    page.goto("/industry/project/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused == ["跳到主要内容", "#main"]
    expect(page.get_by_role("link", name="跳到主要内容")).to_be_visible()  # shown when focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    assert page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab lands inside the content, not in the menu.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_favicon_is_served_and_linked(page: Page, login):
    login(page, "qiannan")
    icon = page.locator("link[rel=icon]").first.get_attribute("href")
    assert icon and icon.endswith(".ico")
    for url in ("/favicon.ico", icon):
        response = page.request.get(url)
        assert response.status == 200 and response.body()[:4] == b"\x00\x00\x01\x00", url


def test_print_leaves_out_menus_filters_and_buttons(page: Page, login):
    login(page, "qiannan")
    page.goto("/industry/project/")
    page.locator("#record-table a.record-link").first.click()
    page.emulate_media(media="print")
    expect(page.locator("#sidebar")).to_be_hidden()
    expect(page.locator("#topbar")).to_be_hidden()
    expect(page.get_by_role("link", name="编辑")).to_be_hidden()
    expect(page.locator("main table").first).to_be_visible()
    page.goto("/cooperation/region/522700000000/")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("#sidebar")).to_be_hidden()
    assert page.locator("main form:visible, main .btn:visible").count() == 0


# --- home page in words ----------------------------------------------------------------------------------------

def test_home_names_the_area_and_units(page: Page, login):
    login(page, "qiannan")
    expect(page.locator("#scope-names")).to_contain_text("黔南布依族苗族自治州")
    expect(page.locator("#scope-names")).not_to_contain_text("5227")
    page.context.clear_cookies()
    login(page, "gz_sasac")
    names = page.locator("#scope-names")
    expect(names).to_contain_text("广州市人民政府国有资产监督管理委员会")
    expect(names).not_to_contain_text(re.compile(r"\d{8}/"))


# --- type-ahead pickers ----------------------------------------------------------------------------------------

def pick(page: Page, box, typed: str, option_text: str) -> None:
    box.click()
    box.press_sequentially(typed, delay=40)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    option = listbox.get_by_role("option").filter(has_text=option_text).first
    expect(option).to_be_visible()
    option.click()


def test_region_picker_by_initials_saves_a_visit(page: Page, login):
    login(page, "qiannan")
    page.goto("/geo/regions/522701000000/")
    # "Record a visit here" opens a new visit with the region filled in.
    page.get_by_role("link", name="在此记录考察").click()
    expect(page).to_have_url(re.compile(r"/exchange/visit/add/\?regions=522701000000"))
    chips = page.locator(".picker-chip")
    expect(chips).to_have_text(["都匀市"])
    # A second region, chosen by its pinyin initials: 惠水县 is "hsx".
    regions = page.get_by_role("combobox", name="考察地区")
    pick(page, regions, "hsx", "惠水县")
    expect(chips).to_have_text(["都匀市", "惠水县"])
    # Remove and choose again, by keyboard.
    page.get_by_role("button", name="移除 惠水县").click()
    expect(chips).to_have_text(["都匀市"])
    regions.press_sequentially("hsx", delay=40)
    expect(page.locator(f"#{regions.get_attribute('aria-controls')}").get_by_role("option").first).to_contain_text("惠水县")
    regions.press("ArrowDown")
    regions.press("Enter")
    expect(chips).to_have_text(["都匀市", "惠水县"])
    # An organiser by pinyin initials: 黔南州东西部协作办公室 (qnz…).
    organiser = page.get_by_role("combobox", name="组织单位")
    pick(page, organiser, "qnzdxb", "黔南州东西部协作办公室")
    expect(organiser).to_have_value("黔南州东西部协作办公室")
    page.locator("#id_name").fill(f"e2e 考察 {RUN}")
    page.locator("#id_start_date").fill("2024-05-06")
    page.get_by_role("button", name="保存").click()
    expect(page).to_have_url(re.compile(r"/exchange/visit/\d+/$"))
    details = page.locator("main table").first
    expect(details.locator("tr", has_text="考察地区")).to_contain_text("都匀市")
    expect(details.locator("tr", has_text="考察地区")).to_contain_text("惠水县")
    expect(details.locator("tr", has_text="组织单位")).to_contain_text("黔南州东西部协作办公室")


def test_record_picker_tells_same_named_records_apart(page: Page, login):
    login(page, "admin")
    page.goto("/industry/project/")
    page.locator("#record-table a.record-link").first.click()
    name = page.locator("main h1").inner_text().split("\n")[0].strip()
    # A pairing's page offers a visit to its western region.
    page.goto("/partners/pairing/")
    page.locator("#record-table a.record-link").first.click()
    expect(page.get_by_role("link", name="在此记录考察")).to_have_attribute("href", re.compile(r"regions=52\d{10}"))
    # The outcome of a visit: the agreements picker shows each agreement's regions beside its title.
    page.goto("/exchange/visit/add/")
    agreements = page.get_by_role("combobox", name="成果：签订协议")
    agreements.press_sequentially("xy", delay=40)
    options = page.locator(f"#{agreements.get_attribute('aria-controls')}").get_by_role("option")
    expect(options.first).to_be_visible()
    assert options.first.locator(".picker-detail").inner_text().strip(), "a suggestion should say where it is"
    assert name


# --- list conveniences -----------------------------------------------------------------------------------------

def test_column_choice_and_saved_filter_persist(page: Page, login, browser, base_url):
    login(page, "qiannan")
    page.goto("/industry/project/")
    headers = page.locator("#record-table thead th")
    before = [h.strip() for h in headers.all_inner_texts()]
    assert any("投资企业" in h for h in before), before
    page.get_by_role("button", name="显示的列").click()
    page.locator("#column-form").get_by_label(re.compile("^投资企业")).uncheck()
    page.get_by_role("button", name="保存显示的列").click()
    expect(page.locator(".alert-success")).to_contain_text("已保存显示的列")
    page.reload()
    after = [h.strip() for h in headers.all_inner_texts()]
    assert not any("投资企业" in h for h in after) and len(after) == len(before) - 1, after

    # A saved filter: filter, name it, find it again from the plain list.
    page.goto("/industry/project/?q=茶")
    count = page.locator("#record-count").inner_text()
    page.get_by_role("button", name=re.compile("我的筛选")).click()
    page.get_by_label("筛选名称").fill(f"茶叶项目 {RUN}")
    page.get_by_role("button", name="保存当前筛选").click()
    expect(page.locator(".alert-success")).to_contain_text(f"已保存筛选条件“茶叶项目 {RUN}”")
    page.goto("/industry/project/")
    page.reload()
    page.get_by_role("button", name=re.compile("我的筛选")).click()
    page.locator("#saved-filter-list").get_by_role("link", name=f"茶叶项目 {RUN}").click()
    expect(page).to_have_url(re.compile(r"q=%E8%8C%B6"))
    expect(page.locator("#record-count")).to_have_text(count)

    # Another browser, the same user: both are still there.
    other = browser.new_context(base_url=base_url, locale="zh-CN", viewport={"width": 1400, "height": 900})
    try:
        second = other.new_page()
        login(second, "qiannan")
        second.goto("/industry/project/")
        texts = [h.strip() for h in second.locator("#record-table thead th").all_inner_texts()]
        assert texts == after
        second.get_by_role("button", name=re.compile("我的筛选")).click()
        item = second.locator("#saved-filter-list li", has_text=f"茶叶项目 {RUN}")
        expect(item).to_be_visible()
        item.get_by_role("button", name="删除").click()
        expect(second.locator(".alert-success")).to_contain_text("已删除筛选条件")
        expect(second.locator("#saved-filter-list li", has_text=f"茶叶项目 {RUN}")).to_have_count(0)
        # Every column again.
        second.get_by_role("button", name="显示的列").click()
        second.get_by_role("button", name="显示全部列").click()
        expect(second.locator("#record-table thead th")).to_have_count(len(before))
    finally:
        other.close()


def test_list_filters_pick_a_region_and_an_organisation_by_name(page: Page, login):
    login(page, "qiannan")
    page.goto("/industry/project/")
    region = page.get_by_role("combobox", name="项目地区代码")
    pick(page, region, "dy", "都匀市")
    expect(region).to_have_value("522701000000")  # a region filter takes the code
    investor = page.get_by_role("combobox", name="投资企业编号（含下属）")
    investor.press_sequentially("广州", delay=40)
    listbox = page.locator(f"#{investor.get_attribute('aria-controls')}")
    first = listbox.get_by_role("option").first
    expect(first).to_be_visible()
    name = first.locator(".picker-label").inner_text()
    first.click()
    expect(investor).to_have_value(name)
    # A few fixed choices: chips and type-to-filter instead of a Ctrl-click list.
    kind = page.get_by_role("combobox", name="项目类型")
    pick(page, kind, "基地", "产业基地")
    expect(page.locator("#filters .picker-chip")).to_have_text(["产业基地"])
    pick(page, kind, "bfcj", "帮扶车间")  # initials find a fixed choice as they find places and records
    expect(page.locator("#filters .picker-chip")).to_have_text(["产业基地", "帮扶车间"])
    page.locator("#filters").get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"kind=base&kind=workshop|kind=workshop&kind=base"))
    assert re.search(r"organisation=\d+", page.url) and "region=522701000000" in page.url
    expect(page.locator(".filter-problem")).to_have_count(0)
    # The chosen organisation is shown by name again on the filtered page.
    expect(page.get_by_role("combobox", name="投资企业编号（含下属）")).to_have_value(name)
