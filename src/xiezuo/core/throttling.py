"""API throttles: DRF throttle classes whose rates come from settings at each request, counted in a fixed window.

DRF's own classes bind their rates when first imported, so a deployment's (or a test's) change of
`XIEZUO_API_RATES` would not be seen; and they keep every request's timestamp in the cache, which at thousands of
requests a minute is a large value read and written on every call. A counter per window is one small number.
The counters live in the default cache, shared by every server process (see CACHES in settings).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework import throttling


class _WindowThrottle(throttling.SimpleRateThrottle):
    cache = cache

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
        key = f"{ident}:{window}"
        self.wait_seconds = (window + 1) * self.duration - now
        if self.cache.add(key, 1, self.duration + 5):
            return True
        try:
            count = self.cache.incr(key)
        except ValueError:  # expired between the two calls
            self.cache.set(key, 1, self.duration + 5)
            return True
        return count <= self.num_requests

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
