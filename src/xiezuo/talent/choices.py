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


class TeamKind(models.TextChoices):
    SCHOOL = "school", _("学校组团式帮扶")
    HOSPITAL = "hospital", _("医院组团式帮扶")


class OutputKind(models.TextChoices):
    DEPARTMENTS = "departments", _("新建或提升科室（学科）")
    OPERATIONS = "operations", _("开展手术（例）")
    TEACHERS_TRAINED = "teachers_trained", _("培训教师（人次）")
    STAFF_TRAINED = "staff_trained", _("培训医务人员（人次）")
    OTHER = "other", _("其他")


class TrainingKind(models.TextChoices):
    CADRE = "cadre", _("党政干部")
    TECHNICIAN = "technician", _("专业技术人才")
    OTHER = "other", _("其他")
