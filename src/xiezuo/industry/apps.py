"""Industrial cooperation: projects, investment and fiscal assistance funds."""
from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndustryConfig(AppConfig):
    name = "xiezuo.industry"
    label = "industry"
    verbose_name = _("产业与资金")

    def ready(self) -> None:
        from . import records

        records.attach_panels()
