from __future__ import annotations

from django.urls import path

from . import views

app_name = "geo"
urlpatterns = [
    path("regions/", views.region_list, name="region_list"),
    path("regions/<str:code>/", views.region_detail, name="region_detail"),
]
