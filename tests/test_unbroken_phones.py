"""Phone numbers in running text never break at a hyphen on a narrow screen (issue 18: "0811-/7002-019")."""

import pytest

from jaring.lib.unbroken import phones_unbroken


def test_numbers_are_kept_whole_and_the_rest_escaped() -> None:
    html = phones_unbroken("<b>KP2MI</b>: 0800-1000 (24 jam), Kemlu +62 812-9007-0027, polisi 110.")
    assert html == (
        '&lt;b&gt;KP2MI&lt;/b&gt;: <span class="nowrap">0800-1000</span> (24 jam), '
        'Kemlu <span class="nowrap">+62 812-9007-0027</span>, polisi 110.'
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/", "/cek-tawaran/", "/faq/"])
def test_pages_keep_the_hotlines_on_one_line(client, office, path) -> None:
    html = client.get(path).content.decode()
    assert '<span class="nowrap">0800-1000</span>' in html
    assert "0800-1000" not in html.replace('<span class="nowrap">0800-1000</span>', "")
    assert '<a class="nowrap" href="https://wa.me/628117002019"' in html
