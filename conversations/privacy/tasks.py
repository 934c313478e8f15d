"""Celery tasks of the privacy package: thin wrappers around its services."""

from celery import shared_task

from conversations.privacy import scrubbing


@shared_task(acks_late=True)
def scrub_pending_pii() -> dict:
    """Beat: scrub personal data from messages past the grace period (privacy.scrubbing)."""
    return scrubbing.scrub_pending().as_dict()
