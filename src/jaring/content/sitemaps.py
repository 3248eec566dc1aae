"""sitemap.xml: every published article at its own language's address, and the fixed pages in both languages.
Addresses come from JARING_SITE_URL, not from the Host header of whoever asks."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from jaring.content.models import Article
from jaring.content.selectors import published_articles


class _SiteUrlSitemap(Sitemap):
    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site: object = None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(_SiteUrlSitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "content:home",
            "content:edukasi",
            "content:layanan",
            "content:checklist",
            "content:faq",
            "content:emergency",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class ArticleSitemap(_SiteUrlSitemap):
    changefreq = "monthly"

    def items(self) -> list[Article]:
        return list(published_articles().only("slug", "language", "topic", "updated_at").order_by("pk"))

    def lastmod(self, item: Article) -> object:
        return item.updated_at


sitemaps: dict = {"pages": PageSitemap, "articles": ArticleSitemap}
