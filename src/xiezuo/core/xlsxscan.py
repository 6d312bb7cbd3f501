"""Worksheets of an .xlsx read as polars frames of text, in blocks, by the C scanner `_xlsxscan` when it is
built, by calamine otherwise.

A sheet's XML is inflated from the zip in steps (ISA-L when installed, zlib
otherwise) and cut after its last whole row; the scanner copies the wanted
cells of each block into Arrow buffers with the interpreter released, so a
background thread inflates and scans block k + 1 while the caller works on
block k. Memory holds a few blocks, whatever the sheet's size.

The scanner is an accelerator, not a requirement: `pip install` skips it
without a C compiler, and `XIEZUO_XLSX_SCANNER=0` switches it off. Without
it each block of whole rows is wrapped into a small workbook of its own (the
sheet's rows, the shared strings, no styles) that calamine reads; the frames
are the same, at about three times the CPU.

Inflated sizes are capped from the zip directory and again while inflating:
the shared strings part (`MAX_STRINGS_BYTES`), the small parts read whole,
and one row (`MAX_ROW_BYTES`), so that no workbook the upload limit lets in
can make a reader hold a gigabyte.

Every value arrives as text, as the sheet shows it before formatting: shared
and inline strings decoded, numbers as Python writes a float (an integer
below 10^15 without ".0"; 5.2050219490101e+17 for an ID number Excel turned
into a number), booleans TRUE / FALSE, a date as its serial number.
"""

from __future__ import annotations

import os
import queue
import re
import struct
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa
from django.utils.translation import gettext as _

try:  # the compiled scanner is optional (`pip install` without a C compiler leaves it out)
    from . import _xlsxscan
except ImportError:  # pragma: no cover - exercised in a subprocess by the tests
    _xlsxscan = None

try:  # ISA-L inflates about twice as fast as zlib
    from isal import isal_zlib as _zlib
except ImportError:  # pragma: no cover - the dependency is declared; zlib is the fallback
    import zlib as _zlib

BLOCK_BYTES = 16 << 20  # inflated XML handed to the scanner at a time
# Caps on inflated bytes. The shared strings are held whole (by the scanner as Arrow buffers beside their XML, by
# calamine as one string object each); a row is held whole until its end tag arrives.
MAX_STRINGS_BYTES = 160 << 20
MAX_ROW_BYTES = 16 << 20
MAX_SMALL_PART_BYTES = 16 << 20  # workbook.xml, its relationships
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData[\s/>]")
_ROW_END = re.compile(rb"</(\w+:)?row>")


class SheetError(ValueError):
    """The sheet's XML is broken or not what SpreadsheetML writes."""


class TooLarge(SheetError):
    """A part or a row inflates beyond its cap; `message` is the Chinese refusal to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def scanner_enabled() -> bool:
    """The compiled scanner is built and not switched off (`XIEZUO_XLSX_SCANNER=0`)."""
    return _xlsxscan is not None and os.environ.get("XIEZUO_XLSX_SCANNER", "1").lower() not in (
        "0", "false", "no", "off")


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip member of its XML) of every sheet, in the workbook's order (small parts, capped)."""
    from xml.etree import ElementTree

    book = ElementTree.fromstring(read_part(zf, "xl/workbook.xml"))
    rels = ElementTree.fromstring(read_part(zf, "xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = []
    for node in book.iter(f"{_NS}sheet"):
        target = targets.get(node.get(_REL), "")
        out.append((node.get("name"), target.lstrip("/") if target.startswith("/") else f"xl/{target}"))
    return out


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB"


def part_too_large(name: str, limit: int) -> TooLarge:
    what = _("共享字符串") if name.lower().endswith("sharedstrings.xml") else _("部件")
    return TooLarge(_("工作簿的%(what)s（%(name)s）解压后超过 %(limit)s，超出导入上限，已拒绝读取。"
                      "请删除无关内容或拆分为多个文件后重新上传。") % {"what": what, "name": name, "limit": _mb(limit)})


def sheet_too_large(sheet: str, limit: int) -> TooLarge:
    return TooLarge(_("工作表“%(sheet)s”解压后超过 %(limit)s，超出此类导入的上限，已拒绝读取。请拆分为多个文件后重新上传。")
                    % {"sheet": sheet, "limit": _mb(limit)})


def row_too_large(sheet: str, row: int | None, limit: int) -> TooLarge:
    where = _("第 %(row)s 行") % {"row": row} if row else _("中的一行")
    return TooLarge(_("工作表“%(sheet)s”%(where)s解压后超过 %(limit)s，超出导入上限，已拒绝读取。"
                      "请检查该行是否含有异常大量的内容。") % {"sheet": sheet, "where": where, "limit": _mb(limit)})


def read_part(zf: zipfile.ZipFile, name: str, limit: int = MAX_SMALL_PART_BYTES) -> bytes:
    """A small part read whole, refused beyond `limit` inflated bytes (the zip directory's size is checked
    first, the bytes actually inflated too)."""
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise part_too_large(name, limit)
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise part_too_large(name, limit)
    return data


@dataclass(frozen=True)
class SharedStrings:
    """The workbook's shared strings as Arrow buffers (int64 offsets, UTF-8 data)."""

    count: int
    offsets: bytes
    data: bytes

    def get(self, index: int) -> str | None:
        """One string (the header rows are looked up one by one)."""
        if not 0 <= index < self.count:
            return None
        start, end = struct.unpack_from("<qq", self.offsets, index * 8)
        return self.data[start:end].decode("utf-8", errors="replace")


def _prefix(xml_head: bytes) -> bytes:
    """The namespace prefix of the sheet's elements (b"" for the default namespace, b"x:" for some writers)."""
    match = _SHEET_DATA.search(xml_head)
    return match.group(1) or b"" if match else b""


def _member_stream(path: Path, zf: zipfile.ZipFile, name: str, step: int = BLOCK_BYTES,
                   limit: int | None = None) -> Iterator[bytes]:
    """The inflated bytes of one zip member, in pieces of at most `step` bytes; TooLarge beyond `limit` bytes."""
    if limit is not None and zf.getinfo(name).file_size > limit:
        raise part_too_large(name, limit)
    total = 0
    for piece in _inflate(path, zf, name, step):
        total += len(piece)
        if limit is not None and total > limit:  # the directory may understate the size
            raise part_too_large(name, limit)
        yield piece


member_stream = _member_stream


def _inflate(path: Path, zf: zipfile.ZipFile, name: str, step: int) -> Iterator[bytes]:
    """Deflated members are inflated here (faster than zipfile's own reader); other methods go through
    zipfile."""
    info = zf.getinfo(name)
    if info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        with zf.open(info) as fh:
            while data := fh.read(step):
                yield data
        return
    with open(path, "rb") as fh:
        fh.seek(info.header_offset)
        header = fh.read(30)
        if header[:4] != b"PK\x03\x04":
            raise SheetError(f"{name}: bad local header")
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        fh.seek(info.header_offset + 30 + name_len + extra_len)
        left = info.compress_size
        if info.compress_type == zipfile.ZIP_STORED:
            while left > 0 and (raw := fh.read(min(step, left))):
                left -= len(raw)
                yield raw
            return
        inflate = _zlib.decompressobj(-15)
        tail = b""
        try:
            while left > 0 or tail:
                if not tail:
                    tail = fh.read(min(1 << 20, left))
                    if not tail:
                        raise SheetError(f"{name}: truncated")
                    left -= len(tail)
                data = inflate.decompress(tail, step)
                tail = inflate.unconsumed_tail
                if data:
                    yield data
            if rest := inflate.flush():
                yield rest
        except _zlib.error as exc:
            raise SheetError(f"{name}: {exc}") from None


def shared_strings(path: Path, zf: zipfile.ZipFile) -> SharedStrings:
    """The workbook's shared strings: decoded by the scanner, or kept as XML for calamine (`XmlStrings`)."""
    name = next((n for n in zf.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return SharedStrings(0, struct.pack("<q", 0), b"") if scanner_enabled() else _xml_strings(b"")
    xml = b"".join(_member_stream(path, zf, name, limit=MAX_STRINGS_BYTES))
    if not scanner_enabled():
        return _xml_strings(xml)
    try:
        count, offsets, data = _xlsxscan.strings(xml, _prefix_of_strings(xml))
    except ValueError as exc:
        raise SheetError(str(exc)) from None
    return SharedStrings(count, offsets, data)


def _xml_strings(xml: bytes):
    from .xlsx_calamine import XmlStrings

    return XmlStrings(xml)


def _prefix_of_strings(xml: bytes) -> bytes:
    match = re.search(rb"<(\w+:)?sst[\s>]", xml[:4096])
    return (match.group(1) or b"") if match else b""


_ROW_NUMBER = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"(\d+)\"")


def _blocks(path: Path, zf: zipfile.ZipFile, part: str, sheet: str = "") -> Iterator[tuple[bytes, bytes]]:
    """(prefix, block of whole rows) of a sheet part; the last block holds what follows the last row too.
    TooLarge when one row (or what follows the last row) inflates beyond MAX_ROW_BYTES."""
    carry = b""
    prefix = None
    for piece in _member_stream(path, zf, part):
        if prefix is None:
            prefix = _prefix((carry + piece)[:1 << 20])
            if not prefix and len(carry) + len(piece) < (1 << 20) and not _SHEET_DATA.search(carry + piece):
                carry, prefix = carry + piece, None  # the sheet's start tag not read yet
                continue
        end = piece.rfind(b"</" + prefix + b"row>")
        if end < 0:
            carry += piece
            if len(carry) > MAX_ROW_BYTES:
                raise _carry_too_large(carry, sheet or part)
            continue
        end += len(prefix) + 6
        yield prefix, carry + piece[:end] if carry else piece[:end]
        carry = piece[end:]
        if len(carry) > MAX_ROW_BYTES:
            raise _carry_too_large(carry, sheet or part)
    yield prefix or b"", carry


def _carry_too_large(carry: bytes, sheet: str) -> TooLarge:
    match = _ROW_NUMBER.search(carry[:4096])
    if match or re.search(rb"<(\w+:)?row[\s>]", carry[:4096]):
        return row_too_large(sheet, int(match.group(1)) if match else None, MAX_ROW_BYTES)
    return TooLarge(_("工作表“%(sheet)s”中表格行以外的内容解压后超过 %(limit)s，超出导入上限，已拒绝读取。")
                    % {"sheet": sheet, "limit": _mb(MAX_ROW_BYTES)})


def _frame(columns: dict[str, int], rows: bytes, count: int, buffers: list) -> pl.DataFrame:
    out = {"row": pl.from_arrow(pa.Array.from_buffers(pa.int64(), count, [None, pa.py_buffer(rows)]))}
    for key, (valid, offsets, data, nulls) in zip(columns, buffers, strict=True):
        array = pa.Array.from_buffers(pa.large_string(), count, [pa.py_buffer(valid) if nulls else None,
                                                                  pa.py_buffer(offsets), pa.py_buffer(data)],
                                      null_count=nulls)
        try:
            array.validate(full=True)
        except pa.ArrowInvalid as exc:
            raise SheetError(f"invalid text: {exc}") from None
        out[key] = pl.from_arrow(array)
    return pl.DataFrame(out)


def read_sheet(path: Path, part: str, columns: dict[str, int], after_row: int,
               strings, sheet: str = "") -> Iterator[pl.DataFrame]:
    """Frames of (row, one text column per key) of the rows below `after_row` that hold a value in one of the
    columns (0-based indexes). SheetError for XML the reader cannot read, TooLarge for a row beyond the cap.

    With the scanner, three threads: one inflates, one scans, the caller's converts and uses the frames.
    Without it, calamine reads each block (`xlsx_calamine.read_sheet`)."""
    if not isinstance(strings, SharedStrings):  # the calamine reader's strings
        from .xlsx_calamine import read_sheet as calamine_sheet

        yield from calamine_sheet(path, part, columns, after_row, strings, sheet)
        return
    wanted = tuple(columns.values())

    def scanned(blocks: Iterator[tuple[bytes, bytes]]) -> Iterator[tuple]:
        last = 0
        for prefix, block in blocks:
            try:
                result = _xlsxscan.scan(block, wanted, after_row, prefix, strings.offsets, strings.data, last)
            except ValueError as exc:
                raise SheetError(str(exc)) from None
            last = result[2]
            yield result

    def blocks() -> Iterator[tuple[bytes, bytes]]:
        with zipfile.ZipFile(path) as zf:
            yield from _blocks(path, zf, part, sheet)

    with _ahead(scanned(_ahead(blocks(), "xlsx-inflate")), "xlsx-scan") as results:
        for rows, count, _last, buffers in results:
            if count:
                yield _frame(columns, rows, count, buffers)


class _ahead:
    """Runs an iterator on a thread of its own, at most two items ahead of the reader; its exception is raised
    in the reader. Leaving the `with` block early stops the thread."""

    _DONE = object()

    def __init__(self, items: Iterator, name: str):
        self.items, self.todo, self.stop = items, queue.Queue(maxsize=2), threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _put(self, item) -> bool:
        while not self.stop.is_set():
            try:
                self.todo.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            for item in self.items:
                if not self._put(item):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the reader
            self._put(exc)
            return
        finally:
            close = getattr(self.items, "close", None)
            if close is not None and self.stop.is_set():
                close()
        self._put(self._DONE)

    def __iter__(self):
        try:
            while (item := self.todo.get()) is not self._DONE:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            self.stop.set()  # the reader is done, early or not

    def close(self) -> None:
        self.stop.set()
        self.thread.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
