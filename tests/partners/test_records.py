from __future__ import annotations

from tests.base import RecordTypeTests
from xiezuo.partners.models import Organisation, Pairing


class TestOrganisation(RecordTypeTests):
    model = Organisation
    editor = "bijie_dafang"
    outsider = "qiannan"
    reader = "leader"

    def valid_data(self):
        return {"name": "大方县测试农业专业合作社", "kind": "enterprise", "region": "520521000000",
                "short_name": "测试合作社"}

    def changed_data(self):
        return {**self.valid_data(), "short_name": "合作社（更名）"}

    def import_rows(self):
        return [
            {"单位名称*": "大方县导入测试企业甲", "单位类型*": "企业", "所在地区*": "520521000000"},
            {"单位名称*": "大方县导入测试学校乙", "单位类型*": "学校", "所在地区*": "520521000000",
             "上级或主管单位": "大方县东西部协作工作办公室"},
        ]

    def bad_import_rows(self):
        return [{"单位名称*": "大方县导入测试企业丙", "单位类型*": "企业", "所在地区*": "529999000000"}], "未知的行政区划"


class TestPairing(RecordTypeTests):
    model = Pairing
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"
    approver = "gd_admin"

    def valid_data(self):
        return {"kind": "district_county", "helper_region": "440103000000", "helped_region": "522701000000",
                "start_date": "2021-03-01"}

    def changed_data(self):
        return {**self.valid_data(), "end_date": "2025-12-31"}

    def outside_data(self):  # helped: a Bijie county; the helper stays a Guangzhou district (a partner)
        return {**self.valid_data(), "helped_region": "520521000000"}

    def api_outside_data(self):
        return {**self.api_data(), "helped_region": "520521000000"}

    def import_rows(self):
        return [
            {"结对类型*": "区对县", "帮扶方地区": "440104000000", "受援方地区": "522702000000", "开始日期*": "2021-05-01"},
            {"结对类型*": "区对县", "帮扶方地区": "440105000000", "受援方地区": "522722000000", "开始日期*": 44317},
        ]

    def bad_import_rows(self):
        return [{"结对类型*": "区对县", "帮扶方地区": "440106000000", "受援方地区": "522723000000",
                 "开始日期*": "2021-13-45"}], "日期"
