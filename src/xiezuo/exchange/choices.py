"""Choices of the exchange channel (visits, meetings, agreements)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class VisitKind(models.TextChoices):
    INSPECTION = "inspection", _("考察调研")
    SYMPOSIUM = "symposium", _("座谈会")
    MATCHMAKING = "matchmaking", _("对接会")
    OTHER = "other", _("其他")


class DatePrecision(models.TextChoices):
    """How much of a date the source states. A report often gives only a month or a window."""

    DAY = "day", _("确切日期")
    MONTH = "month", _("仅知月份（记为当月1日）")
    PERIOD = "period", _("仅知所在期间（记为期间首日）")


class ParticipantSide(models.TextChoices):
    DELEGATION = "delegation", _("代表团")
    HOST = "host", _("接待方")
    OTHER = "other", _("其他")


class AgreementKind(models.TextChoices):
    FRAMEWORK = "framework", _("合作框架协议")
    COOPERATION = "cooperation", _("合作协议")
    CONTRACT = "contract", _("项目合同")
    OTHER = "other", _("其他")


# Organisation kinds that count as an enterprise in "enterprise-visits" (企业家次) and "agreements per enterprise".
ENTERPRISE_KINDS = ("enterprise", "state_enterprise")
