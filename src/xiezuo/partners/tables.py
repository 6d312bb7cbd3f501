from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from xiezuo.core.tables import Table


class OrganisationTable(Table):
    columns = ("name", "kind", "region", "parent")
    ordering = ("name",)


class PairingTable(Table):
    columns = ("kind", "helper", "helped", "start_date", "end_date")
    ordering = ("start_date", "pk")
    label_helper = _("帮扶方")
    label_helped = _("受援方")

    def render_helper(self, obj):
        return str(obj.helper or "")

    def render_helped(self, obj):
        return str(obj.helped or "")
