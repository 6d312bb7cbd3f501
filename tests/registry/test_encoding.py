"""Encoding detection never refuses a CSV that decodes cleanly as a whole, wherever a multi-byte character
falls (the registry import and the generic import); a file that decodes in neither encoding is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from xiezuo.core.tabular import FileProblem, read_rows
from xiezuo.registry.importing.reader import read_chunks

from .helpers import COL, csv_bytes, registry_rows, set_cell

# 张 is 3 bytes in UTF-8 and 2 in GB18030; 𠀀 is 4 bytes in both. Rows of them cover the old 64 KiB sniff
# window and the 1 MB decoding step; an ASCII padding in the first row moves every byte after it across both
# boundaries, one offset per shift.
LONG = "张𠀀" * 300
ROWS = registry_rows(700, seed=50)


def content(shift: int, encoding: str) -> bytes:
    rows = [set_cell(r, "民族", LONG) for r in ROWS]
    rows[0] = set_cell(rows[0], "帮扶责任人电话", "1" * (1 + shift))
    return csv_bytes(rows, encoding=encoding)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
@pytest.mark.parametrize("shift", range(8))
def test_a_multi_byte_character_at_any_offset_of_the_boundaries(tmp_path, encoding, shift):
    path = tmp_path / "户.csv"
    path.write_bytes(content(shift, encoding))
    # The registry import's reader.
    frames = [frame for _sheet, frame in read_chunks(path, "户.csv", 1000, tmp=tmp_path)]
    assert sum(f.height for f in frames) == len(ROWS)
    assert all(value == LONG for f in frames for value in f["ethnicity"].to_list())
    # The generic import's reader (every other record type).
    rows = list(read_rows(path, "户.csv"))
    assert len(rows) == len(ROWS) + 1 and all(r[COL["民族"]] == LONG for r in rows[1:])


def test_the_cut_falls_inside_a_character_for_some_shift():
    """The parametrised test crosses both boundaries in the middle of a character (it would pass trivially if
    the boundaries fell between characters only)."""
    cuts = set()
    for encoding in ("utf-8", "gb18030"):
        for shift in range(8):
            data = content(shift, encoding)
            for boundary in (65536, 1 << 20):
                try:
                    data[:boundary].decode(encoding)
                except UnicodeDecodeError:
                    cuts.add((encoding, boundary))
    assert cuts == {(e, b) for e in ("utf-8", "gb18030") for b in (65536, 1 << 20)}


@pytest.mark.parametrize("name", ["户.csv"])
def test_a_file_that_decodes_in_neither_encoding_is_refused_with_the_message(tmp_path, name):
    path = Path(tmp_path) / name
    # Valid UTF-8 up to far beyond the old sample, then a byte no encoding accepts.
    path.write_bytes(csv_bytes(registry_rows(2, seed=51), encoding="utf-8") + "张".encode() * 40_000 + b"\xff\xfe,\n")
    with pytest.raises(FileProblem, match="无法识别文件编码"):
        list(read_chunks(path, name, 1000, tmp=tmp_path))
    with pytest.raises(FileProblem, match="无法识别文件编码"):
        list(read_rows(path, name))


def test_ascii_at_the_start_and_gb18030_far_below_is_read_as_gb18030(tmp_path):
    """A sample of the start would take this file for UTF-8 and refuse it further down."""
    path = tmp_path / "单位.csv"
    path.write_bytes(b"name,note\r\n" + b"abc,def\r\n" * 20_000 + "彝族,黔南\r\n".encode("gb18030"))
    rows = list(read_rows(path, "单位.csv"))
    assert rows[-1] == ["彝族", "黔南"] and len(rows) == 20_002
