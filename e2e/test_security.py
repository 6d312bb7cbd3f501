"""Under the Content-Security-Policy the pages still work in a real browser; a locked account says why."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

MAIN_PAGES = ["/", "/search/?q=黔南", "/geo/regions/", "/geo/regions/520000000000/", "/jobs/", "/account/token/",
              "/account/signins/", "/api/docs/", "/registry/summary/", "/registry/worklist/",
              "/cooperation/region/522700000000/"]


def test_main_pages_run_under_the_policy(page: Page, login):
    login(page, "admin")
    links = page.locator("#sidebar a.nav-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    for path in MAIN_PAGES + [href for href in links if href and href.startswith("/")]:
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        if path != "/api/docs/":
            assert page.evaluate("typeof window.htmx") == "object", path
    # Swagger UI started from its own script file (no inline script): its operations are listed.
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=30_000)
    assert not page.problems.script_errors and not page.problems.csp_violations


def test_region_picker_works_under_the_policy(page: Page, login):
    login(page, "qiannan")
    page.goto("/partners/organisation/add/")
    box = page.locator("input[name=region]")
    box.press_sequentially("都匀", delay=30)
    expect(page.get_by_role("listbox").get_by_role("option").first).to_contain_text("都匀市", timeout=10_000)
    assert not page.problems.csp_violations


def test_a_locked_account_is_told_why(page: Page):
    for _ in range(5):
        page.goto("/login/")
        page.locator("#id_username").fill("leader")
        page.locator("#id_password").fill("not-the-password")
        page.locator("main form button[type=submit]").click()
    page.goto("/login/")
    page.locator("#id_username").fill("leader")
    page.locator("#id_password").fill("xiezuo2026")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#signin-locked")).to_contain_text(re.compile("已暂时锁定.*分钟后再试"))
    expect(page).to_have_url(re.compile("/login/"))
