"""The bulk-write helpers the set-based import uses: `among` (a set of values as one array parameter on
PostgreSQL), `Blank` (new instances without the per-field constructor) and `insert` (COPY from the instances)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from xiezuo.core.bulkwrite import Blank, among, batches, insert
from xiezuo.core.idcard import check_char
from xiezuo.geo.models import Region
from xiezuo.labour.models import Employment
from xiezuo.people.models import Person, resolve_people


def _number(k: int) -> str:
    body = f"529901{dt.date(1931, 1, 1) + dt.timedelta(days=k):%Y%m%d}{k % 1000:03d}"
    return body + check_char(body)


@pytest.mark.django_db
def test_among_finds_the_rows_whose_value_is_one_of_the_values_in_one_question():
    Region.objects.bulk_create([Region(code=f"52990{i:07d}", name=f"测试区{i}", level=5) for i in range(1, 31)])
    wanted = [f"52990{i:07d}" for i in range(1, 31, 3)] + ["529999999999"]
    with CaptureQueriesContext(connection) as queries:
        found = set(Region.objects.filter(among("code", wanted)).values_list("code", flat=True))
    assert found == set(wanted) - {"529999999999"}
    assert len(queries) == 1
    if connection.vendor == "postgresql":
        assert "ANY" in queries[0]["sql"]
    assert set(Region.objects.filter(code__startswith="52990").exclude(among("code", wanted))
               .values_list("code", flat=True)) == {f"52990{i:07d}" for i in range(1, 31)} - set(wanted)
    assert not Region.objects.filter(among("code", [])).exists()
    assert sum(len(b) for b in batches(list(range(12_000)))) == 12_000


def test_a_blank_instance_is_what_the_constructor_makes():
    for model in (Employment, Person, Region):
        made, blank = model(), Blank(model)()
        for f in model._meta.concrete_fields:
            assert getattr(blank, f.attname) == getattr(made, f.attname), (model, f.name)
        assert blank._state.adding and blank._state.db is None
    assert Blank(Employment)() is not Blank(Employment)()


@pytest.mark.django_db
def test_persons_resolved_in_bulk_are_stored_and_found_again():
    region, _new = Region.objects.get_or_create(code="529901000000", defaults={"name": "测试县", "level": 3})
    Person.objects.create(id_number=_number(1), name="甲", sex="1", birth_date=dt.date(1931, 1, 2))
    before = Person.objects.count()
    objs = []
    for k in (1, 2, 3, 2):
        obj = Blank(Employment)()
        obj.import_set_id_number(_number(k))
        obj.name, obj.region, obj.workplace, obj.start = f"人{k}", region, "east", dt.date(2019, 3, 1)
        objs.append(obj)
    resolve_people(objs)
    assert Person.objects.count() == before + 2
    assert objs[1].person_id == objs[3].person_id != objs[0].person_id
    stored = Person.objects.get(pk=objs[2].person_id)
    assert (stored.id_number, stored.name, stored.birth_date) == (_number(3), "人3", objs[2].person.birth_date)
    assert objs[2].person.pk == stored.pk and not objs[2].person._state.adding
    insert(Employment, objs)
    assert sorted(Employment.objects.filter(region=region).values_list("person__id_number", flat=True)) == sorted(
        _number(k) for k in (1, 2, 3, 2))
    assert all(o.pk for o in objs)
