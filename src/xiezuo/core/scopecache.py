"""Users' scopes kept between requests in each server process, recomputed as soon as anything they read changes.

A scope (core/scope.py) is computed from the user's profile, its regions and units, the units' paths and the
pairings (partners/scope.py): seven queries and about a sixth of a page's time. Each process keeps the scopes it
computed, keyed by user (and whether the user is a superuser, read fresh from the request's user row), together
with the **scope stamp** they were computed at: one row in the database, given a new random value in the same
transaction as any write to what scopes read. A request reads the stamp (one small query) and recomputes its user's scope
when the stamp moved, so every process sees a change at its next request, whichever process made it.

What raises the stamp: saving or deleting a row of a model that scopes read, and changing its many-to-many
links (`scope_inputs(...)`, declared by the app that computes scopes), and the bulk import of such rows
(core/bulkimport.py). A write that bypasses all of these (SQL typed into the database, `QuerySet.update()`, link rows
created as rows of the link table)
reaches the scopes after at most `SCOPE_MAX_AGE` seconds, when a kept scope is recomputed anyway.
"""

from __future__ import annotations

import secrets
import threading
import time

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

# Seconds after which a kept scope is recomputed even when the stamp did not move (writes that bypass it).
SCOPE_MAX_AGE = 60
# Scopes kept per process; the oldest go first beyond this.
MAX_KEPT = 5000

_kept: dict[tuple, tuple[int, float, object]] = {}
_lock = threading.Lock()
_inputs: set = set()


class ScopeStamp(models.Model):
    """One row: raised by every write to what users' scopes are computed from (core/scopecache.py)."""

    value = models.BigIntegerField(_("版本"), default=0)

    class Meta:
        verbose_name = _("权限范围版本")
        verbose_name_plural = _("权限范围版本")


def current_stamp() -> int:
    value = ScopeStamp.objects.filter(pk=1).values_list("value", flat=True).first()
    return value or 0


def raise_stamp(**_ignored) -> None:
    """Every process recomputes its users' scopes at their next request."""
    # A new random value, not the old one plus one: a write that is rolled back must not leave behind scopes
    # kept at a value that a later write would reach again.
    value = secrets.randbits(62) + 1
    if not ScopeStamp.objects.filter(pk=1).update(value=value):
        ScopeStamp.objects.get_or_create(pk=1, defaults={"value": value})
    forget()


def forget() -> None:
    """Drop this process's kept scopes (the other processes follow the stamp)."""
    with _lock:
        _kept.clear()


def scope_inputs(*models_) -> None:
    """Declare models whose rows users' scopes are computed from: any write to them raises the stamp."""
    for model in models_:
        if model in _inputs:
            continue
        _inputs.add(model)
        uid = f"xiezuo-scope-stamp-{model._meta.label_lower}"
        post_save.connect(raise_stamp, sender=model, dispatch_uid=uid + "-save", weak=False)
        post_delete.connect(raise_stamp, sender=model, dispatch_uid=uid + "-delete", weak=False)
        for f in model._meta.many_to_many:
            m2m_changed.connect(_links_changed, sender=f.remote_field.through, dispatch_uid=f"{uid}-{f.name}",
                                weak=False)


def is_scope_input(model) -> bool:
    return model in _inputs


def _links_changed(action: str, **_ignored) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        raise_stamp()


def kept_scope(user, compute):
    """`compute(user)`, or the scope this process computed for the user at the current stamp (and not too long
    ago)."""
    key = (user.pk, bool(user.is_superuser), bool(user.is_active))
    stamp = current_stamp()
    now = time.monotonic()
    with _lock:
        kept = _kept.get(key)
    if kept is not None and kept[0] == stamp and now - kept[1] < SCOPE_MAX_AGE:
        return kept[2]
    scope = compute(user)
    with _lock:
        if len(_kept) >= MAX_KEPT:
            for old in sorted(_kept, key=lambda k: _kept[k][1])[: MAX_KEPT // 10]:
                del _kept[old]
        _kept[key] = (stamp, now, scope)
    return scope
