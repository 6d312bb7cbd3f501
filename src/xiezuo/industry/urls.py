from __future__ import annotations

from django.urls import path

from xiezuo.core.urls import record_urls

from . import views

app_name = "industry"
urlpatterns = record_urls(app_name) + [
    path("cooperation/organisation/<int:pk>/", views.organisation_page, name="cooperation_organisation"),
    path("cooperation/pairing/<int:pk>/", views.pairing_page, name="cooperation_pairing"),
    path("cooperation/region/<str:code>/", views.region_page, name="cooperation_region"),
]
