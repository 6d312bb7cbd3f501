"""Import templates open in Excel with drop-downs, header comments, a sample sheet and text-formatted codes.

Read back with openpyxl, as a user's Excel would see them, for every registered record type.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from django import forms

from xiezuo.core.importer import choice_labels, columns, form_for, import_file
from xiezuo.core.registry import REGISTRY, for_model
from xiezuo.industry.models import Project

pytestmark = pytest.mark.django_db


def template(client, rt) -> openpyxl.Workbook:
    response = client.get(rt.url("template"))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(body))


def column_format(ws, index: int) -> str:
    """The number format Excel gives a new cell of column `index` (a <col> element may span several columns)."""
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= index <= dim.max:
            return dim.number_format
    return "General"


def validations(ws) -> dict[str, list[str]]:
    """Column letter → the drop-down's options, resolved from the 选项 sheet it points at."""
    wb = ws.parent
    out = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        sheet, cells = dv.formula1.lstrip("=").split("!")
        src = wb[sheet.strip("'")]
        first, last = cells.replace("$", "").split(":")
        column = "".join(ch for ch in first if ch.isalpha())
        rows = range(int(first[len(column):]), int(last[len(column):]) + 1)
        letter = str(dv.sqref).split(":")[0].rstrip("0123456789")
        out[letter] = [src[f"{column}{r}"].value for r in rows]
    return out


@pytest.mark.parametrize("key", sorted(k for k, rt in REGISTRY.items() if rt.menu))
def test_every_template_has_dropdowns_comments_a_sample_and_text_codes(login, user, key):
    rt = REGISTRY[key]
    wb = template(login("admin"), rt)
    assert "示例" in wb.sheetnames and "填写说明" in wb.sheetnames
    assert wb.sheetnames.index("示例") > 0, "the import reads the first sheet: data comes first"
    data, sample = wb.worksheets[0], wb["示例"]
    assert data.max_row == 1, "the data sheet is empty but for its headers"
    dropdowns = validations(data)
    for header in data[1]:
        letter, label = header.column_letter, header.value.rstrip("*")
        assert header.comment is not None and label in header.comment.text, f"{label}: no comment"
        assert sample.cell(1, header.column).value == header.value
        example = sample.cell(2, header.column).value
        if header.value.endswith("*"):
            assert example not in (None, ""), f"{label}: the sample leaves a required cell empty"
        if letter in dropdowns:
            assert len(dropdowns[letter]) >= 2 and example in dropdowns[letter], f"{label}: {example!r}"
        fmt = column_format(data, header.column)
        if fmt != "@":
            assert fmt == "yyyy-mm-dd" or isinstance(example, (int, float)), f"{label}: {fmt!r} for {example!r}"
    # For the generic templates, every choice field of the form has its labels as the drop-down.
    if data.title == rt.verbose_name[:31]:
        form = form_for(rt, user("admin"))
        for index, (name, label, _required) in enumerate(columns(rt, user("admin")), start=1):
            assert data.cell(1, index).value.rstrip("*") == label
            labels = choice_labels(form.fields[name])
            letter = openpyxl.utils.get_column_letter(index)
            if labels:
                assert dropdowns.get(letter) == labels, f"{label}: drop-down {dropdowns.get(letter)}"
            else:
                assert letter not in dropdowns
            if isinstance(form.fields[name], forms.CharField) or isinstance(form.fields[name],
                                                                          forms.ModelChoiceField):
                assert column_format(data, index) == "@", f"{label}: not text"
    else:
        assert dropdowns, "the registry's template has its enumerations as drop-downs"


def test_project_template_has_its_enumerations_and_help(login):
    wb = template(login("bijie_dafang"), for_model(Project))
    data = wb.worksheets[0]
    headers = {c.value.rstrip("*"): c for c in data[1]}
    dropdowns = validations(data)
    kind = headers["项目类型"]
    assert dropdowns[kind.column_letter] == ["产业园区", "产业基地", "帮扶车间", "工厂", "其他"]
    place = headers["项目地点（县、乡或村）"]
    assert "12 位行政区划代码" in place.comment.text and "必填" in place.comment.text
    assert column_format(data, place.column) == "@"
    assert wb["示例"].cell(2, place.column).value == "520521000000", "the sample names the user's own county"
    assert dropdowns[headers["合成演示数据"].column_letter] == ["是", "否"]


def test_an_eighteen_digit_id_stays_text_in_the_member_template(login):
    from xiezuo.registry.models import Household

    wb = template(login("admin"), for_model(Household))
    data, sample = wb.worksheets[0], wb["示例"]
    column = next(c for c in data[1] if c.value.rstrip("*") == "身份证号")
    assert column_format(data, column.column) == "@"
    typed = sample.cell(2, column.column).value
    assert isinstance(typed, str) and len(typed) == 18 and typed[:17].isdigit()
    relation = next(c for c in data[1] if c.value.rstrip("*") == "与户主关系")
    assert "户主" in validations(data)[relation.column_letter]


def test_the_sample_row_imports_when_copied_to_the_data_sheet(login, user, tmp_path):
    rt = for_model(Project)
    wb = template(login("bijie_dafang"), rt)
    data, sample = wb.worksheets[0], wb["示例"]
    for cell in sample[2]:
        data.cell(2, cell.column, cell.value)
    path = tmp_path / "项目.xlsx"
    wb.save(path)
    before = Project.objects.count()
    result = import_file(rt, user("bijie_dafang"), path, path.name)
    assert result["errors"] == [] and result["created"] == 1
    assert Project.objects.count() == before + 1


@pytest.mark.parametrize("written, read", [("zh-hans", "en"), ("en", "zh-hans"), ("zh-hant", "en")])
def test_a_sheet_written_in_one_language_imports_in_another(login, user, tmp_path, written, read):
    """A county's Chinese sheet imported by an English-speaking user, an English template filled in and imported
    by a Chinese one: headings and choice labels are read in any of the site's languages."""
    from django.utils import translation

    rt = for_model(Project)
    client = login("bijie_dafang")
    client.cookies["django_language"] = written
    wb = template(client, rt)
    data, sample = wb.worksheets[0], wb.worksheets[1]
    for cell in sample[2]:
        data.cell(2, cell.column, cell.value)
    kind = [name for name, _label, _required in columns(rt, user("bijie_dafang"))].index("kind") + 1
    assert data.cell(2, kind).value.isascii() == (written == "en"), "the sample's choice in the sheet's language"
    path = tmp_path / "项目.xlsx"
    wb.save(path)
    before = Project.objects.count()
    with translation.override(read):
        result = import_file(rt, user("bijie_dafang"), path, path.name)
    assert result["errors"] == [] and result["ignored_columns"] == [] and result["created"] == 1
    assert Project.objects.count() == before + 1


def test_an_english_export_updates_by_its_id_column_when_imported_in_chinese(user):
    """The columns an export adds (编号, 状态) are read in any language: an English export's "ID" names the record."""
    from django.utils import translation

    from xiezuo.core.importer import header_map
    from xiezuo.core.transfer import export_headers

    rt = for_model(Project)
    with translation.override("en"):
        headers = export_headers(rt, user("bijie_dafang"))
    assert headers[-2:] == ["Status", "ID"]
    found, unknown = header_map(rt, user("bijie_dafang"), headers)
    assert found["__pk__"] == len(headers) - 1 and unknown == []
    assert set(found) - {"__pk__"} == {name for name, _label, _required in columns(rt, user("bijie_dafang"))}


@pytest.mark.parametrize("language, sample, options, notes", [
    ("en", "Example", "Options", "How to fill in"), ("zh-hant", "示例", "選項", "填寫說明")])
def test_a_template_speaks_the_readers_language(login, user, language, sample, options, notes):
    """Sheet names and the drop-down's refusal in the reader's language; the data sheet still comes first (the
    import reads the first sheet, whatever the others are called)."""
    client = login("admin")
    client.cookies["django_language"] = language
    wb = template(client, for_model(Project))
    assert wb.sheetnames[1:] == [sample, options, notes]
    data = wb.worksheets[0]
    assert any(validations(data).values()), "the drop-downs read the translated options sheet"
    refusal = data.data_validations.dataValidation[0]
    if language == "en":
        assert refusal.errorTitle == "Choose from the drop-down list" and "drop-down list" in refusal.error
    else:
        assert refusal.errorTitle == "請從下拉式清單中選擇"  # s2twp: Taiwan words
