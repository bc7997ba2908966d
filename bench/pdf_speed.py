"""How long the PDFs take (LibreOffice headless, its own profile per call).

    python bench/pdf_speed.py

Prints: one `respond draft --pdf` on the bundled example (wall time, LibreOffice's cold start
included) against the same draft without --pdf; and `respond batch --pdf` over N copies of the
example (seconds a case), where each chunk's documents go to LibreOffice in one call.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "microloan-fees.json"
RESPOND = [sys.executable, "-m", "respond"]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(RESPOND + args, check=True, capture_output=True)
    return time.perf_counter() - started


def main(n: int = 32) -> int:
    from respond.convert.libreoffice import soffice

    if soffice() is None:
        print("LibreOffice not installed: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        plain = timed(["draft", "--case", str(EXAMPLE), "--out", str(root / "a"), "--today", "2026-11-20"])
        pdf = timed(["draft", "--case", str(EXAMPLE), "--out", str(root / "b"), "--today", "2026-11-20", "--pdf"])
        print(f"respond draft: {plain:.2f} s; with --pdf: {pdf:.2f} s (2 documents)")
        cases = root / "cases"
        cases.mkdir()
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        for i in range(n):
            data["court"]["case_number"] = f"（2026）渝0112民初{40000 + i}号"
            (cases / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        shutil.copy(ROOT / "examples" / "microloan-fees-contract.txt", cases)
        for jobs in ("1", "2"):
            out = root / f"out{jobs}"
            seconds = timed(["batch", str(cases), "--out", str(out), "--jobs", jobs, "--today", "2026-11-20", "--pdf"])
            made = len(list(out.rglob("*.pdf")))
            print(f"respond batch --pdf --jobs {jobs}, {n} cases: {seconds:.1f} s, {seconds / n:.2f} s a case, "
                  f"{made} PDFs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
