"""The target of an indicator for a pairing and a year: from the annual plan (the workplan channel's 年度协议目标,
read through core/targets.py, never by importing that channel) where the plan names the indicator's figure,
else the target entered here (the `Target` record type). Approved records only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from xiezuo.core.targets import planned

from .models import Indicator, Target

ENTERED = _("考核目标（录入）")


@dataclass(frozen=True)
class Goal:
    value: Decimal
    source: object  # where it comes from, as the round page says


def goals(pairing_ids, year: int, indicators=None) -> dict[tuple[int, int], Goal]:
    """(pairing id, indicator id) -> Goal for these pairings and the year."""
    ids = list(pairing_ids)
    indicators = list(indicators if indicators is not None else Indicator.objects.all())
    out: dict[tuple[int, int], Goal] = {}
    for t in Target.objects.filter(pairing_id__in=ids, year=year, status="approved").order_by("pk"):
        out[(t.pairing_id, t.indicator_id)] = Goal(t.value, ENTERED)
    plans = planned(ids, year)
    for ind in indicators:
        for pid in ids:
            plan = plans.get((pid, ind.figure_key))
            if plan is not None:
                out[(pid, ind.pk)] = Goal(plan.value, plan.label)
    return out


def region_goals(region, year: int, indicators) -> dict[int, Decimal]:
    """Indicator id -> the sum of the targets of the pairings whose helped side lies in the region."""
    from xiezuo.partners.models import Pairing

    prefix = region.prefix
    ids = list(Pairing.objects.filter(Q(helped_region__code__startswith=prefix)
                                      | Q(helped_organisation__region__code__startswith=prefix))
               .values_list("pk", flat=True))
    out: dict[int, Decimal] = {}
    for (_pid, ind_id), goal in goals(ids, year, indicators).items():
        out[ind_id] = out.get(ind_id, Decimal(0)) + goal.value
    return out
