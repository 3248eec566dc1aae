"""og:url, og:image and the WhatsApp share link name the address being served (lib/site.py), never another
configured host's; with a catch-all ALLOWED_HOSTS the Host header is not trusted and JARING_SITE_URL is used."""

import re
from urllib.parse import unquote

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGE = "/faq/"


def _tags(client: Client, host: str, secure: bool = False) -> dict[str, str]:
    html = client.get(PAGE, HTTP_HOST=host, secure=secure).content.decode()
    share = re.search(r'href="https://wa\.me/\?text=([^"]+)"', html)
    return {
        "og:url": re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1),
        "og:image": re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1),
        "share": unquote(share.group(1)) if share else "",
    }


def test_each_host_gets_its_own_address(client: Client, office, settings) -> None:
    settings.SITE_URL = "https://jaring.example"
    settings.ALLOWED_HOSTS = ["jaring.example", "cermin.example"]
    mirror = _tags(client, "cermin.example", secure=True)
    assert mirror["og:url"] == "https://cermin.example/faq/"
    assert mirror["og:image"] == "https://cermin.example/static/jaring/share.png"
    assert mirror["share"].endswith(" https://cermin.example/faq/")
    assert "jaring.example" not in str(mirror)
    main = _tags(client, "jaring.example")
    # The configured address keeps its https even when the proxy in front does not say so.
    assert main["og:url"] == "https://jaring.example/faq/" and main["share"].endswith(
        " https://jaring.example/faq/"
    )


def test_catch_all_hosts_fall_back_to_the_configured_address(client: Client, office, settings) -> None:
    settings.SITE_URL = "https://jaring.example"
    settings.ALLOWED_HOSTS = ["*"]
    tags = _tags(client, "penyerang.example")
    assert tags["og:url"] == "https://jaring.example/faq/"
    assert "penyerang" not in str(tags)


def test_unknown_host_is_refused_not_echoed(client: Client, office, settings) -> None:
    settings.ALLOWED_HOSTS = ["jaring.example"]
    assert client.get(PAGE, HTTP_HOST="penyerang.example").status_code == 400


def test_pages_link_the_favicon_and_it_is_served(client: Client, office) -> None:
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/jaring/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/static/jaring/favicon-32.png" type="image/png" sizes="32x32">' in html
    legacy = client.get("/favicon.ico")
    assert legacy.status_code == 301 and legacy["Location"] == "/static/jaring/favicon.ico"


def test_share_image_has_the_opengraph_size() -> None:
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("jaring/share.png")) as image:
        assert image.size == (1200, 630)
