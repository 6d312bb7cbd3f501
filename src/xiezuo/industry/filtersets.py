from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet
from xiezuo.core.ledger import TreeFilterMixin

from .choices import ProjectKind, ProjectStatus, Sector
from .models import FundAllocation, FundDisbursement, Project


class ProjectFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=ProjectKind.choices, label=_("项目类型"))
    stage = django_filters.MultipleChoiceFilter(choices=ProjectStatus.choices, label=_("项目进展"))
    sector = django_filters.MultipleChoiceFilter(choices=Sector.choices, label=_("所属行业"))
    since = django_filters.DateFilter(field_name="agreed_on", lookup_expr="gte", label=_("确定日期自"))
    until = django_filters.DateFilter(field_name="agreed_on", lookup_expr="lte", label=_("确定日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("投资企业编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("项目地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("投资企业所在地区代码"))
    agreement = django_filters.NumberFilter(field_name="agreement_id", label=_("依据协议编号"))
    visit = django_filters.NumberFilter(field_name="visits", distinct=True, label=_("来自活动编号"))
    search_fields = ("name", "note")
    organisation_paths = ("investors",)
    east_paths = ("investors",)
    region_paths = ("region",)

    class Meta:
        model = Project
        fields = ["q", "kind", "stage", "sector", "status", "since", "until", "organisation", "region", "east",
                  "agreement", "visit", "synthetic"]


class FundAllocationFilterSet(TreeFilterMixin, RecordFilterSet):
    pairing = django_filters.NumberFilter(field_name="pairing_id", label=_("结对关系编号"))
    year = django_filters.NumberFilter(label=_("年度"))
    year_from = django_filters.NumberFilter(field_name="year", lookup_expr="gte", label=_("年度自"))
    year_to = django_filters.NumberFilter(field_name="year", lookup_expr="lte", label=_("年度至"))
    region = django_filters.CharFilter(method="by_region", label=_("受援地区代码"))
    search_fields = ("name", "note")
    region_paths = ("pairing__helped_region", "region")

    class Meta:
        model = FundAllocation
        fields = ["q", "pairing", "year", "year_from", "year_to", "region", "status", "synthetic"]


class FundDisbursementFilterSet(TreeFilterMixin, RecordFilterSet):
    allocation = django_filters.NumberFilter(field_name="allocation_id", label=_("资金下达编号"))
    project = django_filters.NumberFilter(field_name="project_id", label=_("项目编号"))
    pairing = django_filters.NumberFilter(field_name="allocation__pairing_id", label=_("结对关系编号"))
    year = django_filters.NumberFilter(field_name="allocation__year", label=_("资金年度"))
    year_from = django_filters.NumberFilter(field_name="allocation__year", lookup_expr="gte", label=_("资金年度自"))
    year_to = django_filters.NumberFilter(field_name="allocation__year", lookup_expr="lte", label=_("资金年度至"))
    region = django_filters.CharFilter(method="by_region", label=_("项目地区代码"))
    search_fields = ("project__name", "note")
    region_paths = ("project__region",)

    class Meta:
        model = FundDisbursement
        fields = ["q", "allocation", "project", "pairing", "year", "year_from", "year_to", "region", "status",
                  "synthetic"]
