from django.urls import path

from jaring.insights import staff_views

app_name = "insights"
urlpatterns = [
    path("", staff_views.index, name="index"),
    path("daftar/", staff_views.rows, name="rows"),
]
