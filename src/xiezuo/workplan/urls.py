from __future__ import annotations

from django.urls import path

from xiezuo.core.urls import record_urls

from . import views

app_name = "workplan"
# Before the record pages: `task/<pk>/<action>/` there would take "escalate" for a transition.
urlpatterns = [
    path("overdue/", views.overdue, name="overdue"),
    path("region/<str:code>/overdue/", views.overdue, name="region_overdue"),
    path("task/<int:pk>/escalate/", views.escalate_task, name="task_escalate"),
    path("reportinground/<int:pk>/remind/<int:unit>/", views.remind_unit, name="round_remind"),
    path("notifications/", views.notifications, name="notifications"),
    *record_urls(app_name),
]
