from __future__ import annotations

from django.utils.translation import gettext as _

from xiezuo.core.tables import Table

from .models import Sale


class ProductTable(Table):
    columns = ("name", "category", "producer", "region", "mechanism", "stage", "certificate_no", "valid_from",
               "valid_to")
    ordering = ("region_id", "name", "pk")
    SHOWN_HOUSEHOLDS = 20

    def render_beneficiary_households(self, obj) -> str:
        """Household numbers only (no names): the ones the reader may open, the others counted."""
        rows = list(obj.beneficiary_households.all().order_by("number"))
        if not rows:
            return "—"
        model = type(rows[0])
        self.visibility.prefetch(model, [h.pk for h in rows])
        open_ = [h.number for h in rows if self.visibility.may_open(model, h.pk)]
        text = _("共 %(n)s 户") % {"n": len(rows)}
        if open_:
            more = _("等") if len(open_) > self.SHOWN_HOUSEHOLDS else ""
            text += "：" + "、".join(open_[:self.SHOWN_HOUSEHOLDS]) + more
        if len(open_) < len(rows):
            text += _("（其中 %(k)s 户不在您的管辖范围内）") % {"k": len(rows) - len(open_)}
        return text


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

    def annotate(self, qs):
        # The first earlier report of the same invoice, for every row in the page's one query.
        from django.db.models import OuterRef, Subquery


        earlier = Sale._base_manager.filter(document_key=OuterRef("document_key"), pk__lt=OuterRef("pk")) \
            .exclude(document_key="").order_by("pk").values("pk")[:1]
        return qs.annotate(earlier_report=Subquery(earlier))

    def render_counting(self, obj) -> str:
        problem = obj.count_problem()
        if problem:
            return _("不计入：%(r)s") % {"r": problem}
        if hasattr(obj, "earlier_report"):
            earlier = obj.earlier_report
        else:
            first = obj.same_document().filter(pk__lt=obj.pk).first()
            earlier = first.pk if first is not None else None
        if earlier is not None:
            return _("同一票据另有报送（#%(n)s），只计一次") % {"n": earlier}
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


class TourismProjectTable(Table):
    columns = ("name", "kind", "region", "project", "started_on", "opened_on")
    ordering = ("-started_on", "pk")
