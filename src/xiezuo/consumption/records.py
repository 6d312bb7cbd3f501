"""Registration of the consumption channel's record types: pages, import/export, API, history, search, menu."""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from xiezuo.core.registry import RecordType, add_panel, register

from .filtersets import (
    ChannelFilterSet,
    ProductFilterSet,
    SaleFilterSet,
    TourismEventFilterSet,
    TourismPolicyFilterSet,
    TourismProjectFilterSet,
    VisitorFlowFilterSet,
)
from .forms import (
    ChannelForm,
    ProductForm,
    SaleForm,
    TourismEventForm,
    TourismPolicyForm,
    TourismProjectForm,
    VisitorFlowForm,
)
from .models import Channel, Product, Sale, TourismEvent, TourismPolicy, TourismProject, VisitorFlow
from .serializers import (
    ChannelSerializer,
    ProductSerializer,
    SaleSerializer,
    TourismEventSerializer,
    TourismPolicySerializer,
    TourismProjectSerializer,
    VisitorFlowSerializer,
)
from .tables import (
    ChannelTable,
    ProductTable,
    SaleTable,
    TourismEventTable,
    TourismPolicyTable,
    TourismProjectTable,
    VisitorFlowTable,
)
from .views import (
    channel_context,
    household_products_context,
    pairing_chart,
    producer_context,
    product_context,
    project_tourism_context,
    sale_context,
    tourism_project_context,
)

# The menu group: every record type of the channel is listed under it.
GROUP = _("消费协作")

register(RecordType(
    model=Product, filterset=ProductFilterSet, form=ProductForm, table=ProductTable, serializer=ProductSerializer,
    import_key=("name", "producer", "region"), menu_group=GROUP, icon="bi-award",
    column_aliases={"certificate_no": ["证书编号", "认定编号"], "producer": ["生产主体", "供应商", "生产企业"],
                    "region": ["所属县", "产地"], "beneficiary_households": ["受益户编号", "带动户编号", "户编号"]},
    detail_template="consumption/product_panel.html", detail_context=product_context,
))
register(RecordType(
    model=Channel, filterset=ChannelFilterSet, form=ChannelForm, table=ChannelTable, serializer=ChannelSerializer,
    import_key=("name",), menu_group=GROUP, icon="bi-shop",
    detail_template="consumption/chart.html", detail_context=channel_context,
))
register(RecordType(
    model=Sale, filterset=SaleFilterSet, form=SaleForm, table=SaleTable, serializer=SaleSerializer,
    # One row per channel, month, product (or category), reporting side and document: a re-import is refused
    # row by row ("系统中已存在相同记录") and changes nothing.
    import_key=("channel", "month", "product", "category", "region", "reported_by", "document_no", "buyer"),
    menu_group=GROUP, icon="bi-cart-check",
    column_aliases={"document_no": ["发票号码", "合同编号", "发票号", "票据号"], "amount": ["销售额（元）", "金额"]},
    detail_template="consumption/sale_panel.html", detail_context=sale_context,
))
register(RecordType(
    model=TourismEvent, filterset=TourismEventFilterSet, form=TourismEventForm, table=TourismEventTable,
    serializer=TourismEventSerializer, import_key=("name", "start_date"), menu_group=GROUP, icon="bi-train-front",
))
register(RecordType(
    model=VisitorFlow, filterset=VisitorFlowFilterSet, form=VisitorFlowForm, table=VisitorFlowTable,
    serializer=VisitorFlowSerializer, import_key=("month", "region", "origin_region"), menu_group=GROUP,
    icon="bi-people",
))
register(RecordType(
    model=TourismPolicy, filterset=TourismPolicyFilterSet, form=TourismPolicyForm, table=TourismPolicyTable,
    serializer=TourismPolicySerializer, import_key=("name", "valid_from"), menu_group=GROUP,
    icon="bi-ticket-perforated",
))

register(RecordType(
    model=TourismProject, filterset=TourismProjectFilterSet, form=TourismProjectForm, table=TourismProjectTable,
    serializer=TourismProjectSerializer, import_key=("name", "region"), menu_group=GROUP, icon="bi-signpost-split",
    column_aliases={"project": ["产业项目", "关联产业项目"]},
    detail_template="consumption/tourism_project_panel.html", detail_context=tourism_project_context,
))


def attach() -> None:
    """Panels on other pages: a pairing's monthly sales, a producer's products and sales; on an industrial
    project's page the tourism projects linked to it, on a registered household's page the products it benefits
    from (the links are held here: neither the industry nor the registry channel knows of consumption)."""
    add_panel(apps.get_model("partners", "Pairing"), "consumption/chart.html", pairing_chart)
    add_panel(apps.get_model("partners", "Organisation"), "consumption/producer_panel.html", producer_context)
    add_panel(TourismProject.project.field.related_model, "consumption/project_tourism.html",
              project_tourism_context)
    add_panel(Product.beneficiary_households.field.related_model, "consumption/household_products.html",
              household_products_context)


attach()
