"""Registry import messages: the national system's relation spellings, every missing column at once, file-level
problems without a row, every cell message with its value."""

from __future__ import annotations

import pytest

from xiezuo.core.aliases import ValueAlias
from xiezuo.core.models import Job
from xiezuo.registry.models import Member

from .helpers import COL, HEADERS, csv_bytes, registry_rows, set_cell
from .test_import import EDITOR, messages, run

pytestmark = pytest.mark.django_db


def test_the_national_systems_relation_spellings_are_accepted(login):
    rows = registry_rows(40, seed=60)
    spellings = {"之孙子": "grandchild", "之孙女": "grandchild", "之外孙子": "grandchild", "之父": "parent",
                 "之母": "parent", "之子": "child", "之女": "child"}
    changed = {}
    it = iter(spellings.items())
    for i, r in enumerate(rows):
        if r[COL["与户主关系"]] != "户主":
            try:
                spelling, value = next(it)
            except StopIteration:
                break
            rows[i] = set_cell(r, "与户主关系", spelling)
            changed[r[COL["身份证号"]]] = value
    assert len(changed) == len(spellings)
    job = run(login(EDITOR), "全国系统导出.csv", csv_bytes(rows))
    assert job.state == Job.State.SUCCEEDED, messages(job)
    stored = dict(Member.objects.filter(person__id_number__in=changed).values_list("person__id_number", "relation"))
    assert stored == changed


def test_a_spelling_added_by_an_administrator_is_used_by_the_bulk_import(login):
    rows = registry_rows(12, seed=61)
    i = next(i for i, r in enumerate(rows) if r[COL["与户主关系"]] != "户主")
    rows[i] = set_cell(rows[i], "与户主关系", "之重孙子")
    job = run(login(EDITOR), "a.csv", csv_bytes(rows))
    assert job.state == Job.State.FAILED and "“之重孙子”不是可选值" in messages(job)
    response = login("gd_admin").post("/import/aliases/", {"field": "registry.member.relation", "spelling": "之重孙子",
                                                            "value": "孙子女"})
    assert response.status_code == 302
    assert ValueAlias.objects.filter(field="registry.member.relation", spelling="之重孙子", value="grandchild").exists()
    job = run(login(EDITOR), "a.csv", csv_bytes(rows))
    assert job.state == Job.State.SUCCEEDED, messages(job)
    assert Member.objects.get(person__id_number=rows[i][COL["身份证号"]]).relation == "grandchild"


def test_every_missing_required_column_in_one_message_before_any_row(login):
    drop = ("户属性", "识别年度", "主要致贫原因")
    keep = [h for h in HEADERS if h not in drop]
    rows = [[r[COL[h]] for h in keep] for r in registry_rows(30, seed=62)]
    job = run(login(EDITOR), "缺列.csv", csv_bytes(rows, headers=keep))
    assert job.state == Job.State.FAILED
    assert len(job.errors) == 1 and job.errors[0][0] == ""
    assert all(h in job.errors[0][3] for h in drop) and "第 1 行为表头" in job.errors[0][3]


def test_a_file_level_problem_has_no_row_number(login):
    job = run(login(EDITOR), "空.csv", "甲,乙,丙\n1,2,3\n".encode())
    assert job.state == Job.State.FAILED
    assert job.errors == [["", "-", "-", job.message]] and "未找到表头" in job.message


def test_cell_messages_show_the_value(login):
    rows = registry_rows(20, seed=63)
    bad_id = rows[3][COL["身份证号"]][:17] + ("0" if rows[3][COL["身份证号"]][17] != "0" else "1")
    rows[3] = set_cell(rows[3], "身份证号", bad_id)
    other = "女" if rows[5][COL["性别"]] == "男" else "男"
    rows[5] = set_cell(rows[5], "性别", other)
    rows[7] = set_cell(rows[7], "姓名", "长" * 60)
    rows[9] = set_cell(rows[9], "身份证号", rows[1][COL["身份证号"]])
    job = run(login(EDITOR), "值.csv", csv_bytes(rows))
    text = messages(job)
    assert f"5:T:身份证号校验位错误：{bad_id}" in text or f"身份证号校验位错误：{bad_id}" in text, text
    assert f"性别“{other}”，身份证号 {rows[5][COL['身份证号']]}" in text, text
    assert "内容过长（最多 50 个字，实际 60 个字）：" + "长" * 20 in text, text
    assert f"身份证号 {rows[1][COL['身份证号']]} 与第 3 行重复" in text, text
