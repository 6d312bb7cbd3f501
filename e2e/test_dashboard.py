"""The leaders' dashboard in a browser (issue 16): the leader opens it from the home page, picks the projects
indicator, clicks 毕节市 on the Guizhou map and reaches the project records behind the figure."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.e2e


def test_leader_clicks_bijie_on_the_map_and_reaches_the_projects(page: Page, login):
    login(page, "leader")
    page.locator("#home-dashboard").get_by_role("link", name=re.compile("地图与趋势")).click()
    expect(page.locator("h1")).to_contain_text("领导驾驶舱")
    page.goto(page.url.split("?")[0] + "?year=2019")
    page.select_option("#dashboard-indicator", label="落地企业（产业项目）")
    expect(page.locator("#dashboard-charts")).to_have_attribute("data-shown", "I01")
    ranking = page.locator("#dashboard-ranking tbody")
    expect(ranking.get_by_role("link", name="毕节市").first).to_be_visible()
    page.locator("#dashboard-map").scroll_into_view_if_needed()
    # The map is a canvas: find 毕节市's label centre in pixels through ECharts and click there. The chart may
    # still be settling after the indicator changed (a busy machine), so a click that led nowhere is tried again.
    where = """() => {
        const chart = echarts.getInstanceByDom(document.getElementById('dashboard-map'));
        const geo = echarts.getMap(document.getElementById('dashboard-charts').dataset.mapName).geoJSON;
        const bijie = geo.features.find(f => f.properties.name === '毕节市');
        return chart.convertToPixel({seriesIndex: 0}, bijie.properties.cp);
    }"""
    target = re.compile(r"/industry/project/\?.*region=5205")
    for _attempt in range(5):
        point = page.evaluate(where)
        box = page.locator("#dashboard-map canvas").first.bounding_box()
        page.mouse.click(box["x"] + point[0], box["y"] + point[1])
        try:
            page.wait_for_url(target, timeout=3000)
            break
        except PlaywrightTimeout:
            page.wait_for_timeout(500)
    expect(page).to_have_url(target)
    expect(page.locator("main table tbody tr").first).to_be_visible()
    assert not page.problems.script_errors, page.problems.script_errors
