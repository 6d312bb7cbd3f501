"""Rounds of figures (a submitted round is the set of approved records the figure counts, linked, never a copy),
the reporting-rate figures, and the bad input of the issue: a task for a unit outside the issuer's area, a round
with no due units or nothing due, an unknown figure, progress on a closed task, a reminder to a unit that
reported, and two units reporting progress at the same moment (PostgreSQL, real threads)."""

from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
from django.db import connection

from xiezuo.core import figures as registry
from xiezuo.core.services import create_record, transition_record
from xiezuo.partners.models import Organisation
from xiezuo.workplan.models import ProgressReport, ReportingRound, Task
from xiezuo.workplan.progress import TaskBook

D = dt.date.fromisoformat
SASAC = "广州市人民政府国有资产监督管理委员会"
HUANGPU = "广州市黄埔区人民政府"


def org(name: str) -> Organisation:
    return Organisation.objects.get(name=name)


def table(page: str) -> dict[str, list[str]]:
    block = page.split('id="round-completeness"')[1].split("</table>")[0]
    rows = {}
    for tr in block.split("<tr>")[2:]:
        cells = [re.sub(r"<[^>]+>", "", "<td" + c).strip() for c in tr.split("<td")[1:]]
        rows[cells[0]] = cells
    return rows


@pytest.mark.django_db
def test_a_round_of_figures_is_the_set_of_approved_records(login, user):
    from xiezuo.exchange.models import Visit

    province = login("gd_admin")
    due = dt.date.today() + dt.timedelta(days=10)
    response = province.post("/workplan/reportinground/add/", {
        "title": "2018年考察调研情况报送", "issuer": org("广东省东西部协作办公室").pk, "region": "440000000000",
        "period_start": "2018-01-01", "period_end": "2018-12-31", "due_date": str(due),
        "figures": "考察调研次数", "due_units": [org(SASAC).pk, org(HUANGPU).pk]})
    assert response.status_code == 302, response.content.decode()[:3000]
    rnd = ReportingRound.objects.get(title="2018年考察调研情况报送")
    page = province.get(rnd.get_absolute_url()).content.decode()
    assert "<th>考察调研次数（已审核记录）</th>" in page
    rows = table(page)
    # Guangzhou SASAC's approved visits of 2018 are its report: as many as the figure's own list shows.
    spec = registry.FIGURES["exchange.trips"]
    qs, url, _api = registry.records(user("admin"), spec.record_model,
                                     spec.params(registry.Subject("organisation", org(SASAC), D("2018-01-01"),
                                                                  D("2018-12-31")), registry.Options()))
    assert int(rows[SASAC][1]) == qs.count() > 0
    assert rows[SASAC][3] == "按时报送"
    assert f'href="{url.replace("&", "&amp;")}"' in page
    assert rows[HUANGPU][1] == "0" and rows[HUANGPU][3] == "未报（未到截止日期）"

    # Huangpu enters a visit: a draft, then submitted, is not yet reported; approved, it is.
    visit = create_record(Visit, {"name": "黄埔区赴大方县考察（报送测试）", "start_date": D("2018-05-06"),
                                  "organiser": org(HUANGPU)}, user("admin"), m2m={"regions": ["520521000000"]})
    assert table(province.get(rnd.get_absolute_url()).content.decode())[HUANGPU][3] == "未报（未到截止日期）"
    Visit.objects.filter(pk=visit.pk).update(status="approved")
    rows = table(province.get(rnd.get_absolute_url()).content.decode())
    assert rows[HUANGPU][1] == "1" and rows[HUANGPU][3] == "按时报送"
    assert "报送率 100.0%" in province.get(rnd.get_absolute_url()).content.decode()
    # Nothing was copied: the round holds no records of its own.
    assert Visit.objects.filter(name="黄埔区赴大方县考察（报送测试）").count() == 1


@pytest.mark.django_db
def test_round_refusals(login):
    province = login("gd_admin")
    base = {"title": "拒绝测试", "issuer": org("广东省东西部协作办公室").pk, "region": "440000000000",
            "period_start": "2021-01-01", "period_end": "2021-01-31", "due_date": "2021-02-05"}
    page = province.post("/workplan/reportinground/add/", {**base, "figures": "不存在的指标",
                                                          "due_units": [org(SASAC).pk]}).content.decode()
    assert "未知的指标或该指标不能按单位统计：不存在的指标" in page
    page = province.post("/workplan/reportinground/add/", {**base, "due_units": [org(SASAC).pk]}).content.decode()
    assert "请至少填写一种报送的记录类型或一个报送指标" in page
    page = province.post("/workplan/reportinground/add/", {**base, "record_types": "进展报告"}).content.decode()
    assert "填报任务至少要有一个报送单位" in page
    # The API refuses a round with no due units too, in Chinese.
    api = province.post("/api/workplan/reportinground/", {**base, "record_types": "进展报告", "due_units": []},
                        content_type="application/json")
    assert api.status_code == 400 and "due_units" in api.json()
    assert re.search(r"[\u4e00-\u9fff]", str(api.json()["due_units"]))
    assert not ReportingRound.objects.filter(title="拒绝测试").exists()


@pytest.mark.django_db
def test_reporting_rate_figures_read_the_completeness_tables(user):
    admin = user("admin")

    def values(kind, obj):
        return {f.key: f.value for f in registry.figures(admin, registry.Subject(kind, obj),
                                                          keys=["workplan.rounds", "workplan.reporting_rate",
                                                                "workplan.timely_rate"])}
    from xiezuo.geo.models import Region

    # The November 2020 round: in Guangdong, 省人社厅 on time, 广州市人社局 late, 黄埔区 returned.
    assert values("region", Region.objects.get(code="440000000000")) == {
        "workplan.rounds": 1, "workplan.reporting_rate": 66.7, "workplan.timely_rate": 33.3}
    assert values("organisation", org("大方县东西部协作工作办公室")) == {
        "workplan.rounds": 1, "workplan.reporting_rate": 0.0, "workplan.timely_rate": 0.0}
    f = registry.figures(admin, registry.Subject("organisation", org("大方县东西部协作工作办公室")),
                         keys=["workplan.reporting_rate"])[0]
    assert f.url.startswith("/workplan/reportinground/?organisation=")


@pytest.mark.django_db
def test_a_task_for_a_unit_outside_the_issuers_area_is_refused(login):
    guangzhou_city_task = Task.objects.get(title="广州市组织毕节、黔南贫困劳动力来穗就业")
    province = login("gd_admin")  # Guangdong's office: Guizhou's units are partners, not its own area
    response = province.post("/workplan/task/add/", {
        "title": "越权下达的任务", "parent": guangzhou_city_task.pk, "lead_unit": org("黔南州东西部协作办公室").pk,
        "level": "county", "region": "440100000000", "deadline": "2020-12-01"})
    assert response.status_code == 400
    assert "牵头单位“黔南州东西部协作办公室”不在任务下达单位的管辖范围内" in response.content.decode()
    assert not Task.objects.filter(title="越权下达的任务").exists()
    # The same unit may cooperate on a Guangzhou-led task.
    response = province.post("/workplan/task/add/", {
        "title": "广州牵头、黔南配合的任务", "parent": guangzhou_city_task.pk, "lead_unit": org(HUANGPU).pk,
        "cooperating_units": [org("黔南州东西部协作办公室").pk], "level": "county", "region": "440112000000",
        "deadline": "2020-12-01"})
    assert response.status_code == 302, response.content.decode()[:3000]
    # Through the API the same refusal.
    api = login("gd_admin").post("/api/workplan/task/", {
        "title": "越权下达的任务", "lead_unit": org("黔南州东西部协作办公室").pk, "level": "county",
        "region": "440100000000", "deadline": "2030-12-01"}, content_type="application/json")
    assert api.status_code == 400 and "不在任务下达单位的管辖范围内" in str(api.json())
    # And through an import: the row is refused, with its row and column, and nothing is written.
    from django.core.files.uploadedfile import SimpleUploadedFile

    sheet = "任务名称,牵头单位,责任层级,责任地区,完成时限\n越权导入的任务,黔南州东西部协作办公室,县级,440100000000,2030-12-01\n"
    page = province.post("/workplan/task/import/", {"file": SimpleUploadedFile("tasks.csv", sheet.encode())},
                         follow=True).content.decode()
    assert re.search(r"<td>2</td>\s*<td>B</td>\s*<td>牵头单位</td>\s*<td>牵头单位“黔南州东西部协作办公室”不在任务下达单位的"
                     r"管辖范围内", page), page[-3000:]
    assert not Task.objects.filter(title="越权导入的任务").exists()


@pytest.mark.django_db
def test_progress_on_a_closed_task_is_refused_through_the_api(login):
    done = Task.objects.get(title="省级“南粤家政”培训基地招收贵州学员")
    before = ProgressReport.objects.filter(task=done).count()
    api = login("gd_admin").post("/api/workplan/progressreport/", {
        "task": done.pk, "report_date": "2020-12-20", "percent": 100, "content": "再报"},
        content_type="application/json")
    assert api.status_code == 400 and "任务已于 2020-11-20 完成，不能再报告进展" in str(api.json())
    assert ProgressReport.objects.filter(task=done).count() == before


@pytest.mark.django_db(transaction=True)
def test_two_units_reporting_progress_at_once_lose_nothing(django_user_model):
    # PostgreSQL: real row locks between the two writers; SQLite: writers wait for each other (one writer at a
    # time, IMMEDIATE transactions with a busy timeout). Either way nothing may be lost.
    from xiezuo.geo.models import Region

    if not Region.objects.filter(code="440112000000").exists() or not django_user_model.objects.filter(
            username="gd_admin").exists():
        from xiezuo.core.management.commands.demo import load_demo
        from xiezuo.geo.loader import load_regions

        load_regions()
        load_demo()
    admin = django_user_model.objects.get(username="admin")
    parent = create_record(Task, {"title": "并发报告的上级任务", "lead_unit": org("广州市人民政府"), "level": "city",
                                  "region_id": "440100000000", "deadline": D("2031-12-31"), "status": "approved"},
                           admin)
    kids = [create_record(Task, {"title": f"并发报告子任务{i}", "parent": parent, "lead_unit": org(name),
                                 "level": "county", "region_id": code, "deadline": D("2031-12-31"),
                                 "status": "approved"}, admin)
            for i, (name, code) in enumerate([(HUANGPU, "440112000000"), (SASAC, "440100000000")])]
    editors = [django_user_model.objects.get(username=n) for n in ("gd_admin", "gz_sasac")]
    today = dt.date.today()
    for trial in range(5):
        barrier = threading.Barrier(2)
        errors: list = []

        def report(task, who, percent, trial=trial, barrier=barrier, errors=errors):
            try:
                barrier.wait(10)
                r = create_record(ProgressReport, {"task": task, "report_date": today, "percent": percent,
                                                   "content": f"第{trial}轮 {percent}%"}, who)
                transition_record(r, "submit", who)
            except Exception as exc:  # noqa: BLE001  (reported below)
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=report, args=(kids[0], editors[0], 10 * (trial + 1))),
                   threading.Thread(target=report, args=(kids[1], editors[1], 10 * (trial + 2)))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == []
    # Every report of both units is there, and the parent's progress is the mean of both latest reports.
    assert ProgressReport.objects.filter(task__in=kids, status="submitted").count() == 10
    book = TaskBook(today)
    assert book[kids[0].pk].progress == 50 and book[kids[1].pk].progress == 60
    assert book[parent.pk].progress == 55 and book[parent.pk].state_label == "推进中"
