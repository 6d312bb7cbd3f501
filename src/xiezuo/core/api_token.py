"""POST /api/token/: username and password → token, for programs (the "API 令牌" page does it for people).

The endpoint is the sign-in page for programs: the same throttling (failures lock the account and the address
for a while, core/signin.py), the same events recorded, the same messages.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView


class Throttled(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "throttled"


_credentials = inline_serializer("TokenRequest", {
    "username": serializers.CharField(help_text=gettext_lazy("用户名")),
    "password": serializers.CharField(help_text=gettext_lazy("密码")),
})
_token = inline_serializer("TokenAnswer", {
    "token": serializers.CharField(help_text=gettext_lazy("令牌：在请求头中给出 Authorization: Bearer <令牌>")),
    "username": serializers.CharField(),
})
_refusal = inline_serializer("TokenRefusal", {"detail": serializers.CharField()})


class TokenView(APIView):
    """POST username and password → the user's token (made on first use; the same token until renewed on the
    "API 令牌" page)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    user_summary = gettext_lazy("用用户名和密码换取令牌")
    user_description = gettext_lazy(
        "给出用户名和密码，得到令牌，之后每个请求带上请求头 Authorization: Bearer <令牌>。同一用户多次获取得到同一个令牌；"
        "在“API 令牌”页面可以重新生成（旧令牌随即失效）。与登录页面一样，多次失败会暂时锁定账号或网络地址（返回 429）。")

    @extend_schema(request=_credentials, responses={
        200: _token,
        400: OpenApiResponse(_refusal, description=gettext_lazy("用户名或密码错误，或未给出")),
        429: OpenApiResponse(_refusal, description=gettext_lazy("失败次数过多，暂时锁定")),
    }, auth=[])
    def post(self, request):
        from .api import body_fields
        from .signin import SigninEvent, client_address, record
        from .signin_views import ThrottledAuthenticationForm

        data = body_fields(request)
        values = {k: data.get(k) for k in ("username", "password")}
        if not all(isinstance(v, str) and v for v in values.values()):
            raise exceptions.ValidationError({"detail": _("请给出用户名（username）和密码（password）。")})
        form = ThrottledAuthenticationForm(request=request._request, data=values)
        if not form.is_valid():
            message = " ".join(str(m) for m in form.non_field_errors()) or _("用户名或密码错误。")
            if form.has_error("__all__", "throttled"):
                raise Throttled(message)
            raise exceptions.ValidationError({"detail": message})
        user = form.get_user()
        record(SigninEvent.Kind.SUCCESS, user.get_username(), client_address(request._request), user=user,
               detail="api token")
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "username": user.get_username()})
