from django.urls import path

from jaring.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.submit, name="submit"),
    path("tanda-terima/unduh/", views.receipt_download, name="receipt_download"),
    path("tanda-terima/selesai/", views.receipt_done, name="receipt_done"),
    path("baris-pihak/", views.party_row, name="party_row"),
    path("cek/", views.check, name="check"),
]
