"""The intent labels the classifier gives (stored on messages; the memory reads them as text)."""

from __future__ import annotations

ORDER_PLACEMENT = "order_placement"
ORDER_CHANGE = "order_change"
ORDER_CANCEL = "order_cancel"
ORDER_STATUS = "order_status"
DELIVERY_QUERY = "delivery_query"
INVOICE_QUERY = "invoice_query"
PRODUCT_QUESTION = "product_question"
GREETING = "greeting"
COMPLAINT = "complaint"
RATING = "rating"
OTHER = "other"

INTENTS = (
    ORDER_PLACEMENT,
    ORDER_CHANGE,
    ORDER_CANCEL,
    ORDER_STATUS,
    DELIVERY_QUERY,
    INVOICE_QUERY,
    PRODUCT_QUESTION,
    GREETING,
    COMPLAINT,
    RATING,
    OTHER,
)
# Intents that only count when no substantive intent has any evidence (a classification rule; the
# memory's MINOR_INTENTS, which never displace a session's primary intent, is another rule).
FILLER_INTENTS = (GREETING, OTHER)
