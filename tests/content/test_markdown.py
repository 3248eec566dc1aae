"""Officers write Markdown; whatever they (or a stolen account) paste, visitors never get active content."""

import datetime

import pytest

from jaring.content import services
from jaring.content.rendering import render_markdown


def test_script_tags_are_removed_with_their_content() -> None:
    html = render_markdown("Halo <script>alert('x')</script> dunia")
    assert "<script" not in html and "alert" not in html
    assert "Halo" in html and "dunia" in html


def test_javascript_links_lose_their_target() -> None:
    html = render_markdown('[klik](javascript:alert(1)) dan <a href="JaVaScRiPt:alert(2)">ini</a>')
    assert "javascript" not in html.lower()
    assert "klik" in html


def test_event_attributes_are_stripped() -> None:
    html = render_markdown('<img src="x" onerror="alert(1)"> <a href="https://a.example" onclick="x()">a</a>')
    assert "onerror" not in html and "onclick" not in html and "<img" not in html
    assert 'href="https://a.example"' in html


def test_iframes_and_data_urls_are_neutralised() -> None:
    html = render_markdown(
        '<iframe src="https://evil.example">x</iframe> [d](data:text/html;base64,PHNjcmlwdD4=)'
    )
    assert "<iframe" not in html and "evil.example" not in html
    assert "data:" not in html


def test_links_get_rel_noopener_and_markdown_still_renders() -> None:
    html = render_markdown("## Langkah\n\n- **satu**\n- [BP2MI](https://siskop2mi.bp2mi.go.id/)")
    assert "<h2>Langkah</h2>" in html
    assert "<strong>satu</strong>" in html
    assert 'rel="noopener"' in html


@pytest.mark.django_db
def test_malicious_article_is_stored_sanitised_and_served_sanitised(client, office, petugas) -> None:
    article = services.article_create(
        office=office,
        actor=petugas,
        title="Uji",
        summary="Ringkasan",
        body='Teks <script>steal()</script> <a href="javascript:steal()">x</a> <b onmouseover="steal()">y</b>',
        topic="waspada",
        sources=[
            {"title": "Berita", "url": "https://rmol.id/amp/2025/10/21/683877/x", "accessed": "2026-12-05"}
        ],
        reviewed_on=datetime.date(2026, 12, 5),
        publish=True,
    )
    assert "steal" not in article.body_html
    page = client.get(article.get_absolute_url()).content.decode()
    assert "steal()" not in page
