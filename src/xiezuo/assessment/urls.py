from __future__ import annotations

from django.urls import path

from xiezuo.core.urls import record_urls

from . import briefing, dashboard, reports, views

app_name = "assessment"
urlpatterns = record_urls(app_name) + [
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/<int:pk>/", views.indicator_edit, name="indicator_edit"),
    path("rounds/", views.rounds, name="rounds"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/history/", views.round_history, name="round_history"),
    path("rounds/<int:pk>/advance/", views.round_advance, name="round_advance"),
    path("rounds/<int:pk>/report.docx", reports.round_docx, name="round_docx"),
    path("rounds/<int:pk>/values.xlsx", reports.round_xlsx, name="round_xlsx"),
    path("assessed/<int:pk>/save/", views.assessed_save, name="assessed_save"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/data/", dashboard.dashboard_data, name="dashboard_data"),
    path("briefing/", briefing.briefing, name="briefing"),
]
