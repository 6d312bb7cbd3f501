"""Action functions: every business write goes through here, atomic, with `acting_user` and an audit row.

Edits and transitions lock the row (`select_for_update`) and decide on what is
stored, not on what the caller read earlier. An edit writes only the editable
columns and names the version it was based on; a transition writes only the
lifecycle columns. So a submit and an edit at the same moment end one after the
other, and a save based on an old version is refused (`StaleVersion`), never
silently applied over someone else's change.
"""

from __future__ import annotations

from contextlib import nullcontext

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .audit import diff, record_change, snapshot
from .models import ChangeRecord, Status
from .permissions import REVIEW_ACTIONS, TRANSITIONS, can, review_refusal
from .scope import check_links_first, check_write_scope, linked_ids, require_write_scope
from .tablestamps import draft_write, stored

# Bookkeeping columns a history entry never lists.
_QUIET = ("version", "submitted_by")


def _as_draft(obj, *statuses, before: dict | None = None):
    """The write of a record that is approved neither before nor after it (`before`: its columns before, for a
    change of a stored row): figures of approved records that read its table only as such, or read only other
    columns of it, are not counted again (core/tablestamps.py)."""
    if hasattr(type(obj), "LIFECYCLE_FIELDS") and all(s is not None and s != Status.APPROVED for s in statuses):
        return draft_write(obj, before)
    return nullcontext()


class StaleVersion(Exception):
    """An edit based on an old version: `changes` says what others changed since, field by field."""

    def __init__(self, obj, based_on: int, changes: list[tuple[str, str | None, str | None]]):
        self.obj = obj
        self.based_on = based_on
        self.current = obj.version
        self.changes = changes
        super().__init__(self.message())

    def lines(self) -> list[str]:
        head = _("保存失败：您打开此记录后，它已被他人修改（您基于第 %(then)d 版，当前为第 %(now)d 版），"
                 "您的修改未保存。") % {"then": self.based_on, "now": self.current}
        return [head, *(_("%(field)s：当时为“%(then)s”，现在为“%(now)s”") % {
            "field": label, "then": _("（空）") if then in (None, "") else then,
            "now": _("（空）") if now in (None, "") else now} for label, then, now in self.changes)]

    def message(self) -> str:
        return "；".join(self.lines())

    def as_dict(self) -> dict:
        return {"detail": self.message(), "based_on": self.based_on, "version": self.current,
                "changes": [{"field": f, "then": t, "now": n} for f, t, n in self.changes]}


def _quiet(changes: dict) -> dict:
    for name in _QUIET:
        changes.pop(name, None)
    return changes


def _log(obj, action: str, acting_user, changes: dict, note: str = "", job=None) -> ChangeRecord:
    """The audit row, stamped with the version the write produced (a stale edit reads what changed since)."""
    change = record_change(obj, action, acting_user, changes, note=note, job=job)
    ChangeRecord.objects.filter(pk=change.pk).update(version=obj.version)
    change.version = obj.version
    return change


def changes_since(obj, version: int) -> list[tuple[str, str | None, str | None]]:
    """(field label, value at `version`, value now) for each field written after `version`."""
    from django.contrib.contenttypes.models import ContentType

    now = snapshot(obj)
    then: dict[str, str | None] = {}
    for change in ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk), version__gt=version,
    ).order_by("version", "pk"):
        for name, pair in (change.changes or {}).items():
            then.setdefault(name, pair[0] if isinstance(pair, (list, tuple)) and pair else None)
    out = []
    for name, value in then.items():
        if name in _QUIET or now.get(name, value) == value:
            continue
        try:
            label = str(obj._meta.get_field(name).verbose_name)
        except Exception:  # a field since removed: name it as stored
            label = name
        out.append((label, value, now.get(name)))
    return out


def _save_m2m(obj, m2m: dict | None) -> None:
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)


def clean_links(obj, m2m: dict | None) -> None:
    """A model's rules between its fields and its many-to-many links (`clean_links(m2m)`), which `full_clean`
    cannot see: asked for every write, from a page, the API or an import."""
    if hasattr(obj, "clean_links"):
        obj.clean_links(m2m or {})


@transaction.atomic
def create_record(model, data: dict, acting_user, m2m: dict | None = None, job=None, note: str = ""):
    """Create a record from cleaned field values (`m2m` holds many-to-many values)."""
    obj = model(**data)
    if hasattr(obj, "created_by_id") and acting_user is not None and obj.created_by_id is None:
        obj.created_by = acting_user
    if job is not None and hasattr(obj, "import_job_id"):
        obj.import_job = job
    check_links_first(obj, acting_user, m2m=m2m)
    clean_links(obj, m2m)
    obj.full_clean(exclude=[f.name for f in model._meta.many_to_many])
    with _as_draft(obj, obj.status if hasattr(obj, "status") else None):
        obj.save()
    _save_m2m(obj, m2m)
    check_write_scope(obj, acting_user)
    record_change(obj, ChangeRecord.Action.CREATE, acting_user, _quiet(diff({}, snapshot(obj))), note=note, job=job)
    return obj


@transaction.atomic
def update_record(obj, data: dict, acting_user, m2m: dict | None = None, note: str = "", version=None):
    """Write `data` (and `m2m`) onto the stored record, if it is still editable and still at `version`.

    `version` is the version the caller's form or request was based on; None only for internal callers
    that read the row in the same transaction. Returns the saved record (a fresh instance).
    """
    model = type(obj)
    obj = model._base_manager.select_for_update().get(pk=obj.pk)
    # Re-checked after the lock: a submit that won the race has locked the record against edits.
    if not can(acting_user, "change", obj):
        raise PermissionDenied(_("记录已提交或已审核，已锁定；或您无修改权限。"))
    if version is not None and int(version) != obj.version:
        raise StaleVersion(obj, int(version), changes_since(obj, int(version)))
    require_write_scope(obj, acting_user)
    before, links_before, columns = snapshot(obj), linked_ids(obj), stored(obj)
    for name, value in data.items():
        if name in model.LIFECYCLE_FIELDS or name in model.PROVENANCE_FIELDS or name == "version":
            continue  # status changes only through transitions
        setattr(obj, name, value)
    check_links_first(obj, acting_user, before=links_before, m2m=m2m)
    clean_links(obj, m2m)
    obj.full_clean(exclude=[f.name for f in model._meta.many_to_many])
    with _as_draft(obj, getattr(obj, "status", None), before=columns):  # status changes only through transitions
        obj.save(update_fields=model.edit_columns())
    _save_m2m(obj, m2m)
    check_write_scope(obj, acting_user, before=links_before)
    changes = _quiet(diff(before, snapshot(obj)))
    if changes:
        _log(obj, ChangeRecord.Action.UPDATE, acting_user, changes, note=note)
    return obj


@transaction.atomic
def delete_record(obj, acting_user) -> None:
    obj = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
    if not can(acting_user, "delete", obj):
        raise PermissionDenied(_("记录已提交或已审核，已锁定；或您无删除权限。"))
    require_write_scope(obj, acting_user)
    record_change(obj, ChangeRecord.Action.DELETE, acting_user, _quiet(diff(snapshot(obj), {})))
    with _as_draft(obj, getattr(obj, "status", None)):
        obj.delete()


@transaction.atomic
def transition_record(obj, action: str, acting_user, reason: str = ""):
    """Submit, approve, return (with a reason) or reopen (with a reason) a record. Writes only status fields."""
    if action not in TRANSITIONS:
        raise ValueError(action)
    obj = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
    if not can(acting_user, action, obj):
        if action in REVIEW_ACTIONS and can(acting_user, action, type(obj)) and obj.status in TRANSITIONS[action][0]:
            raise PermissionDenied(review_refusal(acting_user, action, obj))
        raise PermissionDenied(_("当前状态或角色不允许此操作。"))
    require_write_scope(obj, acting_user)
    reason = (reason or "").strip()
    if action == "return" and not reason:
        raise ValidationError({"reason": _("退回时必须填写原因。")})
    if action == "reopen" and not reason:
        raise ValidationError({"reason": _("重新打开已审核的记录时必须填写原因。")})
    _from, target = TRANSITIONS[action]
    before, status_before, columns = obj.get_status_display(), obj.status, stored(obj)
    obj.status = target
    obj.return_reason = reason if action == "return" else ""
    fields = ["status", "return_reason", "updated_at"]
    if action == "submit":
        obj.submitted_by = acting_user
        fields.append("submitted_by")
    with _as_draft(obj, status_before, target, before=columns):
        obj.save(update_fields=fields)
    _log(obj, action, acting_user, {"status": [before, obj.get_status_display()]}, note=reason)
    return obj


__all__ = ["create_record", "update_record", "delete_record", "transition_record", "StaleVersion", "Status"]
