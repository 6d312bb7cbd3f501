"""Files browsers ask for at fixed addresses: `/favicon.ico` (served from core's static files)."""

from __future__ import annotations

from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

FAVICON = Path(__file__).resolve().parent / "static" / "core" / "favicon.ico"


@require_GET
@cache_control(public=True, max_age=86400)
def favicon(request):
    return HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")
