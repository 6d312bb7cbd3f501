"""The set-based import path every record type gets: a whole file validated and written as a set.

`core.importer.import_file` calls `plan` and `write`. The file is read once; each column is converted and
checked by the record form's own field (`field.clean`, the form's `clean_<name>`), once per *distinct* cell of
the column, so a lookup (a region, an organisation, a choice label or an alias, a training class) costs one
question per distinct value, not one per row. Each row then becomes an unsaved instance checked by the model's
own `clean()`; rules that need the database are asked once for the whole file:

- rows naming the same record (the exported 编号 column, or the record type's `import_key`) update it; a row that
  changes nothing is skipped, and a file that changes nothing at all is refused as before ("系统中已存在相同记录");
- a model may declare `import_checks(objs)` (set-wise versions of the database parts of its `clean()` and of its
  form's own rules; `clean()` skips them when `obj._set_checked` is set) and `import_prepare(objs)` (what its
  `save()` computes, e.g. resolving persons by ID number in one query); see docs/adding-a-record-type.md;
- a model whose `clean()` asked the database for a row, and that declares no `import_checks`, has that row's
  `clean()` asked again once the whole file is written, so rules between rows of the file still hold;
- the write-area gate: the links of all rows are checked with one question per link field before writing, the
  placement of the written rows with one question after, in the same transaction.

Writing is one transaction: `bulk_create` / `bulk_update` (row by row `save()` for a model whose `save()` or
signals compute something and that declares no `import_prepare`), many-to-many rows in bulk, and one change
record per created or changed record, written in bulk. Any problem fails the file; nothing is kept.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import signals
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit import diff, snapshot
from .bulkwrite import Blank, CreatedChanges, among, batches, insert, insert_rows, refresh_statistics
from .models import ChangeRecord, Status
from .permissions import role_allows
from .registry import RecordType
from .scope import (
    OUT_OF_SCOPE_LABEL,
    allowed_ids,
    get_scope,
    link_fields,
    out_of_scope,
    placement_labels,
)
from .scopecache import is_scope_input, raise_stamp
from .text import is_digits

CHUNK = 2000
SAFE_FORM_MODULES = ("django.", "xiezuo.core.forms", "xiezuo.core.ledger", "xiezuo.people.forms")
SAFE_SAVE_MODULES = ("django.", "xiezuo.core.models", "xiezuo.people.models")
ALREADY = gettext_lazy("系统中已存在相同记录")


class ImportRefused(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("refused")


@dataclass
class Row:
    row_no: int
    obj: models.Model
    m2m: dict = field(default_factory=dict)
    existing: bool = False
    changed: set = field(default_factory=set)
    before: dict | None = None   # snapshot of the stored record (updates)
    m2m_before: dict = field(default_factory=dict)
    queried: bool = False        # its clean() asked the database
    values: dict = field(default_factory=dict)  # the row's cleaned values (what the natural key is read from)

# A file that adds this many rows has the tables' statistics refreshed (ANALYZE) before it is committed.
ANALYZE_AFTER = 10_000


def custom_form_rules(form_class) -> bool:
    """Does the form add rules of its own (clean, clean_<field>, _post_clean) beyond the shared mixins?"""
    for klass in form_class.__mro__:
        if klass.__module__.startswith(SAFE_FORM_MODULES) or klass is object:
            continue
        if any(n == "clean" or n == "_post_clean" or n.startswith("clean_") for n in vars(klass)):
            return True
    return False


def bulk_safe(model) -> bool:
    """May rows be written with bulk_create/bulk_update (no save() of its own, no signals), or does the model say
    how (`import_prepare`)?"""
    if signals.pre_save.has_listeners(model) or signals.post_save.has_listeners(model):
        return False
    if hasattr(model, "import_prepare"):
        return True
    for klass in model.__mro__:
        if "save" in vars(klass) and not klass.__module__.startswith(SAFE_SAVE_MODULES):
            return False
    return True


class Column:
    """One column of the file: its form field, and each distinct cell converted once."""

    def __init__(self, name: str, label: str, index: int, probe, spellings):
        self.name, self.label, self.index = name, label, index
        self.field = probe.fields[name]
        self.probe = probe
        self.spellings = spellings
        self.hook = getattr(probe, f"clean_{name}", None)
        self.default = getattr(probe, "_defaults", {}).get(name, None)
        self.has_default = name in getattr(probe, "_defaults", {})
        self.cache: dict = {}

    def convert(self, cell):
        """(value, None) or (None, [messages])."""
        try:
            return self.cache[cell]
        except KeyError:
            pass
        except TypeError:
            return self._convert(cell)
        result = self.cache[cell] = self._convert(cell)
        return result

    def _convert(self, cell):
        from .importer import _to_form_value, _with_value

        try:
            value = _to_form_value(self.field, cell, self.spellings)
        except ValueError as exc:
            return None, [str(exc)]
        try:
            value = self.field.clean(value)
            if self.hook is not None:
                self.probe.cleaned_data = {self.name: value}
                value = self.hook()
        except ValidationError as exc:
            return None, [_with_value(m, cell) for m in exc.messages]
        if self.has_default and value in (None, ""):
            value = self.default
        return value, None


def _existing_by_pk(rt: RecordType, user, pks) -> dict:
    model = rt.model
    related = [f.name for f in model._meta.concrete_fields if f.is_relation]
    out = {}
    for part in batches(pks, CHUNK):
        qs = model.objects.restrict(user, "view").filter(among("pk", part)).select_related(*related)
        out.update({o.pk: o for o in qs})
    return out


def _key_path(model, name: str) -> str:
    names = {f.name for f in model._meta.get_fields()}
    if name not in names and name == "id_number" and "person" in names:
        return "person__id_number"
    f = model._meta.get_field(name)
    return f.attname if f.is_relation else name


def _key_of(row: Row, name: str):
    return row.values[name] if name in row.values else getattr(row.obj, name, None)


def _row_key(row: Row, names) -> tuple:
    from .importer import _key_value

    return tuple(_key_value(_key_of(row, name)) for name in names)


def _match_keys(model, names, keyed: list[tuple[tuple, object]]) -> dict:
    """Stored rows whose natural key equals a file row's: {folded key: pk}; one question per chunk."""
    from .importer import _key_value

    paths = [_key_path(model, n) for n in names]
    raw = [r for _k, r in keyed]
    if not raw:
        return {}
    # Filter on the key part that is never empty in the file; compare the whole key in Python.
    pick = next((i for i in range(len(names)) if all(r[i] is not None for r in raw)), None)
    found: dict = {}
    if pick is None:
        return found
    values = sorted({r[pick] for r in raw}, key=str)
    for part in batches(values, CHUNK):
        for row in model._base_manager.filter(among(paths[pick], part)).values_list("pk", *paths):
            found.setdefault(tuple(_key_value(v) for v in row[1:]), row[0])
    return found


def _raw_key(row: Row, names) -> tuple:
    out = []
    for name in names:
        value = _key_of(row, name)
        out.append(value.pk if hasattr(value, "pk") else value)
    return tuple(out)


def plan(rt: RecordType, user, header: list, data_rows: list, found: dict, progress=None):
    """Validate the file as a set. Returns (rows to write, errors, unchanged row numbers)."""
    from .aliases import aliases
    from .importer import RowError, columns, form_for
    from .tabular import column_letter

    model = rt.model
    probe = form_for(rt, user)
    cols = [Column(name, label, found[name], probe,
                   aliases(f"{model._meta.label_lower}.{name}")
                   if isinstance(probe.fields[name], forms.ChoiceField)
                   and not isinstance(probe.fields[name], forms.ModelChoiceField) else None)
            for name, label, _r in columns(rt, user) if name in found]
    model_fields = {f.name: f for f in model._meta.get_fields()}
    m2m_names = {f.name for f in model._meta.many_to_many}
    pk_index = found.get("__pk__")
    errors: list[RowError] = []
    letters = {c.name: column_letter(c.index) for c in cols}
    labels = {c.name: c.label for c in cols}
    by_form = custom_form_rules(rt.form) and not hasattr(model, "import_checks")
    set_checked = hasattr(model, "import_checks")
    # A row with the natural key of a stored record updates it where the type says so; elsewhere it is refused
    # as a duplicate, and only the exported 编号 names a record to update.
    by_key = getattr(model, "import_updates_by_key", False)

    def err(row_no, name, message):
        if name in letters:
            errors.append(RowError(row_no, letters[name], labels[name], message))
        elif name == "__pk__":
            errors.append(RowError(row_no, column_letter(pk_index), _("编号"), message))
        else:
            label = str(probe.fields[name].label) if name in probe.fields else "-"
            errors.append(RowError(row_no, "-", label, message))

    # The stored records the file names by number (an exported list edited and sent back).
    wanted_pks, pk_of = [], {}
    if pk_index is not None:
        for offset, raw in enumerate(data_rows):
            cell = raw[pk_index] if pk_index < len(raw) else None
            if cell in (None, ""):
                continue
            text = str(cell).strip().split(".")[0]
            if not is_digits(text):
                err(offset + 2, "__pk__", _("编号“%(cell)s”应为数字（导出文件中的记录编号），新记录请留空") % {"cell": cell})
                continue
            pk_of[offset] = int(text)
            wanted_pks.append(int(text))
    stored = _existing_by_pk(rt, user, sorted(set(wanted_pks))) if wanted_pks else {}

    rows: list[Row] = []
    seen_pk: dict[int, int] = {}
    for offset, raw in enumerate(data_rows):
        row_no = offset + 2
        if not any(v not in (None, "") for v in raw):
            continue
        existing = None
        if offset in pk_of:
            # A number no longer stored (or not the reader's to see) is a new row: the natural key still holds.
            existing = stored.get(pk_of[offset])
            if existing is not None and pk_of[offset] in seen_pk:
                err(row_no, "__pk__", _("与第 %(row)s 行重复") % {"row": seen_pk[pk_of[offset]]})
                continue
            if existing is not None:
                seen_pk[pk_of[offset]] = row_no
        if by_form:
            row = _row_by_form(rt, user, cols, raw, row_no, existing, err)
        else:  # the cells only: the record they become is known once the natural keys are matched
            values = _values(cols, raw, row_no, existing, err)
            row = None if values is None else Row(row_no, existing, existing=existing is not None, values=values)
        if row is not None:
            rows.append(row)
        if progress and offset % 2000 == 0:
            progress(5 + int(60 * offset / max(1, len(data_rows))), _("正在校验第 %(row)s 行") % {"row": row_no})
    # Rows with a bad cell are left out; the others are still checked, so one report names every problem.

    # Rows naming a stored record by the natural key become updates of it.
    key = [k for k in rt.import_key if k not in m2m_names]
    if key:
        seen: dict[tuple, int] = {}
        keyed = []
        for row in rows:
            k = _row_key(row, key)
            if row.existing:
                # Named by its 编号: the number says which record it is, even where stored records share a natural
                # key (two projects of one name in one county): an export imports again as it is.
                seen.setdefault(k, row.row_no)
                continue
            if k in seen:
                err(row.row_no, key[0], _("与第 %(row)s 行重复") % {"row": seen[k]})
                continue
            seen[k] = row.row_no
            keyed.append((k, _raw_key(row, key)))
        matches = _match_keys(model, key, keyed)
        if matches:
            found_stored = _existing_by_pk(rt, user, sorted(set(matches.values())))
            for i, row in enumerate(rows):
                if row.existing:
                    continue
                pk = matches.get(_row_key(row, key))
                if pk is None:
                    continue
                target = found_stored.get(pk)
                if target is None or pk in seen_pk or not by_key:
                    err(row.row_no, key[0], str(ALREADY))
                    continue
                seen_pk[pk] = row.row_no
                if by_form:
                    again = _row_by_form(rt, user, cols, data_rows[row.row_no - 2], row.row_no, target, err)
                    if again is not None:
                        rows[i] = again
                else:
                    row.obj, row.existing = target, True
    if not by_form:
        blank, counter = Blank(model), _Counter()
        with connection.execute_wrapper(counter):
            built = [_row_by_columns(blank, cols, r.row_no, r.obj if r.existing else None, r.values, model_fields,
                                     m2m_names, set_checked, err, counter) for r in rows]
        rows = [r for r in built if r is not None]
        if errors:
            return rows, errors, []

    if set_checked:
        for index, name, message in model.import_checks([r.obj for r in rows]):
            err(rows[index].row_no, name, message)
    if errors:
        return rows, errors, []

    # Updates: what the file changes, and whether the user may change it.
    unchanged = [r.row_no for r in rows if r.existing and not r.changed]
    rows = [r for r in rows if not r.existing or r.changed]
    for row in rows:
        if row.existing and not _may_change(user, row.obj):
            err(row.row_no, next(iter(sorted(row.changed)), "-"),
                _("记录已提交或已审核，已锁定（或您无修改权限），不能通过导入修改；请先退回或重新打开"))
    if errors:
        return rows, errors, unchanged
    _check_links(model, user, rows, err)
    return rows, errors, unchanged


def _may_change(user, obj) -> bool:
    if not role_allows(user, "change", obj):
        return False
    lifecycle = type(obj).lifecycle_enabled() if hasattr(type(obj), "lifecycle_enabled") else False
    return not (lifecycle and obj.status in (Status.SUBMITTED, Status.APPROVED))


def _values(cols, raw, row_no, existing, err) -> dict | None:
    values, ok = {}, True
    for col in cols:
        cell = raw[col.index] if col.index < len(raw) else None
        if _kept(col, cell, existing):
            continue
        value, messages = col.convert(cell)
        if messages:
            ok = False
            for m in messages:
                err(row_no, col.name, m)
            continue
        values[col.name] = value
    return values if ok else None


def _kept(col, cell, existing) -> bool:
    """An exported list shows some cells as the reader saw them (a masked ID number, a row of another area):
    sent back on a stored record's row, such a cell keeps what is stored."""
    if existing is None or not isinstance(cell, str):
        return False
    return cell in (OUT_OF_SCOPE_LABEL, str(out_of_scope())) or ("*" in cell and col.name == "id_number")


def _comparable(value):
    if hasattr(value, "pk"):
        return value.pk
    return value


def _row_by_columns(new, cols, row_no, existing, values, model_fields, m2m_names, set_checked, err,
                    counter) -> Row | None:
    """The row's record (`new()`: a blank instance) with the file's values, checked by the model's `clean()`;
    `counter` (an execute wrapper around all rows) tells whether that asked the database."""
    obj = existing if existing is not None else new()
    row = Row(row_no, obj, existing=existing is not None, values=values)
    todo = []  # (name, value, set through the model's import_set_<name>)
    for name, value in values.items():
        f = model_fields.get(name)
        if name in m2m_names:
            row.m2m[name] = list(value or [])
            if existing is not None:
                old = set(getattr(obj, name).values_list("pk", flat=True))
                row.m2m_before[name] = old
                if old != {v.pk for v in row.m2m[name]}:
                    row.changed.add(name)
            continue
        if f is None:  # a form-only field: a person's ID number
            if existing is not None and getattr(obj, name, None) == value:
                continue
            todo.append((name, value, True))
            row.changed.add(name)
            continue
        if value is None and not f.null and not f.is_relation:
            value = f.get_default() if f.has_default() else value
        if existing is not None:
            if _comparable(getattr(obj, f.attname if f.is_relation else name)) == _comparable(value):
                continue
            row.changed.add(name)
        todo.append((name, value, False))
    if existing is not None and row.changed:
        row.before = snapshot(obj)  # a stored record the file changes: as it was (an unchanged one is left alone)
    for name, value, form_only in todo:
        # A model may take a form-only value as already checked (the column checked it once).
        setter = getattr(obj, f"import_set_{name}", None) if form_only else None
        if setter is not None:
            setter(value)
        else:
            setattr(obj, name, value)
    if existing is None or row.changed:
        obj._set_checked = set_checked
        counter.count = 0
        try:
            obj.clean()
        except ValidationError as exc:
            _report(exc, row_no, err)
            return None
        row.queried = bool(counter.count)
    return row


class _Counter:
    """An execute wrapper that counts the queries a model's clean() makes."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _report(exc: ValidationError, row_no, err) -> None:
    by_field = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    for name, messages in by_field.items():
        for m in messages:
            err(row_no, name if name != NON_FIELD_ERRORS else "-", m)


def _row_by_form(rt, user, cols, raw, row_no, existing, err) -> Row | None:
    """A type whose form adds rules of its own: the row goes through the form (as the page does)."""
    from .importer import _to_form_value, _with_value

    data = {}
    bad = False
    for col in cols:
        cell = raw[col.index] if col.index < len(raw) else None
        if _kept(col, cell, existing):
            continue
        try:
            value = _to_form_value(col.field, cell, col.spellings)
        except ValueError as exc:
            err(row_no, col.name, str(exc))
            bad = True
            continue
        if value is not None:
            data[col.name] = value
    if bad:
        return None
    if existing is not None:
        before = snapshot(existing)
        concrete = [f for f in type(existing)._meta.concrete_fields if not f.primary_key]
        stored_values = {f.name: getattr(existing, f.attname) for f in concrete}
        m2m_before = {f.name: set(getattr(existing, f.name).values_list("pk", flat=True))
                      for f in type(existing)._meta.many_to_many}
        # Columns the file leaves out keep what is stored.
        initial = rt.form(instance=existing, user=user)
        for name in initial.fields:
            if name not in data and name not in {c.name for c in cols}:
                value = initial.initial.get(name)
                if value not in (None, ""):
                    data[name] = value
    form = rt.form(data=data, user=user, instance=existing)
    if not form.is_valid():
        for name, messages in form.errors.items():
            col = next((c for c in cols if c.name == name), None)
            cell = raw[col.index] if col is not None and col.index < len(raw) else None
            for m in messages:
                err(row_no, name if name in form.fields else "-", _with_value(m, cell))
        return None
    plain, m2m = form.split()
    obj = form.instance
    row = Row(row_no, obj, m2m=m2m, existing=existing is not None, values=dict(form.cleaned_data))
    if existing is not None:
        row.before = before
        row.m2m_before = m2m_before
        row.changed = {f.name for f in concrete if getattr(obj, f.attname) != stored_values[f.name]}
        for name, values in m2m.items():
            if {v.pk for v in values} != m2m_before.get(name, set()):
                row.changed.add(name)
        if not row.changed:
            row.m2m = {}
    return row


def _check_links(model, user, rows: list[Row], err) -> None:
    """The write gate's link rule for the whole file: one question per link field."""
    if user is None or get_scope(user).everything:
        return
    message = _("“%(field)s”所选的对象不在您可关联的范围内（本辖区及其结对方）。")
    for f in link_fields(model):
        wanted: dict = {}
        for row in rows:
            if f.many_to_many:
                if f.name not in row.m2m:
                    continue
                ids = {getattr(v, "pk", v) for v in row.m2m[f.name]} - row.m2m_before.get(f.name, set())
            else:
                if row.existing and f.name not in row.changed:
                    continue
                value = getattr(row.obj, f.attname)
                ids = set() if value is None else {value}
            for i in ids:
                wanted.setdefault(i, []).append(row)
        if not wanted:
            continue
        allowed = allowed_ids(f.related_model, user, set(wanted))
        for i, rs in wanted.items():
            if i not in allowed:
                for row in rs:
                    err(row.row_no, f.name if f.editable else "-", message % {"field": f.verbose_name})


def write(rt: RecordType, user, rows: list[Row], job=None, progress=None) -> tuple[int, int]:
    """Write the planned rows in one transaction (the caller's); returns (created, updated)."""
    model = rt.model
    new = [r for r in rows if not r.existing]
    old = [r for r in rows if r.existing]
    fast = bulk_safe(model)
    if hasattr(model, "import_prepare"):
        model.import_prepare([r.obj for r in rows])
    for r in new:
        if hasattr(r.obj, "created_by_id") and user is not None and r.obj.created_by_id is None:
            r.obj.created_by = user
        if job is not None and hasattr(r.obj, "import_job_id"):
            r.obj.import_job = job
    created = CreatedChanges(model)
    if fast:
        insert(model, [r.obj for r in new])
    else:
        for r in new:
            # Row by row, each row is checked against the rows written before it (rules between rows of a file).
            _clean_or_refuse(rt, user, r, full=True)
            r.obj.save()
    if progress:
        progress(80, _("已写入 %(n)s 条新记录") % {"n": len(new)})
    for f in model._meta.many_to_many:
        through = f.remote_field.through
        source, target = f.m2m_field_name(), f.m2m_reverse_field_name()
        links = [through(**{f"{source}_id": r.obj.pk, f"{target}_id": v.pk})
                 for r in new for v in r.m2m.get(f.name, [])]
        through._base_manager.bulk_create(links, batch_size=CHUNK)
    now = timezone.now()
    if old:
        columns = set()
        for r in old:
            if fast:
                r.obj.version = (r.obj.version or 0) + 1 if hasattr(r.obj, "version") else None
                r.obj.updated_at = now if hasattr(r.obj, "updated_at") else None
            else:
                _clean_or_refuse(rt, user, r, full=True)
                r.obj.save(update_fields=model.edit_columns())
            for name, values in r.m2m.items():
                getattr(r.obj, name).set(values)
            columns |= {n for n in r.changed if n in {f.name for f in model._meta.concrete_fields}}
        if fast:
            edit = set(model.edit_columns()) if hasattr(model, "edit_columns") else columns
            names = sorted((columns | _derived(model)) & edit | {"version", "updated_at"} & edit)
            model._base_manager.bulk_update([r.obj for r in old], names, batch_size=CHUNK)
    # Rules between rows of the file, for a model that keeps them in clean() only: asked again now that every
    # row is written.
    if fast and not hasattr(model, "import_checks"):
        for r in rows:
            if r.queried:
                _clean_or_refuse(rt, user, r)
    _check_placement(rt, user, rows)
    ct = ContentType.objects.get_for_model(model).pk
    uid, jid, now, note = getattr(user, "pk", None), getattr(job, "pk", None), timezone.now(), _("批量导入")
    rows_out = [(ct, str(r.obj.pk), str(r.obj)[:300], ChangeRecord.Action.CREATE, uid, now,
                 created.changes(r.obj, r.m2m), note, getattr(r.obj, "version", None), jid) for r in new]
    rows_out += [(ct, str(r.obj.pk), str(r.obj)[:300], ChangeRecord.Action.UPDATE, uid, now,
                  _quiet(diff(r.before, snapshot(r.obj))), note, getattr(r.obj, "version", None), jid)
                 for r in old]
    insert_rows(ChangeRecord, ["content_type", "object_id", "object_repr", "action", "user", "time", "changes",
                               "note", "version", "job"], rows_out)
    if is_scope_input(model):
        raise_stamp()  # units or pairings written in bulk: users' scopes are recomputed (core/scopecache.py)
    if len(new) >= ANALYZE_AFTER:
        refresh_statistics(model, ChangeRecord)  # pages plan from the new rows, autovacuum or not
    return len(new), len(old)


def _clean_or_refuse(rt, user, r: Row, full: bool = False) -> None:
    """The row's own rules again, now that the rows before it are written; a refusal names the row."""
    from .importer import RowError

    try:
        if full:
            r.obj.full_clean(exclude=[f.name for f in type(r.obj)._meta.many_to_many])
        else:
            r.obj.clean()
    except ValidationError as exc:
        found: list = []

        def add(n, name, m):
            found.append(RowError(n, "-", _label(rt, user, name), m))

        _report(exc, r.row_no, add)
        raise ImportRefused(found) from None


def _derived(model) -> set:
    """Columns a model's `import_prepare` sets besides those of the file (review flags)."""
    return set(getattr(model, "import_derived", ()))


def _quiet(changes: dict) -> dict:
    for name in ("version", "submitted_by"):
        changes.pop(name, None)
    return changes


def _label(rt, user, name) -> str:
    from .importer import form_label

    return form_label(rt, user, name) if name != "-" else "-"


def _check_placement(rt, user, rows: list[Row]) -> None:
    """The write gate's placement rule, after the write: every written row must lie in the writer's own area."""
    from .importer import RowError

    if user is None or get_scope(user).everything or not rows:
        return
    model = rt.model
    pks = [r.obj.pk for r in rows]
    inside = set()
    for part in batches(pks, CHUNK):
        inside |= set(model.objects.restrict(user, "change").filter(among("pk", part)).values_list("pk", flat=True))
    outside = [r for r in rows if r.obj.pk not in inside]
    if not outside:
        return
    labels = placement_labels(model)
    text = "、".join(f"“{label}”" for label in labels) or str(model._meta.verbose_name)
    message = (_("%(fields)s不在您的管辖范围内：只能在本辖区新建记录或将记录移入本辖区。") if len(labels) <= 1
               else _("%(fields)s均不在您的管辖范围内：只能在本辖区新建记录或将记录移入本辖区。")) % {"fields": text}
    raise ImportRefused([RowError(r.row_no, "-", "、".join(str(x) for x in labels) or "-", message)
                         for r in outside])


def import_rows(rt: RecordType, user, header, data_rows, found, unknown, job=None, progress=None) -> dict:
    # A large file makes hundreds of thousands of small objects that live until the end: the cyclic garbage
    # collector would walk them again and again (time growing with the square of the rows). Nothing here makes
    # cycles that must be freed before the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import_rows(rt, user, header, data_rows, found, unknown, job, progress)
    finally:
        if collecting:
            gc.enable()


def _import_rows(rt, user, header, data_rows, found, unknown, job, progress) -> dict:
    from .importer import RowError, column_letter_for

    rows, errors, unchanged = plan(rt, user, header, data_rows, found, progress)
    if errors:
        return {"created": 0, "updated": 0, "unchanged": 0, "errors": errors, "ignored_columns": unknown}
    if not rows:
        key = rt.import_key[0] if rt.import_key else None
        letter, label = column_letter_for(rt, user, found, key)
        errors = [RowError(n, letter, label, str(ALREADY)) for n in unchanged]
        return {"created": 0, "updated": 0, "unchanged": len(unchanged), "errors": errors,
                "ignored_columns": unknown, "nothing_new": True}
    if progress:
        progress(70, _("校验通过，正在写入 %(n)s 条记录") % {"n": len(rows)})
    try:
        with transaction.atomic():
            created, updated = write(rt, user, rows, job=job, progress=progress)
    except ImportRefused as exc:
        return {"created": 0, "updated": 0, "unchanged": 0, "errors": _with_letters(rt, user, found, exc.errors),
                "ignored_columns": unknown}
    except IntegrityError as exc:
        return {"created": 0, "updated": 0, "unchanged": 0, "ignored_columns": unknown,
                "errors": [RowError(None, "-", "-", _("写入时与系统中已有记录冲突，未导入任何记录：%(e)s") % {"e": exc})]}
    return {"created": created, "updated": updated, "unchanged": len(unchanged), "errors": [],
            "ignored_columns": unknown}


def _with_letters(rt, user, found: dict, errors: list) -> list:
    """Refusals found while writing (a row's rules against the rows before it, the area) name the field; give
    them the column it was read from, as the checks before writing do."""
    from dataclasses import replace

    from .importer import form_label
    from .tabular import column_letter

    letters = {form_label(rt, user, name): column_letter(index) for name, index in found.items()
               if name != "__pk__"}
    letters.pop("-", None)
    return [replace(e, column=letters[e.header]) if e.column == "-" and e.header in letters else e for e in errors]


__all__ = ["import_rows", "plan", "write", "custom_form_rules", "bulk_safe"]
