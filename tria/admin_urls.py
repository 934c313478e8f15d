"""Admin pages of our own, mounted under /admin/ before the model admins."""

from django.contrib import admin
from django.urls import path

from conversations.admin import inbox, inbox_actions
from ops.admin_views import dashboard_view

urlpatterns = [
    path("dashboard/", admin.site.admin_view(dashboard_view), name="admin_dashboard"),
    path("inbox/", admin.site.admin_view(inbox.inbox_view), name="admin_inbox"),
    path("inbox/poll/", admin.site.admin_view(inbox.poll_view), name="admin_inbox_poll"),
    path("inbox/find/", admin.site.admin_view(inbox.find_view), name="admin_inbox_find"),
    path(
        "inbox/<uuid:session_id>/<slug:action>/",
        admin.site.admin_view(inbox_actions.action_view),
        name="admin_inbox_action",
    ),
]
