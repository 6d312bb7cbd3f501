"""Read a registry file as a stream of polars chunks with canonical column names and file row numbers.

CSV: UTF-8 (with or without BOM), GB18030/GBK or UTF-16, transcoded on the fly
to UTF-8 when needed, then scanned by polars in batches. XLSX: every sheet
whose header row is recognised (a title row or merged group cells above it
are skipped), read by the worksheet scanner of `core.xlsxscan` (calamine when
the scanner is not built or switched off). All values arrive as text.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import polars as pl
from django.utils.translation import gettext as _

from xiezuo.core import xlsxscan
from xiezuo.core.tabular import FileProblem, check_xlsx, column_index, column_letter, detect_encoding

from .columns import BY_KEY, COLUMNS, match_header

HEADER_SEARCH_ROWS = 20


@dataclass
class Sheet:
    """Where a block of data came from and how its columns map to keys."""

    label: str  # "" for a CSV or a single-sheet workbook
    header_row: int  # 1-based row of the header
    columns: dict[str, int]  # key → 0-based column index
    headers: dict[str, str]  # key → header text as written
    ignored: list[str] = field(default_factory=list)

    def where(self, key: str) -> tuple[str, str]:
        """(column letter, header) of a key, for error messages."""
        if key not in self.columns:
            return "-", BY_KEY[key].header if key in BY_KEY else key
        letter = column_letter(self.columns[key])
        return (f"{self.label}!{letter}" if self.label else letter), self.headers[key]


def find_header(rows: list[list]) -> tuple[int, dict[str, int], dict[str, str], list[str]] | None:
    """The first row that names the ID number and at least two other known columns."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        headers: dict[str, str] = {}
        ignored: list[str] = []
        for col, cell in enumerate(row):
            if cell in (None, ""):
                continue
            key = match_header(str(cell))
            if key and key not in found:
                found[key] = col
                headers[key] = str(cell).strip()
            else:
                ignored.append(str(cell).strip())
        if "id_number" in found and len(found) >= 3:
            return index, found, headers, ignored
    return None


def check_columns(sheet: Sheet) -> None:
    """Every required column is there, or one message names all that are missing, before any row is read."""
    missing = [c.header for c in COLUMNS if c.required and c.key not in sheet.columns]
    if missing:
        where = _("工作表“%(name)s”") % {"name": sheet.label} if sheet.label else _("文件")
        raise FileProblem(where + _("缺少必填列：%(columns)s（第 %(row)s 行为表头）。请使用导入模板，或补上这些列后重新上传。")
                          % {"columns": "、".join(missing), "row": sheet.header_row})


# --- CSV ---------------------------------------------------------------------

def _utf8_copy(path: Path, encoding: str, skip: int, tmp: Path) -> Path:
    """Transcode to UTF-8 in 1 MB steps, so that polars can scan it. Refuses mixed encodings."""
    target = tmp / "utf8.csv"
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with open(path, "rb") as src, open(target, "wb") as dst:
        src.read(skip)
        while block := src.read(1 << 20):
            try:
                dst.write(decoder.decode(block).encode("utf-8"))
            except UnicodeDecodeError as exc:
                raise FileProblem(_("文件编码不一致：第 %(offset)s 字节附近无法按 %(encoding)s 解码。请统一另存为 UTF-8 后重新上传。")
                                  % {"offset": offset + exc.start, "encoding": encoding.upper()}) from None
            offset += len(block)
        dst.write(decoder.decode(b"", final=True).encode("utf-8"))
    return target


def read_csv(path: Path, chunk_rows: int, tmp: Path) -> Iterator[tuple[Sheet, pl.DataFrame]]:
    encoding, skip = detect_encoding(path)  # the whole file decodes in it
    if encoding != "utf-8":
        path, skip = _utf8_copy(path, encoding, skip, tmp), 0
    with open(path, "rb") as fh:
        head = fh.read(65536)
    text = head[skip:].decode("utf-8", errors="ignore")
    first_lines = text.splitlines()[:HEADER_SEARCH_ROWS]
    if not any(line.strip(" ,\t;") for line in first_lines):
        raise FileProblem(_("文件为空。"))
    sample = "\n".join(first_lines)
    separator = max((",", "\t", ";", "|"), key=sample.count)
    rows = list(csv.reader(io.StringIO(sample), delimiter=separator))
    found = find_header([[c.strip().lstrip("\ufeff") for c in r] for r in rows])
    if found is None:
        raise FileProblem(_("未找到表头：文件前 20 行中没有同时包含“身份证号”“姓名”等列名的一行。请使用导入模板。"))
    index, columns, headers, ignored = found
    sheet = Sheet("", index + 1, columns, headers, ignored)
    check_columns(sheet)
    width = max(len(r) for r in rows[index:index + 1]) if rows else 0
    names = [f"c{i}" for i in range(max(width, max(columns.values()) + 1))]
    options = {"separator": separator, "infer_schema": False, "row_index_name": "row", "truncate_ragged_lines": True,
               "missing_columns": "insert", "encoding": "utf8"}
    # Blocks of whole records (about `chunk_rows` each), parsed one at a time: memory stays flat and bounded
    # whatever the file size (a streaming scan reads ahead of a slow consumer).
    line_bytes = max(16, len(head) // max(1, head.count(b"\n")))
    got_rows = False
    next_row = index + 2
    try:
        for first, block in _blocks(path, max(1 << 20, chunk_rows * line_bytes)):
            if first:
                lf = pl.scan_csv(io.BytesIO(block), has_header=True, skip_rows=index, new_columns=names,
                                 row_index_offset=next_row, **options)
            else:
                lf = pl.scan_csv(io.BytesIO(block), has_header=False, schema=dict.fromkeys(names, pl.String),
                                 row_index_offset=next_row, **options)
            del block
            batch = lf.select(pl.col("row").cast(pl.Int64), *[pl.col(f"c{i}").alias(k) for k, i in columns.items()]
                              ).collect()
            next_row += batch.height
            if batch.height:
                got_rows = True
                yield sheet, batch
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as exc:
        raise FileProblem(_("CSV 文件格式有误，无法解析：%(error)s") % {"error": str(exc).splitlines()[0][:200]}) from None
    if not got_rows:
        raise FileProblem(_("文件只有表头，没有数据行。"))


def _blocks(path: Path, size: int) -> Iterator[tuple[bool, bytes]]:
    """The file in blocks of about `size` bytes, each cut after a line end outside quotes."""
    carry = b""
    first = True
    with open(path, "rb") as fh:
        while True:
            data = fh.read(size)
            block = carry + data if carry else data
            if not data:
                if block.strip():
                    yield first, block
                return
            cut = block.rfind(b"\n")
            # A line end inside a quoted field does not end a record: an even number of quotes must precede the cut
            # (most files quote nothing: one look for a quote settles it).
            quoted = b'"' in block
            while quoted and cut >= 0 and block.count(b'"', 0, cut) % 2:
                cut = block.rfind(b"\n", 0, cut)
            if cut < 0:
                carry = block
                continue
            carry = block[cut + 1:]
            yield first, block[:cut + 1]
            first = False


# --- XLSX ---------------------------------------------------------------------

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


_sheet_parts = xlsxscan.sheet_parts


def xlsx_heads(path: Path, zf: zipfile.ZipFile, strings,
               rows: int = HEADER_SEARCH_ROWS) -> list[tuple[str, str, list[list]]]:
    """(sheet name, zip member, the first `rows` rows as text) of every sheet, read from the start of each
    sheet's XML only: the header is found without parsing the whole workbook. A row inflating beyond the
    cap is refused before it is held whole (`xlsxscan.TooLarge`)."""
    out = []
    for name, part in _sheet_parts(zf):
        cells: list[tuple[int, int, str]] = []
        parser = ElementTree.XMLPullParser(("start", "end"))
        number, since_row, done = 0, 0, False
        column = [0]  # the next column of a cell without a position, in the current row
        for piece in xlsxscan.member_stream(path, zf, part, step=1 << 20):
            parser.feed(piece)
            since_row += len(piece)
            for event, el in parser.read_events():
                if event == "start":
                    if el.tag == f"{_NS}row":
                        number = int(el.get("r") or number + 1)
                        column[0] = 0
                        done = number > rows
                elif el.tag == f"{_NS}c":
                    _head_cell(el, number, cells, strings, column)
                    el.clear()
                elif el.tag == f"{_NS}row":
                    since_row = 0
                    el.clear()
                elif el.tag == f"{_NS}sheetData":
                    done = True
                if done:
                    break
            if done:
                break
            if since_row > xlsxscan.MAX_ROW_BYTES:
                raise xlsxscan.row_too_large(name, number or None, xlsxscan.MAX_ROW_BYTES)
        width = max((c[1] for c in cells), default=-1) + 1
        grid = [[None] * width for _ in range(rows)]
        for row, col, text in cells:
            grid[row - 1][col] = text
        out.append((name, part, grid))
    return out


def _head_cell(c, number: int, cells: list, strings, column: list[int]) -> None:
    match = _CELL_REF.match(c.get("r") or "")
    col = column_index(match.group(1)) if match else column[0]
    column[0] = col + 1
    if not 1 <= number <= HEADER_SEARCH_ROWS:
        return
    v, kind = c.find(f"{_NS}v"), c.get("t", "n")
    text = "".join(t.text or "" for t in c.iter(f"{_NS}t")) if kind == "inlineStr" else (
        v.text if v is not None else None)
    if text in (None, ""):
        return
    if kind == "s":
        text = strings.get(int(text))
    elif kind == "n":
        text = _text(float(text))
    cells.append((number, col, text))


def read_xlsx(path: Path, chunk_rows: int) -> Iterator[tuple[Sheet, pl.DataFrame]]:
    check_xlsx(path)
    try:
        with zipfile.ZipFile(path) as zf:
            strings = xlsxscan.shared_strings(path, zf)
            heads = xlsx_heads(path, zf, strings)
    except xlsxscan.TooLarge as exc:
        raise FileProblem(exc.message) from None
    except (KeyError, ValueError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
        raise FileProblem(_("无法读取 .xlsx 文件：%(error)s，文件可能已损坏。") % {"error": exc.__class__.__name__}) from None
    used = 0
    data_rows = 0
    for name, part, head in heads:
        found = find_header(head)
        if found is None:
            continue  # an instructions sheet or a blank one
        index, columns, headers, ignored = found
        used += 1
        sheet = Sheet(name if len(heads) > 1 else "", index + 1, columns, headers, ignored)
        check_columns(sheet)
        try:
            for chunk in _even(xlsxscan.read_sheet(path, part, columns, sheet.header_row, strings, name),
                               chunk_rows):
                data_rows += chunk.height
                yield sheet, chunk
        except xlsxscan.TooLarge as exc:
            raise FileProblem(exc.message) from None
        except xlsxscan.SheetError as exc:
            raise FileProblem(_("无法读取工作表“%(name)s”：文件内容有误（%(error)s），请在 Excel 中另存后重新上传。")
                              % {"name": name, "error": exc}) from None
    if not used:
        raise FileProblem(_("未找到表头：各工作表前 20 行中都没有同时包含“身份证号”“姓名”等列名的一行。请使用导入模板。"))
    if not data_rows:
        raise FileProblem(_("文件只有表头，没有数据行。"))


def _even(frames: Iterator[pl.DataFrame], rows: int) -> Iterator[pl.DataFrame]:
    """The frames again, in chunks of `rows` rows (the last one shorter)."""
    held: list[pl.DataFrame] = []
    count = 0
    for frame in frames:
        held.append(frame)
        count += frame.height
        if count < rows:
            continue
        joined = pl.concat(held, rechunk=False)
        start = 0
        while count - start >= rows:
            yield joined.slice(start, rows).rechunk()
            start += rows
        held = [joined.slice(start)] if start < count else []
        count -= start
    if count:
        yield pl.concat(held).rechunk()


def _text(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def read_chunks(path: Path, filename: str, chunk_rows: int = 200_000,
                tmp: Path | None = None) -> Iterator[tuple[Sheet, pl.DataFrame]]:
    """Chunks of (sheet, frame) of a .csv or .xlsx; FileProblem for a file that cannot be read at all."""
    path = Path(path)
    if path.stat().st_size == 0:
        raise FileProblem(_("文件为空。"))
    suffix = Path(filename or path.name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        yield from read_xlsx(path, chunk_rows)
    elif suffix in (".csv", ".txt"):
        with tempfile.TemporaryDirectory() if tmp is None else _nullcontext(tmp) as workdir:
            yield from read_csv(path, chunk_rows, Path(workdir))
    elif suffix == ".xls":
        raise FileProblem(_("不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后上传。"))
    else:
        raise FileProblem(_("不支持的文件类型“%(suffix)s”，请上传 .xlsx 或 .csv 文件。") % {"suffix": suffix or _("无扩展名")})


class _nullcontext:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False
