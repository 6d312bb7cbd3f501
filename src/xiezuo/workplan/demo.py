"""Demo data: the six requirements of the 2019-11-08 symposium (report 000) as decisions, broken down into
tasks for Guangdong's departments, Guangzhou, a district and a Guizhou county, with progress, one overdue
task under supervision, and the November 2020 reporting round.

The decisions are the report's own words. Everything after them — which department leads, deadlines,
progress, the notice and the round — is synthetic (`synthetic=True`): the report names no department and
no follow-up. The departments are real bodies, added here as units because the report does not list them.
The story happens in 2020, so the reports entered as approved carry the entry time of their story
(`created_at` set to the day they were filed), which a reporting round reads for timeliness.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.utils import timezone

from xiezuo.core.services import create_record
from xiezuo.partners.demo import SEED_000

from .choices import Level, NoticeKind
from .models import Decision, PlanTarget, ProgressReport, ReportingRound, SupervisionNotice, Task

D = dt.date.fromisoformat
SYMPOSIUM_MEETING = ("广东·贵州扶贫协作工作座谈会", D("2019-11-08"))
SYNTHETIC_NOTE = "演示用合成数据：报道未载明任务分工与进展"
ROUND_TITLE = "2020年11月东西部扶贫协作工作任务进展月报"

GD, GZ, HUANGPU, DAFANG = "440000000000", "440100000000", "440112000000", "520521000000"
# (name, short name, kind, region, parent)
UNITS = [
    ("广东省农业农村厅", "省农业农村厅", "department", GD, "广东省人民政府"),
    ("广东省人力资源和社会保障厅", "省人社厅", "department", GD, "广东省人民政府"),
    ("广东省教育厅", "省教育厅", "department", GD, "广东省人民政府"),
    ("广东省卫生健康委员会", "省卫生健康委", "department", GD, "广东省人民政府"),
    ("广东省商务厅", "省商务厅", "department", GD, "广东省人民政府"),
    ("广东省文化和旅游厅", "省文化和旅游厅", "department", GD, "广东省人民政府"),
    ("广东省发展和改革委员会", "省发展改革委", "department", GD, "广东省人民政府"),
    ("广州市人力资源和社会保障局", "广州市人社局", "department", GZ, "广州市人民政府"),
    ("广州市黄埔区人民政府", "黄埔区政府", "government", HUANGPU, "广州市人民政府"),
]

# The six requirements as the report states them (number, title, content).
REQUIREMENTS = [
    (1, "突出抓好产业扶贫", "引导更多广东企业投资建设产业园和产业基地，支持当地发展特色产业，切实增强“造血”功能，"
                      "为当地脱贫致富提供产业支撑。"),
    (2, "加大劳务协作力度", "搭建合作平台，充分利用“广东技工”“粤菜师傅”“南粤家政”工程带来的培训就业机会，"
                      "带动更多家庭实现勤劳致富。"),
    (3, "深入开展智力扶贫", "扎扎实实做好学校、医院结对子“组团式”帮扶，加大干部和产业技术人才交流培训力度，"
                      "不断增强贫困地区内生增长动力。"),
    (4, "深度挖掘消费扶贫", "大力推动“黔货出山”“黔菜进广”，进一步开展旅游协作，打造更多更优的销售渠道和品牌项目。"),
    (5, "抓住粤港澳大湾区建设重大历史机遇", "抓住粤港澳大湾区建设和支持深圳建设中国特色社会主义先行示范区重大历史机遇，"
                                 "不断拓展合作发展的新空间。"),
    (6, "切实加强组织领导", "切实加强对扶贫协作工作的组织领导，全面压实“省负总责、部门联动、市县抓落实”的工作机制。"),
]


def _org(name):
    return apps.get_model("partners", "Organisation").objects.get(name=name)


def _entered(obj, when: str) -> None:
    """The day a synthetic 2020 record was filed (see the module docstring), and approved as demo data."""
    stamp = timezone.make_aware(dt.datetime.combine(D(when), dt.time(10, 0)))
    type(obj).objects.filter(pk=obj.pk).update(status="approved", created_at=stamp)


def _task(u, decision, title, lead, level, region, deadline, parent=None, coop=(), supervisor="广东省东西部协作办公室",
          target="", value=None, unit="", milestones="", content=""):
    task = create_record(Task, {
        "decision": decision, "parent": parent, "title": title, "content": content, "lead_unit": _org(lead),
        "level": level, "region_id": region, "supervisor": _org(supervisor), "annual_target": target,
        "target_value": value, "target_unit": unit, "start_date": D("2019-11-15"), "deadline": D(deadline),
        "milestones": milestones, "synthetic": True, "note": SYNTHETIC_NOTE,
    }, u, m2m={"cooperating_units": [_org(n) for n in coop]}, note="演示数据")
    _entered(task, "2019-11-20")
    return task


def _report(u, task, day, percent, text, filed, value=None, status="approved"):
    report = create_record(ProgressReport, {
        "task": task, "report_date": D(day), "percent": percent, "value": value, "content": text,
        "synthetic": True}, u, note="演示数据")
    _entered(report, filed)
    if status != "approved":
        ProgressReport.objects.filter(pk=report.pk).update(status=status, return_reason="佐证材料不全，请补充就业人员名单。")
    return report


def load(acting_user) -> None:
    if Decision.objects.exists():
        return
    Meeting = apps.get_model("exchange", "Meeting")
    title, day = SYMPOSIUM_MEETING
    meeting = Meeting.objects.filter(title=title, date=day).first()
    if meeting is None:
        return  # the ledger's demo is not loaded: nothing to hang the decisions on
    u = acting_user
    Organisation = apps.get_model("partners", "Organisation")
    for name, short, kind, region, parent in UNITS:
        if not Organisation.objects.filter(name=name).exists():
            create_record(Organisation, {"name": name, "short_name": short, "kind": kind, "region_id": region,
                                         "parent": _org(parent), "synthetic": True,
                                         "note": "演示用：报道未列出承担任务的部门"}, u, note="演示数据")
    decisions = {}
    for number, head, content in REQUIREMENTS:
        decisions[number] = create_record(Decision, {
            "meeting": meeting, "number": number, "title": head, "content": content, "issuer": _org("广东省人民政府"),
            "region_id": GD, "source_document": SEED_000}, u, note="演示数据")
        _entered(decisions[number], "2019-11-11")

    industry = _task(u, decisions[1], "引导广东企业在毕节、黔南投资建设产业园和产业基地", "广东省农业农村厅", Level.PROVINCE,
                     GD, "2020-12-31", coop=["广东省商务厅"], target="2020年新增共建产业园区和产业基地", value=10,
                     unit="个")
    _report(u, industry, "2020-06-30", 50, "已落地共建产业基地5个。", "2020-07-03", value=5)
    _report(u, industry, "2020-12-20", 100, "全年新增共建产业园区和产业基地10个，完成年度目标。", "2020-12-22", value=10)

    labour = _task(u, decisions[2], "落实“广东技工”“粤菜师傅”“南粤家政”工程，帮助贵州贫困劳动力培训就业",
                   "广东省人力资源和社会保障厅", Level.PROVINCE, GD, "2020-12-31", coop=["广东省教育厅"],
                   target="2020年帮助贵州贫困劳动力培训和就业", milestones="2020-03-31 制定年度培训计划\n"
                   "2020-09-30 完成过半\n2020-12-31 全面完成")
    housekeeping = _task(u, decisions[2], "省级“南粤家政”培训基地招收贵州学员", "广东省人力资源和社会保障厅",
                         Level.PROVINCE, GD, "2020-12-31", parent=labour, target="培训贵州学员", value=500, unit="人")
    _report(u, housekeeping, "2020-11-20", 100, "“南粤家政”培训基地全年招收贵州学员520人。", "2020-11-25", value=520)
    city = _task(u, decisions[2], "广州市组织毕节、黔南贫困劳动力来穗就业", "广州市人力资源和社会保障局", Level.CITY, GZ,
                 "2020-12-15", parent=labour, supervisor="广州市人民政府")
    chefs = _task(u, decisions[2], "广州市“粤菜师傅”培训毕节、黔南学员", "广州市人力资源和社会保障局", Level.CITY, GZ,
                  "2020-12-15", parent=city, supervisor="广州市人民政府", value=300, unit="人")
    _report(u, chefs, "2020-11-28", 100, "全年培训“粤菜师傅”学员312人。", "2020-12-08", value=312)
    district = _task(u, decisions[2], "黄埔区对口帮扶县劳动力来穗就业对接", "广州市黄埔区人民政府", Level.COUNTY, HUANGPU,
                     "2020-11-30", parent=city, supervisor="广州市人民政府")
    _report(u, district, "2020-09-30", 50, "已举办专场招聘会2场。", "2020-10-05")
    _report(u, district, "2020-11-25", 80, "又举办专场招聘会1场。", "2020-11-26", status="returned")
    county = _task(u, decisions[2], "大方县组织贫困劳动力赴粤就业", "大方县东西部协作工作办公室", Level.COUNTY, DAFANG,
                   "2020-11-30", parent=city, supervisor="广州市人民政府", value=1000, unit="人")
    _report(u, county, "2020-10-15", 60, "已组织600名贫困劳动力赴粤就业。", "2020-10-16", value=600)
    notice = create_record(SupervisionNotice, {
        "task": county, "kind": NoticeKind.SUPERVISION, "number": "粤协督〔2020〕1号",
        "issuer": _org("广东省东西部协作办公室"), "addressee": _org("大方县东西部协作工作办公室"),
        "issued_on": D("2020-12-03"), "due_date": D("2020-12-15"),
        "content": "“大方县组织贫困劳动力赴粤就业”已过完成时限（2020-11-30），进度60%，请于12月15日前报送进展并说明原因。",
        "synthetic": True}, u, note="演示数据")
    _entered(notice, "2020-12-03")

    for number, title, lead, coop in [
        (3, "做好学校、医院结对“组团式”帮扶", "广东省教育厅", ["广东省卫生健康委员会"]),
        (4, "推动“黔货出山”“黔菜进广”，拓展销售渠道和品牌", "广东省商务厅", ["广东省文化和旅游厅"]),
        (5, "依托粤港澳大湾区建设拓展粤黔合作空间", "广东省发展和改革委员会", []),
        (6, "压实“省负总责、部门联动、市县抓落实”工作机制", "广东省东西部协作办公室", []),
    ]:
        task = _task(u, decisions[number], title, lead, Level.PROVINCE, GD, "2020-12-31", coop=coop)
        _report(u, task, "2020-12-28", 100, "年度任务已完成。", "2020-12-30")

    rnd = create_record(ReportingRound, {
        "title": ROUND_TITLE, "issuer": _org("广东省东西部协作办公室"), "region_id": GD,
        "period_start": D("2020-11-01"), "period_end": D("2020-11-30"), "due_date": D("2020-12-05"),
        "record_types": "进展报告", "synthetic": True, "note": "各责任单位报送11月工作任务进展。"},
        u, m2m={"due_units": [_org(n) for n in ("广东省人力资源和社会保障厅", "广州市人力资源和社会保障局",
                                                "广州市黄埔区人民政府", "大方县东西部协作工作办公室")]},
        note="演示数据")
    _entered(rnd, "2020-10-28")

    # 2019 annual plans of Guangzhou with Bijie and Qiannan: synthetic targets (no source gives them), each
    # read against the figure computed from the ledger's approved records.
    Pairing = apps.get_model("partners", "Pairing")
    for west in ("520500000000", "522700000000"):
        pairing = Pairing.objects.filter(helper_region_id=GZ, helped_region_id=west).first()
        if pairing is None:
            continue
        for key, value in (("exchange.trips", 4), ("exchange.agreements", 6), ("industry.projects", 10),
                           ("industry.allocated", 30000)):
            target = create_record(PlanTarget, {"pairing": pairing, "year": 2019, "figure": key,
                                                "target_value": value, "synthetic": True,
                                                "note": "演示用合成目标：来源未载明2019年协议数"}, u, note="演示数据")
            _entered(target, "2019-03-01")
