"""URL routes (filled in by the issue that owns them)."""

urlpatterns: list = []
