"""Pages of the registry beyond the generic record pages: import, ID reveal, worklist, exit steps, monitoring."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Min, Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.views.decorators.http import require_POST

from xiezuo.core import jobs
from xiezuo.core.audit import record_change
from xiezuo.core.models import ChangeRecord
from xiezuo.core.permissions import can
from xiezuo.core.scope import get_scope
from xiezuo.core.tabular import write_xlsx
from xiezuo.geo.models import Region

from .choices import EXIT_STEPS, ExitStage, Monitoring
from .importing.columns import template_headers, template_notes
from .models import ExitProposal, Gap, Household, Member

MAX_UPLOAD_SUFFIXES = (".xlsx", ".csv")


@login_required
def import_page(request):
    """Upload a registry file (households with their members); runs as a job with a progress bar."""
    if not can(request.user, "import"):
        raise PermissionDenied
    if request.method == "POST":
        upload = request.FILES.get("file")
        error = None
        if upload is None:
            error = "请选择要上传的文件。"
        elif not upload.name.lower().endswith(MAX_UPLOAD_SUFFIXES):
            error = "不支持的文件类型，请上传 .xlsx 或 .csv 文件。"
        elif upload.size == 0:
            error = "文件为空。"
        if error:
            messages.error(request, error)
            return render(request, "registry/import.html", status=400)
        from .jobs import KIND

        job = jobs.enqueue(KIND, request.user, f"导入建档立卡数据：{upload.name}", params={},
                           input_file=upload, input_name=Path(upload.name).name)
        return redirect("job_detail", pk=job.pk)
    return render(request, "registry/import.html")


@login_required
def template_file(request):
    buffer = io.BytesIO()
    write_xlsx(buffer, template_headers(), [], sheet="建档立卡户成员", notes=template_notes())
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename="建档立卡-导入模板.xlsx")


@login_required
@require_POST
def reveal_id(request, pk):
    """The whole ID number, for users allowed to see it; every reveal is logged."""
    member = get_object_or_404(Member.objects.restrict(request.user).select_related("person"), pk=pk)
    if not get_scope(request.user).can_view_id_numbers:
        raise PermissionDenied
    record_change(member, ChangeRecord.Action.VIEW_ID, request.user, note="查看完整身份证号")
    return HttpResponse(f'<span id="id-number" class="font-monospace">{escape(member.person.id_number)}</span>')


# --- detail-page extras -----------------------------------------------------

def household_context(request, household: Household) -> dict:
    members = Member.objects.filter(household=household)
    return {
        "members": sorted(members, key=lambda m: (m.relation != "head", m.pk)),
        "screenings": household.screenings.select_related("round")[:10],
        "gaps": household.gaps.all()[:20],
        "exits": household.exit_proposals.all(),
        "monitoring_choices": Monitoring.choices,
        "can_mark": can(request.user, "change", household),
    }


def member_context(request, member: Member) -> dict:
    return {"can_reveal": get_scope(request.user).can_view_id_numbers}


def exit_context(request, proposal: ExitProposal) -> dict:
    steps = []
    for step, (source, target) in EXIT_STEPS.items():
        if proposal.stage == source:
            action = "approve" if step == "county_approve" else "change"
            if can(request.user, action):
                steps.append((step, ExitStage(target).label))
    can_reject = can(request.user, "approve") and proposal.stage not in (ExitStage.APPROVED, ExitStage.REJECTED)
    return {"exit_steps": steps, "can_reject": can_reject}


@login_required
@require_POST
def exit_step(request, pk, step):
    from .services import advance_exit

    proposal = get_object_or_404(ExitProposal.objects.restrict(request.user), pk=pk)
    try:
        advance_exit(proposal, step, request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已更新退出进度。")
    return redirect(proposal.get_absolute_url())


@login_required
@require_POST
def mark_monitoring(request, pk):
    from .services import mark_monitoring as mark

    household = get_object_or_404(Household.objects.restrict(request.user), pk=pk)
    try:
        mark(household, request.POST.get("category", ""), request.user, note=request.POST.get("note", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已纳入防返贫监测。")
    return redirect(household.get_absolute_url())


@login_required
@require_POST
def clear_risks(request):
    from .services import clear_stable_risks

    if not can(request.user, "approve"):
        raise PermissionDenied
    n = clear_stable_risks(request.user, households=Household.objects.restrict(request.user))
    messages.success(request, f"已消除 {n} 户的返贫风险（稳定期已满、收入高于监测范围、各项保障达标）。")
    return redirect("registry:worklist")


# --- the gap worklist ---------------------------------------------------------

@login_required
def worklist(request):
    """Open gaps by village: how many, which guarantees, the nearest deadline, how many overdue."""
    today = dt.date.today()
    gaps = Gap.objects.restrict(request.user).filter(resolved_on__isnull=True)
    region = request.GET.get("region", "").strip()
    if region:
        gaps = gaps.filter(village__code__startswith=region)
    villages = list(gaps.values("village_id").annotate(
        open=Count("pk"), overdue=Count("pk", filter=Q(deadline__lt=today)),
        no_remedy=Count("pk", filter=Q(remedy="")), nearest=Min("deadline"),
        households=Count("household_id", distinct=True),
    ).order_by("-overdue", "-open")[:500])
    names = dict(Region.objects.filter(code__in=[v["village_id"] for v in villages]).values_list("code", "name"))
    for v in villages:
        v["name"] = names.get(v["village_id"], v["village_id"])
    monitored = Household.objects.restrict(request.user).exclude(monitoring="")
    if region:
        monitored = monitored.filter(village__code__startswith=region)
    return render(request, "registry/worklist.html", {
        "villages": villages, "region": region, "today": today,
        "monitored": monitored.values("monitoring").annotate(n=Count("pk")).order_by("monitoring"),
        "monitoring_labels": dict(Monitoring.choices), "can_clear": can(request.user, "approve"),
    })
