"""The inherited record-type suite for the labour channel's types (data only): tests/base.py holds the tests."""

from __future__ import annotations

from tests.base import RecordTypeTests
from tests.labour.helpers import ident
from xiezuo.labour.models import Employment, JobFair, Trainee, TrainingClass
from xiezuo.partners.models import Organisation

UNIT = "黔南州东西部协作办公室"


def a_class() -> TrainingClass:
    obj, _ = TrainingClass.objects.get_or_create(
        name="都匀市粤菜师傅测试班", defaults={"programme_id": "粤菜师傅", "region_id": "522701000000",
                                          "start": "2021-03-01", "planned": 40})
    return obj


class TestTrainingClass(RecordTypeTests):
    model = TrainingClass
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"name": "都匀市南粤家政培训班", "programme": "南粤家政", "region": "522701000000",
                "host": Organisation.objects.get(name=UNIT).pk, "place": "都匀市", "start": "2021-03-01",
                "end": "2021-03-20", "planned": "50"}

    def changed_data(self):
        return {**self.valid_data(), "name": "都匀市南粤家政培训班（修订）"}

    def api_data(self):
        return {"name": "接口录入培训班", "programme": "广东技工", "region": "522701000000", "start": "2021-04-01",
                "planned": 30}

    def import_rows(self):
        return [{"培训班名称*": "导入培训班甲", "培训工程*": "广东技工", "生源地区*": "522702000000",
                 "开班日期*": "2021-01-05", "计划人数*": "30"},
                {"培训班名称*": "导入培训班乙", "培训工程*": "粤菜师傅", "生源地区*": "522701000000",
                 "开班日期*": "2021-02-05", "结业日期": "2021-03-01", "计划人数*": "20", "承办单位": UNIT}]

    def bad_import_rows(self):
        return [{"培训班名称*": "导入培训班丙", "培训工程*": "广东技工", "生源地区*": "522702000000",
                 "开班日期*": "2021-01-05", "结业日期": "2020-12-01", "计划人数*": "30"}], "结业日期不能早于开班日期"


class TestTrainee(RecordTypeTests):
    model = Trainee
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"training_class": a_class().pk, "id_number": ident(serial=301), "name": "测试学员",
                "completion": "completed", "certificate": "qualified"}

    def changed_data(self):
        return {**self.valid_data(), "id_number": "", "name": "测试学员", "certificate": "skill_level"}

    def api_data(self):
        return {"training_class": a_class().pk, "id_number": ident(serial=302), "name": "接口学员"}

    def import_rows(self):
        cls = a_class()
        return [{"培训班*": cls.pk, "身份证号*": ident(serial=303), "姓名*": "导入学员甲", "结业情况": "结业"},
                {"培训班*": cls.pk, "身份证号*": ident(serial=304), "姓名*": "导入学员乙", "证书": "培训合格证"}]

    def bad_import_rows(self):
        return [{"培训班*": a_class().pk, "身份证号*": "522701199005051230", "姓名*": "错号学员"}], "身份证号"


class TestJobFair(RecordTypeTests):
    model = JobFair
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"name": "都匀市广州企业专场招聘会", "region": "522701000000", "held_on": "2021-02-20",
                "positions": "800", "work_place": "广州市", "wage_min": "3500", "wage_max": "6000",
                "applicants": "1200", "hired": "300"}

    def changed_data(self):
        return {**self.valid_data(), "hired": "320"}

    def api_data(self):
        return {"name": "接口录入招聘会", "region": "522701000000", "held_on": "2021-02-21"}

    def import_rows(self):
        return [{"招聘活动名称*": "导入招聘会甲", "举办地区*": "522702000000", "举办日期*": "2021-01-05"},
                {"招聘活动名称*": "导入招聘会乙", "举办地区*": "522701000000", "举办日期*": "2021-02-05",
                 "求职人数": "100", "达成就业意向人数": "20"}]

    def bad_import_rows(self):
        return [{"招聘活动名称*": "导入招聘会丙", "举办地区*": "522702000000", "举办日期*": "2021-01-05",
                 "月薪下限（元）": "5000", "月薪上限（元）": "3000"}], "月薪上限不能低于下限"


class TestEmployment(RecordTypeTests):
    model = Employment
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"id_number": ident(serial=311), "name": "测试工人", "region": "522701000000",
                "employer_name": "广州某电子厂", "workplace": "east", "how": "organised", "start": "2021-03-01",
                "months_stable": "6", "transport_subsidy": "500", "stability_subsidy": "0"}

    def changed_data(self):
        return {**self.valid_data(), "id_number": "", "months_stable": "7"}

    def api_data(self):
        return {"id_number": ident(serial=312), "name": "接口工人", "region": "522701000000", "workplace": "local",
                "start": "2021-03-02"}

    def import_rows(self):
        return [{"身份证号*": ident(serial=313), "姓名*": "导入工人甲", "户籍地区*": "522702000000", "就业地*": "东部帮扶省份",
                 "就业开始日期*": "2021-01-05"},
                {"身份证号*": ident(serial=314), "姓名*": "导入工人乙", "户籍地区*": "522701000000", "就业地*": "帮扶车间",
                 "就业开始日期*": "2021-02-05", "就业结束日期": "2021-08-05", "稳岗补贴（元）": "1500"}]

    def bad_import_rows(self):
        return [{"身份证号*": ident(serial=315), "姓名*": "导入工人丙", "户籍地区*": "522702000000", "就业地*": "东部帮扶省份",
                 "就业开始日期*": "2021-05-05", "就业结束日期": "2021-01-01"}], "就业结束日期不能早于开始日期"
