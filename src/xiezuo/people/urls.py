from __future__ import annotations

from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("<int:pk>/", views.person_detail, name="person"),
    path("<int:pk>/reveal/", views.reveal_id, name="reveal_id"),
]
