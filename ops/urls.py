"""Operations endpoints at the site root: /health/, /health/live, /health/ready and /metrics."""

from django.urls import path

from ops.health import health_view, live_view, ready_view
from ops.metrics import metrics_view

urlpatterns = [
    path("health/", health_view, name="health"),
    path("health/live", live_view, name="health-live"),
    path("health/ready", ready_view, name="health-ready"),
    path("metrics", metrics_view, name="metrics"),
]
