"""The working mechanism as a user meets it: computed task states on different days, a parent's progress
from its children, refusals, escalation, the completeness table against a recount, reminders, the home-page
panel of a due unit, notifications, and the overdue table exported to Excel."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.test import Client
from python_calamine import CalamineWorkbook

from xiezuo.core.services import create_record, transition_record
from xiezuo.partners.models import Organisation
from xiezuo.workplan.demo import ROUND_TITLE
from xiezuo.workplan.models import Notification, ProgressReport, ReportingRound, SupervisionNotice, Task
from xiezuo.workplan.progress import TaskBook, reading

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


def task(title: str) -> Task:
    return Task.objects.get(title=title)


def org(name: str) -> Organisation:
    return Organisation.objects.get(name=name)


LABOUR = "落实“广东技工”“粤菜师傅”“南粤家政”工程，帮助贵州贫困劳动力培训就业"
CITY = "广州市组织毕节、黔南贫困劳动力来穗就业"
COUNTY = "大方县组织贫困劳动力赴粤就业"
INDUSTRY = "引导广东企业在毕节、黔南投资建设产业园和产业基地"


def test_state_is_computed_from_dates_and_reports(user):
    admin = user("admin")
    t = create_record(Task, {"title": "测试任务（时间）", "lead_unit": org("黔南州东西部协作办公室"), "level": "county",
                             "region_id": "522701000000", "start_date": D("2021-01-01"), "deadline": D("2021-06-30")},
                      admin)
    assert reading(t, D("2021-03-01")).state_label == "未开始"
    first = create_record(ProgressReport, {"task": t, "report_date": D("2021-03-10"), "percent": 40, "content": "四成"},
                          admin)
    # A draft report is not yet the unit's word.
    assert reading(t, D("2021-03-20")).state_label == "未开始"
    transition_record(first, "submit", admin)
    assert reading(t, D("2021-03-09")).state_label == "未开始"
    assert reading(t, D("2021-03-20")).state_label == "推进中"
    assert reading(t, D("2021-03-20")).progress == 40
    late = reading(t, D("2021-07-05"))
    assert (late.state_label, late.days_overdue) == ("逾期", 5)
    create_record(ProgressReport, {"task": t, "report_date": D("2021-07-10"), "percent": 100, "content": "完成",
                                   "status": "approved"}, admin)
    # The same task on different days.
    assert [reading(t, D(day)).state_label for day in ("2021-03-01", "2021-04-01", "2021-07-09", "2021-07-10")] == \
        ["未开始", "推进中", "逾期", "已完成"]
    # A closed task takes no more progress.
    with pytest.raises(Exception, match="不能再报告进展"):
        create_record(ProgressReport, {"task": t, "report_date": D("2021-08-01"), "percent": 100, "content": "再报"},
                      admin)


def test_parent_progress_is_read_from_its_children(login):
    # Guangzhou's task: chefs 100 %, the district 50 % (its 80 % report was returned), the county 60 %.
    book = TaskBook(D("2020-11-29"))
    city, labour = task(CITY), task(LABOUR)
    assert book[city.pk].progress == round((100 + 50 + 60) / 3) == 70
    assert book[labour.pk].progress == round((100 + 70) / 2) == 85
    assert book[labour.pk].state_label == "推进中"
    # Today, after every deadline: the county never finished, so Guangzhou's and the province's tasks are overdue.
    page = login("gd_admin").get(labour.get_absolute_url()).content.decode()
    assert '<strong id="task-state">逾期</strong>' in page and '<strong id="task-progress">85%</strong>' in page
    assert "由子任务汇总" in page and COUNTY in page and "黄埔区对口帮扶县劳动力来穗就业对接" in page


def test_a_sub_task_carries_out_its_parents_decision(login, user):
    """A district's sub-task entered on the page without a decision takes its parent's (the province's meeting
    requirement, which the district may not even see); another decision is refused, nothing written."""
    from xiezuo.workplan.models import Decision

    city = task(CITY)
    assert city.decision_id is not None
    client = login("gd_admin")
    response = client.post("/workplan/task/add/", {
        "title": "黄埔区来穗就业专场招聘", "parent": city.pk, "lead_unit": org("广州市黄埔区人民政府").pk,
        "level": "county", "region": "440112000000", "deadline": "2020-12-10"})
    assert response.status_code == 302, response.content.decode()[:3000]
    child = task("黄埔区来穗就业专场招聘")
    assert child.decision_id == city.decision_id
    assert str(city.decision) in client.get(child.get_absolute_url()).content.decode()
    other = Decision.objects.exclude(pk=city.decision_id).first()
    response = client.post("/workplan/task/add/", {
        "title": "另选要求的子任务", "parent": city.pk, "decision": other.pk, "lead_unit": org("广州市黄埔区人民政府").pk,
        "level": "county", "region": "440112000000", "deadline": "2020-12-10"})
    assert response.status_code == 400
    assert f"子任务落实上级任务的要求（{city.decision}），不能另选" in response.content.decode()
    assert not Task.objects.filter(title="另选要求的子任务").exists()


def test_refusals_on_the_page(login):
    client = login("gd_admin")
    city = task(CITY)
    response = client.post("/workplan/task/add/", {
        "title": "超期子任务", "parent": city.pk, "lead_unit": org("广州市黄埔区人民政府").pk, "level": "county",
        "region": "440112000000", "deadline": "2021-01-31"})
    assert response.status_code == 400
    assert "子任务的完成时限（2021-01-31）不能晚于上级任务的完成时限（2020-12-15）" in response.content.decode()
    response = client.post("/workplan/progressreport/add/", {
        "task": city.pk, "report_date": "2020-12-01", "percent": "90", "content": "汇总"})
    assert "进度由子任务汇总，请在子任务上报告进展" in response.content.decode()
    done = task("省级“南粤家政”培训基地招收贵州学员")
    response = client.post("/workplan/progressreport/add/", {
        "task": done.pk, "report_date": "2020-12-20", "percent": "100", "content": "再报"})
    assert "任务已于 2020-11-20 完成，不能再报告进展" in response.content.decode()
    response = client.post("/workplan/reportinground/add/", {
        "title": "无报送单位", "issuer": org("广东省东西部协作办公室").pk, "region": "440000000000",
        "period_start": "2021-01-01", "period_end": "2021-01-31", "due_date": "2021-02-05", "record_types": "进展报告"})
    assert "填报任务至少要有一个报送单位" in response.content.decode()
    assert not ReportingRound.objects.filter(title="无报送单位").exists()


def test_escalation_goes_to_the_level_above(login, user):
    county = task(COUNTY)
    bijie = login("bijie")  # 毕节市人民政府: the unit above 大方县's office
    before = Notification.objects.filter(user=user("bijie")).count()
    response = login("gd_admin").post(f"/workplan/task/{county.pk}/escalate/")
    assert response.status_code == 302
    notice = SupervisionNotice.objects.get(task=county, kind="escalation")
    assert notice.addressee == org("毕节市人民政府")
    assert "已逾期" in notice.content and "进度 60%" in notice.content
    assert Notification.objects.filter(user=user("bijie")).count() == before + 1
    page = bijie.get("/").content.decode()
    assert 'nav-item-count">' in page
    listing = bijie.get("/workplan/notifications/").content.decode()
    assert "升级督办：大方县组织贫困劳动力赴粤就业" in listing
    # A task that is not overdue cannot be escalated.
    done = task(INDUSTRY)
    response = login("gd_admin").post(f"/workplan/task/{done.pk}/escalate/", follow=True)
    assert "只有逾期任务才能升级督办" in response.content.decode()
    assert not SupervisionNotice.objects.filter(task=done).exists()


def recount(rnd, unit) -> tuple[int, int]:
    """Reported and returned progress reports of a unit in the round's period, counted without the machinery."""
    reported = returned = 0
    for r in ProgressReport.objects.select_related("task__lead_unit", "task__supervisor"):
        units = [r.task.lead_unit, r.task.supervisor, *r.task.cooperating_units.all()]
        if not any(u is not None and u.path.startswith(unit.path) for u in units):
            continue
        if not rnd.period_start <= r.report_date <= rnd.period_end:
            continue
        reported += r.status in ("submitted", "approved")
        returned += r.status == "returned"
    return reported, returned


def test_completeness_table_matches_a_recount(login):
    rnd = ReportingRound.objects.get(title=ROUND_TITLE)
    page = login("gd_admin").get(rnd.get_absolute_url()).content.decode()
    table = page.split('id="round-completeness"')[1].split("</table>")[0]
    rows = {}
    for tr in table.split("<tr>")[2:]:
        cells = [re.sub(r"<[^>]+>", "", "<td" + c).strip() for c in tr.split("<td")[1:]]
        rows[cells[0]] = cells
    expected = {"广东省人力资源和社会保障厅": "按时报送", "广州市人力资源和社会保障局": "迟报",
                "广州市黄埔区人民政府": "被退回", "大方县东西部协作工作办公室": "逾期未报"}
    assert {name: cells[3] for name, cells in rows.items()} == expected
    for name in expected:
        reported, _returned = recount(rnd, org(name))
        assert int(rows[name][1]) == reported, name
    assert recount(rnd, org("广州市黄埔区人民政府")) == (0, 1)
    assert "应报单位 4 · 已报 2（按时 1，迟报 1）· 被退回 1 · 逾期未报 1 · 报送率 50.0% · 及时率 25.0%" in page


def test_reminder_to_a_late_unit_and_not_to_one_that_reported(login, user):
    rnd = ReportingRound.objects.get(title=ROUND_TITLE)
    admin = login("gd_admin")
    before = Notification.objects.filter(user=user("bijie_dafang"), kind="reminder").count()
    admin.post(f"/workplan/reportinground/{rnd.pk}/remind/{org('大方县东西部协作工作办公室').pk}/")
    assert Notification.objects.filter(user=user("bijie_dafang"), kind="reminder").count() == before + 1
    response = admin.post(f"/workplan/reportinground/{rnd.pk}/remind/{org('广东省人力资源和社会保障厅').pk}/",
                          follow=True)
    assert "“广东省人力资源和社会保障厅”已报送，无需催报" in response.content.decode()
    assert login("bijie_dafang").get("/workplan/notifications/").content.decode().count("催报：" + ROUND_TITLE) >= 1


def test_home_page_panel_of_a_due_unit(login):
    page = login("bijie_dafang").get("/").content.decode()
    panel = page.split('id="workplan-home"')[1].split("</div></div>")[0]
    assert ROUND_TITLE in panel and "逾期未报" in panel
    assert COUNTY in panel and "逾期" in panel
    # A unit that owes nothing sees no panel.
    assert 'id="workplan-home"' not in login("qiannan").get("/").content.decode()


def test_supervision_notice_and_round_notify_their_units(user):
    dafang = user("bijie_dafang")
    titles = list(Notification.objects.filter(user=dafang).values_list("title", flat=True))
    assert any(t.startswith("督办：大方县组织贫困劳动力赴粤就业") for t in titles)
    assert any(t.startswith("新的填报任务：" + ROUND_TITLE) for t in titles)


def test_return_notifies_the_person_who_entered_it(login, user):
    qiannan = user("qiannan")
    t = create_record(Task, {"title": "退回通知测试", "lead_unit": org("黔南州东西部协作办公室"), "level": "county",
                             "region_id": "522701000000", "deadline": D("2030-01-31")}, qiannan)
    transition_record(t, "submit", qiannan)
    transition_record(t, "return", user("admin"), reason="牵头单位有误")
    note = Notification.objects.get(user=qiannan, kind="returned", title="已退回：退回通知测试")
    assert note.body == "退回原因：牵头单位有误"
    page = login("qiannan").get("/workplan/notifications/").content.decode()
    assert "退回原因：牵头单位有误" in page


def test_overdue_tasks_export_to_excel(login):
    today = dt.date.today()
    page = login("gd_admin").get("/workplan/overdue/").content.decode()
    assert COUNTY in page and LABOUR in page and INDUSTRY not in page
    response = login("gd_admin").get("/workplan/overdue/?format=xlsx")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content))) \
        .get_sheet_by_index(0).to_python()
    assert rows[0][:9] == ["任务名称", "牵头单位", "责任层级", "责任地区", "上级任务", "完成时限", "逾期天数",
                           "完成进度（%）", "督办次数"]
    by_title = {r[0]: r for r in rows[1:]}
    assert set(by_title) == {LABOUR, CITY, COUNTY, "黄埔区对口帮扶县劳动力来穗就业对接"}
    county = by_title[COUNTY]
    assert county[1] == "大方县东西部协作工作办公室" and county[2] == "县级" and county[4] == CITY
    assert int(county[6]) == (today - D("2020-11-30")).days and int(county[7]) == 60 and int(county[8]) == 1
    # Dafang's office sees its own overdue task only; the region page of Guangdong links the table.
    mine = login("bijie_dafang").get("/workplan/overdue/?format=xlsx")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(mine.streaming_content))).get_sheet_by_index(0) \
        .to_python()
    assert [r[0] for r in rows[1:]] == [COUNTY]
    # The task list filters by today's state too (and its own export follows the filter); so does the API.
    listing = login("gd_admin").get("/workplan/task/?state=overdue").content.decode()
    assert COUNTY in listing and INDUSTRY not in listing
    api = login("gd_admin").get("/api/workplan/task/?state=overdue").json()
    results = api["results"] if isinstance(api, dict) else api
    assert {r["title"] for r in results} == set(by_title) and {r["state"] for r in results} == {"逾期"}
    region = login("gd_admin").get("/geo/regions/440000000000/").content.decode()
    assert "/workplan/region/440000000000/overdue/" in region


def test_a_units_page_lists_its_tasks_by_state(login):
    page = login("gd_admin").get(org("广东省人力资源和社会保障厅").get_absolute_url()).content.decode()
    block = page.split('id="unit-tasks"')[1]
    assert "逾期（1）" in block and "已完成（1）" in block
    assert block.index("逾期（1）") < block.index(LABOUR) < block.index("已完成（1）")


def test_task_figures_on_an_organisation(user):
    from xiezuo.core import figures as registry

    subject = registry.Subject("organisation", org("广东省人力资源和社会保障厅"))
    values = {f.key: f.value for f in registry.figures(user("admin"), subject)}
    assert (values["workplan.tasks"], values["workplan.tasks_done"], values["workplan.tasks_overdue"]) == (2, 1, 1)


def test_a_submitted_record_waits_in_its_reviewers_notifications(user):
    dafang = user("bijie_dafang")
    t = create_record(Task, {"title": "待审核通知测试", "lead_unit": org("大方县东西部协作工作办公室"), "level": "county",
                             "region_id": "520521000000", "deadline": D("2030-01-31")}, dafang)
    transition_record(t, "submit", dafang)
    waiting = set(Notification.objects.filter(kind="waiting", title="待审核：待审核通知测试")
                  .values_list("user__username", flat=True))
    # Bijie's approver holds the county's record at the level above it; the submitter and Qiannan do not.
    assert "bijie" in waiting and "bijie_dafang" not in waiting and "qiannan" not in waiting


def test_province_breaks_down_the_labour_requirement_and_guangzhou_reports(login):
    """The walk the issue describes, through the pages: the province gives Guangzhou a task, Guangzhou reports,
    the province sees the task move from 未开始 to 推进中 to 已完成."""
    from xiezuo.workplan.models import Decision

    province, guangzhou = login("gd_admin"), login("gz_sasac")
    labour = Decision.objects.get(title="加大劳务协作力度")
    response = province.post("/workplan/task/add/", {
        "decision": labour.pk, "title": "广州市国资委组织监管企业吸纳贵州劳动力就业", "level": "city",
        "lead_unit": org("广州市人民政府国有资产监督管理委员会").pk, "region": "440100000000",
        "deadline": str(dt.date.today() + dt.timedelta(days=365)), "annual_target": "吸纳贵州劳动力就业 200 人"})
    assert response.status_code == 302, response.content.decode()[:2000]
    t = Task.objects.get(title="广州市国资委组织监管企业吸纳贵州劳动力就业")
    assert '<strong id="task-state">未开始</strong>' in province.get(t.get_absolute_url()).content.decode()
    # Guangzhou SASAC sees its task on its own page and reports progress.
    assert "报告进展" in guangzhou.get(t.get_absolute_url()).content.decode()
    today = dt.date.today()
    future = guangzhou.post("/workplan/progressreport/add/", {
        "task": t.pk, "report_date": str(today + dt.timedelta(days=1)), "percent": "10", "content": "明天的进展"})
    assert "报告日期不能晚于今天" in future.content.decode()
    for day, percent in ((today - dt.timedelta(days=30), 40), (today, 100)):
        response = guangzhou.post("/workplan/progressreport/add/", {
            "task": t.pk, "report_date": str(day), "percent": str(percent), "content": f"已完成{percent}%"})
        assert response.status_code == 302, response.content.decode()[:2000]
        report = ProgressReport.objects.get(task=t, report_date=day)
        # Not counted while a draft; counted once submitted.
        guangzhou.post(f"/workplan/progressreport/{report.pk}/submit/")
        report.refresh_from_db()
        assert report.status == "submitted"
        state = "推进中" if percent < 100 else "已完成"
        page = province.get(t.get_absolute_url()).content.decode()
        assert f'<strong id="task-state">{state}</strong>' in page
        assert f'<strong id="task-progress">{percent}%</strong>' in page
    assert '<td class="task-state">已完成</td>' in province.get(labour.get_absolute_url()).content.decode()


def test_annual_plan_target_reads_the_figure_of_approved_records(login, user):
    from xiezuo.exchange.models import Visit
    from xiezuo.partners.models import Pairing

    pairing = Pairing.objects.get(helper_region_id="440100000000", helped_region_id="522700000000")

    def trips_cell() -> tuple[str, str]:
        page = login("gd_admin").get(pairing.get_absolute_url()).content.decode()
        panel = page.split('id="plan-targets"')[1].split("</table>")[0]
        row = next(r for r in panel.split("<tr>") if "考察调研次数" in r and "2019" in r)
        cells = [re.sub(r"<[^>]+>", "", "<td" + c).strip() for c in row.split("<td")[1:]]
        return cells[3], cells[4]

    before, _rate = trips_cell()
    visit = create_record(Visit, {"name": "广州市国资委赴都匀对接（年度协议测试）", "start_date": D("2019-06-01"),
                                  "organiser": org("广州市人民政府国有资产监督管理委员会")}, user("admin"),
                          m2m={"regions": ["522701000000"]})
    assert trips_cell()[0] == before, "a draft visit is not counted"
    Visit.objects.filter(pk=visit.pk).update(status="approved")
    value, rate = trips_cell()
    assert int(value) == int(before) + 1
    assert rate == f"{round(100 * int(value) / 4, 1)}%"


def account(username: str, unit: str, region: str, role: str = "editor"):
    from xiezuo.partners.services import create_account

    return create_account(username, "x", role=role, region_codes=[region], organisation=unit)


HUANGPU = "黄埔区对口帮扶县劳动力来穗就业对接"


def test_an_escalation_never_lands_on_the_unit_that_issues_it(login, user):
    # 黄埔区's task is supervised by 广州市人民政府, the unit above 黄埔区: the province escalates it to Guangzhou.
    district = task(HUANGPU)
    response = login("gd_admin").post(f"/workplan/task/{district.pk}/escalate/")
    assert response.status_code == 302
    notice = SupervisionNotice.objects.get(task=district, kind="escalation")
    assert notice.issuer == org("广东省东西部协作办公室")
    assert notice.addressee == org("广州市人民政府")
    # Guangzhou itself has no unit above it to escalate to: refused, nothing written.
    account("gz_city_office", "广州市人民政府", "440100000000")
    response = login("gz_city_office").post(f"/workplan/task/{district.pk}/escalate/", follow=True)
    assert "就是督办单位本身，没有更上一级单位，无法升级督办" in response.content.decode()
    assert SupervisionNotice.objects.filter(task=district, kind="escalation").count() == 1


def test_a_round_due_from_a_unit_and_the_unit_above_it_notifies_each_person_once(user):
    account("huangpu_office", "广州市黄埔区人民政府", "440112000000")
    create_record(ReportingRound, {
        "title": "通知去重测试月报", "issuer": org("广东省东西部协作办公室"), "region_id": "440000000000",
        "period_start": D("2021-01-01"), "period_end": D("2021-01-31"), "due_date": D("2021-02-05"),
        "record_types": "进展报告"}, user("gd_admin"),
        m2m={"due_units": [org("广州市人民政府"), org("广州市黄埔区人民政府")]})
    assert Notification.objects.filter(user=user("huangpu_office"), title__startswith="新的填报任务：通知去重测试月报") \
        .count() == 1


def test_a_reminder_to_a_unit_without_accounts_is_refused(login):
    rnd = ReportingRound.objects.get(title=ROUND_TITLE)
    unit = org("广州市黄埔区人民政府")  # 被退回, and no user of the demo belongs to it
    before = Notification.objects.filter(event__startswith=f"reminder:{rnd.pk}:{unit.pk}:").count()
    response = login("gd_admin").post(f"/workplan/reportinground/{rnd.pk}/remind/{unit.pk}/", follow=True)
    assert "“广州市黄埔区人民政府”还没有用户账号，催报无法送达" in response.content.decode()
    assert Notification.objects.filter(event__startswith=f"reminder:{rnd.pk}:{unit.pk}:").count() == before


def test_a_progress_reports_evidence_is_shown_on_its_page_and_the_tasks(login, user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    t = create_record(Task, {"title": "佐证材料测试任务", "lead_unit": org("广东省东西部协作办公室"), "level": "province",
                             "region_id": "440000000000", "deadline": D("2030-06-30")}, user("gd_admin"))
    province = login("gd_admin")
    evidence = SimpleUploadedFile("招聘会签到表.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
    response = province.post("/workplan/progressreport/add/", {
        "task": t.pk, "report_date": dt.date.today().isoformat(), "percent": 30, "content": "举办招聘会一场",
        "attachment": evidence})
    assert response.status_code == 302
    report = ProgressReport.objects.get(task=t)
    assert report.attachment.name.endswith(".pdf")
    page = province.get(report.get_absolute_url()).content.decode()
    address = f"/workplan/progressreport/{report.pk}/file/attachment/"
    assert f'href="{address}"' in page and report.attachment.url not in page
    assert f'class="report-evidence" href="{address}"' in province.get(t.get_absolute_url()).content.decode()
    # The file comes through the record: its readers get it, a reader outside its area gets a 404 like the
    # record's own page, as does a field that holds no file.
    answer = province.get(address)
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == b"%PDF-1.4 evidence"
    assert "attachment" in answer["Content-Disposition"]
    assert login("bijie_dafang").get(report.get_absolute_url()).status_code == 404
    assert login("bijie_dafang").get(address).status_code == 404
    assert province.get(f"/workplan/progressreport/{report.pk}/file/content/").status_code == 404
    assert province.get(f"/workplan/progressreport/{report.pk}/file/nonesuch/").status_code == 404
    assert Client().get(address).status_code == 302  # signed out: to the sign-in page
