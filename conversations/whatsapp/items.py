"""What a webhook notification holds, as plain dataclasses (conversations.whatsapp.payloads
builds them; the ingester stores them). No content in `Failure` or `Skipped`: they are logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class InboundMessage:
    """A message in a customer's chat: from the customer (role user) or from our staff in the
    WhatsApp Business app (role staff, an echo; never processed by the assistant)."""

    wa_message_id: str
    from_wa_id: str
    timestamp: dt.datetime
    message_type: str
    content: str
    context: dict[str, Any] = field(default_factory=dict)
    from_user_id: str = ""  # the BSUID
    parent_user_id: str = ""
    username: str = ""
    role: str = "user"
    process: bool = True


@dataclass(frozen=True)
class Reaction:
    """A user's emoji on one of the messages of their chat; emoji is None when removed."""

    wa_message_id: str
    from_wa_id: str
    timestamp: dt.datetime
    target_wa_message_id: str
    emoji: str | None
    from_user_id: str = ""


@dataclass(frozen=True)
class Edit:
    """The customer edited an earlier message: its new text (and type object)."""

    wa_message_id: str
    from_wa_id: str
    from_user_id: str
    timestamp: dt.datetime
    original_wa_message_id: str
    message_type: str
    content: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Revoke:
    """The customer deleted an earlier message for everyone."""

    wa_message_id: str
    from_wa_id: str
    from_user_id: str
    timestamp: dt.datetime
    original_wa_message_id: str


@dataclass(frozen=True)
class IdentityChange:
    """A customer's new phone number and/or BSUID (system user_changed_number/_user_id)."""

    wa_message_id: str
    kind: str
    from_wa_id: str
    from_user_id: str
    previous_user_id: str
    new_wa_id: str
    new_user_id: str
    timestamp: dt.datetime


@dataclass(frozen=True)
class StatusUpdate:
    """What happened to a message we sent: sent, delivered, read, played or failed."""

    wa_message_id: str
    status: str
    timestamp: dt.datetime
    errors: tuple[dict[str, Any], ...] = ()
    recipient_id: str = ""
    recipient_user_id: str = ""
    # What we sent as biz_opaque_callback_data (our message id), echoed by Meta.
    callback_data: str = ""


@dataclass(frozen=True)
class Failure:
    """An item we could not parse: where it was and the error's kind, never its content. With
    its id and sender known it is stored as a content-free message of type "error"."""

    item: str  # message | status | echo
    error: str
    wa_message_id: str = ""
    from_wa_id: str = ""
    from_user_id: str = ""
    timestamp: dt.datetime | None = None


@dataclass(frozen=True)
class Skipped:
    """Something we do not use. `kind` and `name` are safe to log: they never hold content."""

    kind: str  # object | field | phone_number_id | status
    name: str


@dataclass
class Notification:
    messages: list[InboundMessage] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    revokes: list[Revoke] = field(default_factory=list)
    identity_changes: list[IdentityChange] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
