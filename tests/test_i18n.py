"""Every catalog is translated and compiled: a fresh machine has no gettext to compile it."""

from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "jaring"
CATALOGS = sorted(SRC.glob("**/locale/en/LC_MESSAGES/django.po"))


def test_there_are_catalogs() -> None:
    assert SRC / "locale/en/LC_MESSAGES/django.po" in CATALOGS


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(SRC)))
def test_catalog_is_translated_and_compiled(po_path: Path) -> None:
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated[:5]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:5]}"
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo}
    expected = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries()}
    assert compiled == expected or all(compiled.get(k) == v for k, v in expected.items()), (
        "run compilemessages"
    )
