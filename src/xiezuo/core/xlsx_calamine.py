"""Worksheets read by calamine when the compiled scanner is not built or is switched off (see xlsxscan.py).

The sheet's XML is inflated and cut into blocks of whole rows exactly as for the scanner (`xlsxscan._blocks`,
with its caps); each block is wrapped into a small workbook of its own (the sheet's root element, the rows, no
styles part, so a date stays its serial number) that calamine reads. Shared-string cells are first written as
the inline strings they stand for (`<si>` and `<is>` have the same content), so calamine never holds the
workbook's shared strings; error cells and CDATA are rewritten as the scanner reads them, and a row calamine
cannot read is found by halving the block, for the scanner's message. The frames are the scanner's.
"""

from __future__ import annotations

import io
import re
import zipfile
from array import array
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import polars as pl

from .xlsxscan import _ROW_NUMBER, SheetError, _blocks

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ROOT = re.compile(rb"<(\w+:)?worksheet\b[^>]*>")
_FIRST_ROW = re.compile(rb"<(\w+:)?row[\s/>]")
_MINI_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
    'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>',
}


class XmlStrings:
    """The shared strings part as XML (capped), for the calamine reader. Calamine is not given the part (it would
    hold every string as an object of its own, per block): each shared-string cell of a block is rewritten as
    the inline string it stands for, whose content model is the same (`<si>…</si>` → `<is>…</is>`); only the
    positions of the strings are kept beside the XML. `get` decodes one string for the header rows."""

    def __init__(self, xml: bytes):
        self.xml = xml
        self._cache: list[str] = []
        self._bounds: array | None = None

    def get(self, index: int) -> str | None:
        if index >= len(self._cache):  # decoded up to the index asked for (headers use the first strings)
            self._cache = _decode_strings(self.xml, index + 1)
        return self._cache[index] if 0 <= index < len(self._cache) else None

    def bounds(self) -> array:
        """Start and end of the content of every string, in pairs (16 bytes a string)."""
        if self._bounds is None:
            bounds = array("q")
            for match in _SI.finditer(self.xml):
                if match.group(2) is None:
                    bounds += array("q", (match.end(), match.end()))  # <si/>
                else:
                    bounds += array("q", (match.start(2), match.end(2)))
            self._bounds = bounds
        return self._bounds

    def inline(self, rows: bytes, prefix: bytes) -> bytes:
        """`rows` with every shared-string cell written as an inline string; an index with no string is left
        as it is (calamine then refuses it, as the scanner does)."""
        if not self.xml or b't="s"' not in rows:
            return rows
        bounds, xml = self.bounds(), self.xml
        count = len(bounds) // 2
        is_open, is_close = b"<" + prefix + b"is>", b"</" + prefix + b"is></" + prefix + b"c>"

        def swap(m: re.Match) -> bytes:
            index = int(m.group(3))
            if index >= count:
                return m.group(0)
            return b"".join((b"<", prefix, b"c", m.group(1), b' t="inlineStr"', m.group(2), b">", is_open,
                             xml[bounds[2 * index]:bounds[2 * index + 1]], is_close))

        return _shared_cell(prefix).sub(swap, rows)


_SI = re.compile(rb"<(\w+:)?si(?:\s[^>]*)?(?:/>|>(.*?)</(?:\w+:)?si>)", re.S)


@lru_cache(maxsize=4)
def _shared_cell(prefix: bytes) -> re.Pattern:
    p = re.escape(prefix)
    return re.compile(rb"<" + p + rb"c\b([^>]*?)\st=\"s\"([^>]*)>\s*<" + p + rb"v>\s*(\d+)\s*</" + p + rb"v>\s*</" + p
                      + rb"c>")


def _decode_strings(xml: bytes, count: int) -> list[str]:
    """The first `count` shared strings: the text of their runs, phonetic runs left out, Excel's `_xHHHH_`
    escapes decoded."""
    from xml.etree import ElementTree

    out: list[str] = []
    if not xml:
        return out
    for _event, el in ElementTree.iterparse(io.BytesIO(xml)):
        if el.tag.rsplit("}", 1)[-1] != "si":
            continue
        parts = []
        for child in el:
            local = child.tag.rsplit("}", 1)[-1]
            if local == "t":
                parts.append(child.text or "")
            elif local == "r":
                parts += [t.text or "" for t in child if t.tag.rsplit("}", 1)[-1] == "t"]
        out.append(_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), "".join(parts)))
        el.clear()
        if len(out) >= count:
            break
    return out


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _mini_workbook(root: bytes, prefix: bytes, rows: bytes) -> io.BytesIO:
    """A workbook of one sheet holding `rows` (whole row elements, shared strings written inline), stored
    uncompressed in memory. No styles part: a date stays its serial number, as the scanner gives it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, text in _MINI_PARTS.items():
            zf.writestr(name, text)
        zf.writestr("xl/worksheets/sheet1.xml", b"".join((
            root, b"<", prefix, b"sheetData>", rows, b"</", prefix, b"sheetData></", prefix, b"worksheet>")))
    buf.seek(0)
    return buf


def _cell_text(value) -> str | None:
    """A calamine value as the scanner writes it."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else str(value)
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "toordinal"):  # a date (only with a styles part, which the small workbook does not have)
        import datetime as dt

        day = value.toordinal() - dt.date(1899, 12, 30).toordinal()
        seconds = value.hour * 3600 + value.minute * 60 + value.second if hasattr(value, "hour") else 0
        return _cell_text(day + seconds / 86400)
    return str(value)


def read_sheet(path: Path, part: str, columns: dict[str, int], after_row: int, strings: XmlStrings,
                    sheet: str) -> Iterator[pl.DataFrame]:
    root = None
    last = 0  # the last row number read: rows without a number follow it, as in the scanner
    with zipfile.ZipFile(path) as zf:
        for prefix, block in _blocks(path, zf, part, sheet):
            if root is None:
                match = _ROOT.search(block[:1 << 20])
                root = match.group(0) if match else f'<worksheet xmlns="{_MAIN_NS}">'.encode()
            start = _FIRST_ROW.search(block)
            end = block.rfind(b"</" + prefix + b"row>")
            _no_open_row(block[max(0, end):] if end >= 0 else block, prefix, last)
            if start is None or end < start.start():
                continue
            rows = strings.inline(_plain(block[start.start():end + len(prefix) + 6]), prefix)
            del block
            values, first_row, first_col = _calamine_rows(root, prefix, rows, strings, last)
            del rows
            last = max(last, first_row + len(values)) if values else last
            frame = _frame_of(values, first_row, first_col, columns, after_row)
            if frame.height:
                yield frame


_CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.S)
_OPEN_ROW = re.compile(rb"<(\w+:)?row(\s[^>]*)?>")


def _plain(rows: bytes) -> bytes:
    """What calamine reads differently from the scanner, rewritten: an error cell (#N/A) is its text, CDATA is
    escaped text."""
    if b't="e"' in rows:
        rows = rows.replace(b't="e"', b't="str"')
    if b"<![CDATA[" in rows:
        rows = _CDATA.sub(lambda m: m.group(1).replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;"),
                          rows)
    return rows


def _no_open_row(tail: bytes, prefix: bytes, last: int) -> None:
    """A row opened after the last row end and never closed: refused as the scanner refuses it."""
    for match in _OPEN_ROW.finditer(tail):
        if match.group(0).endswith(b"/>") or (match.group(1) or b"") != prefix:
            continue
        number = _ROW_NUMBER.match(match.group(0))
        raise SheetError(f"malformed worksheet XML (row {int(number.group(1)) if number else last + 1})")


def _calamine_rows(root: bytes, prefix: bytes, rows: bytes, strings: XmlStrings,
                   last: int) -> tuple[list[list], int, int]:
    """(rows of values, first row index, first column index) of whole row elements, read by calamine."""
    from python_calamine import CalamineWorkbook

    def read(xml: bytes):
        if last:  # an empty row carrying the number reached, for rows that do not give theirs
            xml = b"<" + prefix + b'row r="' + str(last).encode() + b'"/>' + xml
        ws = CalamineWorkbook.from_filelike(_mini_workbook(root, prefix, xml)).get_sheet_by_index(0)
        values = ws.to_python(skip_empty_area=True)
        return values, *(ws.start or (0, 0))

    try:
        return read(rows)
    except Exception as exc:  # calamine raises its own error types for XML it cannot read
        raise SheetError(_locate(rows, prefix, last, exc, read)) from None


def _locate(rows: bytes, prefix: bytes, last: int, exc: Exception, read) -> str:
    """The scanner's message for the first row calamine cannot read, found by halving the block (error path
    only)."""
    ends = [m.end() for m in re.finditer(rb"</" + re.escape(prefix) + rb"row>", rows)]
    lo, hi = 0, len(ends) - 1  # the first index whose prefix fails lies in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        try:
            read(rows[:ends[mid]])
            lo = mid + 1
        except Exception:  # noqa: BLE001 - any failure means the bad row is in this half
            hi = mid
    begin = ends[lo - 1] if lo else 0
    number = _ROW_NUMBER.search(rows, begin, begin + 4096)
    row = int(number.group(1)) if number and number.start() - begin < 200 else last + lo + 1
    if "string index" in str(exc).lower():
        return f"shared string index out of range (row {row})"
    return f"malformed worksheet XML (row {row})"


def _frame_of(values: list[list], first_row: int, first_col: int, columns: dict[str, int],
              after_row: int) -> pl.DataFrame:
    """The wanted columns of calamine's rows as text, rows without a wanted value left out."""
    skip = max(0, after_row - first_row)
    numbers = list(range(first_row + 1 + skip, first_row + 1 + len(values)))
    out = {}
    for key, col in columns.items():
        rel = col - first_col
        out[key] = [_cell_text(r[rel]) if 0 <= rel < len(r) else None for r in values[skip:]] if rel >= 0 else (
            [None] * len(numbers))
    frame = pl.DataFrame({"row": pl.Series(numbers, dtype=pl.Int64),
                          **{k: pl.Series(v, dtype=pl.String) for k, v in out.items()}})
    return frame.filter(pl.any_horizontal(pl.col(k).is_not_null() for k in columns)) if columns else frame


