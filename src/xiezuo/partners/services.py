"""Action functions for accounts (records go through `xiezuo.core.services`)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from xiezuo.core.permissions import Role
from xiezuo.geo.models import Region

from .models import ChannelRole, Organisation, UserProfile


@transaction.atomic
def create_account(username: str, password: str, *, name: str = "", role: str = Role.VIEWER,
                   region_codes=(), organisation_names=(), organisation: str | None = None,
                   superuser: bool = False, can_view_id_numbers: bool = False, channel_roles: dict | None = None):
    """A user with a profile: default role, area, and optionally a role per channel ({"registry": "editor"})."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValueError(_("用户名已存在：%(name)s") % {"name": username})
    regions = []
    for code in region_codes:
        code = code.ljust(12, "0")
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise ValueError(_("未知的行政区划代码：%(code)s") % {"code": code})
        regions.append(region)
    orgs = []
    for org_name in organisation_names:
        org = Organisation.objects.filter(name=org_name).first()
        if org is None:
            raise ValueError(_("未知的单位：%(name)s") % {"name": org_name})
        orgs.append(org)
    home = Organisation.objects.filter(name=organisation).first() if organisation else (orgs[0] if orgs else None)
    if superuser:
        user = User.objects.create_superuser(username=username, password=password, first_name=name)
    else:
        user = User.objects.create_user(username=username, password=password, first_name=name)
    profile = UserProfile.objects.create(user=user, role=role, organisation=home,
                                         can_view_id_numbers=can_view_id_numbers)
    profile.regions.set(regions)
    profile.organisations.set(orgs)
    for channel, channel_role in (channel_roles or {}).items():
        set_channel_role(user, channel, channel_role)
    return user


@transaction.atomic
def set_channel_role(user, channel: str, role: str | None) -> None:
    """Give `user` `role` in one channel (an app label); None removes it, so the default role applies again."""
    from django.core.exceptions import ValidationError

    profile = user.profile
    if role is None:
        ChannelRole.objects.filter(profile=profile, channel=channel).delete()
    else:
        if role not in Role.values:
            raise ValueError(_("未知的角色：%(role)s（可选：%(roles)s）") % {"role": role, "roles": "、".join(Role.values)})
        entry = ChannelRole.objects.filter(profile=profile, channel=channel).first() or ChannelRole(
            profile=profile, channel=channel)
        entry.role = role
        try:
            entry.full_clean()
        except ValidationError as exc:
            raise ValueError("；".join(exc.messages)) from None
        entry.save()
    user.__dict__.pop("_xiezuo_scope", None)
