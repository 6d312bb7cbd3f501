"""Pages of the assessment channel: the indicator catalogue, rounds (values, narratives, cross-check, grade)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezuo.core.audit import history
from xiezuo.core.permissions import role_allows
from xiezuo.core.scope import get_scope
from xiezuo.partners.models import Pairing

from .choices import Area, Stage
from .compute import live_value, year_subject
from .models import Assessed, Indicator, Method, Round, Target
from .services import RoundError, advance, save_check, save_narratives, targets_of


def covers(user, code: str | None) -> bool:
    """Is the region `code` inside the user's own area (not a partner's)?"""
    scope = get_scope(user)
    return scope.everything or bool(code) and any(code.startswith(p) for p in scope.region_prefixes)


def side_code(pairing, side: str) -> str | None:
    region = getattr(pairing, f"{side}_region")
    org = getattr(pairing, f"{side}_organisation")
    return region.code if region is not None else (org.region_id if org is not None else None)


@login_required
def indicators(request):
    """The catalogue: each indicator, its figure key and whether a channel declares it."""
    rows = [{"i": i, "spec": i.spec} for i in Indicator.objects.all()]
    methods = list(Method.objects.all())
    return render(request, "assessment/indicators.html", {
        "rows": rows, "areas": Area.choices, "methods": methods,
        "problems": [(m, m.weight_problem()) for m in methods if m.weight_problem()],
        "may_edit": get_scope(request.user).everything})


@login_required
def indicator_edit(request, pk):
    """The mapping is data: an administrator re-points an indicator to another figure key, weight or level."""
    if not get_scope(request.user).everything:
        raise PermissionDenied
    ind = get_object_or_404(Indicator, pk=pk)
    if request.method == "POST":
        try:
            weight = Decimal(request.POST.get("weight", ind.weight))
        except InvalidOperation:
            messages.error(request, _("权重应为数字。"))
            return redirect("assessment:indicator_edit", pk=pk)
        ind.figure_key = request.POST.get("figure_key", ind.figure_key).strip()
        ind.weight = weight
        ind.active = request.POST.get("active") == "on"
        ind.save()
        return redirect("assessment:indicators")
    return render(request, "assessment/indicator_edit.html", {"i": ind})


def visible_assessed(user, rnd):
    pairings = Pairing.objects.restrict(user).values("pk")
    return rnd.pairings.filter(pairing__in=pairings).select_related(
        "pairing__helper_region", "pairing__helped_region", "pairing__helper_organisation",
        "pairing__helped_organisation")


@login_required
def rounds(request):
    rows = [r for r in Round.objects.all() if visible_assessed(request.user, r).exists()]
    return render(request, "assessment/rounds.html", {"rounds": rows})


def value_rows(user, assessed: Assessed) -> list[dict]:
    """Each indicator's value: frozen (with the difference a later edit makes) or live while the round is open."""
    rnd = assessed.round
    subject = year_subject("pairing", assessed.pairing, rnd.year)
    targets = targets_of(assessed)
    out = []
    for v in assessed.values.select_related("indicator"):
        live = live_value(user, v.indicator, subject, ids=not rnd.frozen)
        goal = targets.get(v.indicator_id)
        row = {"v": v, "i": v.indicator, "target": goal.value if goal else None,
               "target_source": goal.source if goal else "", "live": live,
               "value": v.value if rnd.frozen else live.value, "url": v.url if rnd.frozen else live.url,
               "left_out": v.left_out if rnd.frozen else live.left_out, "source": live.source or v.frozen_at,
               "n": len(v.record_ids) if rnd.frozen else len(live.record_ids)}
        if rnd.frozen and v.value is not None and live.value is not None and live.value != v.value:
            row["difference"] = live.value - v.value
        if rnd.frozen and v.record_ids and v.model:
            row["frozen_url"] = frozen_url(v)
        out.append(row)
    return out


def frozen_url(v) -> str:
    """The list page of exactly the records frozen behind a value (by id)."""
    from django.apps import apps

    from xiezuo.core.registry import for_model

    rt = for_model(apps.get_model(v.model))
    return f"{rt.url('list')}?ids=" + ",".join(str(pk) for pk in v.record_ids)


@login_required
def round_detail(request, pk):
    rnd = get_object_or_404(Round, pk=pk)
    assessed = list(visible_assessed(request.user, rnd))
    if not assessed:
        raise Http404
    method = Method.objects.filter(year=rnd.year).first()
    writer = role_allows(request.user, "change", Target)
    runner = may_run(request.user, rnd)
    blocks = []
    for a in assessed:
        rows = value_rows(request.user, a)
        narratives = {n.area: n for n in a.narratives.all()}
        blocks.append({
            "a": a, "rows": rows, "left_out": sum(r["left_out"] for r in rows),
            "areas": [(code, label, narratives.get(code), [r for r in rows if r["i"].area == code])
                      for code, label in Area.choices],
            "may_self": rnd.stage == Stage.SELF and writer and covers(request.user, side_code(a.pairing, "helped")),
            "may_partner": rnd.stage == Stage.PARTNER and writer and covers(request.user,
                                                                             side_code(a.pairing, "helper")),
            "may_check": rnd.stage == Stage.CHECK and runner,
        })
    return render(request, "assessment/round_detail.html", {
        "round": rnd, "blocks": blocks, "method": method, "may_advance": runner,
        "weight_problem": method.weight_problem() if method else "", "Stage": Stage})


def may_run(user, rnd) -> bool:
    """Moving a round on, the cross-check, closing and grading it: an approver or administrator of the assessment
    channel whose own area is a whole province taking part in every pairing of the round (the provinces check
    each other), or the whole site. A prefecture or county never checks, closes or grades its own assessment,
    nor a round of pairings outside its area."""
    if not role_allows(user, "approve", Target):
        return False
    scope = get_scope(user)
    if scope.everything:
        return True
    provinces = [p for p in scope.region_prefixes if len(p) == 2]
    if not provinces:
        return False
    for a in rnd.pairings.select_related("pairing__helper_region", "pairing__helped_region",
                                         "pairing__helper_organisation", "pairing__helped_organisation"):
        sides = [side_code(a.pairing, "helper"), side_code(a.pairing, "helped")]
        if not any(code and code.startswith(p) for code in sides for p in provinces):
            return False
    return True


@login_required
@require_POST
def round_advance(request, pk):
    rnd = get_object_or_404(Round, pk=pk)
    if not visible_assessed(request.user, rnd).exists():
        raise Http404
    if not may_run(request.user, rnd):
        raise PermissionDenied
    try:
        advance(rnd, request.user)
    except RoundError as exc:
        messages.error(request, str(exc))
    return redirect("assessment:round_detail", pk=pk)


@login_required
@require_POST
def assessed_save(request, pk):
    """Save the texts the round's stage lets this user write: self-evaluation, partner comments or cross-check."""
    a = get_object_or_404(Assessed.objects.select_related("round"), pk=pk)
    if not visible_assessed(request.user, a.round).filter(pk=pk).exists():
        raise Http404
    rnd = a.round
    if not role_allows(request.user, "change", Target):
        raise PermissionDenied
    try:
        if rnd.stage == Stage.SELF and covers(request.user, side_code(a.pairing, "helped")):
            save_narratives(a, "self_text", {n.area: request.POST.get(f"self_{n.area}", n.self_text)
                                             for n in a.narratives.all()}, request.user)
        elif rnd.stage == Stage.PARTNER and covers(request.user, side_code(a.pairing, "helper")):
            save_narratives(a, "partner_comment", {n.area: request.POST.get(f"partner_{n.area}", n.partner_comment)
                                                   for n in a.narratives.all()}, request.user)
        elif rnd.stage == Stage.CHECK and may_run(request.user, rnd):
            save_check(a, {v.pk: (request.POST.get(f"note_{v.pk}", v.check_note),
                                  request.POST.get(f"adjusted_{v.pk}", "").strip(),
                                  request.POST.get(f"reason_{v.pk}", v.adjust_reason).strip())
                           for v in a.values.all()}, request.user)
        else:
            raise PermissionDenied
    except RoundError as exc:
        messages.error(request, str(exc))
        return redirect("assessment:round_detail", pk=rnd.pk)
    messages.success(request, _("已保存。"))
    return redirect("assessment:round_detail", pk=rnd.pk)


@login_required
def round_history(request, pk):
    """Every action of the round (opened, texts of each stage, cross-check, closed, graded), newest first."""
    rnd = get_object_or_404(Round, pk=pk)
    if not visible_assessed(request.user, rnd).exists():
        raise Http404
    return render(request, "assessment/round_history.html", {"round": rnd, "history": history(rnd, request.user)})
