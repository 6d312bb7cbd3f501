"""Demo data: the visits, meetings and agreements of the two seed reports, and nothing else.

Only what the reports state. Where they give a total without detail (3 trips and
20 enterprise-visits since 2016-09; 4 agreements of GAC with Qiannan and Bijie),
one record holds the total (`occurrences`, `enterprise_visits_reported`,
`item_count`) and its note says so. Dates a report does not give exactly carry
`date_precision` = period, recorded as the first day of the window.
"""

from __future__ import annotations

import datetime as dt

from xiezuo.core.services import create_record
from xiezuo.partners.demo import SEED_000, SEED_004
from xiezuo.partners.models import Organisation

from .choices import AgreementKind, DatePrecision, ParticipantSide, VisitKind
from .models import Agreement, Meeting, Participant, Visit

SYMPOSIUM = "贵州省党政代表团赴广东省学习考察暨广东·贵州扶贫协作工作座谈会"
SASAC_2018 = "广州市国资委组织监管企业赴黔南、毕节开展对口产业帮扶对接（2018年3月）"
SASAC_EARLIER = "广州市国资委组织监管企业赴黔南、毕节考察调研（2016年9月以来前两次，合计）"
SASAC = "广州市人民政府国有资产监督管理委员会"
GAC, GPHL, CONSTRUCTION, LINGNAN, RESTAURANT = (
    "广州汽车工业集团有限公司", "广州医药集团有限公司", "广州市建筑集团有限公司", "广州岭南国际企业集团有限公司",
    "广州酒家集团股份有限公司")
QIANNAN_GOV, BIJIE_GOV = "黔南布依族苗族自治州人民政府", "毕节市人民政府"
D = dt.date.fromisoformat

# (name, position, organisation, side, leader)
SYMPOSIUM_PEOPLE = [
    ("孙志刚", "贵州省委书记、省人大常委会主任", "贵州省人民政府", ParticipantSide.DELEGATION, True),
    ("谌贻琴", "贵州省委副书记、省长", "贵州省人民政府", ParticipantSide.DELEGATION, True),
    *[(n, "贵州省领导（报道未载明职务）", None, ParticipantSide.DELEGATION, True)
      for n in ("李邑飞", "赵德明", "刘捷", "卢雍政", "周建琨")],
    ("李希", "广东省委书记", "广东省人民政府", ParticipantSide.HOST, True),
    ("马兴瑞", "广东省委副书记、省长", "广东省人民政府", ParticipantSide.HOST, True),
    *[(n, "广东省领导（报道未载明职务）", None, ParticipantSide.HOST, True) for n in ("张硕辅", "叶贞琴", "郑雁雄")],
    ("温国辉", "广州市市长", "广州市人民政府", ParticipantSide.HOST, True),
]
SASAC_PEOPLE = [
    ("李卓韵", "广州市国资委分管领导、副巡视员", SASAC, ParticipantSide.DELEGATION, True),
    ("黎燕萍", "黔南州副州长", QIANNAN_GOV, ParticipantSide.HOST, True),
    ("杨伟强", "广东省第一扶贫工作组黔南组组长", "广东省第一扶贫工作组黔南组", ParticipantSide.HOST, True),
    ("王一民", "毕节市委常委、副市长", BIJIE_GOV, ParticipantSide.HOST, True),
    ("陈震", "广东省第一扶贫工作组毕节组组长", "广东省第一扶贫工作组毕节组", ParticipantSide.HOST, True),
]


def _orgs(*names):
    return list(Organisation.objects.filter(name__in=names))


def _regions(*codes):
    from xiezuo.geo.models import Region

    return list(Region.objects.filter(code__in=codes))


def _approve(*objs) -> None:
    # Facts from published reports are entered as approved, as the partners demo does for pairings.
    for obj in objs:
        type(obj).objects.filter(pk=obj.pk).update(status="approved")


def _agreement(user, title, kind, eastern, western, regions, signed, precision, items, note, source):
    return create_record(Agreement, {
        "title": title, "kind": kind, "signed_on": D(signed), "date_precision": precision, "item_count": items,
        "note": note, "source_document": source, **_review(eastern, western, regions, D(signed)),
    }, user, m2m={"eastern_parties": _orgs(*eastern), "western_parties": _orgs(*western),
                  "regions": _regions(*regions)}, note="演示数据")


def _review(eastern, western, regions, signed):
    from .pairing import review_fields

    return review_fields(_orgs(*eastern), _orgs(*western), _regions(*regions), signed)


def _people(user, visit, rows, source):
    by_name = {o.name: o for o in Organisation.objects.all()}
    out = []
    for name, position, org, side, leader in rows:
        out.append(create_record(Participant, {
            "visit": visit, "name": name, "position": position, "organisation": by_name.get(org), "side": side,
            "is_leader": leader, "source_document": source}, user, note="演示数据"))
    return out


def load(acting_user) -> None:
    if Visit.objects.filter(name=SYMPOSIUM).exists():
        return
    u = acting_user
    # --- report 000: the 2019-11-08 symposium and inspection in Guangzhou -------------------------------
    yuexiu = _agreement(
        u, "贵州省人民政府与广州越秀集团合作协议", AgreementKind.COOPERATION, ["广州越秀集团股份有限公司"],
        ["贵州省人民政府"], ["520000000000"], "2019-11-08", DatePrecision.PERIOD, 1,
        "报道称在广州考察期间签署，未载明具体日期与协议内容；报道发布于2019-11-11。", SEED_000)
    symposium = create_record(Visit, {
        "name": SYMPOSIUM, "kind": VisitKind.SYMPOSIUM, "start_date": D("2019-11-08"),
        "date_precision": DatePrecision.DAY, "organiser": _orgs("贵州省人民政府")[0],
        "leader": "孙志刚（贵州省委书记、省人大常委会主任）",
        "summary": "11月8日贵州省党政代表团赴广东省学习考察；当日下午在广州举行广东·贵州扶贫协作工作座谈会。"
                   "会议提出产业扶贫、劳务协作、智力扶贫、消费扶贫、粤港澳大湾区合作与组织领导六方面要求。",
        "note": "报道未载明考察结束日期与代表团人数；省有关部门和各市（州）、贵安新区负责人参加有关活动，未列名。",
        "source_document": SEED_000,
    }, u, m2m={
        "delegation_units": _orgs("贵州省人民政府"), "host_units": _orgs("广东省人民政府", "广州市人民政府"),
        "regions": _regions("440100000000"),
        "places": _orgs("广州江南果菜批发市场", "广东东西部扶贫协作产品交易市场", "广州医药集团有限公司",
                        "广州越秀集团股份有限公司", "雪松控股集团有限公司", "数字广东网络建设有限公司", "粤旺农业集团",
                        "广东海大集团股份有限公司"),
        "agreements": [yuexiu],
    }, note="演示数据")
    meeting = create_record(Meeting, {
        "visit": symposium, "title": "广东·贵州扶贫协作工作座谈会", "date": D("2019-11-08"), "place": "广州",
        "chair": "李希（广东省委书记）",
        "speakers": "李希（广东省委书记）：讲话\n孙志刚（贵州省委书记、省人大常委会主任）：讲话\n"
                    "马兴瑞（广东省委副书记、省长）：介绍广东省扶贫协作工作情况\n"
                    "谌贻琴（贵州省委副书记、省长）：介绍贵州省扶贫协作工作情况",
        "attendees": "张硕辅、叶贞琴、郑雁雄、温国辉；李邑飞、赵德明、刘捷、卢雍政、周建琨",
        "source_document": SEED_000}, u, note="演示数据")
    people = _people(u, symposium, SYMPOSIUM_PEOPLE, SEED_000)

    # --- report 004: Guangzhou SASAC, 3 trips and 20 enterprise-visits since 2016-09 -----------------------
    earlier = create_record(Visit, {
        "name": SASAC_EARLIER, "kind": VisitKind.INSPECTION, "start_date": D("2016-09-01"),
        "end_date": D("2018-03-19"), "date_precision": DatePrecision.PERIOD, "occurrences": 2,
        "organiser": _orgs(SASAC)[0], "enterprise_visits_reported": 15,
        "summary": "赴贵州黔南、毕节考察调研，对接产业帮扶工作。",
        "note": "报道载明：广州国资委自2016年9月以来先后3次组织20家（次）监管企业赴黔南、毕节考察调研。"
                "扣除2018年3月20—23日一次的5家，前两次合计15家次；各次日期、企业名单报道未载明。",
        "source_document": SEED_004,
    }, u, m2m={"delegation_units": _orgs(SASAC), "regions": _regions("522700000000", "520500000000")},
        note="演示数据")
    frame = "在前期对接调研和实地考察基础上签订；报道未载明具体签订日期，记为2018年3月20—23日考察期间。"
    gac = _agreement(u, "广汽集团与黔南州、毕节市合作框架协议（4项）", AgreementKind.FRAMEWORK, [GAC],
                     [QIANNAN_GOV, BIJIE_GOV], ["522700000000", "520500000000"], "2018-03-20", DatePrecision.PERIOD,
                     4, "报道载明广汽集团与黔南、毕节签订4项合作框架协议，未分列各项名称及签约对象。" + frame, SEED_004)
    gphl = _agreement(u, "广药集团与毕节市合作框架协议", AgreementKind.FRAMEWORK, [GPHL], [BIJIE_GOV],
                      ["520500000000"], "2018-03-20", DatePrecision.PERIOD, 1, frame, SEED_004)
    restaurant = _agreement(u, "广州酒家集团与毕节市合作框架协议", AgreementKind.FRAMEWORK, [RESTAURANT],
                            [BIJIE_GOV], ["520500000000"], "2018-03-20", DatePrecision.PERIOD, 1, frame, SEED_004)
    trip = create_record(Visit, {
        "name": SASAC_2018, "kind": VisitKind.INSPECTION, "start_date": D("2018-03-20"), "end_date": D("2018-03-23"),
        "date_precision": DatePrecision.DAY, "organiser": _orgs(SASAC)[0],
        "leader": "李卓韵（广州市国资委分管领导、副巡视员）", "group_count": 5,
        "summary": "率5家监管企业赴黔南、毕节开展对口产业帮扶工作；工作组分成5个小组深入实地考察项目，"
                   "并与两地政府及合作企业座谈交流，明确下一步工作思路和计划。",
        "note": "报道未载明代表团人数及各小组的组成。", "source_document": SEED_004,
    }, u, m2m={
        "delegation_units": _orgs(SASAC, GAC, GPHL, CONSTRUCTION, LINGNAN, RESTAURANT),
        "host_units": _orgs(QIANNAN_GOV, BIJIE_GOV, "广东省第一扶贫工作组黔南组", "广东省第一扶贫工作组毕节组"),
        "regions": _regions("522700000000", "520500000000"), "agreements": [gac, gphl, restaurant],
    }, note="演示数据")
    talks = create_record(Meeting, {
        "visit": trip, "title": "与黔南州、毕节市政府及合作企业座谈交流",
        "attendees": "黎燕萍（黔南州副州长）、杨伟强（广东省第一扶贫工作组黔南组组长）、王一民（毕节市委常委、副市长）、"
                     "陈震（广东省第一扶贫工作组毕节组组长）",
        "content": "报道未分列场次、日期与主持人。", "source_document": SEED_004}, u, note="演示数据")
    people += _people(u, trip, SASAC_PEOPLE, SEED_004)
    _approve(yuexiu, symposium, meeting, earlier, gac, gphl, restaurant, trip, talks, *people)
