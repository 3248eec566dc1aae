from django.urls import path

from jaring.network import staff_views

app_name = "network"
urlpatterns = [
    path("", staff_views.index, name="index"),
    path("usulan/", staff_views.proposals, name="proposals"),
    path("usulan/<int:pk>/", staff_views.decide, name="decide"),
    path("pemberitahuan/dibaca/", staff_views.notices_read, name="notices_read"),
    path("identitas/<int:pk>/", staff_views.identifier, name="identifier"),
    path("identitas/<int:pk>/pantau/", staff_views.watch, name="watch"),
    path("<int:pk>/", staff_views.detail, name="detail"),
]
