"""Choices of the 人才交流 channel."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    EAST_WEST = "east_west", _("东部选派到西部")
    WEST_EAST = "west_east", _("西部选派到东部")


class Field(models.TextChoices):
    TEACHER = "teacher", _("教师")
    DOCTOR = "doctor", _("医生")
    NURSE = "nurse", _("护士")
    AGRICULTURE = "agriculture", _("农业技术人员")
    OTHER = "other", _("其他专业技术人员")
