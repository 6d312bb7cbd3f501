from __future__ import annotations

import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from xiezuo.core import aliases, pages
from xiezuo.core.api_token import TokenView
from xiezuo.core.figures_api import FiguresView
from xiezuo.core.signin_views import SigninView, signin_events
from xiezuo.core.urls import api_router, job_urls

urlpatterns = [
    path("", pages.home, name="home"),
    path("", include("xiezuo.core.ui_urls")),
    path("healthz/", pages.healthz, name="healthz"),
    path("login/", SigninView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("search/", pages.search, name="search"),
    path("account/token/", pages.api_token, name="api_token"),
    path("import/aliases/", aliases.page, name="value_aliases"),
    path("account/signins/", signin_events, name="signin_events"),
    path("jobs/", include(job_urls)),
    path("geo/", include("xiezuo.geo.urls")),
    path("cooperation/", include("xiezuo.core.cooperation")),
    # The cooperation pages lived under industry until they moved to core: old links still lead there.
    path("industry/cooperation/<path:rest>", RedirectView.as_view(url="/cooperation/%(rest)s", query_string=True,
                                                                  permanent=True)),
    path("api/figures/", FiguresView.as_view(), name="api_figures"),
    path("api/token/", TokenView.as_view(), name="api_token_obtain"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # The split view serves Swagger UI's start-up script as a file, which the Content-Security-Policy allows;
    # Swagger UI and Redoc themselves come from drf-spectacular-sidecar's static files (intranets have no CDN).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api_schema", template_name="core/redoc.html"),
         name="api_redoc"),
    path("api/", include("xiezuo.geo.api_urls")),
]


def app_urls(configs) -> list:
    """`<label>/` for every app of ours (but core and geo, mounted above) that has a `urls` module.

    Only an app without a `urls` module is skipped. A `urls.py` that fails to import (a typo, a missing
    module inside it) raises here, at start-up, naming the module: were it skipped, its pages would vanish
    and the first page that links to them would fail instead (the home page's menu, as a 500).
    """
    out = []
    for config in configs:
        if not config.name.startswith("xiezuo.") or config.label in ("core", "geo"):
            continue
        name = f"{config.name}.urls"
        if importlib.util.find_spec(name) is None:
            continue
        out.append(path(f"{config.label}/", include(importlib.import_module(name))))
    return out


urlpatterns += app_urls(apps.get_app_configs())
urlpatterns.append(path("api/", include(api_router().urls)))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "xiezuo.core.errors.bad_request"
handler403 = "xiezuo.core.errors.permission_denied"
handler404 = "xiezuo.core.errors.page_not_found"
handler500 = "xiezuo.core.errors.server_error"
