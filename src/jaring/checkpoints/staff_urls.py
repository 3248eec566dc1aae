from django.urls import path

from jaring.checkpoints import staff_views

app_name = "checkpoints"
urlpatterns = [
    path("", staff_views.screening_list, name="list"),
    path("baru/", staff_views.screening_new, name="new"),
    path("<int:pk>/", staff_views.screening_detail, name="detail"),
    path("<int:pk>/identitas/", staff_views.screening_identity, name="identity"),
    path("<int:pk>/hasil/", staff_views.screening_outcome, name="outcome"),
    path("<int:pk>/kasus/", staff_views.screening_case, name="case"),
    path("<int:pk>/wawancara-mandiri/", staff_views.screening_self_interview, name="self_interview"),
    path("ringkasan/", staff_views.shift_summary, name="summary"),
    path("ringkasan/unduh.<str:kind>", staff_views.summary_export, name="export"),
]
