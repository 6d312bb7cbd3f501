"""Organisations, pairings and user accounts with their area scope."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezuo.core.models import Record
from xiezuo.core.permissions import Role
from xiezuo.core.scope import ScopeSpec
from xiezuo.core.text import search_key
from xiezuo.geo.models import Level

from .choices import PAIRING_SIDES, OrganisationKind, PairingKind


class Organisation(Record):
    """A government unit, working group, SASAC, enterprise, school, hospital or market.

    `parent` is the unit above it or its supervisor (SASAC → its enterprises); `path`
    holds the chain of ids so that a scope on a unit covers everything it supervises.
    """

    name = models.CharField(_("单位名称"), max_length=200, unique=True)
    short_name = models.CharField(_("简称"), max_length=60, blank=True)
    kind = models.CharField(_("单位类型"), max_length=20, choices=OrganisationKind.choices)
    region = models.ForeignKey("geo.Region", verbose_name=_("所在地区"), on_delete=models.PROTECT,
                               related_name="organisations")
    parent = models.ForeignKey("self", verbose_name=_("上级或主管单位"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    note = models.TextField(_("备注"), blank=True)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    search_key = models.CharField(max_length=400, db_index=True, editable=False, default="")

    lifecycle = False
    scope = ScopeSpec(is_organisation=True)

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


    def clean(self) -> None:
        node, seen = self.parent, set()
        while node is not None:
            if node.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("上级单位不能是本单位或其下属单位。")})
            if node.pk in seen:
                break
            seen.add(node.pk)
            node = node.parent

    def save(self, *args, **kwargs):
        self.search_key = f"{search_key(self.name)}|{search_key(self.short_name) if self.short_name else ''}"
        super().save(*args, **kwargs)
        path = (self.parent.path if self.parent_id else "") + f"{self.pk:08d}/"
        if path != self.path:
            old = self.path
            Organisation.objects.filter(pk=self.pk).update(path=path)
            self.path = path
            if old:  # move the subtree along
                for child in Organisation.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child.path = path + child.path[len(old):]
                    Organisation.objects.filter(pk=child.pk).update(path=child.path)

    def supervised(self):
        return Organisation.objects.filter(path__startswith=self.path).exclude(pk=self.pk)


class Pairing(Record):
    """Who helps whom, since when, at which level. One side may be a region or an organisation."""

    kind = models.CharField(_("结对类型"), max_length=20, choices=PairingKind.choices)
    helper_region = models.ForeignKey("geo.Region", verbose_name=_("帮扶方地区"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="pairings_helping")
    helper_organisation = models.ForeignKey(Organisation, verbose_name=_("帮扶方单位"), null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="pairings_helping")
    helped_region = models.ForeignKey("geo.Region", verbose_name=_("受援方地区"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="pairings_helped")
    helped_organisation = models.ForeignKey(Organisation, verbose_name=_("受援方单位"), null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="pairings_helped")
    start_date = models.DateField(_("开始日期"))
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    basis = models.CharField(_("依据文件"), max_length=200, blank=True)
    note = models.TextField(_("备注"), blank=True)

    scope = ScopeSpec(regions=("helper_region", "helped_region"),
                      organisations=("helper_organisation", "helped_organisation"))
    # A pairing is confirmed by the helping side's province office (either side may enter it).
    approval_scope = ScopeSpec(regions=("helper_region",), organisations=("helper_organisation",))
    approval_level = 1

    # What __str__ reads: lists and pickers fetch it with the rows (see core/tables.py fetch_plan).
    str_related = ("helper_region", "helped_region", "helper_organisation", "helped_organisation")

    class Meta:
        verbose_name = _("结对关系")
        verbose_name_plural = _("结对关系")
        ordering = ["start_date", "pk"]

    def __str__(self) -> str:
        return f"{self.helper} → {self.helped}（{self.get_kind_display()}）"


    @property
    def helper(self):
        return self.helper_organisation or self.helper_region

    @property
    def helped(self):
        return self.helped_organisation or self.helped_region

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("结束日期不能早于开始日期。")
        sides = PAIRING_SIDES.get(self.kind)
        if sides:
            for side, (kind, want) in zip(("helper", "helped"), sides, strict=True):
                region = getattr(self, f"{side}_region")
                org = getattr(self, f"{side}_organisation")
                label = _("帮扶方") if side == "helper" else _("受援方")
                if kind == "region":
                    if region is None:
                        errors[f"{side}_region"] = _("%(side)s须填写地区。") % {"side": label}
                    elif region.level != want:
                        errors[f"{side}_region"] = _("%(side)s地区级别应为“%(level)s”。") % {
                            "side": label, "level": Level(want).label}
                else:
                    if org is None:
                        errors[f"{side}_organisation"] = _("%(side)s须填写单位。") % {"side": label}
                    elif org.kind not in want:
                        errors[f"{side}_organisation"] = _("%(side)s单位类型不符合“%(kind)s”结对。") % {
                            "side": label, "kind": self.get_kind_display()}
        if not errors and self.helper == self.helped:
            errors["helped_region"] = _("帮扶方与受援方不能相同。")
        if errors:
            raise ValidationError(errors)


class UserProfile(models.Model):
    """A user's unit, role and area: regions (by code prefix) and organisations (with what they supervise)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    organisation = models.ForeignKey(Organisation, verbose_name=_("所属单位"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="members")
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    regions = models.ManyToManyField("geo.Region", verbose_name=_("管辖地区"), blank=True, related_name="+")
    organisations = models.ManyToManyField(Organisation, verbose_name=_("管辖单位"), blank=True, related_name="+")
    can_view_id_numbers = models.BooleanField(_("可查看完整身份证号"), default=False)

    class Meta:
        verbose_name = _("用户资料")
        verbose_name_plural = _("用户资料")

    str_related = ("user",)

    def __str__(self) -> str:
        return f"{self.user.get_username()}（{self.get_role_display()}）"

    def role_for(self, channel: str) -> str:
        """The role in one channel (app label): the channel's own entry, else the profile's default role."""
        for entry in self.channel_roles.all():
            if entry.channel == channel:
                return entry.role
        return self.role


def channel_choices() -> list[tuple[str, str]]:
    """Channels are the apps that register record types (read when a form or check asks, not at import)."""
    from xiezuo.core.registry import REGISTRY

    labels: dict[str, str] = {}
    for rt in REGISTRY.values():
        from django.apps import apps

        labels.setdefault(rt.app_label, str(apps.get_app_config(rt.app_label).verbose_name))
    return sorted(labels.items())


class ChannelRole(models.Model):
    """A user's role in one channel (an app: registry, industry, exchange, partners).

    A department works by channel: a county's rural revitalisation bureau edits the
    registry and only reads the rest. Channels not listed take the profile's `role`.
    """

    profile = models.ForeignKey(UserProfile, verbose_name=_("用户资料"), on_delete=models.CASCADE,
                                related_name="channel_roles")
    channel = models.CharField(_("业务板块"), max_length=40, help_text=_("应用标识，如 registry、industry、exchange"))
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = _("分板块角色")
        verbose_name_plural = _("分板块角色")
        constraints = [models.UniqueConstraint(fields=["profile", "channel"], name="one_role_per_channel")]

    def __str__(self) -> str:
        return f"{self.channel}：{self.get_role_display()}"

    def clean(self) -> None:
        known = dict(channel_choices())
        if known and self.channel not in known:
            raise ValidationError({"channel": _("未知的业务板块：%(c)s（可选：%(all)s）") % {
                "c": self.channel, "all": "、".join(known)}})
