from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "xiezuo.core"
    label = "core"
    verbose_name = _("平台")

    def ready(self) -> None:
        from . import checks, transfer  # noqa: F401  (system checks, job handlers)
        from .languages import install

        install()  # Hong Kong Traditional as a language of its own (see core/languages.py)
        from . import tablestamps

        tablestamps.install()  # every write statement gives its table's stamp new values (core/tablestamps.py)
