"""Cooperation pages (core, figures from the registry): the SASAC figures of report 004 come out of the demo records, and every figure links to them."""

from __future__ import annotations

import re
from html import unescape

import pytest

from xiezuo.exchange.models import Agreement, Visit
from xiezuo.industry.models import FundAllocation, FundDisbursement, Project
from xiezuo.partners.models import Organisation, Pairing

pytestmark = pytest.mark.django_db
REPORT_004 = "?since=2016-09-01&until=2018-03-28"


def sasac() -> Organisation:
    return Organisation.objects.get(name="广州市人民政府国有资产监督管理委员会")


def figure(html: str, key: str) -> tuple[str, str]:
    """(shown value, link) of the figure card `key` on a cooperation page."""
    match = re.search(rf'data-figure="{re.escape(key)}".*?<a href="([^"]+)"[^>]*>([^<]+)</a>', html, re.S)
    assert match, key
    return match.group(2).strip(), unescape(match.group(1))


def listed(client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    return re.findall(r'<td><a href="(/[a-z]+/[a-z]+/\d+/)"[^>]*>', html)


def test_sasac_summary_equals_report_004(login):
    client = login("gz_sasac")
    html = client.get(f"/cooperation/organisation/{sasac().pk}/{REPORT_004}").content.decode()
    assert figure(html, "exchange.trips")[0] == "3"
    assert figure(html, "exchange.enterprise_visits")[0] == "20"
    assert figure(html, "exchange.agreements")[0] == "6"
    assert figure(html, "industry.projects")[0] == "1"
    per_enterprise = html.split('id="per_enterprise"')[1].split("</table>")[0]
    rows = {m[0]: m[1] for m in re.findall(r"<tr><td>([^<]+)</td><td>.*?</td><td><a[^>]*>(\d+)</a>", per_enterprise,
                                             re.S)}
    assert {k: v for k, v in rows.items() if v != "0"} == {"广汽集团": "4", "广药集团": "1", "广州酒家集团": "1"}


def test_sasac_figures_link_to_the_records_they_count(login):
    client = login("gz_sasac")
    html = client.get(f"/cooperation/organisation/{sasac().pk}/{REPORT_004}").content.decode()
    visits = listed(client, figure(html, "exchange.trips")[1])
    assert sum(Visit.objects.get(pk=u.rstrip("/").split("/")[-1]).occurrences for u in visits) == 3
    agreements = listed(client, figure(html, "exchange.agreements")[1])
    assert sum(Agreement.objects.get(pk=u.rstrip("/").split("/")[-1]).item_count for u in agreements) == 6
    projects = listed(client, figure(html, "industry.projects")[1])
    assert [Project.objects.get(pk=u.rstrip("/").split("/")[-1]).source_document for u in projects] == [
        "广州国资委 2018-03-28 产业帮扶工作报道"]


def test_later_agreements_fall_outside_the_report_period(login):
    html = login("gz_sasac").get(f"/cooperation/organisation/{sasac().pk}/").content.decode()
    assert figure(html, "exchange.agreements")[0] == "7", "the 2019 Yuexiu agreement counts once the period is open"


def test_figures_count_only_the_readers_area(login):
    # 大方县 sees Guangzhou's units (its partner) but none of SASAC's records: every figure is zero.
    html = login("bijie_dafang").get(f"/cooperation/organisation/{sasac().pk}/").content.decode()
    for key in ("exchange.trips", "exchange.enterprise_visits", "exchange.agreements", "industry.projects"):
        assert figure(html, key)[0] == "0", key
    # Its own county's projects are counted on the Bijie page, and nothing of Qiannan's.
    html = login("bijie_dafang").get("/cooperation/region/520500000000/").content.decode()
    assert figure(html, "industry.projects")[0] == str(Project.objects.filter(region__code__startswith="520521", status="approved").count())


def test_pairing_page_guangzhou_bijie(login):
    pairing = Pairing.objects.get(helper_region="440100000000", helped_region="520500000000")
    client = login("leader")
    html = client.get(f"/cooperation/pairing/{pairing.pk}/").content.decode()
    allocated = sum(a.allocated for a in FundAllocation.objects.filter(pairing=pairing, status="approved"))
    shown, link = figure(html, "industry.allocated")
    assert shown == f"{allocated / 10000:,.2f}" and "pairing=" in link
    disbursed = sum(d.amount for d in FundDisbursement.objects.filter(allocation__pairing=pairing, status="approved"))
    assert figure(html, "industry.disbursed")[0] == f"{disbursed / 10000:,.2f}"
    assert figure(html, "exchange.trips")[0] == "3"
    east_projects = Project.objects.filter(region__code__startswith="5205", status="approved",
                                           investors__region__code__startswith="4401").distinct().count()
    assert figure(html, "industry.projects")[0] == str(east_projects)
    # Qiannan's office does not see the Guangzhou→Bijie pairing: 404.
    assert login("qiannan").get(f"/cooperation/pairing/{pairing.pk}/").status_code == 404


def test_region_page_bijie_and_its_counties(login):
    client = login("leader")
    html = client.get("/cooperation/region/520500000000/").content.decode()
    total = Project.objects.filter(region__code__startswith="5205", status="approved").count()
    shown, link = figure(html, "industry.projects")
    assert shown == str(total)
    assert f"共 {total} 条" in client.get(link).content.decode()
    assert "/cooperation/region/520521000000/" in html, "each county links to its own page"


def test_organisation_and_pairing_pages_carry_the_panel(login):
    client = login("gz_sasac")
    html = client.get(f"/partners/organisation/{sasac().pk}/").content.decode()
    assert 'id="ledger-panel"' in html and f"/cooperation/organisation/{sasac().pk}/" in html
    pairing = Pairing.objects.get(helper_region="440100000000", helped_region="520500000000")
    html = login("leader").get(f"/partners/pairing/{pairing.pk}/").content.decode()
    assert 'id="ledger-panel"' in html and f"/cooperation/pairing/{pairing.pk}/" in html


def test_facts_only_leaves_out_synthetic_records(login):
    pairing = Pairing.objects.get(helper_region="440100000000", helped_region="520500000000")
    client = login("leader")
    everything = client.get(f"/cooperation/pairing/{pairing.pk}/").content.decode()
    facts = client.get(f"/cooperation/pairing/{pairing.pk}/?facts=1").content.decode()
    assert "badge-synthetic" in everything and "badge-synthetic" not in facts
    real = Project.objects.filter(region__code__startswith="5205", synthetic=False, status="approved",
                                  investors__region__code__startswith="4401").distinct().count()
    shown, link = figure(facts, "industry.projects")
    assert shown == str(real) and int(figure(everything, "industry.projects")[0]) > real
    assert "synthetic=false" in link
    assert figure(facts, "exchange.trips")[0] == "3", "the seed reports' visits are facts"


def test_readers_of_one_area_share_the_kept_figures_whatever_their_roles(login, user):
    """The editor and the registry's editor of 大方县 read the same records: one computation of a cooperation page
    serves both; another area, or the roles (for what depends on them), gets its own."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from xiezuo.core.figures import cache_key

    editor, registry_editor, bijie = user("bijie_dafang"), user("dafang_registry"), user("bijie")
    assert cache_key(editor, "x", area_only=True) == cache_key(registry_editor, "x", area_only=True)
    assert cache_key(editor, "x", area_only=True) != cache_key(bijie, "x", area_only=True)
    assert cache_key(editor, "x") != cache_key(registry_editor, "x")
    cache.clear()
    url = "/cooperation/region/520521000000/"  # 大方县
    first = login("bijie_dafang").get(url)
    with CaptureQueriesContext(connection) as second_reader:
        second = login("dafang_registry").get(url)
    assert first.status_code == second.status_code == 200
    cards = re.findall(r'data-figure="([^"]+)".*?<a href="[^"]+"[^>]*>([^<]+)</a>', first.content.decode(), re.S)
    assert cards and cards == re.findall(r'data-figure="([^"]+)".*?<a href="[^"]+"[^>]*>([^<]+)</a>',
                                         second.content.decode(), re.S)
    # Kept: the second reader's page counted nothing (no statement on the records the figures count).
    assert not [q for q in second_reader.captured_queries
                if "exchange_visit" in q["sql"] and "core_tablestamp" not in q["sql"]]
