"""A SASAC editor records an agreement and the visit it came out of, then finds both on the organisation's page:
listed at once, counted in its figures once the reader asks for unapproved records too."""

from __future__ import annotations

import re

from playwright.sync_api import expect

SASAC = "广州市人民政府国有资产监督管理委员会"
AGREEMENT = "广汽集团与毕节市新能源汽车零部件合作协议（浏览器测试）"
VISIT = "广州市国资委赴毕节市对接新能源项目（浏览器测试）"


def test_record_visit_and_outcome_agreement_then_see_them_on_the_organisation_page(page, login):
    login(page, "gz_sasac")

    # The outcome first: an agreement between GAC and Bijie.
    page.goto("/exchange/agreement/add/")
    page.fill("#id_title", AGREEMENT)
    page.select_option("#id_kind", label="合作协议")
    page.fill("#id_signed_on", "2021-09-16")
    page.select_option("#id_eastern_parties", label="广州汽车工业集团有限公司")
    page.select_option("#id_western_parties", label="毕节市人民政府")
    page.fill("#id_regions", "520500000000")
    page.fill("#id_amount", "20000000")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(AGREEMENT)
    expect(page.locator("#pairing-check")).to_contain_text("广州市→毕节市")

    # Then the visit, with the agreement as its outcome.
    page.goto("/exchange/visit/add/")
    page.fill("#id_name", VISIT)
    page.fill("#id_start_date", "2021-09-15")
    page.fill("#id_end_date", "2021-09-17")
    page.select_option("#id_organiser", label=SASAC)
    page.select_option("#id_delegation_units", label=["广州汽车工业集团有限公司", "广州医药集团有限公司"])
    page.fill("#id_leader", "测试领导（广州市国资委）")
    page.fill("#id_regions", "520500000000")
    page.select_option("#id_agreements", label=AGREEMENT)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(VISIT)
    expect(page.locator("#visit-outcomes")).to_contain_text(AGREEMENT)
    expect(page.locator("#visit-enterprise-visits")).to_have_text("2")

    # The organisation's page lists both; its figures count approved records only, so not yet these drafts.
    page.goto("/partners/organisation/?q=国有资产监督管理委员会")
    page.get_by_role("link", name=SASAC).first.click()
    panel = page.locator("#ledger-panel")
    expect(panel.locator("#ledger-recent")).to_contain_text(VISIT)
    expect(panel.locator("#ledger-recent")).to_contain_text(AGREEMENT)
    expect(panel.locator('[data-figure="exchange.trips"] a')).to_have_text("3")  # report 004's 3 trips
    expect(panel.locator('[data-figure="exchange.enterprise_visits"] a')).to_have_text("20")

    # The full cooperation page, asked to count unapproved records too: they are counted, and labelled so.
    panel.get_by_role("link", name="详细").click()
    expect(page).to_have_url(re.compile(r"/cooperation/organisation/\d+/"))
    expect(page.locator('#figures [data-figure="exchange.agreements"] a')).to_have_text("7")  # 4+1+1, Yuexiu
    page.check("#include_unapproved")
    page.locator("#period button").click()
    expect(page.locator("#unapproved-note")).to_be_visible()
    trips = page.locator('#figures [data-figure="exchange.trips"]')
    expect(trips).to_contain_text("考察调研次数（含未审核）")
    expect(trips.locator("a")).to_have_text("4")  # 3 of report 004, and this one
    expect(page.locator('#figures [data-figure="exchange.enterprise_visits"] a')).to_have_text("22")
    expect(page.locator('#figures [data-figure="exchange.agreements"] a')).to_have_text("8")  # and this one
    # The trips figure leads to the list that holds the new visit.
    trips.locator("a").click()
    expect(page.locator("#record-table")).to_contain_text(VISIT)
    assert not page.problems.script_errors, page.problems.script_errors
