"""Speed: the cooperation pages and the home page cost the same queries however many rows their tables have,
and the figures they keep between requests are recounted after every write (approved records only).

Every record type's list, API list, detail and history pages are checked by the inherited tests in
tests/base.py (`test_list_queries_do_not_grow_with_rows`, `test_detail_queries_do_not_grow_with_history`).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from xiezuo.core.services import create_record, transition_record
from xiezuo.geo.models import Region
from xiezuo.industry.models import Project
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> tuple[int, str]:
    cache.clear()  # a cold page: every figure counted
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response.content.decode()


def table_rows(html: str, table: str) -> list[str]:
    part = html.split(f'id="{table}"')[1].split("</table>")[0]
    return re.findall(r"<tr><td>(.*?)</td>", part, re.S)


def project(name: str) -> dict:
    return {"name": name, "kind": "factory", "stage": "started", "region_id": "522701000000", "sector": "food",
            "agreed_on": dt.date(2021, 3, 1), "started_on": dt.date(2021, 6, 1), "date_precision": "day"}


def sasac() -> Organisation:
    return Organisation.objects.get(name="广州市人民政府国有资产监督管理委员会")


def test_organisation_page_queries_do_not_grow_with_its_enterprises(login, user):
    client = login("gz_sasac")
    url = f"/cooperation/organisation/{sasac().pk}/?include_unapproved=1"
    before, html = queries(client, url)
    shown = len(table_rows(html, "per_enterprise"))
    assert shown >= 3, "the SASAC's enterprises with figures are listed"
    units = Organisation.objects.filter(path__startswith=sasac().path, kind__in=("enterprise", "state_enterprise"))
    existing = units.count()
    # Twice as many enterprises again, each with a project of its own, so each is a row of the table.
    for i in range(2 * existing):
        unit = create_record(Organisation, {"name": f"测试企业{i}", "kind": "state_enterprise", "region_id": "440100000000",
                                            "parent": sasac()}, user("admin"))
        create_record(Project, project(f"测试项目{i}"), user("admin"), m2m={"investors": [unit]})
    assert units.count() == 3 * existing
    after, html = queries(client, url)
    rows = table_rows(html, "per_enterprise")
    assert "测试企业0" in " ".join(rows) and len(rows) >= shown + 2 * existing
    assert after <= before, f"{before} queries with {existing} enterprises, {after} with {3 * existing}"


def test_region_page_queries_do_not_grow_with_its_counties(login):
    client = login("qiannan")
    parent = Region.objects.get(code="522700000000")
    before, html = queries(client, f"/cooperation/region/{parent.code}/?include_unapproved=1")
    counties = parent.children.filter(valid_to__isnull=True).count()
    for i in range(2 * counties):
        Region.objects.create(code=f"5227{90 + i // 10:02d}{i % 10:02d}0000"[:12].ljust(12, "0"),
                              name=f"测试县{i}", level=3, parent=parent)
    assert parent.children.filter(valid_to__isnull=True).count() == 3 * counties
    after, html = queries(client, f"/cooperation/region/{parent.code}/?include_unapproved=1")
    assert after <= before, f"{before} queries with {counties} counties, {after} with {3 * counties}"


def same_page(html: str) -> str:
    """The page without what differs between two requests (the form token)."""
    html = re.sub(r'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r"\s+", " ", html)


def test_home_page_is_counted_once_per_write(login, user):
    client = login("qiannan")
    cold, html = queries(client, "/")
    with CaptureQueriesContext(connection) as ctx:
        warm = client.get("/").content.decode()
    assert len(ctx.captured_queries) < cold
    assert same_page(warm) == same_page(html), "the kept counts are the counted ones"
    count = Project.objects.restrict(user("qiannan")).count()
    create_record(Project, project("首页计数测试"), user("qiannan"))
    page = client.get("/").content.decode()
    assert f"{count + 1:,}" in page or str(count + 1) in page, "a new record is counted at once"


def figure(html: str, key: str) -> str:
    match = re.search(rf'data-figure="{re.escape(key)}".*?<a href="[^"]+"[^>]*>([^<]+)</a>', html, re.S)
    assert match, key
    return match.group(1).strip()


def test_kept_figures_follow_every_write_and_count_approved_records_only(login, user):
    """A warm page is served without recounting; an approval or a reopening changes the figure at once."""
    client = login("gz_sasac")
    url = f"/cooperation/organisation/{sasac().pk}/"
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        warm = client.get(url).content.decode()
    assert len(ctx.captured_queries) < 25, "a warm page reads its figures from the cache"
    shown = int(figure(first, "industry.projects"))
    assert figure(warm, "industry.projects") == str(shown)
    approved = Project.objects.filter(investors__path__startswith=sasac().path, status="approved").distinct()
    assert approved.count() == shown
    # A draft counts only when the reader asks for unapproved records too.
    unit = Organisation.objects.filter(path__startswith=sasac().path).exclude(pk=sasac().pk).first()
    create_record(Project, project("缓存测试项目"), user("admin"), m2m={"investors": [unit]})
    assert figure(client.get(url).content.decode(), "industry.projects") == str(shown)
    assert int(figure(client.get(url + "?include_unapproved=1").content.decode(), "industry.projects")) > shown
    # Reopening an approved project (an approver's write) takes it out at once.
    transition_record(approved.first(), "reopen", user("admin"), reason="核实投资额")
    assert figure(client.get(url).content.decode(), "industry.projects") == str(shown - 1)


@pytest.mark.parametrize("query", ["dy", "都匀", "毕节"])
def test_the_search_page_reads_each_record_type_once_however_many_hits(login, query):
    """A hit shows as its name, which may read related rows: they are joined, not read hit by hit."""
    client = login("gd_admin")
    client.get("/search/", {"q": query})
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/search/", {"q": query}).content.decode()
    assert page.count("<li><a") >= 20
    shapes: dict[str, int] = {}
    for q in ctx.captured_queries:
        shape = re.sub(r"'[^']*'|\b\d+\b", "?", q["sql"])
        shapes[shape] = shapes.get(shape, 0) + 1
    repeated = {s[:160]: n for s, n in shapes.items() if n > 2}
    assert not repeated, repeated


def _named_stub(model, depth: int = 2):
    """An unsaved row of `model` pointing at rows that do not exist, with what it declares in `str_related` filled
    in (to the depth lists join it, core/tables.py `_str_paths`), and what its `save` derives (non-editable text)
    set: naming it reads the database only through a relation it does not declare."""
    from xiezuo.core.tables import str_related

    row = model()
    for f in model._meta.concrete_fields:
        if f.many_to_one or f.one_to_one:
            kind = f.target_field.get_internal_type()
            setattr(row, f.attname, 1 if "Integer" in kind or "AutoField" in kind else "1")
        elif not f.editable and f.get_internal_type() == "CharField" and not f.choices:
            setattr(row, f.attname, "x")
    if depth:
        for name in str_related(model):
            setattr(row, name, _named_stub(model._meta.get_field(name).related_model, depth - 1))
    return row


def test_every_model_names_its_rows_from_what_it_declares_whatever_rows_exist():
    """The same rule for every model of the product, with or without rows in the database: a gap's screening
    named in the API's list read its household and round row by row (50 queries each for a page of 50)."""
    from django.apps import apps

    undeclared = {}
    for model in apps.get_models():
        if not model.__module__.startswith("xiezuo."):
            continue
        with CaptureQueriesContext(connection) as ctx:
            try:
                str(_named_stub(model))
            except Exception:  # noqa: BLE001  (a row that does not exist: what matters is that it was asked for)
                pass
        if ctx.captured_queries:
            undeclared[model._meta.label] = ctx.captured_queries[0]["sql"][:100]
    assert not undeclared, undeclared


def test_every_record_type_names_its_rows_from_what_it_declares():
    """`str(row)` reads only the relations its model declares in `str_related` (joined by lists, search and
    pickers): a relation read but not declared costs a query for every row shown."""
    from xiezuo.core.registry import REGISTRY
    from xiezuo.core.tables import fetch_plan

    undeclared = {}
    for key, rt in REGISTRY.items():
        joins = fetch_plan(rt.model, ())[0]
        rows = list(rt.model.objects.select_related(*joins).order_by("-pk")[:5])
        with CaptureQueriesContext(connection) as ctx:
            [str(row) for row in rows]
        if ctx.captured_queries:
            undeclared[key] = ctx.captured_queries[0]["sql"][:100]
    assert not undeclared, undeclared


def test_a_record_page_reads_its_related_rows_once_however_many(login, user):
    """A visit's page asked, agreement by agreement, whether the reader may open it; a project's page read its
    investors again for every action it offered (change, delete, submit, approve …). Both cost the same queries
    for one related row or many."""
    from xiezuo.exchange.models import Agreement, Visit

    reader = user("qiannan")
    client = login("qiannan")

    def page_queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    visit = Visit.objects.restrict(reader).order_by("pk").first()
    project = Project.objects.restrict(reader).filter(region__code__startswith="5227").order_by("pk").first()
    assert visit is not None and project is not None
    agreements = list(Agreement.objects.order_by("pk")[:8])
    units = list(Organisation.objects.filter(kind__in=("enterprise", "state_enterprise")).order_by("pk")[:8])
    assert len(agreements) >= 3 and len(units) >= 3
    for obj, relation, rows in ((visit, "agreements", agreements), (project, "investors", units)):
        getattr(obj, relation).set(rows[:1])
        one = page_queries(obj.get_absolute_url())
        getattr(obj, relation).set(rows)
        assert page_queries(obj.get_absolute_url()) == one, relation


def _cards(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-figure="([^"]+)".*?<a href="([^"]+)"[^>]*>([^<]+)</a>', html, re.S)


def _tables(html: str) -> list[str]:
    return re.findall(r"<table.*?</table>", html, re.S)


def test_after_a_write_a_page_is_counted_again_from_its_kept_record_sets(login, user, monkeypatch):
    """A page's record sets are filtered and compiled once and kept, named by the reader's area and the day, not
    by the data's state: after a write the page counts again from them without building them again, shows the
    write at once, and equals the page counted from nothing."""
    from urllib.parse import urlencode

    from xiezuo.core import figures as registry

    built: list[tuple[str, str]] = []
    real = registry.records

    def counting(reader, model, params):
        built.append((model._meta.label_lower, urlencode(params, doseq=True)))
        return real(reader, model, params)

    monkeypatch.setattr(registry, "records", counting)
    client, reader = login("gz_sasac"), user("gz_sasac")
    url = f"/cooperation/organisation/{sasac().pk}/"
    cache.clear()
    first = client.get(url).content.decode()
    kept = cache.get(registry.plans_key(reader, f"page:organisation:{sasac().pk}:None:None:{registry.Options()}",
                                        area_only=True))
    assert kept and set(kept) <= set(built), "the page keeps the record sets it built"
    first_built = len(built)
    shown = int(figure(first, "industry.projects"))
    approved = Project.objects.filter(investors__path__startswith=sasac().path, status="approved").distinct()
    built.clear()
    transition_record(approved.first(), "reopen", user("admin"), reason="核实投资额")
    after = client.get(url).content.decode()
    assert figure(after, "industry.projects") == str(shown - 1), "the write shows at once"
    # Built again: only the sets whose filters read rows while they are built (the next test).
    assert not set(built) & set(kept), "no kept record set is built again"
    assert len(built) < first_built / 5, (len(built), first_built, len(kept))
    cache.clear()  # the same page counted from nothing
    fresh = client.get(url).content.decode()
    assert _cards(after) == _cards(fresh) and _tables(after) == _tables(fresh)


def test_a_record_set_whose_filters_read_rows_is_never_kept(login, user):
    """Professionals count once their stay reached their field's minimum, rows of MinimumStay that the filter
    reads while it is built: such a set is built again at each count, so a changed minimum shows after the next
    write instead of the minimum the page was first counted with."""
    from tests.labour.helpers import ident
    from xiezuo.talent.models import Dispatch, MinimumStay

    admin = user("admin")
    create_record(Dispatch, {"id_number": ident("440106", "19790101", 503), "name": "短期医生",
                             "speciality": "doctor", "host_region_id": "520521000000",
                             "start": dt.date(2021, 1, 1), "actual_end": dt.date(2021, 3, 1)}, admin)
    client = login("admin")
    url = "/cooperation/region/520521000000/?include_unapproved=1"
    cache.clear()
    before = int(figure(client.get(url).content.decode(), "talent.professionals").replace(",", ""))
    MinimumStay.objects.update_or_create(field="doctor", defaults={"days": 30})
    create_record(Project, project("写入后重新统计"), admin)  # any write: the page is counted again
    after = int(figure(client.get(url).content.decode(), "talent.professionals").replace(",", ""))
    assert after == before + 1
