from django.urls import path

from jaring.casework.staff_views import inbox, referral_thread, report

app_name = "casework"
urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("ekspor.csv", inbox.export, {"fmt": "csv"}, name="export_csv"),
    path("ekspor.xlsx", inbox.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("audit/", inbox.audit, name="audit"),
    path("massal/", inbox.bulk, name="bulk"),
    path("templat/", inbox.reply_templates, name="templates"),
    path("templat/<int:pk>/", inbox.reply_templates, name="template_edit"),
    path("templat/<int:pk>/hapus/", inbox.reply_template_remove, name="template_delete"),
    path("<str:code>/", report.detail, name="detail"),
    path("<str:code>/status/", report.transition, name="transition"),
    path("<str:code>/tugaskan/", report.assign, name="assign"),
    path("<str:code>/prioritas/", report.priority, name="priority"),
    path("<str:code>/label/", report.labels, name="labels"),
    path("<str:code>/mendesak/", report.urgency, name="urgency"),
    path("<str:code>/duplikat/", report.duplicate, name="duplicate"),
    path("<str:code>/catatan/", report.note, name="note"),
    path("<str:code>/balas/", report.reply, name="reply"),
    path("<str:code>/rujuk/", report.refer, name="refer"),
    path("<str:code>/rujukan/<int:pk>/", report.referral_update, name="referral_update"),
    path("<str:code>/rujukan/<int:pk>/berkas.pdf", report.case_file, name="case_file"),
    path("<str:code>/rujukan/<int:pk>/pesan/", referral_thread.post, name="referral_message"),
    path("<str:code>/rujukan/<int:pk>/bagikan/", referral_thread.share, name="referral_share"),
    path("<str:code>/identitas/", report.identity, name="identity"),
    path("<str:code>/lampiran/<int:pk>/", report.attachment, name="attachment"),
]
