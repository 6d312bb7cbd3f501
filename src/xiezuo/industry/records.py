"""Registration of projects and funds, and their panels on visit and agreement pages."""

from __future__ import annotations

from xiezuo.core.registry import RecordType, add_panel, register

from .filtersets import FundAllocationFilterSet, FundDisbursementFilterSet, ProjectFilterSet
from .forms import FundAllocationForm, FundDisbursementForm, ProjectForm
from .models import FundAllocation, FundDisbursement, Project
from .serializers import FundAllocationSerializer, FundDisbursementSerializer, ProjectSerializer
from .tables import FundAllocationTable, FundDisbursementTable, ProjectTable
from .views import agreement_projects, allocation_context, project_context, visit_outcomes

GROUP = "产业与资金"

register(RecordType(
    model=Project, filterset=ProjectFilterSet, form=ProjectForm, table=ProjectTable, serializer=ProjectSerializer,
    import_key=("name", "region"), menu_group=GROUP, icon="bi-buildings",
    import_fields=tuple(f for f in ProjectForm._meta.fields if f != "attachment"),
    detail_template="industry/project_panel.html", detail_context=project_context,
    column_aliases={"name": ["名称", "项目"], "region": ["项目地点", "地区代码"], "investors": ["投资方", "企业"]},
))
register(RecordType(
    model=FundAllocation, filterset=FundAllocationFilterSet, form=FundAllocationForm, table=FundAllocationTable,
    serializer=FundAllocationSerializer, import_key=("pairing", "year", "region"), menu_group=GROUP,
    icon="bi-cash-stack", detail_template="industry/allocation_panel.html", detail_context=allocation_context,
))
register(RecordType(
    model=FundDisbursement, filterset=FundDisbursementFilterSet, form=FundDisbursementForm,
    table=FundDisbursementTable, serializer=FundDisbursementSerializer, menu_group=GROUP, icon="bi-send",
    import_key=("allocation", "project", "date", "amount"),
))


def attach_panels() -> None:
    """The projects of a visit and of an agreement, shown on their pages (exchange knows nothing of projects)."""
    from django.apps import apps

    add_panel(apps.get_model("exchange", "Visit"), "industry/visit_projects.html", visit_outcomes)
    add_panel(apps.get_model("exchange", "Agreement"), "industry/agreement_projects.html", agreement_projects)
