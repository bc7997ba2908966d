"""The golden packages as LibreOffice lays them out (real LibreOffice, no mock): A4 pages, a serif
CJK face for the body on a machine without 宋体, and an answer short enough to file.

LibreOffice (``soffice``) and the Noto CJK fonts are Debian packages that ``.ci/run`` installs
(``libreoffice-writer-nogui fonts-noto-cjk``). Without them the test is skipped, except when
``RESPOND_REQUIRE_LIBREOFFICE`` is set (CI sets it), where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden_cases import draft, entries  # noqa: E402

SOFFICE = shutil.which("soffice")
if SOFFICE is None and os.environ.get("RESPOND_REQUIRE_LIBREOFFICE"):
    raise RuntimeError("RESPOND_REQUIRE_LIBREOFFICE is set but soffice is not installed")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

A4 = (595.3, 841.9)  # points
# An answer a judge reads in one sitting: four pages, unless cases.toml allows more with a reason.
PAGES_MAX = 4
ANNEX_PAGES_MAX = 3


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Case name → document name → its PDF, every golden package converted in one LibreOffice run."""
    root = tmp_path_factory.mktemp("layout")
    docs = root / "docx"
    docs.mkdir()
    for entry in entries():
        work = root / entry["name"]
        work.mkdir()
        for path in draft(entry, work).glob("*.docx"):
            shutil.copy(path, docs / f"{entry['name']}--{path.name}")
    profile = (root / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(root / "pdf"), *sorted(str(p) for p in docs.iterdir())],
                   check=True, capture_output=True, timeout=300)
    out: dict[str, dict[str, Path]] = {}
    for pdf in sorted((root / "pdf").glob("*.pdf")):
        case, _, doc = pdf.stem.partition("--")
        out.setdefault(case, {})[doc] = pdf
    assert len(out) == len(entries())
    return out


def fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_every_page_is_a4_portrait_or_landscape(pdfs):
    for case, docs in pdfs.items():
        for doc, pdf in docs.items():
            for page in PdfReader(pdf).pages:
                size = sorted((float(page.mediabox.width), float(page.mediabox.height)))  # the annex is landscape
                assert abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1, (case, doc, size)


@pytest.mark.skipif(not shutil.which("fc-list") or "Noto Serif CJK" not in subprocess.run(
    ["fc-list"], capture_output=True, text=True).stdout, reason="Noto Serif CJK is not installed")
def test_body_falls_back_to_a_serif_cjk_face(pdfs):
    for case, docs in pdfs.items():
        names = fonts(docs["答辩状"])
        assert any("SerifCJK" in n for n in names), (case, names)


def test_answer_length(pdfs):
    for entry in entries():
        pages = len(PdfReader(pdfs[entry["name"]]["答辩状"]).pages)
        limit = entry.get("pages", PAGES_MAX)
        assert limit <= 6, entry["name"]  # never more than six
        print(f"{entry['name']}: {pages} pages (limit {limit})")
        assert pages <= limit, (entry["name"], pages)
        if "利息重算表" in pdfs[entry["name"]]:
            assert len(PdfReader(pdfs[entry["name"]]["利息重算表"]).pages) <= ANNEX_PAGES_MAX
