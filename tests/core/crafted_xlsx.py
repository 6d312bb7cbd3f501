"""Workbooks crafted to inflate far beyond their size: a part or a row of about 1 GiB in an 8 MB file, with an
honest compression ratio (about 134, under the zip-bomb check's 200) and, optionally, a zip directory that
understates the inflated size. Written as raw deflate pieces: one 1 MB block is compressed once and repeated."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

from xiezuo.registry.synthetic import HEADERS

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
GIB = 1 << 30


def _deflate(data: bytes, final: bool = False) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + (c.flush() if final else c.flush(zlib.Z_FULL_FLUSH))


def _block(pattern: str, seed: int = 1) -> bytes:
    """About 1 MB of repeated elements, each with one random letter: deflate reaches a ratio near 134."""
    rnd = random.Random(seed)
    out = bytearray()
    while len(out) < 1 << 20:
        out += pattern.replace("#", "a" * 360 + chr(rnd.randrange(97, 123))).encode()
    return bytes(out)


class Part:
    """A zip member given as prefix + block × repeat + suffix, compressed piecewise."""

    def __init__(self, name: str, prefix: bytes, block: bytes = b"", repeat: int = 0, suffix: bytes = b""):
        self.name, self.size = name, len(prefix) + len(block) * repeat + len(suffix)
        crc = zlib.crc32(prefix)
        for _ in range(repeat):
            crc = zlib.crc32(block, crc)
        self.crc = zlib.crc32(suffix, crc)
        once = _deflate(block) if repeat else b""
        self.pieces = [_deflate(prefix), *([once] * repeat), _deflate(suffix, final=True)]


def write_zip(path: Path, parts: list[Part], understate: set[str] = frozenset()) -> Path:
    central = b""
    with open(path, "wb") as fh:
        for part in parts:
            offset = fh.tell()
            name = part.name.encode()
            packed = sum(len(p) for p in part.pieces)
            size = (1 << 20) if part.name in understate else part.size
            fh.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, part.crc, packed, size,
                                 len(name), 0) + name)
            for piece in part.pieces:
                fh.write(piece)
            central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, part.crc, packed,
                                   size, len(name), 0, 0, 0, 0, 0, offset) + name
        start = fh.tell()
        fh.write(central)
        fh.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), start, 0))
    return path


def _small_parts(with_strings: bool) -> list[Part]:
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/></Types>')
    book = (f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="户成员" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>')
    root_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                 'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                 'Target="xl/workbook.xml"/></Relationships>')
    return [Part("[Content_Types].xml", types.encode()), Part("_rels/.rels", root_rels.encode()),
            Part("xl/workbook.xml", book.encode()), Part("xl/_rels/workbook.xml.rels", rels.encode())]


def _row(number: int, values: list[str]) -> str:
    cells = "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in values)
    return f'<row r="{number}">{cells}</row>'


def _header_and_rows(data_rows: int) -> str:
    rows = [_row(1, HEADERS)]
    rows += [_row(n, [f"值{n}"] * len(HEADERS)) for n in range(2, 2 + data_rows)]
    return "".join(rows)


def huge_strings(path: Path, understate: bool = False) -> Path:
    """The shared strings part inflates to about 1 GiB (the sheet itself is small)."""
    block = _block("<si><t>#</t></si>")
    strings = Part("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">'.encode(), block, GIB // len(block) + 1, b"</sst>")
    sheet = Part("xl/worksheets/sheet1.xml",
                 f'<worksheet xmlns="{MAIN}"><sheetData>{_header_and_rows(3)}</sheetData></worksheet>'.encode())
    return write_zip(path, [*_small_parts(True), sheet, strings],
                     {"xl/sharedStrings.xml"} if understate else set())


def huge_row(path: Path, row: int, one_cell: bool = False, understate: bool = False) -> Path:
    """Row `row` of the only sheet inflates to about 1 GiB: many cells, or one cell of 1 GiB of text."""
    before = _header_and_rows(row - 2)
    if one_cell:
        block = _block("#")
        prefix, suffix = f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>', "</t></is></c></row>"
    else:
        block = _block('<c t="inlineStr"><is><t>#</t></is></c>')
        prefix, suffix = f'<row r="{row}">', "</row>"
    sheet = Part("xl/worksheets/sheet1.xml",
                 f'<worksheet xmlns="{MAIN}"><sheetData>{before}{prefix}'.encode(), block, GIB // len(block) + 1,
                 f"{suffix}{_row(row + 1, ['x'] * 3)}</sheetData></worksheet>".encode())
    return write_zip(path, [*_small_parts(False), sheet], {"xl/worksheets/sheet1.xml"} if understate else set())
