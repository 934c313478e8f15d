"""/api/schema/: the OpenAPI schema view, whose errors are the API's JSON error envelope.

drf-spectacular answers in YAML unless asked for JSON; a refused request (401, 403) gets the
envelope in JSON whatever was asked, as every other API error. Who may read it:
tria.api.permissions.SchemaPermission (settings SPECTACULAR_SETTINGS, API_SCHEMA_PUBLIC).
"""

from drf_spectacular.views import SpectacularAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response


class SchemaView(SpectacularAPIView):
    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response
