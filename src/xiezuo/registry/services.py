"""Action functions of the registry: screening verdicts, the exit and monitoring procedures. Each writes its audit
row. The procedures are declared here (steps, who takes them, what they set) and run by `procedure.advance`."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from xiezuo.core.audit import diff, record_change, snapshot
from xiezuo.core.models import ChangeRecord
from xiezuo.core.permissions import can
from xiezuo.core.services import create_record

from . import summary
from .choices import ExitStage, Guarantee, MonitoringStage
from .models import ExitProposal, Gap, Household, MonitoringCase, PovertyLine, Screening
from .procedure import Procedure, Step, advance, stored_text


def apply_screening(screening: Screening) -> None:
    """The latest screening of a household sets its guarantees; unmet ones open a gap, met ones close it."""
    household = Household.objects.get(pk=screening.household_id)
    latest = household.screenings.order_by("-checked_on", "-pk").first()
    if latest is not None and latest.pk == screening.pk:
        values = {f"g_{g.value}": getattr(screening, g.value) for g in Guarantee}
        Household.objects.filter(pk=household.pk).update(**values, version=F("version") + 1)
        summary.refresh([household.village_id])
    user = screening.created_by
    for g in Guarantee:
        open_gaps = Gap.objects.filter(household=household, guarantee=g.value, resolved_on__isnull=True)
        if not getattr(screening, g.value):
            if not open_gaps.exists():
                create_record(Gap, {"household": household, "screening": screening, "guarantee": g.value,
                                    "synthetic": screening.synthetic}, user, note=_("筛查发现未达标"))
        else:
            for gap in open_gaps:
                gap.resolved_on = screening.checked_on
                gap.save(update_fields=["resolved_on", "updated_at"])
                record_change(gap, ChangeRecord.Action.UPDATE, user,
                              {"resolved_on": [None, str(screening.checked_on)]}, note=_("经“%(round)s”核查已达标") % {"round": screening.round})


# --- exit (脱贫退出) ---------------------------------------------------------------------------------------------

def _exit_approved(proposal: ExitProposal, acting_user, day: dt.date) -> None:
    household = Household.objects.select_for_update().get(pk=proposal.household_id)
    record_change(household, ChangeRecord.Action.UPDATE, acting_user,
                  {"year_exited": [None, str(proposal.year)]}, note=_("县级批准脱贫退出"))
    household.year_exited = proposal.year
    household.save(update_fields=["year_exited", "updated_at"])


EXIT = Procedure(model=ExitProposal, label=_("退出程序"), rejected=ExitStage.REJECTED, steps=(
    Step("village_review", _("村评议"), ExitStage.PROPOSED, ExitStage.VILLAGE_REVIEWED),
    Step("public_notice", _("公示"), ExitStage.VILLAGE_REVIEWED, ExitStage.NOTICED, date_field="notice_from"),
    Step("county_approve", _("县级批准"), ExitStage.NOTICED, ExitStage.APPROVED, action="approve",
         date_field="decided_on"),
), effects={"county_approve": _exit_approved})


def advance_exit(proposal: ExitProposal, step: str, acting_user, reason: str = "") -> ExitProposal:
    """Take one step of the exit procedure, or reject (`step="reject"`, with a reason)."""
    return advance(proposal, step, acting_user, reason)


# --- monitoring (防止返贫动态监测) ------------------------------------------------------------------------------

def _monitoring_approved(case: MonitoringCase, acting_user, day: dt.date) -> None:
    """County approval: the household becomes a monitored household of the case's category from that day."""
    household = Household.objects.select_for_update().get(pk=case.household_id)
    if household.monitoring == case.category:
        raise ValidationError({"stage": _("该户已是%(c)s，无需再审定。") % {"c": household.get_monitoring_display()}})
    for other in MonitoringCase.objects.filter(household_id=case.household_id, stage=MonitoringStage.APPROVED):
        advance(other, "supersede", acting_user, f"调整为{stored_text(case.get_category_display())}", on=day)
    before = snapshot(household)
    household.monitoring, household.monitoring_since, household.monitoring_cleared_on = case.category, day, None
    household.save()  # the signal recounts the village's summary figures
    record_change(household, ChangeRecord.Action.UPDATE, acting_user, diff(before, snapshot(household)),
                  note=_("县级审定纳入防返贫监测"))


MONITORING = Procedure(
    model=MonitoringCase, label=_("监测程序"), rejected=MonitoringStage.REJECTED, start_date_field="warned_on",
    steps=(
        Step("visit", _("入户核实"), MonitoringStage.WARNED, MonitoringStage.VISITED, date_field="visited_on",
             inputs=("visited_on", "visitor")),
        Step("consent", _("农户承诺授权"), MonitoringStage.VISITED, MonitoringStage.CONSENTED,
             date_field="consented_on"),
        Step("match", _("数据比对"), MonitoringStage.CONSENTED, MonitoringStage.MATCHED),
        Step("village_review", _("村级评议"), MonitoringStage.MATCHED, MonitoringStage.VILLAGE_REVIEWED),
        Step("public_notice", _("公示"), MonitoringStage.VILLAGE_REVIEWED, MonitoringStage.NOTICED,
             date_field="notice_from"),
        Step("township_review", _("乡镇审核"), MonitoringStage.NOTICED, MonitoringStage.TOWNSHIP_REVIEWED,
             action="approve"),
        Step("county_approve", _("县级审定"), MonitoringStage.TOWNSHIP_REVIEWED, MonitoringStage.APPROVED,
             action="approve", date_field="decided_on"),
        # Taken by services only: the risk cleared after the stable period, or the category changed by a later case.
        Step("clear_risk", _("风险消除"), MonitoringStage.APPROVED, MonitoringStage.CLEARED, action="approve",
             offered=False, notes=True),
        Step("supersede", _("调整监测类别"), MonitoringStage.APPROVED, MonitoringStage.SUPERSEDED,
             action="approve", offered=False, notes=True),
    ),
    effects={"county_approve": _monitoring_approved},
)


@transaction.atomic
def open_monitoring_case(household: Household, acting_user, category: str, trigger: str, risk: str,
                         warned_on: dt.date | None = None, note: str = "", synthetic: bool = False) -> MonitoringCase:
    """The warning (预警): open a monitoring case for a household inside the user's area."""
    if not Household.objects.restrict(acting_user).filter(pk=household.pk).exists():
        raise PermissionDenied(_("该户不在您的管辖范围内"))
    if not can(acting_user, "add", MonitoringCase):
        raise PermissionDenied(_("您的角色不允许此操作"))
    try:
        return create_record(MonitoringCase, {
            "household": household, "category": category, "trigger": trigger, "risk": risk.strip(),
            "warned_on": warned_on or dt.date.today(), "note": note, "synthetic": synthetic,
        }, acting_user, note=_("预警：开启防返贫监测程序"))
    except IntegrityError:  # another office opened a case for the household at the same moment
        raise ValidationError({"household": _("该户已有进行中的监测程序。")}) from None


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


@transaction.atomic
def clear_stable_risks(acting_user, today: dt.date | None = None, households=None) -> int:
    """Clear the risk (风险消除) of monitored households stable for the configured months: income above the year's
    monitoring threshold and every guarantee met. Their approved case is closed with a note. Returns how many
    were cleared."""
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
        why = f"稳定 {line.stable_months} 个月以上，收入高于监测范围 {line.monitoring_threshold} 元，风险消除"
        record_change(household, ChangeRecord.Action.UPDATE, acting_user, {"monitoring": [before, None]}, note=why)
        for case in household.monitoring_cases.filter(stage=MonitoringStage.APPROVED):
            advance(case, "clear_risk", acting_user, why, on=today)
        cleared += 1
    return cleared
