from django.contrib import admin

from jaring.checkpoints.models import Assignment, Checkpoint


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Checkpoint)
class CheckpointAdmin(admin.ModelAdmin):
    """TPIs and the officers posted at them. Screenings are not in the admin: they hold encrypted identities
    that are read only through the audited staff pages."""

    list_display = ["name", "slug", "kind", "region_code", "office", "is_active"]
    list_filter = ["kind", "is_active", "office"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AssignmentInline]
