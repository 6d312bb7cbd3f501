"""The audit trail: snapshot an object's fields and record the difference."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from .models import ChangeRecord
from .scope import Visibility, get_scope, is_scoped_model, out_of_scope

# row_digest: the registry import's fingerprint of a member's file row, not a fact of the record.
SKIP = {"created_at", "updated_at", "search_key", "path", "row_digest"}


def _display(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return gettext_noop("是") if value else gettext_noop("否")
    if isinstance(value, (dt.date, dt.datetime, Decimal, int, float)):
        return str(value)
    return str(value)


REFS = "_refs"


class Snapshot(dict):
    """Field → displayable value, plus `refs`: for each field pointing at area-scoped rows (organisations,
    records), the model and the (key, text) of each row. `diff` stores the refs of the changed fields under
    `changes["_refs"]`, so that the history shows a row's name only to a reader who may see that row."""

    refs: dict


def snapshot(obj: models.Model) -> Snapshot:
    """Displayable values of every concrete and many-to-many field (and, aside, the rows they name)."""
    data = Snapshot()
    refs: dict[str, list] = {}
    skip = SKIP if getattr(type(obj), "lifecycle", True) else SKIP | {"status", "return_reason"}
    for f in obj._meta.concrete_fields:
        if f.name in skip or f.primary_key:
            continue
        if f.is_relation:
            related_id = getattr(obj, f.attname)
            data[f.name] = None if related_id is None else _display(getattr(obj, f.name))
            if related_id is not None and is_scoped_model(f.related_model):
                refs[f.name] = [f.related_model._meta.label_lower, [[related_id, data[f.name]]]]
        elif f.choices:
            raw = getattr(obj, f.attname)
            with translation.override("zh-hans"):  # kept as the label's message id, shown translated (`_shown`)
                data[f.name] = None if raw in (None, "") else str(dict(f.flatchoices).get(raw, raw))
        else:
            data[f.name] = _display(getattr(obj, f.attname))
    if obj.pk:
        for f in obj._meta.many_to_many:
            rows = sorted(((str(o), o.pk) for o in getattr(obj, f.name).all()), key=lambda r: r[0])
            data[f.name] = "；".join(text for text, _pk in rows)
            if rows and is_scoped_model(f.related_model):
                refs[f.name] = [f.related_model._meta.label_lower, [[pk, text] for text, pk in rows]]
    data.refs = refs
    return data


def diff(before: dict, after: dict) -> dict[str, list]:
    """Fields that changed, each [before, after]; `_refs` keeps the rows behind the changed related fields."""
    out: dict = {k: [before.get(k), after.get(k)] for k in after.keys() | before.keys()
                 if k != REFS and before.get(k) != after.get(k)
                 and not (before.get(k) in (None, "") and after.get(k) in (None, ""))}
    refs_before, refs_after = getattr(before, "refs", {}), getattr(after, "refs", {})
    refs = {}
    for name in out:
        if name in refs_before or name in refs_after:
            model = (refs_after.get(name) or refs_before.get(name))[0]
            refs[name] = {"model": model, "before": (refs_before.get(name) or [model, []])[1],
                          "after": (refs_after.get(name) or [model, []])[1]}
    if refs:
        out[REFS] = refs
    return out


def record_change(obj, action: str, user, changes: dict | None = None, note: str = "", job=None) -> ChangeRecord:
    return ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        user=user,
        changes=changes or {},
        note=note,
        job=job,
    )


def history(obj, user=None, limit: int | None = None):
    """The object's change records, newest first. With `user`, a list whose entries carry `.rows`: (label,
    before, after) as that reader may see them (see `shown_rows`)."""
    qs = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("user")
    if limit is not None:
        qs = qs[:limit]
    if user is None:
        return qs
    changes = list(qs)
    shown_rows(changes, user)
    return changes


def shown_rows(changes, user) -> None:
    """Give each change record `.rows`, masking rows of other areas as （范围外记录）.

    A change stores, under `_refs`, the model and key of each related row it names; a row the reader may not
    open shows as （范围外记录）. Older entries have no `_refs`: their related values show only to a reader who
    sees everything. One query per related model for the whole list.
    """
    everything = get_scope(user).everything
    wanted: dict[str, set] = {}
    for change in changes:
        for ref in (change.changes.get(REFS) or {}).values():
            for pk, _text in [*ref.get("before", []), *ref.get("after", [])]:
                wanted.setdefault(ref["model"], set()).add(pk)
    visible: dict[str, set] = {}
    seeing = Visibility(user)  # the answers for units and pairings are kept with the reader's scope
    for label, pks in wanted.items():
        model = apps.get_model(label)
        if everything:
            visible[label] = set(pks)
            continue
        seeing.prefetch(model, pks)
        visible[label] = {pk for pk in pks if seeing.may_open(model, pk)}
    for change in changes:
        model = ContentType.objects.get_for_id(change.content_type_id).model_class()
        refs = change.changes.get(REFS) or {}
        rows = []
        for name, pair in change.changes.items():
            if name == REFS or not isinstance(pair, list) or len(pair) != 2:
                continue
            before, after = pair
            if name in refs:
                seen = visible.get(refs[name]["model"], set())
                before = _masked(refs[name].get("before", []), seen, before)
                after = _masked(refs[name].get("after", []), seen, after)
            elif not everything and _is_scoped_link(model, name):
                before = out_of_scope() if before not in (None, "") else before
                after = out_of_scope() if after not in (None, "") else after
            rows.append((_label(model, name), _shown(model, name, before), _shown(model, name, after)))
        change.rows = rows


def _masked(items, seen: set, text):
    if not items:
        return text
    return "；".join(str(t) if pk in seen else out_of_scope() for pk, t in items)


def _is_scoped_link(model, name: str) -> bool:
    try:
        f = model._meta.get_field(name)
    except Exception:
        return False
    return f.is_relation and is_scoped_model(f.related_model)


def _shown(model, name: str, value):
    """A yes/no or a choice is kept as its Simplified label (a message id): the reader sees it in their language."""
    try:
        field = model._meta.get_field(name)
    except Exception:
        return value
    if isinstance(value, str) and value and (getattr(field, "choices", None) or isinstance(field, models.BooleanField)):
        return gettext(value)
    return value


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return gettext(name)  # a summary kept under a message id (an import's counts)
