"""GDPR routes, mounted at api/v1/users/ (tria/urls.py)."""

from django.urls import path

from conversations import api_privacy

urlpatterns = [
    path("<str:user_id>/", api_privacy.UserErasureView.as_view(), name="user-erase"),
    path("<str:user_id>/export/", api_privacy.UserExportView.as_view(), name="user-export"),
]
