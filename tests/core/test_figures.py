"""The figure registry: each figure recounted independently from the records, approved records only unless the
reader asks, visits of a pairing counted both ways, and `/api/figures/` scoped and documented."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest

from tests.consumption.recount import RECOUNT as CONSUMPTION_RECOUNT
from tests.labour.recount import LABOUR_RECOUNT
from tests.workplan.recount import WORKPLAN_RECOUNT
from xiezuo.core import figures as registry
from xiezuo.core.figures import Options, Subject
from xiezuo.core.services import create_record, transition_record
from xiezuo.exchange.models import Agreement, Visit
from xiezuo.geo.models import Region
from xiezuo.industry.models import FundAllocation, FundDisbursement, Project
from xiezuo.partners.models import Organisation, Pairing

pytestmark = pytest.mark.django_db
SASAC = "广州市人民政府国有资产监督管理委员会"
SYMPOSIUM = "贵州省党政代表团赴广东省学习考察暨广东·贵州扶贫协作工作座谈会"
ENTERPRISES = ("enterprise", "state_enterprise")


def pairing(helper: str, helped: str) -> Pairing:
    return Pairing.objects.get(helper_region=helper, helped_region=helped)


def prefix(code: str) -> str:
    return code.rstrip("0") if len(code.rstrip("0")) % 2 == 0 else code.rstrip("0") + "0"


# --- independent recounts: plain Python over approved records, no filterset, no registry ----------------------

def _in(org, tree) -> bool:
    return org is not None and org.path.startswith(tree.path)


def _visit_ok(v, subject, direction=None) -> bool:
    people = [v.organiser, *v.delegation_units.all()]
    places = [r.code for r in v.regions.all()]
    if subject.kind == "organisation":
        return any(_in(o, subject.obj) for o in people)
    if subject.kind == "region":
        return any(c.startswith(prefix(subject.obj.code)) for c in places)
    east, west = registry.pairing_sides(subject.obj)
    went = {"east_west": (west, east), "west_east": (east, west)}
    ways = [went[direction]] if direction else list(went.values())
    return any(any(c.startswith(to) for c in places) and any(o is not None and o.region_id.startswith(frm)
                                                             for o in people) for to, frm in ways)


def _visits(subject, direction=None):
    return [v for v in Visit.objects.filter(status="approved") if _visit_ok(v, subject, direction)]


def _enterprise_visits(subject) -> int:
    org = subject.obj if subject.kind == "organisation" else None
    total = 0
    for v in _visits(subject):
        if v.enterprise_visits_reported is not None and (org is None or _in(v.organiser, org)):
            total += v.enterprise_visits_reported
        else:
            total += sum(1 for o in v.delegation_units.all() if o.kind in ENTERPRISES and (org is None or _in(o, org)))
    return total


def _agreements(subject):
    out = []
    for a in Agreement.objects.filter(status="approved"):
        east = list(a.eastern_parties.all())
        west = [r.code for r in a.regions.all()] + [o.region_id for o in a.western_parties.all()]
        if subject.kind == "organisation":
            ok = any(_in(o, subject.obj) for o in east)
        elif subject.kind == "region":
            ok = any(c.startswith(prefix(subject.obj.code)) for c in west)
        else:
            e, w = registry.pairing_sides(subject.obj)
            ok = any(c.startswith(w) for c in west) and any(o.region_id.startswith(e) for o in east)
        if ok and (not subject.since or a.signed_on >= subject.since) and (
                not subject.until or a.signed_on <= subject.until):
            out.append(a)
    return out


def _projects(subject):
    out = []
    for p in Project.objects.filter(status="approved"):
        investors = list(p.investors.all())
        if subject.kind == "organisation":
            ok = any(_in(o, subject.obj) for o in investors)
        elif subject.kind == "region":
            ok = p.region_id.startswith(prefix(subject.obj.code))
        else:
            e, w = registry.pairing_sides(subject.obj)
            ok = p.region_id.startswith(w) and any(o.region_id.startswith(e) for o in investors)
        if ok:
            out.append(p)
    return out


def _allocations(subject):
    if subject.kind == "pairing":
        return [a for a in FundAllocation.objects.filter(status="approved") if a.pairing_id == subject.obj.pk]
    code = prefix(subject.obj.code)
    return [a for a in FundAllocation.objects.filter(status="approved")
            if (a.pairing.helped_region_id or "").startswith(code) or (a.region_id or "").startswith(code)]


def _disbursements(subject):
    if subject.kind == "pairing":
        return [d for d in FundDisbursement.objects.filter(status="approved")
                if d.allocation.pairing_id == subject.obj.pk]
    return [d for d in FundDisbursement.objects.filter(status="approved")
            if d.project.region_id.startswith(prefix(subject.obj.code))]


def _sum(rows, name) -> Decimal | int:
    return sum((getattr(r, name) or 0) for r in rows)


RECOUNT = {
    "exchange.trips": lambda s: sum(v.occurrences for v in _visits(s)),
    "exchange.trips_east_west": lambda s: sum(v.occurrences for v in _visits(s, "east_west")),
    "exchange.trips_west_east": lambda s: sum(v.occurrences for v in _visits(s, "west_east")),
    "exchange.enterprise_visits": _enterprise_visits,
    "exchange.agreements": lambda s: sum(a.item_count for a in _agreements(s)),
    "exchange.agreements_review": lambda s: sum(1 for a in _agreements(s) if a.needs_review),
    "industry.projects": lambda s: len(_projects(s)),
    "industry.planned": lambda s: _sum(_projects(s), "planned_investment"),
    "industry.actual": lambda s: _sum(_projects(s), "actual_investment"),
    "industry.jobs": lambda s: _sum(_projects(s), "jobs_created"),
    "industry.poor_employed": lambda s: _sum(_projects(s), "poor_employed"),
    "industry.poor_benefited": lambda s: _sum(_projects(s), "poor_benefited"),
    "industry.allocated": lambda s: _sum(_allocations(s), "allocated"),
    "industry.disbursed": lambda s: _sum(_disbursements(s), "amount"),
    "industry.balance": lambda s: _sum(_allocations(s), "allocated") - _sum(_disbursements(s), "amount"),
    "industry.donations": lambda s: _sum(_allocations(s), "social_donations"),
    **CONSUMPTION_RECOUNT,
    "workplan.tasks": lambda s: len(_tasks(s)),
    "workplan.tasks_done": lambda s: sum(1 for t in _tasks(s) if _task_done(t)),
    "workplan.tasks_overdue": lambda s: sum(1 for t in _tasks(s) if not _task_done(t) and t.deadline < dt.date.today()),
}
RECOUNT.update(LABOUR_RECOUNT)
RECOUNT.update(WORKPLAN_RECOUNT)


def _tasks(subject):
    from xiezuo.core.scope import code_prefix
    from xiezuo.workplan.models import Task

    out = []
    for t in Task.objects.filter(status="approved").select_related("lead_unit", "region"):
        if subject.kind == "organisation" and t.lead_unit.path.startswith(subject.obj.path):
            out.append(t)
        elif subject.kind == "region" and t.region_id.startswith(code_prefix(subject.obj.code)):
            out.append(t)
    return out


def _task_done(task) -> bool:
    """Done: a leaf with a submitted or approved report of 100 % by today; a parent whose children are all done."""
    kids = list(task.children.all())
    if kids:
        return all(_task_done(k) for k in kids)
    return task.reports.filter(status__in=("submitted", "approved"), percent__gte=100,
                               report_date__lte=dt.date.today()).exists()


def subjects() -> list[Subject]:
    return [Subject("organisation", Organisation.objects.get(name=SASAC)),
            Subject("organisation", Organisation.objects.get(name="广州汽车工业集团有限公司")),
            Subject("pairing", pairing("440100000000", "520500000000")),
            Subject("pairing", pairing("440000000000", "520000000000")),
            Subject("region", Region.objects.get(code="520500000000")),
            Subject("region", Region.objects.get(code="440000000000"))]


def test_every_figure_equals_an_independent_recount_of_its_records(user):
    admin = user("admin")
    assert set(RECOUNT) == {s.key for s in registry.specs()}, "every declared figure has a recount here"
    checked = 0
    for subject in subjects():
        for f in registry.figures(admin, subject):
            assert f.value == RECOUNT[f.key](subject), (f.key, subject.kind, str(subject.obj))
            checked += 1
    assert checked > 40
    # Something is actually counted, not zeros everywhere.
    by_key = {f.key: f.value for f in registry.figures(admin, subjects()[2])}
    assert by_key["exchange.trips"] == 3 and by_key["industry.projects"] > 10 and by_key["industry.disbursed"] > 0


def test_a_period_limits_agreements_by_signing_date(user):
    sasac = Subject("organisation", Organisation.objects.get(name=SASAC), dt.date(2016, 9, 1), dt.date(2018, 3, 28))
    [f] = registry.figures(user("admin"), sasac, keys=["exchange.agreements"])
    assert f.value == RECOUNT["exchange.agreements"](sasac) == 6


def _submitted_visit(user):
    qiannan = user("qiannan")
    visit = create_record(Visit, {"name": "广州市国资委赴黔南州对接（待审核）", "start_date": dt.date(2021, 5, 10),
                                  "organiser": Organisation.objects.get(name=SASAC)}, qiannan,
                          m2m={"regions": [Region.objects.get(code="522700000000")]})
    transition_record(visit, "submit", qiannan)
    return visit


def figure(html: str, key: str) -> tuple[str, str, str]:
    """(label, shown value, link) of a figure card."""
    match = re.search(rf'data-figure="{re.escape(key)}".*?<div class="small text-muted">([^<]+)</div>.*?'
                      rf'<a href="([^"]+)"[^>]*>([^<]+)</a>', html, re.S)
    assert match, key
    return unescape(match.group(1)), match.group(3).strip(), unescape(match.group(2))


def test_a_submitted_visit_does_not_count_until_approved(login, user):
    p = pairing("440100000000", "522700000000")
    client = login("qiannan")
    before = figure(client.get(f"/cooperation/pairing/{p.pk}/").content.decode(), "exchange.trips")
    assert before[:2] == ("考察调研次数", "3")
    _submitted_visit(user)
    html = client.get(f"/cooperation/pairing/{p.pk}/").content.decode()
    assert figure(html, "exchange.trips")[:2] == ("考察调研次数", "3"), "a submitted visit is not in the figure"
    assert "只统计已审核的记录" in html
    # Asked for, it is counted, and the figure says so.
    html = client.get(f"/cooperation/pairing/{p.pk}/?include_unapproved=1").content.decode()
    label, value, link = figure(html, "exchange.trips")
    assert (label, value) == ("考察调研次数（含未审核）", "4") and "status=" not in link
    assert 'id="unapproved-note"' in html
    listed = client.get(link).content.decode()
    assert "广州市国资委赴黔南州对接（待审核）" in listed
    # The default link lists approved records only, so it shows exactly the 3.
    assert "status=approved" in before[2]
    assert "广州市国资委赴黔南州对接（待审核）" not in client.get(before[2]).content.decode()


def test_a_pairing_counts_visits_both_ways_and_says_which(login):
    p = pairing("440000000000", "520000000000")
    client = login("leader")
    html = client.get(f"/cooperation/pairing/{p.pk}/").content.decode()
    assert figure(html, "exchange.trips")[:2] == ("考察调研次数", "4")
    assert figure(html, "exchange.trips_east_west")[:2] == ("其中东→西", "3")
    label, value, link = figure(html, "exchange.trips_west_east")
    assert (label, value) == ("其中西→东", "1")
    listed = client.get(link).content.decode()
    assert SYMPOSIUM in listed and "广州市国资委组织监管企业" not in listed
    # Report 000's own symposium (Guangzhou, 2019-11-08) counts for the province pairing.
    html = client.get(f"/cooperation/pairing/{p.pk}/?since=2019-11-01&until=2019-11-30").content.decode()
    assert figure(html, "exchange.trips")[1] == "1" and figure(html, "exchange.trips_west_east")[1] == "1"
    # A city pairing on the Guizhou side is not that delegation's: Guangzhou→Bijie counts only its own 3.
    html = client.get(f"/cooperation/pairing/{pairing('440100000000', '520500000000').pk}/").content.decode()
    assert figure(html, "exchange.trips_west_east")[1] == "0" and figure(html, "exchange.trips")[1] == "3"


def test_api_figures_match_the_page_and_link_to_the_records(login):
    p = pairing("440100000000", "520500000000")
    client = login("leader")
    body = client.get(f"/api/figures/?subject=pairing&id={p.pk}").json()
    html = client.get(f"/cooperation/pairing/{p.pk}/").content.decode()
    assert body["subject"]["kind"] == "pairing" and body["include_unapproved"] is False
    keys = [f["key"] for f in body["figures"]]
    assert keys[:4] == ["exchange.trips", "exchange.trips_east_west", "exchange.trips_west_east",
                        "exchange.enterprise_visits"]
    for f in body["figures"]:
        shown = figure(html, f["key"])
        if f["money"]:
            assert shown[1] == f"{Decimal(f['value']) / 10000:,.2f}", f["key"]
        else:
            assert shown[1] == f"{f['value']:,}", f["key"]  # counts with thousands separators
        assert f["url"].endswith(shown[2]) and "status=approved" in f["api_url"]
    trips = next(f for f in body["figures"] if f["key"] == "exchange.trips")
    records = client.get(trips["api_url"]).json()
    assert sum(v["occurrences"] for v in records["results"]) == trips["value"] == 3
    # One figure, asked by key, with drafts and submitted records counted and labelled.
    body = client.get(f"/api/figures/?subject=pairing&id={p.pk}&key=industry.projects&include_unapproved=true").json()
    [projects] = body["figures"]
    assert projects["unapproved"] is True and projects["label"] == "产业项目（含未审核）"
    assert projects["value"] == Project.objects.filter(region__code__startswith="5205",
                                                       investors__region__code__startswith="4401").distinct().count()


def test_api_figures_answer_only_for_the_readers_area(login):
    qiannan = login("qiannan")
    bijie = pairing("440100000000", "520500000000")
    assert qiannan.get(f"/api/figures/?subject=pairing&id={bijie.pk}").status_code == 404
    qn = pairing("440100000000", "522700000000")
    assert qiannan.get(f"/api/figures/?subject=pairing&id={qn.pk}").status_code == 200
    assert qiannan.get("/api/figures/?subject=region&id=110000000000").status_code == 404  # Beijing
    assert qiannan.get("/api/figures/?subject=region&id=522700000000").status_code == 200
    assert qiannan.get("/api/figures/?subject=region&id=440100000000").status_code == 200  # its partner
    other = Organisation.objects.get(name="毕节市人民政府")
    assert qiannan.get(f"/api/figures/?subject=organisation&id={other.pk}").status_code == 404
    assert qiannan.get("/api/figures/?subject=planet&id=1").status_code == 400
    assert qiannan.get(f"/api/figures/?subject=pairing&id={qn.pk}&key=nope").status_code == 400
    from django.test import Client

    assert Client().get(f"/api/figures/?subject=pairing&id={qn.pk}").status_code in (401, 403)


def test_api_figures_are_in_the_openapi_schema(login):
    schema = login("leader").get("/api/schema/?format=json").content.decode()
    assert "/api/figures/" in schema
    assert "Only **approved** records count" in schema and "include_unapproved" in schema
    assert "exchange.trips_east_west" in schema
    for spec in registry.specs():  # every declared figure is described
        assert f"| `{spec.key}` | {spec.label} |" in schema


def test_the_figure_options_say_what_was_counted(user):
    p = Subject("pairing", pairing("440100000000", "520500000000"))
    [approved] = registry.figures(user("admin"), p, keys=["industry.projects"])
    [everything] = registry.figures(user("admin"), p, Options(include_unapproved=True), keys=["industry.projects"])
    assert approved.display_label == "产业项目" and everything.display_label == "产业项目（含未审核）"
    assert everything.value > approved.value


def test_a_figure_counting_distinct_persons(user):
    """`persons=` counts each person once, however many records name them (the labour channel will need it)."""
    guangzhou = Subject("region", Region.objects.get(code="440100000000"))
    registry.figure("test.people", "参加人员（人）", "exchange.Visit", {"region": lambda s: {"region": s.obj.code}},
                    persons="participants__name")
    try:
        [f] = registry.figures(user("admin"), guangzhou, keys=["test.people"])
        names = {p.name for v in _visits(guangzhou) for p in v.participants.all()}
        assert f.value == len(names) > 10  # report 000's symposium, in Guangzhou
    finally:
        del registry.FIGURES["test.people"]


def test_old_cooperation_links_lead_to_the_moved_pages(login):
    response = login("leader").get("/industry/cooperation/region/520500000000/?since=2019-01-01")
    assert response.status_code == 301 and response["Location"] == "/cooperation/region/520500000000/?since=2019-01-01"


@pytest.mark.django_db
def test_the_cache_keeps_hundreds_of_pages_figures_without_culling_them():
    # Every area, language and page keeps its own figures: Django's default of 300 entries culled a third of them
    # (and the API throttles' counters) as soon as a few offices had read their pages.
    from django.core.cache import cache

    keys = [f"culling-check:{i}" for i in range(450)]
    for i, key in enumerate(keys):
        cache.set(key, i, 600)
    assert [cache.get(key) for key in keys] == list(range(450))
    cache.delete_many(keys)


def test_one_computation_builds_each_record_types_area_once_and_counts_the_same(user, monkeypatch):
    # A region page built the reader's area of a record type (up to six joined tables) once per figure and table
    # cell: 160 times. One computation builds it once per record type; each figure still counts what it counts
    # when computed on its own.
    from xiezuo.core.scope import RecordQuerySet

    built = []
    restrict = RecordQuerySet.restrict

    def counting_restrict(self, reader, action="view"):
        built.append(self.model)
        return restrict(self, reader, action)

    qiannan = user("qiannan")
    region = Subject("region", Region.objects.get(code="522700000000"))
    monkeypatch.setattr(RecordQuerySet, "restrict", counting_restrict)
    with registry.computing():
        together = {f.key: f.value for f in registry.figures(qiannan, region)}
        tables = registry.build_tables(qiannan, region)
    monkeypatch.setattr(RecordQuerySet, "restrict", restrict)
    assert len(built) == len(set(built)), sorted(m.__name__ for m in built)
    assert len(together) > 40 and any(together.values())
    assert any(t.rows for t in tables)
    alone = {}
    for spec in registry.specs("region"):
        figure = registry.compute(qiannan, spec, region, Options())
        if figure is not None:
            alone[spec.key] = figure.value
    assert together == alone


def test_one_computation_filters_each_set_of_list_parameters_once_and_counts_each_cell_the_same(user, monkeypatch):
    # A region page asked for 92 different sets of list parameters 159 times (a county's row counts its projects
    # and sums their investment and jobs over the same records), and Django compiled each set's subquery again
    # for every aggregate. One computation filters each set once and compiles it once; every table cell still
    # equals the cell computed on its own.
    built = []
    named = registry.filters_named

    def counting(filterset_class, params):
        built.append((filterset_class, tuple(sorted((k, str(v)) for k, v in params.items()))))
        return named(filterset_class, params)

    qiannan = user("qiannan")
    region = Subject("region", Region.objects.get(code="522700000000"))
    monkeypatch.setattr(registry, "filters_named", counting)
    for options in (Options(), Options(include_unapproved=True)):
        built.clear()
        tables = registry.build_tables(qiannan, region, options)
        assert built and len(built) == len(set(built))
        assert sum(len(t.rows) for t in tables) > 10
        for table in tables:
            spec = registry.TABLES[table.key]
            keys = [k for _h, k in spec.columns if registry.FIGURES[k].applies("region")]
            alone = []
            for first, subject, extra in spec.rows(qiannan, region, options):
                cells = [registry.compute(qiannan, registry.FIGURES[k], subject, options, extra) for k in keys]
                if not spec.skip_empty or any(c is not None and c.value for c in cells):
                    alone.append([str(first), *((c.value, c.url) if c else None for c in cells)])
            together = [[str(row[0]), *((c.value, c.url) if c else None for c in row[1:])] for row in table.rows]
            assert together == alone, table.key


def test_figure_statements_over_small_tables_are_planned_with_joins_as_written(user, monkeypatch):
    # PostgreSQL spent most of a cold cooperation page planning join orders for the figures' statements over the
    # demo's small tables; they run with join_collapse_limit = 1, for the computation only. Over large tables
    # (here: every table counted as large) PostgreSQL's own search is kept.
    from django.db import connection

    def statements_of_a_computation():
        statements = []

        def record(execute, sql, params, many, context):
            statements.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            values = registry.figures(user("bijie"), Subject("pairing", pairing("440100000000", "520500000000")))
        assert values and any(f.value for f in values)
        settings = [i for i, sql in enumerate(statements) if "set_config('join_collapse_limit'" in sql]
        # The registry's own statements: a filtered aggregate per figure (a channel's `compute` has its own).
        counts = [i for i, sql in enumerate(statements)
                  if sql.startswith(("SELECT COUNT(", "SELECT SUM(")) and ") FILTER (WHERE" in sql]
        assert counts
        return settings, counts

    def setting():
        with connection.cursor() as cursor:
            cursor.execute("SHOW join_collapse_limit")
            return cursor.fetchone()[0]

    settings, counts = statements_of_a_computation()
    if connection.vendor != "postgresql":
        assert settings == []
        return
    assert len(settings) == 2 and settings[0] < min(counts) and max(counts) < settings[1]
    assert setting() == "8"  # PostgreSQL's default, as before the computation

    monkeypatch.setattr(registry, "SMALL_TABLE_ROWS", -2)
    registry._row_estimates.clear()
    settings, counts = statements_of_a_computation()
    assert settings == [] and setting() == "8"
    registry._row_estimates.clear()
