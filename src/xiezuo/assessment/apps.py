"""考核评估: a channel app (made by `xiezuo startchannel`; found by settings.channel_apps, no list to edit)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "xiezuo.assessment"
    label = "assessment"
    verbose_name = _("考核评估")

    def ready(self) -> None:
        # Registering is importing: the record types (pages, import/export, API, menu) and their figures.
        from xiezuo.core.home import home_panel, menu_page

        from . import figures, records, summary  # noqa: F401  (summary: the refresh job's handler)
        from .dashboard import home_context

        home_panel("assessment/home_panel.html", home_context, order=10)
        group = records.GROUP
        menu_page(group, _("领导驾驶舱"), "assessment:dashboard", "bi-speedometer")
        menu_page(group, _("考核指标"), "assessment:indicators", "bi-list-check")
        menu_page(group, _("考核轮次"), "assessment:rounds", "bi-clipboard-check")
        menu_page(group, _("工作简报"), "assessment:briefing", "bi-file-earmark-word")
