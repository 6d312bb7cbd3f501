"""Procedures of steps (the exit 脱贫退出, the monitoring 防止返贫动态监测): one declaration each, one action
function that takes a step, one step view and one template fragment (`registry/procedure_steps.html`).

    EXIT = Procedure(model=ExitProposal, label=_("退出程序"), rejected=ExitStage.REJECTED, steps=(
        Step("village_review", _("村评议"), ExitStage.PROPOSED, ExitStage.VILLAGE_REVIEWED),
        Step("public_notice", _("公示"), ExitStage.VILLAGE_REVIEWED, ExitStage.NOTICED, date_field="notice_from"),
        Step("county_approve", _("县级批准"), ExitStage.NOTICED, ExitStage.APPROVED, action="approve",
             date_field="decided_on"),
    ), effects={"county_approve": exit_approved})

The record keeps its progress in `stage` (TextChoices) and `note`. Offered steps follow one another, each from the
stage the one before leads to; an approver may reject a record at any of those stages, with a reason. Steps that
are not offered (`offered=False`) are taken by services only, never from a page (e.g. the risk clearance after
the stable period).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from xiezuo.core.audit import diff, record_change, snapshot
from xiezuo.core.models import ChangeRecord
from xiezuo.core.permissions import can

REJECT = "reject"

# Effect of a step, run inside its transaction once the stage is set: effect(record, acting_user, day).
Effect = Callable[[models.Model, object, dt.date], None]


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    source: str  # the stage the record must be at
    target: str  # the stage the step leads to
    action: str = "change"  # the permission needed: "change" for editors' steps, "approve" for approvers'
    date_field: str | None = None  # set to the day of the step (today unless the step asks for it)
    inputs: tuple[str, ...] = ()  # fields the step's form asks for (its date field among them: asked, not today)
    offered: bool = True  # False: taken by a service only, never offered on the page
    notes: bool = False  # the reason is written into the record's note, with the day and the step


@dataclass
class Procedure:
    model: type[models.Model]
    label: str
    steps: tuple[Step, ...]
    rejected: str
    effects: dict[str, Effect] = field(default_factory=dict)
    # A date field the first step may not precede (e.g. the warning date).
    start_date_field: str | None = None

    def __post_init__(self) -> None:
        keys = [s.key for s in self.steps]
        if len(set(keys)) != len(keys) or REJECT in keys:
            raise ValueError(f"{self.model.__name__}: step keys must be unique and not {REJECT!r}")
        offered = self.offered_steps
        for before, after in zip(offered, offered[1:], strict=False):
            if before.target != after.source:
                raise ValueError(f"{self.model.__name__}: step {after.key} must start where {before.key} ends")
        if set(self.effects) - set(keys):
            raise ValueError(f"{self.model.__name__}: effects of unknown steps {set(self.effects) - set(keys)}")
        PROCEDURES[self.model] = self

    @property
    def offered_steps(self) -> list[Step]:
        return [s for s in self.steps if s.offered]

    @property
    def open_stages(self) -> tuple[str, ...]:
        """Stages at which the record is still going through the steps (and may be rejected)."""
        return tuple(s.source for s in self.offered_steps)

    def step(self, key: str) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)

    def order_message(self, obj) -> str:
        order = " → ".join(str(s.label) for s in self.offered_steps)
        return _("%(p)s须按 %(order)s 的顺序进行（当前进度：%(stage)s）") % {
            "p": self.label, "order": order, "stage": obj.get_stage_display()}

    def url(self, obj, step: str) -> str:
        meta = self.model._meta
        return reverse(f"{meta.app_label}:{meta.model_name}_step", kwargs={"pk": obj.pk, "step": step})


PROCEDURES: dict[type[models.Model], Procedure] = {}


def procedure_for(obj_or_model) -> Procedure:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    return PROCEDURES[model]


def stored_text(text) -> str:
    """A label written into a record (its note) stays in the site's language, whatever the user's interface."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def _field(model, name: str):
    return model._meta.get_field(name)


def _check_day(proc: Procedure, obj, day: dt.date, given: bool) -> None:
    if given and day > dt.date.today():
        raise ValidationError({"on": _("日期不能晚于今天。")})
    earlier = [getattr(obj, s.date_field) for s in proc.steps if s.date_field]
    if proc.start_date_field:
        earlier.append(getattr(obj, proc.start_date_field))
    latest = max((d for d in earlier if d is not None), default=None)
    if latest is not None and day < latest:
        raise ValidationError({"on": _("日期不能早于上一步的日期（%(d)s）。") % {"d": latest}})


def own_record(user, obj) -> bool:
    """Did `user` enter (propose) this record? The approval steps and the rejection are never theirs (maker-checker,
    as for every record's approval)."""
    return getattr(obj, "created_by_id", None) is not None and obj.created_by_id == getattr(user, "pk", None)


def maker_refusal() -> str:
    return str(_("提出人不能批准或否决自己提出的记录，请由另一位审核员办理。"))


def checks_maker(step: Step) -> bool:
    """The approvers' steps offered on the page (a service's own step, e.g. the risk clearance after the stable
    period, is the system's). The rejection is always an approver's."""
    return step.action == "approve" and step.offered


@transaction.atomic
def advance(obj, step: str, acting_user, reason: str = "", *, on: dt.date | None = None,
            values: dict[str, str] | None = None):
    """Take one step of the record's procedure, or reject the record (`step="reject"`, with a reason).

    `on` is the day of a step that has a date field (default today; never later than today nor earlier than the
    step before); `values` gives the step's other inputs (e.g. who visited). Returns the record as saved.
    """
    proc = procedure_for(obj)
    model = type(obj)
    if not model.objects.restrict(acting_user).filter(pk=obj.pk).exists():
        raise PermissionDenied(_("该记录不在您的管辖范围内"))
    obj = model._base_manager.select_for_update().get(pk=obj.pk)
    before = snapshot(obj)
    reason = reason.strip()
    if step == REJECT:
        if not can(acting_user, "approve", model) or obj.stage not in proc.open_stages:
            raise PermissionDenied(_("当前进度或角色不允许此操作"))
        if own_record(acting_user, obj):
            raise ValidationError({"stage": maker_refusal()})
        if not reason:
            raise ValidationError({"reason": _("不通过时必须填写原因")})
        obj.stage = proc.rejected
        obj.note = f"{obj.note}\n{reason}".strip()
    else:
        taken = proc.step(step)
        if taken is None or not can(acting_user, taken.action, model):
            raise PermissionDenied(_("您的角色不允许此操作"))
        if checks_maker(taken) and own_record(acting_user, obj):
            raise ValidationError({"stage": maker_refusal()})
        if obj.stage != taken.source:
            raise ValidationError({"stage": proc.order_message(obj)})
        day = on or dt.date.today()
        if taken.date_field:
            _check_day(proc, obj, day, given=on is not None)
            setattr(obj, taken.date_field, day)
        for name in taken.inputs:
            if name == taken.date_field:
                continue
            value = str((values or {}).get(name, "")).strip()
            if not value:
                raise ValidationError({name: _("请填写%(f)s。") % {"f": _field(model, name).verbose_name}})
            setattr(obj, name, value[: _field(model, name).max_length or None])
        obj.stage = taken.target
        if taken.notes and reason:
            obj.note = f"{obj.note}\n{day} {stored_text(taken.label)}：{reason}".strip()
        effect = proc.effects.get(taken.key)
        if effect is not None:
            effect(obj, acting_user, day)
    obj.save()
    record_change(obj, ChangeRecord.Action.UPDATE, acting_user, diff(before, snapshot(obj)), note=reason)
    return obj


# --- the page: a panel on the record's detail page and the view its buttons post to --------------------------

def panel_context(request, obj) -> dict:
    """Context of `registry/procedure_steps.html`: the steps done, the next one, what this user may do."""
    proc = procedure_for(obj)
    offered = proc.offered_steps
    chain = [s.source for s in offered] + [offered[-1].target]
    after_end = {s.target for s in proc.steps if not s.offered}
    if obj.stage in chain:
        position = chain.index(obj.stage)
    elif obj.stage in after_end:
        position = len(offered)
    else:  # rejected: where it stopped is in the history
        position = None
    rows = []
    own = own_record(request.user, obj)
    for i, s in enumerate(offered):
        state = "stopped" if position is None else "done" if position > i else "next" if position == i else "todo"
        inputs = []
        for name in s.inputs:
            f = _field(proc.model, name)
            is_date = isinstance(f, models.DateField)
            inputs.append({"name": name, "label": f.verbose_name, "type": "date" if is_date else "text",
                           "value": dt.date.today().isoformat() if is_date else ""})
        may = state == "next" and can(request.user, s.action, proc.model)
        maker = may and checks_maker(s) and own  # the user's role could take it, but not on their own record
        rows.append({"step": s, "state": state, "date": getattr(obj, s.date_field) if s.date_field else None,
                     "allowed": may and not maker, "maker": maker, "url": proc.url(obj, s.key), "inputs": inputs})
    return {"procedure": {
        "label": proc.label, "stage": obj.get_stage_display(), "rows": rows,
        "rejected": obj.stage == proc.rejected,
        "can_reject": not own and can(request.user, "approve", proc.model) and obj.stage in proc.open_stages,
        "reject_url": proc.url(obj, REJECT),
    }}


@login_required
@require_POST
def step_view(request, pk: int, step: str, procedure: Procedure):
    """POST of a step's button (or of the rejection); out of area 404, not allowed 403, out of order a message."""
    obj = get_object_or_404(procedure.model.objects.restrict(request.user), pk=pk)
    taken = procedure.step(step)
    if step != REJECT and (taken is None or not taken.offered):
        raise PermissionDenied
    on, values = None, {}
    try:
        for name in taken.inputs if taken else ():
            raw = request.POST.get(name, "").strip()
            if name == taken.date_field:
                on = _parse_day(raw, name)
            else:
                values[name] = raw
        obj = advance(obj, step, request.user, reason=request.POST.get("reason", ""), on=on, values=values)
    except ValidationError as exc:
        messages.error(request, "；".join(str(m) for m in exc.messages))
    else:
        messages.success(request, _("已更新%(p)s进度：%(s)s。") % {"p": procedure.label, "s": obj.get_stage_display()})
    return redirect(obj.get_absolute_url())


def _parse_day(raw: str, name: str) -> dt.date | None:
    if not raw:
        return None
    try:
        day = parse_date(raw)
    except ValueError:  # well formed, no such day (2024-02-30)
        day = None
    if day is None:
        raise ValidationError({name: _("日期格式应为 2024-03-01。")})
    return day


def urls() -> list:
    """`<model>/<pk>/step/<step>/` for every declared procedure, named `<model>_step`."""
    return [path(f"{model._meta.model_name}/<int:pk>/step/<str:step>/", step_view, {"procedure": proc},
                 name=f"{model._meta.model_name}_step") for model, proc in PROCEDURES.items()]
