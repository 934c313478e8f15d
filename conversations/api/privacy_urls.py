"""GDPR routes, mounted at api/v1/users/ (tria/urls.py)."""

from django.urls import path

from conversations.api import privacy

urlpatterns = [
    path("<str:user_id>/", privacy.UserErasureView.as_view(), name="user-erase"),
    path("<str:user_id>/export/", privacy.UserExportView.as_view(), name="user-export"),
]
