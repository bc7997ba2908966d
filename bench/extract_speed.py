"""How fast the court's papers are read: text PDFs (ms a page) and scans by OCR (s a page).

    python bench/extract_speed.py          # the committed text fixtures, then scans made from them

The text PDFs are tests/extract/fixtures/*.pdf (each parsed in its own child process, as
`respond extract` does). The scans are those fixtures rendered by pdfium and degraded by Pillow, as
tests/extract/test_ocr.py makes them; OCR needs `pip install "respond[ocr]"`. Issue 12's targets:
under 100 ms a page for text, under 4 s a page for OCR on this machine.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "extract" / "fixtures"


def main() -> int:
    from respond.extract.ocr import ocr_available, read_ocr
    from respond.extract.pdftext import read_pdf_text

    texts = sorted(p for p in FIXTURES.glob("*.pdf") if not p.name.startswith("hostile"))
    pages = 0
    started = time.perf_counter()
    for path in texts:
        pages += len(read_pdf_text(path).pages)
    seconds = time.perf_counter() - started
    print(f"text PDFs: {len(texts)} files, {pages} pages, {seconds / pages * 1000:.0f} ms a page "
          "(child process start included)")
    if not ocr_available():
        print('OCR: not installed (pip install "respond[ocr]")')
        return 0
    spec = importlib.util.spec_from_file_location("test_ocr", ROOT / "tests" / "extract" / "test_ocr.py")
    helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helpers)
    with tempfile.TemporaryDirectory() as tmp:
        scans = [p for name in sorted(helpers.SETS) for p in helpers._scanned(Path(tmp), name, "scan")]
        pages = 0
        started = time.perf_counter()
        for path in scans:
            pages += len(read_ocr(path).pages)
        seconds = time.perf_counter() - started
    print(f"OCR: {len(scans)} scanned files, {pages} pages, {seconds / pages:.1f} s a page (model loading included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
