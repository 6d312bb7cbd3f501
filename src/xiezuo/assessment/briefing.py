"""工作简报 drafted from the data: a .docx for an organisation, a pairing or a region and a period.

Every number is a figure of the registry (approved records only), listed again with its source in the
appendix table; the user edits the wording in Word, never the numbers.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezuo.core.figures import Subject, build_tables, figures
from xiezuo.geo.models import Region
from xiezuo.partners.models import Organisation, Pairing

from .models import Indicator

KINDS = {"organisation": Organisation, "pairing": Pairing, "region": Region}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# The register of the seed reports: counts of visits by enterprises or people are written "20家(次)", "35人(次)".
REGISTER = {"家次": "家(次)", "人次": "人(次)"}


def amount(f) -> str:
    if f.money:
        return f"{(Decimal(f.value) / 10000).quantize(Decimal('0.01')).normalize():f}万元"
    value = f.value if not isinstance(f.value, Decimal) else f.value.normalize()
    unit = str(f.unit)
    return f"{value}{REGISTER.get(unit, unit)}"


def draft(user, subject: Subject) -> tuple[str, list[tuple[str, list]], list]:
    """(headline, [(section, figures)], every figure): sections by assessment area where an indicator reads
    the figure, else by the channel that declares it; figures that are zero are left out."""
    found = [f for f in figures(user, subject) if f.value]
    area_of, app_area = {}, {}
    for i in Indicator.objects.filter(active=True):
        area_of[i.figure_key] = i.get_area_display()
        app_area.setdefault(i.figure_key.split(".")[0], i.get_area_display())
    sections: dict[str, list] = {}
    for f in found:  # under its indicator's area, else under the area of its channel's first indicator
        area = area_of.get(f.key) or app_area.get(f.key.split(".")[0]) or _("其他工作")
        sections.setdefault(str(area), []).append(f)
    period = f"{subject.since:%Y年%-m月}至{subject.until:%Y年%-m月}"
    headline = _("%(period)s，%(who)s") % {"period": period, "who": subject.obj} + "：" + "，".join(
        f"{f.label}{amount(f)}" for f in found[:4]) + "。"
    return headline, list(sections.items()), found


def build_docx(user, subject: Subject) -> bytes:
    from docx import Document

    headline, sections, found = draft(user, subject)
    doc = Document()
    doc.add_heading(_("工作简报"), 0)
    doc.add_paragraph(_("（%(date)s 由协作平台根据已审核记录生成，数字请勿手改）") % {
        "date": timezone.localdate().isoformat()})
    doc.add_paragraph(headline)
    for title, figs in sections:
        doc.add_heading(title, 2)
        doc.add_paragraph("；".join(f"{f.label}{amount(f)}" for f in figs) + "。")
    for t in build_tables(user, subject):  # e.g. agreements and projects per enterprise
        if not t.rows:
            continue
        doc.add_heading(str(t.title), 2)
        grid = doc.add_table(rows=1, cols=len(t.headers))
        for cell, header in zip(grid.rows[0].cells, t.headers, strict=True):
            cell.text = str(header)
        for row in t.rows:
            cells = grid.add_row().cells
            cells[0].text = str(row[0])
            for cell, fig in zip(cells[1:], row[1:], strict=True):
                cell.text = amount(fig) if fig is not None else ""
    doc.add_heading(_("附表：数字来源"), 2)
    table = doc.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text, table.rows[0].cells[2].text = (
        _("数字"), _("数值"), _("来源（记录清单）"))
    for f in found:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = str(f.label), amount(f), f.url
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _date(text: str, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else default
    except ValueError:
        return default


@login_required
def briefing(request):
    kind = request.GET.get("kind", "")
    ident = request.GET.get("id", "")
    context = {"kinds": KINDS, "kind": kind, "id": ident, "since": request.GET.get("since", ""),
               "until": request.GET.get("until", "")}
    if kind in KINDS and ident:
        obj = KINDS[kind].objects.restrict(request.user).filter(pk=ident).first() \
            if hasattr(KINDS[kind].objects, "restrict") else KINDS[kind].objects.filter(pk=ident).first()
        if obj is None:
            context["error"] = _("找不到该对象，或不在您的管辖范围内。")
        else:
            today = timezone.localdate()
            subject = Subject(kind, obj, _date(context["since"], dt.date(today.year, 1, 1)),
                              _date(context["until"], today))
            if not [f for f in figures(request.user, subject) if f.value]:
                context["error"] = _("该期间没有已审核的记录，无法生成简报。")
            else:
                response = HttpResponse(build_docx(request.user, subject), content_type=DOCX)
                response["Content-Disposition"] = 'attachment; filename="briefing.docx"'
                return response
    return render(request, "assessment/briefing.html", context)
