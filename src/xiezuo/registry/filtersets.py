"""One FilterSet per model: the list pages' filters, the API's `?field=` parameters and the summary links."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet

from .choices import (
    MONITORING_OPEN_STAGES,
    Attribute,
    Cause,
    ExitStage,
    Guarantee,
    Health,
    Labour,
    Monitoring,
    MonitoringStage,
    MonitoringTrigger,
    Relation,
)
from .models import (
    ExitProposal,
    Gap,
    Household,
    Member,
    MonitoringCase,
    PovertyLine,
    Screening,
    ScreeningRound,
)

GUARANTEE_STATE = [("met", _("达标")), ("unmet", _("未达标")), ("unknown", _("未筛查"))]


def _guarantee_filter(field: str, label):
    # A callable (not a method name) is called as method(qs, name, value): no `self`.
    def method(qs, name, value):
        return {"met": qs.filter(**{field: True}), "unmet": qs.filter(**{field: False}),
                "unknown": qs.filter(**{f"{field}__isnull": True})}.get(value, qs)

    return django_filters.ChoiceFilter(choices=GUARANTEE_STATE, label=label, method=method)


class RegionPrefix(django_filters.CharFilter):
    """A region code or its prefix (520521 or 520521000000): everything below it."""

    def filter(self, qs, value):
        if not value:
            return qs
        from xiezuo.core.scope import code_prefix

        value = value.strip()
        prefix = code_prefix(value) if len(value) == 12 else value
        return qs.filter(**{f"{self.field_name}__startswith": prefix})


class HouseholdFilterSet(RecordFilterSet):
    region = RegionPrefix(field_name="village__code", label=_("地区代码"))
    attribute = django_filters.ChoiceFilter(choices=Attribute.choices, label=_("户属性"))
    main_cause = django_filters.ChoiceFilter(choices=Cause.choices, label=_("主要致贫原因"))
    monitoring = django_filters.ChoiceFilter(choices=Monitoring.choices, label=_("监测对象类别"))
    exited = django_filters.BooleanFilter(field_name="year_exited", lookup_expr="isnull", exclude=True,
                                          label=_("已脱贫"))
    g_food = _guarantee_filter("g_food", Guarantee.FOOD.label)
    g_education = _guarantee_filter("g_education", Guarantee.EDUCATION.label)
    g_medical = _guarantee_filter("g_medical", Guarantee.MEDICAL.label)
    g_housing = _guarantee_filter("g_housing", Guarantee.HOUSING.label)
    g_water = _guarantee_filter("g_water", Guarantee.WATER.label)
    search_fields = ("number", "head_name", "helper_name")

    class Meta:
        model = Household
        fields = ["q", "region", "attribute", "main_cause", "monitoring", "exited", "g_food", "g_education",
                  "g_medical", "g_housing", "g_water", "synthetic"]


class MemberFilterSet(RecordFilterSet):
    region = RegionPrefix(field_name="village__code", label=_("地区代码"))
    household = django_filters.CharFilter(field_name="household__number", label=_("户编号"))
    relation = django_filters.ChoiceFilter(choices=Relation.choices, label=_("与户主关系"))
    health = django_filters.ChoiceFilter(choices=Health.choices, label=_("健康状况"))
    labour = django_filters.ChoiceFilter(choices=Labour.choices, label=_("劳动技能"))
    search_fields = ("name", "household__number")

    class Meta:
        model = Member
        fields = ["q", "region", "household", "relation", "health", "labour", "synthetic"]


class ScreeningRoundFilterSet(RecordFilterSet):
    region = RegionPrefix(field_name="region__code", label=_("地区代码"))
    search_fields = ("name",)

    class Meta:
        model = ScreeningRound
        fields = ["q", "status", "region", "year"]


class ScreeningFilterSet(RecordFilterSet):
    region = RegionPrefix(field_name="village__code", label=_("地区代码"))
    search_fields = ("household__number", "household__head_name", "checker")

    class Meta:
        model = Screening
        fields = ["q", "region", "round", "synthetic"]


class GapFilterSet(RecordFilterSet):
    region = RegionPrefix(field_name="village__code", label=_("地区代码"))
    guarantee = django_filters.ChoiceFilter(choices=Guarantee.choices, label=_("未达标项目"))
    open = django_filters.BooleanFilter(field_name="resolved_on", lookup_expr="isnull", label=_("未整改完成"))
    search_fields = ("household__number", "household__head_name", "responsible")

    class Meta:
        model = Gap
        fields = ["q", "region", "guarantee", "open", "synthetic"]


class ExitProposalFilterSet(RecordFilterSet):
    region = RegionPrefix(field_name="village__code", label=_("地区代码"))
    stage = django_filters.ChoiceFilter(choices=ExitStage.choices, label=_("退出进度"))
    search_fields = ("household__number", "household__head_name")

    class Meta:
        model = ExitProposal
        fields = ["q", "region", "stage", "year"]


class MonitoringCaseFilterSet(RecordFilterSet):
    region = RegionPrefix(field_name="village__code", label=_("地区代码"))
    household = django_filters.CharFilter(field_name="household__number", label=_("户编号"))
    category = django_filters.ChoiceFilter(choices=Monitoring.choices, label=_("拟纳入监测类别"))
    trigger = django_filters.ChoiceFilter(choices=MonitoringTrigger.choices, label=_("预警来源"))
    stage = django_filters.ChoiceFilter(choices=MonitoringStage.choices, label=_("监测程序进度"))
    open = django_filters.BooleanFilter(method="filter_open", label=_("程序进行中"))
    search_fields = ("household__number", "household__head_name", "risk")

    class Meta:
        model = MonitoringCase
        fields = ["q", "region", "household", "category", "trigger", "stage", "open", "synthetic"]

    def filter_open(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(stage__in=MONITORING_OPEN_STAGES) if value else qs.exclude(stage__in=MONITORING_OPEN_STAGES)


class PovertyLineFilterSet(RecordFilterSet):
    class Meta:
        model = PovertyLine
        fields = ["q", "year"]
