"""Read-only region API (regions are shipped data)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers, viewsets

from xiezuo.core.api_fields import BriefRelatedField, DisplayField, LabelledChoiceField, SelfUrlField
from xiezuo.core.filtersets import ReferenceFilterSet

from .models import Region


class RegionSerializer(serializers.ModelSerializer):
    serializer_related_field = BriefRelatedField
    serializer_choice_field = LabelledChoiceField
    display = DisplayField()
    url = SelfUrlField()
    page_url = SelfUrlField(kind="page")

    class Meta:
        model = Region
        fields = ["code", "display", "url", "page_url", "name", "level", "parent", "valid_from", "valid_to",
                  "successor"]


class RegionFilterSet(ReferenceFilterSet):
    level = django_filters.NumberFilter()
    parent = django_filters.CharFilter(field_name="parent__code")
    current = django_filters.BooleanFilter(field_name="valid_to", lookup_expr="isnull")
    search_fields = ("name",)

    class Meta:
        model = Region
        fields = ["q", "level", "parent", "current"]


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Region.objects.order_by("code")
    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet
    permission_classes = [permissions.IsAuthenticated]
    ordering_fields = ["code", "name", "level"]
    user_summary = _("行政区划")
    user_description = _("行政区划（省、市、县、乡、村），按代码排序；可按级别、上级代码、名称（含拼音）筛选。"
                         "行政区划是公共参考数据，所有用户都能读取。")
