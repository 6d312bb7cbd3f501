"""System checks: refuse a production start with an unsafe configuration."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def production_configuration(app_configs, **kwargs):
    errors = []
    if settings.SECRET_KEY == settings.INSECURE_SECRET_KEY or len(settings.SECRET_KEY) < 32:
        errors.append(Error("XIEZUO_SECRET_KEY 未设置或过短（至少 32 个字符）。", id="xiezuo.E001"))
    if settings.DEBUG:
        errors.append(Error("生产环境不得开启 XIEZUO_DEBUG。", id="xiezuo.E002"))
    if not settings.ALLOWED_HOSTS or "*" in settings.ALLOWED_HOSTS:
        errors.append(Error("XIEZUO_ALLOWED_HOSTS 必须列出具体域名，不得为空或 *。", id="xiezuo.E003"))
    return errors
