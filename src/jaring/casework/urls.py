from django.urls import path

from jaring.casework import case_views, views

app_name = "casework"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("ekspor.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("ekspor.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("audit/", views.audit, name="audit"),
    path("templat/", views.reply_templates, name="templates"),
    path("templat/<int:pk>/", views.reply_templates, name="template_edit"),
    path("templat/<int:pk>/hapus/", views.reply_template_remove, name="template_delete"),
    path("<str:code>/", case_views.detail, name="detail"),
    path("<str:code>/status/", case_views.transition, name="transition"),
    path("<str:code>/tugaskan/", case_views.assign, name="assign"),
    path("<str:code>/prioritas/", case_views.priority, name="priority"),
    path("<str:code>/label/", case_views.labels, name="labels"),
    path("<str:code>/duplikat/", case_views.duplicate, name="duplicate"),
    path("<str:code>/catatan/", case_views.note, name="note"),
    path("<str:code>/balas/", case_views.reply, name="reply"),
    path("<str:code>/rujuk/", case_views.refer, name="refer"),
    path("<str:code>/rujukan/<int:pk>/", case_views.referral_update, name="referral_update"),
    path("<str:code>/identitas/", case_views.identity, name="identity"),
    path("<str:code>/lampiran/<int:pk>/", case_views.attachment, name="attachment"),
]
