"""The API's filter backend: the record type's FilterSet (shared with the pages), refusing values it would ignore.

On a page, a filter left empty or set to nonsense simply does not filter. An API client that sends
`?synthetic=maybe` or `?since=` has made a mistake it should hear about (400), as the schema promises.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

BOOLEAN_VALUES = {"true", "false", "True", "False", "1", "0"}
TYPED = (django_filters.DateFilter, django_filters.NumberFilter, django_filters.BooleanFilter,
         django_filters.ModelChoiceFilter, django_filters.ChoiceFilter, django_filters.MultipleChoiceFilter)


MULTIPLE = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)


class StrictFilterBackend(DjangoFilterBackend):
    def get_filterset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
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
