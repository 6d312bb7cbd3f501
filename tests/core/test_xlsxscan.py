"""The worksheet readers against what Excel writers put in a workbook, and against calamine as the reference.

Every test runs twice: with the compiled scanner and with the calamine reader that replaces it when it is not
built or is switched off (`XIEZUO_XLSX_SCANNER=0`); both must give the same frames and the same messages."""

from __future__ import annotations

import threading
import time
import zipfile
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from xiezuo.core import xlsxscan

PART = "xl/worksheets/sheet1.xml"


@pytest.fixture(params=["scanner", "calamine"], autouse=True)
def reader(request, monkeypatch):
    monkeypatch.setenv("XIEZUO_XLSX_SCANNER", "1" if request.param == "scanner" else "0")
    assert xlsxscan.scanner_enabled() is (request.param == "scanner")
    return request.param


def read(path: Path, columns: dict[str, int], after_row: int = 0) -> pl.DataFrame:
    with zipfile.ZipFile(path) as zf:
        strings = xlsxscan.shared_strings(path, zf)
    frames = list(xlsxscan.read_sheet(path, PART, columns, after_row, strings))
    return pl.concat(frames) if frames else pl.DataFrame()


def workbook(tmp_path: Path, rows: list[list], constant_memory: bool = False, name: str = "t.xlsx") -> Path:
    path = tmp_path / name
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory, "strings_to_numbers": False})
    ws = wb.add_worksheet("表")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, bool):
                ws.write_boolean(r, c, value)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    wb.close()
    return path


def raw_workbook(tmp_path: Path, sheet_xml: str, strings_xml: str | None = None) -> Path:
    """A minimal workbook around hand-written sheet XML, as some writers produce it."""
    path = tmp_path / "raw.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(PART, sheet_xml)
        if strings_xml is not None:
            zf.writestr("xl/sharedStrings.xml", strings_xml)
    return path


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), min_size=1,
               max_size=30).filter(lambda s: s.strip() == s and "_x" not in s)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=20),
       constant_memory=st.booleans())
def test_text_cells_read_as_calamine_reads_them(tmp_path_factory, rows, constant_memory):
    """Shared strings (as Excel saves) or inline strings (a constant-memory writer), any Unicode text with XML's
    special characters: the same text as calamine gives."""
    path = workbook(tmp_path_factory.mktemp("x"), rows, constant_memory)
    frame = read(path, {"a": 0, "b": 1, "c": 2})
    expected = [[str(v) for v in row] for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()]
    assert frame.select("a", "b", "c").rows() == [tuple(r) for r in expected]
    assert frame["row"].to_list() == list(range(1, len(rows) + 1))


def test_numbers_booleans_and_empty_cells(tmp_path):
    rows = [["户编号", "金额", "年度", "是否"],
            ["A1", 2508.5, 2016, True],
            ["A2", 16289, 2019.0, False],
            ["A3", 520502194901010012, 1e16, None],
            [None, None, None, None],  # blank: left out, its number not reused
            ["A5", -3, 0.1, None],
            ["A6", 123456789012345, None, None]]
    frame = read(workbook(tmp_path, rows), {"n": 0, "m": 1, "y": 2, "b": 3}, after_row=1)
    assert frame.rows() == [
        (2, "A1", "2508.5", "2016", "TRUE"),
        (3, "A2", "16289", "2019", "FALSE"),
        (4, "A3", str(float(520502194901010012)), "1e+16", None),
        (6, "A5", "-3", "0.1", None),
        (7, "A6", "123456789012345", None, None),
    ]
    # An ID number Excel turned into a number reads as Python writes that float, which the validation names.
    assert frame["m"][2] == "5.2050219490101e+17"


def test_rich_text_formulas_dates_and_wanted_columns_only(tmp_path):
    import datetime as dt

    path = tmp_path / "rich.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    bold = wb.add_format({"bold": True})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_rich_string(0, 0, "张", bold, "三", "丰")
    ws.write_formula(0, 1, "=1+1", None, 2)
    ws.write_formula(0, 2, '="户"&"主"', None, "户主")
    ws.write_datetime(0, 3, dt.datetime(1980, 5, 1), date)
    ws.write_string(0, 4, "not wanted")
    wb.close()
    frame = read(path, {"name": 0, "sum": 1, "text": 2, "born": 3})
    assert frame.rows() == [(1, "张三丰", "2", "户主", "29342")]  # a date is its serial number


def test_hand_written_xml_without_positions_with_prefix_entities_and_escapes(tmp_path):
    sheet = """<?xml version="1.0"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>A&amp;B &lt;1&gt; &#x4E2D;&#25991;</x:t></x:is></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>
<x:row r="3"><x:c r="B3" t="str"><x:v><![CDATA[a<b]]></x:v></x:c><x:c r="A3" t="e"><x:v>#N/A</x:v></x:c></x:row>
<x:row r="4" spans="1:2"><x:c r="A4" t="s"><x:v>0</x:v></x:c><x:c r="B4"/></x:row>
</x:sheetData><x:rowBreaks count="1"><x:brk id="2"/></x:rowBreaks></x:worksheet>"""
    strings = """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<si><t xml:space="preserve">line_x000D__x000A_two</t></si>
<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si></sst>"""
    frame = read(raw_workbook(tmp_path, sheet, strings), {"a": 0, "b": 1})
    assert frame.rows() == [(1, "A&B <1> 中文", "富文本"), (3, "#N/A", "a<b"), (4, "line\r\ntwo", None)]


@pytest.mark.parametrize("xml,where", [
    ('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>open', "row 1"),
    ('<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>', "shared string index"),
    ('<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>', "row 1"),
    ('<sheetData><row r="1"><c r="A1" t="str"><v>&bogus;</v></c></row></sheetData>', "row 1"),
])
def test_broken_xml_is_an_error_not_a_guess(tmp_path, xml, where):
    path = raw_workbook(tmp_path, xml)
    with pytest.raises(xlsxscan.SheetError, match=where):
        read(path, {"a": 0})


def test_a_sheet_across_many_blocks_reads_as_one(tmp_path, monkeypatch):
    rows = [[f"户{i}", f"{i}号", "x" * (i % 7)] for i in range(3000)]
    path = workbook(tmp_path, rows, constant_memory=True)
    whole = read(path, {"a": 0, "b": 1, "c": 2})
    monkeypatch.setattr(xlsxscan, "BLOCK_BYTES", 4096)
    blocks = read(path, {"a": 0, "b": 1, "c": 2})
    assert blocks.height == whole.height == 3000
    assert blocks.equals(whole)
    assert blocks["c"].null_count() == 3000 // 7 + 1


def test_a_reader_that_stops_early_stops_the_threads(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsxscan, "BLOCK_BYTES", 4096)
    path = workbook(tmp_path, [[f"户{i}", "甲"] for i in range(5000)], constant_memory=True)
    with zipfile.ZipFile(path) as zf:
        strings = xlsxscan.shared_strings(path, zf)
    frames = xlsxscan.read_sheet(path, PART, {"a": 0}, 0, strings)
    next(frames)
    frames.close()
    # The reading threads see the stop at their next block; on a busy machine that may take a moment.
    deadline = time.monotonic() + 10
    while [t for t in threading.enumerate() if t.name.startswith("xlsx-")] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [t for t in threading.enumerate() if t.name.startswith("xlsx-")]


def test_only_deflated_or_stored_members_are_inflated_here(tmp_path):
    source = workbook(tmp_path, [["甲", "乙"], ["丙", "丁"]])
    stored = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename))
    bz = tmp_path / "bzip2.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bz, "w", zipfile.ZIP_BZIP2) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename))
    for path in (source, stored, bz):
        assert read(path, {"a": 0, "b": 1}).rows() == [(1, "甲", "乙"), (2, "丙", "丁")], path.name


TOKENS = st.sampled_from(['<row r="2">', "<row>", "</row>", '<c r="A2" t="s">', '<c r="B2" t="inlineStr">', "<c>",
                          '<c r="ZZZZ9">', '<c t="b">', "</c>", "<c/>", "<v>", "</v>", "<is>", "</is>", "<t>", "</t>",
                          "<t/>", "<r>", "</r>", "<rPh>", "</rPh>", "<f>", "</f>", "<![CDATA[", "]]>", "&amp;", "&#x4E2D;",
                          "&#99999999;", "&", ";", "_x000D_", "_x", "1", "0", "-", "E+17", "甲", '"', "'", " r=", ">",
                          "<", "/"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TOKENS, max_size=60), st.lists(st.integers(0, 3), min_size=1, max_size=3, unique=True))
def test_any_sequence_of_sheet_xml_pieces_is_read_or_refused(pieces, wanted):
    """Whatever the bytes, the scanner returns or raises ValueError: it never reads outside its buffers."""
    from xiezuo.core import _xlsxscan

    offsets = b"".join(i.to_bytes(8, "little") for i in (0, 1, 3))
    try:
        rows, count, _last, columns = _xlsxscan.scan("".join(pieces).encode(), tuple(wanted), 0, b"", offsets,
                                                     b"ab\xe4\xb8", 0)
    except ValueError:
        return
    assert len(rows) == 8 * count and len(columns) == len(wanted)
