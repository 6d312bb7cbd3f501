from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "xiezuo.registry"
    label = "registry"
    verbose_name = _("建档立卡与筛查")

    def ready(self) -> None:
        from xiezuo.core.home import menu_page
        from xiezuo.geo.views import add_region_page

        from . import jobs, people_hook, records, signals  # noqa: F401  (record types, job kind, signals, hook)

        add_region_page(_("建档立卡汇总"), "registry:summary_region", max_level=3)
        menu_page(records.GROUP, _("建档立卡汇总"), "registry:summary", "bi-table")
        menu_page(records.GROUP, _("问题整改清单"), "registry:worklist", "bi-list-task")
