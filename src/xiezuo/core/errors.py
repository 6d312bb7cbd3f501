"""Error answers: the API speaks JSON (as its schema says) even where Django answers before DRF does.

A URL under /api/ that matches no route (`/api/partners/organisation/1.5/`), a 500, a refused CSRF check:
Django's own handlers render HTML pages, which an API client cannot read. These handlers keep the pages for
people and give the API `{"detail": …}` with the same status.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def wants_json(request) -> bool:
    return request.path_info.startswith("/api/") and not request.path_info.startswith("/api/docs/")


def _json(message: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})


def bad_request(request, exception, template_name="400.html"):
    if wants_json(request):
        return _json(_("请求有误。"), 400)
    return defaults.bad_request(request, exception, template_name)


def permission_denied(request, exception, template_name="403.html"):
    if wants_json(request):
        return _json(str(exception) or _("您的角色或记录状态不允许此操作。"), 403)
    return defaults.permission_denied(request, exception, template_name)


def not_found_message() -> str:
    return _("未找到：不存在，或不在您的管辖范围内。")


def page_not_found(request, exception, template_name="404.html"):
    if wants_json(request):
        return _json(not_found_message(), 404)
    return defaults.page_not_found(request, exception, template_name)


def server_error(request, template_name="500.html"):
    if wants_json(request):
        return _json(_("服务器内部错误，操作未完成，数据没有改动。"), 500)
    return defaults.server_error(request, template_name)


def api_exception_handler(exc, context):
    """DRF's handler, with our 404 text (in the request's language) instead of "No Project matches the given
    query." or "Not found.", which name internals or stay English."""
    from django.http import Http404
    from rest_framework import exceptions
    from rest_framework.views import exception_handler

    if isinstance(exc, (Http404, exceptions.NotFound)):
        exc = exceptions.NotFound(not_found_message())
    return exception_handler(exc, context)


class OneLineRefusals:
    """Logging filter: a refusal (403, 404) is one line in the log, not a traceback. Django logs "Forbidden
    (Permission denied): /path" with the exception attached; the reason is kept, the stack is not."""

    def filter(self, record) -> bool:
        if getattr(record, "status_code", None) in (403, 404) and record.exc_info:
            exc = record.exc_info[1]
            reason = str(exc) if exc is not None else ""
            record.msg = f"{record.getMessage()}{f' ({reason})' if reason else ''}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True
