from django.urls import path

from jaring.outreach.views import staff_events, staff_misc, staff_programmes

app_name = "outreach_staff"
urlpatterns = [
    path("", staff_misc.index, name="index"),
    path("kegiatan/", staff_events.event_list, name="events"),
    path("kegiatan/baru/", staff_events.event_new, name="event_new"),
    path("kegiatan/<int:pk>/", staff_events.event_detail, name="event"),
    path("kegiatan/<int:pk>/ubah/", staff_events.event_edit, name="event_edit"),
    path("kegiatan/<int:pk>/kehadiran/", staff_events.event_attendance, name="event_attendance"),
    path("kegiatan/<int:pk>/foto/", staff_events.event_photos, name="event_photos"),
    path("kegiatan/<int:pk>/qr-<str:phase_slug>.svg", staff_events.quiz_qr, name="quiz_qr"),
    path("foto/<int:pk>/", staff_events.photo, name="photo"),
    path("program/", staff_programmes.programme_list, name="programmes"),
    path("program/baru/", staff_programmes.programme_new, name="programme_new"),
    path("program/<int:pk>/", staff_programmes.programme_detail, name="programme"),
    path("program/<int:pk>/ubah/", staff_programmes.programme_edit, name="programme_edit"),
    path("program/<int:pk>/desa/", staff_programmes.village_add, name="village_add"),
    path("desa/<int:pk>/hapus/", staff_programmes.village_remove, name="village_remove"),
    path("permintaan/", staff_misc.request_list, name="requests"),
    path("permintaan/<int:pk>/", staff_misc.request_detail, name="request"),
    path("ringkasan/", staff_misc.summary, name="summary"),
    path("ringkasan/<str:kind>/", staff_misc.summary_export, name="summary_export"),
]
