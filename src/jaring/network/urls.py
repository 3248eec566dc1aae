from django.urls import path

from jaring.network import views

app_name = "network"
urlpatterns = [
    path("", views.index, name="index"),
    path("usulan/", views.proposals, name="proposals"),
    path("usulan/<int:pk>/", views.decide, name="decide"),
    path("pemberitahuan/dibaca/", views.notices_read, name="notices_read"),
    path("identitas/<int:pk>/", views.identifier, name="identifier"),
    path("identitas/<int:pk>/pantau/", views.watch, name="watch"),
    path("<int:pk>/", views.detail, name="detail"),
]
