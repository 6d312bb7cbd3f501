"""Import and export as background jobs, for every registered record type."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from itertools import islice
from pathlib import Path

from django.core.files import File
from django.http import QueryDict
from django.utils.translation import gettext as _

from .importer import columns, import_file, write_error_report
from .jobs import JobError, job_handler
from .models import Job
from .registry import REGISTRY, RecordType
from .scope import Visibility, out_of_scope
from .tabular import FileProblem, write_csv, write_xlsx

EXPORT_FORMATS = ("xlsx", "csv")


def export_value(obj, name: str, visibility: Visibility | None = None):
    """A cell as the import reads it back; a related row the reader may not open is written as （范围外记录）."""
    if name not in {f.name for f in obj._meta.get_fields()}:
        # A form-only field (a person's ID number): exported as the record type's table shows it (masked).
        return obj.record_type.table(type(obj), []).cell(obj, name)
    f = obj._meta.get_field(name)
    seen = visibility or Visibility(None)
    if f.many_to_many:
        key = getattr(f.related_model, "lookup_field", "name")
        return "、".join(str(getattr(o, key)) if seen.can_open(o) else out_of_scope()
                        for o in getattr(obj, name).all())
    if f.is_relation:
        related = getattr(obj, name)
        if related is None:
            return None
        if not seen.can_open(related):
            return out_of_scope()
        key = getattr(f.related_model, "lookup_field", "name")
        # A model without a name (e.g. a pairing) is written by its number, which the import accepts.
        return getattr(related, key) if hasattr(related, key) else related.pk
    if f.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name)
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, Decimal):
        return float(value)
    return value


def batched(items, n: int):
    """itertools.batched (Python 3.12) for 3.11."""
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def filtered_queryset(rt: RecordType, user, query: str):
    qs = rt.model.objects.restrict(user, "view")
    filterset = rt.filterset(QueryDict(query), queryset=qs, user=user)
    qs = filterset.qs if filterset.is_valid() else qs
    related = [f.name for f in rt.model._meta.concrete_fields if f.is_relation]
    m2m = [f.name for f in rt.model._meta.many_to_many]
    return qs.select_related(*related).prefetch_related(*m2m).order_by("pk")


def export_rows(rt: RecordType, user, query: str, progress=None):
    cols = columns(rt, user)
    qs = filtered_queryset(rt, user, query)
    total = max(1, qs.count())
    has_status = rt.lifecycle
    visibility = Visibility(user)
    names = [name for name, _l, _r in cols]
    i = 0
    for chunk in batched(qs.iterator(chunk_size=500), 500):
        visibility.prefetch_related(chunk, names)  # one question per related model and chunk
        for obj in chunk:
            row = [export_value(obj, name, visibility) for name in names]
            row += [obj.get_status_display() if has_status else None, obj.pk]
            if progress and i % 500 == 0:
                progress(int(95 * i / total), _("已导出 %(n)s 条") % {"n": i})
            i += 1
            yield row


def export_headers(rt: RecordType, user) -> list[str]:
    return [label for _n, label, _r in columns(rt, user)] + [_("状态"), _("编号")]


@job_handler("export_records")
def run_export(job: Job, progress) -> dict:
    rt = REGISTRY[job.params["record_type"]]
    fmt = job.params.get("format", "xlsx")
    if fmt not in EXPORT_FORMATS:
        raise JobError(_("不支持的导出格式"))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{rt.verbose_name}-{stamp}.{fmt}"
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"export.{fmt}"

        def counted():
            nonlocal count
            for row in export_rows(rt, job.user, job.params.get("query", ""), progress):
                count += 1
                yield row

        if fmt == "xlsx":
            write_xlsx(str(path), export_headers(rt, job.user), counted(), sheet=rt.verbose_name[:31])
        else:
            write_csv(path, export_headers(rt, job.user), counted())
        with open(path, "rb") as fh:
            job.result_file.save(name, File(fh), save=False)
    progress(100, _("已导出 %(n)s 条记录") % {"n": count})
    return {"rows": count, "filename": name}


@job_handler("import_records")
def run_import(job: Job, progress) -> dict:
    rt = REGISTRY[job.params["record_type"]]
    progress(2, _("正在读取文件"))
    try:
        result = import_file(rt, job.user, Path(job.input_file.path), job.input_name, job=job, progress=progress)
    except FileProblem as exc:
        job.errors = [["", "-", "-", str(exc)]]  # a problem of the whole file: no row number
        raise JobError(str(exc)) from None
    errors = result["errors"]
    if errors:
        job.errors = [e.as_list() for e in errors[:1000]]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "errors.xlsx"
            write_error_report(errors, str(path))
            with open(path, "rb") as fh:
                job.error_file.save(_("错误清单-%(name)s.xlsx") % {"name": Path(job.input_name).stem}, File(fh), save=False)
        if result.get("nothing_new"):
            raise JobError(_("文件中的 %(n)s 行与系统中已有记录完全相同，未导入任何记录，也未作任何修改。") % {"n": len(errors)})
        raise JobError(_("发现 %(n)s 处错误，未导入任何记录。请下载错误清单，修改后重新上传。") % {"n": len(errors)})
    ignored = result["ignored_columns"]
    note = _("；已忽略的列：%(columns)s") % {"columns": "、".join(ignored)} if ignored else ""
    updated, unchanged = result.get("updated", 0), result.get("unchanged", 0)
    more = (_("，更新 %(n)s 条") % {"n": updated} if updated else "") + (
        _("，%(n)s 条与系统中相同未作修改") % {"n": unchanged} if unchanged else "")
    progress(100, _("已导入 %(n)s 条记录") % {"n": result["created"]} + more + note)
    return {"created": result["created"], "updated": updated, "unchanged": unchanged, "ignored_columns": ignored}
