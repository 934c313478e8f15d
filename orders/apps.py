from django.apps import AppConfig


class OrdersConfig(AppConfig):
    """The order assistant subscribes to the memory here (see conversations.processing and
    conversations.privacy.participants): it acts on every stored customer message, and takes part
    in every GDPR export and erasure."""

    name = "orders"
    verbose_name = "Orders"

    def ready(self) -> None:
        from conversations import processing
        from conversations.privacy import participants, scrub_participants
        from orders import assistant, privacy

        processing.register_inbound_handler(assistant.handle_inbound)
        participants.register_participant(privacy.PARTICIPANT)
        scrub_participants.register_scrub_participant(privacy.SCRUB_PARTICIPANT)
