"""One filterset per record type: the list page's filters, the API's `?field=` parameters and the figures'
queries (core/figures.py runs these with the figure's parameters)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet
from xiezuo.core.ledger import TreeFilterMixin

from .choices import (
    CertificationStage,
    ChannelKind,
    ProductCategory,
    ReportingSide,
    TourismEventKind,
    TourismProjectKind,
)
from .counting import certified_q, duplicates, government_q, once
from .models import Channel, Product, Sale, TourismEvent, TourismPolicy, TourismProject, VisitorFlow


class ProductFilterSet(TreeFilterMixin, RecordFilterSet):
    category = django_filters.MultipleChoiceFilter(choices=ProductCategory.choices, label=_("产品类别"))
    stage = django_filters.MultipleChoiceFilter(choices=CertificationStage.choices, label=_("认定进度"))
    since = django_filters.DateFilter(field_name="valid_from", lookup_expr="gte", label=_("认定日期自"))
    until = django_filters.DateFilter(field_name="valid_from", lookup_expr="lte", label=_("认定日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("生产经营主体编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("申报县代码（含下级）"))
    registered = django_filters.BooleanFilter(method="by_registered", label=_("已关联建档立卡户"))
    household = django_filters.CharFilter(method="by_household", label=_("受益户编号"))
    search_fields = ("name", "certificate_no", "producer__name", "note")
    organisation_paths = ("producer",)
    region_paths = ("region",)

    class Meta:
        model = Product
        fields = ["q", "category", "stage", "status", "since", "until", "organisation", "region", "registered",
                  "household", "synthetic"]

    def by_registered(self, qs, name, value):
        linked = Product.beneficiary_households.through.objects.values("product_id")
        return qs.filter(pk__in=linked) if value else qs.exclude(pk__in=linked)

    def by_household(self, qs, name, value):
        return qs.filter(pk__in=Product.beneficiary_households.through.objects
                         .filter(household__number=value.strip()).values("product_id"))


class ChannelFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=ChannelKind.choices, label=_("渠道类型"))
    since = django_filters.DateFilter(field_name="opened_on", lookup_expr="gte", label=_("开业日期自"))
    until = django_filters.DateFilter(field_name="opened_on", lookup_expr="lte", label=_("开业日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("运营单位编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("所在或供货地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("所在地区代码"))
    served = django_filters.CharFilter(method="by_served", label=_("供货地区代码"))
    search_fields = ("name", "address", "dishes", "note")
    organisation_paths = ("operator",)
    east_paths = ("region",)
    region_paths = ("region", "served_regions")

    class Meta:
        model = Channel
        fields = ["q", "kind", "status", "since", "until", "organisation", "region", "east", "served", "synthetic"]

    def by_served(self, qs, name, value):
        from xiezuo.core.ledger import region_q

        return qs.filter(pk__in=Channel._base_manager.filter(region_q(["served_regions"], value)).values("pk"))


class SaleFilterSet(TreeFilterMixin, RecordFilterSet):
    channel = django_filters.NumberFilter(field_name="channel_id", label=_("销售渠道编号"))
    channel_kind = django_filters.MultipleChoiceFilter(field_name="channel__kind", choices=ChannelKind.choices,
                                                       label=_("渠道类型"))
    product = django_filters.NumberFilter(field_name="product_id", label=_("产品编号"))
    reported_by = django_filters.MultipleChoiceFilter(choices=ReportingSide.choices, label=_("报送方"))
    since = django_filters.DateFilter(field_name="month", lookup_expr="gte", label=_("月份自"))
    until = django_filters.DateFilter(field_name="month", lookup_expr="lte", label=_("月份至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("单位编号（渠道运营、买卖方、生产，含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("产地或渠道所在地代码"))
    origin = django_filters.CharFilter(method="by_origin", label=_("产地代码（含下级）"))
    east = django_filters.CharFilter(method="by_east", label=_("渠道或买方所在地代码"))
    counted = django_filters.BooleanFilter(method="by_counted", label=_("认定产品（计入消费帮扶）"))
    government = django_filters.BooleanFilter(method="by_government", label=_("政府采购（预算单位购买）"))
    # Applied last (see filter_queryset): "once" among the rows the other filters kept.
    once = django_filters.BooleanFilter(method="noop", label=_("同一票据只计一次"))
    search_fields = ("product__name", "channel__name", "document_no", "note")
    organisation_paths = ("channel__operator", "seller", "buyer", "producer")
    region_paths = ("region", "channel__region")
    east_paths = ("channel__region", "buyer__region")

    class Meta:
        model = Sale
        fields = ["q", "channel", "channel_kind", "product", "reported_by", "status", "since", "until",
                  "organisation", "region", "origin", "east", "counted", "government", "synthetic", "once"]

    def by_origin(self, qs, name, value):
        from xiezuo.core.ledger import region_q

        return qs.filter(pk__in=Sale._base_manager.filter(region_q(["region"], value)).values("pk"))

    def by_counted(self, qs, name, value):
        certified = Sale._base_manager.filter(certified_q()).values("pk")
        return qs.filter(pk__in=certified) if value else qs.exclude(pk__in=certified)

    def by_government(self, qs, name, value):
        government = Sale._base_manager.filter(government_q()).values("pk")
        return qs.filter(pk__in=government) if value else qs.exclude(pk__in=government)

    def noop(self, qs, name, value):
        return qs

    def filter_queryset(self, queryset):
        qs = super().filter_queryset(queryset)
        value = self.form.cleaned_data.get("once")
        if value is True:
            return once(qs)
        if value is False:  # the repeated reports only: what the approver checks
            return duplicates(qs)
        return qs


class TourismEventFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=TourismEventKind.choices, label=_("类型"))
    since = django_filters.DateFilter(field_name="start_date", lookup_expr="gte", label=_("开始日期自"))
    until = django_filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("开始日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("主办或承办单位编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("目的地代码（含下级）"))
    east = django_filters.CharFilter(method="by_east", label=_("客源地代码"))
    search_fields = ("name", "note")
    organisation_paths = ("organisers",)
    region_paths = ("destination_regions",)
    east_paths = ("origin_region",)

    class Meta:
        model = TourismEvent
        fields = ["q", "kind", "status", "since", "until", "organisation", "region", "east", "synthetic"]


class VisitorFlowFilterSet(TreeFilterMixin, RecordFilterSet):
    since = django_filters.DateFilter(field_name="month", lookup_expr="gte", label=_("月份自"))
    until = django_filters.DateFilter(field_name="month", lookup_expr="lte", label=_("月份至"))
    region = django_filters.CharFilter(method="by_region", label=_("目的地代码（含下级）"))
    east = django_filters.CharFilter(method="by_east", label=_("客源地代码"))
    event = django_filters.NumberFilter(field_name="event_id", label=_("推介或专列编号"))
    search_fields = ("note", "region__name")
    region_paths = ("region",)
    east_paths = ("origin_region",)

    class Meta:
        model = VisitorFlow
        fields = ["q", "status", "since", "until", "region", "east", "event", "synthetic"]


class TourismPolicyFilterSet(TreeFilterMixin, RecordFilterSet):
    since = django_filters.DateFilter(field_name="valid_from", lookup_expr="gte", label=_("开始日期自"))
    until = django_filters.DateFilter(field_name="valid_from", lookup_expr="lte", label=_("开始日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("实施地区代码（含下级）"))
    search_fields = ("name", "places", "beneficiaries", "benefit", "note")
    region_paths = ("regions",)

    class Meta:
        model = TourismPolicy
        fields = ["q", "status", "since", "until", "region", "synthetic"]


class TourismProjectFilterSet(TreeFilterMixin, RecordFilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=TourismProjectKind.choices, label=_("项目类型"))
    since = django_filters.DateFilter(field_name="started_on", lookup_expr="gte", label=_("启动日期自"))
    until = django_filters.DateFilter(field_name="started_on", lookup_expr="lte", label=_("启动日期至"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("实施、合作或投资单位编号（含下属）"))
    region = django_filters.CharFilter(method="by_region", label=_("项目地点代码（含下级）"))
    project = django_filters.NumberFilter(field_name="project_id", label=_("产业项目编号"))
    invested = django_filters.BooleanFilter(field_name="project", lookup_expr="isnull", exclude=True,
                                            label=_("关联产业项目（投资）"))
    search_fields = ("name", "note")
    organisation_paths = ("organisations", "project__investors")
    region_paths = ("region",)

    class Meta:
        model = TourismProject
        fields = ["q", "kind", "status", "since", "until", "organisation", "region", "project", "invested",
                  "synthetic"]
