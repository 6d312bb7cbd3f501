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


class LanguageMiddleware:
    """Simplified Chinese unless the user picked a language (cookie) or the browser asks for Traditional.

    Django's LocaleMiddleware would follow any browser's Accept-Language, so an
    English-language browser would open the English interface; offices expect
    Chinese by default, with the other languages one click away.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in self.codes:
            accept = request.META.get("HTTP_ACCEPT_LANGUAGE", "").lower()
            first = accept.split(",")[0].split(";")[0].strip()
            chosen = "zh-hant" if first in ("zh-tw", "zh-hk", "zh-mo", "zh-hant") else settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", chosen)
        response.headers.setdefault("Vary", "Cookie")
        return response
