"""Import messages of the generic import and the table of spellings administrators extend as data."""

from __future__ import annotations

import pytest

from tests.base import csv_bytes, upload
from xiezuo.core.aliases import ValueAlias
from xiezuo.core.models import Job
from xiezuo.core.registry import for_model
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db
RT = for_model(Organisation)
PAGE = "/import/aliases/"


def run(client, name, content) -> Job:
    response = client.post(RT.url("import"), {"file": upload(name, content)})
    assert response.status_code == 302, response.content[:300]
    return Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def test_every_missing_required_column_in_one_message_without_a_row_number(login):
    job = run(login("bijie_dafang"), "o.csv", csv_bytes([{"单位名称": "甲", "备注": "x"}, {"单位名称": "乙"}]))
    assert job.state == Job.State.FAILED
    assert len(job.errors) == 1
    row, _column, header, message = job.errors[0]
    assert row == "" and "单位类型" in message and "所在地区" in message and header == "单位类型、所在地区"
    page = login("bijie_dafang").get(f"/jobs/{job.pk}/").content.decode()
    assert "缺少必填列：单位类型、所在地区" in page


def test_a_file_level_problem_is_shown_without_a_row_number(login):
    job = run(login("bijie_dafang"), "o.xlsx", b"not a zip file at all")
    assert job.state == Job.State.FAILED and job.errors == [["", "-", "-", job.message]]
    assert "不是有效的 .xlsx" in job.message


def test_a_form_message_shows_the_value_it_refers_to(login):
    job = run(login("bijie_dafang"), "o.csv", csv_bytes([{"单位名称": "乙公司", "单位类型": "企业", "所在地区": "520521000000",
                                                          "统一社会信用代码": "X" * 25}]))
    assert job.state == Job.State.FAILED
    assert any(e[2] == "统一社会信用代码" and "X" * 25 in e[3] for e in job.errors), job.errors


def test_an_administrator_adds_a_spelling_and_both_imports_accept_it(login):
    editor, admin = login("bijie_dafang"), login("gd_admin")
    rows = [{"单位名称": "对照测试公司", "单位类型": "民营企业", "所在地区": "520521000000"}]
    job = run(editor, "o.csv", csv_bytes(rows))
    assert job.state == Job.State.FAILED and "“民营企业”不是可选值" in job.errors[0][3]
    # A user who is not an administrator sees the table but cannot change it.
    assert "之孙子" in editor.get(PAGE).content.decode()
    assert editor.post(PAGE, {"field": "partners.organisation.kind", "spelling": "民营企业", "value": "企业"}
                       ).status_code == 403
    # A value that is not one of the field's choices is refused with the choices.
    page = admin.post(PAGE, {"field": "partners.organisation.kind", "spelling": "民营企业", "value": "私企"})
    assert "“私企”不是该字段的可选值" in page.content.decode()
    assert admin.post(PAGE, {"field": "partners.organisation.kind", "spelling": "民营企业", "value": "企业"}
                      ).status_code == 302
    assert ValueAlias.objects.get(field="partners.organisation.kind", spelling="民营企业").value == "enterprise"
    page = admin.get(PAGE).content.decode()
    assert "民营企业" in page and "单位类型" in page
    job = run(editor, "o.csv", csv_bytes(rows))
    assert job.state == Job.State.SUCCEEDED, job.errors
    assert Organisation.objects.get(name="对照测试公司").get_kind_display() == "企业"
    # Removed again: refused again.
    alias = ValueAlias.objects.get(field="partners.organisation.kind", spelling="民营企业")
    assert admin.post(PAGE, {"delete": alias.pk}).status_code == 302
    job = run(editor, "o.csv", csv_bytes([{**rows[0], "单位名称": "对照测试公司二"}]))
    assert job.state == Job.State.FAILED


def test_adding_and_removing_a_spelling_is_recorded_with_who_did_it(login):
    from xiezuo.core.models import ChangeRecord

    admin = login("gd_admin")
    admin.post(PAGE, {"field": "partners.organisation.kind", "spelling": "民营企业", "value": "企业"})
    alias = ValueAlias.objects.get(field="partners.organisation.kind", spelling="民营企业")
    assert admin.post(PAGE, {"delete": alias.pk}).status_code == 302
    assert admin.post(PAGE, {"delete": "x1"}).status_code == 302, "a bad number changes nothing"
    assert admin.post(PAGE, {"delete": "9" * 30}).status_code == 302
    records = ChangeRecord.objects.filter(object_repr__contains="民营企业").order_by("time")
    assert [(r.action, r.user.username) for r in records] == [("create", "gd_admin"), ("delete", "gd_admin")]
    assert records[0].changes["spelling"] == [None, "民营企业"] and records[1].changes["value"] == ["enterprise", None]
    page = admin.get(PAGE).content.decode()
    history = page[page.index('id="alias-changes"'):]
    assert history.count("民营企业") == 2 and "删除" in history and "新建" in history
