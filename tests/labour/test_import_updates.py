"""Export, edit, import: a list sent again changes nothing; a corrected list updates the stored rows (by the
natural key or the exported 编号), for employment, a roster and a non-labour type; with errors by row and column
and nothing written when any row is wrong."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.base import csv_bytes, upload
from tests.labour.helpers import ident
from xiezuo.core.jobs import Job
from xiezuo.core.models import ChangeRecord
from xiezuo.labour.models import Employment, Trainee, TrainingClass
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db


def run_import(client, url: str, content: bytes, name: str = "名单.csv") -> Job:
    answer = client.post(url, {"file": upload(name, content)})
    assert answer.status_code == 302, answer.content[:500]
    return Job.objects.get(pk=answer.url.rstrip("/").split("/")[-1])


def changes_of(model) -> int:
    return ChangeRecord.objects.filter(content_type=ContentType.objects.get_for_model(model)).count()


def workers(months: dict[int, int] | None = None, end: dict[int, str] | None = None) -> list[dict]:
    months, end = months or {}, end or {}
    return [{"身份证号*": ident("520521", "19940404", 900 + i), "姓名*": f"更新测试{i}", "户籍地区*": "520521000000",
             "就业地*": "东部帮扶省份", "就业开始日期*": "2020-05-01", "稳定就业月数": months.get(i, 3),
             "就业结束日期": end.get(i, "")} for i in range(4)]


def test_an_employment_list_sent_again_changes_nothing_and_a_corrected_one_updates(login):
    client = login("bijie_dafang")
    url = "/labour/employment/import/"
    job = run_import(client, url, csv_bytes(workers(), "utf-8-sig"))
    assert job.state == Job.State.SUCCEEDED, job.errors
    stored = Employment.objects.filter(person__id_number__startswith="52052119940404")
    assert stored.count() == 4
    rows, changes = stored.count(), changes_of(Employment)

    again = run_import(client, url, csv_bytes(workers(), "utf-8-sig"))
    assert again.state == Job.State.FAILED and "完全相同" in again.message
    assert stored.count() == rows and changes_of(Employment) == changes

    fixed = run_import(client, url, csv_bytes(workers(months={1: 9}, end={2: "2020-12-31"}), "utf-8-sig"))
    assert fixed.state == Job.State.SUCCEEDED, fixed.errors
    assert "更新 2 条" in fixed.message and "2 条与系统中相同" in fixed.message
    assert stored.count() == rows
    assert stored.get(person__id_number=ident("520521", "19940404", 901)).months_stable == 9
    ended = stored.get(person__id_number=ident("520521", "19940404", 902))
    assert str(ended.end) == "2020-12-31" and ended.version == 2
    update = ChangeRecord.objects.get(object_id=str(ended.pk), action="update")
    assert update.changes["end"] == [None, "2020-12-31"] and update.job_id == fixed.pk

    # A corrected file with a bad row: nothing of it is written, the row and column are named.
    bad = workers(months={0: 12}, end={3: "2019-01-01"})
    refused = run_import(client, url, csv_bytes(bad, "utf-8-sig"))
    assert refused.state == Job.State.FAILED
    assert [(e[0], e[2]) for e in refused.errors] == [(5, "就业结束日期")]
    assert stored.get(person__id_number=ident("520521", "19940404", 900)).months_stable == 3


def test_a_roster_sent_again_updates_completion_and_refuses_the_same_person_twice(login):
    klass = TrainingClass.objects.create(name="花名册更新测试班", programme_id="广东技工", region_id="520521000000",
                                         start="2021-03-01", planned=10)
    client = login("bijie_dafang")
    url = "/labour/trainee/import/"

    def roster(completion: dict[int, str] | None = None) -> list[dict]:
        return [{"培训班*": klass.pk, "身份证号*": ident("520521", "19950505", 300 + i), "姓名*": f"学员{i}",
                 "结业情况": (completion or {}).get(i, "结业")} for i in range(3)]

    first = run_import(client, url, csv_bytes(roster(), "utf-8-sig"))
    assert first.state == Job.State.SUCCEEDED, (first.message, first.errors)
    again = run_import(client, url, csv_bytes(roster(), "utf-8-sig"))
    assert again.state == Job.State.FAILED and Trainee.objects.filter(training_class=klass).count() == 3
    fixed = run_import(client, url, csv_bytes(roster({2: "中途退出"}), "utf-8-sig"))
    assert fixed.state == Job.State.SUCCEEDED and "更新 1 条" in fixed.message
    assert Trainee.objects.get(training_class=klass, name="学员2").completion != "completed"
    twice = roster() + [dict(roster()[0], **{"姓名*": "重复学员"})]
    refused = run_import(client, url, csv_bytes(twice, "utf-8-sig"))
    assert refused.state == Job.State.FAILED and any("与第 2 行重复" in e[3] and e[0] == 5 for e in refused.errors)


def test_an_exported_organisation_list_edited_and_imported_updates_by_its_number(login, user):
    from xiezuo.core.services import create_record

    editor = user("bijie_dafang")
    for name in ("导出更新测试甲", "导出更新测试乙"):
        create_record(Organisation, {"name": name, "kind": "enterprise", "region_id": "520521000000", "note": "旧"},
                      editor)
    client = login("bijie_dafang")
    answer = client.get("/partners/organisation/export/", {"format": "csv", "q": "导出更新测试"})
    job = Job.objects.get(pk=answer.url.rstrip("/").split("/")[-1])
    content = b"".join(client.get(f"/jobs/{job.pk}/download/result/").streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    header, body = rows[0], rows[1:]
    assert header[-1] == "编号" and len(body) == 2
    count, changes = Organisation.objects.count(), changes_of(Organisation)

    # Sent back as exported: nothing changes.
    same = run_import(client, "/partners/organisation/import/", content.encode("utf-8-sig"), "单位.csv")
    assert same.state == Job.State.FAILED and "完全相同" in same.message
    assert changes_of(Organisation) == changes

    # One note corrected, and the name of the other changed too: both rows update their record (by number).
    note, name = header.index("备注"), header.index("单位名称")
    body[0][note] = "新备注"
    body[1][name] = "导出更新测试乙更名"
    out = io.StringIO()
    csv.writer(out).writerows([header, *body])
    done = run_import(client, "/partners/organisation/import/", out.getvalue().encode("utf-8-sig"), "单位.csv")
    assert done.state == Job.State.SUCCEEDED, done.errors
    assert Organisation.objects.count() == count and "更新 2 条" in done.message
    assert Organisation.objects.get(pk=int(body[0][-1])).note == "新备注"
    assert Organisation.objects.get(pk=int(body[1][-1])).name == "导出更新测试乙更名"
    assert changes_of(Organisation) == changes + 2
