"""The inherited record-type suite for the working mechanism's five types (data only): tests/base.py holds
the tests."""

from __future__ import annotations

import datetime as dt

from tests.base import RecordTypeTests
from xiezuo.exchange.demo import SASAC_2018
from xiezuo.exchange.models import Meeting
from xiezuo.partners.models import Organisation, Pairing
from xiezuo.workplan.models import (
    Decision,
    PlanTarget,
    ProgressReport,
    ReportingRound,
    SupervisionNotice,
    Task,
)

# Demo organisation in the editor's area (partners/demo.py).
UNIT = "黔南州东西部协作办公室"
QIANNAN_TASK = "都匀市组织劳动力赴粤就业（测试）"


def org(name: str = UNIT) -> int:
    return Organisation.objects.get(name=name).pk


def meeting() -> Meeting:
    return Meeting.objects.get(visit__name=SASAC_2018)


def qiannan_task() -> Task:
    """A task of Qiannan's, open until 2030, that progress reports and notices can name."""
    task = Task.objects.filter(title=QIANNAN_TASK).first()
    if task is None:
        task = Task.objects.create(title=QIANNAN_TASK, lead_unit_id=org(), level="county", region_id="522701000000",
                                   deadline=dt.date(2030, 12, 31))
    return task


class Qiannan(RecordTypeTests):
    editor = "qiannan"          # writes inside Qiannan
    outsider = "bijie_dafang"   # Dafang county (Bijie): the record is outside their area
    reader = "leader"           # reads everything, writes nothing


class TestDecision(Qiannan):
    model = Decision

    def valid_data(self):
        return {"meeting": meeting().pk, "number": "1", "title": "加强产业对接（测试）", "issuer": org(),
                "region": "522700000000", "content": "座谈会提出的要求"}

    def changed_data(self):
        return {**self.valid_data(), "title": "加强产业对接（测试，修订）"}

    def import_rows(self):
        return [{"所属会议*": str(meeting().pk), "序号": 2, "要求名称*": "导入要求甲", "部署单位*": UNIT,
                 "部署地区*": "522700000000"},
                {"所属会议*": str(meeting().pk), "序号": 3, "要求名称*": "导入要求乙", "部署单位*": UNIT,
                 "部署地区*": "522701000000"}]

    def bad_import_rows(self):
        return [{"所属会议*": "不存在的会议", "序号": 4, "要求名称*": "导入要求丙", "部署单位*": UNIT,
                 "部署地区*": "522700000000"}], "未找到"


class TestTask(Qiannan):
    model = Task

    def valid_data(self):
        return {"title": "都匀市测试工作任务", "lead_unit": org(), "level": "city", "region": "522701000000",
                "deadline": "2030-06-30", "milestones": "2030-03-31 完成方案"}

    def changed_data(self):
        return {**self.valid_data(), "title": "都匀市测试工作任务（修订）"}

    def api_data(self):
        return {"title": "接口录入工作任务", "lead_unit": org(), "region": "522701000000", "deadline": "2030-06-30"}

    def import_rows(self):
        return [{"任务名称*": "导入任务甲", "牵头单位*": UNIT, "责任地区*": "522702000000", "完成时限*": "2030-06-30"},
                {"任务名称*": "导入任务乙", "牵头单位*": UNIT, "责任地区*": "522701000000", "完成时限*": "2030-05-31",
                 "上级任务": str(qiannan_task().pk), "责任层级": "县级"}]

    def bad_import_rows(self):
        return [{"任务名称*": "导入任务丙", "牵头单位*": UNIT, "责任地区*": "522702000000", "完成时限*": "2031-01-31",
                 "上级任务": str(qiannan_task().pk)}], "不能晚于上级任务的完成时限"


class TestProgressReport(Qiannan):
    model = ProgressReport

    def valid_data(self):
        return {"task": qiannan_task().pk, "report_date": "2025-01-15", "percent": "30", "content": "已完成方案"}

    def changed_data(self):
        return {**self.valid_data(), "percent": "35"}

    def outside_data(self):
        """A task outside the editor's area that still takes reports (not broken down, not yet completed)."""
        from django.contrib.auth import get_user_model

        from xiezuo.workplan.progress import closed_on

        editor = get_user_model().objects.get(username=self.editor)
        inside = Task.objects.restrict(editor, "link").values("pk")
        for task in Task.objects.exclude(pk__in=inside).filter(children__isnull=True).order_by("pk"):
            if closed_on(task) is None:
                return {**self.valid_data(), "task": task.pk}
        raise AssertionError("the demo data has no open task outside the editor's area")

    def import_rows(self):
        return [{"工作任务*": QIANNAN_TASK, "报告日期*": "2025-02-15", "完成进度（%）": 40, "进展情况*": "导入进展甲"},
                {"工作任务*": str(qiannan_task().pk), "报告日期*": "2025-03-15", "完成进度（%）": 50,
                 "进展情况*": "导入进展乙", "完成数值": "120"}]

    def bad_import_rows(self):
        return [{"工作任务*": QIANNAN_TASK, "报告日期*": "2025-04-15", "完成进度（%）": 120,
                 "进展情况*": "导入进展丙"}], "不能超过 100%"


class TestSupervisionNotice(Qiannan):
    model = SupervisionNotice

    def valid_data(self):
        return {"task": qiannan_task().pk, "kind": "supervision", "issuer": org("黔南布依族苗族自治州人民政府"),
                "addressee": org(), "issued_on": "2030-01-10", "due_date": "2030-01-20", "content": "请加快进度"}

    def changed_data(self):
        return {**self.valid_data(), "content": "请加快进度并报送原因"}

    def import_rows(self):
        qiannan_task()
        return [{"工作任务*": QIANNAN_TASK, "督办单位*": "黔南布依族苗族自治州人民政府", "承办单位*": UNIT,
                 "下发日期*": "2030-02-01", "办理时限*": "2030-02-10", "督办事项*": "导入督办甲"},
                {"工作任务*": QIANNAN_TASK, "督办类型": "升级督办", "督办单位*": "黔南布依族苗族自治州人民政府",
                 "承办单位*": UNIT, "下发日期*": "2030-03-01", "办理时限*": "2030-03-10", "督办事项*": "导入督办乙"}]

    def bad_import_rows(self):
        qiannan_task()
        return [{"工作任务*": QIANNAN_TASK, "督办单位*": "黔南布依族苗族自治州人民政府", "承办单位*": UNIT,
                 "下发日期*": "2030-04-10", "办理时限*": "2030-04-01", "督办事项*": "导入督办丙"}], "办理时限不能早于下发日期"


class TestReportingRound(Qiannan):
    model = ReportingRound

    def valid_data(self):
        return {"title": "黔南州2030年1月进展月报（测试）", "issuer": org(), "region": "522700000000",
                "period_start": "2030-01-01", "period_end": "2030-01-31", "due_date": "2030-02-05",
                "record_types": "进展报告", "due_units": [org()]}

    def changed_data(self):
        return {**self.valid_data(), "due_date": "2030-02-06"}

    def import_rows(self):
        return [{"填报任务名称*": "导入填报甲", "下达单位*": UNIT, "发起地区*": "522700000000", "统计期起*": "2030-02-01",
                 "统计期止*": "2030-02-28", "报送截止日期*": "2030-03-05", "报送内容*": "进展报告",
                 "报送单位*": UNIT},
                {"填报任务名称*": "导入填报乙", "下达单位*": UNIT, "发起地区*": "522700000000", "统计期起*": "2030-03-01",
                 "统计期止*": "2030-03-31", "报送截止日期*": "2030-04-05", "报送内容*": "进展报告、督办单",
                 "报送单位*": UNIT}]

    def bad_import_rows(self):
        return [{"填报任务名称*": "导入填报丙", "下达单位*": UNIT, "发起地区*": "522700000000",
                 "统计期起*": "2030-02-01", "统计期止*": "2030-02-28", "报送截止日期*": "2030-03-05",
                 "报送内容*": "进展报告", "报送单位*": ""}], "至少要有一个报送单位"


def qiannan_pairing() -> int:
    return Pairing.objects.get(helper_region_id="440100000000", helped_region_id="522700000000").pk


class TestPlanTarget(Qiannan):
    model = PlanTarget

    def valid_data(self):
        return {"pairing": qiannan_pairing(), "year": "2021", "figure": "exchange.trips", "target_value": "4"}

    def changed_data(self):
        return {**self.valid_data(), "target_value": "5"}

    def import_rows(self):
        return [{"结对关系*": str(qiannan_pairing()), "年度*": 2022, "指标*": "考察调研次数（次）", "协议目标值*": 6},
                {"结对关系*": str(qiannan_pairing()), "年度*": 2022, "指标*": "签订协议（项）", "协议目标值*": 3}]

    def bad_import_rows(self):
        return [{"结对关系*": str(qiannan_pairing()), "年度*": 2010, "指标*": "考察调研次数（次）",
                 "协议目标值*": 6}], "年度应在 2016 至 2100 之间"
