"""Sign-in events and throttling: failures lock an account, and an address, for a while.

State is the `SigninEvent` table, so every server process (and every machine on one PostgreSQL) counts the
same failures; a cache per process would let an attacker spread guesses over the processes. Each event is
also one log line (logger `xiezuo.signin`), for whoever reads the server's logs.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

log = logging.getLogger("xiezuo.signin")


class SigninEvent(models.Model):
    """One sign-in attempt that matters for security: a failure, a lockout, a refusal while locked, a success."""

    class Kind(models.TextChoices):
        SUCCESS = "success", _("登录成功")
        FAILURE = "failure", _("密码错误")
        LOCKOUT = "lockout", _("锁定")
        REFUSED = "refused", _("锁定期间拒绝")

    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    username = models.CharField(_("用户名"), max_length=150, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("用户"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    address = models.CharField(_("地址"), max_length=45, db_index=True)
    detail = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("登录记录")
        verbose_name_plural = _("登录记录")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.get_kind_display()}"


def client_address(request) -> str:
    """The client's address: the socket's, or the one the N trusted proxies in front put in X-Forwarded-For."""
    hops = settings.XIEZUO_PROXY_COUNT
    if hops > 0:
        chain = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(chain) >= hops:
            return chain[-hops][:45]
    return (request.META.get("REMOTE_ADDR") or "-")[:45]


def normal_username(username: str) -> str:
    # Django's usernames are case-sensitive, but guesses at "Admin" and "admin" count against one name.
    return (username or "").strip()[:150].lower()


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=settings.XIEZUO_SIGNIN_WINDOW_MINUTES)


def failures(username: str | None = None, address: str | None = None) -> int:
    qs = SigninEvent.objects.filter(kind=SigninEvent.Kind.FAILURE, at__gte=_window_start())
    if username is not None:
        qs = qs.filter(username=normal_username(username))
    if address is not None:
        qs = qs.filter(address=address)
    return qs.count()


def locked(username: str, address: str) -> str | None:
    """'account' or 'address' when sign-in is refused for now, else None."""
    if failures(username=username) >= settings.XIEZUO_SIGNIN_MAX_FAILURES:
        return "account"
    if failures(address=address) >= settings.XIEZUO_SIGNIN_ADDRESS_MAX_FAILURES:
        return "address"
    return None


def record(kind: str, username: str, address: str, user=None, detail: str = "") -> None:
    name = normal_username(username)
    if kind != SigninEvent.Kind.REFUSED:
        # Refusals while locked are only logged: a flood of them must not fill the table.
        SigninEvent.objects.create(kind=kind, username=name, address=address, user=user, detail=detail[:200])
    level = logging.INFO if kind == SigninEvent.Kind.SUCCESS else logging.WARNING
    log.log(level, "signin %s username=%r address=%s%s", kind, name, address, f" ({detail})" if detail else "")


def note_failure(username: str, address: str, user=None) -> None:
    record(SigninEvent.Kind.FAILURE, username, address, user=user)
    if failures(username=username) == settings.XIEZUO_SIGNIN_MAX_FAILURES:
        record(SigninEvent.Kind.LOCKOUT, username, address, user=user,
               detail=f"account: {settings.XIEZUO_SIGNIN_MAX_FAILURES} failures")
    elif failures(address=address) == settings.XIEZUO_SIGNIN_ADDRESS_MAX_FAILURES:
        record(SigninEvent.Kind.LOCKOUT, username, address, user=user,
               detail=f"address: {settings.XIEZUO_SIGNIN_ADDRESS_MAX_FAILURES} failures")
