"""Read-only region API (regions are shipped data)."""

from __future__ import annotations

import django_filters
from rest_framework import permissions, serializers, viewsets

from xiezuo.core.filtersets import ReferenceFilterSet

from .models import Region


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["code", "name", "level", "parent", "valid_from", "valid_to", "successor"]


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
