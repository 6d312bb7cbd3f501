"""What each user keeps about a record list: the columns shown and named filters.

Both are per user and per record type (`rt.key`), stored in the database so that they follow the user from
browser to browser. The list page (core/views.py) calls `apply_columns` on its table and `context` for the
template part (core/templates/core/list_prefs.html); the forms post to the views below.

Columns: the record's name column (the first, which links to the record) is always shown; the others can be
left out. Saved filters keep the list's query string (filters, sort, page size), less the page number.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .registry import REGISTRY, RecordType

MAX_SAVED_FILTERS = 50


class ListColumns(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    list_key = models.CharField(gettext_lazy("列表"), max_length=100)
    columns = models.JSONField(gettext_lazy("显示的列"), default=list)

    class Meta:
        app_label = "core"
        verbose_name = gettext_lazy("列表显示的列")
        verbose_name_plural = gettext_lazy("列表显示的列")
        constraints = [models.UniqueConstraint(fields=["user", "list_key"], name="core_listcolumns_unique")]


class SavedFilter(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    list_key = models.CharField(gettext_lazy("列表"), max_length=100)
    name = models.CharField(gettext_lazy("名称"), max_length=60)
    query = models.TextField(gettext_lazy("筛选条件"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "core"
        verbose_name = gettext_lazy("保存的筛选")
        verbose_name_plural = gettext_lazy("保存的筛选")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["user", "list_key", "name"], name="core_savedfilter_unique")]

    def __str__(self) -> str:
        return self.name


# --- the list page ------------------------------------------------------------------------------------------

def optional_columns(table) -> list[str]:
    """Columns a user may leave out: all but the first (the record's name, its link)."""
    return list(table.columns[1:])


def apply_columns(request, rt: RecordType, table) -> None:
    """Show only the columns the user chose for this list (the table's order; the first always)."""
    chosen = ListColumns.objects.filter(user=request.user, list_key=rt.key).values_list("columns", flat=True).first()
    if not chosen:
        return
    keep = set(chosen)
    columns = tuple(table.columns)
    table.all_columns = columns
    table.columns = columns[:1] + tuple(c for c in columns[1:] if c in keep)


def context(request, rt: RecordType, table) -> dict:
    """What the template part needs: the column choices and the user's saved filters for this list."""
    columns = getattr(table, "all_columns", tuple(table.columns))
    shown = set(table.columns)
    choices = [{"name": name, "label": table.label(name), "shown": name in shown} for name in columns[1:]]
    query = request.GET.copy()
    query.pop("page", None)
    saved = [{"pk": f.pk, "name": f.name, "url": rt.url("list") + ("?" + f.query if f.query else ""),
              "current": f.query == query.urlencode()}
             for f in SavedFilter.objects.filter(user=request.user, list_key=rt.key)]
    return {"column_choices": choices, "saved_filters": saved, "current_query": query.urlencode()}


# --- the forms' views -----------------------------------------------------------------------------------------

def _record_type(key: str) -> RecordType:
    rt = REGISTRY.get(key)
    if rt is None:
        raise Http404(key)
    return rt


def _back(request, rt: RecordType, query: str = "") -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not target or not url_has_allowed_host_and_scheme(target, {request.get_host()}) or not target.startswith("/"):
        target = rt.url("list") + ("?" + query if query else "")
    return HttpResponseRedirect(target)


@require_POST
@login_required
def save_columns(request, key: str):
    rt = _record_type(key)
    table = rt.table(rt.model, [], user=request.user)
    allowed = optional_columns(table)
    if request.POST.get("reset"):
        ListColumns.objects.filter(user=request.user, list_key=rt.key).delete()
        messages.success(request, _("已恢复显示全部列。"))
        return _back(request, rt)
    chosen = [c for c in request.POST.getlist("column") if c in allowed]
    ListColumns.objects.update_or_create(user=request.user, list_key=rt.key, defaults={"columns": chosen})
    messages.success(request, _("已保存显示的列。"))
    return _back(request, rt)


@require_POST
@login_required
def save_filter(request, key: str):
    rt = _record_type(key)
    name = " ".join(request.POST.get("name", "").split())[:60]
    query = request.POST.get("query", "")
    if not name:
        messages.error(request, _("请为筛选条件填写一个名称。"))
        return _back(request, rt, query)
    mine = SavedFilter.objects.filter(user=request.user, list_key=rt.key)
    if not mine.filter(name=name).exists() and mine.count() >= MAX_SAVED_FILTERS:
        messages.error(request, _("每个列表最多保存 %(n)s 个筛选条件，请先删除不用的。") % {"n": MAX_SAVED_FILTERS})
        return _back(request, rt, query)
    SavedFilter.objects.update_or_create(user=request.user, list_key=rt.key, name=name, defaults={"query": query})
    messages.success(request, _("已保存筛选条件“%(name)s”。") % {"name": name})
    return HttpResponseRedirect(rt.url("list") + ("?" + query if query else ""))


@require_POST
@login_required
def delete_filter(request, key: str, pk: int):
    rt = _record_type(key)
    saved = SavedFilter.objects.filter(user=request.user, list_key=rt.key, pk=pk).first()
    if saved is None:
        raise Http404(str(pk))
    saved.delete()
    messages.success(request, _("已删除筛选条件“%(name)s”。") % {"name": saved.name})
    return _back(request, rt)
