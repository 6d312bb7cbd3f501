"""Annual cooperation plans (年度协议 / 工作计划): a pairing's targets for a year, each read against the figure
the ledger already computes from approved records (the figure registry), never typed twice."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.utils.translation import gettext as _


def figure_choices() -> list[tuple[str, str]]:
    """Figures that apply to a pairing: a plan's target names one of them."""
    from xiezuo.core import figures as registry

    registry.discover()
    out = []
    for spec in registry.specs("pairing"):
        unit = _("万元") if spec.money else str(spec.unit or "")
        out.append((spec.key, f"{spec.label}（{unit}）" if unit else str(spec.label)))
    return out


def actual(user, target):
    """(value, list URL) of the target's figure for its pairing and year, approved records only, in the reader's
    area; money in yuan."""
    from xiezuo.core import figures as registry

    registry.discover()
    spec = registry.FIGURES.get(target.figure)
    if spec is None:
        return None, ""
    subject = registry.Subject("pairing", target.pairing, dt.date(target.year, 1, 1), dt.date(target.year, 12, 31))
    fig = registry.compute(user, spec, subject, registry.Options())
    return (fig.value, fig.url) if fig is not None else (None, "")


def plan_rows(user, targets) -> list[dict]:
    """Each target with its current value and completion rate; money targets are in 万元, figures in yuan."""
    rows = []
    for t in targets:
        value, url = actual(user, t)
        if value is not None and _is_money(t.figure):
            value = round(value / 10000, 2)
        rate = round(100 * float(value) / float(t.target_value), 1) if value is not None and t.target_value else None
        rows.append({"target": t, "value": value, "url": url, "rate": rate})
    return rows


def _is_money(key: str) -> bool:
    from xiezuo.core import figures as registry

    spec = registry.FIGURES.get(key)
    return bool(spec and spec.money)


def pairing_context(request, pairing) -> dict:
    Target = apps.get_model("workplan", "PlanTarget")
    targets = Target.objects.restrict(request.user).filter(pairing=pairing).order_by("-year", "figure")
    return {"plan_rows": plan_rows(request.user, targets)}


def target_context(request, target) -> dict:
    return {"plan_rows": plan_rows(request.user, [target])}
