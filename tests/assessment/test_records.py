"""The inherited record-type suite for 考核目标 (data only): tests/base.py holds the tests."""

from __future__ import annotations

from tests.base import RecordTypeTests
from xiezuo.assessment.models import Indicator, Target
from xiezuo.partners.models import Pairing


def guangzhou_qiannan() -> Pairing:
    return Pairing.objects.get(helper_region="440100000000", helped_region="522700000000")


def indicator(code: str) -> int:
    return Indicator.objects.get(code=code).pk


class TestTarget(RecordTypeTests):
    model = Target
    editor = "qiannan"          # writes inside Qiannan
    outsider = "bijie_dafang"   # Dafang county (Bijie): the record is outside their area
    reader = "leader"           # reads everything, writes nothing

    def valid_data(self):
        return {"pairing": guangzhou_qiannan().pk, "indicator": indicator("T01"), "year": "2021", "value": "12"}

    def changed_data(self):
        return {**self.valid_data(), "value": "15"}

    def api_data(self):
        return {"pairing": guangzhou_qiannan().pk, "indicator": indicator("T02"), "year": 2022, "value": "30"}

    def import_rows(self):
        pk = str(guangzhou_qiannan().pk)
        return [{"结对关系*": pk, "考核指标*": "W01", "年度*": 2023, "目标值*": "5000"},
                {"结对关系*": pk, "考核指标*": "F01", "年度*": 2023, "目标值*": "120000000"}]

    def bad_import_rows(self):
        return [{"结对关系*": str(guangzhou_qiannan().pk), "考核指标*": "W02", "年度*": 2023,
                 "目标值*": "-5"}], "目标值不能为负数"
