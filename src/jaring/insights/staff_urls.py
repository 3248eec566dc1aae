from django.urls import path

from jaring.insights import staff_views

app_name = "insights"
urlpatterns = [
    path("", staff_views.index, name="index"),
    path("daftar/", staff_views.rows, name="rows"),
    path("bulanan/", staff_views.monthly, name="monthly"),
    path("bulanan/laporan.pdf", staff_views.monthly_file, {"fmt": "pdf"}, name="monthly_pdf"),
    path("bulanan/laporan.xlsx", staff_views.monthly_file, {"fmt": "xlsx"}, name="monthly_xlsx"),
    path("htcds.csv", staff_views.htcds_export, name="htcds"),
    path("grafik/<slug:slug>.svg", staff_views.chart, name="chart"),
]
