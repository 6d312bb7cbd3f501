"""The worksheet scanner is an accelerator: without it (not built, or `XIEZUO_XLSX_SCANNER=0`) the site starts
and the registry import reads workbooks through calamine with the same results and the same messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from xiezuo.core import xlsxscan
from xiezuo.core.models import Job
from xiezuo.registry.importing.reader import read_chunks
from xiezuo.registry.models import Household, Member

from .helpers import COL, registry_rows, set_cell, xlsx_bytes
from .test_import import EDITOR, run

BLOCK_SCANNER = textwrap.dedent("""
    import sys
    class Blocked:
        def find_spec(self, name, path=None, target=None):
            if name == "xiezuo.core._xlsxscan":
                raise ImportError("no compiled scanner on this machine")
    sys.meta_path.insert(0, Blocked())
""")


def test_the_site_starts_and_reads_a_workbook_without_the_compiled_scanner(tmp_path):
    rows = registry_rows(30, seed=41)
    path = tmp_path / "户.xlsx"
    path.write_bytes(xlsx_bytes({"一组": rows[:12], "二组": rows[12:]}))
    script = BLOCK_SCANNER + textwrap.dedent(f"""
        import json, django
        os = __import__("os")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
        django.setup()  # every app's ready(), the registry's included
        from django.core.management import call_command
        call_command("check")
        from xiezuo.core import xlsxscan
        from xiezuo.registry.importing.reader import read_chunks
        assert "xiezuo.core._xlsxscan" not in sys.modules and not xlsxscan.scanner_enabled()
        out = [[sheet.label, frame.rows()] for sheet, frame in read_chunks({str(path)!r}, "户.xlsx", 7)]
        print(json.dumps(out, ensure_ascii=False))
    """)
    env = {k: v for k, v in os.environ.items() if k != "XIEZUO_XLSX_SCANNER"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    without = json.loads(done.stdout.strip().splitlines()[-1])
    assert xlsxscan.scanner_enabled() or os.environ.get("XIEZUO_XLSX_SCANNER") == "0"
    with_scanner = [[sheet.label, [list(r) for r in frame.rows()]]
                    for sheet, frame in read_chunks(path, "户.xlsx", 7)]
    assert without == with_scanner
    assert sum(len(f) for _label, f in without) == len(rows) and [lbl for lbl, _f in without][:1] == ["一组"]


@pytest.mark.django_db
def test_the_import_gives_the_same_messages_and_result_with_either_reader(login, monkeypatch):
    client = login(EDITOR)
    rows = registry_rows(24, seed=43)
    bad = [set_cell(r, "身份证号", r[COL["身份证号"]][:17] + ("0" if r[COL["身份证号"]][17] != "0" else "1"))
           if i == 3 else r for i, r in enumerate(rows)]
    bad = [set_cell(r, "与户主关系", "邻居") if i == 15 else r for i, r in enumerate(bad)]
    content = xlsx_bytes({"一组": bad[:10], "二组": bad[10:]})
    found = {}
    for mode in ("1", "0"):
        monkeypatch.setenv("XIEZUO_XLSX_SCANNER", mode)
        job = run(client, "户.xlsx", content)
        assert job.state == Job.State.FAILED
        found[mode] = job.errors
    assert sorted(found["1"]) == sorted(found["0"])  # two messages of one cell come in either order
    text = " | ".join(f"{e[0]}:{e[1]}:{e[3]}" for e in found["0"])
    assert "5:一组!" in text and "7:二组!" in text and "邻居" in text, text
    # The module absent altogether (as after `pip install` without a compiler): the clean file is imported.
    monkeypatch.delenv("XIEZUO_XLSX_SCANNER")
    monkeypatch.setattr(xlsxscan, "_xlsxscan", None)
    cut = next(i for i in range(10, len(rows)) if rows[i][COL["户编号"]] != rows[i - 1][COL["户编号"]])
    job = run(client, "户.xlsx", xlsx_bytes({"一组": rows[:cut], "二组": rows[cut:]}))
    assert job.state == Job.State.SUCCEEDED, job.errors[:5] or job.message
    numbers = {r[COL["户编号"]] for r in rows}
    assert Member.objects.filter(household__number__in=numbers).count() == len(rows)
    assert Household.objects.filter(number__in=numbers).count() == len(numbers)
