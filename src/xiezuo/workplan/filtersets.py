"""One filterset per record type: the list page's filters and the API's `?field=` parameters."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet

from .choices import TaskKind
from .models import Task


class TaskFilterSet(RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=TaskKind.choices, label=_("类型"))
    since = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("日期自"))
    until = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("日期至"))
    region = django_filters.CharFilter(field_name="region__code", lookup_expr="startswith",
                                       label=_("地区代码（含下级）"))
    search_fields = ("name", "note")

    class Meta:
        model = Task
        fields = ["q", "kind", "status", "since", "until", "region", "synthetic"]
