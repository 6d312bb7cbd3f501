"""劳务协作: a channel app (made by `xiezuo startchannel`; found by settings.channel_apps, no list to edit)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabourConfig(AppConfig):
    name = "xiezuo.labour"
    label = "labour"
    verbose_name = _("劳务协作")

    def ready(self) -> None:
        # Registering is importing: the record types (pages, import/export, API, menu) and their figures.
        from xiezuo.core.registry import add_panel

        from . import figures, records  # noqa: F401
        from .models import Employment, Trainee

        # The person's page (every record naming them, in every channel) from each record's page.
        for model in (Employment, Trainee,):
            add_panel(model, "people/person_panel.html")
