"""Action functions for accounts (records go through `xiezuo.core.services`)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from xiezuo.core.permissions import Role
from xiezuo.geo.models import Region

from .models import Organisation, UserProfile


@transaction.atomic
def create_account(username: str, password: str, *, name: str = "", role: str = Role.VIEWER,
                   region_codes=(), organisation_names=(), organisation: str | None = None,
                   superuser: bool = False, can_view_id_numbers: bool = False):
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValueError(f"用户名已存在：{username}")
    regions = []
    for code in region_codes:
        code = code.ljust(12, "0")
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise ValueError(f"未知的行政区划代码：{code}")
        regions.append(region)
    orgs = []
    for org_name in organisation_names:
        org = Organisation.objects.filter(name=org_name).first()
        if org is None:
            raise ValueError(f"未知的单位：{org_name}")
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
    return user
