from __future__ import annotations

from xiezuo.core.urls import record_urls

app_name = "industry"
urlpatterns = record_urls(app_name)
