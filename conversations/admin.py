from django.contrib import admin

from conversations.models import (
    AuditEvent,
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    ErasureRecord,
    PurgeRun,
    UserIdentity,
    UserInteractionSummary,
)

admin.site.register(ConversationSession)
admin.site.register(ConversationMessage)
admin.site.register(UserInteractionSummary)
admin.site.register(UserIdentity)
admin.site.register(DailyIntentStat)
admin.site.register(AuditEvent)
admin.site.register(ErasureRecord)
admin.site.register(PurgeRun)
