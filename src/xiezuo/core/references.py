"""What still refers to a record that cannot be deleted, told only as far as the user may see it."""

from __future__ import annotations

from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BLOCKED_DELETE = gettext_lazy("该记录仍被其他记录引用，无法删除。")


def blocking_records(exc: ProtectedError | RestrictedError, user, limit: int = 20) -> list:
    """The records behind a refused delete that `user` can open; others are not named (nor counted)."""
    found = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", None) or ()
    visible, seen = [], set()
    for obj in found:
        model = type(obj)
        key = (model, obj.pk)
        if key in seen or not hasattr(model.objects, "restrict"):
            continue
        seen.add(key)
        if model.objects.restrict(user, "view").filter(pk=obj.pk).exists():
            visible.append(obj)
            if len(visible) >= limit:
                break
    return visible


def describe(obj) -> dict:
    from django.urls import NoReverseMatch

    try:
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
    except NoReverseMatch:
        url = None
    return {"type": str(obj._meta.verbose_name), "id": obj.pk, "name": str(obj), "url": url}


def blocked_message(records: list) -> str:
    if not records:
        return str(BLOCKED_DELETE)
    names = "、".join(f"{r._meta.verbose_name}“{r}”" for r in records[:5])
    more = _("等 %(n)d 条记录") % {"n": len(records)} if len(records) > 5 else ""
    return _("该记录仍被以下记录引用，无法删除：%(names)s%(more)s。") % {"names": names, "more": more}
