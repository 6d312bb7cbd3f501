"""Choices of the 劳务协作 channel."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Workplace(models.TextChoices):
    EAST = "east", _("东部帮扶省份")
    ELSEWHERE = "elsewhere", _("其他省外")
    LOCAL = "local", _("省内就近就业")
    WORKSHOP = "workshop", _("帮扶车间")


class HowFound(models.TextChoices):
    ORGANISED = "organised", _("有组织劳务输出")
    FAIR = "fair", _("招聘会")
    SELF_FOUND = "self_found", _("自主就业（享受补贴）")
    OTHER = "other", _("其他")


class Completion(models.TextChoices):
    ENROLLED = "enrolled", _("在训")
    COMPLETED = "completed", _("结业")
    DROPPED = "dropped", _("中途退出")


class Certificate(models.TextChoices):
    NONE = "", _("无")
    SKILL_LEVEL = "skill_level", _("职业技能等级证书")
    QUALIFIED = "qualified", _("培训合格证")
