"""The first load of an empty registry: chunks written straight into the tables, all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from xiezuo.core import idcard
from xiezuo.core.models import ChangeRecord
from xiezuo.registry.importing.pipeline import ImportRejected, run_import
from xiezuo.registry.models import Household, Member, Person, SummaryFigure

from .helpers import COL, csv_bytes, registry_rows, set_cell

pytestmark = pytest.mark.django_db
EDITOR = "bijie_dafang"


@pytest.fixture
def empty_registry():
    """No person and no household: the import takes the first-load path (the demo data is removed inside the
    test's transaction and comes back after it). Other channels' records name people too (trainees, workers):
    they go first, or the people could not; so do other channels' links to households (a product's benefiting
    households)."""
    from django.apps import apps

    from xiezuo.people.models import Person
    from xiezuo.registry.models import Household

    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label != "registry" and any(
                f.concrete and (f.many_to_one or f.one_to_one) and f.related_model in (Person, Household)
                for f in model._meta.get_fields()):
            model._base_manager.all().delete()
    with connection.cursor() as cur:
        for table in ("registry_gap", "registry_exitproposal", "registry_monitoringcase", "registry_screening",
                      "registry_member", "registry_household", "registry_person", "registry_summaryfigure"):
            cur.execute(f"DELETE FROM {table}")


def _import(tmp_path, rows, user, chunk_rows=7):
    path = tmp_path / "first.csv"
    path.write_bytes(csv_bytes(rows))
    return run_import(path, path.name, user(EDITOR), chunk_rows=chunk_rows)


def _household_with_members(rows) -> str:
    numbers = [r[COL["户编号"]] for r in rows]
    return next(n for n in numbers if numbers.count(n) >= 3)


def test_first_load_across_chunks_with_the_head_row_last(empty_registry, tmp_path, user):
    rows = registry_rows(40, seed=41)
    # One household's members come first with no village, its head's row last: they wait for it, chunks apart.
    number = _household_with_members(rows)
    ours = [r for r in rows if r[COL["户编号"]] == number]
    head = next(r for r in ours if r[COL["与户主关系"]] == "户主")
    others = [set_cell(r, "村代码", "") for r in ours if r is not head]
    rows = others + [r for r in rows if r[COL["户编号"]] != number] + [head]

    result = _import(tmp_path, rows, user)

    households = {r[COL["户编号"]] for r in rows}
    assert (result.households_created, result.members_created, result.people_created) == (
        len(households), len(rows), len(rows))
    assert Household.objects.count() == len(households) and Member.objects.count() == len(rows)
    household = Household.objects.get(number=number)
    assert household.village_id == head[COL["村代码"]]
    assert household.member_count == len(ours)
    members = Member.objects.filter(household=household)
    assert {m.village_id for m in members} == {household.village_id}
    assert {m.person.id_number for m in members} == {r[COL["身份证号"]] for r in ours}
    income = sum(Decimal(head[COL[h]] or 0) for h in ("工资性收入", "生产经营性收入", "转移性收入", "财产性收入"))
    income -= Decimal(head[COL["生产经营性支出"]] or 0)
    assert household.income_per_head == (income / len(ours)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    member = members.get(person__id_number=head[COL["身份证号"]])
    assert member.id_masked == idcard.mask(head[COL["身份证号"]]) and member.status == "draft"
    assert member.source_document == "first.csv" and member.created_by.username == EDITOR
    assert SummaryFigure.objects.get(level=5, region_id=household.village_id, dimension="total").households >= 1
    assert ChangeRecord.objects.filter(action="import").exists()

    # The sequences moved past the reserved blocks, and the keys are back: ordinary writes go on as before.
    fresh = Person.for_id_number(_new_id_number(), "新人")
    assert fresh.pk > max(Person.objects.exclude(pk=fresh.pk).values_list("pk", flat=True))
    created = Household.objects.create(number="H-新增", village_id=household.village_id, attribute="general",
                                       main_cause="disease", year_identified=2016)
    assert created.pk > household.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(id_number=head[COL["身份证号"]], name="重复", sex="1", birth_date=dt.date(1990, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Household.objects.create(number=number, village_id=household.village_id, attribute="general",
                                 main_cause="disease", year_identified=2016)


def test_first_load_with_an_error_in_a_late_chunk_leaves_nothing(empty_registry, tmp_path, user):
    rows = registry_rows(40, seed=42)
    good = rows[33]
    rows[33] = set_cell(good, "身份证号", good[COL["身份证号"]][:17] + "Y")
    with pytest.raises(ImportRejected) as caught:
        _import(tmp_path, rows, user)
    assert caught.value.errors["row"].to_list() == [35]  # header on row 1
    assert not Person.objects.exists() and not Household.objects.exists() and not Member.objects.exists()
    # Keys and indexes dropped for the load came back with the rollback.
    with pytest.raises(IntegrityError), transaction.atomic():
        for _ in range(2):
            Person.objects.create(id_number="520521199001010011", name="甲", sex="1", birth_date=dt.date(1990, 1, 1))
    # And the same file, corrected, loads.
    rows[33] = good
    assert _import(tmp_path, rows, user).members_created == len(rows)


def test_first_load_household_written_before_its_last_members(empty_registry, tmp_path, user):
    """The head's row first, the other members chunks later: the household row is written with the size known
    then and corrected at the end; income per head rounds half away from zero, below zero too."""
    rows = registry_rows(40, seed=44)
    number = _household_with_members(rows)
    ours = [r for r in rows if r[COL["户编号"]] == number]
    head = next(r for r in ours if r[COL["与户主关系"]] == "户主")
    for header, value in (("工资性收入", "100.01"), ("生产经营性收入", "0"), ("转移性收入", "0"), ("财产性收入", "0"),
                          ("生产经营性支出", "300.5")):
        head = set_cell(head, header, value)
    rows = [head] + [r for r in rows if r[COL["户编号"]] != number] + [r for r in ours if r[COL["与户主关系"]] != "户主"]

    result = _import(tmp_path, rows, user)

    assert result.households_created == len({r[COL["户编号"]] for r in rows})
    household = Household.objects.get(number=number)
    assert household.member_count == len(ours) == Member.objects.filter(household=household).count()
    expected = (Decimal("-200.49") / len(ours)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert household.income_per_head == expected == household.compute_income_per_head()
    # Every other household's size and income per head agree with its members and its head's row.
    for other in Household.objects.exclude(pk=household.pk):
        assert other.member_count == Member.objects.filter(household=other).count()
        assert other.income_per_head == other.compute_income_per_head()


def test_first_load_whole_file_errors_are_reported_not_the_database_s(empty_registry, tmp_path, user):
    """The same person twice and a household with two heads: the keys built at the end would refuse them first; the
    user is shown the file's errors by row, and nothing remains."""
    rows = registry_rows(30, seed=45)
    twice = set_cell(rows[5], "户编号", rows[20][COL["户编号"]])
    second_head = next(i for i, r in enumerate(rows) if i > 10 and r[COL["与户主关系"]] == "户主")
    number = rows[second_head][COL["户编号"]]
    other = next(i for i, r in enumerate(rows) if r[COL["户编号"]] != number and r[COL["与户主关系"]] == "户主")
    rows[other] = set_cell(rows[other], "户编号", number)
    rows.append(twice)
    with pytest.raises(ImportRejected) as caught:
        _import(tmp_path, rows, user)
    messages = {(row, message) for row, _c, _h, message in caught.value.errors.rows()}
    assert any(row == len(rows) + 1 and "重复" in m for row, m in messages), messages
    assert any("多个户主" in m for _row, m in messages), messages
    assert not Person.objects.exists() and not Household.objects.exists() and not Member.objects.exists()


def _new_id_number() -> str:
    body = "52052119850607" + "321"
    return body + idcard.check_char(body)


def test_first_load_counts_the_summary_as_a_recount_of_the_tables_would(empty_registry, tmp_path, user):
    """The first load counts its summary from the file as it passes; a recount from the tables gives the same
    figures, at every level and in every dimension (the two forms of each dimension agree)."""
    from xiezuo.registry import summary

    rows = registry_rows(60, seed=47)
    number = _household_with_members(rows)
    ours = [r for r in rows if r[COL["户编号"]] == number]
    head = next(r for r in ours if r[COL["与户主关系"]] == "户主")
    rows = [r for r in rows if r is not head] + [head]  # a household that grows after its row is written
    _import(tmp_path, rows, user)

    def figures():
        return sorted(SummaryFigure.objects.values_list("level", "region_id", "parent", "dimension", "value",
                                                        "households", "members"))

    counted = figures()
    assert {f[3] for f in counted} == {d.name for d in summary.DIMENSIONS}
    assert {f[0] for f in counted} == {2, 3, 5}
    summary.refresh(None)
    assert figures() == counted


def test_a_household_whose_rows_lie_apart_in_the_file_is_one_household(empty_registry, tmp_path, user):
    """Rows of one household at the start, in the middle (its head) and at the end of the file, chunks apart:
    every member belongs to the one household, its size counts them all, no stray household is left."""
    rows = registry_rows(50, seed=48)
    number = _household_with_members(rows)
    ours = [r for r in rows if r[COL["户编号"]] == number]
    head = next(r for r in ours if r[COL["与户主关系"]] == "户主")
    others = [r for r in ours if r is not head]
    rest = [r for r in rows if r[COL["户编号"]] != number]
    rows = others[:1] + rest[:20] + [head] + rest[20:] + others[1:]

    result = _import(tmp_path, rows, user, chunk_rows=8)

    assert result.households_created == len({r[COL["户编号"]] for r in rows})
    household = Household.objects.get(number=number)
    assert household.member_count == len(ours)
    assert set(Member.objects.filter(household=household).values_list("person__id_number", flat=True)) == {
        r[COL["身份证号"]] for r in ours}
    assert not Member.objects.exclude(household__in=Household.objects.all()).exists()
    assert sum(Household.objects.values_list("member_count", flat=True)) == Member.objects.count() == len(rows)
