"""Visits, meetings and agreements (考察调研、座谈会、合作协议)."""
from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "xiezuo.exchange"
    label = "exchange"
    verbose_name = _("交流与协议")

    def ready(self) -> None:
        from xiezuo.core.home import place_action, place_actions
        from xiezuo.core.registry import add_panel
        from xiezuo.partners.models import Pairing

        from . import records  # noqa: F401  (registers the record types)
        from .models import Visit

        # "Record a visit here": on region pages, and on a pairing's page for its western (helped) region.
        place_action(_("在此记录考察"), Visit, "regions", "bi-signpost-2")
        add_panel(Pairing, "core/place_actions.html",
                  lambda request, obj: {"place_actions": place_actions(request.user, obj.helped_region_id)})
