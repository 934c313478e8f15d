"""WhatsApp: everything that speaks Meta's Cloud API.

- webhook.py: the signed webhook (GET verification, POST stores the raw notification in the inbox).
- payloads.py: parsing a notification into plain data (messages, statuses, reactions).
- ingest.py: the ingester that claims inbox rows in batches; storing.py stores each item of a
  notification through conversations.services.
- graph.py: the Graph API client (the only module that talks to WhatsApp); tasks.py: its tasks.
- outbound.py: reply(): store a message we send in the session, send it once committed.
- identity.py: phone numbers -> pseudonymous user ids, masking and encryption.

May import: the memory core (conversations.models, services, selectors, processing). Never orders
or ops.
"""
