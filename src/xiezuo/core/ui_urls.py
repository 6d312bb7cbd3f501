"""Pages' conveniences: the favicon, type-ahead suggestions, each user's list columns and saved filters."""

from __future__ import annotations

from django.urls import path

from . import listprefs, suggest
from .pages_assets import favicon

urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("suggest/<str:kind>/", suggest.suggest, name="suggest"),
    path("lists/<str:key>/columns/", listprefs.save_columns, name="list_columns"),
    path("lists/<str:key>/filters/", listprefs.save_filter, name="list_filter_save"),
    path("lists/<str:key>/filters/<int:pk>/delete/", listprefs.delete_filter, name="list_filter_delete"),
]
