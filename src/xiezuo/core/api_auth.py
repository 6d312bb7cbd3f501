"""API authentication: `Authorization: Bearer <token>` (or `Token <token>`). Its own module, imported by DRF
while loading its settings; the endpoint that gives tokens is core/api_token.py."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header

KEYWORDS = (b"token", b"bearer")


class TokenOrBearerAuthentication(TokenAuthentication):
    """DRF's token authentication, taking `Bearer` (what most HTTP clients send) as well as `Token`."""

    keyword = "Bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) == 1:
            raise exceptions.AuthenticationFailed(_("请求头 Authorization 中缺少令牌：应为“Bearer <令牌>”。"))
        if len(parts) > 2:
            raise exceptions.AuthenticationFailed(_("令牌不应含有空格。"))
        try:
            key = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("令牌含有无效字符。")) from None
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key):
        from rest_framework.authtoken.models import Token

        token = Token.objects.select_related("user").filter(key=key).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("令牌无效。请重新获取令牌（POST /api/token/ 或“API 令牌”页面）。"))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("账号已停用。"))
        return token.user, token
