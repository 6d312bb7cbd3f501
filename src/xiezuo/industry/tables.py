from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.tables import Table, yuan_to_wan


class ProjectTable(Table):
    columns = ("name", "kind", "stage", "region", "investors", "planned_investment", "actual_investment",
               "jobs_created", "poor_employed")
    money_columns = ("planned_investment", "actual_investment")
    ordering = ("-agreed_on", "-pk")


class FundAllocationTable(Table):
    columns = ("name", "year", "allocated", "disbursed", "balance", "social_donations")
    money_columns = ("allocated", "social_donations")
    ordering = ("-year", "pk")
    label_disbursed = _("已拨付（万元）")
    label_balance = _("余额（万元）")

    def annotate(self, qs):
        # What was paid of each allocation, in the page's one query (as `FundAllocation.disbursed` counts it).
        from decimal import Decimal

        from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
        from django.db.models.functions import Coalesce

        from .models import FundDisbursement

        paid = FundDisbursement._base_manager.filter(allocation=OuterRef("pk")).order_by().values("allocation") \
            .annotate(s=Sum("amount")).values("s")
        return qs.annotate(paid=Coalesce(Subquery(paid), Value(Decimal(0)),
                                         output_field=DecimalField(max_digits=18, decimal_places=2)))

    def _disbursed(self, obj):
        return obj.paid if hasattr(obj, "paid") else obj.disbursed()

    def render_disbursed(self, obj):
        return yuan_to_wan(self._disbursed(obj))

    def render_balance(self, obj):
        return yuan_to_wan((obj.allocated or 0) - self._disbursed(obj))


class FundDisbursementTable(Table):
    columns = ("project", "allocation", "date", "amount")
    money_columns = ("amount",)
    ordering = ("-date", "pk")
