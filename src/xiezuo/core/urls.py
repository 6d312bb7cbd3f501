"""URLs of every registered record type, made from the registry (not copied per type)."""

from __future__ import annotations

from django.urls import include, path, register_converter
from rest_framework.routers import DefaultRouter

from . import views
from .api import viewset_for
from .bulk import RecordBulkView
from .permissions import TRANSITIONS
from .registry import REGISTRY, by_app


class TransitionConverter:
    """Only the lifecycle's actions match, so `…/7/frobnicate/` is an ordinary 404, never an error in a view."""

    regex = "|".join(sorted(TRANSITIONS))

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TransitionConverter, "transition")


def record_urls(app_label: str) -> list:
    """The page URLs of one app's record types, to include under the app's namespace."""
    patterns = []
    for rt in by_app(app_label):
        base = rt.model_name
        kw = {"record_type": rt}
        patterns += [
            path(f"{base}/", views.RecordListView.as_view(**kw), name=f"{base}_list"),
            path(f"{base}/add/", views.RecordEditView.as_view(**kw), name=f"{base}_add"),
            path(f"{base}/import/", views.RecordImportView.as_view(**kw), name=f"{base}_import"),
            path(f"{base}/template/", views.RecordTemplateView.as_view(**kw), name=f"{base}_template"),
            path(f"{base}/export/", views.RecordExportView.as_view(**kw), name=f"{base}_export"),
            path(f"{base}/bulk/", RecordBulkView.as_view(**kw), name=f"{base}_bulk"),
            path(f"{base}/<int:pk>/", views.RecordDetailView.as_view(**kw), name=f"{base}_detail"),
            path(f"{base}/<int:pk>/edit/", views.RecordEditView.as_view(**kw), name=f"{base}_edit"),
            path(f"{base}/<int:pk>/delete/", views.RecordDeleteView.as_view(**kw), name=f"{base}_delete"),
            path(f"{base}/<int:pk>/history/", views.RecordHistoryView.as_view(**kw), name=f"{base}_history"),
            path(f"{base}/<int:pk>/file/<slug:field>/", views.RecordFileView.as_view(**kw), name=f"{base}_file"),
            path(f"{base}/<int:pk>/<transition:action>/", views.RecordTransitionView.as_view(**kw),
                 name=f"{base}_transition"),
        ]
    return patterns


def api_router() -> DefaultRouter:
    router = DefaultRouter()
    for rt in REGISTRY.values():
        router.register(f"{rt.app_label}/{rt.model_name}", viewset_for(rt), basename=f"api-{rt.app_label}-{rt.model_name}")
    return router


job_urls = [
    path("", views.JobListView.as_view(), name="job_list"),
    path("<uuid:pk>/", views.JobDetailView.as_view(), name="job_detail"),
    path("<uuid:pk>/rerun/", views.JobRerunView.as_view(), name="job_rerun"),
    path("<uuid:pk>/download/<str:which>/", views.JobDownloadView.as_view(), name="job_download"),
]

__all__ = ["record_urls", "api_router", "job_urls", "include"]
