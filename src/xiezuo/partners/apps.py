from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "xiezuo.partners"
    label = "partners"
    verbose_name = _("单位与结对")

    def ready(self) -> None:
        from xiezuo.core.cooperation import attach
        from xiezuo.core.scopecache import scope_inputs

        from . import records  # noqa: F401  (registers the record types)
        from .models import ChannelRole, Organisation, Pairing, UserProfile

        attach()  # the cooperation panels on organisation and pairing pages, and the region pages' link
        scope_inputs(UserProfile, ChannelRole, Organisation, Pairing)  # what partners/scope.py reads
