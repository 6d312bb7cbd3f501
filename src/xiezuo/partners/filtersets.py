from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet

from .choices import OrganisationKind, PairingKind
from .models import Organisation, Pairing


class OrganisationFilterSet(RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=OrganisationKind.choices, label=_("单位类型"))
    region = django_filters.CharFilter(field_name="region__code", lookup_expr="startswith", label=_("地区代码"))
    parent = django_filters.ModelChoiceFilter(queryset=Organisation.objects.all(), label=_("上级或主管单位"))
    search_fields = ("name", "short_name")

    class Meta:
        model = Organisation
        fields = ["q", "kind", "region", "parent", "synthetic"]


class PairingFilterSet(RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=PairingKind.choices, label=_("结对类型"))
    region = django_filters.CharFilter(method="either_region", label=_("任一方地区代码"))
    active_on = django_filters.DateFilter(method="active", label=_("在此日期有效"))
    search_fields = ("helper_region__name", "helped_region__name", "helper_organisation__name",
                     "helped_organisation__name", "note")

    class Meta:
        model = Pairing
        fields = ["q", "kind", "status", "region", "active_on", "synthetic"]

    def either_region(self, qs, name, value):
        from django.db.models import Q

        return qs.filter(Q(helper_region__code__startswith=value) | Q(helped_region__code__startswith=value))

    def active(self, qs, name, value):
        from django.db.models import Q

        return qs.filter(start_date__lte=value).filter(Q(end_date__isnull=True) | Q(end_date__gte=value))
