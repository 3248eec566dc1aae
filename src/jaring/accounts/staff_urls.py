from django.contrib.auth import views as auth_views
from django.urls import path

from jaring.accounts import staff_views

app_name = "accounts"
urlpatterns = [
    path("", staff_views.home, name="home"),
    path("masuk/", staff_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("token/", staff_views.tokens, name="tokens"),
    path("token/<int:pk>/cabut/", staff_views.token_revoke, name="token_revoke"),
]
