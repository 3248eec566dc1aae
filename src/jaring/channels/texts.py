"""What the hotline says. Indonesian msgids, English in channels/locale; callers activate the contact's language.

Facts in the service answers come from shared/domain/FACTS.md (sources cited on the linked portal pages).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jaring.content import emergency
from jaring.reports.models import Category

CATEGORIES = list(Category)  # the order of the numbered list in the chat
INFO_TOPICS = ("mpaspor", "evisa", "izin_tinggal", "apoa", "jalur_resmi")


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def url(name: str, **kwargs: str) -> str:
    """An absolute portal link in the active language (/en/... for English)."""
    return absolute(reverse(name, kwargs=kwargs or None))


def follow_up_url() -> str:
    """/lapor/cek/ (a public contract in DESIGN.md), in the active language."""
    return absolute(reverse("reports:submit") + "cek/")


def danger() -> str:
    """The "Dalam bahaya sekarang?" lines (numbers and sources: content/data/emergency.json, /darurat/)."""
    language = (get_language() or "id")[:2]
    police, e112, kemlu = (emergency.entry(key, language) for key in ("polisi", "darurat_112", "kemlu_pwni"))
    return _(
        "DALAM BAHAYA SEKARANG? Di Indonesia telepon %(police)s (Polisi) atau %(e112)s. Di luar negeri hubungi "
        "KBRI/KJRI terdekat atau hotline Pelindungan WNI Kemlu %(kemlu)s. Nomor per negara: %(url)s\n"
        "Layanan WhatsApp ini bukan layanan darurat: pesan dibaca petugas pada jam kerja."
    ) % {"police": police.number, "e112": e112.number, "kemlu": kemlu.number, "url": url("content:emergency")}


def menu(office_name: str, has_draft: bool) -> str:
    lines = [
        danger(),
        "",
        _("Selamat datang di layanan WhatsApp %(office)s. Balas dengan angka:") % {"office": office_name},
        "",
        _("1 Cek tawaran kerja"),
        _("2 Lapor (pengaduan, informasi, dugaan TPPO)"),
        _("3 Info layanan (M-Paspor, e-Visa, Izin Tinggal, APOA, jalur resmi kerja ke luar negeri)"),
        _("4 Bicara dengan petugas"),
        "",
        _("Ketik MENU kapan saja untuk kembali ke sini."),
    ]
    if has_draft:
        lines.append(
            _("Anda punya laporan yang belum selesai: ketik 2 untuk melanjutkan, BATAL untuk menghapusnya.")
        )
    lines.append(
        "For English, type ENGLISH." if get_language() != "en" else "Untuk Bahasa Indonesia, ketik INDONESIA."
    )
    return "\n".join(lines)


def not_anonymous() -> str:
    return _(
        "Penting: lewat WhatsApp Anda tidak anonim. Nomor WhatsApp Anda disimpan terenkripsi sebagai kontak "
        "pelapor dan hanya dilihat petugas yang menangani laporan (mode Rahasia). Jika ingin melapor secara "
        "Anonim, gunakan formulir web: %(url)s"
    ) % {"url": url("reports:submit")}


def check_prompt() -> str:
    return _(
        "Tempel teks tawaran kerja, teruskan (forward) pesan perekrut, atau kirim tangkapan layar/foto "
        "tawarannya ke sini. Kami periksa tanda bahayanya."
    )


def check_read_text(text: str) -> str:
    shown = text if len(text) <= 1200 else text[:1200].rstrip() + " …"
    return (
        _("Teks yang terbaca dari gambar Anda (gambar tidak disimpan):")
        + f"\n\n{shown}\n\n"
        + _("Jika ada yang salah baca, kirim teks yang sudah diperbaiki untuk diperiksa ulang.")
    )


def check_too_short() -> str:
    return _(
        "Teksnya terlalu pendek untuk diperiksa. Tempel seluruh isi tawaran kerja (minimal 20 karakter)."
    )


def check_not_text() -> str:
    return _(
        "Kami hanya bisa membaca teks dan gambar (JPG, PNG, WebP). Salin dan tempel teks tawarannya, teruskan "
        "pesannya, atau kirim tangkapan layarnya."
    )


def verdict(result: dict) -> str:
    risk = str(result.get("risk_level", "rendah"))
    level = {"tinggi": _("TINGGI"), "sedang": _("SEDANG"), "rendah": _("RENDAH")}.get(risk, risk)
    lines = [_("Hasil cek: risiko %(level)s") % {"level": level}, str(result.get("summary", ""))]
    flags = sorted(result.get("flags", []), key=lambda f: -float(f.get("weight", 0)))[:3]
    if flags:
        lines += ["", _("Alasan utama:")]
        lines += [f"- {f['title']}: {f['explanation']}" for f in flags]
    similar = list(result.get("similar_cases", []))[:2]
    if similar:
        lines += ["", _("Mirip kasus yang terdokumentasi:")]
        lines += [f"- {c['summary']} ({c['outlet']}: {c['url']})" for c in similar]
    advice = list(result.get("advice", []))[:3]
    if advice:
        lines += ["", _("Saran:")]
        lines += [f"- {item}" for item in advice]
    lines += [
        "",
        _("Hasil ini otomatis dan bukan keputusan hukum. Penjelasan lengkap: %(url)s")
        % {"url": url("screening:check")},
        _("Kirim tawaran lain untuk dicek, ketik 2 untuk melaporkan perekrut, atau MENU."),
    ]
    return "\n".join(line for line in lines if line is not None)


def info_menu() -> str:
    return "\n".join(
        [
            _("Info layanan. Balas dengan angka:"),
            _("1 M-Paspor"),
            _("2 e-Visa"),
            _("3 Izin Tinggal (ITAS/ITAP)"),
            _("4 APOA (laporan tamu orang asing)"),
            _("5 Jalur resmi bekerja ke luar negeri"),
            _("Ketik MENU untuk kembali."),
        ]
    )


def info_answer(topic: str, link: str) -> str:
    answers = {
        "mpaspor": _(
            "M-Paspor: daftar di aplikasi M-Paspor, pilih kantor imigrasi dan jenis paspor, unggah KTP, KK dan "
            "akta lahir, pilih jadwal datang untuk foto dan wawancara, lalu bayar kode billing dalam 2 jam."
        ),
        "evisa": _(
            "e-Visa untuk orang asing diajukan di evisa.imigrasi.go.id: visa kunjungan untuk wisata atau bisnis. "
            "VoA/e-VoA berlaku 30 hari dan dapat diperpanjang satu kali."
        ),
        "izin_tinggal": _(
            "Izin tinggal orang asing: ITAS (umumnya paling lama 2 tahun, lebih lama untuk penanam modal tertentu) "
            'dan ITAP (izin tinggal tetap, dapat diperpanjang). Lewat "Izin Tinggal Reach Out" (IMMICARE), petugas '
            "Kantor Imigrasi Batam melayani pekerja asing langsung di kawasan industri Batam."
        ),
        "apoa": _(
            "APOA (apoa.imigrasi.go.id): pemilik atau pengurus tempat penginapan (hotel, apartemen, mes, kos, vila) "
            "wajib memberikan data tamu orang asing jika diminta oleh Pejabat Imigrasi yang bertugas (UU 6/2011 "
            "Pasal 72 ayat 2). Yang tidak memberikannya setelah diminta dapat dipidana (Pasal 117). Melapor "
            "lewat APOA memenuhi permintaan itu tanpa harus datang ke kantor."
        ),
        "jalur_resmi": _(
            "Bekerja ke luar negeri secara resmi (UU 18/2017) hanya lewat pemerintah (G to G), perusahaan "
            "penempatan (P3MI) yang punya izin SIP3MI, atau perusahaan untuk pekerjanya sendiri. Daftar sebagai "
            "calon PMI lewat SIAPkerja Kemnaker (siapkerja.kemnaker.go.id) atau di LTSA; tanyakan izin "
            "perusahaan dan lowongannya di Disnaker atau layanan KP2MI (dahulu BP2MI) 0800-1000 (bebas pulsa, "
            "24 jam). Pekerja migran tidak boleh dibebani biaya penempatan. Kamboja dan Myanmar bukan negara "
            "penempatan pekerja migran Indonesia."
        ),
    }
    more = _("Selengkapnya: %(url)s") % {"url": link}
    return f"{answers[topic]}\n{more}\n\n" + _("Ketik nomor lain (1-5) atau MENU.")


def lapor_intro() -> str:
    return f"{not_anonymous()}\n\n" + _("Ketik BATAL kapan saja untuk membatalkan laporan.")


def lapor_category() -> str:
    lines = [_("Pilih kategori laporan (balas angka):")]
    lines += [f"{i} {label}" for i, label in enumerate((c.label for c in CATEGORIES), start=1)]
    return "\n".join(str(line) for line in lines)


def lapor_description() -> str:
    return _(
        "Ceritakan apa yang terjadi: siapa, apa, kapan. Anda boleh mengirim pesan suara. "
        "Jangan kirim kata sandi atau PIN siapa pun."
    )


def lapor_location() -> str:
    return _(
        "Di mana kejadiannya? Tulis nama tempat, kelurahan atau kecamatan, atau kirim lokasi WhatsApp. "
        "Ketik LEWATI jika tidak tahu."
    )


def lapor_parties() -> str:
    return _(
        "Siapa saja yang terlibat? Tulis nama orang atau perusahaan, nomor telepon, akun media sosial, rekening "
        "atau tautan, satu per baris. Ketik LEWATI jika tidak ada."
    )


def lapor_parties_again() -> str:
    return _("Tulis satu data per baris, lalu kirim lagi daftarnya. Ketik LEWATI jika tidak ada.")


def lapor_files(max_files: int) -> str:
    return _(
        "Kirim foto, tangkapan layar, dokumen PDF atau pesan suara sebagai bukti (paling banyak %(n)s). "
        "Ketik KIRIM untuk mengirim laporan, juga jika tidak ada berkas."
    ) % {"n": max_files}


def receipt(code: str, key: str) -> str:
    return (
        _(
            "Laporan Anda sudah kami terima.\nKode laporan: %(code)s\nKunci tindak lanjut: %(key)s\n\n"
            "Simpan kode dan kunci ini di tempat aman: kunci hanya ditampilkan sekali. Dengan keduanya Anda bisa "
            "melihat perkembangan di %(url)s. Balasan petugas juga dikirim ke WhatsApp ini.\n"
            "Pesan yang Anda kirim sesudah ini ditambahkan ke laporan tersebut. Ketik MENU untuk menu utama."
        )
        % {"code": code, "key": key, "url": follow_up_url()}
        + "\n\n"
        + danger()
    )


def officer_prompt() -> str:
    return f"{not_anonymous()}\n\n" + _("Tulis pertanyaan atau pesan Anda untuk petugas.")


def officer_received(code: str, key: str) -> str:
    return _(
        "Pesan Anda sudah diteruskan ke petugas dan akan dibalas di WhatsApp ini pada jam kerja.\n"
        "Kode: %(code)s\nKunci tindak lanjut: %(key)s (simpan; hanya ditampilkan sekali).\n"
        "Pesan berikutnya juga kami teruskan. Ketik MENU untuk menu utama."
    ) % {"code": code, "key": key}


def thread_added(code: str) -> str:
    return _("Diteruskan ke petugas (laporan %(code)s). Ketik MENU untuk menu utama.") % {"code": code}


def officer_reply(code: str, body: str) -> str:
    return (
        _("Balasan petugas untuk laporan %(code)s:") % {"code": code}
        + f"\n\n{body}\n\n"
        + _("Balas pesan ini untuk menjawab petugas; ketik MENU untuk menu utama.")
    )


def linked(code: str, status: str) -> str:
    return _(
        "Laporan %(code)s sekarang tersambung ke WhatsApp ini. Status: %(status)s. Balasan petugas berikutnya "
        "dikirim ke sini, dan pesan Anda sesudah ini ditambahkan ke laporan. Ketik MENU untuk menu utama."
    ) % {"code": code, "status": status}


def link_failed() -> str:
    return _("Kode laporan atau kunci tidak cocok. Periksa lagi dan kirim: CEK <kode> <kunci>")


def too_many_attempts() -> str:
    return _("Terlalu banyak percobaan. Coba lagi dalam beberapa menit.")


def cancelled() -> str:
    return _("Laporan yang belum selesai sudah dihapus.")


def resumed() -> str:
    return _("Melanjutkan laporan Anda yang belum selesai.")


def unsupported() -> str:
    return _(
        "Maaf, jenis pesan ini belum bisa kami proses. Kirim teks, foto, dokumen PDF, pesan suara atau lokasi. "
        "Ketik MENU untuk melihat pilihan."
    )


def media_outside_report() -> str:
    return _("Untuk mengirim foto atau berkas sebagai bukti, pilih 2 (Lapor) terlebih dahulu. Ketik MENU.")


def media_failed() -> str:
    return _("Berkas Anda tidak dapat kami unduh dari WhatsApp. Mohon kirim sekali lagi.")


def media_too_big(limit: str) -> str:
    return _("Berkas terlalu besar (maksimal %(max)s). Kirim berkas yang lebih kecil.") % {"max": limit}


def file_received(count: int, max_files: int) -> str:
    return _("Berkas diterima (%(n)s dari %(max)s). Kirim berkas lain atau ketik KIRIM.") % {
        "n": count,
        "max": max_files,
    }


def file_saved(count: int, max_files: int) -> str:
    return _("Berkas diterima (%(n)s dari %(max)s).") % {"n": count, "max": max_files}


def too_many_files(max_files: int) -> str:
    return _("Sudah %(max)s berkas, batas satu laporan. Ketik KIRIM untuk mengirim laporan.") % {
        "max": max_files
    }


def rate_limited() -> str:
    return _(
        "Anda mengirim banyak pesan dalam waktu singkat. Mohon tunggu satu menit; pesan sesudahnya akan kami "
        "jawab."
    )


def choose_number(maximum: int) -> str:
    return _("Balas dengan angka 1 sampai %(n)s.") % {"n": maximum}
