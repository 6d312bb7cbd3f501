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


def page_not_found(request, exception, template_name="404.html"):
    if wants_json(request):
        return _json(_("未找到：不存在，或不在您的管辖范围内。"), 404)
    return defaults.page_not_found(request, exception, template_name)


def server_error(request, template_name="500.html"):
    if wants_json(request):
        return _json(_("服务器内部错误，操作未完成，数据没有改动。"), 500)
    return defaults.server_error(request, template_name)
