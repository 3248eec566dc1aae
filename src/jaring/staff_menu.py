"""The officers' top menu: every workspace area the signed-in user may open, asked of accounts/permissions.py.

Labels carry the "menu" context: the same words translate differently elsewhere ("Laporan" is "Report" on a
network page, "Reports" here), and one catalog's entry would otherwise override another's.

Each entry names the capability its area's index page is guarded by, so the menu never offers a page that
answers 403 and never hides one the user may open.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from jaring.accounts import permissions as can


@dataclass(frozen=True)
class Area:
    url_name: str
    label: str | Promise
    allowed: Callable[[Any], bool]


def _django_admin(user: Any) -> bool:
    return bool(user.is_active and user.is_staff)


AREAS = (
    Area("accounts:home", pgettext_lazy("menu", "Ruang petugas"), can.is_signed_in),
    Area("casework:inbox", pgettext_lazy("menu", "Laporan"), can.can_work_cases),
    Area("network:index", pgettext_lazy("menu", "Jaringan"), can.can_view_network),
    Area("checkpoints:list", pgettext_lazy("menu", "TPI"), can.can_use_checkpoints),
    Area("outreach_staff:index", pgettext_lazy("menu", "Sosialisasi"), can.can_manage_outreach),
    Area("content_staff:list", pgettext_lazy("menu", "Konten"), can.can_manage_content),
    Area("screening_staff:stats", pgettext_lazy("menu", "Cek tawaran"), can.can_view_screening_stats),
    Area("insights:index", pgettext_lazy("menu", "Wawasan"), can.can_view_insights),
    Area("casework:audit", pgettext_lazy("menu", "Audit"), can.can_supervise),
    Area("channels_staff:status", pgettext_lazy("menu", "WhatsApp"), can.can_view_whatsapp_status),
    Area("accounts:tokens", pgettext_lazy("menu", "Token API"), can.is_signed_in),
    Area("admin:index", pgettext_lazy("menu", "Administrasi"), _django_admin),
)


def staff_menu(user: Any, path: str) -> list[dict]:
    """The areas `user` may open, each with its address and whether `path` lies in it (aria-current)."""
    items = [{"url": reverse(area.url_name), "label": area.label} for area in AREAS if area.allowed(user)]
    # The longest matching address is the current area ("/petugas/" is a prefix of every other one).
    current = max((i["url"] for i in items if path.startswith(i["url"])), key=len, default=None)
    for item in items:
        item["current"] = item["url"] == current
    return items
