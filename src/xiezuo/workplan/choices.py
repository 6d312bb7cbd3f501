"""Choices of the 工作机制 channel."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskKind(models.TextChoices):
    # Add the kinds the channel distinguishes; the value is stored, the Chinese label is shown and imported.
    OTHER = "other", _("其他")
