"""Request middleware: upload limit, language, refusing unusable input, the Content-Security-Policy."""

from __future__ import annotations

from django.conf import settings

from .languages import TRADITIONAL, requested_language


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
    """Simplified Chinese unless the user picked a language (cookie) or the browser asks for Traditional
    (zh-HK and zh-MO: Hong Kong's; zh-TW and zh-Hant: Taiwan's).

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
            if request.path_info.startswith("/api/"):
                # A program asks for its language explicitly: any of ours it names is honoured (English too).
                chosen = api_language(accept) or settings.LANGUAGE_CODE
            else:
                first = requested_language(accept.split(",")[0].split(";")[0])
                chosen = first if first in TRADITIONAL else settings.LANGUAGE_CODE
        before = translation.get_language()
        translation.activate(chosen)
        request.LANGUAGE_CODE = chosen
        try:
            response = self.get_response(request)
        finally:  # the thread's next work (another request, a job, a test) starts in its own language
            if before:
                translation.activate(before)
            else:
                translation.deactivate()
        response.headers.setdefault("Content-Language", chosen)
        response.headers.setdefault("Vary", "Cookie")
        return response


def api_language(accept: str) -> str | None:
    """The first language of an Accept-Language header (by quality) that the site speaks, or None.

    zh-HK and zh-MO ask for Hong Kong Traditional, zh-TW and zh-Hant for Taiwan's (core/languages.py).
    """
    from django.utils.translation.trans_real import parse_accept_lang_header

    for code, _quality in parse_accept_lang_header(accept):
        language = requested_language(code)
        if language:
            return language
    return None


def _bad_text(value: str) -> bool:
    """A NUL character (which PostgreSQL cannot store or compare) or a lone surrogate (which is not UTF-8)."""
    if "\x00" in value:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _bad_json(value, depth: int = 0) -> bool:
    if depth > 50:
        return False  # the parser refuses deeper nesting itself
    if isinstance(value, str):
        return _bad_text(value)
    if isinstance(value, dict):
        return any(_bad_text(str(k)) or _bad_json(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return any(_bad_json(v, depth + 1) for v in value)
    return False


class BadInputMiddleware:
    """Refuse, with 400 and a Chinese message, text no view can use: NUL bytes and lone surrogates.

    They arrive in query strings (`%00`), form fields and JSON bodies (`\\u0000`, `\\ud800`); PostgreSQL
    refuses NUL in any text it is sent, so left to the views they would each answer 500. One check here
    covers every page and endpoint, present and future. Invalid UTF-8 needs nothing: Django decodes it with
    replacement characters, which search and filters treat as ordinary text.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        part = self._malformed_part(request)  # before _bad, which reads the body as a form
        if part:
            from django.utils.translation import gettext as _

            return bad_input_response(request, _(
                "请求体不是有效的表单数据（multipart/form-data）：第 %(part)d 部分没有字段名"
                "（Content-Disposition: form-data; name=…），无法读取。") % {"part": part})
        if self._bad(request):
            return bad_input_response(request)
        return self.get_response(request)

    @staticmethod
    def _malformed_part(request) -> int:
        """The number of the first part of an API request's multipart body that names no field, or 0.

        Django's parser skips such parts silently, so a body of nothing but unreadable parts would reach the
        API as an empty form and an action that needs no field (submit, approve) would run on it. Pages need
        no check: a body without its fields has no CSRF token either. Bodies over the upload memory limit
        (files) are left to the parser.
        """
        if not request.path_info.startswith("/api/") or request.method not in ("POST", "PUT", "PATCH"):
            return 0
        if (request.content_type or "") != "multipart/form-data":
            return 0
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return 0
        if not 0 < size <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return 0
        import io

        from django.http.multipartparser import FIELD, FILE, ChunkIter, LazyStream, Parser, exhaust

        boundary = request.content_params.get("boundary", "")
        if not boundary:
            return 1
        stream = LazyStream(ChunkIter(io.BytesIO(request.body), 64 * 1024))
        # The parser's first item is the preamble before the first boundary and, in a complete body, its last
        # is what follows the closing boundary (it starts with "--"): both are ignored, as the RFC says.
        for number, (kind, meta, part) in enumerate(Parser(stream, boundary.encode("ascii", "replace"))):
            if kind not in (FIELD, FILE):
                if number == 0:
                    exhaust(part)
                    continue
                if part.read(2) == b"--":
                    return 0
                return number
            exhaust(part)
            name = meta.get("content-disposition", (None, {}))[1].get("name", b"")
            if isinstance(name, bytes):
                name = name.decode("utf-8", "replace")
            if not name.strip():
                return number
        return 0

    def _bad(self, request) -> bool:
        if _bad_text(request.path_info):
            return True
        if any(_bad_text(k) or any(_bad_text(v) for v in vs) for k, vs in request.GET.lists()):
            return True
        content_type = request.content_type or ""
        if request.method == "POST" and content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            if any(_bad_text(k) or any(_bad_text(v) for v in vs) for k, vs in request.POST.lists()):
                return True
            if any(_bad_text(f.name or "") for f in request.FILES.values()):
                return True
        elif content_type.endswith("json") and request.method in ("POST", "PUT", "PATCH"):
            import json

            try:
                size = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                size = 0
            if 0 < size <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
                try:
                    data = json.loads(request.body)
                except (ValueError, RecursionError):
                    return False  # malformed JSON: the API's parser answers 400 itself
                return _bad_json(data)
        return False


def bad_input_response(request, message: str = ""):
    from django.http import JsonResponse
    from django.shortcuts import render
    from django.utils.translation import gettext as _

    message = message or _("请求中含有无法处理的字符（如空字符 \\0 或不成对的代理字符），请删除后重试。")
    if request.path_info.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        return JsonResponse({"detail": message}, status=400, json_dumps_params={"ensure_ascii": False})
    return render(request, "core/error.html", {"title": _("无法处理的输入"), "message": message}, status=400)


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy of settings.CONTENT_SECURITY_POLICY (Django 5.2 has no CSP of its own).

    Scripts come only from the site's static files: templates hold no inline `<script>` and no `on…=`
    handlers, so injected markup cannot run script even if an escaping mistake let it through.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class ApiHeadersMiddleware:
    """Every answer under /api/ names the API version (`X-API-Version`) and varies with Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.version = settings.XIEZUO_VERSION

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            from django.utils.cache import patch_vary_headers

            response.headers["X-API-Version"] = self.version
            patch_vary_headers(response, ("Accept-Language",))
        return response
