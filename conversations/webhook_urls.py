"""Webhook routes, included at /webhooks/ by tria.urls."""

from django.urls import path

from conversations.webhooks import WhatsAppWebhookView

urlpatterns = [
    path("whatsapp/", WhatsAppWebhookView.as_view(), name="whatsapp-webhook"),
]
