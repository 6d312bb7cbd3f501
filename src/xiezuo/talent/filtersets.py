"""One filterset per record type: the list page's filters and the API's `?field=` parameters."""

from __future__ import annotations

import datetime as dt

import django_filters
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet
from xiezuo.core.ledger import TreeFilterMixin

from .choices import Direction, Field, OutputKind, TeamKind, TrainingKind
from .models import (
    CadreTrainee,
    CadreTraining,
    Dispatch,
    MinimumStay,
    Secondment,
    Team,
    TeamMember,
    TeamOutput,
)


class StayFilterSet(TreeFilterMixin, RecordFilterSet):
    since = django_filters.DateFilter(field_name="start", lookup_expr="gte", label=_("到岗日期自"))
    until = django_filters.DateFilter(field_name="start", lookup_expr="lte", label=_("到岗日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("派驻地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("派出单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("派出单位编号（含下属）"))
    person = django_filters.NumberFilter(field_name="person_id", label=_("人员编号"))
    search_fields = ("name", "home_unit_name", "host_unit_name", "note")
    region_paths = ("host_region",)
    east_paths = ("home_unit",)
    organisation_paths = ("home_unit",)
    COMMON = ["q", "status", "since", "until", "region", "east", "organisation", "person", "synthetic"]


class SecondmentFilterSet(StayFilterSet):
    direction = django_filters.ChoiceFilter(choices=Direction.choices, label=_("方向"))

    class Meta:
        model = Secondment
        fields = [*StayFilterSet.COMMON, "direction"]


class DispatchFilterSet(StayFilterSet):
    speciality = django_filters.MultipleChoiceFilter(choices=Field.choices, label=_("专业领域"))
    qualifying = django_filters.BooleanFilter(method="by_stay", label=_("在岗时间达到计入考核的最短时间"))

    class Meta:
        model = Dispatch
        fields = [*StayFilterSet.COMMON, "speciality", "qualifying"]

    def by_stay(self, queryset, name, value):
        """A stay counts once it lasted the field's minimum (MinimumStay; 180 days where no row says otherwise)."""
        rules = dict(MinimumStay.objects.values_list("field", "days"))
        today = dt.date.today()
        q = Q()
        for field, _label in Field.choices:
            days = dt.timedelta(days=rules.get(field, 180))
            q |= Q(speciality=field) & (Q(actual_end__isnull=True, start__lte=today - days)
                                        | Q(actual_end__isnull=False, stayed__gte=days))
        qs = queryset.annotate(stayed=F("actual_end") - F("start"))
        return qs.filter(q) if value else qs.exclude(q)


class TeamFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=TeamKind.choices, label=_("类型"))
    since = django_filters.DateFilter(field_name="start", lookup_expr="gte", label=_("开始日期自"))
    until = django_filters.DateFilter(field_name="start", lookup_expr="lte", label=_("开始日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("受援地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("派出单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("派出单位编号（含下属）"))
    search_fields = ("name", "helper_unit_name", "host_unit_name", "note")
    region_paths = ("host_region",)
    east_paths = ("helper_unit",)
    organisation_paths = ("helper_unit",)

    class Meta:
        model = Team
        fields = ["q", "kind", "status", "since", "until", "region", "east", "organisation", "synthetic"]


class TeamPartFilterSet(TreeFilterMixin, RecordFilterSet):
    team = django_filters.NumberFilter(field_name="team_id", label=_("团队编号"))
    team_kind = django_filters.ChoiceFilter(field_name="team__kind", choices=TeamKind.choices, label=_("团队类型"))
    region = django_filters.CharFilter(method="by_region", label=_("受援地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("派出单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("派出单位编号（含下属）"))
    region_paths = ("team__host_region",)
    east_paths = ("team__helper_unit",)
    organisation_paths = ("team__helper_unit",)
    COMMON = ["q", "team", "team_kind", "status", "region", "east", "organisation", "synthetic"]


class TeamMemberFilterSet(TeamPartFilterSet):
    since = django_filters.DateFilter(field_name="start", lookup_expr="gte", label=_("加入日期自"))
    until = django_filters.DateFilter(field_name="start", lookup_expr="lte", label=_("加入日期至"))
    person = django_filters.NumberFilter(field_name="person_id", label=_("人员编号"))
    search_fields = ("name", "role", "team__name")

    class Meta:
        model = TeamMember
        fields = [*TeamPartFilterSet.COMMON, "since", "until", "person"]


class TeamOutputFilterSet(TeamPartFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=OutputKind.choices, label=_("成效类型"))
    since = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("日期自"))
    until = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("日期至"))
    search_fields = ("note", "team__name")

    class Meta:
        model = TeamOutput
        fields = [*TeamPartFilterSet.COMMON, "kind", "since", "until"]


class CadreTrainingFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=TrainingKind.choices, label=_("培训对象"))
    since = django_filters.DateFilter(field_name="start", lookup_expr="gte", label=_("开班日期自"))
    until = django_filters.DateFilter(field_name="start", lookup_expr="lte", label=_("开班日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("受援地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("帮扶方单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("承办或帮扶方单位编号（含下属）"))
    search_fields = ("name", "note")
    region_paths = ("helped_region",)
    east_paths = ("helper_unit",)
    organisation_paths = ("host", "helper_unit")

    class Meta:
        model = CadreTraining
        fields = ["q", "kind", "status", "since", "until", "region", "east", "organisation", "synthetic"]


class CadreTraineeFilterSet(TreeFilterMixin, RecordFilterSet):
    training = django_filters.NumberFilter(field_name="training_id", label=_("两地培训班编号"))
    kind = django_filters.ChoiceFilter(field_name="training__kind", choices=TrainingKind.choices,
                                       label=_("培训对象"))
    since = django_filters.DateFilter(field_name="training__start", lookup_expr="gte", label=_("开班日期自"))
    until = django_filters.DateFilter(field_name="training__start", lookup_expr="lte", label=_("开班日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("受援地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("帮扶方单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("承办或帮扶方单位编号（含下属）"))
    person = django_filters.NumberFilter(field_name="person_id", label=_("人员编号"))
    search_fields = ("name", "unit", "post", "training__name")
    region_paths = ("training__helped_region",)
    east_paths = ("training__helper_unit",)
    organisation_paths = ("training__host", "training__helper_unit")

    class Meta:
        model = CadreTrainee
        fields = ["q", "training", "kind", "status", "since", "until", "region", "east", "organisation", "person",
                  "synthetic"]
