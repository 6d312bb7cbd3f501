from __future__ import annotations

from django.urls import path

from xiezuo.core.urls import record_urls

from . import procedure, services, summary_views, views  # noqa: F401  (services declares the procedures)

app_name = "registry"
# The registry's own import replaces the generic one for households and members (same paths, matched first).
urlpatterns = [
    path("import/", views.import_page, name="import"),
    path("import/template/", views.template_file, name="import_template"),
    path("household/import/", views.import_page),
    path("member/import/", views.import_page),
    path("household/template/", views.template_file),
    path("member/template/", views.template_file),
    path("summary/", summary_views.summary, name="summary"),
    path("summary/<str:code>/", summary_views.summary, name="summary_region"),
    path("worklist/", views.worklist, name="worklist"),
    path("worklist/clear-risks/", views.clear_risks, name="clear_risks"),
    path("member/<int:pk>/reveal/", views.reveal_id, name="reveal_id"),
    path("household/<int:pk>/monitoring/", views.open_monitoring_case, name="open_monitoring_case"),
    *procedure.urls(),  # exitproposal/<pk>/step/<step>/, monitoringcase/<pk>/step/<step>/
    *record_urls(app_name),
]
