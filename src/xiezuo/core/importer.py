"""Bulk import of a registered record type from .xlsx or .csv.

Each cell is checked by the record form's own field and each row by the record's
own rules, so the page and the file obey the same rules; the file is validated and
written as a set (core/bulkimport.py). Any problem (with its row and column) fails
the whole file and changes nothing; a clean file is written in one transaction with
an audit row per record. A row carrying an exported 编号, or the natural key of a
stored record, updates that record; re-importing the same file changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .registry import RecordType
from .tabular import FileProblem, column_letter, excel_date, read_rows, write_xlsx
from .text import fold, is_digits

LIST_SPLIT = re.compile(r"[；;,，、\n]+")
TRUE = {"是", "true", "1", "yes", "y", "√", "有"}
FALSE = {"否", "false", "0", "no", "n", "×", "无", ""}
_WIDEN = str.maketrans("(),:;", "（），：；")
# Columns an export adds after the record's own (core/transfer.py `export_headers`), read in any language.
EXPORT_KEY = gettext_noop("编号")
EXPORT_ONLY = gettext_noop("状态")


def in_every_language(make) -> list:
    """What `make()` gives in the reader's language, then in each of the site's languages: a sheet may come from a
    user of another language (a county's Chinese sheet imported by an English-speaking user, an English export
    imported again by a Chinese one), and its headings and choices are read all the same."""
    out = [make()]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            out.append(make())
    return out


def _folded_everywhere(message: str) -> set[str]:
    return set(in_every_language(lambda: fold(_(message))))


@dataclass
class RowError:
    row: int | None  # None: a problem of the whole file (shown without a row number)
    column: str
    header: str
    message: str

    def as_list(self) -> list:
        return ["" if self.row is None else self.row, self.column, self.header, self.message]


def form_for(rt: RecordType, user):
    return rt.form(user=user)


def columns(rt: RecordType, user=None) -> list[tuple[str, str, bool]]:
    """(field name, Chinese header, required) for the template, import and export."""
    form = form_for(rt, user)
    out = []
    for name in rt.fields():
        f = form.fields[name]
        out.append((name, str(f.label or name), bool(f.required)))
    return out


def header_map(rt: RecordType, user, header_row: list) -> tuple[dict[str, int], list[str]]:
    """Match the file's headers to fields: by label, field name or an alias, ignoring script, `*` and spaces."""
    wanted = {}
    # The reader's own language first: a heading that another language spells alike never wins over it.
    for labels in in_every_language(lambda: columns(rt, user)):
        for name, label, _required in labels:
            for variant in [label, name, *rt.column_aliases.get(name, [])]:
                wanted.setdefault(fold(variant), name)
    export_key, export_only = _folded_everywhere(EXPORT_KEY), _folded_everywhere(EXPORT_ONLY)
    found, unknown = {}, []
    for index, header in enumerate(header_row):
        key = fold(str(header or "")).rstrip("*").replace("（必填）", "").replace("(必填)", "")
        key = key.split("（")[0].split("(")[0] if key not in wanted else key
        if key in wanted and wanted[key] not in found:
            found[wanted[key]] = index
        elif key in export_key and key not in wanted and "__pk__" not in found:
            found["__pk__"] = index  # the record's number, as an export writes it: the row updates that record
        elif key in export_only and key not in wanted:
            continue  # written by an export (the status), never read back
        elif header not in (None, ""):
            unknown.append(str(header))
    return found, unknown


def field_hint(f: forms.Field) -> str:
    """What to enter in a column: format and, for a choice, the labels to choose from."""
    if isinstance(f, forms.ModelMultipleChoiceField):
        return _("多个值用顿号（、）分隔") + (_("，填 12 位行政区划代码") if f.queryset.model._meta.model_name == "region"
                                         else _("，填名称"))
    if isinstance(f, forms.ModelChoiceField):
        return (_("12 位行政区划代码（如 522700000000）") if f.queryset.model._meta.model_name == "region"
                else _("填写名称，须已在系统中登记"))
    if isinstance(f, (forms.TypedChoiceField, forms.ChoiceField)):
        return _("可选：") + "、".join(choice_labels(f))
    if isinstance(f, forms.DateField):
        return _("日期，如 2018-03-20")
    if isinstance(f, forms.DecimalField):
        return _("数字（元）")
    if isinstance(f, forms.IntegerField):
        return _("整数")
    if isinstance(f, forms.BooleanField):
        return _("是 / 否")
    return str(f.help_text or _("文本"))


def choice_labels(f: forms.Field) -> list[str]:
    if isinstance(f, forms.ModelChoiceField):
        return []
    if isinstance(f, (forms.BooleanField, forms.NullBooleanField)):
        return [_("是"), _("否")]
    if isinstance(f, forms.ChoiceField):
        out = []
        for value, label in f.choices:
            if isinstance(label, (list, tuple)):  # an option group
                out += [str(lbl) for v, lbl in label if v not in ("", None)]
            elif value not in ("", None):
                out.append(str(label))
        return out
    return []


def template_notes(rt: RecordType, user) -> list[list[str]]:
    form = form_for(rt, user)
    notes = [[_("列名"), _("是否必填"), _("格式与可选值")]]
    for name, label, required in columns(rt, user):
        notes.append([label, _("是") if required else _("否"), field_hint(form.fields[name])])
    return notes


def _kind(f: forms.Field) -> str:
    from .xlsxtemplate import DATE, INTEGER, NUMBER, TEXT

    if isinstance(f, forms.DateField):
        return DATE
    if isinstance(f, forms.DecimalField) or isinstance(f, forms.FloatField):
        return NUMBER
    if isinstance(f, forms.IntegerField) and not isinstance(f, forms.ChoiceField):
        return INTEGER
    # Everything else is text: codes, ID numbers and phone numbers stay as typed.
    return TEXT


def _sample(name: str, f: forms.Field, label: str, user=None):
    import datetime as dt

    from .idcard import check_char

    labels = choice_labels(f)
    if labels:
        return labels[0]
    if isinstance(f, forms.ModelChoiceField):
        model = f.queryset.model
        if model._meta.model_name == "region":
            # The user's own area: a sample that the user's import would accept.
            from .scope import get_scope

            prefixes = get_scope(user).region_prefixes if user is not None else []
            return sorted(prefixes)[0].ljust(12, "0") if prefixes else "522700000000"
        first = f.queryset.order_by("pk").first()
        return str(first) if first is not None else ""
    if isinstance(f, forms.DateField):
        return dt.date(2021, 3, 1)
    if isinstance(f, (forms.DecimalField, forms.FloatField)):
        return 100000
    if isinstance(f, forms.IntegerField):
        return 10
    if "id_number" in name or "身份证" in label:
        first17 = "52270119900101123"
        return first17 + check_char(first17)
    if name.endswith("code"):
        return "522701000000"
    if "phone" in name or "电话" in label:
        return "13800000000"
    # Free text with a format of its own (milestones: "2019-05-01 事项") is left to the comment to explain.
    return _("（示例）%(label)s") % {"label": label} if f.required else ""


def template_columns(rt: RecordType, user) -> list:
    from .xlsxtemplate import TemplateColumn

    form = form_for(rt, user)
    out = []
    for name, label, required in columns(rt, user):
        f = form.fields[name]
        help_text = str(f.help_text or "").strip()
        hint = field_hint(f)
        comment = "\n".join(part for part in (
            _("%(label)s（必填）") % {"label": label} if required else _("%(label)s（选填）") % {"label": label},
            help_text if help_text != hint else "", hint) if part)
        out.append(TemplateColumn(header=f"{label}*" if required else label, comment=comment, kind=_kind(f),
                                  choices=choice_labels(f), sample=_sample(name, f, label, user)))
    return out


def write_template(rt: RecordType, user, target) -> None:
    from .xlsxtemplate import write_import_template

    write_import_template(target, rt.verbose_name, template_columns(rt, user), notes=template_notes(rt, user))


def _to_form_value(field: forms.Field, value, aliases: dict[str, str] | None = None):
    """Turn a cell into what the form field expects. Raises ValueError with a Chinese message. `aliases`: the
    administrators' spellings of a choice field (folded spelling → value, core.ValueAlias)."""
    if value is None or value == "":
        return None
    if isinstance(field, forms.ModelMultipleChoiceField):
        items = [v for v in LIST_SPLIT.split(str(value)) if v.strip()]
        if field.queryset.model._meta.model_name == "region":
            return "、".join(items)
        return [_lookup(field, item) for item in items]
    if isinstance(field, forms.ModelChoiceField):
        meta = field.queryset.model._meta
        if meta.model_name == "region" or field.to_field_name not in (None, meta.pk.name):
            return str(value)  # the field finds the object by the key as typed (a code, a household number)
        return _lookup(field, str(value))
    if isinstance(field, forms.BooleanField):
        text = fold(str(value))
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValueError(_("应填“是”或“否”，实际为“%(value)s”") % {"value": value})
    if isinstance(field, forms.ChoiceField):
        text = fold(str(value))
        chosen = _choice_keys(field).get(text)
        if chosen is not None:
            return chosen
        if aliases and text in aliases:
            return aliases[text]
        allowed = "、".join(str(lbl) for val, lbl in field.choices if val not in ("", None))
        raise ValueError(_("“%(value)s”不是可选值（可选：%(allowed)s）") % {"value": value, "allowed": allowed})
    if isinstance(field, forms.DateField):
        try:
            return excel_date(value).isoformat()
        except (ValueError, OverflowError):
            pass
        # What the page's field takes, the sheet takes too (a month field: 2020-05, 2020年5月).
        text = str(value).strip()
        for candidate in dict.fromkeys((text, text.replace("年", "-").replace("月", "").rstrip("-"))):
            try:
                day = field.to_python(candidate)
            except ValidationError:
                continue
            if day:
                return day.isoformat()
        raise ValueError(_("日期“%(value)s”无法识别，请写成 2018-03-20") % {"value": value})
    if isinstance(field, (forms.DecimalField, forms.IntegerField, forms.FloatField)):
        return str(value).replace(",", "").replace("，", "")
    return str(value)


_CHOICE_KEYS: dict[tuple, dict] = {}


def _choice_keys(field: forms.ChoiceField) -> dict:
    """Folded value and label, in the reader's language and then in each of the site's → the choice's value.
    Kept per set of choices as the reader sees them (a file's rows ask for the same field again and again)."""
    seen = (translation.get_language(), tuple((val, str(label)) for val, label in field.choices))
    kept = _CHOICE_KEYS.get(seen)
    if kept is not None:
        return kept

    def keys() -> dict:
        out = {}
        for val, label in field.choices:
            if val not in ("", None):
                out.setdefault(fold(str(label)), val)
                out.setdefault(fold(str(val)), val)
        return out

    merged: dict = {}
    for one in in_every_language(keys):
        for key, val in one.items():
            merged.setdefault(key, val)
    if len(_CHOICE_KEYS) > 1000:
        _CHOICE_KEYS.clear()
    _CHOICE_KEYS[seen] = merged
    return merged


def _lookup(field: forms.ModelChoiceField, text: str):
    model = field.queryset.model
    key_field = getattr(model, "lookup_field", "name")
    text = text.strip()
    if is_digits(text) and key_field != "code":
        obj = field.queryset.filter(pk=int(text)).first()
        if obj:
            return obj.pk
    from .text import to_simplified

    if key_field not in {f.name for f in model._meta.get_fields()}:
        # A type without a name (e.g. a meeting) is named by its number only: anything else is not found.
        raise ValueError(_("未找到%(type)s“%(text)s”（请填写编号；或不在您的管辖范围内）") % {"type": model._meta.verbose_name, "text": text})
    # A name may be written with half- or full-width brackets and commas, here or where it is stored: try both.
    wide, narrow = text.translate(_WIDEN), unicodedata.normalize("NFKC", text)
    matches = list(field.queryset.filter(**{f"{key_field}__in": {v for t in (text, wide, narrow)
                                                                 for v in (t, to_simplified(t))}})[:2])
    if len(matches) != 1:
        raise ValueError(_("未找到%(type)s“%(text)s”（不存在，或不在您的管辖范围内）") % {"type": model._meta.verbose_name, "text": text}
                         if not matches else
                         _("%(type)s“%(text)s”不唯一") % {"type": model._meta.verbose_name, "text": text})
    return matches[0].pk


def _key_value(v):
    if hasattr(v, "pk"):
        return v.pk
    if isinstance(v, str):
        return fold(v)
    return v


def _with_value(message: str, cell) -> str:
    """A form's message with the cell it refers to (the form's own words do not show it)."""
    if cell in (None, "") or str(cell) in message:
        return message
    return f"{message.rstrip('。.')}：{cell}"


def write_error_report(errors: list[RowError], target) -> None:
    write_xlsx(target, [_("行号"), _("列"), _("列名"), _("问题")], [e.as_list() for e in errors], sheet=_("错误清单"),
               widths=[8, 6, 20, 60])


def read_file(rt: RecordType, user, path: Path, filename: str):
    """(header, data rows, found columns, ignored headers, missing-column errors) of an import file."""
    rows = read_rows(Path(path), filename)
    try:
        header = next(rows)
    except StopIteration:
        raise FileProblem(_("文件为空，没有表头。")) from None
    found, unknown = header_map(rt, user, header)
    missing = [label for name, label, required in columns(rt, user) if required and name not in found]
    if missing:  # one message naming every missing column, before any row is read
        return header, [], found, unknown, [RowError(None, "-", "、".join(missing),
            _("缺少必填列：%(columns)s（第 1 行为表头）。请使用导入模板，或补上这些列后重新上传。")
            % {"columns": "、".join(missing)})]
    data_rows = list(rows)
    if not any(any(v not in (None, "") for v in r) for r in data_rows):
        raise FileProblem(_("文件只有表头，没有数据行。"))
    return header, data_rows, found, unknown, []


def import_file(rt: RecordType, user, path: Path, filename: str, job=None, progress=None) -> dict:
    """Import a file as a set (core/bulkimport.py): new rows created, rows naming a stored record (by the exported
    编号 or the natural key) update it, unchanged rows skipped; any problem fails the whole file."""
    from .bulkimport import import_rows

    header, data_rows, found, unknown, errors = read_file(rt, user, path, filename)
    if errors:
        return {"created": 0, "updated": 0, "unchanged": 0, "errors": errors, "ignored_columns": unknown}
    return import_rows(rt, user, header, data_rows, found, unknown, job=job, progress=progress)


def column_letter_for(rt: RecordType, user, found: dict, name: str | None) -> tuple[str, str]:
    """(column letter, header) of field `name` in the file, for a message about the row as a whole."""
    if name is None or name not in found:
        return "-", "-"
    labels = "、".join(str(form_for(rt, user).fields[k].label) for k in rt.import_key
                       if k in form_for(rt, user).fields)
    return column_letter(found[name]), labels


def form_label(rt: RecordType, user, name: str) -> str:
    f = form_for(rt, user).fields.get(name)
    return str(f.label) if f is not None and f.label else "-"
