"""The inherited record-type suite for the talent channel's types (data only): tests/base.py holds the tests."""

from __future__ import annotations

from tests.base import RecordTypeTests
from tests.labour.helpers import ident
from xiezuo.partners.models import Organisation
from xiezuo.talent.models import Dispatch, Secondment

UNIT = "黔南州东西部协作办公室"


class TestSecondment(RecordTypeTests):
    model = Secondment
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"id_number": ident("440106", "19800101", 401), "name": "测试挂职干部", "direction": "east_west",
                "home_unit": Organisation.objects.get(name=UNIT).pk, "host_region": "522701000000",
                "host_unit_name": "都匀市人民政府", "post": "副市长（挂职）", "start": "2021-03-01",
                "planned_end": "2023-02-28"}

    def changed_data(self):
        return {**self.valid_data(), "id_number": "", "post": "市长助理（挂职）"}

    def api_data(self):
        return {"id_number": ident("440106", "19800101", 402), "name": "接口干部", "host_region": "522701000000",
                "start": "2021-03-02"}

    def import_rows(self):
        return [{"身份证号*": ident("440106", "19800101", 403), "姓名*": "导入干部甲", "派驻地区*": "522702000000",
                 "到岗日期*": "2021-01-05"},
                {"身份证号*": ident("440106", "19800101", 404), "姓名*": "导入干部乙", "派驻地区*": "522701000000",
                 "到岗日期*": "2021-02-05", "方向": "西部选派到东部", "挂任职务": "局长助理"}]

    def bad_import_rows(self):
        return [{"身份证号*": ident("440106", "19800101", 405), "姓名*": "导入干部丙", "派驻地区*": "522702000000",
                 "到岗日期*": "2021-05-05", "实际离岗日期": "2021-01-01"}], "不能早于到岗日期"


class TestDispatch(RecordTypeTests):
    model = Dispatch
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"id_number": ident("440106", "19810101", 411), "name": "测试医生", "speciality": "doctor",
                "home_unit_name": "广州市第一人民医院", "host_region": "522701000000",
                "host_unit_name": "都匀市人民医院", "start": "2021-03-01", "actual_end": "2022-02-28"}

    def changed_data(self):
        return {**self.valid_data(), "id_number": "", "host_unit_name": "黔南州人民医院"}

    def api_data(self):
        return {"id_number": ident("440106", "19810101", 412), "name": "接口教师", "speciality": "teacher",
                "host_region": "522701000000", "start": "2021-03-02"}

    def import_rows(self):
        return [{"身份证号*": ident("440106", "19810101", 413), "姓名*": "导入教师甲", "专业领域*": "教师",
                 "派驻地区*": "522702000000", "到岗日期*": "2021-01-05"},
                {"身份证号*": ident("440106", "19810101", 414), "姓名*": "导入农技员", "专业领域*": "农业技术人员",
                 "派驻地区*": "522701000000", "到岗日期*": "2021-02-05", "实际离岗日期": "2021-12-01"}]

    def bad_import_rows(self):
        return [{"身份证号*": "440106198101014150", "姓名*": "错号", "专业领域*": "教师", "派驻地区*": "522702000000",
                 "到岗日期*": "2021-01-05"}], "身份证号"
