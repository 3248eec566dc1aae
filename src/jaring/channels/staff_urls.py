from django.urls import path

from jaring.channels import staff_views

app_name = "channels_staff"
urlpatterns = [
    path("", staff_views.status, name="status"),
    path("kirim-ulang/<int:pk>/", staff_views.retry, name="retry"),
]
