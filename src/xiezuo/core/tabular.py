"""Reading and writing spreadsheets: .xlsx (calamine in, xlsxwriter out) and .csv (UTF-8 or GB18030).

Every failure raises `FileProblem` with a Chinese message fit to show the user.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .text import clean, is_digits


class FileProblem(Exception):
    """A file that cannot be read at all (as opposed to bad rows in it)."""


ENCODINGS = ("utf-8", "gb18030")


def column_index(letters: str) -> int:
    """A → 0, Z → 25, AA → 26: the inverse of `column_letter`."""
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def detect_encoding(path: Path) -> tuple[str, int]:
    """(encoding, bytes of BOM to skip) for a CSV, or FileProblem. The whole file is decoded incrementally (in
    1 MB steps, nothing kept): the first of UTF-8 and GB18030 that decodes it all wins, so no cut of a sample
    inside a multi-byte character can refuse a valid file, nor a sample of ASCII accept a GB18030 file."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(b"\xef\xbb\xbf"):
        if decodes(path, "utf-8", 3):
            return "utf-8", 3
        raise FileProblem(_("文件编码不一致：文件以 UTF-8 标记开头，但其中有内容无法按 UTF-8 解码。请统一另存为 UTF-8 后重新上传。"))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", 0
    if b"\x00" in head:
        raise FileProblem(_("无法识别文件编码：文件含有空字节，可能是 UTF-16 或二进制文件。请另存为 UTF-8 或 GB18030 编码的 CSV。"))
    for encoding in ENCODINGS:
        if decodes(path, encoding, 0):
            return encoding, 0
    raise FileProblem(_("无法识别文件编码：既不是 UTF-8 也不是 GB18030（GBK）。请在 Excel 中另存为“CSV UTF-8”后重新上传。"))


def decodes(path: Path, encoding: str, skip: int, step: int = 1 << 20) -> bool:
    """Whether the file, after `skip` bytes, decodes as a whole (a character cut between two steps is completed
    by the next one)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as fh:
            fh.seek(skip)
            while block := fh.read(step):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def check_xlsx(path: Path) -> None:
    """Refuse what is not an .xlsx and a zip bomb, before a parser sees it."""
    if not zipfile.is_zipfile(path):
        raise FileProblem(_("文件不是有效的 .xlsx（不是 zip 格式），可能已损坏或扩展名有误。"))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            packed = max(1, sum(i.compress_size for i in infos))
    except (zipfile.BadZipFile, OSError):
        raise FileProblem(_("文件不是有效的 .xlsx，可能已损坏。")) from None
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise FileProblem(_("文件是 zip 压缩包，但不是 Excel 工作簿（.xlsx）。"))
    if total > settings.XIEZUO_MAX_XLSX_UNCOMPRESSED_BYTES or (total > 50_000_000 and total / packed > 200):
        raise FileProblem(_("文件解压后体积异常（疑似压缩炸弹），已拒绝读取。"))


# Spreadsheet programs run a cell that starts with one of these as a formula (`=HYPERLINK(…)`, `=1+1`, `@SUM`,
# `-2+3`); a tab or carriage return can start one too. OWASP's advice for CSV: put a single quote in front, which
# Excel and WPS show as text. XLSX needs none of this: its cells are typed (write_xlsx writes text as text).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The text of a CSV cell that no spreadsheet will run as a formula. Numbers and dates stay as they are.

    Text that already starts with quotes before a trigger (`'=x`) gets one more, so that `restore` gives it back.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def restore(value):
    """Undo `neutralise` on a cell read back: an exported file re-imports to the same values."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def _cell(value) -> object:
    """Every cell read from a file, .xlsx or .csv, passes here once."""
    if isinstance(value, str):
        return clean(restore(value))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_rows(path: Path, filename: str = "", sheet: str | int = 0) -> Iterator[list]:
    """Yield rows (lists of cleaned cell values) of the first sheet of an .xlsx or of a .csv."""
    suffix = Path(filename or path.name).suffix.lower()
    if Path(path).stat().st_size == 0:
        raise FileProblem(_("文件为空。"))
    if suffix in (".xlsx", ".xlsm"):
        yield from _read_xlsx(Path(path), sheet)
    elif suffix in (".csv", ".txt"):
        yield from _read_csv(Path(path))
    elif suffix == ".xls":
        raise FileProblem(_("不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后上传。"))
    else:
        raise FileProblem(_("不支持的文件类型“%(suffix)s”，请上传 .xlsx 或 .csv 文件。") % {"suffix": suffix or _("无扩展名")})


# calamine holds a whole sheet and all shared strings, several bytes of memory per byte of XML (and the generic
# import a Python object per cell): every part it may read is capped, counted while inflating, before it opens
# the file. The registry import streams its sheets instead (core/xlsxscan.py).
MAX_PART_BYTES = 64 << 20


def check_parts(path: Path, limit: int = MAX_PART_BYTES) -> None:
    """FileProblem naming the sheet or part when a part inflates beyond `limit` (directory first, then the bytes
    actually inflated: a directory may understate them)."""
    from . import xlsxscan

    try:
        with zipfile.ZipFile(path) as zf:
            try:
                sheets = {part: name for name, part in xlsxscan.sheet_parts(zf)}
            except (KeyError, ValueError):
                sheets = {}
            for info in zf.infolist():
                if info.is_dir():
                    continue
                try:
                    for _piece in xlsxscan.member_stream(Path(path), zf, info.filename, step=1 << 20, limit=limit):
                        pass
                except xlsxscan.TooLarge as exc:
                    if info.filename in sheets:
                        raise xlsxscan.sheet_too_large(sheets[info.filename], limit) from None
                    raise exc from None
    except xlsxscan.TooLarge as exc:
        raise FileProblem(exc.message) from None
    except (xlsxscan.SheetError, zipfile.BadZipFile, OSError):
        raise FileProblem(_("文件不是有效的 .xlsx，可能已损坏。")) from None


def sheet_names(path: Path) -> list[str]:
    from python_calamine import CalamineWorkbook

    check_xlsx(path)
    check_parts(path)
    return CalamineWorkbook.from_path(str(path)).sheet_names


def _read_xlsx(path: Path, sheet: str | int) -> Iterator[list]:
    from python_calamine import CalamineWorkbook

    check_xlsx(path)
    check_parts(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        ws = workbook.get_sheet_by_index(sheet) if isinstance(sheet, int) else workbook.get_sheet_by_name(sheet)
        rows = ws.iter_rows()
    except Exception as exc:  # calamine raises its own error types for broken parts
        raise FileProblem(_("无法读取 .xlsx 文件：%(error)s，文件可能已损坏。") % {"error": exc.__class__.__name__}) from None
    for row in rows:
        yield [_cell(v) for v in row]


def _read_csv(path: Path) -> Iterator[list]:
    encoding, skip = detect_encoding(path)
    try:
        with open(path, encoding=encoding, newline="") as fh:
            if skip:
                fh.read(1)  # the BOM as one character
            sample = fh.read(8192)
            fh.seek(0)
            if skip:
                fh.read(1)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
            except csv.Error:
                dialect = csv.excel
            for row in csv.reader(fh, dialect):
                yield [_cell(v) for v in row]
    except UnicodeDecodeError as exc:
        raise FileProblem(_("文件编码不一致：第 %(offset)s 字节附近无法按 %(encoding)s 解码。请统一另存为 UTF-8。")
                          % {"offset": exc.start, "encoding": encoding.upper()}) from None


def excel_date(value) -> dt.date:
    """A date from an Excel serial number, a date cell or text (2018-03-20, 2018/3/20, 2018年3月20日, 20180320)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and 1 <= value < 2958466:
        if 19000101 <= value <= 29991231 and isinstance(value, int):
            return dt.datetime.strptime(str(value), "%Y%m%d").date()
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    text = str(value).strip()
    text = text.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    text = text.split(" ")[0].split("T")[0]
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if is_digits(text):
        return excel_date(int(text))
    raise ValueError(value)


def write_xlsx(target, headers: Sequence[str], rows: Iterable[Sequence], sheet: str = "",
               notes: Sequence[Sequence[str]] | None = None, widths: Sequence[int] | None = None) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": False, "strings_to_numbers": False})
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet(str(sheet or _("数据"))[:31])
    for c, h in enumerate(headers):
        ws.write_string(0, c, h, bold)
        ws.set_column(c, c, (widths[c] if widths else max(12, len(h) * 2 + 2)))
    ws.freeze_panes(1, 0)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, (dt.date, dt.datetime)):
                ws.write_datetime(r, c, v if isinstance(v, dt.datetime) else dt.datetime(v.year, v.month, v.day), date_fmt)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, str(v))
    if notes:
        ns = wb.add_worksheet(_("填写说明"))
        for r, row in enumerate(notes):
            for c, v in enumerate(row):
                ns.write_string(r, c, str(v), bold if r == 0 else None)
        ns.set_column(0, 0, 22)
        ns.set_column(1, 3, 40)
    wb.close()


def write_csv(target, headers: Sequence[str], rows: Iterable[Sequence]) -> None:
    """UTF-8 with a byte-order mark, so that Excel on Windows opens Chinese text correctly; formulas neutralised."""
    if isinstance(target, (str, Path)):
        fh = open(target, "w", encoding="utf-8-sig", newline="")
        close = True
    else:
        fh, close = io.TextIOWrapper(target, encoding="utf-8-sig", newline=""), False
    try:
        w = csv.writer(fh)
        w.writerow([neutralise(h) for h in headers])
        for row in rows:
            w.writerow(["" if v is None else neutralise(v) for v in row])
    finally:
        fh.flush()
        if close:
            fh.close()
        else:
            fh.detach()
