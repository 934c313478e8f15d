"""Admin pages of our own, mounted under /admin/ before the model admins."""

from django.contrib import admin
from django.urls import path

from ops.admin_views import dashboard_view

urlpatterns = [
    path("dashboard/", admin.site.admin_view(dashboard_view), name="admin_dashboard"),
]
