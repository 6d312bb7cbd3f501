"""The inherited record-type suite for 工作任务 (data only): tests/base.py holds the tests.

Made by `xiezuo startchannel`. Run with `.venv/bin/pytest tests/workplan -q`.
"""

from __future__ import annotations

from tests.base import RecordTypeTests
from xiezuo.partners.models import Organisation
from xiezuo.workplan.models import Task

# Demo organisation in the editor's area (partners/demo.py).
UNIT = "黔南州东西部协作办公室"


class TestTask(RecordTypeTests):
    model = Task
    editor = "qiannan"          # writes inside Qiannan
    outsider = "bijie_dafang"   # Dafang county (Bijie): the record is outside their area
    reader = "leader"           # reads everything, writes nothing

    # --- the data: every method the inherited tests call is here --------------------------------------
    def valid_data(self):
        """Form POST data for a record inside the editor's area."""
        return {"name": "都匀市测试工作任务", "kind": "other", "region": "522701000000",
                "organisations": [Organisation.objects.get(name=UNIT).pk], "date": "2021-03-01",
                "amount": "100000"}

    def changed_data(self):
        return {**self.valid_data(), "name": "都匀市测试工作任务（修订）"}

    def api_data(self):
        return {"name": "接口录入工作任务", "region": "522701000000", "date": "2021-03-02"}

    def import_rows(self):
        """Rows of a good file: Chinese headers (required ones end in *) → values."""
        return [{"名称*": "导入工作任务甲", "地区*": "522702000000", "日期*": "2021-01-05", "类型": "其他"},
                {"名称*": "导入工作任务乙", "地区*": "522701000000", "日期*": "2021-02-05", "参与单位": UNIT,
                 "金额（元）": "1500000"}]

    def bad_import_rows(self):
        """Rows with a problem, and the text the error must contain."""
        return [{"名称*": "导入工作任务丙", "地区*": "522702000000", "日期*": "2021-01-05",
                 "金额（元）": "-5"}], "金额不能为负数"
