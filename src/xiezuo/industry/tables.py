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

    def render_disbursed(self, obj):
        return yuan_to_wan(obj.disbursed())

    def render_balance(self, obj):
        return yuan_to_wan(obj.balance())


class FundDisbursementTable(Table):
    columns = ("project", "allocation", "date", "amount")
    money_columns = ("amount",)
    ordering = ("-date", "pk")
