"""The inherited record-type suite for the consumption types (data only): tests/base.py holds the tests."""

from __future__ import annotations

import pytest

from tests.base import RecordTypeTests
from xiezuo.consumption.models import Channel, Product, Sale, TourismEvent, TourismPolicy, VisitorFlow
from xiezuo.partners.models import Organisation

# Demo organisations and records in the editor's (Qiannan's) area (partners/demo.py, consumption/demo.py).
OFFICE = "黔南州东西部协作办公室"
TEA_COOP = "都匀市毛尖茶叶专业合作社（演示）"
MARKET = "广州江南果菜批发市场"


def org(name: str) -> int:
    return Organisation.objects.get(name=name).pk


class TestProduct(RecordTypeTests):
    model = Product
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"name": "都匀测试绿茶", "category": "processed", "producer": org(TEA_COOP), "region": "522701000000",
                "mechanism": "purchase", "households": "12", "stage": "county_review", "applied_on": "2020-01-06",
                "reviewed_on": "2020-02-10"}

    def changed_data(self):
        return {**self.valid_data(), "name": "都匀测试绿茶（修订）"}

    def import_rows(self):
        return [{"产品名称*": "导入测试刺梨干", "产品类别*": "加工农产品", "生产经营主体*": TEA_COOP,
                 "申报县*": "522701000000", "带贫机制*": "订单收购（经营性收入）", "认定进度*": "认定",
                 "认定证书编号": "QN-IMP-0001", "认定有效期自": "2020-01-01", "认定有效期至": "2021-12-31"},
                {"产品名称*": "导入测试米酒", "产品类别*": "加工农产品", "生产经营主体*": TEA_COOP,
                 "申报县*": "522701000000", "带贫机制*": "务工就业（工资性收入）", "认定进度*": "申报"}]

    def bad_import_rows(self):
        # The certificate number of a demo product (都匀毛尖茶).
        return [{"产品名称*": "导入测试重复证书", "产品类别*": "初级农产品", "生产经营主体*": TEA_COOP,
                 "申报县*": "522701000000", "带贫机制*": "订单收购（经营性收入）", "认定进度*": "认定",
                 "认定证书编号": "QN-2019-0001", "认定有效期自": "2020-01-01"}], "已用于产品"


class TestChannel(RecordTypeTests):
    model = Channel
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"name": "都匀测试扶贫专柜", "kind": "hall", "operator": org(OFFICE), "region": "522701000000",
                "served_regions": "522700000000", "opened_on": "2020-05-01"}

    def changed_data(self):
        return {**self.valid_data(), "name": "都匀测试扶贫专柜（修订）"}

    def api_data(self):
        return {"name": "接口测试电商店铺", "kind": "ecommerce", "operator": org(OFFICE), "region": "522701000000"}

    def import_rows(self):
        return [{"渠道名称*": "导入测试专馆", "渠道类型*": "专馆专柜", "运营单位*": OFFICE, "所在地区*": "522701000000",
                 "供货地区": "522700000000"},
                {"渠道名称*": "导入测试网店", "渠道类型*": "电商店铺", "运营单位*": OFFICE, "所在地区*": "522702000000"}]

    def bad_import_rows(self):
        return [{"渠道名称*": "导入测试超市", "渠道类型*": "超市", "运营单位*": OFFICE,
                 "所在地区*": "522701000000"}], "不是可选值"


class TestSale(RecordTypeTests):
    model = Sale
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"channel": Channel.objects.get(name=MARKET).pk, "month": "2020-05-01",
                "product": Product.objects.get(name="都匀毛尖茶").pk, "amount": "120000", "quantity": "800",
                "unit": "公斤", "document_no": "TEST-2020-05-01", "reported_by": "channel"}

    def changed_data(self):
        return {**self.valid_data(), "amount": "130000"}

    def api_data(self):
        return {"channel": Channel.objects.get(name=MARKET).pk, "month": "2020-04-01",
                "product": Product.objects.get(name="罗甸火龙果").pk, "amount": "5000", "reported_by": "seller"}

    def import_rows(self):
        return [{"销售渠道*": MARKET, "月份*": "2020-06-01", "产品": "都匀毛尖茶", "金额（元）*": "1000",
                 "发票或合同编号": "IMP-2020-06-1", "报送方*": "渠道（市场）报送"},
                {"销售渠道*": MARKET, "月份*": "2020-06-01", "产品类别": "初级农产品", "产地": "522702000000",
                 "金额（元）*": "5000", "报送方*": "渠道（市场）报送"}]

    def bad_import_rows(self):
        return [{"销售渠道*": MARKET, "月份*": "2020-06-01", "产品": "都匀毛尖茶", "金额（元）*": "-5",
                 "报送方*": "渠道（市场）报送"}], "金额不能为负数"


class TestTourismEvent(RecordTypeTests):
    model = TourismEvent
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"name": "测试旅游专列", "kind": "train", "organisers": [org(OFFICE)], "origin_region": "440100000000",
                "destination_regions": "522722000000", "start_date": "2020-10-01", "end_date": "2020-10-05",
                "tourists": "600"}

    def changed_data(self):
        return {**self.valid_data(), "tourists": "650"}

    def api_data(self):
        return {"name": "接口测试推介会", "kind": "promotion", "origin_region": "440100000000",
                "destination_regions": ["522722000000"], "start_date": "2020-11-01"}

    def import_rows(self):
        return [{"名称*": "导入测试推介会", "类型*": "旅游推介会", "客源地（东部）*": "440100000000",
                 "目的地*": "522700000000", "开始日期*": "2020-09-01"},
                {"名称*": "导入测试包机", "类型*": "旅游包机", "客源地（东部）*": "440300000000",
                 "目的地*": "522722000000", "开始日期*": "2020-09-10", "游客人次": "180"}]

    def bad_import_rows(self):
        return [{"名称*": "导入测试专列", "类型*": "旅游专列", "客源地（东部）*": "440100000000",
                 "目的地*": "522722000000", "开始日期*": "2020-09-10", "结束日期": "2020-09-01"}], "结束日期不能早于开始日期"


class TestVisitorFlow(RecordTypeTests):
    model = VisitorFlow
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"month": "2021-03-01", "region": "522722000000", "origin_region": "440100000000", "groups": "12",
                "visitors": "480"}

    def changed_data(self):
        return {**self.valid_data(), "visitors": "500"}

    def import_rows(self):
        return [{"月份*": "2021-04-01", "目的地（县）*": "522722000000", "客源地（东部）*": "440100000000",
                 "游客人次*": "900"},
                {"月份*": "2021-04-01", "目的地（县）*": "522701000000", "客源地（东部）*": "440100000000",
                 "旅游团队数": "3", "游客人次*": "120"}]

    def bad_import_rows(self):
        return [{"月份*": "2099-04-01", "目的地（县）*": "522722000000", "客源地（东部）*": "440100000000",
                 "游客人次*": "900"}], "尚未到来"


class TestTourismPolicy(RecordTypeTests):
    model = TourismPolicy
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"name": "测试景区优惠", "regions": "522722000000", "places": "小七孔", "beneficiaries": "广东籍游客",
                "benefit": "门票全免", "valid_from": "2021-01-01", "valid_to": "2021-03-31"}

    def changed_data(self):
        return {**self.valid_data(), "benefit": "门票半价"}

    def api_data(self):
        return {"name": "接口测试优惠", "regions": ["522722000000"], "beneficiaries": "广东籍游客", "benefit": "半价",
                "valid_from": "2021-01-01"}

    def import_rows(self):
        return [{"政策名称*": "导入测试优惠", "实施地区*": "522722000000", "优惠对象*": "广东籍游客",
                 "优惠内容*": "门票全免", "开始日期*": "2021-05-01"},
                {"政策名称*": "导入测试优惠二", "实施地区*": "522701000000", "优惠对象*": "广东籍游客",
                 "优惠内容*": "半价", "开始日期*": "2021-06-01", "结束日期": "2021-08-31"}]

    def bad_import_rows(self):
        return [{"政策名称*": "导入测试优惠三", "实施地区*": "522722000000", "优惠对象*": "广东籍游客",
                 "优惠内容*": "半价", "开始日期*": "2021-06-01", "结束日期": "2021-05-01"}], "结束日期不能早于开始日期"


@pytest.mark.django_db
def test_a_certificate_number_repeated_within_one_file_is_refused_at_its_row_and_column(login):
    """The second row's certificate number is refused while writing (the rule asks the rows written before it);
    the message names the column it was read from, as the checks before writing do, and nothing is written."""
    from tests.base import xlsx_bytes
    from xiezuo.core.models import Job

    first = TestProduct().import_rows()[0]
    rows = [{**first, "产品名称*": "导入测试同号甲", "认定证书编号": "QN-IMP-0099"},
            {**first, "产品名称*": "导入测试同号乙", "认定证书编号": "qn-imp-0099"}]
    job = TestProduct().run_import(login("qiannan"), "catalogue.xlsx", xlsx_bytes(rows))
    assert job.state == Job.State.FAILED, job.errors
    letter = "ABCDEFGHIJ"[list(rows[0]).index("认定证书编号")]
    assert [e[:3] for e in job.errors] == [[3, letter, "认定证书编号"]], job.errors
    assert not Product.objects.filter(name__startswith="导入测试同号").exists()
