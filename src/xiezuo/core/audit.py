"""The audit trail: snapshot an object's fields and record the difference."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import ChangeRecord

# row_digest: the registry import's fingerprint of a member's file row, not a fact of the record.
SKIP = {"created_at", "updated_at", "search_key", "path", "row_digest"}


def _display(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dt.date, dt.datetime, Decimal, int, float)):
        return str(value)
    return str(value)


def snapshot(obj: models.Model) -> dict[str, str | None]:
    """Displayable values of every concrete and many-to-many field."""
    data: dict[str, str | None] = {}
    skip = SKIP if getattr(type(obj), "lifecycle", True) else SKIP | {"status", "return_reason"}
    for f in obj._meta.concrete_fields:
        if f.name in skip or f.primary_key:
            continue
        if f.is_relation:
            related_id = getattr(obj, f.attname)
            data[f.name] = None if related_id is None else _display(getattr(obj, f.name))
        elif f.choices:
            raw = getattr(obj, f.attname)
            data[f.name] = None if raw in (None, "") else str(dict(f.flatchoices).get(raw, raw))
        else:
            data[f.name] = _display(getattr(obj, f.attname))
    if obj.pk:
        for f in obj._meta.many_to_many:
            data[f.name] = "；".join(sorted(str(o) for o in getattr(obj, f.name).all()))
    return data


def diff(before: dict, after: dict) -> dict[str, list]:
    return {k: [before.get(k), after.get(k)] for k in after.keys() | before.keys()
            if before.get(k) != after.get(k) and not (before.get(k) in (None, "") and after.get(k) in (None, ""))}


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


def history(obj):
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("user")
