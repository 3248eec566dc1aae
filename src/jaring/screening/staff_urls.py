from django.urls import path

from . import staff_views

app_name = "screening_staff"
urlpatterns = [
    path("", staff_views.stats, name="stats"),
    path("identitas/", staff_views.identifiers, name="identifiers"),
    path("identitas/<int:pk>/hapus/", staff_views.identifier_remove, name="identifier_remove"),
]
