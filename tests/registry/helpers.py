"""Small registry files for the tests, built from the synthetic generator (real 大方县 village codes)."""

from __future__ import annotations

import csv
import io

from xiezuo.core.tabular import write_xlsx
from xiezuo.registry.synthetic import HEADERS, Generator, villages_under

DAFANG = villages_under(["520521"], limit=6)
QIANNAN = villages_under(["522732"], limit=2)
COL = {h: i for i, h in enumerate(HEADERS)}


_CALLS = iter(range(1, 10_000))


def registry_rows(members: int = 40, villages=None, seed: int = 5) -> list[list[str]]:
    """Rows whose people and household numbers no other call (nor the demo data) uses."""
    n = next(_CALLS)
    return list(Generator(villages or DAFANG, seed, first_person=100_000 + n * 1000,
                          number_prefix=f"T{n}-").rows(members))


def csv_bytes(rows, headers=HEADERS, encoding="utf-8-sig", before: list[list[str]] | None = None) -> bytes:
    text = io.StringIO()
    w = csv.writer(text)
    for line in before or []:
        w.writerow(line)
    w.writerow(headers)
    w.writerows(rows)
    return text.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]], headers=HEADERS) -> bytes:
    """A workbook with one sheet per entry, plus an instructions sheet the import must skip."""
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, headers)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                elif v not in (None, ""):
                    ws.write_string(r, c, str(v))
    notes = wb.add_worksheet("填写说明")
    notes.write_row(0, 0, ["列名", "说明"])
    wb.close()
    return buffer.getvalue()


def single_sheet_xlsx(rows) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, HEADERS, rows)
    return buffer.getvalue()


def set_cell(row: list, header: str, value) -> list:
    row = list(row)
    row[COL[header]] = value
    return row
