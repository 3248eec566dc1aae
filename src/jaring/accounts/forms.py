from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from jaring.accounts.services import login_failure_record, login_is_locked, login_success_record


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's login form plus a per-username lock-out after repeated failures (shared cache)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        # Django's own text names the field by its label ("Masukkan nama pengguna %(username)s ..."), which
        # repeats "nama pengguna" once translated; say it plainly instead.
        "invalid_login": _(
            "Nama pengguna atau sandi salah. Periksa keduanya; huruf besar dan kecil dibedakan."
        ),
        "locked": _(
            "Terlalu banyak percobaan masuk yang gagal. Akun ini dikunci sementara; coba lagi nanti "
            "atau hubungi admin."
        ),
    }

    def clean(self) -> dict:
        username = self.cleaned_data.get("username") or ""
        if username and login_is_locked(username):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username and login_failure_record(username=username):
                raise forms.ValidationError(self.error_messages["locked"], code="locked") from None
            raise
        login_success_record(user=self.get_user())
        return cleaned


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Nama token (untuk apa?)"), max_length=100)
