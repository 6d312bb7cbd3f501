"""Indicator values from the figure registry: live (for the dashboard and open rounds) or frozen.

A value is the declared figure for the pairing and the calendar year, approved records only, with the ids of
the records behind it and the count of unapproved records it left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from xiezuo.core.figures import Options, Subject, compute, compute_many, records

from .models import Indicator


@dataclass
class Live:
    value: Decimal | None          # None: 无数据来源 or not applicable
    url: str = ""
    model: str = ""
    record_ids: list[int] = field(default_factory=list)
    left_out: int = 0
    source: bool = True            # False: no channel declares the indicator's figure key


def year_subject(kind: str, obj, year: int, until: dt.date | None = None) -> Subject:
    return Subject(kind, obj, dt.date(year, 1, 1), until or dt.date(year, 12, 31))


def live_value(user, indicator: Indicator, subject: Subject, ids: bool = False, unapproved: bool = True) -> Live:
    """The indicator's figure for the subject; `ids` also lists the records behind it (for freezing and
    for the links of a round's values; the dashboard does without)."""
    spec = indicator.spec
    if spec is None:
        return Live(None, source=False)
    if not spec.applies(subject.kind):
        return Live(None)
    fig = compute(user, spec, subject, Options())
    if fig is None:
        return Live(None)
    record_ids = []
    if ids:
        qs, _u, _a = records(user, spec.record_model, spec.params(subject, Options()))
        record_ids = sorted(qs.values_list("pk", flat=True))
    left_out = 0
    if unapproved and hasattr(spec.record_model, "status"):  # how many the value leaves out (not on the dashboard)
        every, _u, _a = records(user, spec.record_model, spec.params(subject, Options(include_unapproved=True)))
        left_out = every.exclude(status="approved").count()
    return Live(Decimal(fig.value or 0), fig.url, spec.model, record_ids, left_out)


def live_values(user, indicator: Indicator, subjects: list[Subject]) -> list[Live]:
    """Approved values of one indicator for many subjects (the dashboard's map, pairings and months): a count
    or sum of all of them in one query through the registry's `compute_many`."""
    spec = indicator.spec
    if spec is None:
        return [Live(None, source=False) for _s in subjects]
    wanted = [s for s in subjects if spec.applies(s.kind)]
    found = iter(compute_many(user, spec, [(s, None) for s in wanted], Options()))
    out = []
    for s in subjects:
        fig = next(found) if spec.applies(s.kind) else None
        out.append(Live(None) if fig is None else Live(Decimal(fig.value or 0), fig.url, spec.model))
    return out


def score(values, targets: dict, method) -> Decimal:
    """Score of one pairing: each indicator earns its weight times its attainment (value against the target,
    at most 1; higher or lower is better by the indicator's direction). An indicator without a target earns
    its weight when it has a value above zero; one without data earns nothing."""
    total = Decimal(0)
    for v in values:
        ind = v.indicator
        used = v.used
        if used is None:
            continue
        target = targets.get(ind.pk)
        target = getattr(target, "value", target)
        if target is None or target == 0:
            ratio = Decimal(1) if used > 0 else Decimal(0)
        elif ind.direction == "lower":
            ratio = Decimal(1) if used <= target else target / used
        else:
            ratio = min(Decimal(1), used / target)
        total += ind.weight * ratio
    return total.quantize(Decimal("0.01"))
