"""The officers' top menu: every workspace area the signed-in user may open, asked of accounts/permissions.py.

Each entry names the capability its area's index page is guarded by, so the menu never offers a page that
answers 403 and never hides one the user may open.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jaring.accounts import permissions as can


@dataclass(frozen=True)
class Area:
    url_name: str
    label: str | Promise
    allowed: Callable[[Any], bool]


def _django_admin(user: Any) -> bool:
    return bool(user.is_active and user.is_staff)


AREAS = (
    Area("accounts:home", _("Ruang petugas"), can.is_signed_in),
    Area("casework:inbox", _("Laporan"), can.can_work_cases),
    Area("network:index", _("Jaringan"), can.can_view_network),
    Area("checkpoints:list", _("TPI"), can.can_use_checkpoints),
    Area("outreach_staff:index", _("Sosialisasi"), can.can_manage_outreach),
    Area("content_staff:list", _("Konten"), can.can_manage_content),
    Area("screening_staff:stats", _("Cek tawaran"), can.can_view_screening_stats),
    Area("insights:index", _("Wawasan"), can.can_view_insights),
    Area("casework:audit", _("Audit"), can.can_supervise),
    Area("channels_staff:status", _("WhatsApp"), can.can_view_whatsapp_status),
    Area("accounts:tokens", _("Token API"), can.is_signed_in),
    Area("admin:index", _("Administrasi"), _django_admin),
)


def staff_menu(user: Any, path: str) -> list[dict]:
    """The areas `user` may open, each with its address and whether `path` lies in it (aria-current)."""
    items = [{"url": reverse(area.url_name), "label": area.label} for area in AREAS if area.allowed(user)]
    # The longest matching address is the current area ("/petugas/" is a prefix of every other one).
    current = max((i["url"] for i in items if path.startswith(i["url"])), key=len, default=None)
    for item in items:
        item["current"] = item["url"] == current
    return items
