"""The monitoring procedure (防止返贫动态监测): warning → … → county approval, by the right roles, on the pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError

from tests.base import RecordTypeTests, changes_for
from xiezuo.core.models import Job
from xiezuo.core.services import create_record
from xiezuo.registry.choices import MONITORING_OPEN_STAGES, ExitStage, MonitoringStage
from xiezuo.registry.models import ExitProposal, Household, MonitoringCase, PovertyLine, SummaryFigure
from xiezuo.registry.procedure import Procedure, Step, advance
from xiezuo.registry.services import MONITORING, clear_stable_risks, open_monitoring_case

pytestmark = pytest.mark.django_db

EDITOR, APPROVER, READER, OUTSIDER = "bijie_dafang", "admin", "leader", "qiannan"
# Each step of the procedure and the persona whose role takes it.
STEPS = [("visit", EDITOR), ("consent", EDITOR), ("match", EDITOR), ("village_review", EDITOR),
         ("public_notice", EDITOR), ("township_review", APPROVER), ("county_approve", APPROVER)]


def free_household(n: int = 0) -> Household:
    """A 大方县 household with members that is not monitored and has never had a case."""
    return (Household.objects.filter(village__code__startswith="520521", member_count__gt=0, monitoring="",
                                     monitoring_cases__isnull=True).order_by("pk")[n])


def open_case(user, household: Household | None = None, category: str = "marginal", **kwargs) -> MonitoringCase:
    return open_monitoring_case(household or free_household(), user(EDITOR), category, "cadre",
                                "家中主要劳动力务工中断，收入骤减", **kwargs)


def take_steps(case: MonitoringCase, user, until: str, days: dict[str, dt.date] | None = None) -> MonitoringCase:
    """Through the service, each step by its persona, up to and including `until`."""
    for key, who in STEPS:
        case = advance(case, key, user(who), on=(days or {}).get(key), values={"visitor": "王建国"})
        if key == until:
            return case
    raise AssertionError(until)


def step_url(case: MonitoringCase, step: str) -> str:
    return f"/registry/monitoringcase/{case.pk}/step/{step}/"


def step_data(step: str) -> dict:
    return {"visited_on": dt.date.today().isoformat(), "visitor": "王建国"} if step == "visit" else {}


def messages_of(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def monitored_figure(village: str, category: str) -> int:
    fig = SummaryFigure.objects.filter(level=5, region_id=village, dimension="monitoring", value=category).first()
    return fig.households if fig else 0


def test_the_full_procedure_in_order_by_the_right_roles(login, user):
    household = free_household()
    before_village = monitored_figure(household.village_id, "hardship")
    county = household.village_id[:6].ljust(12, "0")
    before_county = SummaryFigure.objects.filter(level=3, region_id=county, dimension="monitoring",
                                                 value="hardship").values_list("households", flat=True).first() or 0

    # The warning, from the household page's button.
    editor = login(EDITOR)
    page = editor.get(household.get_absolute_url()).content.decode()
    assert 'id="open-case"' in page and "预警：开启监测程序" in page
    response = editor.post(f"/registry/household/{household.pk}/monitoring/",
                           {"category": "hardship", "trigger": "application", "risk": "户主突发疾病住院，自付医疗费用约 3 万元"})
    case = MonitoringCase.objects.get(household=household)
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert case.stage == MonitoringStage.WARNED and case.village_id == household.village_id
    assert case.income_per_head == household.income_per_head
    line = PovertyLine.for_village(household.village_id, dt.date.today().year)
    assert case.monitoring_threshold == line.monitoring_threshold
    assert changes_for(case, "create").exists()
    assert case.get_absolute_url() in editor.get(household.get_absolute_url()).content.decode()

    for key, who in STEPS:
        client = login(who)
        shown = client.get(case.get_absolute_url()).content.decode()
        assert step_url(case, key) in shown, f"{who} is offered {key}"
        response = client.post(step_url(case, key), step_data(key))
        assert response.status_code == 302, (key, response.status_code)
        case.refresh_from_db()
        assert case.stage == MONITORING.step(key).target, (key, messages_of(response))

    today = dt.date.today()
    assert (case.visited_on, case.visitor, case.consented_on, case.notice_from, case.decided_on) == (
        today, "王建国", today, today, today)
    household.refresh_from_db()
    assert household.monitoring == "hardship" and household.monitoring_since == today
    assert monitored_figure(household.village_id, "hardship") == before_village + 1
    assert SummaryFigure.objects.get(level=3, region_id=county, dimension="monitoring",
                                     value="hardship").households == before_county + 1
    # A change record for every step, with the stage before and after; one on the household for the approval.
    updates = changes_for(case, "update")
    assert updates.count() == len(STEPS)
    assert all("stage" in c.changes for c in updates)
    assert updates.filter(changes__stage=["乡镇审核通过", "县级审定纳入监测"]).exists()
    assert changes_for(household, "update").filter(note="县级审定纳入防返贫监测").exists()
    # Done: no more buttons, the steps show as done.
    page = login(APPROVER).get(case.get_absolute_url()).content.decode()
    assert "确认：" not in page and 'id="procedure-reject"' not in page
    assert page.count('data-state="done"') == len(STEPS)


def test_a_step_out_of_order_is_refused_with_a_message(login, user):
    case = open_case(user)
    response = login(EDITOR).post(step_url(case, "village_review"))
    assert response.status_code == 302
    assert "监测程序须按 入户核实 → 农户承诺授权 → 数据比对 → 村级评议 → 公示 → 乡镇审核 → 县级审定 的顺序进行" in messages_of(
        response)
    case.refresh_from_db()
    assert case.stage == MonitoringStage.WARNED
    assert not changes_for(case, "update").exists()
    with pytest.raises(ValidationError, match="当前进度：已预警"):
        advance(case, "county_approve", user(APPROVER))


def test_the_visit_needs_who_visited_and_a_date_not_in_the_future(login, user):
    case = open_case(user, warned_on=dt.date.today() - dt.timedelta(days=3))
    client = login(EDITOR)
    assert "核实人" in messages_of(client.post(step_url(case, "visit"), {"visitor": ""}))
    assert "日期格式" in messages_of(client.post(step_url(case, "visit"), {"visitor": "李明", "visited_on": "2024-02-30"}))
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert "不能晚于今天" in messages_of(client.post(step_url(case, "visit"), {"visitor": "李明",
                                                                               "visited_on": tomorrow}))
    before_warning = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    assert "不能早于上一步" in messages_of(client.post(step_url(case, "visit"), {"visitor": "李明",
                                                                                "visited_on": before_warning}))
    case.refresh_from_db()
    assert case.stage == MonitoringStage.WARNED
    yesterday = dt.date.today() - dt.timedelta(days=1)
    client.post(step_url(case, "visit"), {"visitor": "李明", "visited_on": yesterday.isoformat()})
    case.refresh_from_db()
    assert (case.stage, case.visited_on, case.visitor) == (MonitoringStage.VISITED, yesterday, "李明")


def test_an_editor_is_refused_the_approval_steps(login, user):
    case = take_steps(open_case(user), user, "public_notice")
    editor = login(EDITOR)
    page = editor.get(case.get_absolute_url()).content.decode()
    assert step_url(case, "township_review") not in page and 'id="procedure-reject"' not in page
    assert editor.post(step_url(case, "township_review")).status_code == 403
    with pytest.raises(PermissionDenied):
        advance(case, "township_review", user(EDITOR))
    case = advance(case, "township_review", user(APPROVER))
    assert editor.post(step_url(case, "county_approve")).status_code == 403
    with pytest.raises(PermissionDenied):
        advance(case, "county_approve", user(EDITOR))
    case.refresh_from_db()
    assert case.stage == MonitoringStage.TOWNSHIP_REVIEWED
    # Steps kept for services are never taken from the page, not even by an approver.
    assert login(APPROVER).post(step_url(case, "clear_risk")).status_code == 403


def test_rejection_needs_a_reason_and_an_approver(login, user):
    case = take_steps(open_case(user), user, "village_review")
    assert login(EDITOR).post(step_url(case, "reject"), {"reason": "收入达标"}).status_code == 403
    approver = login(APPROVER)
    assert 'id="procedure-reject"' in approver.get(case.get_absolute_url()).content.decode()
    response = approver.post(step_url(case, "reject"), {"reason": "  "})
    assert "不通过时必须填写原因" in messages_of(response)
    case.refresh_from_db()
    assert case.stage == MonitoringStage.VILLAGE_REVIEWED
    approver.post(step_url(case, "reject"), {"reason": "村级评议认为家庭有稳定务工收入"})
    case.refresh_from_db()
    assert case.stage == MonitoringStage.REJECTED and "稳定务工收入" in case.note
    assert changes_for(case, "update").filter(note="村级评议认为家庭有稳定务工收入").exists()
    case.household.refresh_from_db()
    assert case.household.monitoring == ""
    with pytest.raises(PermissionDenied):  # nothing follows a rejection
        advance(case, "reject", user(APPROVER), "再次")
    # A rejected case no longer blocks a new warning.
    assert open_case(user, case.household).stage == MonitoringStage.WARNED


def test_a_second_open_case_is_refused(login, user):
    first = open_case(user)
    household = first.household
    with pytest.raises(ValidationError, match="进行中的监测程序"):
        open_case(user, household, category="hardship")
    response = login(EDITOR).post(f"/registry/household/{household.pk}/monitoring/",
                                  {"category": "unstable", "trigger": "cadre", "risk": "因病"})
    assert response.status_code == 302 and response.url == household.get_absolute_url()
    assert "进行中的监测程序" in messages_of(response)
    assert household.monitoring_cases.count() == 1
    # The database holds the rule too.
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        MonitoringCase.objects.create(household=household, category="hardship", trigger="other", risk="并发")


def test_no_case_for_a_category_the_household_is_already_monitored_in(user):
    case = take_steps(open_case(user, category="marginal"), user, "county_approve")
    household = case.household
    with pytest.raises(ValidationError, match="该户已是边缘易致贫户"):
        open_case(user, household, category="marginal")
    # Another category may be opened; its approval closes the earlier case.
    later = take_steps(open_case(user, household, category="hardship"), user, "county_approve")
    household.refresh_from_db()
    case.refresh_from_db()
    assert household.monitoring == "hardship"
    assert later.stage == MonitoringStage.APPROVED and case.stage == MonitoringStage.SUPERSEDED
    assert "调整为突发严重困难户" in case.note


def test_approval_through_the_page_moves_the_summary_figure(login, user):
    household = free_household(1)
    before = monitored_figure(household.village_id, "unstable")
    case = take_steps(open_case(user, household, category="unstable"), user, "township_review")
    assert monitored_figure(household.village_id, "unstable") == before, "only county approval marks"
    login(APPROVER).post(step_url(case, "county_approve"))
    assert monitored_figure(household.village_id, "unstable") == before + 1
    summary = login(EDITOR).get(f"/registry/summary/{household.village_id[:6]}000000/").content.decode()
    assert "monitoring=unstable" in summary


def test_out_of_area_and_read_only_users(login, user):
    case = take_steps(open_case(user), user, "consent")
    outsider = login(OUTSIDER)
    assert outsider.get(case.get_absolute_url()).status_code == 404
    for key in ("match", "reject", "nonsense"):
        assert outsider.post(step_url(case, key), {"reason": "x"}).status_code == 404
    assert outsider.post(f"/registry/household/{case.household_id}/monitoring/",
                         {"category": "hardship", "trigger": "cadre", "risk": "x"}).status_code == 404
    with pytest.raises(PermissionDenied):
        advance(case, "match", user(OUTSIDER))
    reader = login(READER)
    page = reader.get(case.get_absolute_url()).content.decode()
    assert "数据比对" in page and "确认：" not in page and 'id="procedure-reject"' not in page
    assert 'id="open-case"' not in reader.get(case.household.get_absolute_url()).content.decode()
    assert reader.post(step_url(case, "match")).status_code == 403
    case.refresh_from_db()
    assert case.stage == MonitoringStage.CONSENTED


def test_the_worklist_lists_open_cases_by_village_and_stage(login, user):
    case = take_steps(open_case(user), user, "visit")
    page = login(EDITOR).get("/registry/worklist/").content.decode()
    assert 'id="case-worklist"' in page and case.village.name in page
    assert f"?region={case.village_id}&stage=visited" in page
    assert "已入户核实" in page
    assert case.village.name not in login(OUTSIDER).get("/registry/worklist/").content.decode().split(
        'id="case-worklist"')[1]


def test_risk_cleared_after_the_stable_period_closes_the_case(user):
    household = free_household(2)
    Household.objects.filter(pk=household.pk).update(
        income_wage=Decimal("200000"), g_food=True, g_education=True, g_medical=True, g_housing=True, g_water=True)
    case = open_case(user, household, warned_on=dt.date(2024, 1, 2))
    days = {"visit": dt.date(2024, 1, 3), "consent": dt.date(2024, 1, 4), "public_notice": dt.date(2024, 1, 5),
            "county_approve": dt.date(2024, 1, 10)}
    take_steps(case, user, "county_approve", days)
    household.refresh_from_db()
    assert household.monitoring_since == dt.date(2024, 1, 10)
    only = Household.objects.filter(pk=household.pk)
    assert clear_stable_risks(user(APPROVER), today=dt.date(2024, 5, 1), households=only) == 0
    assert clear_stable_risks(user(APPROVER), today=dt.date(2024, 7, 20), households=only) == 1
    household.refresh_from_db()
    case.refresh_from_db()
    assert household.monitoring == "" and household.monitoring_cleared_on == dt.date(2024, 7, 20)
    assert case.stage == MonitoringStage.CLEARED and "2024-07-20 风险消除" in case.note
    assert changes_for(case, "update").filter(changes__stage=["县级审定纳入监测", "风险已消除"]).exists()


def test_the_household_form_and_api_do_not_mark_monitoring(login, user):
    from tests.registry.test_pages import TestHousehold

    household = free_household()
    data = {**TestHousehold().valid_data(), "number": household.number, "village": household.village_id,
            "monitoring": "hardship", "monitoring_since": "2024-01-01", "version": household.version}
    response = login(EDITOR).post(f"/registry/household/{household.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    household.refresh_from_db()
    assert household.monitoring == "" and household.monitoring_since is None
    api = TestMonitoringCase().api(user, EDITOR)
    household.refresh_from_db()
    api.patch(f"/api/registry/household/{household.pk}/", {"monitoring": "hardship", "version": household.version},
              format="json")
    household.refresh_from_db()
    assert household.monitoring == ""


def test_the_exit_procedure_runs_on_the_same_machinery(login, user):
    household = free_household(3)
    Household.objects.filter(pk=household.pk).update(
        income_per_head=Decimal("9000"), g_food=True, g_education=True, g_medical=True, g_housing=True, g_water=True)
    proposal = create_record(ExitProposal, {"household": Household.objects.get(pk=household.pk), "year": 2024},
                             user(EDITOR))
    editor = login(EDITOR)
    page = editor.get(proposal.get_absolute_url()).content.decode()
    assert "确认：村评议" in page and 'id="procedure-reject"' not in page
    url = f"/registry/exitproposal/{proposal.pk}/step/"
    assert "退出程序须按 村评议 → 公示 → 县级批准 的顺序进行" in messages_of(editor.post(url + "public_notice/"))
    editor.post(url + "village_review/")
    editor.post(url + "public_notice/")
    assert editor.post(url + "county_approve/").status_code == 403
    assert login(OUTSIDER).post(url + "county_approve/").status_code == 404
    login(APPROVER).post(url + "county_approve/")
    proposal.refresh_from_db()
    household.refresh_from_db()
    assert proposal.stage == ExitStage.APPROVED and proposal.notice_from and proposal.decided_on
    assert household.year_exited == 2024


def test_who_proposed_a_case_never_approves_or_rejects_it(login, user):
    """Maker-checker, as for every record: an approver who opened a case takes the village's steps but not the
    approvals nor the rejection: no button, a sentence on the page, a message on a POST, nothing changed."""
    maker = "bijie"  # an approver of 毕节市, 大方县 inside
    case = open_monitoring_case(free_household(5), user(maker), "marginal", "cadre", "务工中断，收入骤减")
    for key, _who in STEPS[:5]:
        case = advance(case, key, user(maker), values={"visitor": "王建国"})
    assert case.stage == MonitoringStage.NOTICED
    with pytest.raises(ValidationError, match="提出人不能批准或否决自己提出的记录"):
        advance(case, "township_review", user(maker))
    with pytest.raises(ValidationError, match="提出人不能批准或否决自己提出的记录"):
        advance(case, "reject", user(maker), "收入达标")
    client = login(maker)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "确认：乡镇审核" not in page and 'id="procedure-reject"' not in page
    assert "此记录由您提出，须由另一位审核员办理这一步。" in page
    response = client.post(step_url(case, "township_review"))
    assert "提出人不能批准或否决自己提出的记录，请由另一位审核员办理。" in messages_of(response)
    response = client.post(step_url(case, "reject"), {"reason": "收入达标"})
    assert "提出人不能批准或否决自己提出的记录" in messages_of(response)
    case.refresh_from_db()
    assert case.stage == MonitoringStage.NOTICED
    # Another approver takes it; the page of someone else's case offers the step.
    assert "确认：乡镇审核" in login(APPROVER).get(case.get_absolute_url()).content.decode()
    assert advance(case, "township_review", user(APPROVER)).stage == MonitoringStage.TOWNSHIP_REVIEWED


def test_the_declaration_is_checked():
    assert MONITORING.open_stages == MONITORING_OPEN_STAGES, "the model's constraint and the steps agree"
    with pytest.raises(ValueError, match="must start where"):
        Procedure(model=MonitoringCase, label="x", rejected="rejected", steps=(
            Step("a", "a", "warned", "visited"), Step("b", "b", "consented", "matched")))
    from xiezuo.registry.procedure import PROCEDURES

    assert PROCEDURES[MonitoringCase] is MONITORING


class TestMonitoringCase(RecordTypeTests):
    """The inherited pages, import, export, API, scope and history tests (data only)."""

    model = MonitoringCase
    editor = EDITOR
    outsider = OUTSIDER
    reader = READER
    approver = APPROVER

    def valid_data(self):
        return {"household": free_household().number, "category": "marginal", "trigger": "cadre",
                "warned_on": "2024-03-01", "risk": "家中主要劳动力务工中断，收入骤减"}

    def changed_data(self):
        return {**self.valid_data(), "trigger": "application", "risk": "务工中断，已申请临时救助"}

    def api_data(self):
        return {"household": free_household().pk, "category": "hardship", "trigger": "department",
                "warned_on": "2024-03-01", "risk": "医保部门预警：自付医疗费用超过 2 万元"}

    def import_rows(self):
        return [{"建档立卡户（户编号）*": free_household(1).number, "拟纳入监测类别*": "边缘易致贫户",
                 "预警来源*": "干部排查", "预警日期*": "2024-03-01", "风险情况*": "因病，医疗支出骤增"},
                {"建档立卡户（户编号）*": free_household(2).number, "拟纳入监测类别*": "突发严重困难户",
                 "预警来源*": "部门筛查预警", "预警日期*": "2024-04-01", "风险情况*": "房屋因灾受损"}]

    def bad_import_rows(self):
        return [{"建档立卡户（户编号）*": "NO-SUCH-HOUSEHOLD", "拟纳入监测类别*": "边缘易致贫户", "预警来源*": "其他",
                 "预警日期*": "2024-03-01", "风险情况*": "因病"}], "未找到户编号"

    def test_a_file_with_two_cases_of_one_household_changes_nothing(self, login):
        rows = self.import_rows()
        rows[1]["建档立卡户（户编号）*"] = rows[0]["建档立卡户（户编号）*"]
        from tests.base import xlsx_bytes

        before = MonitoringCase.objects.count()
        job = self.run_import(login(self.editor), "twice.xlsx", xlsx_bytes(rows))
        assert job.state == Job.State.FAILED
        assert MonitoringCase.objects.count() == before
        assert any(e[0] == 3 and "进行中的监测程序" in e[3] for e in job.errors), job.errors

    def test_the_procedure_facts_are_not_typed(self, login, user):
        case = self.make(user)
        number = case.household.number
        data = {**self.changed_data(), "household": free_household(5).number, "category": "hardship",
                "version": case.version}
        assert login(self.editor).post(self.rt.url("edit", case.pk), data).status_code == 302
        case.refresh_from_db()
        assert case.household.number == number and case.category == "marginal"
        assert case.stage == MonitoringStage.WARNED and case.trigger == "application"
