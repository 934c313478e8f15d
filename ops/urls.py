"""Operations endpoints at the site root: /health/ and /metrics."""

from django.urls import path

from ops.health import health_view
from ops.metrics import metrics_view

urlpatterns = [
    path("health/", health_view, name="health"),
    path("metrics", metrics_view, name="metrics"),
]
