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


def a_team():
    from xiezuo.talent.models import Team

    obj, _ = Team.objects.get_or_create(name="都匀市医院组团式测试团队", defaults={
        "kind": "hospital", "host_region_id": "522701000000", "host_unit_name": "都匀市人民医院",
        "start": "2021-01-01"})
    return obj


class TestTeam(RecordTypeTests):
    from xiezuo.talent.models import Team as model
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"name": "广州某医院组团式帮扶都匀市人民医院", "kind": "hospital", "helper_unit_name": "广州某医院",
                "host_region": "522701000000", "host_unit_name": "都匀市人民医院", "start": "2021-03-01"}

    def changed_data(self):
        return {**self.valid_data(), "end": "2024-02-28"}

    def api_data(self):
        return {"name": "接口团队", "kind": "school", "host_region": "522701000000", "host_unit_name": "都匀一中",
                "start": "2021-03-02"}

    def import_rows(self):
        return [{"团队名称*": "导入团队甲", "类型*": "学校组团式帮扶", "受援地区*": "522702000000", "受援单位*": "福泉一中",
                 "开始日期*": "2021-01-05"},
                {"团队名称*": "导入团队乙", "类型*": "医院组团式帮扶", "受援地区*": "522701000000", "受援单位*": "都匀市医院",
                 "开始日期*": "2021-02-05"}]

    def bad_import_rows(self):
        return [{"团队名称*": "导入团队丙", "类型*": "学校组团式帮扶", "受援地区*": "522702000000", "受援单位*": "福泉二中",
                 "开始日期*": "2021-05-05", "结束日期": "2021-01-01"}], "结束日期不能早于开始日期"


class TestTeamMember(RecordTypeTests):
    from xiezuo.talent.models import TeamMember as model
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"team": a_team().pk, "id_number": ident("440106", "19820101", 421), "name": "测试队员", "role": "队员",
                "start": "2021-03-01"}

    def changed_data(self):
        return {**self.valid_data(), "id_number": "", "role": "队长"}

    def api_data(self):
        return {"team": a_team().pk, "id_number": ident("440106", "19820101", 422), "name": "接口队员",
                "start": "2021-03-02"}

    def import_rows(self):
        return [{"团队*": a_team().pk, "身份证号*": ident("440106", "19820101", 423), "姓名*": "导入队员甲",
                 "加入日期*": "2021-01-05"},
                {"团队*": a_team().pk, "身份证号*": ident("440106", "19820101", 424), "姓名*": "导入队员乙",
                 "加入日期*": "2021-02-05", "离开日期": "2022-02-04"}]

    def bad_import_rows(self):
        return [{"团队*": a_team().pk, "身份证号*": ident("440106", "19820101", 425), "姓名*": "导入队员丙",
                 "加入日期*": "2021-05-05", "离开日期": "2021-01-01"}], "离开日期不能早于加入日期"


class TestTeamOutput(RecordTypeTests):
    from xiezuo.talent.models import TeamOutput as model
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"team": a_team().pk, "kind": "operations", "count": "35", "date": "2021-06-30"}

    def changed_data(self):
        return {**self.valid_data(), "count": "36"}

    def api_data(self):
        return {"team": a_team().pk, "kind": "departments", "count": 1, "date": "2021-07-01"}

    def import_rows(self):
        return [{"团队*": a_team().pk, "成效类型*": "开展手术（例）", "数量*": "12", "日期*": "2021-01-31"},
                {"团队*": a_team().pk, "成效类型*": "新建或提升科室（学科）", "数量*": "1", "日期*": "2021-02-28"}]

    def bad_import_rows(self):
        return [{"团队*": a_team().pk, "成效类型*": "开展手术（例）", "数量*": "-3", "日期*": "2021-03-31"}], "大于或等于0"


class TestCadreTraining(RecordTypeTests):
    from xiezuo.talent.models import CadreTraining as model
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"name": "黔南州基层干部能力提升培训班", "kind": "cadre", "region": "522701000000",
                "helped_region": "522700000000", "host": Organisation.objects.get(name=UNIT).pk,
                "start": "2021-04-12", "end": "2021-04-23", "counted_participants": "40"}

    def changed_data(self):
        return {**self.valid_data(), "counted_participants": "42"}

    def api_data(self):
        return {"name": "接口两地培训班", "kind": "technician", "region": "522701000000",
                "helped_region": "522701000000", "start": "2021-05-10", "end": "2021-05-14"}

    def import_rows(self):
        return [{"培训班名称*": "导入培训班甲", "培训对象": "党政干部", "举办地区*": "522702000000",
                 "受援地区*": "522702000000", "开班日期*": "2021-01-05", "结业日期*": "2021-01-15",
                 "参训人数（未登记名单）": "25"},
                {"培训班名称*": "导入培训班乙", "培训对象": "专业技术人才", "举办地区*": "522701000000",
                 "受援地区*": "522701000000", "开班日期*": "2021-02-05", "结业日期*": "2021-02-06"}]

    def bad_import_rows(self):
        return [{"培训班名称*": "导入培训班丙", "培训对象": "其他", "举办地区*": "522702000000",
                 "受援地区*": "522702000000", "开班日期*": "2021-05-05", "结业日期*": "2021-05-01"}], \
            "结业日期不能早于开班日期"


def a_training():
    from xiezuo.talent.models import CadreTraining

    obj, _ = CadreTraining.objects.get_or_create(name="都匀市两地培训测试班", defaults={
        "kind": "cadre", "region_id": "522701000000", "helped_region_id": "522701000000",
        "start": "2021-01-01", "end": "2021-01-10"})
    return obj


class TestCadreTrainee(RecordTypeTests):
    from xiezuo.talent.models import CadreTrainee as model
    editor, outsider, reader = "qiannan", "bijie_dafang", "leader"

    def valid_data(self):
        return {"training": a_training().pk, "id_number": ident("522701", "19850101", 431), "name": "测试学员",
                "unit": "都匀市农业农村局", "post": "科员"}

    def changed_data(self):
        return {**self.valid_data(), "id_number": "", "post": "副科长"}

    def api_data(self):
        return {"training": a_training().pk, "id_number": ident("522701", "19850101", 432), "name": "接口学员"}

    def import_rows(self):
        return [{"两地培训班*": a_training().pk, "身份证号*": ident("522701", "19850101", 433), "姓名*": "导入学员甲"},
                {"两地培训班*": a_training().pk, "身份证号*": ident("522701", "19850101", 434), "姓名*": "导入学员乙",
                 "工作单位": "都匀市教育局", "职务": "教师"}]

    def bad_import_rows(self):
        return [{"两地培训班*": a_training().pk, "身份证号*": "522701198501014351", "姓名*": "错号学员"}], "身份证号"
