"""工作机制: a channel app (made by `xiezuo startchannel`; found by settings.channel_apps, no list to edit)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplanConfig(AppConfig):
    name = "xiezuo.workplan"
    label = "workplan"
    verbose_name = _("工作机制")

    def ready(self) -> None:
        # Registering is importing: the record types (pages, import/export, API, menu) and their figures.
        from . import figures, records  # noqa: F401
