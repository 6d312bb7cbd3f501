from __future__ import annotations

import importlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from xiezuo.core import pages
from xiezuo.core.signin_views import SigninView, signin_events
from xiezuo.core.urls import api_router, job_urls

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz/", pages.healthz, name="healthz"),
    path("login/", SigninView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("search/", pages.search, name="search"),
    path("account/token/", pages.api_token, name="api_token"),
    path("account/signins/", signin_events, name="signin_events"),
    path("jobs/", include(job_urls)),
    path("geo/", include("xiezuo.geo.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # The split view serves Swagger UI's start-up script as a file, which the Content-Security-Policy allows.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("api/", include("xiezuo.geo.api_urls")),
]

# Every channel app has a urls.py with its record pages (and any pages of its own).
for config in apps.get_app_configs():
    if config.name.startswith("xiezuo.") and config.label not in ("core", "geo"):
        try:
            importlib.import_module(f"{config.name}.urls")
        except ModuleNotFoundError:
            continue
        urlpatterns.append(path(f"{config.label}/", include(f"{config.name}.urls")))

urlpatterns.append(path("api/", include(api_router().urls)))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "xiezuo.core.errors.bad_request"
handler403 = "xiezuo.core.errors.permission_denied"
handler404 = "xiezuo.core.errors.page_not_found"
handler500 = "xiezuo.core.errors.server_error"
