"""Visits, meetings and agreements (考察调研、座谈会、合作协议)."""
from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "xiezuo.exchange"
    label = "exchange"
    verbose_name = _("交流与协议")

    def ready(self) -> None:
        from . import records  # noqa: F401  (registers the record types)
