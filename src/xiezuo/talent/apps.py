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
        from xiezuo.core.registry import add_panel

        from . import figures, records  # noqa: F401
        from .models import Dispatch, Secondment, TeamMember

        # The person's page (every record naming them, in every channel) from each record's page.
        for model in (Dispatch, Secondment, TeamMember):
            add_panel(model, "people/person_panel.html")
