from django.contrib import admin

from jaring.network.models import Identifier, StopEntry


@admin.register(StopEntry)
class StopEntryAdmin(admin.ModelAdmin):
    """The editable stoplist: identifiers that never link records (hotlines, official portals)."""

    list_display = ("kind", "value", "note", "created_at")
    list_filter = ("kind",)
    search_fields = ("value", "note")


@admin.register(Identifier)
class IdentifierAdmin(admin.ModelAdmin):
    list_display = ("kind", "normalized", "record_count", "stopped")
    list_filter = ("kind", "stopped")
    search_fields = ("normalized",)
    readonly_fields = ("kind", "normalized", "cluster", "record_count", "created_at")
