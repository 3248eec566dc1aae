from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.forms import ApiTokenForm, LockoutAuthenticationForm
from jaring.accounts.permissions import StaffRequest, capability_required, is_signed_in
from jaring.accounts.selectors import api_tokens_for
from jaring.accounts.services import api_token_create, api_token_revoke


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = True


@capability_required(is_signed_in)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/home.html")


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
