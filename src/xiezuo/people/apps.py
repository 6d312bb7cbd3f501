from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """The person every channel refers to: a base app, like geo and partners, that any channel may import."""

    name = "xiezuo.people"
    label = "people"
    verbose_name = _("人员")
