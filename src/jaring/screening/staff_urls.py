from django.urls import path

from . import views_staff

app_name = "screening_staff"
urlpatterns = [
    path("", views_staff.stats, name="stats"),
    path("identitas/", views_staff.identifiers, name="identifiers"),
    path("identitas/<int:pk>/hapus/", views_staff.identifier_remove, name="identifier_remove"),
]
