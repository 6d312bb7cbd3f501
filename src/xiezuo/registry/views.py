"""Pages of the registry beyond the generic record pages: import, ID reveal, worklist, opening a monitoring case.

The steps of the exit and monitoring procedures have their view in `procedure.py`."""

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
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from xiezuo.core import jobs
from xiezuo.core.audit import record_change
from xiezuo.core.models import ChangeRecord
from xiezuo.core.permissions import can
from xiezuo.core.scope import get_scope
from xiezuo.geo.models import Region

from .choices import MONITORING_OPEN_STAGES, Monitoring, MonitoringStage, MonitoringTrigger
from .importing.columns import template_notes
from .models import Gap, Household, Member, MonitoringCase

MAX_UPLOAD_SUFFIXES = (".xlsx", ".csv")


@login_required
def import_page(request):
    """Upload a registry file (households with their members); runs as a job with a progress bar."""
    if not can(request.user, "import", Household):
        raise PermissionDenied
    if request.method == "POST":
        upload = request.FILES.get("file")
        error = None
        if upload is None:
            error = _("请选择要上传的文件。")
        elif not upload.name.lower().endswith(MAX_UPLOAD_SUFFIXES):
            error = _("不支持的文件类型，请上传 .xlsx 或 .csv 文件。")
        elif upload.size == 0:
            error = _("文件为空。")
        if error:
            messages.error(request, error)
            return render(request, "registry/import.html", status=400)
        from .jobs import KIND

        job = jobs.enqueue(KIND, request.user, _("导入建档立卡数据：%(name)s") % {"name": upload.name}, params={},
                           input_file=upload, input_name=Path(upload.name).name)
        return redirect("job_detail", pk=job.pk)
    return render(request, "registry/import.html")


def template_columns() -> list:
    """The registry's columns for the import template: drop-downs for enumerations, the notes as header comments,
    ID numbers and village codes as text, a sample row (core/xlsxtemplate.py)."""
    from xiezuo.core.idcard import check_char
    from xiezuo.core.xlsxtemplate import DATE, INTEGER, NUMBER, TEXT, TemplateColumn

    from .choices import Cause
    from .importing.columns import COLUMNS

    kinds = {"money": NUMBER, "decimal": NUMBER, "year": INTEGER, "date": DATE}
    samples = {"code": "520521100201", "money": 12000, "decimal": 80, "year": 2016, "bool": "是",
               "date": dt.date(1980, 5, 1), "id": "52052119800501123" + check_char("52052119800501123"),
               "causes": str(Cause.choices[0][1])}
    out = []
    for c, (_header, _required, hint) in zip(COLUMNS, template_notes()[1:], strict=True):
        labels = [str(lbl) for _v, lbl in c.choices.choices] if c.kind == "enum" else \
            (["是", "否"] if c.kind == "bool" else [])
        sample = labels[0] if labels else samples.get(c.kind, f"（示例）{c.header}")
        out.append(TemplateColumn(header=f"{c.header}*" if c.required else c.header,
                                  comment=f"{c.header}（{'必填' if c.required else '选填'}）\n{hint}",
                                  kind=kinds.get(c.kind, TEXT), choices=labels, sample=sample))
    return out


@login_required
def template_file(request):
    from xiezuo.core.xlsxtemplate import write_import_template

    buffer = io.BytesIO()
    write_import_template(buffer, "建档立卡户成员", template_columns(), notes=template_notes())
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename="建档立卡-导入模板.xlsx")


@login_required
@require_POST
def reveal_id(request, pk):
    """The whole ID number, for users allowed to see it; every reveal is logged."""
    member = get_object_or_404(Member.objects.restrict(request.user).select_related("person"), pk=pk)
    if not get_scope(request.user).can_view_id_numbers:
        raise PermissionDenied
    record_change(member, ChangeRecord.Action.VIEW_ID, request.user, note=_("查看完整身份证号"))
    return HttpResponse(f'<span id="id-number" class="font-monospace">{escape(member.person.id_number)}</span>')


# --- detail-page extras -----------------------------------------------------

def household_context(request, household: Household) -> dict:
    members = Member.objects.filter(household=household)
    return {
        "members": sorted(members, key=lambda m: (m.relation != "head", m.pk)),
        "screenings": household.screenings.select_related("round")[:10],
        "gaps": household.gaps.all()[:20],
        "exits": household.exit_proposals.all(),
        "monitoring_cases": household.monitoring_cases.all()[:20],
        "monitoring_choices": Monitoring.choices,
        "trigger_choices": MonitoringTrigger.choices,
        "can_open_case": can(request.user, "add", MonitoringCase),
    }


def member_context(request, member: Member) -> dict:
    return {"can_reveal": get_scope(request.user).can_view_id_numbers}


@login_required
@require_POST
def open_monitoring_case(request, pk):
    """The household page's button: a warning (预警) opens a monitoring case; county approval marks the household."""
    from .services import open_monitoring_case as open_case

    household = get_object_or_404(Household.objects.restrict(request.user), pk=pk)
    try:
        case = open_case(household, request.user, request.POST.get("category", ""), request.POST.get("trigger", ""),
                         request.POST.get("risk", ""), note=request.POST.get("note", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(str(m) for m in exc.messages))
        return redirect(household.get_absolute_url())
    messages.success(request, _("已预警，开启防返贫监测程序：%(c)s。下一步：入户核实。") % {"c": case})
    return redirect(case.get_absolute_url())


@login_required
@require_POST
def clear_risks(request):
    from .services import clear_stable_risks

    if not can(request.user, "approve", Household):
        raise PermissionDenied
    n = clear_stable_risks(request.user, households=Household.objects.restrict(request.user))
    messages.success(request, _("已消除 %(n)s 户的返贫风险（稳定期已满、收入高于监测范围、各项保障达标）。") % {"n": n})
    return redirect("registry:worklist")


# --- the gap worklist ---------------------------------------------------------

@login_required
def worklist(request):
    """Open gaps by village (how many, which guarantees, the nearest deadline, how many overdue); monitored
    households by category; monitoring cases under way by village and stage."""
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
    labels = dict(Monitoring.choices)
    if region:
        monitored = monitored.filter(village__code__startswith=region)
    return render(request, "registry/worklist.html", {
        "villages": villages, "region": region, "today": today,
        "monitored": [{**m, "label": labels.get(m["monitoring"], m["monitoring"])} for m in
                      monitored.values("monitoring").annotate(n=Count("pk")).order_by("monitoring")],
        "can_clear": can(request.user, "approve", Household),
        **open_cases_by_village(request.user, region),
    })


def open_cases_by_village(user, region: str) -> dict:
    """Monitoring cases still going through the procedure, per village and stage, with the oldest warning."""
    cases = MonitoringCase.objects.restrict(user).filter(stage__in=MONITORING_OPEN_STAGES)
    if region:
        cases = cases.filter(village__code__startswith=region)
    rows: dict[str, dict] = {}
    for r in cases.values("village_id", "stage").annotate(n=Count("pk"), oldest=Min("warned_on")):
        row = rows.setdefault(r["village_id"], {"village_id": r["village_id"], "stages": {}, "total": 0,
                                                "oldest": r["oldest"]})
        row["stages"][r["stage"]] = r["n"]
        row["total"] += r["n"]
        row["oldest"] = min(row["oldest"], r["oldest"])
    ordered = sorted(rows.values(), key=lambda r: (r["oldest"], -r["total"]))[:500]
    names = dict(Region.objects.filter(code__in=[r["village_id"] for r in ordered]).values_list("code", "name"))
    stages = [(value, MonitoringStage(value).label) for value in MONITORING_OPEN_STAGES]
    for row in ordered:
        row["name"] = names.get(row["village_id"], row["village_id"])
        row["cells"] = [(value, row["stages"].get(value, 0)) for value, _label in stages]
    return {"case_villages": ordered, "case_stages": stages}

