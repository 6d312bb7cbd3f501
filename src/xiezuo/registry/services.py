"""Action functions of the registry: screening verdicts, the exit procedure, monitoring. Each writes its audit row."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from xiezuo.core.audit import record_change
from xiezuo.core.models import ChangeRecord
from xiezuo.core.permissions import can
from xiezuo.core.services import create_record

from . import summary
from .choices import EXIT_STEPS, ExitStage, Guarantee, Monitoring
from .models import ExitProposal, Gap, Household, PovertyLine, Screening

# Who may take each exit step: the village review and the notice by an editor, the approval by an approver.
EXIT_STEP_ACTION = {"village_review": "change", "public_notice": "change", "county_approve": "approve"}


def apply_screening(screening: Screening) -> None:
    """The latest screening of a household sets its guarantees; unmet ones open a gap, met ones close it."""
    household = Household.objects.get(pk=screening.household_id)
    latest = household.screenings.order_by("-checked_on", "-pk").first()
    if latest is not None and latest.pk == screening.pk:
        values = {f"g_{g.value}": getattr(screening, g.value) for g in Guarantee}
        Household.objects.filter(pk=household.pk).update(**values)
        summary.refresh([household.village_id])
    user = screening.created_by
    for g in Guarantee:
        open_gaps = Gap.objects.filter(household=household, guarantee=g.value, resolved_on__isnull=True)
        if not getattr(screening, g.value):
            if not open_gaps.exists():
                create_record(Gap, {"household": household, "screening": screening, "guarantee": g.value,
                                    "synthetic": screening.synthetic}, user, note="筛查发现未达标")
        else:
            for gap in open_gaps:
                gap.resolved_on = screening.checked_on
                gap.save(update_fields=["resolved_on", "updated_at"])
                record_change(gap, ChangeRecord.Action.UPDATE, user,
                              {"resolved_on": [None, str(screening.checked_on)]}, note=f"经“{screening.round}”核查已达标")


@transaction.atomic
def advance_exit(proposal: ExitProposal, step: str, acting_user, reason: str = "") -> ExitProposal:
    """Take one step of the exit procedure, or reject (`step="reject"`, with a reason)."""
    proposal = ExitProposal.objects.select_for_update().get(pk=proposal.pk)
    before = proposal.get_stage_display()
    today = dt.date.today()
    if step == "reject":
        if not can(acting_user, "approve") or proposal.stage in (ExitStage.APPROVED, ExitStage.REJECTED):
            raise PermissionDenied("当前进度或角色不允许此操作")
        if not reason.strip():
            raise ValidationError({"reason": "不通过时必须填写原因"})
        proposal.stage, proposal.note = ExitStage.REJECTED, (proposal.note + "\n" + reason).strip()
    else:
        if step not in EXIT_STEPS or not can(acting_user, EXIT_STEP_ACTION[step]):
            raise PermissionDenied("您的角色不允许此操作")
        source, target = EXIT_STEPS[step]
        if proposal.stage != source:
            raise ValidationError({"stage": "退出程序须按 村评议 → 公示 → 县级批准 的顺序进行"})
        proposal.stage = target
        if step == "public_notice":
            proposal.notice_from = today
        if step == "county_approve":
            proposal.decided_on = today
            household = Household.objects.select_for_update().get(pk=proposal.household_id)
            record_change(household, ChangeRecord.Action.UPDATE, acting_user,
                          {"year_exited": [None, str(proposal.year)]}, note="县级批准脱贫退出")
            household.year_exited = proposal.year
            household.save(update_fields=["year_exited", "updated_at"])
    proposal.save()
    record_change(proposal, ChangeRecord.Action.UPDATE, acting_user,
                  {"stage": [before, proposal.get_stage_display()]}, note=reason)
    return proposal


@transaction.atomic
def mark_monitoring(household: Household, category: str, acting_user, since: dt.date | None = None,
                    note: str = "") -> Household:
    if category not in Monitoring.values:
        raise ValidationError({"monitoring": "未知的监测对象类别"})
    if not can(acting_user, "change", household):
        raise PermissionDenied("您的角色不允许此操作")
    before = household.get_monitoring_display() or None
    household.monitoring, household.monitoring_since = category, since or dt.date.today()
    household.monitoring_cleared_on = None
    household.save()
    record_change(household, ChangeRecord.Action.UPDATE, acting_user,
                  {"monitoring": [before, household.get_monitoring_display()]}, note=note or "纳入防返贫监测")
    return household


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


@transaction.atomic
def clear_stable_risks(acting_user, today: dt.date | None = None, households=None) -> int:
    """Clear the risk of monitored households stable for the configured months: income above the year's
    monitoring threshold and every guarantee met. Returns how many were cleared."""
    today = today or dt.date.today()
    qs = (households if households is not None else Household.objects.all()).exclude(monitoring="")
    cleared = 0
    for household in qs.select_for_update():
        line = PovertyLine.for_village(household.village_id, today.year)
        if line is None or household.monitoring_since is None:
            continue
        if _add_months(household.monitoring_since, line.stable_months) > today:
            continue
        if household.income_per_head <= line.monitoring_threshold or not household.all_guarantees_met:
            continue
        before = household.get_monitoring_display()
        household.monitoring, household.monitoring_cleared_on = "", today
        household.save()
        record_change(household, ChangeRecord.Action.UPDATE, acting_user, {"monitoring": [before, None]},
                      note=f"稳定 {line.stable_months} 个月以上，收入高于监测范围 {line.monitoring_threshold} 元，风险消除")
        cleared += 1
    return cleared
