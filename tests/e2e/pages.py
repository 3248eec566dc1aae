"""Every page of the site, for the browser checks in test_every_page.py: which address shows each URL pattern
(with real objects from the demo seed), who may open it, and why a pattern is left out.

A new URL pattern must get an entry here (or a reason in EXCLUDED): test_every_pattern_is_listed fails until
it does, so no page escapes axe-core and the first-screen check.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from jaring.accounts import demo as accounts_demo

APP_SEEDS = ["content", "screening", "reports", "casework", "outreach", "network", "checkpoints", "insights"]
SCAM = "Loker admin di Kamboja, gaji 15jt/bln, tanpa pengalaman, visa turis. WA 0812-3456-7890"
DOMESTIC = "Dibutuhkan operator produksi di Batam, gaji 4 juta per bulan, hubungi 0812-7777-1234."


@dataclass
class Seed:
    """The demo data plus the objects that only exist once someone acts (a referral, a self-interview link)."""

    ids: dict = field(default_factory=dict)

    def __getitem__(self, name: str):  # noqa: ANN204 - ids are ints or strings
        return self.ids[name]


def seed_everything(password: str) -> Seed:
    from jaring.accounts.models import Agency, User
    from jaring.casework.models import ReplyTemplate
    from jaring.casework.referrals import referral_create
    from jaring.casework.services import report_transition
    from jaring.checkpoints.models import Screening
    from jaring.checkpoints.self_interview import self_interview_start
    from jaring.content.models import Article, Faq
    from jaring.network.models import Cluster, Identifier
    from jaring.outreach.models import Event, Programme
    from jaring.outreach.services.requests import session_request_submit
    from jaring.reports.models import Report
    from jaring.screening.models import ConfirmedIdentifier

    office, _users = accounts_demo.seed(password=password)
    for app in APP_SEEDS:
        import_module(f"jaring.{app}.demo").seed(office=office)
    supervisor = User.objects.get(username="supervisor")
    report = Report.objects.filter(office=office).order_by("pk").first()
    report_transition(report=report, actor=supervisor, to="diverifikasi")
    referral_create(
        report=report,
        agency=Agency.objects.get(slug="bp3mi-kepri"),
        note="Dugaan penempatan nonprosedural.",
        actor=supervisor,
    )
    screening = Screening.objects.filter(checkpoint__office=office).order_by("pk").first()
    _interview, token = self_interview_start(screening=screening, actor=supervisor)
    request = session_request_submit(
        office=office,
        organisation="Desa Pulau Abang",
        requester_kind="desa",
        contact_name="Pak Kades",
        contact_phone="0812 7000 1111",
    )
    event = Event.objects.filter(office=office).order_by("pk").first()
    identifier = Identifier.objects.order_by("pk").first()
    confirmed = ConfirmedIdentifier.objects.order_by("pk").first()
    return Seed(
        {
            "report": report.tracking_code,
            "template": ReplyTemplate.objects.filter(office=office).order_by("pk").first().pk,
            "article": Article.objects.order_by("pk").first().pk,
            "faq": Faq.objects.order_by("pk").first().pk,
            "screening": screening.pk,
            "interview_token": token,
            "request": request.pk,
            "event": event.pk,
            "event_code": event.code,
            "programme": Programme.objects.order_by("pk").first().pk,
            "cluster": Cluster.objects.order_by("pk").first().pk,
            "identifier": identifier.pk,
            "confirmed": confirmed.pk if confirmed else None,
        }
    )


Build = Callable[[Seed, str], list[str]]


def named(name: str, query: str = "", **kwargs: object) -> Build:
    def build(seed: Seed, language: str) -> list[str]:
        args = {key: seed.ids.get(value, value) for key, value in kwargs.items()}  # a seed name, or literal
        with translation.override(language):
            return [reverse(name, kwargs=args) + query]

    return build


def article(section: str) -> Build:
    def build(seed: Seed, language: str) -> list[str]:
        from jaring.content.models import Article

        published = Article.objects.filter(language=language, status="published").order_by("pk")
        found = next((a for a in published if a.section == section), None)
        return [found.get_absolute_url()] if found else []

    return build


def several(*builds: Build) -> Build:
    def build(seed: Seed, language: str) -> list[str]:
        return [url for b in builds for url in b(seed, language)]

    return build


# Public pages: visited without signing in, in Indonesian and in English.
PUBLIC: dict[str, Build] = {
    "": named("content:home"),
    "edukasi/": named("content:edukasi"),
    "edukasi/<slug:slug>/": article("edukasi"),
    "layanan/": named("content:layanan"),
    "layanan/<slug:slug>/": article("layanan"),
    "siap-berangkat/": several(named("content:checklist"), named("content:checklist", "?cek=1")),
    "faq/": named("content:faq"),
    "cari/": named("content:search", "?q=paspor"),
    "darurat/": named("content:emergency"),
    "cek-tawaran/": several(
        named("screening:check"),
        named("screening:check", "?text=" + SCAM.replace(" ", "+")),
        named("screening:check", "?text=" + DOMESTIC.replace(" ", "+")),
        named("screening:check", "?text=halo"),
    ),
    "sosialisasi/": named("outreach:index"),
    "sosialisasi/minta/": named("outreach:request"),
    "sosialisasi/minta/terkirim/": named("outreach:request_done"),
    "sosialisasi/^(?P<code>[A-Za-z]{3}-[A-Za-z0-9]{4})/$": named("outreach:event", code="event_code"),
    "sosialisasi/^(?P<code>[A-Za-z]{3}-[A-Za-z0-9]{4})/(?P<phase_slug>sebelum|sesudah)/$": several(
        named("outreach:quiz", code="event_code", phase_slug="sebelum"),
        named("outreach:quiz", code="event_code", phase_slug="sesudah"),
    ),
    "statistik/": named("insights_public:statistics"),
    "tpi/wawancara/<str:token>/": named("checkpoints_public:self_interview", token="interview_token"),
    "petugas/masuk/": named("accounts:login"),
}

# Visited by a scripted flow in test_every_page.py (the form, its errors, the receipt, the follow-up thread).
FLOWS = {"lapor/", "lapor/cek/"}

OFFICERS = ("petugas",)
ALL_ROLES = ("petugas", "supervisor", "mitra-bp3mi", "admin", "kanwil")

# Staff pages: (who opens it, the address). Indonesian only: the staff pages share the public templates' base.
STAFF: dict[str, tuple[tuple[str, ...], Build]] = {
    "petugas/": (ALL_ROLES, named("accounts:home")),
    "petugas/token/": (OFFICERS, named("accounts:tokens")),
    "petugas/konten/": (OFFICERS, named("content_staff:list")),
    "petugas/konten/artikel/baru/": (OFFICERS, named("content_staff:article_new")),
    "petugas/konten/artikel/<int:pk>/": (OFFICERS, named("content_staff:article_edit", pk="article")),
    "petugas/konten/artikel/<int:pk>/riwayat/": (
        OFFICERS,
        named("content_staff:article_history", pk="article"),
    ),
    "petugas/konten/faq/baru/": (OFFICERS, named("content_staff:faq_new")),
    "petugas/konten/faq/<int:pk>/": (OFFICERS, named("content_staff:faq_edit", pk="faq")),
    "petugas/laporan/": (("petugas", "supervisor", "mitra-bp3mi"), named("casework:inbox")),
    "petugas/laporan/audit/": (("supervisor",), named("casework:audit")),
    "petugas/laporan/templat/": (OFFICERS, named("casework:templates")),
    "petugas/laporan/templat/<int:pk>/": (OFFICERS, named("casework:template_edit", pk="template")),
    "petugas/laporan/<str:code>/": (("supervisor", "mitra-bp3mi"), named("casework:detail", code="report")),
    "petugas/tawaran/": (OFFICERS, named("screening_staff:stats")),
    "petugas/tawaran/identitas/": (OFFICERS, named("screening_staff:identifiers")),
    "petugas/sosialisasi/": (OFFICERS, named("outreach_staff:index")),
    "petugas/sosialisasi/kegiatan/": (OFFICERS, named("outreach_staff:events")),
    "petugas/sosialisasi/kegiatan/baru/": (OFFICERS, named("outreach_staff:event_new")),
    "petugas/sosialisasi/kegiatan/<int:pk>/": (OFFICERS, named("outreach_staff:event", pk="event")),
    "petugas/sosialisasi/kegiatan/<int:pk>/ubah/": (OFFICERS, named("outreach_staff:event_edit", pk="event")),
    "petugas/sosialisasi/program/": (OFFICERS, named("outreach_staff:programmes")),
    "petugas/sosialisasi/program/baru/": (OFFICERS, named("outreach_staff:programme_new")),
    "petugas/sosialisasi/program/<int:pk>/": (OFFICERS, named("outreach_staff:programme", pk="programme")),
    "petugas/sosialisasi/program/<int:pk>/ubah/": (
        OFFICERS,
        named("outreach_staff:programme_edit", pk="programme"),
    ),
    "petugas/sosialisasi/permintaan/": (OFFICERS, named("outreach_staff:requests")),
    "petugas/sosialisasi/permintaan/<int:pk>/": (OFFICERS, named("outreach_staff:request", pk="request")),
    "petugas/sosialisasi/ringkasan/": (OFFICERS, named("outreach_staff:summary")),
    "petugas/jaringan/": (("petugas", "mitra-bp3mi"), named("network:index")),
    "petugas/jaringan/usulan/": (OFFICERS, named("network:proposals")),
    "petugas/jaringan/identitas/<int:pk>/": (OFFICERS, named("network:identifier", pk="identifier")),
    "petugas/jaringan/<int:pk>/": (OFFICERS, named("network:detail", pk="cluster")),
    "petugas/whatsapp/": (OFFICERS, named("channels_staff:status")),
    "petugas/wawasan/": (("supervisor", "kanwil", "admin"), named("insights:index")),
    "petugas/wawasan/daftar/": (
        ("supervisor",),
        several(
            *(
                named("insights:rows", f"?jenis={kind}")
                for kind in ("", "tpi", "sosialisasi", "cek", "jaringan")
            )
        ),
    ),
    "petugas/wawasan/bulanan/": (("supervisor",), named("insights:monthly")),
    "petugas/tpi/": (("supervisor", "mitra-bp3mi", "admin"), named("checkpoints:list")),
    "petugas/tpi/baru/": (("supervisor",), named("checkpoints:new")),
    "petugas/tpi/<int:pk>/": (("supervisor",), named("checkpoints:detail", pk="screening")),
    "petugas/tpi/ringkasan/": (("supervisor",), named("checkpoints:summary")),
}

POST_ONLY = "POST-only: a form's action; the page holding the form is checked"
FILE = "a file download (CSV, XLSX, PDF, image), not an HTML page"
EXCLUDED: dict[str, str] = {
    "healthz": "health check for the load balancer (JSON)",
    "readyz": "readiness check for the load balancer (JSON)",
    "robots.txt": "text file for crawlers",
    "favicon.ico": "redirect to the icon file",
    "sitemap.xml": "XML for crawlers",
    "wilayah/opsi/": "htmx fragment (region options) inserted into forms that are checked",
    "i18n/setlang/": "POST-only: Django's language switch",
    "channels/whatsapp/webhook": "WhatsApp Cloud API webhook (JSON, signed)",
    "lapor/tanda-terima/unduh/": FILE,
    "lapor/tanda-terima/selesai/": POST_ONLY,
    "lapor/baris-pihak/": "htmx fragment (one more party row) inserted into /lapor/, which is checked",
    "statistik/data.csv": FILE,
    "statistik/data.json": "open data (JSON)",
    "statistik/kamus.json": "open data dictionary (JSON)",
    "petugas/keluar/": POST_ONLY,
    "petugas/token/<int:pk>/cabut/": POST_ONLY,
    "petugas/konten/artikel/pratinjau/": "POST-only htmx preview inside the article editor, which is checked",
    "petugas/konten/artikel/<int:pk>/status/": POST_ONLY,
    "petugas/laporan/massal/": POST_ONLY + " (its answer is the inbox, which is checked)",
    "petugas/laporan/ekspor.csv": FILE,
    "petugas/laporan/ekspor.xlsx": FILE,
    "petugas/laporan/templat/<int:pk>/hapus/": POST_ONLY,
    **{
        f"petugas/laporan/<str:code>/{action}/": POST_ONLY
        for action in (
            "status",
            "tugaskan",
            "prioritas",
            "label",
            "duplikat",
            "catatan",
            "balas",
            "rujuk",
            "mendesak",
        )
    },
    "petugas/laporan/<str:code>/rujukan/<int:pk>/": POST_ONLY,
    "petugas/laporan/<str:code>/rujukan/<int:pk>/berkas.pdf": FILE,
    "petugas/laporan/<str:code>/rujukan/<int:pk>/pesan/": POST_ONLY,
    "petugas/laporan/<str:code>/rujukan/<int:pk>/bagikan/": POST_ONLY,
    "petugas/laporan/<str:code>/identitas/": POST_ONLY,
    "petugas/laporan/<str:code>/lampiran/<int:pk>/": FILE,
    "petugas/tawaran/identitas/<int:pk>/hapus/": POST_ONLY,
    "petugas/sosialisasi/kegiatan/<int:pk>/kehadiran/": POST_ONLY,
    "petugas/sosialisasi/kegiatan/<int:pk>/foto/": POST_ONLY,
    "petugas/sosialisasi/kegiatan/<int:pk>/qr-<str:phase_slug>.svg": FILE,
    "petugas/sosialisasi/foto/<int:pk>/": FILE,
    "petugas/sosialisasi/program/<int:pk>/desa/": POST_ONLY,
    "petugas/sosialisasi/desa/<int:pk>/hapus/": POST_ONLY,
    "petugas/sosialisasi/ringkasan/<str:kind>/": FILE,
    "petugas/jaringan/usulan/<int:pk>/": POST_ONLY,
    "petugas/jaringan/pemberitahuan/dibaca/": POST_ONLY,
    "petugas/jaringan/identitas/<int:pk>/pantau/": POST_ONLY,
    "petugas/whatsapp/kirim-ulang/<int:pk>/": POST_ONLY,
    "petugas/wawasan/bulanan/laporan.pdf": FILE,
    "petugas/wawasan/bulanan/laporan.xlsx": FILE,
    "petugas/wawasan/htcds.csv": FILE,
    "petugas/wawasan/grafik/<slug:slug>.svg": FILE,
    "petugas/tpi/<int:pk>/identitas/": POST_ONLY,
    "petugas/tpi/<int:pk>/hasil/": POST_ONLY,
    "petugas/tpi/<int:pk>/kasus/": POST_ONLY,
    "petugas/tpi/<int:pk>/wawancara-mandiri/": POST_ONLY,
    "petugas/tpi/ringkasan/unduh.<str:kind>": FILE,
}
EXCLUDED_PREFIXES = {
    "api/v1/": "the JSON API (checked against its OpenAPI schema by schemathesis)",
    "petugas/admin/": "Django's own admin site (its templates, not ours)",
}


def url_patterns() -> Iterator[str]:
    """Every route of the URLconf as one string ("petugas/laporan/<str:code>/"), language prefix left out."""

    def walk(patterns: list, prefix: str) -> Iterator[str]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern)

    with translation.override("id"):
        yield from walk(get_resolver().url_patterns, "")
