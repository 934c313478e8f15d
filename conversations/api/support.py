"""Support actions over REST, for integrations: POST /api/v1/sessions/<session_id>/handover/,
reply/, resume/, resolve/ and notes/. The key's user is the staff member and needs the
conversations.handle_session permission (the Support agent role); a read-only key may not act.

Thin views: permission → validate the body → conversations.support → respond. A free-text reply
outside the 24-hour customer-service window is a 409 naming the window; a reply to a session
nobody took over takes it over.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from conversations import support
from conversations.models import ConversationSession, SessionNote
from tria import api

HANDLE = "conversations.handle_session"


class HandlesSessions(BasePermission):
    def has_permission(self, request: Request, view: APIView) -> bool:
        if getattr(request.auth, "read_only", False):
            raise PermissionDenied("This API key is read-only.", code="read_only_key")
        return bool(request.user and request.user.has_perm(HANDLE))


class SessionStateSerializer(serializers.Serializer):
    session_id = serializers.UUIDField()
    status = serializers.CharField()
    handed_over = serializers.BooleanField()
    assignee = serializers.CharField(allow_null=True)
    handed_over_at = serializers.DateTimeField(allow_null=True)
    resolved_at = serializers.DateTimeField(allow_null=True)
    flagged_for_followup = serializers.BooleanField()
    window_ends_at = serializers.DateTimeField(allow_null=True)


class ReplySerializer(serializers.Serializer):
    text = serializers.CharField(required=False, max_length=support.REPLY_MAX, trim_whitespace=True)
    template = serializers.CharField(required=False, max_length=100)
    parameters = serializers.ListField(
        child=serializers.CharField(max_length=1000), required=False, max_length=10
    )

    def validate(self, attrs: dict) -> dict:
        if bool(attrs.get("text")) == bool(attrs.get("template")):
            raise serializers.ValidationError('give either "text" or "template" (with parameters)')
        return attrs


class NoteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=support.NOTE_MAX)


SENT_MESSAGE = inline_serializer(
    "StaffReply",
    {
        "message_id": serializers.IntegerField(),
        "session_id": serializers.UUIDField(),
        "role": serializers.CharField(),
        "message_type": serializers.CharField(),
        "delivery_status": serializers.CharField(),
        "handed_over": serializers.BooleanField(),
    },
)
NOTE = inline_serializer(
    "SessionNoteCreated",
    {
        "id": serializers.IntegerField(),
        "session_id": serializers.UUIDField(),
        "created_at": serializers.DateTimeField(),
    },
)
ERRORS = dict.fromkeys((400, 401, 403, 404), api.ErrorSerializer)
STATUS_FOR = {
    support.NotAllowed: status.HTTP_403_FORBIDDEN,
    support.OutsideServiceWindow: status.HTTP_409_CONFLICT,
    support.Conflict: status.HTTP_409_CONFLICT,
}


def session_state(session: ConversationSession) -> dict:
    window = support.service_window(session)
    return {
        "session_id": session.session_id,
        "status": session.status,
        "handed_over": session.handed_over,
        "assignee": session.assignee.get_username() if session.assignee else None,
        "handed_over_at": session.handed_over_at,
        "resolved_at": session.resolved_at,
        "flagged_for_followup": session.flagged_for_followup,
        "window_ends_at": window.ends_at,
    }


class SupportView(APIView):
    permission_classes = [IsAuthenticated, HandlesSessions]

    def session(self, session_id) -> ConversationSession:
        session = (
            ConversationSession.objects.select_related("assignee")
            .filter(session_id=session_id)
            .first()
        )
        if session is None:
            raise api.ApiError("no such session", code="not_found", status_code=404)
        return session

    @staticmethod
    def failed(exc: support.SupportError) -> api.ApiError:
        code = STATUS_FOR.get(type(exc), status.HTTP_400_BAD_REQUEST)
        return api.ApiError(exc.message, code=exc.code, status_code=code, details=exc.details)

    def act(self, request: Request, session_id, action) -> Response:
        session = self.session(session_id)
        try:
            action(session, request.user, request=request._request)
        except support.SupportError as exc:
            raise self.failed(exc) from exc
        session.refresh_from_db()
        return Response(SessionStateSerializer(session_state(session)).data)


STATE_RESPONSES = {200: SessionStateSerializer, **ERRORS}


class HandoverView(SupportView):
    @extend_schema(
        summary="Take a session over: the assistant stops answering it",
        request=None,
        responses=STATE_RESPONSES,
    )
    def post(self, request: Request, session_id) -> Response:
        return self.act(request, session_id, support.take_over)


class ResumeView(SupportView):
    @extend_schema(
        summary="Hand a session back to the assistant", request=None, responses=STATE_RESPONSES
    )
    def post(self, request: Request, session_id) -> Response:
        return self.act(request, session_id, support.resume)


class ResolveView(SupportView):
    @extend_schema(
        summary="Resolve a session (unflags it and hands it back to the assistant)",
        request=None,
        responses=STATE_RESPONSES,
    )
    def post(self, request: Request, session_id) -> Response:
        def resolve(session, actor, request):
            support.set_status(session, "resolved", actor, request=request)

        return self.act(request, session_id, resolve)


class ReplyView(SupportView):
    @extend_schema(
        summary="Send the customer a message as the key's user",
        description=(
            'Free text (`{"text": ...}`) only inside the 24-hour customer-service window (24 '
            "hours after the customer's last message): outside it the answer is 409 with code "
            '`outside_service_window`. Any time: an approved template (`{"template": name, '
            '"parameters": [...]}`, settings WHATSAPP_TEMPLATES). A session nobody took over is '
            "taken over by the reply. The message is stored with role `staff` and sent through "
            "the same queue as the assistant's replies (delivery_status moves on with Meta's "
            "status webhooks)."
        ),
        request=ReplySerializer,
        responses={201: SENT_MESSAGE, 409: api.ErrorSerializer, **ERRORS},
    )
    def post(self, request: Request, session_id) -> Response:
        session = self.session(session_id)
        body = ReplySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            message = support.staff_reply(
                session,
                request.user,
                text=data.get("text", ""),
                template=data.get("template", ""),
                parameters=data.get("parameters", []),
                request=request._request,
            )
        except support.SupportError as exc:
            raise self.failed(exc) from exc
        message.refresh_from_db()
        result = {
            "message_id": message.pk,
            "session_id": session.session_id,
            "role": message.role,
            "message_type": message.message_type,
            "delivery_status": message.delivery_status or "pending",
            "handed_over": True,
        }
        return Response(result, status=status.HTTP_201_CREATED)


class NotesView(SupportView):
    @extend_schema(
        summary="Add a private note to a session (staff only, never sent)",
        request=NoteSerializer,
        responses={201: NOTE, **ERRORS},
    )
    def post(self, request: Request, session_id) -> Response:
        session = self.session(session_id)
        body = NoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            note: SessionNote = support.add_note(
                session, body.validated_data["text"], request.user, request=request._request
            )
        except support.SupportError as exc:
            raise self.failed(exc) from exc
        result = {"id": note.pk, "session_id": session.session_id, "created_at": note.created_at}
        return Response(result, status=status.HTTP_201_CREATED)
