from django.urls import path

from jaring.content import views

app_name = "content"
urlpatterns = [
    path("", views.home, name="home"),
    path("edukasi/", views.edukasi, name="edukasi"),
    path("edukasi/<slug:slug>/", views.article, {"section": "edukasi"}, name="edukasi_article"),
    path("layanan/", views.layanan, name="layanan"),
    path("layanan/<slug:slug>/", views.article, {"section": "layanan"}, name="layanan_article"),
    path("siap-berangkat/", views.checklist_view, name="checklist"),
    path("faq/", views.faq, name="faq"),
    path("cari/", views.search_view, name="search"),
    path("darurat/", views.emergency_view, name="emergency"),
]
