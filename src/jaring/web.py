"""Project-wide views that belong to no single app: region type-ahead, robots.txt, error pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from jaring.accounts.selectors import primary_office
from jaring.lib import regions


@require_GET
def region_options(request: HttpRequest) -> HttpResponse:
    """htmx fragment: the radio options for a RegionField named `name` matching `<name>_q`."""
    name = request.GET.get("name", "region_code")[:40]
    query = request.GET.get(f"{name}_q", "")[:100]
    office = primary_office()
    within = office.region_code[:2] if office else None
    options = regions.search(query, within=within) if query else []
    return render(request, "widgets/region_options.html", {"name": name, "options": options, "query": query})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /petugas/",
        "Disallow: /lapor/cek/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF page is English and technical; the reporter gets a styled page in their language."""
    return render(request, "403.html", {"csrf_failure": True}, status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the context processors read the database, which may be why this page is shown.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def placeholder(request: HttpRequest, **kwargs: object) -> HttpResponse:
    """Temporary page for a section another issue is building; replaced by that app's own views."""
    return render(request, "placeholder.html")
