"""Users' scopes are kept between requests by each server process and recomputed as soon as what they are
computed from changes, in any process (core/scopecache.py)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from xiezuo.core import scopecache
from xiezuo.core.scope import get_scope
from xiezuo.core.scopecache import ScopeStamp, current_stamp
from xiezuo.geo.models import Region
from xiezuo.partners.models import ChannelRole, Organisation, Pairing, UserProfile

pytestmark = pytest.mark.django_db

QIANNAN_OFFICE = "黔南州协作办"


def office_url() -> str:
    return Organisation.objects.get(short_name=QIANNAN_OFFICE).get_absolute_url()


def zhaoqing_bijie() -> Pairing:
    """A pairing the demo does not have: 肇庆市 → 毕节市 (大方县 is in 毕节)."""
    return Pairing.objects.create(kind=Pairing.objects.get(helper_region_id="440100000000",
                                                           helped_region_id="520500000000").kind,
                                  helper_region_id="441200000000", helped_region_id="520500000000",
                                  start_date="2021-01-01", status="approved")


def fresh_scope(user):
    """The scope a new request of `user` gets (a new user object, as each request loads)."""
    from django.contrib.auth import get_user_model

    return get_scope(get_user_model().objects.get(pk=user.pk))


def test_a_kept_scope_costs_one_small_query_instead_of_seven(user):
    first_request, next_request = user("bijie_dafang"), user("bijie_dafang")
    with CaptureQueriesContext(connection) as first:
        computed = get_scope(first_request)
    with CaptureQueriesContext(connection) as again:
        kept = get_scope(next_request)
    assert kept == computed and "4401" in kept.partner_prefixes
    assert len(first) >= 5 and len(again) == 1, (len(first), len(again))
    assert "core_scopestamp" in again.captured_queries[0]["sql"]


def test_a_region_added_to_a_profile_opens_its_records_at_the_next_request(login, user):
    client = login("bijie_dafang")
    assert client.get(office_url()).status_code == 404
    user("bijie_dafang").profile.regions.add(Region.objects.get(code="522700000000"))
    assert client.get(office_url()).status_code == 200
    user("bijie_dafang").profile.regions.clear()
    assert client.get(office_url()).status_code == 404


@pytest.mark.parametrize("change", ["profile role", "channel role", "unit moved", "pairing added", "pairing removed"])
def test_every_write_to_what_scopes_read_moves_the_stamp(user, change):
    dafang = user("bijie_dafang")
    before = fresh_scope(dafang)
    stamp = current_stamp()
    profile = UserProfile.objects.get(user=dafang)
    if change == "profile role":
        profile.role = "viewer"
        profile.save()
    elif change == "channel role":
        ChannelRole.objects.create(profile=profile, channel="labour", role="viewer")
    elif change == "unit moved":
        unit = profile.organisations.first() or Organisation.objects.get(short_name=QIANNAN_OFFICE)
        unit.parent = None
        unit.save()
    elif change == "pairing added":
        zhaoqing_bijie()
    elif change == "pairing removed":
        pairing = zhaoqing_bijie()
        before, stamp = fresh_scope(dafang), current_stamp()
        pairing.delete()
    assert current_stamp() != stamp
    after = fresh_scope(dafang)
    if change == "profile role":
        assert after.role == "viewer" != before.role
    if change == "channel role":
        assert after.channel_roles.get("labour") == "viewer"
    if change == "pairing added":
        assert "4412" in after.partner_prefixes and "4412" not in before.partner_prefixes
    if change == "pairing removed":
        assert "4412" in before.partner_prefixes and "4412" not in after.partner_prefixes


def test_another_process_s_write_is_seen_through_the_stamp(login, user):
    """Another server process changed the profile and raised the stamp: this process's kept scope is dropped,
    although nothing happened in this process."""
    client = login("bijie_dafang")
    assert client.get(office_url()).status_code == 404
    profile = UserProfile.objects.get(user=user("bijie_dafang"))
    with connection.cursor() as cursor:  # as the other process wrote it: rows only, no signal in this process
        cursor.execute(f"INSERT INTO {UserProfile.regions.through._meta.db_table} (userprofile_id, region_id) "
                       "VALUES (%s, %s)", [profile.pk, "522700000000"])
    assert client.get(office_url()).status_code == 404, "the kept scope stands until the stamp moves"
    ScopeStamp.objects.update_or_create(pk=1, defaults={"value": 424242})  # the other process's raise_stamp()
    assert client.get(office_url()).status_code == 200


def test_a_write_the_stamp_never_saw_reaches_scopes_after_their_maximum_age(login, user, monkeypatch):
    client = login("bijie_dafang")
    assert client.get(office_url()).status_code == 404
    UserProfile.objects.filter(user=user("bijie_dafang")).update(can_view_id_numbers=True)  # no signal
    assert fresh_scope(user("bijie_dafang")).can_view_id_numbers is False
    monkeypatch.setattr(scopecache, "SCOPE_MAX_AGE", 0)
    assert fresh_scope(user("bijie_dafang")).can_view_id_numbers is True


def test_a_rolled_back_write_leaves_no_kept_scope_behind(user):
    dafang = user("bijie_dafang")
    fresh_scope(dafang)
    with pytest.raises(RuntimeError), transaction.atomic():
        dafang.profile.regions.add(Region.objects.get(code="522700000000"))
        assert "5227" in fresh_scope(dafang).region_prefixes  # kept at the write's own (uncommitted) stamp
        raise RuntimeError
    assert "5227" not in fresh_scope(dafang).region_prefixes
    zhaoqing_bijie()
    assert "5227" not in fresh_scope(dafang).region_prefixes, "a later write does not bring the rolled-back scope"


def test_losing_superuser_rights_takes_effect_at_once(user):
    admin = user("admin")
    assert fresh_scope(admin).everything
    type(admin).objects.filter(pk=admin.pk).update(is_superuser=False)  # no signal, no stamp
    assert not fresh_scope(admin).everything


def test_units_imported_from_a_file_move_the_stamp(login, user, tmp_path):
    """The set-based import writes rows without signals: it raises the stamp itself."""
    from xiezuo.core.importer import import_file
    from xiezuo.core.registry import for_model

    from .test_import_templates import template

    rt = for_model(Organisation)
    wb = template(login("admin"), rt)
    data, sample = wb.worksheets[0], wb["示例"]
    for cell in sample[2]:
        data.cell(2, cell.column, cell.value)
    path = tmp_path / "单位.xlsx"
    wb.save(path)
    stamp = current_stamp()
    result = import_file(rt, user("admin"), path, path.name)
    assert result["errors"] == [] and result["created"] == 1
    assert current_stamp() != stamp


def test_which_units_a_reader_may_open_is_kept_with_the_scope_and_follows_a_move(login, user):
    from xiezuo.core.services import create_record, update_record
    from xiezuo.industry.models import Project

    unit = Organisation.objects.get(name="广州市建筑集团有限公司")
    project = create_record(Project, {"name": "可见性测试项目", "region_id": "522701000000",
                                      "agreed_on": "2020-01-01"}, user("qiannan"), m2m={"investors": [unit]})
    client, url = login("qiannan"), project.get_absolute_url()
    assert unit.name in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as again:
        assert unit.name in client.get(url).content.decode()
    # The second page asks nothing about which units the reader may open: the answer is kept with the scope.
    asked = [q["sql"] for q in again.captured_queries
             if q["sql"].startswith('SELECT "partners_organisation"."id" AS "pk"')]
    assert asked == [], asked
    # Moved out of the reader's area and partner regions (a write that raises the scope stamp): the next page
    # shows it as out of scope.
    update_record(Organisation.objects.get(pk=unit.pk), {"region_id": "520502000000"}, user("admin"))
    html = client.get(url).content.decode()
    assert "（范围外记录）" in html and unit.name not in html
