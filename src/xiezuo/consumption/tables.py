from __future__ import annotations

from django.utils.translation import gettext as _

from xiezuo.core.tables import Table


class ProductTable(Table):
    columns = ("name", "category", "producer", "region", "mechanism", "stage", "certificate_no", "valid_from",
               "valid_to")
    ordering = ("region_id", "name", "pk")


class ChannelTable(Table):
    columns = ("name", "kind", "operator", "region", "opened_on")
    ordering = ("name", "pk")


class SaleTable(Table):
    columns = ("month", "channel", "product", "category", "region", "buyer", "amount", "document_no", "reported_by",
               "counting")
    money_columns = ("amount",)  # stored in yuan, shown in 万元
    ordering = ("-month", "channel_id", "pk")

    def label_counting(self):
        return _("计入情况")

    def render_month(self, obj) -> str:
        return f"{obj.month:%Y-%m}"

    def render_counting(self, obj) -> str:
        problem = obj.count_problem()
        if problem:
            return _("不计入：%(r)s") % {"r": problem}
        earlier = obj.same_document().filter(pk__lt=obj.pk).first()
        if earlier is not None:
            return _("同一票据另有报送（#%(n)s），只计一次") % {"n": earlier.pk}
        return _("计入")


class TourismEventTable(Table):
    columns = ("name", "kind", "origin_region", "destination_regions", "start_date", "tourists")
    ordering = ("-start_date", "pk")


class VisitorFlowTable(Table):
    columns = ("month", "region", "origin_region", "groups", "visitors")
    ordering = ("-month", "region_id", "pk")

    def render_month(self, obj) -> str:
        return f"{obj.month:%Y-%m}"


class TourismPolicyTable(Table):
    columns = ("name", "regions", "beneficiaries", "benefit", "valid_from", "valid_to")
    ordering = ("-valid_from", "pk")
