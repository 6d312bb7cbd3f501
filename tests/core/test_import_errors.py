"""Every bad file gets a Chinese message with row and column, and changes nothing."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.base import csv_bytes, upload, xlsx_bytes
from xiezuo.core.models import Job
from xiezuo.core.registry import for_model
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db
RT = for_model(Organisation)


def run(client, name, content) -> Job:
    response = client.post(RT.url("import"), {"file": upload(name, content)})
    assert response.status_code == 302, response.content[:300]
    return Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def row(name="导入错误测试企业", kind="企业", region="520521000000", **extra):
    return {"单位名称": name, "单位类型": kind, "所在地区": region, **extra}


@pytest.fixture
def client(login):
    return login("bijie_dafang")


def assert_nothing_changed(before):
    assert Organisation.objects.count() == before


def test_unknown_region_code_names_row_and_column(client):
    before = Organisation.objects.count()
    job = run(client, "a.xlsx", xlsx_bytes([row(), row(name="第二家", region="520599123000")]))
    assert job.state == Job.State.FAILED
    assert [3, "C", "所在地区"] == job.errors[0][:3]
    assert "未知的行政区划" in job.errors[0][3]
    assert_nothing_changed(before)


def test_bad_date_is_reported(login):
    client = login("qiannan")
    rows = [{"结对类型": "区对县", "帮扶方地区": "440103000000", "受援方地区": "522701000000", "开始日期": "2021年2月30日"}]
    response = client.post(for_model(__import__("xiezuo.partners.models", fromlist=["Pairing"]).Pairing).url("import"),
                           {"file": upload("p.csv", csv_bytes(rows))})
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.FAILED
    assert job.errors[0][0] == 2 and job.errors[0][2] == "开始日期"
    assert "日期" in job.errors[0][3]


def test_duplicate_within_file_and_against_database(client):
    before = Organisation.objects.count()
    job = run(client, "d.csv", csv_bytes([row(), row(), row(name="大方县东西部协作工作办公室")]))
    assert job.state == Job.State.FAILED
    messages = {e[0]: e[3] for e in job.errors}
    assert "与第 2 行重复" in messages[3]
    assert "已存在" in messages[4]
    assert_nothing_changed(before)


def test_unknown_choice_lists_the_allowed_values(client):
    job = run(client, "c.csv", csv_bytes([row(kind="农场")]))
    assert job.state == Job.State.FAILED
    assert "不是可选值" in job.errors[0][3] and "企业" in job.errors[0][3]


def test_gb18030_csv_is_read(client):
    job = run(client, "g.csv", csv_bytes([row(name="大方县编码测试企业")], "gb18030"))
    assert job.state == Job.State.SUCCEEDED, job.errors
    assert Organisation.objects.filter(name="大方县编码测试企业").exists()


def test_traditional_script_and_full_width_are_accepted(client):
    job = run(client, "t.csv", csv_bytes([row(name="大方縣繁體測試企業", kind="企業", region="５２０５２１００００００")]))
    assert job.state == Job.State.SUCCEEDED, job.errors


@pytest.mark.parametrize("content, expected", [
    ("单位名称,单位类型\n".encode("utf-16-le"), "编码"),
    (b"\xc3\x28\x80\xff\xfe\x81\x30", "编码"),
])
def test_wrong_encoding(client, content, expected):
    before = Organisation.objects.count()
    job = run(client, "e.csv", content)
    assert job.state == Job.State.FAILED and expected in job.message
    assert_nothing_changed(before)


def test_corrupt_xlsx(client):
    job = run(client, "broken.xlsx", b"PK\x03\x04 this is not really a workbook")
    assert job.state == Job.State.FAILED
    assert ".xlsx" in job.message


def test_zip_that_is_not_a_workbook(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("hello.txt", "hi")
    job = run(client, "zip.xlsx", buffer.getvalue())
    assert job.state == Job.State.FAILED and "不是 Excel" in job.message


def test_truncated_xlsx(client):
    content = xlsx_bytes([row()])
    job = run(client, "cut.xlsx", content[: len(content) // 2])
    assert job.state == Job.State.FAILED
    assert "xlsx" in job.message


def test_header_only_file(client):
    job = run(client, "h.csv", "单位名称,单位类型,所在地区\n".encode())
    assert job.state == Job.State.FAILED and "没有数据" in job.message


def test_unsupported_type_is_refused_on_the_page(client):
    response = client.post(RT.url("import"), {"file": upload("a.pdf", b"%PDF")})
    assert response.status_code == 400
    assert "不支持的文件类型" in response.content.decode()


def test_upload_over_the_limit_is_refused_before_reading(client, settings):
    settings.XIEZUO_MAX_UPLOAD_BYTES = 1024
    response = client.post(RT.url("import"), {"file": upload("big.csv", b"x" * 4096)})
    assert response.status_code == 413
    assert "文件过大" in response.content.decode()


def test_headers_in_traditional_with_stars_and_spaces(client):
    rows = [{" 單位名稱* ": "大方县表头测试企业", "單位類型": "企业", "所在地區": "520521000000", "备注列（无用）": "x"}]
    job = run(client, "hdr.csv", csv_bytes(rows))
    assert job.state == Job.State.SUCCEEDED, job.errors
    assert any("备注列" in h for h in job.summary["ignored_columns"])


def test_an_export_with_records_sharing_a_natural_key_imports_again_as_updates(login, user):
    """Two draft projects of one name in one county (the ledger holds such pairs): exported, a note edited on
    each, imported again — each row updates the record its 编号 names, none is refused as a duplicate."""
    import datetime as dt

    from python_calamine import CalamineWorkbook

    from tests.base import xlsx_bytes
    from xiezuo.core.services import create_record
    from xiezuo.industry.models import Project

    editor = user("qiannan")
    twins = [create_record(Project, {"name": "同名项目导入测试", "region_id": "522701000000", "kind": "base",
                                     "agreed_on": dt.date(2020, 5, 1), "note": ""}, editor) for _ in range(2)]
    client = login("qiannan")
    response = client.get("/industry/project/export/", {"format": "xlsx", "q": "同名项目导入测试"})
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.SUCCEEDED, job.message
    body = b"".join(client.get(f"/jobs/{job.pk}/download/result/").streaming_content)
    header, *rows = CalamineWorkbook.from_filelike(io.BytesIO(body)).get_sheet_by_index(0).to_python()
    assert len(rows) == 2 and header[-1] == "编号"
    edited = []
    for values in rows:
        record = dict(zip(header, values, strict=True))
        record["备注"] = f"第 {int(record['编号'])} 号已核对"
        edited.append(record)
    response = client.post("/industry/project/import/", {"file": upload("同名.xlsx", xlsx_bytes(edited))})
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.SUCCEEDED, (job.message, job.errors)
    for twin in twins:
        twin.refresh_from_db()
        assert twin.note == f"第 {twin.pk} 号已核对"
    assert Project.objects.filter(name="同名项目导入测试").count() == 2
