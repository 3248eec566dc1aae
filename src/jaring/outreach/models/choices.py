"""Fixed vocabularies of outreach: stable codes (used by the API and the quiz data file), Indonesian labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    SOSIALISASI = "sosialisasi", _("Sosialisasi")
    PENYULUHAN = "penyuluhan", _("Penyuluhan")
    KOORDINASI = "koordinasi", _("Koordinasi lintas instansi")
    JEMPUT_BOLA = "jemput_bola", _("Jemput bola layanan")
    KAMPANYE_MEDSOS = "kampanye_medsos", _("Kampanye media sosial")


class Topic(models.TextChoices):
    TPPO = "tppo", _("TPPO (perdagangan orang)")
    PMI_PROSEDURAL = "pmi_prosedural", _("PMI prosedural")
    M_PASPOR = "m_paspor", "M-Paspor"
    E_VISA = "e_visa", "e-Visa"
    IZIN_TINGGAL = "izin_tinggal", _("Izin Tinggal")
    APOA = "apoa", "APOA"
    KANAL_PENGADUAN = "kanal_pengaduan", _("Kanal pengaduan")


class Audience(models.TextChoices):
    PELAJAR = "pelajar", _("Pelajar")
    MAHASISWA = "mahasiswa", _("Mahasiswa")
    NELAYAN = "nelayan", _("Nelayan")
    IBU_RUMAH_TANGGA = "ibu_rumah_tangga", _("Ibu rumah tangga")
    PENCARI_KERJA = "pencari_kerja", _("Pencari kerja")
    PEKERJA_INDUSTRI = "pekerja_industri", _("Pekerja industri")
    PENGELOLA_PENGINAPAN = "pengelola_penginapan", _("Pengelola penginapan")
    PERANGKAT_DESA = "perangkat_desa", _("Perangkat desa")
    TOKOH_MASYARAKAT = "tokoh_masyarakat", _("Tokoh masyarakat/agama")
    UMUM = "umum", _("Masyarakat umum")


class AgeBand(models.TextChoices):
    """Attendance age bands: counts only, no personal data."""

    UNDER_18 = "age_under_18", _("di bawah 18 tahun")
    AGE_18_25 = "age_18_25", _("18-25 tahun")
    AGE_26_40 = "age_26_40", _("26-40 tahun")
    AGE_41_60 = "age_41_60", _("41-60 tahun")
    OVER_60 = "age_over_60", _("di atas 60 tahun")


class Phase(models.TextChoices):
    PRE = "pre", _("Sebelum kegiatan")
    POST = "post", _("Sesudah kegiatan")


# Public quiz URLs use Indonesian words for the phase; the database keeps pre/post.
PHASE_SLUGS = {"sebelum": Phase.PRE, "sesudah": Phase.POST}
SLUG_OF_PHASE = {value: key for key, value in PHASE_SLUGS.items()}


class RequesterKind(models.TextChoices):
    DESA = "desa", _("Desa/kelurahan")
    SEKOLAH = "sekolah", _("Sekolah/kampus")
    PERUSAHAAN = "perusahaan", _("Perusahaan")
    KOMUNITAS = "komunitas", _("Komunitas/organisasi")
    LAINNYA = "lainnya", _("Lainnya")


class RequestStatus(models.TextChoices):
    BARU = "baru", _("Baru")
    DIJADWALKAN = "dijadwalkan", _("Dijadwalkan")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")
