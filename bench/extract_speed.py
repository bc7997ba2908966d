"""How fast the court's papers are read: text PDFs (ms a page) and scans by OCR (s a page).

    python bench/extract_speed.py          # the committed text fixtures, then scans made from them

The text PDFs are tests/extract/fixtures/*.pdf, read as `respond extract` reads them: each case's
files through one worker process (`read_pdf_texts`), and, for comparison, each file in a process of its
own (`read_pdf_text`). The scans are those fixtures rendered by pdfium and degraded by Pillow, as
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
    from respond.extract.pdftext import read_pdf_text, read_pdf_texts

    texts = sorted(p for p in FIXTURES.glob("*.pdf") if not p.name.startswith("hostile"))
    cases: dict[str, list[Path]] = {}
    for path in texts:  # xihu-chuanpiao.pdf, xihu-qisu.pdf, …: one case's papers
        cases.setdefault(path.name.split("-")[0], []).append(path)
    pages = 0
    started = time.perf_counter()
    for files in cases.values():
        pages += sum(len(t.pages) for t in read_pdf_texts(files))
    seconds = time.perf_counter() - started
    print(f"text PDFs as respond extract reads them: {len(cases)} cases, {len(texts)} files, {pages} pages, "
          f"{seconds / pages * 1000:.0f} ms a page (one worker start per case included)")
    pages = 0
    started = time.perf_counter()
    for path in texts:
        pages += len(read_pdf_text(path).pages)
    seconds = time.perf_counter() - started
    print(f"text PDFs one process each: {seconds / pages * 1000:.0f} ms a page")
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
