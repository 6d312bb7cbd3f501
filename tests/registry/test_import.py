"""The registry import: round trips, corrections, every bad-input case, scope. Small files; big ones are in bench/."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from xiezuo.core.models import ChangeRecord, Job
from xiezuo.registry.models import Household, Member, Person, SummaryFigure

from .helpers import COL, QIANNAN, csv_bytes, registry_rows, set_cell, single_sheet_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db
EDITOR = "bijie_dafang"


def run(client, name: str, content: bytes) -> Job:
    response = client.post("/registry/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.content[:500]
    return Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def messages(job: Job) -> str:
    return " | ".join(f"{e[0]}:{e[1]}:{e[3]}" for e in job.errors)


def test_round_trip_then_same_file_writes_nothing(login):
    client = login(EDITOR)
    rows = registry_rows(40)
    job = run(client, "户.csv", csv_bytes(rows))
    assert job.state == Job.State.SUCCEEDED, messages(job) or job.message
    numbers = {r[COL["户编号"]] for r in rows}
    assert Household.objects.filter(number__in=numbers).count() == len(numbers)
    assert Member.objects.filter(household__number__in=numbers).count() == len(rows)
    member = Member.objects.get(person__id_number=rows[0][COL["身份证号"]])
    assert member.id_masked == rows[0][COL["身份证号"]][:4] + "*" * 10 + rows[0][COL["身份证号"]][-4:]
    assert member.household.member_count == sum(1 for r in rows if r[COL["户编号"]] == rows[0][COL["户编号"]])
    assert SummaryFigure.objects.filter(level=3, region_id="520521000000", dimension="total").get().members >= len(rows)
    assert ChangeRecord.objects.filter(job=job, action="import").exists()
    audit, stamp = ChangeRecord.objects.count(), Member.objects.order_by("-updated_at").first().updated_at
    again = run(client, "户.csv", csv_bytes(rows))
    assert again.state == Job.State.SUCCEEDED
    assert "没有任何改动" in again.message
    assert ChangeRecord.objects.count() == audit
    assert Member.objects.order_by("-updated_at").first().updated_at == stamp


def test_corrected_file_updates_by_id_number_and_records_what_changed(login):
    client = login(EDITOR)
    rows = registry_rows(30, seed=8)
    assert run(client, "a.csv", csv_bytes(rows)).state == Job.State.SUCCEEDED
    number = rows[0][COL["户编号"]]
    new_health = "患有大病" if rows[0][COL["健康状况"]] != "患有大病" else "健康"
    new_attribute = "低保贫困户" if rows[0][COL["户属性"]] != "低保贫困户" else "一般贫困户"
    fixed = [set_cell(r, "健康状况", new_health) if r is rows[0] else r for r in rows]
    fixed = [set_cell(r, "户属性", new_attribute) if r[COL["户编号"]] == number else r for r in fixed]
    job = run(client, "a-更正.csv", csv_bytes(fixed))
    assert job.state == Job.State.SUCCEEDED, messages(job)
    member = Member.objects.get(person__id_number=rows[0][COL["身份证号"]])
    assert member.get_health_display() == new_health
    change = ChangeRecord.objects.get(job=job, action="update", object_id=str(member.pk))
    assert change.changes["health"][1] == new_health
    household = Household.objects.get(number=number)
    assert household.get_attribute_display() == new_attribute
    assert ChangeRecord.objects.get(job=job, action="update", object_id=str(household.pk)).changes["attribute"][1] \
        == new_attribute


def test_a_member_left_out_of_a_household_is_removed_with_a_record(login):
    client = login(EDITOR)
    rows = registry_rows(60, seed=9)
    assert run(client, "b.csv", csv_bytes(rows)).state == Job.State.SUCCEEDED
    leaving = next(r for r in rows if r[COL["与户主关系"]] != "户主")
    job = run(client, "b.csv", csv_bytes([r for r in rows if r is not leaving]))
    assert job.state == Job.State.SUCCEEDED
    person = Person.objects.get(id_number=leaving[COL["身份证号"]])
    assert not Member.objects.filter(pk=person.pk).exists()
    assert ChangeRecord.objects.filter(job=job, action="delete", object_id=str(person.pk)).exists()


def test_workbook_sheets_header_variants_and_messy_cells(login):
    rows = registry_rows(24, seed=10)
    first, second = rows[:12], rows[12:]
    while second and second[0][COL["与户主关系"]] != "户主":  # keep households whole on one sheet
        first.append(second.pop(0))
    messy = []
    for i, r in enumerate(first):
        id_ = r[COL["身份证号"]]
        wide = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in id_[:6]) + id_[6:].lower()
        r = set_cell(r, "身份证号", f"  {wide} ")
        r = set_cell(r, "姓名", f" {r[COL['姓名']]}\u3000")
        born = f"{id_[6:10]}-{id_[10:12]}-{id_[12:14]}"
        r = set_cell(r, "出生日期", born if i % 2 else _serial(born))
        messy.append(r)
    headers = list(__import__("tests.registry.helpers", fromlist=["HEADERS"]).HEADERS)
    headers[COL["身份证号"]] = "公民身份號碼"  # Traditional script, a common variant
    job = run(login(EDITOR), "工作簿.xlsx", xlsx_bytes({"一组": messy, "二组": second}, headers=headers))
    assert job.state == Job.State.SUCCEEDED, messages(job)
    for r in rows:
        assert Member.objects.filter(person__id_number=r[COL["身份证号"]].upper()).exists()
    assert Member.objects.get(person__id_number=rows[0][COL["身份证号"]]).name == rows[0][COL["姓名"]]


def _serial(iso: str) -> int:
    import datetime as dt

    return (dt.date.fromisoformat(iso) - dt.date(1899, 12, 30)).days


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "utf-8-sig"])
def test_csv_encodings_and_a_title_row_above_the_header(login, encoding):
    rows = registry_rows(10, seed=12)
    content = csv_bytes(rows, encoding=encoding, before=[["大方县建档立卡贫困人口信息表（合成）"], []])
    job = run(login(EDITOR), "gb.csv", content)
    assert job.state == Job.State.SUCCEEDED, messages(job)
    assert Member.objects.filter(person__id_number=rows[-1][COL["身份证号"]]).exists()


def test_ten_percent_bad_rows_are_all_reported_and_nothing_is_loaded(login):
    rows = registry_rows(100, seed=13)
    bad = {}
    def spoil(i, header, value, expect):
        rows[i] = set_cell(rows[i], header, value)
        bad[i + 2] = expect
    spoil(3, "身份证号", rows[3][COL["身份证号"]][:17] + ("0" if rows[3][COL["身份证号"]][17] != "0" else "1"), "校验位")
    spoil(7, "村代码", "520521999999", "未知的村级行政区划代码")
    spoil(11, "姓名", "", "必填项“姓名”为空")
    spoil(15, "健康状况", "很好", "不是可选值")
    spoil(19, "身份证号", rows[2][COL["身份证号"]], "重复")
    spoil(23, "性别", "女" if rows[23][COL["性别"]] == "男" else "男", "性别与身份证号不符")
    spoil(27, "工资性收入", "三千", "金额")
    spoil(31, "识别年度", "1888", "年度")
    spoil(35, "出生日期", "1990-13-45", "出生日期")
    spoil(39, "身份证号", "5.20521198E+17", "科学计数法")
    before = Household.objects.count()
    job = run(login(EDITOR), "bad.csv", csv_bytes(rows))
    assert job.state == Job.State.FAILED
    assert Household.objects.count() == before
    text = messages(job)
    for row, expect in bad.items():
        assert any(e[0] == row and expect in e[3] for e in job.errors), (row, expect, text)
    assert all(e[1] != "-" and e[2] for e in job.errors if e[0] in bad)
    assert job.error_file
    download = login(EDITOR).get(f"/jobs/{job.pk}/download/errors/")
    assert download.status_code == 200


def test_household_without_head_and_two_heads(login):
    rows = registry_rows(20, seed=14)
    heads = [i for i, r in enumerate(rows) if r[COL["与户主关系"]] == "户主"]
    rows[heads[0]] = set_cell(rows[heads[0]], "与户主关系", "子女")
    second = rows[heads[1] + 1] if heads[1] + 1 < len(rows) and rows[heads[1] + 1][0] == rows[heads[1]][0] else None
    job = run(login(EDITOR), "heads.csv", csv_bytes(rows))
    assert job.state == Job.State.FAILED
    assert "没有户主行" in messages(job)
    assert second is None or True


def test_person_already_in_another_household_is_refused(login):
    client = login(EDITOR)
    rows = registry_rows(12, seed=15)
    assert run(client, "c.csv", csv_bytes(rows)).state == Job.State.SUCCEEDED
    other = registry_rows(4, seed=16)
    intruder = set_cell(other[0], "身份证号", rows[1][COL["身份证号"]])
    job = run(client, "d.csv", csv_bytes([intruder] + other[1:]))
    assert job.state == Job.State.FAILED
    assert "一人不能同时属于两户" in messages(job)


def test_a_clash_with_the_registry_is_reported_on_its_own_sheet(login):
    """A person already registered in another household, on the second sheet of a workbook: the error names that
    sheet, with the row number Excel shows there."""
    from xiezuo.core.tabular import column_letter

    from .helpers import HEADERS

    client = login(EDITOR)
    registered = registry_rows(6, seed=19)
    assert run(client, "c.csv", csv_bytes(registered)).state == Job.State.SUCCEEDED
    first, second = registry_rows(8, seed=20), registry_rows(6, seed=21)
    second[3] = set_cell(second[3], "身份证号", registered[1][COL["身份证号"]])
    job = run(client, "两组.xlsx", xlsx_bytes({"一组": first, "二组": second}))
    assert job.state == Job.State.FAILED
    letter = column_letter(HEADERS.index("身份证号"))
    assert [(e[0], e[1]) for e in job.errors] == [(5, f"二组!{letter}")], messages(job)
    assert "一人不能同时属于两户" in job.errors[0][3]


def test_the_same_person_on_two_sheets_is_reported_on_the_later_sheet(login):
    from xiezuo.core.tabular import column_letter

    from .helpers import HEADERS

    first, second = registry_rows(8, seed=22), registry_rows(6, seed=23)
    for header in ("身份证号", "性别", "出生日期"):
        second[2] = set_cell(second[2], header, first[4][COL[header]])
    job = run(login(EDITOR), "两组.xlsx", xlsx_bytes({"一组": first, "二组": second}))
    assert job.state == Job.State.FAILED
    letter = column_letter(HEADERS.index("身份证号"))
    assert [(e[0], e[1], e[3]) for e in job.errors] == [(4, f"二组!{letter}", f"身份证号 {first[4][COL['身份证号']]} 与工作表“一组”第 6 行重复")]


def test_village_outside_the_users_area_is_refused(login):
    rows = registry_rows(6, villages=QIANNAN, seed=17)
    job = run(login(EDITOR), "e.csv", csv_bytes(rows))
    assert job.state == Job.State.FAILED
    assert "不在您的管辖范围内" in messages(job)
    assert not Household.objects.filter(village_id__in=QIANNAN, number=rows[0][0]).exists()


@pytest.mark.parametrize("name,content,expect", [
    ("empty.csv", b"", "文件为空"),
    ("blank.csv", b"\n\n", "文件为空"),
    ("utf16.csv", b"\x00\x01\x02\x00binary\x00" * 20, "无法识别文件编码"),
    ("latin.csv", "户编号,姓名\n".encode() + bytes(range(0x80, 0xFF)) * 50, "编码"),
    ("fake.xlsx", b"not a zip file at all", "不是有效的 .xlsx"),
    ("header.csv", "户编号,村代码,户属性,主要致贫原因,识别年度,姓名,身份证号,与户主关系\n".encode(), "没有数据行"),
    ("noheader.csv", "甲,乙,丙\n1,2,3\n".encode(), "未找到表头"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "不支持"),
])
def test_unreadable_files_fail_with_a_clear_message(login, name, content, expect):
    if name.endswith(".xls"):
        response = login(EDITOR).post("/registry/import/", {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == 400 and expect in response.content.decode()
        return
    if not content:
        response = login(EDITOR).post("/registry/import/", {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == 400 and expect in response.content.decode()
        return
    job = run(login(EDITOR), name, content)
    assert job.state == Job.State.FAILED
    assert expect in job.message, job.message


def test_zip_bomb_is_refused_before_parsing(login, settings):
    settings.XIEZUO_MAX_XLSX_UNCOMPRESSED_BYTES = 1000
    job = run(login(EDITOR), "bomb.xlsx", single_sheet_xlsx(registry_rows(5)))
    assert job.state == Job.State.FAILED and "压缩炸弹" in job.message


def test_upload_over_the_limit_is_refused_before_reading(login, settings):
    settings.XIEZUO_MAX_UPLOAD_BYTES = 1000
    response = login(EDITOR).post("/registry/import/", {"file": SimpleUploadedFile("big.csv", b"x" * 5000)})
    assert response.status_code == 413


def test_the_command_line_import_uses_the_same_job(user, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "cli.csv"
    rows = registry_rows(8, seed=18)
    path.write_bytes(csv_bytes(rows))
    call_command("importfile", "registry_import", str(path), user=EDITOR)
    assert Member.objects.filter(person__id_number=rows[0][COL["身份证号"]]).exists()
    assert ContentType.objects.get_for_model(Household)


def test_member_rows_may_leave_the_village_to_the_head_row(login):
    rows = registry_rows(12, seed=31)
    relation = COL["与户主关系"]
    blanked = [set_cell(r, "村代码", "") if r[relation] != "户主" else r for r in rows]
    assert any(r[COL["村代码"]] == "" for r in blanked)
    job = run(login(EDITOR), "空村代码.csv", csv_bytes(blanked))
    assert job.state == Job.State.SUCCEEDED, messages(job) or job.message
    assert Member.objects.filter(person__id_number__in=[r[COL["身份证号"]] for r in rows]).count() == len(rows)


def _offset_workbook(rows, number_id_row: int | None = None, blank_after: int = 3) -> bytes:
    """A title row merged across the columns, a blank row, the header on row 3 starting at column B, a blank row
    among the data; optionally one ID number written as a number, as Excel does when the column is not text."""
    import io

    import xlsxwriter

    from .helpers import HEADERS

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = wb.add_worksheet("花名册")
    ws.merge_range(0, 1, 0, len(HEADERS), "大方县建档立卡户花名册")
    ws.write_row(2, 1, HEADERS)
    sheet_row = 3
    for i, row in enumerate(rows):
        if i == blank_after:
            sheet_row += 1  # a blank line in the middle
        for c, value in enumerate(row):
            if i == number_id_row and HEADERS[c] == "身份证号":
                ws.write_number(sheet_row, c + 1, float(value[:17] + "0"))
            elif value not in (None, ""):
                ws.write_string(sheet_row, c + 1, str(value))
        sheet_row += 1
    wb.close()
    return buffer.getvalue()


def test_workbook_rows_and_columns_are_named_as_excel_shows_them(login):
    from xiezuo.core.tabular import column_letter

    from .helpers import HEADERS

    client = login(EDITOR)
    rows = registry_rows(12, seed=12)
    id_letter = column_letter(HEADERS.index("身份证号") + 1)  # column A is empty
    relation_letter = column_letter(HEADERS.index("与户主关系") + 1)
    # Row 5 of the list: sheet row 3 (header) + 5, plus the blank line after the 3rd → sheet row 9.
    bad = [set_cell(r, "与户主关系", "邻居") if i == 4 else r for i, r in enumerate(rows)]
    job = run(client, "花名册.xlsx", _offset_workbook(bad))
    assert job.state == Job.State.FAILED
    assert [(e[0], e[1]) for e in job.errors] == [(9, relation_letter)], messages(job)
    # An ID number stored as a number: the sheet is read cell by cell, reported where it is.
    job = run(client, "花名册.xlsx", _offset_workbook(rows, number_id_row=6))
    assert job.state == Job.State.FAILED
    assert [(e[0], e[1]) for e in job.errors] == [(11, id_letter)], messages(job)
    assert "科学计数法" in job.errors[0][3]
    job = run(client, "花名册.xlsx", _offset_workbook(rows))
    assert job.state == Job.State.SUCCEEDED, messages(job)
    assert Member.objects.filter(person__id_number__in=[r[COL["身份证号"]] for r in rows]).count() == len(rows)


@pytest.mark.parametrize("shared_strings", [False, True])
def test_a_workbook_is_read_in_even_chunks_with_its_row_numbers(tmp_path, shared_strings):
    """Inline strings (a constant-memory writer) or shared strings (as Excel saves): the worksheet scanner reads
    the sheet in blocks, handed on in chunks of the asked size."""
    from xiezuo.registry.importing import reader

    rows = registry_rows(9, seed=13)
    path = tmp_path / "plain.xlsx"
    path.write_bytes(xlsx_bytes({"一组": rows}) if shared_strings else single_sheet_xlsx(rows))
    chunks = list(reader.read_chunks(path, path.name, 4))
    frame = __import__("polars").concat([c for _s, c in chunks])
    assert frame["row"].to_list() == list(range(2, 2 + len(rows)))
    assert frame["id_number"].to_list() == [r[COL["身份证号"]] for r in rows]
    assert frame["name"].to_list() == [r[COL["姓名"]] for r in rows]
    assert [len(c) for _s, c in chunks] == [4, 4, 1]
