"""Kept figures count again exactly when a write changed what they read (core/tablestamps.py): a draft's edit
leaves the figures of approved records kept; an approval, a change of a column read through a join, or a write
that bypasses the action functions counts them again."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xiezuo.core import figures as registry
from xiezuo.core.figures import Options, Subject
from xiezuo.core.models import Status
from xiezuo.core.services import transition_record, update_record
from xiezuo.core.tablestamps import APPROVED, VERSION, current, read_by
from xiezuo.geo.models import Region
from xiezuo.industry.models import Project

DAFANG = "520521000000"
APPROVED_SET = (
    'SELECT COUNT("p"."id") FILTER (WHERE "p"."id" IN (SELECT DISTINCT "p"."id" AS "pk" FROM "p" '
    'WHERE ("p"."id" IN (SELECT U0."id" AS "pk" FROM "p" U0 WHERE U0."region_id"::text LIKE %s) '
    'AND "p"."status" = %s))) AS "v0" FROM "p"')


# --- what a statement reads ---------------------------------------------------------------------------------

def test_a_set_of_approved_records_depends_on_approved_records_only():
    assert read_by(APPROVED_SET, ["52%", "approved"], "p") == {("p", APPROVED)}


def test_the_same_statement_counting_drafts_or_outside_a_figure_depends_on_every_row_it_names():
    for params, approved_set in ((["52%", "submitted"], "p"), (["52%", "approved"], None)):
        assert read_by(APPROVED_SET, params, approved_set) == {
            ("p", VERSION), ("p.id", VERSION), ("p.region_id", VERSION), ("p.status", VERSION)}


def test_a_join_reads_the_joined_rows_whatever_their_state():
    sql = ('SELECT SUM("d"."amount") AS "s" FROM "d" WHERE "d"."id" IN (SELECT DISTINCT "d"."id" AS "pk" FROM "d" '
           'INNER JOIN "p" ON ("d"."project_id" = "p"."id") WHERE ("p"."region_id"::text LIKE %s '
           'AND "d"."status" = %s))')
    assert read_by(sql, ["52%", "approved"], "d") == {
        ("d", APPROVED), ("p", VERSION), ("p.id", VERSION), ("p.region_id", VERSION)}
    # The approved set's own table joined again (a parent, a sibling) may read drafts: every row counts.
    parent = sql.replace('INNER JOIN "p" ON ("d"."project_id" = "p"."id")',
                         'INNER JOIN "d" T3 ON ("d"."parent_id" = T3."id") INNER JOIN "p" ON ("d"."project_id" = "p"."id")')
    assert ("d", VERSION) in read_by(parent, ["52%", "approved"], "d")
    assert ("d", APPROVED) not in read_by(parent, ["52%", "approved"], "d")


def test_a_subquery_over_other_rows_of_the_set_reads_drafts_too():
    sql = APPROVED_SET.replace("AND \"p\".\"status\" = %s", 'AND EXISTS(SELECT 1 AS "a" FROM "p" V0 WHERE '
                               'V0."parent_id" = ("p"."id")) AND "p"."status" = %s')
    assert ("p", APPROVED) not in read_by(sql, ["52%", "approved"], "p")


def test_sql_whose_columns_cannot_be_read_depends_on_every_column():
    assert read_by("SELECT * FROM registry_member m WHERE m.age > %s", [60]) == {
        ("registry_member", VERSION), ("registry_member.*", VERSION)}


# --- what a write changes -----------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def _kept_page(user):
    """A 大方县 region page's figures and tables kept for `user`, and how many times they were counted."""
    region = Region.objects.get(code=DAFANG)
    subject = Subject("region", region)
    counted = []

    def make():
        counted.append(1)
        return registry.figures(user, subject, Options()), registry.build_tables(user, subject, Options())

    def page():
        value, _state = registry.kept(user, "test-page", make, area_only=True)
        return {f.key: f.value for f in value[0]}

    return page, counted


def _project(status):
    project = Project.objects.filter(status=status, region__code__startswith="520521").order_by("pk").first()
    assert project is not None, status
    return project


def test_a_draft_edited_leaves_the_figures_of_approved_records_kept(user):
    editor = user("bijie_dafang")
    page, counted = _kept_page(editor)
    page()
    draft = _project(Status.DRAFT)
    update_record(draft, {"note": "草稿备注修改"}, editor)
    update_record(draft, {"name": draft.name + "（修订）"}, editor)
    page()
    assert len(counted) == 1, "an edit of a draft changed no figure of approved records"
    # A submit changes no project figure either (it notifies the reviewers, and the page counts notifications).
    stamps = current()
    transition_record(Project.objects.get(pk=draft.pk), "submit", editor)
    changed = {k for k, v in current().items() if stamps.get(k) != v}
    assert changed and not {k for k in changed if k.startswith("industry_project") and "." not in k}


def test_a_column_read_through_a_join_counts_again(user):
    """Fund disbursements are counted by their project's region, draft or not: a draft project moved to another
    county changes where they count."""
    editor = user("bijie_dafang")
    page, counted = _kept_page(editor)
    page()
    draft = _project(Status.DRAFT)
    other = Region.objects.filter(code__startswith="5205", level=draft.region.level).exclude(
        code=draft.region_id).order_by("code").first()
    update_record(draft, {"region": other}, user("bijie"))
    page()
    assert len(counted) == 2


def test_an_approved_record_changed_in_any_way_counts_again(user):
    editor = user("bijie_dafang")
    page, counted = _kept_page(editor)
    before = page()["industry.planned"]
    approved = _project(Status.APPROVED)
    # Past the action functions (a script, a data fix): seen on the connection all the same.
    Project.objects.filter(pk=approved.pk).update(planned_investment=approved.planned_investment + Decimal(1000000))
    after = page()
    assert len(counted) == 2
    assert after["industry.planned"] == before + Decimal(1000000)


def test_the_home_counts_drafts_and_counts_again_after_a_draft_is_written(login):
    client = login("bijie_dafang")
    editor = client.get("/").wsgi_request.user
    first = client.get("/").content.decode()
    Project.objects.create(name="新建草稿项目", region_id="520521000000", created_by=editor, agreed_on="2020-01-01")
    second = client.get("/").content.decode()
    assert first != second


def test_the_change_log_is_read_by_content_type():
    """A unit's reports submitted on time read the change log of progress reports only."""
    sql = ('SELECT "core_changerecord"."object_id" AS "object_id", MIN("core_changerecord"."time") AS "t" '
           'FROM "core_changerecord" WHERE ("core_changerecord"."action" = %s AND '
           '"core_changerecord"."content_type_id" = %s AND "core_changerecord"."object_id" IN (%s, %s)) GROUP BY 1')
    found = read_by(sql, ["submit", 73, "4", "3"])
    assert ("core_changerecord@73", VERSION) in found and ("core_changerecord@*", VERSION) not in found
    every = sql.replace('"core_changerecord"."content_type_id" = %s AND ', "")
    assert ("core_changerecord@*", VERSION) in read_by(every, ["submit", "4", "3"])


def test_only_the_draft_itself_is_written_as_a_draft(user):
    """Another row of the same table written while a draft is saved (by its `save()`, a signal) counts as any
    write: an approved project changed then recounts the figures."""
    from django.db.models.signals import post_save

    editor = user("bijie_dafang")
    page, counted = _kept_page(editor)
    before = page()["industry.planned"]
    draft, approved = _project(Status.DRAFT), _project(Status.APPROVED)

    def touch_another(sender, instance, **kwargs):
        if instance.pk == draft.pk:
            Project.objects.filter(pk=approved.pk).update(planned_investment=approved.planned_investment + 1)

    post_save.connect(touch_another, sender=Project, dispatch_uid="test-touch-another")
    try:
        update_record(draft, {"note": "草稿备注修改"}, editor)
    finally:
        post_save.disconnect(dispatch_uid="test-touch-another", sender=Project)
    assert page()["industry.planned"] == before + 1
    assert len(counted) == 2


def test_a_value_counted_again_reads_the_stamps_once_and_a_table_it_newly_reads_is_checked_next_time(user):
    """After a write, counting again reads the stamps of what the value read before (one statement, as on the
    first count); a table read now and not then has no stamp from before counting, so the next reader counts
    again rather than trust a value counted while that table may have been written."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    editor = user("bijie_dafang")
    counted = []
    reads = [[("industry_project", "note")]]

    def make():
        counted.append(1)
        with connection.cursor() as cursor:
            for table, column in reads[-1]:
                cursor.execute(f'SELECT COUNT("{table}"."{column}") FROM "{table}"')
        return len(counted)

    def value():
        with CaptureQueriesContext(connection) as ctx:
            found = registry.kept(editor, "test-growing", make, area_only=True)[0]
        return found, sum("core_tablestamp" in q["sql"] for q in ctx.captured_queries)

    assert value() == (1, 1)
    assert value() == (1, 1)
    Project.objects.filter(pk=_project(Status.APPROVED).pk).update(note="改")
    reads.append([("industry_project", "note"), ("geo_region", "code")])
    assert value() == (2, 1), "counted again, the stamps read once"
    assert value() == (3, 1), "geo_region was not among the stamps read before the second count"
    assert value() == (3, 1)


def test_every_copy_goes_through_copy_into():
    """PostgreSQL's COPY passes no statement wrapper: a COPY written anywhere else would leave kept figures stale
    (as a labour import's new rows once did on the pairing page)."""
    import re
    from pathlib import Path

    import xiezuo

    root = Path(xiezuo.__file__).parent
    found = [f"{p.relative_to(root)}:{n}" for p in root.rglob("*.py") if p.name != "tablestamps.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"""\.copy\(\s*f?["']COPY|["']COPY \{""", line)]
    assert not found, f"COPY outside core.tablestamps.copy_into: {found}"


def test_rows_written_in_bulk_change_their_tables_stamp():
    """The bulk paths (COPY on PostgreSQL, bulk_create on SQLite) announce the rows they add."""
    from xiezuo.core import bulkwrite
    from xiezuo.core.models import ChangeRecord

    sample = ChangeRecord.objects.order_by("pk").first()
    before = current()
    bulkwrite.insert(ChangeRecord, [ChangeRecord(content_type_id=sample.content_type_id, object_id="1",
                                                 action="update", changes={}, user=sample.user)])
    changed = {k for k, v in current().items() if before.get(k) != v}
    # What reads the change log of that content type depends on a stamp the write changed.
    sql = ('SELECT COUNT("core_changerecord"."id") FROM "core_changerecord" '
           'WHERE "core_changerecord"."content_type_id" = %s')
    assert {k for k, _kind in read_by(sql, [sample.content_type_id])} & changed, changed
