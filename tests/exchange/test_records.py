"""The inherited record-type suite for visits, participants, meetings and agreements (data only)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from tests.base import RecordTypeTests
from xiezuo.exchange.demo import SASAC_2018
from xiezuo.exchange.models import Agreement, Meeting, Participant, Visit
from xiezuo.partners.models import Organisation

User = get_user_model()


def org(name: str) -> int:
    return Organisation.objects.get(name=name).pk


def trip() -> Visit:
    return Visit.objects.get(name=SASAC_2018)


class TestVisit(RecordTypeTests):
    model = Visit
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"name": "黔南州赴都匀市调研产业园", "kind": "inspection", "start_date": "2021-04-01",
                "end_date": "2021-04-03", "date_precision": "day", "occurrences": "1", "regions": "522701000000",
                "delegation_units": [org("黔南州东西部协作办公室")], "leader": "测试领导（黔南州协作办主任）"}

    def changed_data(self):
        return {**self.valid_data(), "name": "黔南州赴都匀市调研产业园（修订）"}

    def api_data(self):
        return {"name": "黔南州接口录入考察", "kind": "inspection", "start_date": "2021-04-01",
                "regions": ["522701000000"]}

    def import_rows(self):
        return [
            {"活动名称*": "黔南导入考察甲", "开始日期*": "2021-05-01", "考察地区*": "522702000000"},
            {"活动名称*": "黔南导入考察乙", "活动类型": "座谈会", "开始日期*": "2021-05-10",
             "结束日期": "2021-05-11", "考察地区*": "522701000000、522702000000", "考察单位": "广州江南果菜批发市场",
             "次数": 1},
        ]

    def bad_import_rows(self):
        return [{"活动名称*": "黔南导入考察丙", "开始日期*": "2021-06-05", "结束日期": "2021-06-01",
                 "考察地区*": "522702000000"}], "结束日期不能早于开始日期"


class TestParticipant(RecordTypeTests):
    model = Participant
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"visit": trip().pk, "name": "测试人员", "position": "黔南州协作办主任", "side": "host"}

    def changed_data(self):
        return {**self.valid_data(), "position": "黔南州协作办副主任"}

    def import_rows(self):
        return [{"所属活动*": SASAC_2018, "姓名*": "导入人员甲", "职务": "科长", "所属方": "接待方"},
                {"所属活动*": str(trip().pk), "姓名*": "导入人员乙", "领导": "是"}]

    def bad_import_rows(self):
        return [{"所属活动*": "不存在的活动", "姓名*": "导入人员丙"}], "未找到"


class TestMeeting(RecordTypeTests):
    model = Meeting
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"visit": trip().pk, "title": "测试对接会", "date": "2018-03-21", "chair": "测试（黔南州副州长）"}

    def changed_data(self):
        return {**self.valid_data(), "place": "都匀"}

    def outside_data(self):  # a meeting of a visit qiannan cannot see (no date: it would fall outside the visit)
        outside = Visit.objects.exclude(pk__in=Visit.objects.restrict(User.objects.get(username=self.editor))
                                        .values("pk")).order_by("pk").first()
        return {**self.valid_data(), "visit": outside.pk, "date": ""}

    def import_rows(self):
        return [{"所属活动*": SASAC_2018, "会议名称*": "导入会议甲", "会议日期": "2018-03-22"},
                {"所属活动*": SASAC_2018, "会议名称*": "导入会议乙"}]

    def bad_import_rows(self):
        return [{"所属活动*": SASAC_2018, "会议名称*": "导入会议丙", "会议日期": "2018-04-01"}], "不在活动期间"


class TestAgreement(RecordTypeTests):
    model = Agreement
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"title": "测试企业与黔南州合作协议", "kind": "cooperation", "signed_on": "2021-06-01",
                "date_precision": "day", "item_count": "1", "eastern_parties": [org("广州医药集团有限公司")],
                "western_parties": [org("黔南布依族苗族自治州人民政府")], "regions": "522700000000"}

    def changed_data(self):
        return {**self.valid_data(), "amount": "12000000"}

    def outside_data(self):  # Bijie's government and region; the eastern party (a partner) stays
        return {**self.valid_data(), "western_parties": [org("毕节市人民政府")], "regions": "520500000000"}

    def api_outside_data(self):
        return {**self.api_data(), "western_parties": [org("毕节市人民政府")], "regions": ["520500000000"]}

    def api_data(self):
        return {"title": "接口录入协议", "signed_on": "2021-06-01", "eastern_parties": [org("广州医药集团有限公司")],
                "western_parties": [org("黔南布依族苗族自治州人民政府")], "regions": ["522700000000"]}

    def import_rows(self):
        return [{"协议名称*": "导入协议甲", "签订日期*": "2021-07-01", "东部签约方*": "广州医药集团有限公司",
                 "西部签约方*": "黔南布依族苗族自治州人民政府"},
                {"协议名称*": "导入协议乙", "协议类型": "项目合同", "签订日期*": "2021-07-02", "协议项数": 2,
                 "东部签约方*": "广州汽车工业集团有限公司、广州医药集团有限公司",
                 "西部签约方*": "黔南州东西部协作办公室", "协议金额（元）": "3000000"}]

    def bad_import_rows(self):
        return [{"协议名称*": "导入协议丙", "签订日期*": "2021-07-03", "东部签约方*": "不存在的企业",
                 "西部签约方*": "黔南布依族苗族自治州人民政府"}], "未找到单位“不存在的企业”（不存在，或不在您的管辖范围内）"
