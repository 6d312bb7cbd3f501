"""Choices of the industry channel."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectKind(models.TextChoices):
    PARK = "park", _("产业园区")
    BASE = "base", _("产业基地")
    WORKSHOP = "workshop", _("帮扶车间")
    FACTORY = "factory", _("工厂")
    OTHER = "other", _("其他")


class ProjectStatus(models.TextChoices):
    """intention → signed → started → operating, or stopped at any point."""

    INTENTION = "intention", _("意向")
    SIGNED = "signed", _("已签约")
    STARTED = "started", _("已开工")
    OPERATING = "operating", _("已投产运营")
    STOPPED = "stopped", _("已停止")


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("农业种养")
    FOOD = "food", _("农产品加工")
    MEDICINE = "medicine", _("中医药")
    MANUFACTURING = "manufacturing", _("制造业")
    TOURISM = "tourism", _("文化旅游")
    COMMERCE = "commerce", _("商贸物流")
    DIGITAL = "digital", _("数字经济")
    CONSTRUCTION = "construction", _("建筑建材")
    OTHER = "other", _("其他")
