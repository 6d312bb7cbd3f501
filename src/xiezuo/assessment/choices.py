"""Choices of the assessment channel."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    """The six areas of the 2017 trial method (DOMAIN.md, Assessment)."""

    LEADERSHIP = "leadership", _("组织领导")
    TALENT = "talent", _("人才交流")
    FUNDS = "funds", _("资金使用")
    INDUSTRY = "industry", _("产业合作")
    LABOUR = "labour", _("劳务协作")
    VILLAGES = "villages", _("携手奔小康")


class Direction(models.TextChoices):
    HIGHER = "higher", _("越高越好")
    LOWER = "lower", _("越低越好")


class Level(models.TextChoices):
    """Which pairings an indicator applies to (by the helped side's level)."""

    ANY = "any", _("各级结对")
    PREFECTURE = "prefecture", _("市（州）级结对")
    COUNTY = "county", _("县级结对")


class Stage(models.TextChoices):
    SELF = "self", _("自评")
    PARTNER = "partner", _("帮扶方意见")
    CHECK = "check", _("交叉检查")
    CLOSED = "closed", _("已关闭（数值冻结）")
    GRADED = "graded", _("已评定等次")


class Grade(models.TextChoices):
    GOOD = "good", _("好")
    FAIRLY_GOOD = "fairly_good", _("较好")
    FAIR = "fair", _("一般")
    POOR = "poor", _("差")
