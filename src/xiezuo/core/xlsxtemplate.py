"""Import templates as offices expect them from Excel.

- every choice column has a drop-down of its labels (a data validation reading a hidden 选项 sheet, so long
  lists are not cut at Excel's 255 characters);
- each header carries a comment: what to enter, from the field's help text and format;
- text columns (ID numbers, region codes, phone numbers) are formatted as text, so Excel keeps an 18-digit ID
  as typed instead of turning it into 5.2052E+17 (which the import then refuses);
- a sample row on its own sheet (示例), so the data sheet stays empty and is imported as it is;
- the 填写说明 sheet lists every column, whether it is required and its format.

The data sheet comes first: the import reads the first sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# Rows the drop-downs and formats cover: well beyond what one office imports at once.
ROWS = 10000
TEXT, DATE, NUMBER, INTEGER = "text", "date", "number", "integer"


@dataclass
class TemplateColumn:
    header: str                      # as written in row 1 (with `*` when required)
    comment: str = ""                # shown when the header cell is pointed at
    kind: str = TEXT                 # text / date / number / integer: the column's cell format
    choices: Sequence[str] = field(default_factory=tuple)  # drop-down labels; empty: free entry
    sample: object = ""              # the 示例 sheet's value
    width: int = 0


def write_import_template(target, sheet: str, columns: Sequence[TemplateColumn],
                          notes: Sequence[Sequence[str]] | None = None) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(target, {"in_memory": True, "strings_to_numbers": False})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    formats = {
        TEXT: wb.add_format({"num_format": "@"}),
        DATE: wb.add_format({"num_format": "yyyy-mm-dd"}),
        NUMBER: wb.add_format({"num_format": "#,##0.00"}),
        INTEGER: wb.add_format({"num_format": "0"}),
    }
    data = wb.add_worksheet(sheet[:31])
    # Sheet names in the reader's language; the import reads the first sheet whatever its name.
    sample = wb.add_worksheet(_("示例"))
    options_name = _("选项")
    options = None
    option_col = 0
    for c, col in enumerate(columns):
        width = col.width or max(12, len(col.header) * 2 + 2)
        for ws in (data, sample):
            ws.write_string(0, c, col.header, head)
            ws.set_column(c, c, width, formats[col.kind])
        if col.comment:
            data.write_comment(0, c, col.comment, {"x_scale": 2, "y_scale": 1.5})
        if col.choices:
            if options is None:
                options = wb.add_worksheet(options_name)
            options.write_string(0, option_col, col.header, head)
            for r, label in enumerate(col.choices, start=1):
                options.write_string(r, option_col, str(label))
            letter = _letter(option_col)
            source = f"='{options_name}'!${letter}$2:${letter}${len(col.choices) + 1}"
            data.data_validation(1, c, ROWS, c, {
                "validate": "list", "source": source, "error_title": _("请从下拉列表中选择"),
                "error_message": _("“%(column)s”只能填写下拉列表中的值。") % {"column": col.header.rstrip("*")},
            })
            option_col += 1
        _write_sample(sample, c, col, formats)
    data.freeze_panes(1, 0)
    sample.freeze_panes(1, 0)
    if notes:
        ns = wb.add_worksheet(_("填写说明"))
        for r, row in enumerate(notes):
            for c, v in enumerate(row):
                ns.write_string(r, c, str(v), head if r == 0 else None)
        ns.set_column(0, 0, 22)
        ns.set_column(1, 3, 40)
    if options is not None:
        options.hide()
    data.activate()
    wb.close()


def _write_sample(ws, c: int, col: TemplateColumn, formats) -> None:
    v = col.sample
    if v is None or v == "":
        return
    if isinstance(v, (dt.date, dt.datetime)):
        ws.write_datetime(1, c, v if isinstance(v, dt.datetime) else dt.datetime(v.year, v.month, v.day),
                          formats[DATE])
    elif isinstance(v, (int, float)) and not isinstance(v, bool) and col.kind != TEXT:
        ws.write_number(1, c, v, formats[col.kind])
    else:
        ws.write_string(1, c, str(v), formats[TEXT] if col.kind == TEXT else None)


def _letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out
