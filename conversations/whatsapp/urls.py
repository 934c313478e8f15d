"""Webhook routes, included at /webhooks/ by tria.urls."""

from django.urls import path

from conversations.whatsapp.webhook import WhatsAppWebhookView

urlpatterns = [
    path("whatsapp/", WhatsAppWebhookView.as_view(), name="whatsapp-webhook"),
]
