"""Memory is bounded for any workbook the upload limit lets in: an 8 MB .xlsx whose shared strings, one row or
one cell inflate to about 1 GiB is refused with a message naming the sheet or part, by the registry import's two
readers and by the generic import, with the peak memory of the reading process measured in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from xiezuo.core import xlsxscan

from .crafted_xlsx import huge_row, huge_strings

HERE = Path(__file__).parent
LIMIT_MB = 600  # "well under 1 GB": the refusal must come long before the part is held

READ = textwrap.dedent("""
    import json, os, sys
    import django

    def high_water_mb():
        # VmHWM belongs to this process image; ru_maxrss would carry over the forking test runner's size.
        with open("/proc/self/status") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return int(line.split()[1]) // 1024

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    django.setup()
    from xiezuo.core.tabular import FileProblem, read_rows
    from xiezuo.registry.importing.reader import read_chunks
    path, which = sys.argv[1], sys.argv[2]
    base = high_water_mb()
    try:
        if which == "registry":
            for _sheet, _frame in read_chunks(path, "户.xlsx", 100_000):
                pass
        else:
            list(read_rows(path, "单位.xlsx"))
        message = None
    except FileProblem as exc:
        message = str(exc)
    peak = high_water_mb()
    print(json.dumps({"message": message, "peak_mb": peak, "base_mb": base}, ensure_ascii=False))
""")


def read_in_subprocess(path: Path, which: str, scanner: bool) -> dict:
    env = {**os.environ, "XIEZUO_XLSX_SCANNER": "1" if scanner else "0"}
    done = subprocess.run([sys.executable, "-c", READ, str(path), which], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def crafted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crafted")
    return {
        "strings": huge_strings(folder / "strings.xlsx"),
        "strings-understated": huge_strings(folder / "strings-u.xlsx", understate=True),
        "row-in-header-window": huge_row(folder / "row3.xlsx", 3),
        "row-below": huge_row(folder / "row30.xlsx", 30, understate=True),
        "cell-below": huge_row(folder / "cell30.xlsx", 30, one_cell=True),
    }


def test_the_crafted_files_are_what_they_claim(crafted):
    """8 MB or so on disk, about 1 GiB inflated, a ratio the zip-bomb check lets through (it allows up to 200)."""
    for name, path in crafted.items():
        size = path.stat().st_size
        assert 6 << 20 < size < 10 << 20, (name, size)
        with zipfile.ZipFile(path) as zf:
            big = max(zf.infolist(), key=lambda i: i.compress_size)
            inflated = sum(len(piece) for piece in xlsxscan.member_stream(path, zf, big.filename))
        assert inflated > 1 << 30 and 100 < inflated / size < 200, (name, inflated / size)


EXPECTED = {
    "strings": "共享字符串（xl/sharedStrings.xml）解压后超过 160 MB",
    "strings-understated": "共享字符串（xl/sharedStrings.xml）解压后超过 160 MB",
    "row-in-header-window": "工作表“户成员”第 3 行解压后超过 16 MB",
    "row-below": "工作表“户成员”第 30 行解压后超过 16 MB",
    "cell-below": "工作表“户成员”第 30 行解压后超过 16 MB",
}


@pytest.mark.parametrize("scanner", [True, False], ids=["scanner", "calamine"])
@pytest.mark.parametrize("case", list(EXPECTED))
def test_the_registry_import_refuses_before_holding_the_part(crafted, case, scanner):
    found = read_in_subprocess(crafted[case], "registry", scanner)
    assert found["message"] and EXPECTED[case] in found["message"], found
    assert found["peak_mb"] < LIMIT_MB, found


@pytest.mark.parametrize("case,expected", [
    ("strings", "共享字符串（xl/sharedStrings.xml）解压后超过 64 MB"),
    ("strings-understated", "共享字符串（xl/sharedStrings.xml）解压后超过 64 MB"),
    ("row-in-header-window", "工作表“户成员”解压后超过 64 MB"),
    ("cell-below", "工作表“户成员”解压后超过 64 MB"),
])
def test_the_generic_import_refuses_before_calamine_opens_the_file(crafted, case, expected):
    found = read_in_subprocess(crafted[case], "generic", True)
    assert found["message"] and expected in found["message"], found
    assert found["peak_mb"] < LIMIT_MB, found
