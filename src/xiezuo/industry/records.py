"""Registration of projects and funds, and the cooperation panel on organisation and pairing pages."""

from __future__ import annotations

from xiezuo.core.registry import RecordType, add_panel, register

from .filtersets import FundAllocationFilterSet, FundDisbursementFilterSet, ProjectFilterSet
from .forms import FundAllocationForm, FundDisbursementForm, ProjectForm
from .models import FundAllocation, FundDisbursement, Project
from .serializers import FundAllocationSerializer, FundDisbursementSerializer, ProjectSerializer
from .tables import FundAllocationTable, FundDisbursementTable, ProjectTable
from .views import allocation_context, organisation_panel, pairing_panel, project_context

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
    from xiezuo.partners.models import Organisation, Pairing

    add_panel(Organisation, "industry/ledger_panel.html", organisation_panel)
    add_panel(Pairing, "industry/ledger_panel.html", pairing_panel)
