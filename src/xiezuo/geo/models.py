"""Regions are shipped data (NBS division codes), not typed in."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from xiezuo.core.scope import code_prefix
from xiezuo.core.text import place_search_key


class Level(models.IntegerChoices):
    PROVINCE = 1, _("省级")
    PREFECTURE = 2, _("地级")
    COUNTY = 3, _("县级")
    TOWNSHIP = 4, _("乡级")
    VILLAGE = 5, _("村级")


class Region(models.Model):
    """A statistical division (GB/T 2260 extended to township and village): the code is the key.

    A code that changed (黔西县 520522 → 黔西市 520581 in 2021) keeps its old row with `valid_to`.
    """

    code = models.CharField(_("区划代码"), max_length=12, primary_key=True)
    name = models.CharField(_("名称"), max_length=100, db_index=True)
    level = models.PositiveSmallIntegerField(_("级别"), choices=Level.choices, db_index=True)
    parent = models.ForeignKey("self", verbose_name=_("上级"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    valid_from = models.DateField(_("启用日期"), null=True, blank=True)
    valid_to = models.DateField(_("停用日期"), null=True, blank=True)
    successor = models.ForeignKey("self", verbose_name=_("变更后区划"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="predecessors")
    search_key = models.CharField(max_length=300, db_index=True, editable=False)

    lookup_field = "code"

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = place_search_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("geo:region_detail", kwargs={"code": self.code})

    @property
    def prefix(self) -> str:
        return code_prefix(self.code, self.level)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def ancestors(self) -> list[Region]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def full_name(self) -> str:
        return "".join(r.name for r in self.ancestors()[1:]) + self.name if self.level > 1 else self.name

    def descendants(self):
        return Region.objects.filter(code__startswith=self.prefix).exclude(code=self.code)
