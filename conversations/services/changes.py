"""What customers change after sending: edits replace a message's text, revokes delete it.

Rules:
- An edit replaces the text (and the type object's data) of the customer's own message and marks
  it `context.edited = {at}`; the PII scrub and the embedding run again on the new text. The
  assistant reads a message when it processes it, so an edit that arrives before then is what it
  reads; one that arrives after changes the record, not what was done.
- A revoke removes the text, the type object's data, the detected language and the embedding,
  and leaves a content-free record: `context = {deleted: {at}}`. Counters and the intent stay
  (they hold no content), so the day stats still add up.
- Both only touch a message of the same user's chats; the caller stores an edit or a revoke of
  a message we do not have (yet) under the original wamid, so that the original, arriving later,
  is a duplicate and its content never stored.
"""

import datetime as dt
import json

from django.db import connection

_EDIT_SQL = (
    "UPDATE conversation_messages SET content = %s, pii_scrubbed = false,"
    " embedding_vector = NULL, context = COALESCE(context, '{}'::jsonb) || %s::jsonb"
    "   || jsonb_build_object('edited', jsonb_build_object('at', %s::text))"
    " WHERE wa_message_id = %s AND role = 'user'"
    " AND NOT (COALESCE(context, '{}'::jsonb) ? 'deleted')"
    " AND session_id IN (SELECT session_id FROM conversation_sessions WHERE user_id = %s)"
)

_REVOKE_SQL = (
    "UPDATE conversation_messages SET content = '', language = '', embedding_vector = NULL,"
    " pii_scrubbed = true,"
    " context = jsonb_build_object('deleted', jsonb_build_object('at', %s::text))"
    " WHERE wa_message_id = %s AND role = 'user'"
    " AND session_id IN (SELECT session_id FROM conversation_sessions WHERE user_id = %s)"
)


def apply_edit(
    *, user_id: str, original_wa_message_id: str, content: str, context: dict, at: dt.datetime
) -> bool:
    """Replace the text of a user's message; False when it is not one of theirs (yet)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _EDIT_SQL,
            [content, json.dumps(context), at.isoformat(), original_wa_message_id, user_id],
        )
        return cursor.rowcount == 1


def apply_revoke(*, user_id: str, original_wa_message_id: str, at: dt.datetime) -> bool:
    """Delete a user's message's content, keeping a content-free record; False when unknown."""
    with connection.cursor() as cursor:
        cursor.execute(_REVOKE_SQL, [at.isoformat(), original_wa_message_id, user_id])
        return cursor.rowcount == 1
