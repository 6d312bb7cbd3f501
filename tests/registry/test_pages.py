"""Record pages, scope, masking, screening → gaps → exit and summaries (monitoring: test_monitoring.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.base import RecordTypeTests, changes_for
from xiezuo.core.models import ChangeRecord, Job
from xiezuo.core.services import create_record
from xiezuo.registry.models import (
    ExitProposal,
    Gap,
    Household,
    Member,
    Screening,
    ScreeningRound,
    SummaryFigure,
)
from xiezuo.registry.services import advance_exit

from .helpers import COL, DAFANG, csv_bytes, registry_rows

pytestmark = pytest.mark.django_db


class TestHousehold(RecordTypeTests):
    """The generic page, API, export, scope and history tests; the import is the registry's own (below)."""

    model = Household
    editor = "bijie_dafang"
    outsider = "qiannan"
    reader = "leader"

    def valid_data(self):
        return {"number": "TEST-5205210001", "village": DAFANG[0], "attribute": "general", "main_cause": "illness",
                "other_causes": "缺技术、缺资金", "income_wage": "12000", "income_business": "0",
                "income_transfer": "2400.50", "income_property": "0", "costs": "800", "year_identified": "2016",
                "water_safe": "true", "helper_name": "张帮扶"}

    def changed_data(self):
        return {**self.valid_data(), "attribute": "dibao", "helper_name": "李帮扶"}

    def test_import_good_file(self, login):  # noqa: D102  (the registry import, checked in test_import.py)
        rows = registry_rows(8)
        response = login(self.editor).post(self.rt.url("import"), {"file": SimpleUploadedFile("a.csv", csv_bytes(rows))})
        job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
        assert job.state == Job.State.SUCCEEDED, job.errors
        assert Household.objects.filter(import_job=job).count() == len({r[0] for r in rows})
        assert ChangeRecord.objects.filter(job=job, action="import").exists()

    def test_import_bad_file_changes_nothing(self, login):
        rows = registry_rows(8)
        rows[0][COL["村代码"]] = "999999999999"
        response = login(self.editor).post(self.rt.url("import"), {"file": SimpleUploadedFile("a.csv", csv_bytes(rows))})
        job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
        assert job.state == Job.State.FAILED and job.error_file
        assert not Household.objects.filter(number=rows[1][0]).exists()

    def test_import_missing_required_column(self, login):
        text = "户编号,姓名,身份证号,与户主关系\nX1,张三,520521198001010011,户主\n".encode()
        response = login(self.editor).post(self.rt.url("import"), {"file": SimpleUploadedFile("m.csv", text)})
        job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
        assert job.state == Job.State.FAILED and "缺少必填列：村代码、户属性、主要致贫原因、识别年度" in job.message


def test_income_per_head_and_summary_follow_edits(login, user):
    household = _household(user, "EDIT-1")
    client = login("bijie_dafang")
    response = client.post("/registry/member/add/", {"household": "EDIT-1", "name": "王小明", "relation": "head",
                                                     "id_number": "520521198001010038"[:17] + "x"})
    assert response.status_code in (302, 400)
    from xiezuo.core.idcard import check_char

    number = "52052119800101003"
    number += check_char(number)
    response = client.post("/registry/member/add/", {"household": "EDIT-1", "name": "王小明", "relation": "head",
                                                     "id_number": number.lower().replace("x", "ｘ")})
    assert response.status_code == 302, response.content.decode()[:2000]
    household.refresh_from_db()
    assert household.member_count == 1 and household.head_name == "王小明"
    assert household.income_per_head == Decimal("13600.50")
    fig = SummaryFigure.objects.get(level=5, region_id=DAFANG[1], dimension="total")
    assert fig.households >= 1 and fig.members >= 1
    # The same person cannot join a second household.
    _household(user, "EDIT-2")
    again = client.post("/registry/member/add/", {"household": "EDIT-2", "name": "王小明", "relation": "head",
                                                  "id_number": number})
    assert again.status_code == 400 and "一人不能同时属于两户" in again.content.decode()


def _household(user, number: str) -> Household:
    data = TestHousehold().valid_data()
    return create_record(Household, {
        "number": number, "village_id": DAFANG[1], "attribute": "general", "main_cause": "illness",
        "income_wage": Decimal(data["income_wage"]), "income_transfer": Decimal("2400.50"), "costs": Decimal("800"),
        "year_identified": 2016}, user("bijie_dafang"))


def test_id_numbers_are_masked_and_every_reveal_is_logged(login, user):
    member = Member.objects.filter(village__code__startswith="520521").select_related("person").first()
    full = member.person.id_number
    for who in ("bijie_dafang", "admin"):
        page = login(who).get(f"/registry/member/{member.pk}/").content.decode()
        assert full not in page and member.id_masked in page
    assert full not in login("bijie_dafang").get(f"/api/registry/member/{member.pk}/").content.decode()
    assert login("bijie_dafang").post(f"/registry/member/{member.pk}/reveal/").status_code == 403
    assert login("qiannan").post(f"/registry/member/{member.pk}/reveal/").status_code == 404
    shown = login("admin").post(f"/registry/member/{member.pk}/reveal/")
    assert shown.status_code == 200 and full in shown.content.decode()
    assert ChangeRecord.objects.filter(action="view_id", object_id=str(member.pk), user=user("admin")).exists()


def test_summary_pages_are_scoped_and_link_to_their_records(login):
    client = login("bijie_dafang")
    page = client.get("/registry/summary/520500000000/").content.decode()
    assert "大方县" in page and "七星关区" not in page
    assert "/registry/household/?region=520521" in page
    assert login("qiannan").get("/registry/summary/520521000000/").status_code == 404
    total = SummaryFigure.objects.get(level=3, region_id="520521000000", dimension="total").households
    listing = client.get("/registry/household/?region=520521").content.decode()
    assert f"共 {total} 条" in listing
    export = client.get("/registry/summary/520521000000/?format=xlsx")
    assert export.status_code == 200 and export["Content-Disposition"].startswith("attachment")


def test_screening_opens_gaps_exit_goes_through_its_steps(login, user):
    editor, approver = user("bijie_dafang"), user("admin")
    household = Household.objects.filter(village__code__startswith="520521", year_exited__isnull=True,
                                         member_count__gt=0).first()
    round_ = ScreeningRound.objects.filter(region_id="520521000000").first()
    Screening.objects.filter(household=household).delete()
    create_record(Screening, {"round": round_, "household": household, "housing": False, "checker": "李明",
                              "checked_on": dt.date(2024, 3, 1), "evidence": "入户"}, editor)
    household.refresh_from_db()
    assert household.g_housing is False and household.g_food is True
    gap = Gap.objects.get(household=household, guarantee="housing", resolved_on__isnull=True)
    assert household.village.name in login("bijie_dafang").get("/registry/worklist/").content.decode()
    Household.objects.filter(pk=household.pk).update(income_per_head=Decimal("9000"))
    with pytest.raises(ValidationError, match="两不愁三保障"):
        create_record(ExitProposal, {"household": household, "year": 2024}, editor)
    round2 = create_record(ScreeningRound, {"name": "复查", "region_id": "520521000000", "year": 2024,
                                            "started_on": dt.date(2024, 4, 1)}, editor)
    create_record(Screening, {"round": round2, "household": household, "checker": "李明",
                              "checked_on": dt.date(2024, 4, 2)}, editor)
    gap.refresh_from_db()
    assert gap.resolved_on == dt.date(2024, 4, 2)
    household.refresh_from_db()
    proposal = create_record(ExitProposal, {"household": household, "year": 2024}, editor)
    with pytest.raises(ValidationError):
        advance_exit(proposal, "county_approve", approver)  # steps keep their order
    advance_exit(proposal, "village_review", editor)
    advance_exit(proposal, "public_notice", editor)
    with pytest.raises(PermissionDenied):
        advance_exit(proposal, "county_approve", editor)  # an editor cannot approve
    advance_exit(proposal, "county_approve", approver)
    household.refresh_from_db()
    assert household.year_exited == 2024
    assert changes_for(proposal, "update").count() == 3



def test_the_worklist_names_each_monitoring_category_with_its_count(login):
    """The list of monitored households on the worklist: the category's name and how many, linked to the list."""
    import re

    from xiezuo.registry.choices import Monitoring

    monitored = Household.objects.filter(village__code__startswith="520521").exclude(monitoring="")
    assert monitored.exists(), "the demo data has monitored households"
    page = login("bijie_dafang").get("/registry/worklist/").content.decode()
    for value, label in Monitoring.choices:
        n = monitored.filter(monitoring=value).count()
        if n:
            assert re.search(rf"monitoring={value}[^>]*>{label}</a>：{n} 户", page), label
    assert "{&#x27;" not in page and "{'" not in page
