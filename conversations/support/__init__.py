"""The support inbox: colleagues take a session over from the assistant, answer the customer,
note, assign and resolve, and register an unknown sender as an outlet contact.

Rules:
- A session taken over (handed_over) is not answered by the assistant (orders.assistant checks
  the flag); resume or resolve hands it back.
- A staff reply is stored with role staff and context["sent_by"] and goes out through the same
  send task as the assistant's replies (conversations.whatsapp.outbound.send_staff_reply).
  Free text only inside the 24-hour customer-service window (UserIdentity.last_inbound_at);
  outside it only an approved template (settings.WHATSAPP_TEMPLATES), in the customer's language
  (conversations.support.templates).
- Support agents (conversations.handle_session) take over, answer, note and resolve; assigning a
  session to someone else needs conversations.assign_session (supervisors); registering a
  contact needs conversations.register_contact. The service checks, so every edge gets the same.
- Every takeover, resume, assignment, reply, note, status change and contact registration is an
  audit event with ids and kinds only, never the text or the number.

May import: the memory (models, services, audit), conversations.whatsapp (outbound, identity,
the window rule of graph). Never orders or ops. The edges: conversations.admin.inbox and
conversations.api.support.
"""

from conversations.support.actions import (
    NOTE_MAX,
    REPLY_MAX,
    Conflict,
    NotAllowed,
    OutsideServiceWindow,
    SupportError,
    add_note,
    assign,
    register_contact,
    resume,
    set_status,
    staff_reply,
    take_over,
)
from conversations.support.queue import (
    FILTERS,
    Window,
    masked_number,
    masked_numbers,
    queue,
    queue_counts,
    service_window,
)
from conversations.support.templates import Template, customer_language, templates

__all__ = [
    "FILTERS",
    "NOTE_MAX",
    "REPLY_MAX",
    "Conflict",
    "NotAllowed",
    "OutsideServiceWindow",
    "SupportError",
    "Template",
    "Window",
    "add_note",
    "assign",
    "customer_language",
    "masked_number",
    "masked_numbers",
    "queue",
    "queue_counts",
    "register_contact",
    "resume",
    "service_window",
    "set_status",
    "staff_reply",
    "take_over",
    "templates",
]
