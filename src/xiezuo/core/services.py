"""Action functions: every business write goes through here, atomic, with `acting_user` and an audit row."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from .audit import diff, record_change, snapshot
from .models import ChangeRecord, Status
from .permissions import TRANSITIONS, can
from .scope import check_write_scope, linked_ids, require_write_scope


def _save_m2m(obj, m2m: dict | None) -> None:
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)


@transaction.atomic
def create_record(model, data: dict, acting_user, m2m: dict | None = None, job=None, note: str = ""):
    """Create a record from cleaned field values (`m2m` holds many-to-many values)."""
    obj = model(**data)
    if hasattr(obj, "created_by_id") and acting_user is not None and obj.created_by_id is None:
        obj.created_by = acting_user
    if job is not None and hasattr(obj, "import_job_id"):
        obj.import_job = job
    obj.full_clean(exclude=[f.name for f in model._meta.many_to_many])
    obj.save()
    _save_m2m(obj, m2m)
    check_write_scope(obj, acting_user)
    record_change(obj, ChangeRecord.Action.CREATE, acting_user, diff({}, snapshot(obj)), note=note, job=job)
    return obj


@transaction.atomic
def update_record(obj, data: dict, acting_user, m2m: dict | None = None, note: str = ""):
    if not can(acting_user, "change", obj):
        raise PermissionDenied("记录已锁定或无修改权限")
    require_write_scope(obj, acting_user)
    # A ModelForm has already written the new values onto `obj`: read the stored state afresh.
    stored = type(obj)._base_manager.get(pk=obj.pk)
    before, links_before = snapshot(stored), linked_ids(stored)
    for name, value in data.items():
        setattr(obj, name, value)
    obj.full_clean(exclude=[f.name for f in type(obj)._meta.many_to_many])
    obj.save()
    _save_m2m(obj, m2m)
    check_write_scope(obj, acting_user, before=links_before)
    changes = diff(before, snapshot(obj))
    if changes:
        record_change(obj, ChangeRecord.Action.UPDATE, acting_user, changes, note=note)
    return obj


@transaction.atomic
def delete_record(obj, acting_user) -> None:
    if not can(acting_user, "delete", obj):
        raise PermissionDenied("记录已锁定或无删除权限")
    require_write_scope(obj, acting_user)
    record_change(obj, ChangeRecord.Action.DELETE, acting_user, diff(snapshot(obj), {}))
    obj.delete()


@transaction.atomic
def transition_record(obj, action: str, acting_user, reason: str = ""):
    """Submit, approve, return (with a reason) or reopen a record."""
    if action not in TRANSITIONS:
        raise ValueError(action)
    obj = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
    if not can(acting_user, action, obj):
        raise PermissionDenied("当前状态或角色不允许此操作")
    require_write_scope(obj, acting_user)
    if action == "return" and not reason.strip():
        raise ValidationError({"reason": "退回时必须填写原因"})
    _from, target = TRANSITIONS[action]
    before = obj.get_status_display()
    obj.status = target
    obj.return_reason = reason.strip() if action == "return" else ""
    obj.save(update_fields=["status", "return_reason", "updated_at"])
    record_change(obj, action, acting_user, {"status": [before, obj.get_status_display()]}, note=reason)
    return obj


__all__ = ["create_record", "update_record", "delete_record", "transition_record", "Status"]
