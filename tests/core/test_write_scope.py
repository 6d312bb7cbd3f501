"""Writes are gated like reads: nothing is created in, moved to or linked to another area, and nothing a user is
shown (a message, a choice, a history entry, a link) names a row outside their area. The demo cases of issue 10."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.base import csv_bytes, upload
from tests.registry.helpers import DAFANG, QIANNAN
from xiezuo.core.idcard import check_char
from xiezuo.core.models import ChangeRecord, Job
from xiezuo.core.scope import OUT_OF_SCOPE_LABEL, OutOfScope
from xiezuo.core.services import create_record
from xiezuo.exchange.demo import SASAC_2018
from xiezuo.exchange.models import Visit
from xiezuo.industry.models import FundAllocation
from xiezuo.partners.models import Organisation
from xiezuo.registry.models import Household, Member, ScreeningRound

pytestmark = pytest.mark.django_db

GUANGZHOU_VILLAGE = "440103001001"  # a village of 荔湾区: a partner of Bijie's offices, never their own area


@pytest.fixture
def api(user):
    def make(username: str) -> APIClient:
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user(username))
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


def household(number: str, village: str) -> dict:
    return {"number": number, "village": village, "attribute": "general", "main_cause": "illness",
            "year_identified": 2016}


def own_household(user, number: str, village: str = DAFANG[1], who: str = "bijie_dafang") -> Household:
    return create_record(Household, {**household(number, None), "village_id": village}, user(who))


def id_number(serial: int) -> str:
    body = f"52052119800101{serial:03d}"
    return body + check_char(body)


def versioned(obj, data: dict) -> dict:
    """An edit names the version it was based on (where records keep one)."""
    obj.refresh_from_db()
    return {**data, "version": obj.version} if hasattr(obj, "version") else data


def guangzhou_village() -> str:
    from xiezuo.geo.models import Region

    return Region.objects.filter(level=5, code__startswith="4401").order_by("code").values_list("code", flat=True)[0]


# --- 1. writes into another area ------------------------------------------------------------------------------

def test_a_county_cannot_register_a_household_in_another_prefecture(api):
    response = api("bijie_dafang").post("/api/registry/household/", household("W-QN-1", QIANNAN[0]), format="json")
    assert response.status_code == 400
    assert "不在您可填报的范围内" in response.content.decode()
    assert not Household.objects.filter(number="W-QN-1").exists()


def test_a_household_cannot_be_moved_out_of_the_area(api, user):
    mine = own_household(user, "W-MOVE-1")
    client = api("bijie_dafang")
    assert client.patch(f"/api/registry/household/{mine.pk}/", versioned(mine, {"village": QIANNAN[0]}),
                        format="json").status_code == 400
    # A partner's village is a region the county may name (on a pairing, say), but never where it registers.
    response = client.patch(f"/api/registry/household/{mine.pk}/", versioned(mine, {"village": guangzhou_village()}),
                            format="json")
    assert response.status_code == 400
    assert "所在村" in response.json()["village"][0] and "不在您的管辖范围内" in response.json()["village"][0]
    mine.refresh_from_db()
    assert mine.village_id == DAFANG[1]
    assert client.get(f"/api/registry/household/{mine.pk}/").status_code == 200


def test_the_page_refuses_a_partner_village_with_a_message_under_the_box(login):
    data = {**household("W-PAGE-1", guangzhou_village()), "income_wage": "0", "income_business": "0",
            "income_transfer": "0", "income_property": "0", "costs": "0"}
    response = login("bijie_dafang").post("/registry/household/add/", data)
    assert response.status_code == 400
    assert "“所在村”不在您的管辖范围内" in response.content.decode()
    assert not Household.objects.filter(number="W-PAGE-1").exists()


@pytest.mark.parametrize("who", ["gd_admin", "gz_sasac"])
def test_offices_without_a_registry_area_cannot_add_households(login, api, who):
    data = {**household(f"W-{who}", DAFANG[1]), "income_wage": "0", "income_business": "0",
            "income_transfer": "0", "income_property": "0", "costs": "0"}
    assert login(who).post("/registry/household/add/", data).status_code in (400, 403)
    assert api(who).post("/api/registry/household/", household(f"W-{who}", DAFANG[1]),
                         format="json").status_code in (400, 403)
    assert not Household.objects.filter(number=f"W-{who}").exists()


def test_qiannan_cannot_place_an_organisation_in_dafang(login, api):
    data = {"name": "黔南越界测试企业", "kind": "enterprise", "region": "520521000000"}
    page = login("qiannan").post("/partners/organisation/add/", data)
    assert page.status_code == 400 and "不在您可填报的范围内" in page.content.decode()
    assert api("qiannan").post("/api/partners/organisation/", data, format="json").status_code == 400
    assert not Organisation.objects.filter(name="黔南越界测试企业").exists()


def test_projects_and_screening_rounds_stay_in_the_area(api):
    client = api("bijie_dafang")
    project = {"name": "越界测试项目", "region": "522701000000", "agreed_on": "2021-03-01"}
    assert client.post("/api/industry/project/", project, format="json").status_code == 400
    rounds = {"name": "越界测试筛查", "region": "522700000000", "year": 2020, "started_on": "2020-03-01"}
    assert client.post("/api/registry/screeninground/", rounds, format="json").status_code == 400
    assert not ScreeningRound.objects.filter(name="越界测试筛查").exists()


def test_the_gate_itself_refuses_and_rolls_back(user):
    """Behind any form or serializer: the action function checks once, after the write, before commit."""
    with pytest.raises(OutOfScope) as refused:
        create_record(Household, {**household("W-GATE-1", None), "village_id": guangzhou_village()},
                      user("bijie_dafang"))
    assert "所在村" in str(refused.value)
    assert not Household.objects.filter(number="W-GATE-1").exists()
    with pytest.raises(OutOfScope):
        create_record(Organisation, {"name": "越界单位", "kind": "enterprise", "region_id": "520521000000"},
                      user("qiannan"))
    assert not Organisation.objects.filter(name="越界单位").exists()


def test_the_generic_import_refuses_rows_outside_the_area(login):
    rows = [{"单位名称*": "黔南导入越界企业", "单位类型*": "企业", "所在地区*": "520521000000"}]
    response = login("qiannan").post("/partners/organisation/import/", {"file": upload("o.csv", csv_bytes(rows))})
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.FAILED
    assert any("不在您可填报的范围内" in e[3] for e in job.errors), job.errors
    assert not Organisation.objects.filter(name="黔南导入越界企业").exists()


def test_partner_units_are_chosen_but_not_edited(login, api, user):
    """qiannan sees Guangzhou's enterprises (to name them on its records) but may not change or delete them."""
    gphl = Organisation.objects.get(name="广州医药集团有限公司")
    client = login("qiannan")
    assert client.get(f"/partners/organisation/{gphl.pk}/").status_code == 200
    data = versioned(gphl, {"name": gphl.name, "kind": gphl.kind, "region": gphl.region_id, "short_name": "改名"})
    assert client.post(f"/partners/organisation/{gphl.pk}/edit/", data).status_code in (403, 409)
    assert api("qiannan").patch(f"/api/partners/organisation/{gphl.pk}/", versioned(gphl, {"short_name": "改名"}),
                                format="json").status_code == 403
    assert client.post(f"/partners/organisation/{gphl.pk}/delete/").status_code == 403
    gphl.refresh_from_db()
    assert gphl.short_name == "广药集团"
    with pytest.raises(PermissionDenied):
        from xiezuo.core.services import delete_record

        delete_record(gphl, user("qiannan"))


# --- 2. choices offered are the user's own ---------------------------------------------------------------------

def test_the_supervisor_filter_lists_only_what_the_user_may_see(login, user):
    import re

    html = login("gz_sasac").get("/partners/organisation/").content.decode()
    select = re.search(r'<select name="parent"[^>]*>(.*?)</select>', html, re.S).group(1)
    offered = set(re.findall(r'<option value="(\d+)"', select))
    visible = set(str(pk) for pk in Organisation.objects.restrict(user("gz_sasac")).values_list("pk", flat=True))
    assert offered == visible and len(offered) < Organisation.objects.count()
    hidden = Organisation.objects.exclude(pk__in=[int(pk) for pk in visible]).values_list("name", flat=True)
    assert hidden and all(f">{name}<" not in select for name in hidden)
    assert "广州医药集团有限公司" in select


def test_the_screening_round_filter_lists_only_own_rounds(login, user):
    create_record(ScreeningRound, {"name": "黔南州测试筛查轮次", "region_id": "522700000000", "year": 2020,
                                   "started_on": "2020-03-01"}, user("qiannan"))
    assert "黔南州测试筛查轮次" in login("qiannan").get("/registry/screening/").content.decode()
    assert "黔南州测试筛查轮次" not in login("bijie_dafang").get("/registry/screening/").content.decode()


def test_region_suggestions_are_the_regions_a_user_may_name(login):
    bijie = login("bijie_dafang")
    assert "大方县" in bijie.get("/suggest/geo.region/?q=大方").content.decode()
    assert "都匀市" not in bijie.get("/suggest/geo.region/?q=都匀").content.decode()
    assert "522701" not in bijie.get("/suggest/geo.region/?q=522701").content.decode()
    assert "荔湾区" in bijie.get("/suggest/geo.region/?q=荔湾").content.decode(), "a partner's district"


# --- 3. no hints across areas --------------------------------------------------------------------------------

def test_a_person_registered_elsewhere_is_refused_without_naming_the_household(login, api, user):
    theirs = own_household(user, "W-QN-HH", QIANNAN[0], who="qiannan")
    number = id_number(901)
    create_record(Member, {"household": theirs, "id_number": number, "name": "黔南成员", "relation": "head"},
                  user("qiannan"))
    mine = own_household(user, "W-DF-HH")
    data = {"household": mine.number, "name": "重复成员", "relation": "head", "id_number": number}
    page = login("bijie_dafang").post("/registry/member/add/", data).content.decode()
    assert "此人已登记在另一户中" in page and "W-QN-HH" not in page
    response = api("bijie_dafang").post("/api/registry/member/", {**data, "household": mine.pk}, format="json")
    assert response.status_code == 400
    assert "此人已登记在另一户中" in response.content.decode() and "W-QN-HH" not in response.content.decode()
    # Inside the area the household is named, so that the office can find it.
    again = own_household(user, "W-DF-HH2")
    page = login("qiannan").post("/registry/member/add/", {**data, "household": own_household(
        user, "W-QN-HH2", QIANNAN[0], who="qiannan").number}).content.decode()
    assert "W-QN-HH" in page
    assert again.pk


def test_history_shows_rows_of_other_areas_as_out_of_scope(login, user):
    trip = Visit.objects.get(name=SASAC_2018)
    bijie_titles = list(trip.agreements.filter(title__contains="与毕节市").values_list("title", flat=True))
    assert bijie_titles, "the 2018 trip signed agreements with Bijie"
    for page in (f"/exchange/visit/{trip.pk}/", f"/exchange/visit/{trip.pk}/history/"):
        seen = login("qiannan").get(page).content.decode()
        assert all(title not in seen for title in bijie_titles), page
        assert OUT_OF_SCOPE_LABEL in seen
        assert all(title in login("admin").get(page).content.decode() for title in bijie_titles)


def test_old_history_entries_without_keys_mask_related_values(login, user):
    from django.contrib.contenttypes.models import ContentType

    trip = Visit.objects.get(name=SASAC_2018)
    ChangeRecord.objects.create(content_type=ContentType.objects.get_for_model(Visit), object_id=str(trip.pk),
                                object_repr=str(trip), action="update", user=user("admin"),
                                changes={"agreements": ["", "旧格式毕节协议标题"], "leader": ["", "旧格式带队人"]})
    seen = login("qiannan").get(f"/exchange/visit/{trip.pk}/history/").content.decode()
    assert "旧格式毕节协议标题" not in seen and "旧格式带队人" in seen
    assert "旧格式毕节协议标题" in login("admin").get(f"/exchange/visit/{trip.pk}/history/").content.decode()


def test_fund_allocation_pages_do_not_link_to_a_pairing_the_reader_cannot_open(login, user):
    allocation = FundAllocation.objects.filter(region="520521000000").order_by("pk").first()
    pairing_url = allocation.pairing.get_absolute_url()
    client = login("bijie_dafang")
    assert client.get(pairing_url).status_code == 404
    page = client.get(f"/industry/fundallocation/{allocation.pk}/").content.decode()
    assert page and pairing_url not in page and OUT_OF_SCOPE_LABEL in page
    assert pairing_url in login("admin").get(f"/industry/fundallocation/{allocation.pk}/").content.decode()


def test_counts_and_api_lists_leave_out_rows_of_other_areas(login, api, user):
    from xiezuo.exchange.models import Agreement

    trip = Visit.objects.get(name=SASAC_2018)
    Visit.objects.filter(pk=trip.pk).update(status="draft")  # unlock for the edit below
    everything = set(trip.agreements.values_list("pk", flat=True))
    visible = set(Agreement.objects.restrict(user("qiannan")).filter(pk__in=everything).values_list("pk", flat=True))
    assert visible and visible < everything
    listed = login("qiannan").get("/exchange/visit/", {"q": trip.name}).content.decode()
    assert f"{len(visible)} 项" in listed and f"{len(everything)} 项" not in listed
    client = api("qiannan")
    agreements = client.get(f"/api/exchange/visit/{trip.pk}/").json()["agreements"]
    assert {a["id"] for a in agreements} == visible
    assert {a["display"] for a in agreements} == {str(a) for a in Agreement.objects.filter(pk__in=visible)}
    # Saving the list the reader was given keeps the outcomes of other areas.
    response = client.patch(f"/api/exchange/visit/{trip.pk}/", versioned(trip, {"agreements": sorted(visible)}),
                            format="json")
    assert response.status_code == 200, response.content.decode()
    assert set(trip.agreements.values_list("pk", flat=True)) == everything


def test_the_registry_import_names_no_household_of_another_area(login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.registry.helpers import COL, registry_rows, set_cell
    from tests.registry.helpers import csv_bytes as registry_csv

    def run(who: str, rows) -> Job:
        response = login(who).post("/registry/import/", {"file": SimpleUploadedFile("r.csv", registry_csv(rows))})
        return Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])

    theirs = registry_rows(6, villages=QIANNAN, seed=41)
    assert run("qiannan", theirs).state == Job.State.SUCCEEDED
    mine = registry_rows(6, seed=42)
    mine[1] = set_cell(mine[1], "身份证号", theirs[1][COL["身份证号"]])
    job = run("bijie_dafang", mine)
    text = " ".join(str(e[3]) for e in job.errors)
    assert job.state == Job.State.FAILED and "已登记在另一户中" in text
    # The message repeats the ID number the user typed, never the other household or its village.
    other_village = next(v for v in theirs[1] if len(v) == 12 and v.isdigit())
    assert theirs[1][0] not in text and other_village not in text
    # A household number registered in another area: refused, without its village.
    fresh = registry_rows(6, seed=43)
    same_number = [set_cell(row, "户编号", theirs[0][0]) if row[0] == fresh[0][0] else row for row in fresh]
    job = run("bijie_dafang", same_number)
    text = " ".join(str(e[3]) for e in job.errors)
    # Only the number the user typed is repeated: nothing about the registered household (its village, members).
    messages = [str(e[3]) for e in job.errors if "已在您管辖范围以外登记" in str(e[3])]
    assert job.state == Job.State.FAILED and messages == [f"户编号 {theirs[0][0]} 已在您管辖范围以外登记，不能由您修改"]


def test_exports_do_not_name_a_related_row_the_reader_cannot_open(login):
    allocation = FundAllocation.objects.filter(region="520521000000").order_by("pk").first()
    client = login("bijie_dafang")
    response = client.get("/industry/fundallocation/export/?format=csv")
    job = Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert job.state == Job.State.SUCCEEDED, job.message
    text = b"".join(client.get(f"/jobs/{job.pk}/download/result/").streaming_content).decode("utf-8-sig")
    row = next(line for line in text.splitlines() if line.endswith(f",{allocation.pk}"))
    assert row.startswith(f"{OUT_OF_SCOPE_LABEL},"), row  # the pairing column, first, instead of its key
