"""A round's self-evaluation report (.docx) and its values table (.xlsx): the numbers are the round's own
(frozen once closed, with the difference a later edit makes), never typed by anyone."""

from __future__ import annotations

import io

import xlsxwriter
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .briefing import DOCX
from .choices import Area
from .models import Round
from .views import value_rows, visible_assessed


def _number(row) -> str:
    value = row["value"]
    if value is None:
        return _("无数据来源") if not row["source"] else "—"
    return f"{value.normalize():f}"


def _blocks(user, rnd):
    assessed = list(visible_assessed(user, rnd))
    if not assessed:
        raise Http404
    return [(a, value_rows(user, a), {n.area: n for n in a.narratives.all()}) for a in assessed]


@login_required
def round_docx(request, pk):
    from docx import Document

    rnd = get_object_or_404(Round, pk=pk)
    doc = Document()
    doc.add_heading(_("%(name)s 自评报告") % {"name": rnd.name}, 0)
    for a, rows, narratives in _blocks(request.user, rnd):
        doc.add_heading(str(a.pairing), 1)
        if a.grade:
            doc.add_paragraph(_("得分 %(score)s，等次：%(grade)s。") % {"score": a.score, "grade": a.get_grade_display()})
        for code, label in Area.choices:
            doc.add_heading(str(label), 2)
            figures = [r for r in rows if r["i"].area == code and r["value"] is not None]
            if figures:
                doc.add_paragraph("；".join(f"{r['i'].name}{_number(r)}{r['i'].unit if not r['i'].money else '元'}"
                                           for r in figures) + "。")
            n = narratives.get(code)
            if n is not None and n.self_text:
                doc.add_paragraph(n.self_text)
            if n is not None and n.partner_comment:
                doc.add_paragraph(_("帮扶方意见：") + n.partner_comment)
        table = doc.add_table(rows=1, cols=4)
        for cell, text in zip(table.rows[0].cells, (_("指标"), _("数值"), _("未计入的未审核记录"), _("记录链接")), strict=True):
            cell.text = str(text)
        for r in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = r["i"].name, _number(r)
            cells[2].text, cells[3].text = str(r["left_out"]), r.get("frozen_url") or r["url"]
    out = io.BytesIO()
    doc.save(out)
    response = HttpResponse(out.getvalue(), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="round-{rnd.pk}.docx"'
    return response


@login_required
def round_xlsx(request, pk):
    rnd = get_object_or_404(Round, pk=pk)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet(str(rnd.year))
    header = [_("结对关系"), _("考核内容"), _("指标"), _("单位"), _("目标值"), _("冻结值") if rnd.frozen else _("当前值"),
              _("冻结后差额"), _("调整后数值"), _("调整理由"), _("得分"), _("等次")]
    sheet.write_row(0, 0, [str(h) for h in header])
    line = 1
    for a, rows, _narratives in _blocks(request.user, rnd):
        for r in rows:
            sheet.write_row(line, 0, [
                str(a.pairing), str(r["i"].get_area_display()), r["i"].name, "元" if r["i"].money else r["i"].unit,
                float(r["target"]) if r["target"] is not None else "", float(r["value"]) if r["value"] is not None
                else _number(r), float(r.get("difference") or 0) or "",
                float(r["v"].adjusted) if r["v"].adjusted is not None else "", r["v"].adjust_reason,
                float(a.score) if a.score is not None else "", str(a.get_grade_display()) if a.grade else ""])
            line += 1
    book.close()
    response = HttpResponse(out.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="round-{rnd.pk}.xlsx"'
    return response
