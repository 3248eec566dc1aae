from django.urls import path

from jaring.web import placeholder

app_name = "content"
urlpatterns = [
    path("", placeholder, name="home"),
    path("edukasi/", placeholder, name="edukasi"),
    path("layanan/", placeholder, name="layanan"),
]
