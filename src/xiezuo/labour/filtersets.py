"""One filterset per record type: the list page's filters and the API's `?field=` parameters."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from xiezuo.core.filtersets import RecordFilterSet
from xiezuo.core.ledger import TreeFilterMixin
from xiezuo.people.models import in_registry

from .choices import Certificate, Completion, HowFound, Workplace
from .models import Employment, JobFair, Trainee, TrainingClass


class PersonFilters(django_filters.FilterSet):
    """Filters every list of records naming a person has."""

    person = django_filters.NumberFilter(field_name="person_id", label=_("人员编号"))
    registered = django_filters.BooleanFilter(method="by_registry", label=_("建档立卡户（含监测户）成员"))
    needs_review = django_filters.BooleanFilter(label=_("待核查"))

    def by_registry(self, queryset, name, value):
        q = in_registry("person")
        return queryset.filter(q) if value else queryset.exclude(q)


class TrainingClassFilterSet(TreeFilterMixin, RecordFilterSet):
    programme = django_filters.CharFilter(field_name="programme__name", label=_("培训工程"))
    since = django_filters.DateFilter(field_name="start", lookup_expr="gte", label=_("开班日期自"))
    until = django_filters.DateFilter(field_name="start", lookup_expr="lte", label=_("开班日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("生源地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("承办单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("承办单位编号（含下属）"))
    search_fields = ("name", "place", "note")
    region_paths = ("region",)
    east_paths = ("host",)
    organisation_paths = ("host",)

    class Meta:
        model = TrainingClass
        fields = ["q", "programme", "status", "since", "until", "region", "east", "organisation", "synthetic"]


class TraineeFilterSet(TreeFilterMixin, PersonFilters, RecordFilterSet):
    training_class = django_filters.NumberFilter(field_name="training_class_id", label=_("培训班编号"))
    completion = django_filters.MultipleChoiceFilter(choices=Completion.choices, label=_("结业情况"))
    certificate = django_filters.MultipleChoiceFilter(choices=Certificate.choices, label=_("证书"))
    since = django_filters.DateFilter(field_name="training_class__start", lookup_expr="gte", label=_("开班日期自"))
    until = django_filters.DateFilter(field_name="training_class__start", lookup_expr="lte", label=_("开班日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("生源地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("承办单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("承办单位编号（含下属）"))
    search_fields = ("name", "training_class__name")
    region_paths = ("training_class__region",)
    east_paths = ("training_class__host",)
    organisation_paths = ("training_class__host",)

    class Meta:
        model = Trainee
        fields = ["q", "training_class", "completion", "certificate", "status", "since", "until", "region", "east",
                  "organisation", "person", "registered", "needs_review", "synthetic"]


class JobFairFilterSet(TreeFilterMixin, RecordFilterSet):
    since = django_filters.DateFilter(field_name="held_on", lookup_expr="gte", label=_("举办日期自"))
    until = django_filters.DateFilter(field_name="held_on", lookup_expr="lte", label=_("举办日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("举办地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("用工单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("用工单位编号（含下属）"))
    search_fields = ("name", "work_place", "note")
    region_paths = ("region",)
    east_paths = ("employers",)
    organisation_paths = ("employers",)

    class Meta:
        model = JobFair
        fields = ["q", "status", "since", "until", "region", "east", "organisation", "synthetic"]


class EmploymentFilterSet(TreeFilterMixin, PersonFilters, RecordFilterSet):
    workplace = django_filters.MultipleChoiceFilter(choices=Workplace.choices, label=_("就业地"))
    how = django_filters.MultipleChoiceFilter(choices=HowFound.choices, label=_("就业方式"))
    since = django_filters.DateFilter(field_name="start", lookup_expr="gte", label=_("开始日期自"))
    until = django_filters.DateFilter(field_name="start", lookup_expr="lte", label=_("开始日期至"))
    region = django_filters.CharFilter(method="by_region", label=_("户籍地区代码"))
    east = django_filters.CharFilter(method="by_east", label=_("用工单位所在地区代码"))
    organisation = django_filters.NumberFilter(method="by_organisation", label=_("用工单位编号（含下属）"))
    search_fields = ("name", "employer_name", "note")
    region_paths = ("region",)
    east_paths = ("employer",)
    organisation_paths = ("employer",)

    class Meta:
        model = Employment
        fields = ["q", "workplace", "how", "status", "since", "until", "region", "east", "organisation", "person",
                  "registered", "needs_review", "synthetic"]
