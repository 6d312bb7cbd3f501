"""The indicators used in practice (DOMAIN.md, Assessment) and the figure keys that compute them.

Seeded by a data migration; afterwards the catalogue is data (edit the figure key, weight, level on the
indicators page). Keys of channels not installed yet (labour, talent, consumption, workplan) are named as
those channels declare them, so the indicator lights up when the channel is merged.
"""

from __future__ import annotations

# code, name, area, unit, figure key, money, weight, definition
INDICATORS = [
    ("L01", "考察调研次数", "leadership", "次", "exchange.trips", False, 8,
     "党政领导及部门考察、座谈、对接活动次数（东→西与西→东合计）。"),
    ("L02", "签订合作协议", "leadership", "项", "exchange.agreements", False, 4, "签订的框架协议、合作协议项数。"),
    ("L03", "年度工作任务完成", "leadership", "项", "workplan.tasks_done", False, 4, "年度协议工作任务中已完成的项数。"),
    ("T01", "选派挂职干部", "talent", "人", "talent.cadres", False, 8, "东部选派到西部挂职的党政干部人数。"),
    ("T02", "选派专业技术人才", "talent", "人", "talent.professionals", False, 8,
     "东部选派到西部的教师、医生、农技等专业技术人才人数。"),
    ("T03", "西部到东部挂职干部", "talent", "人", "talent.cadres_west_east", False, 4, "西部选派到东部挂职的干部人数。"),
    ("F01", "财政帮扶资金", "funds", "万元", "industry.allocated", True, 10, "下达的财政帮扶资金（总额与到县）。"),
    ("F02", "资金拨付到项目", "funds", "万元", "industry.disbursed", True, 6, "拨付到项目的财政帮扶资金。"),
    ("F03", "社会帮扶资金（捐赠）", "funds", "万元", "industry.donations", True, 4, "动员的社会捐赠款物折款。"),
    ("I01", "落地企业（产业项目）", "industry", "个", "industry.projects", False, 6, "引导落地的企业及产业合作项目个数。"),
    ("I02", "企业实际投资", "industry", "万元", "industry.actual", True, 8, "落地项目实际到位投资额。"),
    ("I03", "共建产业园区和扶贫车间", "industry", "个", "industry.workshops", False, 2,
     "共建的产业园区与帮扶车间个数。"),
    ("W01", "转移就业人数", "labour", "人", "labour.placed", False, 8, "帮助转移就业的劳动力人数（按人去重）。"),
    ("W02", "其中建档立卡贫困人口", "labour", "人", "labour.placed_registered", False, 6,
     "转移就业人数中建档立卡户成员人数。"),
    ("W03", "其中到广东就业", "labour", "人", "labour.placed_east", False, 4, "转移就业人数中到东部帮扶省份就业的人数。"),
    ("W04", "职业技能培训人数", "labour", "人", "labour.trainees", False, 2, "参加职业技能培训的人数。"),
    ("V01", "消费帮扶（采购和销售）", "villages", "万元", "consumption.sales", True, 6,
     "采购、销售贵州农副产品金额（剔除重复报送）。"),
    ("V02", "结对帮扶村", "villages", "个", "villages.paired", False, 0, "镇村结对、企业结对帮扶的村个数。"),
    ("V03", "学校结对（校对校）", "villages", "对", "talent.school_pairs", False, 1,
     "东部学校与西部学校的结对数（期间内有效的“校对校”结对关系）。"),
    ("V04", "医院结对（院对院）", "villages", "对", "talent.hospital_pairs", False, 1,
     "东部医院与西部医院的结对数（期间内有效的“院对院”结对关系）。"),
]

# Until 2026-12 one indicator counted villages, schools and hospitals together (weight 2, no channel declaring
# it); schools and hospitals are now counted by the talent channel's pairs, villages are still undeclared.
OLD_V02 = ("结对帮扶村和学校医院", "villages.paired", 2)


def seed(Indicator, Method) -> None:
    """Add the indicators and the 2017–2020 methods that are missing (the data migration, and the demo after a
    database was flushed); never changes an indicator that is there (the catalogue is data once seeded)."""
    for order, (code, name, area, unit, key, money, weight, definition) in enumerate(INDICATORS):
        Indicator.objects.get_or_create(code=code, defaults={
            "name": name, "area": area, "unit": unit, "figure_key": key, "money": money, "weight": weight,
            "definition": definition, "order": order * 10})
    for year in range(2017, 2021):
        Method.objects.get_or_create(year=year)


def split_pairs(Indicator) -> None:
    """Migration 0004: V02 (villages, schools and hospitals together) split into V02 villages, V03 school pairs
    and V04 hospital pairs. A V02 still as seeded gives its weight 2 to V03 and V04 (1 each), so the weights
    still sum to the method's total; a V02 an administrator changed is left as it is and V03 and V04 come with
    weight 0 (the total unchanged; an administrator gives them weight)."""
    rows = {row[0]: row for row in INDICATORS}
    v02 = Indicator.objects.filter(code="V02").first()
    as_seeded = v02 is not None and (v02.name, v02.figure_key, v02.weight) == OLD_V02
    if as_seeded:
        _code, name, _area, unit, _key, _money, weight, definition = rows["V02"]
        v02.name, v02.unit, v02.weight, v02.definition = name, unit, weight, definition
        v02.save()
    order = (v02.order if v02 is not None else len(INDICATORS) * 10)
    for step, code in enumerate(("V03", "V04"), start=1):
        _code, name, area, unit, key, money, weight, definition = rows[code]
        Indicator.objects.get_or_create(code=code, defaults={
            "name": name, "area": area, "unit": unit, "figure_key": key, "money": money,
            "weight": weight if as_seeded else 0, "definition": definition, "order": order + step})
