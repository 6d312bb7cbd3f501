"""Generic record views, bound to a `RecordType` by the URL registry. No record type writes its own."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, FileField
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from . import jobs, listing, listprefs
from .audit import history
from .bulk import bulk_actions
from .importer import write_template
from .models import Job
from .permissions import TRANSITIONS, can, review_refusal
from .registry import RecordType
from .services import StaleVersion, create_record, delete_record, transition_record, update_record
from .suggest import mark_filter_pickers
from .tabular import FileProblem
from .text import is_digits


class RecordView(LoginRequiredMixin, View):
    record_type: RecordType = None

    def queryset(self):
        return self.record_type.model.objects.restrict(self.request.user, "view")

    def get_object(self, pk):
        return get_object_or_404(self.queryset(), pk=pk)

    def require(self, action: str, obj=None) -> None:
        """403 unless the user may; with no record, the record type's channel decides (add, import, export)."""
        if not can(self.request.user, action, self.record_type.model if obj is None else obj):
            if action in ("approve", "return", "reopen") and obj is not None and not isinstance(obj, type) \
                    and can(self.request.user, action, type(obj)) and obj.status in TRANSITIONS[action][0]:
                raise PermissionDenied(review_refusal(self.request.user, action, obj))
            raise PermissionDenied(_("您的角色或记录状态不允许此操作。"))

    def context(self, **extra):
        rt = self.record_type
        return {"rt": rt, "model_meta": rt.model._meta, **extra}


class RecordListView(RecordView):
    template_name = "core/record_list.html"

    def get(self, request):
        rt = self.record_type
        filterset = rt.filterset(request.GET or None, queryset=self.queryset(), request=request)
        style_filter_form(filterset.form)
        mark_filter_pickers(filterset)
        # A refused filter value is said on the page and shows no records: showing them all would read as
        # if the filter had been applied.
        problems = listing.filter_problems(filterset)
        qs = filterset.qs if filterset.is_bound and not problems else self.queryset()
        if problems:
            qs = qs.none()
        table = rt.table(rt.model, [], user=request.user)
        listprefs.apply_columns(request, rt, table)  # the columns this user chose for this list
        sort, order = listing.requested_sort(request, table)
        qs = table.optimise(qs).order_by(*order)
        size = listing.page_size(request)
        page, numbers = listing.paginate(request, qs, size)
        table.rows = page.object_list
        # A list of records naming persons (workers, trainees, cadres …) also says how many distinct persons they
        # are: what a figure counting persons counts, when the figure links here.
        persons = None
        if getattr(rt.model, "list_persons", None):
            path = rt.model.list_persons
            persons = qs.order_by().exclude(**{f"{path}__isnull": True}).aggregate(
                n=Count(path, distinct=True))["n"]
        query = request.GET.copy()
        query.pop("page", None)
        actions = bulk_actions(request.user, rt)
        return render(request, self.template_name, self.context(
            filterset=filterset, page=page, table=table, query=query.urlencode(), page_numbers=numbers, persons=persons,
            headers=listing.header_links(table, request, sort), filter_problems=problems,
            page_size=size, page_sizes=listing.page_size_links(request, size), bulk_actions=actions,
            rows_html=table.body_html(rt, bool(actions)),
            can_add=can(request.user, "add", rt.model), can_import=can(request.user, "import", rt.model),
            **listprefs.context(request, rt, table),
        ))


def style_filter_form(form) -> None:
    from django import forms
    from django_filters.widgets import BooleanWidget

    for f in form.fields.values():
        if isinstance(f.widget, BooleanWidget):
            f.widget.choices = (("", _("全部")), ("true", _("是")), ("false", _("否")))
        elif isinstance(f.widget, forms.NullBooleanSelect):
            # Django's empty choice reads "未知"; as a filter it means no filter.
            f.widget.choices = (("unknown", _("全部")), ("true", _("是")), ("false", _("否")))
        if isinstance(f.widget, forms.SelectMultiple):
            f.widget.attrs.update({"class": "form-select form-select-sm", "size": 3,
                                   "style": "min-width: 8rem"})
        elif isinstance(f.widget, forms.Select):
            f.widget.attrs.setdefault("class", "form-select form-select-sm")
        else:
            f.widget.attrs.setdefault("class", "form-control form-control-sm")
            if isinstance(f, forms.DateField):
                f.widget.input_type = "date"


class RecordDetailView(RecordView):
    template_name = "core/record_detail.html"

    def get(self, request, pk):
        from .tables import detail_plan

        rt = self.record_type
        select, prefetch = detail_plan(rt.model, rt.fields())
        obj = get_object_or_404(self.queryset().select_related(*select).prefetch_related(*prefetch), pk=pk)
        extra: dict = {}
        for _template, panel_context in rt.panels:
            if panel_context:
                extra.update(panel_context(request, obj))
        return render(request, self.template_name, self.context(
            object=obj, fields=detail_fields(obj, rt, request.user), history=history(obj, request.user, limit=100),
            can_change=can(request.user, "change", obj), can_delete=can(request.user, "delete", obj),
            transitions=[a for a in ("submit", "approve", "return", "reopen") if can(request.user, a, obj)],
            **extra,
        ))


class RecordFileView(RecordView):
    """A record's attached file, for readers who may open the record (a file of a record outside the reader's
    area is a 404 like the record). Files are never served from the media folder by address."""

    def get(self, request, pk, field):
        from django.core.exceptions import FieldDoesNotExist

        try:
            model_field = self.record_type.model._meta.get_field(field)
        except FieldDoesNotExist:
            raise Http404 from None
        if not isinstance(model_field, FileField):
            raise Http404
        f = getattr(self.get_object(pk), field)
        if not f:
            raise Http404
        try:
            handle = f.open("rb")
        except OSError:
            raise Http404(_("文件已不在服务器上，请联系管理员。")) from None
        return FileResponse(handle, as_attachment=True, filename=f.name.rsplit("/", 1)[-1])


def detail_fields(obj, rt: RecordType, user=None):
    """(label, value, link) of each field; a related row the reader may not open is neither named nor linked."""
    table = rt.table(rt.model, [], user=user)
    out = []
    model_fields = {f.name for f in obj._meta.get_fields()}
    # Whether the reader may open each row the fields point at: asked once for all of them, not row by row.
    table.visibility.prefetch_related([obj], [name for name in rt.fields() if name in model_fields])
    for name in rt.fields():
        if name not in model_fields:
            # A form-only field (a person's ID number): shown as the table renders it (masked), never raw.
            out.append((table.label(name), table.cell(obj, name), None))
            continue
        f = obj._meta.get_field(name)
        value = table.cell(obj, name)
        # A money field states its unit once, as the list does (计划投资（万元） 1,619.30).
        label = table.label(name) if table.is_money(name) else f.verbose_name
        link = None
        if isinstance(f, FileField):
            attached = getattr(obj, name)
            value = attached.name.rsplit("/", 1)[-1] if attached else ""
            link = rt.url("file", obj.pk, field=name) if attached else None
        elif f.is_relation and not f.many_to_many:
            related = getattr(obj, name)
            if related is not None and hasattr(related, "get_absolute_url") and table.visibility.can_open(related):
                link = related.get_absolute_url()
        out.append((label, value, link))
    return out


class RecordEditView(RecordView):
    """Add or edit. An edit carries the version its form was based on (a hidden field); a stale one is refused."""

    template_name = "core/record_edit.html"

    def get(self, request, pk=None):
        obj = self.get_object(pk) if pk else None
        self.require("change" if obj else "add", obj)
        # A new record may be prefilled from the query string (a sub-task's parent, a report's task).
        initial = {k: v for k, v in request.GET.items() if k in self.record_type.form.base_fields} if obj is None else None
        form = self.record_type.form(instance=obj, user=request.user, initial=initial)
        return render(request, self.template_name, self.context(form=form, object=obj,
                                                                version=obj.version if obj else None))

    def post(self, request, pk=None):
        rt = self.record_type
        obj = self.get_object(pk) if pk else None
        self.require("change" if obj else "add", obj)
        version = obj.version if obj else None
        form = rt.form(request.POST, request.FILES, instance=obj, user=request.user)
        status = 400
        if obj is not None and not is_digits(str(request.POST.get("version", ""))):
            # An edit must say which version it was based on; a form from before versions, or a script, doesn't.
            form.is_valid()
            form.add_error(None, _("缺少记录版本，无法确认您修改的是最新内容。请重新打开编辑页面后再保存。"))
        elif form.is_valid():
            plain, m2m = form.split()
            try:
                if obj:
                    obj = update_record(obj, plain, request.user, m2m=m2m, version=int(request.POST["version"]))
                else:
                    obj = create_record(rt.model, plain, request.user, m2m=m2m)
            except StaleVersion as exc:
                # Nothing saved. The form keeps what the user typed and now holds the current version:
                # saving again, after reading what changed, is a deliberate choice.
                form.add_error(None, [*exc.lines(), _("如仍要保存您的内容，请核对后再次点击保存。")])
                version, status = exc.current, 409
            except PermissionDenied as exc:
                form.add_error(None, str(exc) or _("记录已提交或已审核，已锁定，不能修改。"))
                status = 409
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("已保存：%(obj)s") % {"obj": obj})
                return redirect(rt.url("detail", obj.pk))
        return render(request, self.template_name, self.context(form=form, object=obj, version=version),
                      status=status)


class RecordDeleteView(RecordView):
    template_name = "core/record_delete.html"

    def get(self, request, pk):
        obj = self.get_object(pk)
        self.require("delete", obj)
        return render(request, self.template_name, self.context(object=obj))

    def post(self, request, pk):
        obj = self.get_object(pk)
        self.require("delete", obj)
        from django.db.models import ProtectedError, RestrictedError

        try:
            delete_record(obj, request.user)
        except (ProtectedError, RestrictedError) as exc:
            from .references import blocked_message, blocking_records

            messages.error(request, blocked_message(blocking_records(exc, request.user)))
            return redirect(self.record_type.url("detail", obj.pk))
        messages.success(request, _("已删除：%(obj)s") % {"obj": obj})
        return redirect(self.record_type.url("list"))


class RecordTransitionView(RecordView):
    def post(self, request, pk, action):
        obj = self.get_object(pk)
        if action not in TRANSITIONS:
            raise Http404
        self.require(action, obj)
        try:
            transition_record(obj, action, request.user, reason=request.POST.get("reason", ""))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except PermissionDenied as exc:
            # The record changed between the page and the click (another user submitted or approved it).
            messages.error(request, str(exc))
        else:
            messages.success(request, _("操作成功。"))
        return redirect(self.record_type.url("detail", obj.pk))


class RecordHistoryView(RecordView):
    template_name = "core/record_history.html"

    def get(self, request, pk):
        obj = self.get_object(pk)
        return render(request, self.template_name, self.context(object=obj, history=history(obj, request.user)))


class RecordImportView(RecordView):
    template_name = "core/record_import.html"

    def get(self, request):
        self.require("import")
        return render(request, self.template_name, self.context())

    def post(self, request):
        self.require("import")
        rt = self.record_type
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("请选择要上传的文件。"))
            return render(request, self.template_name, self.context(), status=400)
        name = upload.name
        if not name.lower().endswith((".xlsx", ".csv")):
            messages.error(request, _("不支持的文件类型，请上传 .xlsx 或 .csv 文件。"))
            return render(request, self.template_name, self.context(), status=400)
        if upload.size == 0:
            messages.error(request, _("文件为空。"))
            return render(request, self.template_name, self.context(), status=400)
        job = jobs.enqueue("import_records", request.user, _("导入%(type)s：%(name)s") % {"type": rt.verbose_name, "name": name},
                           params={"record_type": rt.key}, input_file=upload, input_name=name)
        return redirect("job_detail", pk=job.pk)


class RecordTemplateView(RecordView):
    def get(self, request):
        import io

        buffer = io.BytesIO()
        write_template(self.record_type, request.user, buffer)
        buffer.seek(0)
        return FileResponse(buffer, as_attachment=True, filename=f"{self.record_type.verbose_name}-导入模板.xlsx")


class RecordExportView(RecordView):
    def get(self, request):
        self.require("export")
        rt = self.record_type
        fmt = request.GET.get("format", "xlsx")
        if fmt not in ("xlsx", "csv"):
            raise Http404
        query = request.GET.copy()
        for key in ("format", "page"):
            query.pop(key, None)
        job = jobs.enqueue("export_records", request.user, _("导出%(type)s（%(format)s）") % {"type": rt.verbose_name, "format": fmt},
                           params={"record_type": rt.key, "query": query.urlencode(), "format": fmt})
        return redirect("job_detail", pk=job.pk)


# Jobs: only their owner (or a superuser) sees them; anyone else gets 404.

def own_job(request, pk) -> Job:
    qs = Job.objects.all() if request.user.is_superuser else Job.objects.filter(user=request.user)
    return get_object_or_404(qs, pk=pk)


class JobDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        jobs.reap_stale()
        job = own_job(request, pk)
        template = "core/job_progress.html" if request.headers.get("HX-Request") else "core/job_detail.html"
        return render(request, template, {"job": job, "worker_warning": jobs.worker_warning([job])})


class JobListView(LoginRequiredMixin, View):
    def get(self, request):
        qs = Job.objects.all() if request.user.is_superuser else Job.objects.filter(user=request.user)
        rows = list(qs[:100])
        return render(request, "core/job_list.html", {"jobs": rows, "worker_warning": jobs.worker_warning(rows)})


class JobDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk, which):
        job = own_job(request, pk)
        f = {"result": job.result_file, "errors": job.error_file}.get(which)
        if not f:
            raise Http404
        name = job.summary.get("filename") or f.name.rsplit("/", 1)[-1]
        return FileResponse(f.open("rb"), as_attachment=True, filename=name)


class JobRerunView(LoginRequiredMixin, View):
    def post(self, request, pk):
        job = own_job(request, pk)
        if not job.finished:
            messages.error(request, _("任务尚未结束。"))
            return redirect("job_detail", pk=job.pk)
        new = jobs.rerun(job, request.user)
        return redirect("job_detail", pk=new.pk)


def upload_too_large(request, limit_mb: int) -> HttpResponse:
    return render(request, "core/error.html", {
        "title": _("文件过大"),
        "message": _("上传文件超过 %(mb)d MB 的限制，已拒绝接收。") % {"mb": limit_mb},
    }, status=413)


__all__ = ["FileProblem", "transaction", "reverse"]
