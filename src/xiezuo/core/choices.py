"""Choices more than one channel uses. A channel's own choices stay in its app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    """How much of a date the source states. A report often gives only a month or a window."""

    DAY = "day", _("确切日期")
    MONTH = "month", _("仅知月份（记为当月1日）")
    PERIOD = "period", _("仅知所在期间（记为期间首日）")


# Organisation kinds that count as an enterprise in "enterprise-visits" (企业家次) and "per enterprise" tables.
ENTERPRISE_KINDS = ("enterprise", "state_enterprise")
