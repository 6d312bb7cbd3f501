"""工作机制: decisions become tasks, progress and supervision, reporting rounds, notifications."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplanConfig(AppConfig):
    name = "xiezuo.workplan"
    label = "workplan"
    verbose_name = _("工作机制")

    def ready(self) -> None:
        # Registering is importing: the record types (pages, import/export, API, menu) and their figures.
        from django.db.models.signals import post_save

        from xiezuo.core.home import add_nav_item
        from xiezuo.core.home import home_panel as add_home_panel
        from xiezuo.core.models import ChangeRecord
        from xiezuo.core.targets import target_source
        from xiezuo.geo.views import add_region_page

        from . import figures, records, schedule  # noqa: F401
        from .services import on_change
        from .views import home_panel, nav_item

        schedule.register()  # the workers' periodic tasks: e-mail, daily reminders (core/periodic.py)
        post_save.connect(on_change, sender=ChangeRecord, dispatch_uid="workplan.notifications")
        add_home_panel("workplan/home_panel.html", home_panel)
        add_nav_item(nav_item)
        add_region_page(_("逾期任务"), "workplan:region_overdue", max_level=3)
        # The annual plans' targets, read by the assessment channel through core (money kept in 万元).
        target_source("workplan.PlanTarget", figure="figure", value="target_value", money_scale=10000,
                      label=_("年度协议目标"))
