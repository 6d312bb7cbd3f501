"""Refuse an upload over the size limit before a byte of it is read."""

from __future__ import annotations

from django.conf import settings


class UploadLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            size = int(length)
        except ValueError:
            size = 0
        if request.method == "POST" and size > settings.XIEZUO_MAX_UPLOAD_BYTES:
            from .views import upload_too_large

            return upload_too_large(request, settings.XIEZUO_MAX_UPLOAD_BYTES // (1024 * 1024))
        return self.get_response(request)
