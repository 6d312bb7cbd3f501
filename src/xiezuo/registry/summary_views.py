"""Summary pages by prefecture and county: read from the summary figures, every figure links to its records."""

from __future__ import annotations

import io
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from xiezuo.core.scope import code_prefix, get_scope
from xiezuo.core.tabular import write_xlsx
from xiezuo.geo.models import Region

from .choices import Attribute, Cause, Guarantee, Monitoring
from .models import SummaryFigure

CHILD_LEVEL = {1: 2, 2: 3, 3: 5}
# (key, header, dimension, value) of the columns, in order.
# Headers are lazy: read in the language of each request.
COLUMNS = [("households", _("户数"), "total", ""), ("members", _("人数"), "total", "")] + [
    (f"attribute:{v}", lbl, "attribute", v) for v, lbl in Attribute.choices] + [
    ("exited", _("已脱贫户"), "exited", "1")] + [
    (f"g_{g.value}", format_lazy(_("{}未达标"), g.label), f"g_{g.value}", "unmet") for g in Guarantee] + [
    ("g_unknown", _("未筛查户"), "g_food", "unknown")] + [
    (f"monitoring:{v}", lbl, "monitoring", v) for v, lbl in Monitoring.choices]


def _filter_query(prefix: str, dimension: str, value: str) -> str:
    params = {"region": prefix}
    if dimension in ("attribute", "main_cause", "monitoring"):
        params[dimension] = value
    elif dimension == "exited":
        params["exited"] = "true"
    elif dimension.startswith("g_"):
        params[dimension] = value
    return urlencode(params)


def _default_region(user) -> str:
    scope = get_scope(user)
    if scope.everything:
        top = SummaryFigure.objects.filter(level=2).values_list("parent", flat=True).first()
        return top or "520000000000"
    prefixes = sorted(scope.region_prefixes, key=len)
    for prefix in prefixes:
        if SummaryFigure.objects.restrict(user).filter(region__code__startswith=prefix).exists():
            return prefix.ljust(12, "0")
    return (prefixes[0] if prefixes else "52").ljust(12, "0")


def summary_table(user, region: Region):
    """Rows of the child regions inside the user's area, and the total; None when nothing is visible."""
    scope = get_scope(user)
    level = CHILD_LEVEL.get(region.level)
    if level is None:
        level, parent_filter = 5, {"region_id": region.code}
    else:
        parent_filter = {"parent": region.code}
    figures = SummaryFigure.objects.restrict(user).filter(level=level, **parent_filter)
    cells: dict[str, dict] = {}
    causes: dict[str, list[int]] = {}
    for code, dim, value, hh, members in figures.values_list("region_id", "dimension", "value", "households",
                                                              "members"):
        row = cells.setdefault(code, {})
        row[(dim, value)] = (hh, members)
        if dim == "main_cause":
            causes.setdefault(value, [0, 0])
            causes[value][0] += hh
            causes[value][1] += members
    if not cells and not scope.covers_code(region.code) and not any(
            p.startswith(region.prefix) for p in scope.region_prefixes):
        return None
    names = dict(Region.objects.filter(code__in=cells).values_list("code", "name"))
    household_list = reverse("registry:household_list")
    rows, total = [], {key: 0 for key, *_ in COLUMNS}
    for code in sorted(cells):
        prefix = code_prefix(code, 5 if level == 5 else level)
        out = []
        for key, _header, dim, value in COLUMNS:
            hh, members = cells[code].get((dim, value), (0, 0))
            n = members if key == "members" else hh
            total[key] += n
            out.append((n, f"{household_list}?{_filter_query(prefix, dim, value)}"))
        rows.append({"code": code, "name": names.get(code, code), "cells": out, "drill": level in (2, 3)})
    region_prefix = region.prefix
    total_row = [(total[key], f"{household_list}?{_filter_query(region_prefix, dim, value)}")
                 for key, _h, dim, value in COLUMNS]
    cause_rows = [(str(lbl), *causes.get(v, (0, 0)),
                   f"{household_list}?{_filter_query(region_prefix, 'main_cause', v)}") for v, lbl in Cause.choices]
    return {"rows": rows, "total": total_row, "causes": cause_rows, "child_level": level}


@login_required
def summary(request, code: str | None = None):
    code = (code or _default_region(request.user)).ljust(12, "0")
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404
    table = summary_table(request.user, region)
    if table is None:
        raise Http404
    if request.GET.get("format") == "xlsx":
        buffer = io.BytesIO()
        headers = [str(_("地区代码")), str(_("地区"))] + [str(h) for _k, h, _d, _v in COLUMNS]
        body = [[r["code"], r["name"], *[n for n, _u in r["cells"]]] for r in table["rows"]]
        body.append(["", str(_("合计")), *[n for n, _u in table["total"]]])
        write_xlsx(buffer, headers, body, sheet=str(_("汇总")))
        buffer.seek(0)
        return FileResponse(buffer, as_attachment=True, filename=f"建档立卡汇总-{region.name}.xlsx")
    ancestors = [r for r in region.ancestors() if get_scope(request.user).covers_code(r.code)]
    return render(request, "registry/summary.html", {
        "region": region, "ancestors": ancestors, "headers": [h for _k, h, _d, _v in COLUMNS], **table,
    })
