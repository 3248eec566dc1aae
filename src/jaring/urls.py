from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from jaring import health, web
from jaring.api import api
from jaring.channels import views as channels_views
from jaring.content.sitemaps import sitemaps

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("robots.txt", web.robots_txt),
    # Browsers and crawlers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "jaring/favicon.ico", permanent=True)),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("wilayah/opsi/", web.region_options, name="region_options"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("channels/whatsapp/webhook", channels_views.webhook, name="whatsapp_webhook"),
]

urlpatterns += i18n_patterns(
    path("", include("jaring.content.urls")),
    path("lapor/", include("jaring.reports.urls")),
    path("cek-tawaran/", include("jaring.screening.urls")),
    path("sosialisasi/", include("jaring.outreach.urls")),
    path("statistik/", include("jaring.insights.urls")),
    path("petugas/", include("jaring.accounts.staff_urls")),
    path("petugas/konten/", include("jaring.content.staff_urls")),
    path("petugas/laporan/", include("jaring.casework.staff_urls")),
    path("petugas/tawaran/", include("jaring.screening.staff_urls")),
    path("petugas/sosialisasi/", include("jaring.outreach.staff_urls")),
    path("petugas/jaringan/", include("jaring.network.staff_urls")),
    path("petugas/whatsapp/", include("jaring.channels.staff_urls")),
    path("petugas/wawasan/", include("jaring.insights.staff_urls")),
    path("petugas/tpi/", include("jaring.checkpoints.staff_urls")),
    path("tpi/", include("jaring.checkpoints.urls")),
    path("petugas/admin/", admin.site.urls),
    prefix_default_language=False,
)

handler403 = "jaring.web.permission_denied"
handler404 = "jaring.web.page_not_found"
handler500 = "jaring.web.server_error"
