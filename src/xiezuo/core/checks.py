"""System checks: refuse a production start with an unsafe configuration (`xiezuo check --deploy`)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.translation import gettext as _

MIN_KEY_LENGTH = 32
MIN_KEY_DISTINCT = 10


def secret_key_problem(key: str) -> str | None:
    """Why `key` is no real secret (a sentence in the active language), or None. Shared by `xiezuo serve` and the checks."""
    if not key or key == settings.INSECURE_SECRET_KEY or key.startswith("django-insecure"):
        return _("XIEZUO_SECRET_KEY 未设置（正在使用公开的开发密钥）。")
    if len(key) < MIN_KEY_LENGTH:
        return _("XIEZUO_SECRET_KEY 过短（%(n)s 个字符，至少 %(min)s 个）。") % {"n": len(key), "min": MIN_KEY_LENGTH}
    if len(set(key)) < MIN_KEY_DISTINCT:
        return _("XIEZUO_SECRET_KEY 过于简单（只有 %(n)s 种不同字符，至少 %(min)s 种）。") % {
            "n": len(set(key)), "min": MIN_KEY_DISTINCT}
    return None


def key_hint() -> str:
    return _("请设置随机密钥，如：%(command)s") % {
        "command": "python -c \"import secrets; print(secrets.token_urlsafe(50))\""}


@register(Tags.security, deploy=True)
def production_configuration(app_configs, **kwargs):
    errors = []
    problem = secret_key_problem(settings.SECRET_KEY)
    if problem:
        errors.append(Error(problem, hint=key_hint(), id="xiezuo.E001"))
    if settings.DEBUG:
        errors.append(Error(_("生产环境不得开启 XIEZUO_DEBUG。"), id="xiezuo.E002"))
    if not settings.ALLOWED_HOSTS or "*" in settings.ALLOWED_HOSTS:
        errors.append(Error(_("XIEZUO_ALLOWED_HOSTS 必须列出具体域名，不得为空或 *。"), id="xiezuo.E003"))
    if not (settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE):
        errors.append(Error(_("会话与 CSRF Cookie 未设置 Secure：生产环境须经 HTTPS 访问。"),
                             hint=_("设置 XIEZUO_TLS=1（或 XIEZUO_SECURE_COOKIES=1）。"), id="xiezuo.E004"))
    if settings.SECURE_HSTS_SECONDS <= 0:
        errors.append(Error(_("未启用 HSTS（Strict-Transport-Security）。"),
                             hint=_("设置 XIEZUO_TLS=1（默认 HSTS 一年），或 XIEZUO_HSTS_SECONDS。"), id="xiezuo.E005"))
    if not getattr(settings, "CONTENT_SECURITY_POLICY", ""):
        errors.append(Error(_("未设置内容安全策略（Content-Security-Policy）。"), hint=_("不要把 XIEZUO_CSP 设为空。"),
                             id="xiezuo.E006"))
    return errors
