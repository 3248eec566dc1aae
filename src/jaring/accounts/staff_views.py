from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jaring.accounts import permissions as can
from jaring.accounts.forms import ApiTokenForm, LockoutAuthenticationForm
from jaring.accounts.permissions import StaffRequest, capability_required, is_signed_in
from jaring.accounts.selectors import api_tokens_for
from jaring.accounts.services import api_token_create, api_token_revoke


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = True


# Every workspace area, shown to whoever its capability admits (accounts/permissions.py decides, not roles).
AREAS = [
    (can.can_work_cases, "casework:inbox", gettext_lazy("Laporan masuk"), gettext_lazy("Laporan dan pesan dari masyarakat; rujukan untuk mitra.")),
    (can.can_handle_cases, "casework:templates", gettext_lazy("Templat balasan"), gettext_lazy("Balasan siap pakai kantor.")),
    (can.can_view_network, "network:index", gettext_lazy("Jaringan perekrut"), gettext_lazy("Nomor, akun dan nama yang saling terkait.")),
    (can.can_use_checkpoints, "checkpoints:list", gettext_lazy("Pemeriksaan TPI"), gettext_lazy("Pemeriksaan keberangkatan dan penyerahan ke BP3MI.")),
    (can.can_manage_content, "content_staff:list", gettext_lazy("Konten edukasi"), gettext_lazy("Artikel, FAQ dan daftar periksa.")),
    (can.can_manage_outreach, "outreach_staff:index", gettext_lazy("Sosialisasi"), gettext_lazy("Program, kegiatan dan Desa Binaan.")),
    (can.can_view_screening_stats, "screening_staff:stats", gettext_lazy("Statistik cek tawaran"), gettext_lazy("Ringkasan anonim hasil cek tawaran kerja.")),
    (can.can_view_whatsapp_status, "channels_staff:status", gettext_lazy("Kanal WhatsApp"), gettext_lazy("Kesehatan kanal dan pesan yang gagal.")),
    (can.can_view_insights, "insights:index", gettext_lazy("Wawasan"), gettext_lazy("Angka untuk pimpinan dan mitra: laporan, tenggat, rujukan, sosialisasi.")),
    (can.can_supervise, "casework:audit", gettext_lazy("Jejak audit"), gettext_lazy("Siapa melakukan apa, kapan.")),
    (is_signed_in, "accounts:tokens", gettext_lazy("Token API"), gettext_lazy("Token untuk integrasi dan otomasi.")),
    (lambda user: user.is_admin_role, "admin:index", gettext_lazy("Administrasi sistem"), gettext_lazy("Pengguna, kantor dan instansi mitra.")),
]  # fmt: skip


@capability_required(is_signed_in)
def home(request: HttpRequest) -> HttpResponse:
    """The officer's day (casework's `casework_today` tag fills it) and the menu of every reachable area."""
    user = request.user
    menu = [
        {"url": reverse(name), "title": title, "help": help_text}
        for allowed, name, title, help_text in AREAS
        if allowed(user)
    ]
    return render(request, "accounts/home.html", {"menu": menu})


@capability_required(is_signed_in)
def tokens(request: StaffRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _token, new_token = api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": api_tokens_for(request.user), "new_token": new_token},
    )


@require_POST
@capability_required(is_signed_in)
def token_revoke(request: StaffRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(api_tokens_for(request.user), pk=pk)
    api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("Token dicabut."))
    return redirect("accounts:tokens")
