from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from jaring.accounts.models import Agency, ApiToken, Office, User


@admin.register(User)
class JaringUserAdmin(UserAdmin):
    list_display = ["username", "get_full_name", "role", "office", "agency", "is_active"]
    list_filter = ["role", "office", "agency", "is_active"]
    fieldsets = [
        *(UserAdmin.fieldsets or ()),
        ("Jaring", {"fields": ["role", "office", "agency", "notify_whatsapp"]}),
    ]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "region_code", "hotline_whatsapp"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "name", "user", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "digest", "created_at", "last_used_at"]
