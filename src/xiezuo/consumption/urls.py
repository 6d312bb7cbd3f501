from __future__ import annotations

from django.urls import path

from xiezuo.core.urls import record_urls

from . import views

app_name = "consumption"
urlpatterns = [
    path("sale/monthly/", views.monthly_json, name="sale_monthly"),
    *record_urls(app_name),
]
