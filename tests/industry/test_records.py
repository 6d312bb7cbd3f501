"""The inherited record-type suite for projects, fund allocations and disbursements (data only)."""

from __future__ import annotations

from tests.base import RecordTypeTests
from xiezuo.industry.models import FundAllocation, FundDisbursement, Project
from xiezuo.partners.models import Organisation, Pairing

INVESTOR = "（演示）广州山海食品有限公司"


def guangzhou_qiannan() -> Pairing:
    return Pairing.objects.get(helper_region="440100000000", helped_region="522700000000")


def duyun_allocation() -> FundAllocation:
    return FundAllocation.objects.get(pairing=guangzhou_qiannan(), year=2019, region="522701000000")


def duyun_project() -> Project:
    return Project.objects.filter(region__code__startswith="522701").order_by("pk").first()


def bijie_allocation() -> FundAllocation:
    """Money of Guangzhou → Bijie for one Bijie county: outside qiannan's area."""
    return FundAllocation.objects.filter(pairing__helped_region="520500000000", region__isnull=False,
                                         year=2019).order_by("pk").first()


class TestProject(RecordTypeTests):
    model = Project
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"name": "都匀市测试茶叶加工厂", "kind": "factory", "stage": "started", "region": "522701000000",
                "sector": "food", "agreed_on": "2021-03-01", "signed_on": "2021-04-01", "started_on": "2021-06-01",
                "investors": [Organisation.objects.get(name=INVESTOR).pk], "planned_investment": "50000000",
                "actual_investment": "20000000", "jobs_created": "120", "poor_employed": "60",
                "date_precision": "day"}

    def changed_data(self):
        return {**self.valid_data(), "jobs_created": "150"}

    def api_data(self):
        return {"name": "接口录入项目", "region": "522701000000", "agreed_on": "2021-03-01",
                "investors": [Organisation.objects.get(name=INVESTOR).pk], "actual_investment": "100000"}

    def import_rows(self):
        return [{"项目名称*": "导入项目甲", "项目地点（县、乡或村）*": "522702000000", "确定日期*": "2021-01-05",
                 "项目类型": "帮扶车间", "投资企业": INVESTOR, "实际投资（元）": "1500000", "项目进展": "已开工",
                 "开工日期": "2021-03-01"},
                {"项目名称*": "导入项目乙", "项目地点（县、乡或村）*": "522701000000", "确定日期*": "2021-02-05",
                 "其他进展节点": "2021-06-01 完成选址"}]

    def bad_import_rows(self):
        return [{"项目名称*": "导入项目丙", "项目地点（县、乡或村）*": "522702000000", "确定日期*": "2021-01-05",
                 "实际投资（元）": "800000"}], "没有填写投资企业"


class TestFundAllocation(RecordTypeTests):
    model = FundAllocation
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"pairing": guangzhou_qiannan().pk, "year": "2021", "region": "522722000000",
                "allocated": "30000000", "social_donations": "2000000"}

    def changed_data(self):
        return {**self.valid_data(), "allocated": "32000000"}

    def api_data(self):
        return {"pairing": guangzhou_qiannan().pk, "year": 2022, "region": "522723000000", "allocated": "1000000"}

    def import_rows(self):
        pk = str(guangzhou_qiannan().pk)
        return [{"结对关系*": pk, "年度*": 2023, "下达地区": "522725000000", "下达资金（元）*": "10000000"},
                {"结对关系*": pk, "年度*": 2023, "下达地区": "522726000000", "下达资金（元）*": "12000000",
                 "社会捐赠（元）": "500000"}]

    def bad_import_rows(self):
        # A region qiannan may name (Guangzhou's, a partner) but outside the pairing's helped side.
        return [{"结对关系*": str(guangzhou_qiannan().pk), "年度*": 2023, "下达地区": "440103000000",
                 "下达资金（元）*": "10000000"}], "下达地区应在受援方"


class TestFundDisbursement(RecordTypeTests):
    model = FundDisbursement
    editor = "qiannan"
    outsider = "bijie_dafang"
    reader = "leader"

    def valid_data(self):
        return {"allocation": duyun_allocation().pk, "project": duyun_project().pk, "date": "2019-08-01",
                "amount": "1000"}

    def changed_data(self):
        return {**self.valid_data(), "amount": "1500"}

    def import_rows(self):
        return [{"资金下达*": duyun_allocation().name, "项目*": str(duyun_project().pk), "拨付日期*": "2019-09-01",
                 "拨付金额（元）*": "200"},
                {"资金下达*": str(duyun_allocation().pk), "项目*": str(duyun_project().pk), "拨付日期*": "2019-10-01",
                 "拨付金额（元）*": "300"}]

    def outside_data(self):  # an allocation and a project of the same Bijie county, both outside the area
        allocation = bijie_allocation()
        project = Project.objects.filter(region__code__startswith=allocation.region_id[:6]).order_by("pk").first()
        return {**self.valid_data(), "allocation": allocation.pk, "project": project.pk}

    def api_outside_data(self):
        return {**self.api_data(), **{k: v for k, v in self.outside_data().items() if k in ("allocation", "project")}}

    def bad_import_rows(self):
        return [{"资金下达*": duyun_allocation().name, "项目*": str(duyun_project().pk), "拨付日期*": "2019-11-01",
                 "拨付金额（元）*": "999999999"}], "拨付超出下达资金"
