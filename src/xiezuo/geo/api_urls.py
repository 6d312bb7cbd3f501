from __future__ import annotations

from rest_framework.routers import SimpleRouter

from .api import RegionViewSet

router = SimpleRouter()
router.register("geo/region", RegionViewSet, basename="api-geo-region")
urlpatterns = router.urls
