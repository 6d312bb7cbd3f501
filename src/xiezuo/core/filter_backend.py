"""The API's filter backends: the record type's FilterSet (shared with the pages) and `?ordering=`, both strict.

An API client that sends `?synthetic=maybe`, `?since=`, `?organisation=广州市国资委`, `?ordering=colour` or a
parameter no list knows (`?regoin=…`, a typo) has made a mistake it should hear about: 400 naming the parameter,
never a list that looks filtered but is not.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

# Parameters every list understands besides its filters (which include the search `q`): paging, ordering, the
# response format. `page` and `search` are not among them: a client sending them would get an unpaged or
# unsearched list that looks like what it asked for.
KNOWN_PARAMETERS = frozenset({"limit", "offset", "ordering", "format"})

BOOLEAN_VALUES = {"true", "false", "True", "False", "1", "0"}
TYPED = (django_filters.DateFilter, django_filters.NumberFilter, django_filters.BooleanFilter,
         django_filters.ModelChoiceFilter, django_filters.ChoiceFilter, django_filters.MultipleChoiceFilter)


MULTIPLE = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)


def refuse_unknown_parameters(request, known) -> None:
    unknown = sorted(set(request.query_params) - set(known) - KNOWN_PARAMETERS)
    if unknown:
        raise ValidationError({name: [_("未知的查询参数“%(name)s”。可用的参数：%(known)s。") % {
            "name": name, "known": "、".join(sorted(set(known) | KNOWN_PARAMETERS))}] for name in unknown})


class StrictFilterBackend(DjangoFilterBackend):
    def get_filterset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        refuse_unknown_parameters(request, filterset_class.base_filters if filterset_class is not None else ())
        if filterset_class is not None:
            errors = {}
            for name, flt in filterset_class.base_filters.items():
                values = request.query_params.getlist(name)
                if len(values) > 1 and not issubclass(flt.field_class, MULTIPLE):
                    errors[name] = [_("只能给一个值。")]
                    continue
                for value in values:
                    if isinstance(flt, TYPED) and value == "":
                        errors[name] = [_("不能为空；不筛选时请省略此参数。")]
                    elif isinstance(flt, django_filters.BooleanFilter) and value not in BOOLEAN_VALUES:
                        errors[name] = [_("须为 true 或 false。")]
            if errors:
                raise ValidationError(errors)
        return super().get_filterset(request, queryset, view)


def ordering_keys(view) -> dict[str, str]:
    """Ordering name → ORDER BY expression: the view's `ordering_keys()` (record types: the list page's sortable
    columns, plus id and the times), or its `ordering_fields`."""
    if hasattr(view, "ordering_keys"):
        return view.ordering_keys()
    return {name: name for name in getattr(view, "ordering_fields", None) or ()}


class StrictOrderingFilter(OrderingFilter):
    """`?ordering=name,-region`; a name the list cannot sort by is a 400 naming it and the ones it can."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.getlist(self.ordering_param)
        if not raw:
            return self.get_default_ordering(view)
        keys = ordering_keys(view)
        terms = [t.strip() for part in raw for t in part.split(",")]
        bad = [t for t in terms if t.lstrip("-") not in keys]
        if bad or not terms:
            allowed = "、".join(sorted(keys)) or _("（此列表不支持排序）")
            raise ValidationError({self.ordering_param: [
                _("无法按“%(name)s”排序。可排序的字段：%(allowed)s；在字段前加 - 表示倒序。") % {
                    "name": "、".join(bad) or "", "allowed": allowed}]})
        ordering = [f"-{keys[t[1:]]}" if t.startswith("-") else keys[t] for t in terms]
        return [*ordering, "pk"] if not any(o.lstrip("-") == "pk" for o in ordering) else ordering

    def get_default_ordering(self, view):
        default = getattr(view, "default_ordering", None)
        return list(default() if callable(default) else default or ())

    def get_schema_operation_parameters(self, view):
        from django.utils.translation import gettext_lazy

        keys = sorted(ordering_keys(view))
        if not keys:
            return []
        return [{
            "name": self.ordering_param, "required": False, "in": "query",
            "description": str(gettext_lazy("排序字段，逗号分隔，前加 - 表示倒序。可用：")) + ", ".join(keys),
            "schema": {"type": "string"},
        }]
