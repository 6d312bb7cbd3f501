"""A re-import sets aside the rows it loaded before (their fingerprints are stored) and compares the rest."""

from __future__ import annotations

import pytest

from xiezuo.core.models import ChangeRecord
from xiezuo.registry.importing.pipeline import ImportRejected, run_import
from xiezuo.registry.models import Household, Member, Person

from .helpers import COL, csv_bytes, registry_rows, set_cell

pytestmark = pytest.mark.django_db
EDITOR = "bijie_dafang"


def _import(tmp_path, rows, user, name="re.csv", chunk_rows=100_000):
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows))
    return run_import(path, path.name, user(EDITOR), chunk_rows=chunk_rows)


def _member(row) -> Member:
    return Member.objects.get(person__id_number=row[COL["身份证号"]])


def _big_household(rows) -> str:
    numbers = [r[COL["户编号"]] for r in rows]
    return next(n for n in numbers if numbers.count(n) >= 3)


def test_the_same_file_again_is_set_aside_whole(tmp_path, user):
    rows = registry_rows(40, seed=61)
    first = _import(tmp_path, rows, user)
    assert first.rows_unchanged == 0 and first.members_created == len(rows)
    assert Member.objects.filter(person__id_number__in=[r[COL["身份证号"]] for r in rows],
                                 row_digest__isnull=False).count() == len(rows)
    audit = ChangeRecord.objects.count()
    again = _import(tmp_path, rows, user, chunk_rows=7)
    assert (again.rows, again.rows_unchanged, again.changed) == (len(rows), len(rows), False)
    assert ChangeRecord.objects.count() == audit


def test_a_changed_cell_compares_its_whole_household_even_across_chunks(tmp_path, user):
    rows = registry_rows(40, seed=62)
    _import(tmp_path, rows, user)
    number = _big_household(rows)
    ours = [i for i, r in enumerate(rows) if r[COL["户编号"]] == number]
    # The last member of the household changes; its earlier rows were set aside chunks before.
    last = rows[ours[-1]]
    health = "患有大病" if last[COL["健康状况"]] != "患有大病" else "健康"
    fixed = [set_cell(r, "健康状况", health) if r is last else r for r in rows]
    result = _import(tmp_path, fixed, user, chunk_rows=max(1, ours[-1]))
    assert (result.members_updated, result.households_updated) == (1, 0)
    assert result.rows_unchanged == len(rows) - len(ours)
    assert _member(last).get_health_display() == health
    assert not ChangeRecord.objects.filter(action="delete", note__contains="名单").exists()
    # The new fingerprint is stored: the corrected file is now the one set aside whole.
    assert _import(tmp_path, fixed, user).rows_unchanged == len(rows)


def test_a_member_left_out_makes_the_household_compared_again(tmp_path, user):
    rows = registry_rows(40, seed=63)
    _import(tmp_path, rows, user)
    number = _big_household(rows)
    leaving = next(r for r in rows if r[COL["户编号"]] == number and r[COL["与户主关系"]] != "户主")
    result = _import(tmp_path, [r for r in rows if r is not leaving], user)
    assert result.members_removed == 1
    assert not Member.objects.filter(person__id_number=leaving[COL["身份证号"]]).exists()
    assert Household.objects.get(number=number).member_count == sum(
        1 for r in rows if r[COL["户编号"]] == number) - 1


def test_edits_outside_the_import_are_compared_again(tmp_path, user):
    rows = registry_rows(40, seed=64)
    _import(tmp_path, rows, user)
    member = _member(rows[0])
    member.ethnicity = "其他民族"
    member.save()
    household = Household.objects.get(number=_big_household(rows))
    head = next(r for r in rows if r[COL["户编号"]] == household.number and r[COL["与户主关系"]] == "户主")
    household.helper_name = "网页上改的"
    household.save()
    person = Person.objects.get(id_number=rows[-1][COL["身份证号"]])
    person.name = "改名"
    person.save()
    assert Member.objects.get(pk=member.pk).row_digest is None
    assert not Member.objects.filter(household=household).exclude(row_digest=None).exists()
    assert Member.objects.get(pk=person.pk).row_digest is None

    result = _import(tmp_path, rows, user)
    # The file is the registry's source: what it says is written back, each with its change record.
    assert _member(rows[0]).ethnicity == rows[0][COL["民族"]]
    assert Household.objects.get(pk=household.pk).helper_name == head[COL["帮扶责任人"]]
    assert Person.objects.get(pk=person.pk).name == rows[-1][COL["姓名"]]
    assert result.households_updated == 1 and result.members_updated >= 1
    assert ChangeRecord.objects.filter(action="update", object_id=str(household.pk),
                                       changes__has_key="helper_name").exists()
    assert _import(tmp_path, rows, user).rows_unchanged == len(rows)


def test_whole_file_checks_still_see_rows_set_aside(tmp_path, user):
    rows = registry_rows(30, seed=65)
    _import(tmp_path, rows, user)
    # A new row repeats the ID number of a row that is set aside: reported at the new row, nothing written.
    copy = set_cell(set_cell(rows[3], "户编号", "T-新户"), "与户主关系", "户主")
    with pytest.raises(ImportRejected) as caught:
        _import(tmp_path, [*rows, copy], user)
    errors = caught.value.errors.rows()
    assert any(row == len(rows) + 2 and "重复" in message for row, _c, _h, message in errors), errors
    assert not Household.objects.filter(number="T-新户").exists()


def test_rows_set_aside_are_checked_against_the_users_area(tmp_path, user):
    rows = registry_rows(20, seed=66)
    _import(tmp_path, rows, user)
    # Another county's editor re-imports the same file: nothing is set aside for them, each row is refused.
    path = tmp_path / "other.csv"
    path.write_bytes(csv_bytes(rows))
    with pytest.raises(ImportRejected) as caught:
        run_import(path, path.name, user("qiannan"))
    assert any("管辖范围" in m for *_x, m in caught.value.errors.rows())


def test_an_edit_made_while_the_file_is_read_is_compared(tmp_path, user):
    """Someone saves a member after the first chunk has been set aside: the fingerprints are read again at the end
    of reading, so that household is compared and the file's value written back, with its change record."""
    rows = registry_rows(30, seed=67)
    _import(tmp_path, rows, user)
    first = rows[0]
    edited = []

    def progress(_percent, _message):
        if not edited and Member.objects.filter(person__id_number=first[COL["身份证号"]]).exists():
            member = _member(first)
            member.ethnicity = "导入期间改的"
            member.save()
            edited.append(member.pk)

    path = tmp_path / "during.csv"
    path.write_bytes(csv_bytes(rows))
    result = run_import(path, path.name, user(EDITOR), chunk_rows=10, progress=progress)
    assert edited and result.members_updated == 1
    assert _member(first).ethnicity == first[COL["民族"]]
    assert ChangeRecord.objects.filter(action="update", object_id=str(edited[0]),
                                       changes__has_key="ethnicity").exists()
