"""One filterset per record type: the list page's filters and the API's `?field=` parameters."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet

from .choices import Area
from .models import Target


class TargetFilterSet(RecordFilterSet):
    pairing = django_filters.NumberFilter(field_name="pairing_id", label=_("结对关系编号"))
    year = django_filters.NumberFilter(label=_("年度"))
    area = django_filters.MultipleChoiceFilter(field_name="indicator__area", choices=Area.choices,
                                               label=_("考核内容"))
    indicator = django_filters.CharFilter(field_name="indicator__code", label=_("指标代码"))
    region = django_filters.CharFilter(field_name="pairing__helped_region__code", lookup_expr="startswith",
                                       label=_("地区代码（含下级）"))
    search_fields = ("indicator__name", "note")

    class Meta:
        model = Target
        fields = ["q", "pairing", "year", "area", "indicator", "region", "status", "synthetic"]
