from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet
from xiezuo.core.text import is_digits

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
    # A side's area: its region, or the region of its organisation (a school pair sits where its schools are).
    helper_area = django_filters.CharFilter(method="helper_side", label=_("帮扶方所在地区代码"))
    helped_area = django_filters.CharFilter(method="helped_side", label=_("受援方所在地区代码"))
    party = django_filters.NumberFilter(method="either_party", label=_("任一方单位（含下属单位）"))
    since = django_filters.DateFilter(method="active_since", label=_("期间起（有效）"))
    until = django_filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("期间止（有效）"))
    search_fields = ("helper_region__name", "helped_region__name", "helper_organisation__name",
                     "helped_organisation__name", "note")

    class Meta:
        model = Pairing
        fields = ["q", "kind", "status", "region", "helper_area", "helped_area", "party", "active_on", "since",
                  "until", "synthetic"]

    def either_region(self, qs, name, value):
        from django.db.models import Q

        return qs.filter(Q(helper_region__code__startswith=value) | Q(helped_region__code__startswith=value))

    @staticmethod
    def _side(qs, side: str, value: str):
        from django.db.models import Q

        from xiezuo.core.scope import code_prefix

        prefix = code_prefix(value) if len(value) == 12 and is_digits(value) else value
        return qs.filter(Q(**{f"{side}_region__code__startswith": prefix})
                         | Q(**{f"{side}_organisation__region__code__startswith": prefix}))

    def helper_side(self, qs, name, value):
        return self._side(qs, "helper", value)

    def helped_side(self, qs, name, value):
        return self._side(qs, "helped", value)

    def either_party(self, qs, name, value):
        from django.db.models import Q

        org = Organisation.objects.filter(pk=value).only("path").first()
        if org is None:
            return qs.none()
        return qs.filter(Q(helper_organisation__path__startswith=org.path)
                         | Q(helped_organisation__path__startswith=org.path))

    def active_since(self, qs, name, value):
        from django.db.models import Q

        return qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=value))

    def active(self, qs, name, value):
        from django.db.models import Q

        return qs.filter(start_date__lte=value).filter(Q(end_date__isnull=True) | Q(end_date__gte=value))
