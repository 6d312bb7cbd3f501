"""API throttles: DRF throttle classes whose rates come from settings at each request, counted in a fixed window.

DRF's own classes bind their rates when first imported, so a deployment's (or a test's) change of
`XIEZUO_API_RATES` would not be seen; and they keep every request's timestamp in the cache, which at thousands of
requests a minute is a large value read and written on every call. A counter per window is one small number.

Where the counters live, shared by every server process:
- PostgreSQL: one row per user or address (`ThrottleCounter`), counted by one statement (an upsert that starts
  the count again when a new window begins). Through the cache table it took six statements a request (Django's
  database cache counts the whole table on every write).
- Other databases (SQLite): the default cache (a folder of files, see CACHES in settings), so that API reads do
  not wait for SQLite's single writer.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models
from django.utils.translation import gettext_lazy as _
from rest_framework import throttling


class ThrottleCounter(models.Model):
    """The API requests of one user or address in the current window (PostgreSQL only; see the module)."""

    ident = models.CharField(_("计数对象"), max_length=200, primary_key=True)
    window = models.BigIntegerField(_("时间窗"))
    count = models.IntegerField(_("请求数"), default=0)

    class Meta:
        verbose_name = _("接口限流计数")
        verbose_name_plural = _("接口限流计数")


def count_request(ident: str, window: int, duration: int) -> int:
    """This request's number in its window for `ident` (1 for the first)."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(ThrottleCounter._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} AS t (ident, \"window\", count) VALUES (%s, %s, 1) "
                f"ON CONFLICT (ident) DO UPDATE SET count = CASE WHEN t.\"window\" = EXCLUDED.\"window\" "
                f"THEN t.count + 1 ELSE 1 END, \"window\" = EXCLUDED.\"window\" RETURNING count",
                [ident, window])
            return cursor.fetchone()[0]
    key = f"{ident}:{window}"
    if cache.add(key, 1, duration + 5):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, duration + 5)
        return 1


def reset_counters() -> None:
    """Every counter back to zero (each test, and the page benchmark, starts so)."""
    cache.clear()
    if connection.vendor == "postgresql":
        ThrottleCounter.objects.all().delete()


class _WindowThrottle(throttling.SimpleRateThrottle):
    def get_rate(self):
        return settings.XIEZUO_API_RATES.get(self.scope)

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        ident = self.get_cache_key(request, view)
        if ident is None:
            return True
        now = time.time()
        window = int(now // self.duration)
        self.wait_seconds = (window + 1) * self.duration - now
        return count_request(ident, window, self.duration) <= self.num_requests

    def wait(self):
        return getattr(self, "wait_seconds", None)


class UserRateThrottle(_WindowThrottle):
    """Per signed-in user (token or session); anonymous calls are counted by AnonRateThrottle."""

    scope = "user"

    def get_cache_key(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return None
        return f"throttle:user:{request.user.pk}"


class AnonRateThrottle(_WindowThrottle):
    """Per address, for calls without a signed-in user (they are refused, but still cost a request)."""

    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        from .signin import client_address

        return f"throttle:anon:{client_address(request)}"
