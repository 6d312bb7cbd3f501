from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("党政机关")
    COOPERATION_OFFICE = "coop_office", _("协作办公室")
    DEPARTMENT = "department", _("职能部门")
    WORKING_GROUP = "working_group", _("工作组")
    SASAC = "sasac", _("国资委")
    STATE_ENTERPRISE = "state_enterprise", _("国资监管企业")
    ENTERPRISE = "enterprise", _("企业")
    SCHOOL = "school", _("学校")
    HOSPITAL = "hospital", _("医院")
    MARKET = "market", _("市场")
    SOCIAL = "social", _("社会组织")
    OTHER = "other", _("其他")


class PairingKind(models.TextChoices):
    PROVINCE = "province", _("省对省")
    CITY_PREFECTURE = "city_prefecture", _("市对州（市）")
    DISTRICT_COUNTY = "district_county", _("区对县")
    TOWNSHIP_VILLAGE = "township_village", _("镇对村")
    SCHOOL = "school", _("校对校")
    HOSPITAL = "hospital", _("院对院")
    ENTERPRISE_VILLAGE = "enterprise_village", _("企业对村")


# What each side of a pairing kind must be: ("region", level) or ("organisation", kinds).
PAIRING_SIDES = {
    PairingKind.PROVINCE: (("region", 1), ("region", 1)),
    PairingKind.CITY_PREFECTURE: (("region", 2), ("region", 2)),
    PairingKind.DISTRICT_COUNTY: (("region", 3), ("region", 3)),
    PairingKind.TOWNSHIP_VILLAGE: (("region", 4), ("region", 5)),
    PairingKind.SCHOOL: (("organisation", {OrganisationKind.SCHOOL}), ("organisation", {OrganisationKind.SCHOOL})),
    PairingKind.HOSPITAL: (("organisation", {OrganisationKind.HOSPITAL}), ("organisation", {OrganisationKind.HOSPITAL})),
    PairingKind.ENTERPRISE_VILLAGE: (
        ("organisation", {OrganisationKind.ENTERPRISE, OrganisationKind.STATE_ENTERPRISE}), ("region", 5)),
}
