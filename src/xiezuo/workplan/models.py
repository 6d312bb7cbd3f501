"""Records of the 工作机制 channel."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.scope import ScopeSpec

from .choices import TaskKind


class Task(Record):
    """工作任务: one row per … (say what one record is, in the domain's words)."""

    name = models.CharField(_("名称"), max_length=200)
    kind = models.CharField(_("类型"), max_length=20, choices=TaskKind.choices, blank=True)
    region = models.ForeignKey("geo.Region", verbose_name=_("地区"), on_delete=models.PROTECT, related_name="+")
    organisations = models.ManyToManyField("partners.Organisation", verbose_name=_("参与单位"), blank=True,
                                           related_name="+")
    date = models.DateField(_("日期"))
    amount = models.DecimalField(_("金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    # A user sees the record when the region or one of the organisations is inside their area.
    scope = ScopeSpec(regions=("region",), organisations=("organisations",))

    class Meta:
        verbose_name = _("工作任务")
        verbose_name_plural = _("工作任务")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # The page, the API and the import all run this.
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("金额不能为负数。")})
