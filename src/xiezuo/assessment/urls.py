from __future__ import annotations

from django.urls import path

from xiezuo.core.urls import record_urls

from . import briefing, dashboard, views

app_name = "assessment"
urlpatterns = record_urls(app_name) + [
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/<int:pk>/", views.indicator_edit, name="indicator_edit"),
    path("rounds/", views.rounds, name="rounds"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/advance/", views.round_advance, name="round_advance"),
    path("assessed/<int:pk>/save/", views.assessed_save, name="assessed_save"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/data/", dashboard.dashboard_data, name="dashboard_data"),
    path("briefing/", briefing.briefing, name="briefing"),
]
