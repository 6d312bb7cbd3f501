"""Summary figures kept current after every import and edit, so that dashboards never scan the registry."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.scope import RecordQuerySet, ScopeSpec


class SummaryFigure(models.Model):
    """Households and members of one region for one dimension value.

    Kept at village (5), county (3) and prefecture (2) level; a page for a
    region reads the rows of its children (`parent`), a few hundred at most,
    whatever the size of the registry. Dimensions: `total` (value ""),
    `attribute`, `main_cause`, `monitoring`, `exited` ("1"/"0") and one per
    guarantee, e.g. `g_housing` with value "met", "unmet" or "unknown".
    """

    level = models.PositiveSmallIntegerField(_("级别"))
    # No index of its own: (region, dimension) serves lookups by region; each import rewrites thousands of rows.
    region = models.ForeignKey("geo.Region", verbose_name=_("地区"), on_delete=models.CASCADE, related_name="+",
                               db_constraint=False, db_index=False)
    parent = models.CharField(_("上级代码"), max_length=12)
    dimension = models.CharField(_("维度"), max_length=20)
    value = models.CharField(_("取值"), max_length=20, blank=True)
    households = models.PositiveIntegerField(_("户数"), default=0)
    members = models.PositiveIntegerField(_("人数"), default=0)

    objects = RecordQuerySet.as_manager()
    scope = ScopeSpec(regions=("region",))

    class Meta:
        verbose_name = _("汇总数")
        verbose_name_plural = _("汇总数")
        indexes = [
            models.Index(fields=["parent", "level"], name="registry_summary_parent"),
            models.Index(fields=["region", "dimension"], name="registry_summary_region"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.dimension}={self.value}: {self.households}/{self.members}"
