"""Choices of the exchange channel (visits, meetings, agreements)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.choices import ENTERPRISE_KINDS, DatePrecision  # noqa: F401  (shared; re-exported for this app)


class VisitKind(models.TextChoices):
    INSPECTION = "inspection", _("考察调研")
    SYMPOSIUM = "symposium", _("座谈会")
    MATCHMAKING = "matchmaking", _("对接会")
    OTHER = "other", _("其他")


class Direction(models.TextChoices):
    """Which way a visit of a pairing went."""

    EAST_WEST = "east_west", _("东→西（赴受援地区）")
    WEST_EAST = "west_east", _("西→东（赴帮扶地区）")


class ParticipantSide(models.TextChoices):
    DELEGATION = "delegation", _("代表团")
    HOST = "host", _("接待方")
    OTHER = "other", _("其他")


class AgreementKind(models.TextChoices):
    FRAMEWORK = "framework", _("合作框架协议")
    COOPERATION = "cooperation", _("合作协议")
    CONTRACT = "contract", _("项目合同")
    OTHER = "other", _("其他")

