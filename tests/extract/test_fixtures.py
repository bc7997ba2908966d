"""The committed fixture PDFs are exactly what ``make_fixtures.py`` builds from their sources.

Needs reportlab (a test dependency) and the WenQuanYi font (Debian ``fonts-wqy-microhei``) for the
documents with an embedded font, the scan and the mojibake copy; skipped where the font is missing,
because the tests themselves read the committed PDFs and need no font at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def test_fixtures_are_reproducible(make_fixtures, fixtures):
    pytest.importorskip("reportlab")
    pytest.importorskip("PIL")
    if not any(Path(p).exists() for p in make_fixtures.WQY_PATHS):
        pytest.skip("fonts-wqy-microhei is not installed: cannot rebuild the embedded-font fixtures")
    built = make_fixtures.build_all()
    differ = [name for name, data in built.items() if (fixtures / name).read_bytes() != data]
    assert differ == [], "run: python tests/extract/make_fixtures.py"


def test_every_fixture_pdf_is_built_by_the_generator(make_fixtures, fixtures):
    expected = {f"{name}.pdf" for name in make_fixtures.DOCUMENTS} | set(make_fixtures.BUNDLES) | set(make_fixtures.HOSTILE)
    assert {p.name for p in fixtures.glob("*.pdf")} == expected
