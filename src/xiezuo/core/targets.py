"""Planned targets that one channel keeps and another reads, without either importing the other.

A channel whose records hold targets of a figure for a pairing and a year (the annual cooperation plan's
targets, 年度协议目标) declares them once, in its `AppConfig.ready()`:

    target_source("workplan.PlanTarget", figure="figure", value="target_value", money_scale=10000,
                  label=_("年度协议目标"))

and a reader (the assessment channel's rounds and dashboard) asks core:

    planned(pairing_ids, year)  ->  {(pairing id, figure key): Planned(value, source label, model)}

Only approved records count. `value` is in the figure's own unit; a source that keeps money in 万元 says so
with `money_scale` (the figure's yuan = value × scale).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class TargetSource:
    model: str                    # "app.Model": a record type with a pairing, a year, a figure key and a value
    figure: str = "figure"        # field holding the figure key (core/figures.py)
    value: str = "value"
    pairing: str = "pairing"
    year: str = "year"
    money_scale: int = 1          # the yuan of a money figure per unit of `value`
    label: object = ""            # where the target comes from, as a reader sees it


@dataclass(frozen=True)
class Planned:
    value: Decimal
    label: object
    model: str
    pk: int


SOURCES: list[TargetSource] = []


def target_source(model: str, **kwargs) -> TargetSource:
    """Declare a record type holding planned targets (called from the owning channel's `ready()`)."""
    source = TargetSource(model=model, **kwargs)
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def planned(pairing_ids: Iterable[int], year: int) -> dict[tuple[int, str], Planned]:
    """Approved planned targets of these pairings for the year, by (pairing id, figure key). Where two records
    give a target for the same figure, the latest (highest id) wins."""
    from django.apps import apps

    from .figures import FIGURES, discover

    discover()
    ids = list(pairing_ids)
    out: dict[tuple[int, str], Planned] = {}
    if not ids:
        return out
    for source in SOURCES:
        model = apps.get_model(source.model)
        rows = model._base_manager.filter(**{f"{source.pairing}_id__in": ids, source.year: year},
                                          status="approved").order_by("pk")
        for pairing_id, key, value, pk in rows.values_list(f"{source.pairing}_id", source.figure, source.value,
                                                           "pk"):
            if value is None:
                continue
            spec = FIGURES.get(key)
            scale = source.money_scale if spec is not None and spec.money else 1
            out[(pairing_id, key)] = Planned(Decimal(value) * scale, source.label, source.model, pk)
    return out
