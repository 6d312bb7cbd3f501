"""Filters shared by the list pages and the API. The cooperation pages link to lists through them."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet
from xiezuo.core.ledger import TreeFilterMixin, region_q

from .choices import AgreementKind, Direction, ParticipantSide, VisitKind
from .models import Agreement, Meeting, Participant, Visit


class VisitFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=VisitKind.choices, label=_("活动类型"))
    since = django_filters.DateFilter(field_name="start_date", lookup_expr="gte", label=_("开始日期自"))
    until = django_filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("开始日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("组织或参加单位编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("考察地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("东部单位所在地区代码"))
    pairing = django_filters.NumberFilter(method="by_pairing", label=_("结对关系编号（东西双向）"))
    direction = django_filters.ChoiceFilter(choices=Direction.choices, method="by_direction",
                                            label=_("方向（与结对关系编号同用）"))
    search_fields = ("name", "leader", "summary")
    organisation_paths = ("organiser", "delegation_units")
    east_paths = ("organiser", "delegation_units")
    region_paths = ("regions",)

    class Meta:
        model = Visit
        fields = ["q", "kind", "status", "since", "until", "organisation", "region", "east", "pairing", "direction",
                  "synthetic"]

    def by_pairing(self, qs, name, value):
        """Visits of a pairing, both ways: to the helped side from the helper side (东→西), and the reverse."""
        from xiezuo.core.figures import pairing_sides
        from xiezuo.partners.models import Pairing

        pairing = Pairing.objects.select_related("helper_region", "helped_region", "helper_organisation",
                                                 "helped_organisation").filter(pk=value).first()
        if pairing is None:
            return qs.none()
        east, west = pairing_sides(pairing)
        direction = self.form.cleaned_data.get("direction")
        q = Q(pk__in=[])
        if direction in (None, "", Direction.EAST_WEST):
            q |= region_q(self.region_paths, west) & Q(pk__in=self._from(east))
        if direction in (None, "", Direction.WEST_EAST):
            q |= region_q(self.region_paths, east) & Q(pk__in=self._from(west))
        return qs.filter(pk__in=Visit._base_manager.filter(q).values("pk"))

    def _from(self, prefix):
        # Who went: the organiser or a unit of the delegation lies on that side.
        return Visit._base_manager.filter(region_q(self.east_paths, prefix)).values("pk")

    def by_direction(self, qs, name, value):
        return qs  # read by `by_pairing`


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
