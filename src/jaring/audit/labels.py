"""What supervisors read for each audit event name: the one mapping (tests/audit/test_labels.py fails when a
service records an event name that has no label here). The names stay in the database for machines.

Labels carry the "audit" context: this catalog is loaded before the other apps', so a plain "Laporan" here
would also change how every other page translates "Laporan"."""

from django.utils.functional import Promise
from django.utils.translation import pgettext, pgettext_lazy

EVENT_LABELS: dict[str, Promise] = {
    # reports and casework
    "report.submitted": pgettext_lazy("audit", "Laporan masuk"),
    "report.message_added": pgettext_lazy("audit", "Pesan pelapor ditambahkan"),
    "report.replied": pgettext_lazy("audit", "Balasan petugas dikirim"),
    "report.transitioned": pgettext_lazy("audit", "Status laporan diubah"),
    "report.assigned": pgettext_lazy("audit", "Laporan ditugaskan"),
    "report.priority_changed": pgettext_lazy("audit", "Prioritas laporan diubah"),
    "report.labelled": pgettext_lazy("audit", "Label laporan diubah"),
    "report.note_added": pgettext_lazy("audit", "Catatan internal ditambahkan"),
    "report.referred": pgettext_lazy("audit", "Laporan dirujuk ke mitra"),
    "report.exported": pgettext_lazy("audit", "Laporan diekspor"),
    "report.urgency_set": pgettext_lazy("audit", "Laporan ditandai mendesak"),
    "report.urgency_cleared": pgettext_lazy("audit", "Tanda mendesak laporan dihapus"),
    "report.messages_seen": pgettext_lazy("audit", "Pesan pelapor dibaca petugas"),
    "referral.updated": pgettext_lazy("audit", "Rujukan diperbarui"),
    "referral.message_posted": pgettext_lazy("audit", "Pesan di percakapan rujukan dikirim"),
    "referral.message_shared": pgettext_lazy("audit", "Pesan pelapor dibagikan ke mitra"),
    "referral.message_unshared": pgettext_lazy("audit", "Pesan pelapor ditarik dari mitra"),
    "referral.thread_viewed": pgettext_lazy("audit", "Percakapan rujukan dibuka mitra"),
    "referral.case_file": pgettext_lazy("audit", "Berkas rujukan (PDF) diunduh"),
    "report.notify_changed": pgettext_lazy("audit", "Pemberitahuan jawaban untuk pelapor diubah"),
    "report.reporter_notified": pgettext_lazy("audit", "Pelapor diberi tahu ada jawaban baru"),
    "reply_template.saved": pgettext_lazy("audit", "Templat balasan disimpan"),
    "reply_template.deleted": pgettext_lazy("audit", "Templat balasan dihapus"),
    "identity.viewed": pgettext_lazy("audit", "Identitas pelapor dibuka"),
    "attachment.viewed": pgettext_lazy("audit", "Lampiran dibuka"),
    # accounts
    "login.succeeded": pgettext_lazy("audit", "Masuk berhasil"),
    "login.failed": pgettext_lazy("audit", "Masuk gagal"),
    "login.locked": pgettext_lazy("audit", "Akun dikunci setelah gagal masuk"),
    "api_token.created": pgettext_lazy("audit", "Token API dibuat"),
    "api_token.revoked": pgettext_lazy("audit", "Token API dicabut"),
    "keys.rotated": pgettext_lazy("audit", "Kunci enkripsi diganti"),
    # content
    "content.article_create": pgettext_lazy("audit", "Artikel dibuat"),
    "content.article_update": pgettext_lazy("audit", "Artikel diubah"),
    "content.article_publish": pgettext_lazy("audit", "Artikel diterbitkan"),
    "content.article_unpublish": pgettext_lazy("audit", "Artikel ditarik dari terbitan"),
    "content.faq_create": pgettext_lazy("audit", "Tanya jawab dibuat"),
    "content.faq_update": pgettext_lazy("audit", "Tanya jawab diubah"),
    # screening
    "screening.identifier_confirm": pgettext_lazy(
        "audit", "Identitas ditandai telah dilaporkan (cek tawaran)"
    ),
    "screening.identifier_unconfirm": pgettext_lazy("audit", "Tanda telah dilaporkan dicabut (cek tawaran)"),
    "screening.p3mi_import": pgettext_lazy("audit", "Daftar P3MI diimpor"),
    # network
    "network.record_linked": pgettext_lazy("audit", "Catatan dihubungkan ke jaringan"),
    "network.clusters_merged": pgettext_lazy("audit", "Jaringan digabung"),
    "network.cluster_split": pgettext_lazy("audit", "Jaringan dipisah"),
    "network.cluster_viewed": pgettext_lazy("audit", "Jaringan dibuka"),
    "network.identifier_viewed": pgettext_lazy("audit", "Identitas jaringan dibuka"),
    "network.identifier_confirmed": pgettext_lazy("audit", "Identitas jaringan ditandai terverifikasi"),
    "network.proposal_confirmed": pgettext_lazy("audit", "Usulan nama mirip dikonfirmasi"),
    "network.proposal_rejected": pgettext_lazy("audit", "Usulan nama mirip ditolak"),
    "network.watch_on": pgettext_lazy("audit", "Identitas mulai dipantau"),
    "network.watch_off": pgettext_lazy("audit", "Pemantauan identitas dihentikan"),
    "network.notices_read": pgettext_lazy("audit", "Pemberitahuan pantauan dibaca"),
    "network.stop_entry_saved": pgettext_lazy("audit", "Daftar pengecualian jaringan diubah"),
    # WhatsApp
    "whatsapp.processed": pgettext_lazy("audit", "Pesan WhatsApp masuk diproses"),
    "whatsapp.postponed": pgettext_lazy("audit", "Pesan WhatsApp masuk ditunda"),
    "whatsapp.rate_limited": pgettext_lazy("audit", "Pesan WhatsApp masuk dibatasi (terlalu banyak)"),
    "whatsapp.inbound_failed": pgettext_lazy("audit", "Pesan WhatsApp masuk gagal diproses"),
    "whatsapp.report_linked": pgettext_lazy("audit", "Percakapan WhatsApp dihubungkan ke laporan"),
    "whatsapp.outbound_queued": pgettext_lazy("audit", "Pesan WhatsApp keluar masuk antrean"),
    "whatsapp.outbound_held": pgettext_lazy("audit", "Pesan WhatsApp keluar menunggu warga membalas"),
    "whatsapp.outbound_released": pgettext_lazy("audit", "Pesan WhatsApp keluar dilepas dari penundaan"),
    "whatsapp.outbound_sent": pgettext_lazy("audit", "Pesan WhatsApp keluar terkirim"),
    "whatsapp.outbound_retry": pgettext_lazy("audit", "Pesan WhatsApp keluar akan dicoba lagi"),
    "whatsapp.outbound_retrying": pgettext_lazy("audit", "Pesan WhatsApp keluar gagal, dicoba lagi"),
    "whatsapp.outbound_failed": pgettext_lazy("audit", "Pesan WhatsApp keluar gagal"),
    "whatsapp.sends_reclaimed": pgettext_lazy("audit", "Kiriman WhatsApp yang macet diambil alih"),
    "whatsapp.status.sent": pgettext_lazy("audit", "WhatsApp: pesan terkirim"),
    "whatsapp.status.delivered": pgettext_lazy("audit", "WhatsApp: pesan sampai"),
    "whatsapp.status.read": pgettext_lazy("audit", "WhatsApp: pesan dibaca"),
    "whatsapp.status.failed": pgettext_lazy("audit", "WhatsApp: pesan gagal"),
    "whatsapp.alert.token_expired": pgettext_lazy("audit", "Peringatan WhatsApp: token akses kedaluwarsa"),
    # outreach
    "outreach.programme.created": pgettext_lazy("audit", "Program desa binaan dibuat"),
    "outreach.programme.updated": pgettext_lazy("audit", "Program desa binaan diubah"),
    "outreach.village.added": pgettext_lazy("audit", "Desa sasaran ditambahkan"),
    "outreach.village.removed": pgettext_lazy("audit", "Desa sasaran dihapus"),
    "outreach.event.created": pgettext_lazy("audit", "Kegiatan sosialisasi dibuat"),
    "outreach.event.updated": pgettext_lazy("audit", "Kegiatan sosialisasi diubah"),
    "outreach.event.attendance": pgettext_lazy("audit", "Kehadiran kegiatan dicatat"),
    "outreach.photo.added": pgettext_lazy("audit", "Foto kegiatan ditambahkan"),
    "outreach.photo.deleted": pgettext_lazy("audit", "Foto kegiatan dihapus"),
    "outreach.quiz.submitted": pgettext_lazy("audit", "Kuis sosialisasi diisi"),
    "outreach.request.submitted": pgettext_lazy("audit", "Permintaan sosialisasi masuk"),
    "outreach.request.updated": pgettext_lazy("audit", "Permintaan sosialisasi diperbarui"),
    "outreach.request.viewed": pgettext_lazy("audit", "Kontak permintaan sosialisasi dibuka"),
    # checkpoints (TPI)
    "checkpoint.screening_recorded": pgettext_lazy("audit", "Pemeriksaan TPI dicatat"),
    "checkpoint.screening_decided": pgettext_lazy("audit", "Hasil pemeriksaan TPI diputuskan"),
    "checkpoint.identity_viewed": pgettext_lazy("audit", "Identitas penumpang TPI dibuka"),
    "checkpoint.identity_erased": pgettext_lazy("audit", "Identitas penumpang TPI dihapus"),
    "checkpoint.case_opened": pgettext_lazy("audit", "Kasus dibuka dari pemeriksaan TPI"),
    "checkpoint.self_interview_started": pgettext_lazy("audit", "Wawancara mandiri TPI dimulai"),
    "checkpoint.self_interview_answered": pgettext_lazy("audit", "Wawancara mandiri TPI dijawab"),
    # insights
    "insights.htcds_export": pgettext_lazy("audit", "Ekspor HTCDS diunduh"),
    "insights.monthly_narrative_save": pgettext_lazy("audit", "Narasi laporan bulanan disimpan"),
    "insights.monthly_report_file": pgettext_lazy("audit", "Berkas laporan bulanan dibuat"),
    "insights.monthly_report_sent": pgettext_lazy("audit", "Laporan bulanan dikirim"),
}

# Names built at run time (f"whatsapp.status.{status}"): a label for the family when a value is new.
FAMILY_LABELS: dict[str, Promise] = {
    "content.article_": pgettext_lazy("audit", "Artikel diubah"),
    "whatsapp.status.": pgettext_lazy("audit", "WhatsApp: status pesan diperbarui"),
    "whatsapp.outbound_": pgettext_lazy("audit", "Pesan WhatsApp keluar diperbarui"),
    "whatsapp.alert.": pgettext_lazy("audit", "Peringatan WhatsApp"),
}

# The first part of a name, for the audit browser's filter ("report." is every event of a report).
AREA_LABELS: dict[str, Promise] = {
    "report": pgettext_lazy("audit", "Laporan"),
    "referral": pgettext_lazy("audit", "Rujukan"),
    "reply_template": pgettext_lazy("audit", "Templat balasan"),
    "identity": pgettext_lazy("audit", "Identitas pelapor"),
    "attachment": pgettext_lazy("audit", "Lampiran"),
    "login": pgettext_lazy("audit", "Masuk"),
    "api_token": pgettext_lazy("audit", "Token API"),
    "keys": pgettext_lazy("audit", "Kunci enkripsi"),
    "content": pgettext_lazy("audit", "Konten"),
    "screening": pgettext_lazy("audit", "Cek tawaran kerja"),
    "network": pgettext_lazy("audit", "Jaringan"),
    "whatsapp": pgettext_lazy("audit", "WhatsApp"),
    "outreach": pgettext_lazy("audit", "Sosialisasi"),
    "checkpoint": pgettext_lazy("audit", "TPI"),
    "insights": pgettext_lazy("audit", "Wawasan"),
}


def event_label(action: str) -> str:
    """The label of an event name; the name itself when it has none (never hide an event)."""
    label = EVENT_LABELS.get(action)
    if label is None:
        family = max((p for p in FAMILY_LABELS if action.startswith(p)), key=len, default=None)
        label = FAMILY_LABELS[family] if family else None
    return str(label) if label is not None else action


def filter_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """(area label, [(value, label)]) for the audit browser's filter: the whole area first, then its events."""
    groups = []
    for area, area_label in AREA_LABELS.items():
        names = sorted(
            (n for n in EVENT_LABELS if n.split(".")[0] == area), key=lambda n: str(EVENT_LABELS[n])
        )
        options = [(f"{area}.", pgettext("audit", "%(area)s: semua") % {"area": area_label})]
        options += [(n, str(EVENT_LABELS[n])) for n in names]
        groups.append((str(area_label), options))
    return groups
