from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

from tria.api.docs import SchemaView

urlpatterns = [
    path("admin/", include("tria.admin_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/users/", include("conversations.api.privacy_urls")),
    path("api/v1/", include("tria.api_urls")),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("webhooks/", include("conversations.whatsapp.urls")),
    path("", include("ops.urls")),
]
