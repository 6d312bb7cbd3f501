"""Every write of an assessment round: open, advance through the stages, freeze on close, grade.

Rounds are not records (no lifecycle of their own): these functions are their only writers, each in one
transaction, and a frozen value is never written again.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import Area, Stage
from .compute import live_value, score, year_subject
from .models import Assessed, Indicator, Method, Narrative, Round, Target, Value

NEXT = {Stage.SELF: Stage.PARTNER, Stage.PARTNER: Stage.CHECK, Stage.CHECK: Stage.CLOSED,
        Stage.CLOSED: Stage.GRADED}


class RoundError(Exception):
    pass


@transaction.atomic
def open_round(year: int, name: str, pairings, synthetic: bool = False) -> Round:
    rnd = Round.objects.create(year=year, name=name, synthetic=synthetic)
    indicators = list(Indicator.objects.filter(active=True))
    for pairing in pairings:
        assessed = Assessed.objects.create(round=rnd, pairing=pairing)
        Narrative.objects.bulk_create(Narrative(assessed=assessed, area=a) for a in Area.values)
        Value.objects.bulk_create(Value(assessed=assessed, indicator=i) for i in indicators if i.applies_to(pairing))
    return rnd


def targets_of(assessed: Assessed) -> dict:
    """Approved targets of the pairing and year, by indicator id."""
    qs = Target.objects.filter(pairing=assessed.pairing, year=assessed.round.year, status="approved")
    return {t.indicator_id: t.value for t in qs}


@transaction.atomic
def freeze(rnd: Round, user) -> None:
    """Compute every value from approved records and keep it with the ids of the records behind it."""
    now = timezone.now()
    for assessed in rnd.pairings.select_related("pairing"):
        subject = year_subject("pairing", assessed.pairing, rnd.year)
        for v in assessed.values.select_related("indicator"):
            live = live_value(user, v.indicator, subject, ids=True)
            v.value, v.url, v.model = live.value, live.url, live.model
            v.record_ids, v.left_out, v.frozen_at = live.record_ids, live.left_out, now
            v.save()
    rnd.closed_at, rnd.closed_by = now, user


@transaction.atomic
def grade(rnd: Round) -> None:
    method = Method.objects.filter(year=rnd.year).first()
    if method is None:
        raise RoundError(_("没有 %(year)s 年的考核办法（权重合计与等次线）。") % {"year": rnd.year})
    problem = method.weight_problem()
    if problem:
        raise RoundError(problem)
    for assessed in rnd.pairings.all():
        total = score(assessed.values.select_related("indicator"), targets_of(assessed), method)
        assessed.score = total * 100 / method.weight_total
        assessed.grade = method.grade(assessed.score)
        assessed.save()


@transaction.atomic
def advance(rnd: Round, user) -> Round:
    rnd = Round.objects.select_for_update().get(pk=rnd.pk)
    nxt = NEXT.get(rnd.stage)
    if nxt is None:
        raise RoundError(_("本轮考核已评定等次。"))
    if nxt == Stage.CLOSED:
        freeze(rnd, user)
    elif nxt == Stage.GRADED:
        grade(rnd)
    rnd.stage = nxt
    rnd.save()
    return rnd
