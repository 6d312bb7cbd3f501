"""Every write of an assessment round: open, write the texts of a stage, advance, freeze on close, grade.

Rounds are not records (no lifecycle of their own): these functions are their only writers, each in one
transaction, each leaving a row in the change history (core/audit.py, shown on the round's history page),
and a frozen value is never written again.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezuo.core.audit import record_change
from xiezuo.core.models import ChangeRecord

from .choices import Area, Stage
from .compute import live_value, score, year_subject
from .models import Assessed, Indicator, Method, Narrative, Round, Value
from .targets import goals

NEXT = {Stage.SELF: Stage.PARTNER, Stage.PARTNER: Stage.CHECK, Stage.CHECK: Stage.CLOSED,
        Stage.CLOSED: Stage.GRADED}
UPDATE = ChangeRecord.Action.UPDATE


class RoundError(Exception):
    pass


def _text(value) -> str | None:
    if value is None or value == "":
        return None
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)


def log(rnd: Round, user, note: str, changes: dict | None = None, action: str = UPDATE) -> None:
    """One row of the round's change history: who did which round action, and what it changed."""
    record_change(rnd, action, user, {k: v for k, v in (changes or {}).items() if v[0] != v[1]}, note=note)


@transaction.atomic
def open_round(year: int, name: str, pairings, synthetic: bool = False, acting_user=None) -> Round:
    rnd = Round.objects.create(year=year, name=name, synthetic=synthetic)
    indicators = list(Indicator.objects.filter(active=True))
    for pairing in pairings:
        assessed = Assessed.objects.create(round=rnd, pairing=pairing)
        Narrative.objects.bulk_create(Narrative(assessed=assessed, area=a) for a in Area.values)
        Value.objects.bulk_create(Value(assessed=assessed, indicator=i) for i in indicators if i.applies_to(pairing))
    log(rnd, acting_user, _("开启考核轮次"), {
        _("年度"): [None, str(year)], _("参评结对"): [None, "；".join(str(p) for p in pairings)]},
        action=ChangeRecord.Action.CREATE)
    return rnd


def targets_of(assessed: Assessed) -> dict:
    """Indicator id -> Goal (value and source) of the pairing and year: the annual plan's where there is one,
    else the entered target (targets.py); approved records only."""
    found = goals([assessed.pairing_id], assessed.round.year)
    return {ind_id: goal for (_pid, ind_id), goal in found.items()}


@transaction.atomic
def freeze(rnd: Round, user) -> dict:
    """Compute every value from approved records and keep it with the ids of the records behind it."""
    now = timezone.now()
    frozen, left_out = 0, 0
    for assessed in rnd.pairings.select_related("pairing"):
        subject = year_subject("pairing", assessed.pairing, rnd.year)
        for v in assessed.values.select_related("indicator"):
            live = live_value(user, v.indicator, subject, ids=True)
            v.value, v.url, v.model = live.value, live.url, live.model
            v.record_ids, v.left_out, v.frozen_at = live.record_ids, live.left_out, now
            v.save()
            frozen += v.value is not None
            left_out += live.left_out
    rnd.closed_at, rnd.closed_by = now, user
    return {"frozen": frozen, "left_out": left_out}


@transaction.atomic
def grade(rnd: Round) -> dict:
    method = Method.objects.filter(year=rnd.year).first()
    if method is None:
        raise RoundError(_("没有 %(year)s 年的考核办法（权重合计与等次线）。") % {"year": rnd.year})
    problem = method.weight_problem()
    if problem:
        raise RoundError(problem)
    changes = {}
    for assessed in rnd.pairings.select_related("pairing"):
        before = f"{assessed.score} {assessed.get_grade_display()}" if assessed.grade else None
        total = score(assessed.values.select_related("indicator"), targets_of(assessed), method)
        assessed.score = total * 100 / method.weight_total
        assessed.grade = method.grade(assessed.score)
        assessed.save()
        changes[_("得分与等次·%(pairing)s") % {"pairing": assessed.pairing}] = [
            before, f"{assessed.score} {assessed.get_grade_display()}"]
    return changes


STAGE_NOTES = {
    Stage.PARTNER: gettext_lazy("提交自评，转帮扶方意见"),
    Stage.CHECK: gettext_lazy("帮扶方意见完成，转交叉检查"),
}


@transaction.atomic
def advance(rnd: Round, user) -> Round:
    rnd = Round.objects.select_for_update().get(pk=rnd.pk)
    before = rnd.get_stage_display()
    nxt = NEXT.get(rnd.stage)
    if nxt is None:
        raise RoundError(_("本轮考核已评定等次。"))
    changes = {}
    if nxt == Stage.CLOSED:
        done = freeze(rnd, user)
        note = _("关闭本轮并冻结数值：%(n)s 项数值冻结，%(m)s 条未审核记录未计入。") % {
            "n": done["frozen"], "m": done["left_out"]}
    elif nxt == Stage.GRADED:
        changes = grade(rnd)
        note = _("评分并评定等次")
    else:
        note = str(STAGE_NOTES[nxt])
    rnd.stage = nxt
    rnd.save()
    log(rnd, user, note, {_("阶段"): [str(before), str(rnd.get_stage_display())], **changes})
    return rnd


# --- the texts of a stage -------------------------------------------------------------------------------------

@transaction.atomic
def save_narratives(assessed: Assessed, field: str, texts: dict[str, str], user) -> None:
    """The self-evaluation (`self_text`) or the partner's comments (`partner_comment`) per area."""
    changes = {}
    for n in assessed.narratives.all():
        if n.area not in texts:
            continue
        before, after = getattr(n, field), texts[n.area]
        if before != after:
            setattr(n, field, after)
            n.save()
            changes[f"{Narrative._meta.get_field(field).verbose_name}·{n.get_area_display()}"] = [
                _text(before), _text(after)]
    if changes:
        note = _("自评说明：%(p)s") if field == "self_text" else _("帮扶方意见：%(p)s")
        log(assessed.round, user, note % {"p": assessed.pairing}, changes)


@transaction.atomic
def save_check(assessed: Assessed, rows: dict[int, tuple[str, str, str]], user) -> None:
    """The cross-check: per value (by id) its note, adjusted value (text, may be empty) and reason. An
    adjustment without a reason, or that is not a number, is refused with nothing saved."""
    changes = {}
    for v in assessed.values.select_related("indicator"):
        if v.pk not in rows:
            continue
        note, raw, reason = rows[v.pk]
        if raw and not reason:
            raise RoundError(_("调整数值须写明理由。"))
        try:
            adjusted = Decimal(raw) if raw else None
        except InvalidOperation:
            raise RoundError(_("调整后数值应为数字。")) from None
        name = v.indicator.name
        for label, before, after in ((_("检查意见"), v.check_note, note), (_("调整后数值"), v.adjusted, adjusted),
                                     (_("调整理由"), v.adjust_reason, reason)):
            if _text(before) != _text(after):
                changes[f"{label}·{name}"] = [_text(before), _text(after)]
        v.check_note, v.adjusted, v.adjust_reason = note, adjusted, reason
        v.save()
    if changes:
        log(assessed.round, user, _("交叉检查：%(p)s") % {"p": assessed.pairing}, changes)
