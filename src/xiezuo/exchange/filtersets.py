"""Filters shared by the list pages and the API. The cooperation pages link to lists through them."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet

from .choices import AgreementKind, ParticipantSide, VisitKind
from .models import Agreement, Meeting, Participant, Visit


def org_tree_q(paths: list[str], pk) -> Q:
    """Organisation `pk` and every unit it supervises, through each relation path."""
    from xiezuo.partners.models import Organisation

    org = Organisation.objects.filter(pk=pk).only("path").first()
    if org is None:
        return Q(pk__in=[])
    q = Q()
    for p in paths:
        q |= Q(**{f"{p}__path__startswith": org.path})
    return q


def region_q(paths: list[str], code: str) -> Q:
    """Regions (or organisations' regions) under a region code or prefix."""
    from xiezuo.core.scope import code_prefix

    prefix = code_prefix(code.ljust(12, "0")) if len(code) in (2, 4, 6, 9, 12) and code.isdigit() else code
    q = Q()
    for p in paths:
        q |= Q(**{f"{p}__code__startswith": prefix}) if p.endswith("regions") or p.endswith("region") else \
            Q(**{f"{p}__region__code__startswith": prefix})
    return q


class TreeFilterMixin:
    """`organisation=<pk>` (with supervised units), `east=<code>` and `region=<code>` as distinct pk filters."""

    organisation_paths: tuple[str, ...] = ()
    east_paths: tuple[str, ...] = ()
    region_paths: tuple[str, ...] = ()

    def by_organisation(self, qs, name, value):
        return qs.filter(pk__in=qs.model._base_manager.filter(org_tree_q(self.organisation_paths, value)).values("pk"))

    def by_east(self, qs, name, value):
        return qs.filter(pk__in=qs.model._base_manager.filter(region_q(self.east_paths, value)).values("pk"))

    def by_region(self, qs, name, value):
        return qs.filter(pk__in=qs.model._base_manager.filter(region_q(self.region_paths, value)).values("pk"))


class VisitFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=VisitKind.choices, label=_("活动类型"))
    since = django_filters.DateFilter(field_name="start_date", lookup_expr="gte", label=_("开始日期自"))
    until = django_filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("开始日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("组织或参加单位编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("考察地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("东部单位所在地区代码"))
    search_fields = ("name", "leader", "summary")
    organisation_paths = ("organiser", "delegation_units")
    east_paths = ("organiser", "delegation_units")
    region_paths = ("regions",)

    class Meta:
        model = Visit
        fields = ["q", "kind", "status", "since", "until", "organisation", "region", "east", "synthetic"]


class ParticipantFilterSet(RecordFilterSet):
    side = django_filters.MultipleChoiceFilter(choices=ParticipantSide.choices, label=_("所属方"))
    visit = django_filters.NumberFilter(field_name="visit_id", label=_("活动编号"))
    search_fields = ("name", "position", "visit__name")

    class Meta:
        model = Participant
        fields = ["q", "visit", "side", "is_leader", "status", "synthetic"]


class MeetingFilterSet(RecordFilterSet):
    visit = django_filters.NumberFilter(field_name="visit_id", label=_("活动编号"))
    search_fields = ("title", "chair", "speakers", "visit__name")

    class Meta:
        model = Meeting
        fields = ["q", "visit", "status", "synthetic"]


class AgreementFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=AgreementKind.choices, label=_("协议类型"))
    since = django_filters.DateFilter(field_name="signed_on", lookup_expr="gte", label=_("签订日期自"))
    until = django_filters.DateFilter(field_name="signed_on", lookup_expr="lte", label=_("签订日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("东部签约方编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("西部地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("东部签约方所在地区代码"))
    needs_review = django_filters.BooleanFilter(label=_("待核查"))
    visit = django_filters.NumberFilter(field_name="visits", label=_("成果所属活动编号"))
    search_fields = ("title", "content")
    organisation_paths = ("eastern_parties",)
    east_paths = ("eastern_parties",)
    region_paths = ("regions", "western_parties")

    class Meta:
        model = Agreement
        fields = ["q", "kind", "status", "since", "until", "organisation", "region", "east", "needs_review",
                  "visit", "synthetic"]
