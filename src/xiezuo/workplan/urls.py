from __future__ import annotations

from xiezuo.core.urls import record_urls

app_name = "workplan"
urlpatterns = record_urls(app_name)  # + the channel's own pages
