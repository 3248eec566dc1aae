from django.contrib import admin

from jaring.network.models import Identifier, StopEntry
from jaring.network.stoplist import stop_entry_save


@admin.register(StopEntry)
class StopEntryAdmin(admin.ModelAdmin):
    """The editable stoplist: identifiers that never link records (hotlines, official portals)."""

    list_display = ("kind", "value", "note", "created_at")
    list_filter = ("kind",)
    search_fields = ("value", "note")

    def save_model(self, request, obj, form, change) -> None:  # type: ignore[no-untyped-def]
        stop_entry_save(entry=obj, actor=request.user)  # also splits what the identifier had joined


@admin.register(Identifier)
class IdentifierAdmin(admin.ModelAdmin):
    """Read-only here: an identifier stops linking through a stoplist entry, which also splits its clusters."""

    list_display = ("kind", "normalized", "record_count", "stopped")
    list_filter = ("kind", "stopped")
    search_fields = ("normalized",)
    readonly_fields = ("kind", "normalized", "cluster", "record_count", "stopped", "created_at")
