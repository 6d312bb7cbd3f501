"""Demo data: the organisations and pairings of the seed reports and DOMAIN.md, plus the demo users.

Facts carry their source in `source_document`; units made up only to give a
demo user a home are marked `synthetic`.
"""

from __future__ import annotations

import datetime as dt

from xiezuo.core.services import create_record

from .choices import OrganisationKind as K
from .choices import PairingKind as P
from .models import Organisation, Pairing
from .services import create_account

SEED_000 = "贵州日报 2019-11-11《贵州省党政代表团赴广东省学习考察》"
SEED_004 = "广州国资委 2018-03-28 产业帮扶工作报道"
DOMAIN_PAIRINGS = "东西部协作结对关系（2016–2020 与 2021 年起调整）"
DEMO_PASSWORD = "xiezuo2026"

# (name, short name, kind, region code, parent name, source, synthetic)
ORGANISATIONS = [
    ("广东省人民政府", "广东省政府", K.GOVERNMENT, "440000000000", None, SEED_000, False),
    ("贵州省人民政府", "贵州省政府", K.GOVERNMENT, "520000000000", None, SEED_000, False),
    ("广州市人民政府", "广州市政府", K.GOVERNMENT, "440100000000", None, SEED_000, False),
    ("黔南布依族苗族自治州人民政府", "黔南州政府", K.GOVERNMENT, "522700000000", None, SEED_004, False),
    ("毕节市人民政府", "毕节市政府", K.GOVERNMENT, "520500000000", None, SEED_004, False),
    ("广州市人民政府国有资产监督管理委员会", "广州市国资委", K.SASAC, "440100000000", "广州市人民政府", SEED_004, False),
    ("广州汽车工业集团有限公司", "广汽集团", K.STATE_ENTERPRISE, "440100000000",
     "广州市人民政府国有资产监督管理委员会", SEED_004, False),
    ("广州医药集团有限公司", "广药集团", K.STATE_ENTERPRISE, "440100000000",
     "广州市人民政府国有资产监督管理委员会", SEED_004, False),
    ("广州市建筑集团有限公司", "建筑集团", K.STATE_ENTERPRISE, "440100000000",
     "广州市人民政府国有资产监督管理委员会", SEED_004, False),
    ("广州岭南国际企业集团有限公司", "岭南集团", K.STATE_ENTERPRISE, "440100000000",
     "广州市人民政府国有资产监督管理委员会", SEED_004, False),
    ("广州酒家集团股份有限公司", "广州酒家集团", K.STATE_ENTERPRISE, "440100000000",
     "广州市人民政府国有资产监督管理委员会", SEED_004, False),
    ("广州越秀集团股份有限公司", "越秀集团", K.STATE_ENTERPRISE, "440100000000",
     "广州市人民政府国有资产监督管理委员会", SEED_000, False),
    ("雪松控股集团有限公司", "雪松控股", K.ENTERPRISE, "440100000000", None, SEED_000, False),
    ("数字广东网络建设有限公司", "数字广东公司", K.ENTERPRISE, "440100000000", None, SEED_000, False),
    ("粤旺农业集团", "粤旺农业集团", K.ENTERPRISE, "440100000000", None, SEED_000, False),
    ("广东海大集团股份有限公司", "海大集团", K.ENTERPRISE, "440100000000", None, SEED_000, False),
    ("广州江南果菜批发市场", "江南果菜批发市场", K.MARKET, "440100000000", None, SEED_000, False),
    ("广东东西部扶贫协作产品交易市场", "东西部扶贫协作产品交易市场", K.MARKET, "440103000000", None, SEED_000, False),
    ("广东省第一扶贫工作组", "第一扶贫工作组", K.WORKING_GROUP, "520000000000", "广东省人民政府", SEED_004, False),
    ("广东省第一扶贫工作组黔南组", "黔南组", K.WORKING_GROUP, "522700000000", "广东省第一扶贫工作组", SEED_004, False),
    ("广东省第一扶贫工作组毕节组", "毕节组", K.WORKING_GROUP, "520500000000", "广东省第一扶贫工作组", SEED_004, False),
    # Homes of the demo users: plausible units, not facts from the reports.
    ("广东省东西部协作办公室", "省协作办", K.COOPERATION_OFFICE, "440000000000", "广东省人民政府", "", True),
    ("黔南州东西部协作办公室", "黔南州协作办", K.COOPERATION_OFFICE, "522700000000",
     "黔南布依族苗族自治州人民政府", "", True),
    ("大方县东西部协作工作办公室", "大方县协作办", K.COOPERATION_OFFICE, "520521000000", "毕节市人民政府", "", True),
]

# (kind, helper code, helped code, start, end, note)
PAIRINGS = [
    (P.PROVINCE, "440000000000", "520000000000", "2016-01-01", None, "起始日期仅精确到年"),
    (P.CITY_PREFECTURE, "440100000000", "522700000000", "2016-01-01", None, "起始日期仅精确到年"),
    (P.CITY_PREFECTURE, "440100000000", "520500000000", "2016-01-01", None, "起始日期仅精确到年"),
    (P.CITY_PREFECTURE, "440300000000", "520500000000", "2018-01-01", "2020-12-31", "深圳 2018 年起再次与毕节结对"),
    (P.CITY_PREFECTURE, "440100000000", "520400000000", "2021-01-01", None, "2021 年广东与贵州全省结对"),
    (P.CITY_PREFECTURE, "440600000000", "522600000000", "2021-01-01", None, "2021 年广东与贵州全省结对"),
    (P.CITY_PREFECTURE, "442000000000", "520200000000", "2021-01-01", None, "2021 年广东与贵州全省结对"),
    (P.CITY_PREFECTURE, "441300000000", "522300000000", "2021-01-01", None, "2021 年广东与贵州全省结对"),
    (P.CITY_PREFECTURE, "440400000000", "520300000000", "2021-01-01", None, "2021 年广东与贵州全省结对"),
    (P.CITY_PREFECTURE, "441900000000", "520600000000", "2021-01-01", None, "2021 年广东与贵州全省结对"),
]

# (username, display name, role, region codes, organisations, home unit)
USERS = [
    ("gd_admin", "广东省协作办管理员", "admin", ["440000000000"], [], "广东省东西部协作办公室"),
    ("gz_sasac", "广州市国资委", "editor", [], ["广州市人民政府国有资产监督管理委员会"],
     "广州市人民政府国有资产监督管理委员会"),
    ("qiannan", "黔南州协作办", "approver", ["522700000000"], [], "黔南州东西部协作办公室"),
    ("bijie_dafang", "大方县协作办（毕节）", "editor", ["520521000000"], [], "大方县东西部协作工作办公室"),
    ("leader", "领导（只读）", "viewer", ["440000000000", "520000000000"], [], "广东省人民政府"),
    # Approves what Bijie's counties submit (county enters → prefecture approves).
    ("bijie", "毕节市协作办（审核）", "approver", ["520500000000"], [], "毕节市人民政府"),
    # A department works by channel: this one edits the registry of 大方县 and only reads the rest.
    ("dafang_registry", "大方县乡村振兴局（建档立卡）", "viewer", ["520521000000"], [], None),
]
# Roles by channel (app label) for users whose role differs between channels.
CHANNEL_ROLES = {"dafang_registry": {"registry": "editor"}}


def load(acting_user) -> None:
    if Organisation.objects.filter(name="广东省人民政府").exists():
        return
    by_name: dict[str, Organisation] = {}
    for name, short, kind, code, parent, source, synthetic in ORGANISATIONS:
        by_name[name] = create_record(Organisation, {
            "name": name, "short_name": short, "kind": kind, "region_id": code,
            "parent": by_name.get(parent) if parent else None, "source_document": source, "synthetic": synthetic,
        }, acting_user, note="演示数据")
    for kind, helper, helped, start, end, note in PAIRINGS:
        pairing = create_record(Pairing, {
            "kind": kind, "helper_region_id": helper, "helped_region_id": helped,
            "start_date": dt.date.fromisoformat(start), "end_date": dt.date.fromisoformat(end) if end else None,
            "note": note, "source_document": DOMAIN_PAIRINGS,
        }, acting_user, note="演示数据")
        Pairing.objects.filter(pk=pairing.pk).update(status="approved")
    for username, display, role, regions, orgs, home in USERS:
        create_account(username, DEMO_PASSWORD, name=display, role=role, region_codes=regions,
                       organisation_names=orgs, organisation=home, can_view_id_numbers=role == "admin",
                       channel_roles=CHANNEL_ROLES.get(username, {}))
