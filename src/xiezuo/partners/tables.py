from __future__ import annotations

from xiezuo.core.tables import Table


class OrganisationTable(Table):
    columns = ("name", "kind", "region", "parent")
    ordering = ("name",)


class PairingTable(Table):
    columns = ("kind", "helper", "helped", "start_date", "end_date")
    ordering = ("start_date", "pk")
    label_helper = "帮扶方"
    label_helped = "受援方"

    def render_helper(self, obj):
        return str(obj.helper or "")

    def render_helped(self, obj):
        return str(obj.helped or "")
