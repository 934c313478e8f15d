"""GDPR endpoints under /api/v1/users/<user_id>/: GET export/?format=json|csv|pdf, and DELETE.

Thin views: permission (conversations.export_user_data / erase_user_data; superusers pass) →
validate → conversations.privacy.gdpr → respond. The path takes the pseudonymous user id only,
never a
phone number, so that no number ends up in access logs.
"""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from conversations.privacy import gdpr
from conversations.whatsapp import identity


class HasPrivacyPermission(BasePermission):
    """The view's `required_permission` (a Django permission, e.g. of the Privacy officer role);
    a read-only API key is refused the erasure whatever its user may do."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method not in SAFE_METHODS and getattr(request.auth, "read_only", False):
            raise PermissionDenied("This API key is read-only.", code="read_only_key")
        return bool(request.user and request.user.has_perm(view.required_permission))


class PrivacyView(APIView):
    permission_classes = [IsAuthenticated, HasPrivacyPermission]
    required_permission = ""

    def perform_content_negotiation(self, request: Request, force: bool = False):
        # `?format=` names the export format here, not a DRF renderer; errors are always JSON.
        return JSONRenderer(), JSONRenderer.media_type

    @staticmethod
    def valid_user_id(user_id: str) -> str:
        if not identity.looks_like_user_id(user_id):
            raise ValidationError(
                {"user_id": "must be the 64-character hexadecimal pseudonymous user id"}
            )
        return user_id


# The project's one error shape: {"error": {"code", "message", "details"}}.
ERROR_RESPONSE = inline_serializer(
    "PrivacyError",
    {
        "error": inline_serializer(
            "PrivacyErrorDetail",
            {
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "details": serializers.JSONField(),
            },
        )
    },
)
ERRORS = dict.fromkeys((400, 401, 403, 404), ERROR_RESPONSE)


class UserExportView(PrivacyView):
    required_permission = "conversations.export_user_data"

    @extend_schema(
        summary="Export a user's data (GDPR access)",
        parameters=[OpenApiParameter("format", str, enum=list(gdpr.EXPORT_FORMATS))],
        responses={
            **{(200, gdpr.content_type(f)): OpenApiTypes.BINARY for f in gdpr.EXPORT_FORMATS},
            **ERRORS,
        },
    )
    def get(self, request: Request, user_id: str) -> HttpResponse:
        user_id = self.valid_user_id(user_id)
        fmt = request.query_params.get("format", "json").lower()
        if fmt not in gdpr.EXPORT_FORMATS:
            raise ValidationError({"format": f"must be one of {', '.join(gdpr.EXPORT_FORMATS)}"})
        try:
            content = gdpr.export_user_data(user_id, fmt, actor=request._request)
        except gdpr.UnknownUser as exc:
            raise NotFound("no data is held for this user") from exc
        response = HttpResponse(content, content_type=gdpr.content_type(fmt))
        response["Content-Disposition"] = f'attachment; filename="user-{user_id[:12]}.{fmt}"'
        response["Cache-Control"] = "no-store"
        return response


ERASURE_RESPONSE = inline_serializer(
    "UserErasure",
    {
        "user_id": serializers.CharField(),
        "erased": serializers.BooleanField(),
        "counts": serializers.DictField(child=serializers.IntegerField()),
        "erasure_record": serializers.IntegerField(),
        "erased_at": serializers.DateTimeField(),
    },
)


class UserErasureView(PrivacyView):
    required_permission = "conversations.erase_user_data"

    @extend_schema(
        summary="Erase a user's data (GDPR erasure)", responses={200: ERASURE_RESPONSE, **ERRORS}
    )
    def delete(self, request: Request, user_id: str) -> Response:
        user_id = self.valid_user_id(user_id)
        try:
            result = gdpr.erase_user_data(user_id, actor=request._request)
        except gdpr.UnknownUser as exc:
            raise NotFound("no conversation data is held for this user") from exc
        body = {
            "user_id": user_id,
            "erased": result.erased,
            "counts": result.counts,
            "erasure_record": result.record.pk,
            "erased_at": result.record.erased_at.isoformat(),
        }
        return Response(body, status=status.HTTP_200_OK)
