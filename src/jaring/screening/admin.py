from django.contrib import admin

from .models import ConfirmedIdentifier, P3mi, ScreeningStat


@admin.register(P3mi)
class P3miAdmin(admin.ModelAdmin):
    list_display = ["name", "licence_number", "is_active", "is_sample", "source", "updated_at"]
    list_filter = ["is_active", "is_sample"]
    search_fields = ["name", "licence_number"]


@admin.register(ConfirmedIdentifier)
class ConfirmedIdentifierAdmin(admin.ModelAdmin):
    """Read-only here: confirmations go through /petugas/tawaran/identitas/ so that they are audited."""

    list_display = ["kind", "value", "reason", "confirmed_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(ScreeningStat)
class ScreeningStatAdmin(admin.ModelAdmin):
    list_display = ["week", "risk_level", "flag", "channel", "ref", "count"]
    list_filter = ["risk_level", "channel"]
