"""人才交流: a channel app (made by `xiezuo startchannel`; found by settings.channel_apps, no list to edit)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    name = "xiezuo.talent"
    label = "talent"
    verbose_name = _("人才交流")

    def ready(self) -> None:
        # Registering is importing: the record types (pages, import/export, API, menu) and their figures.
        from . import figures, records  # noqa: F401
