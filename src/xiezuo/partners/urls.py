from __future__ import annotations

from xiezuo.core.urls import record_urls

app_name = "partners"
urlpatterns = record_urls(app_name)
