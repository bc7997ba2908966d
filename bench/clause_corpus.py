"""Precision and recall of the clause library over the test corpus, per rule and overall.

    python bench/clause_corpus.py                  # the .txt contracts
    python bench/clause_corpus.py --formats txt,pdf,docx   # also as generated PDF and DOCX
    python bench/clause_corpus.py --strict         # exit 1 unless precision and recall are 100%
    python bench/clause_corpus.py --real           # then, separately, the real published agreements

The corpus is ``tests/clauses/corpus/<name>.txt`` with ``<name>.expected.json`` (a list of
``{"code", "article"}``). A finding is counted as a true positive when the same (code, article)
pair is expected; every other found pair is a false positive, every expected pair not found a false
negative. PDF and DOCX versions are generated with the helpers of ``tests/clauses/conftest.py``
(reportlab and python-docx needed).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

from respond.checks.clauses import clause_rules, find_clauses
from respond.checks.contract_text import text_from_docx, text_from_pdf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "clauses" / "corpus"


def _helpers():
    spec = importlib.util.spec_from_file_location("clause_corpus_helpers", ROOT / "tests" / "clauses" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairs(items) -> Counter:
    return Counter((i["code"], i["article"]) for i in items)


def run(formats: list[str], corpus: Path = CORPUS) -> tuple[dict[str, Counter], float, int]:
    """Counts per rule (tp, fp, fn), total matching time in seconds, and contracts matched."""
    helpers = _helpers() if set(formats) - {"txt"} else None
    counts = {code: Counter() for code in clause_rules()}
    seconds = 0.0
    runs = 0
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = _pairs(json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8")))
        for fmt in formats:
            if fmt == "txt":
                body = text
            elif fmt == "pdf":
                body = text_from_pdf(helpers.make_pdf(text))
            elif fmt == "docx":
                body = text_from_docx(helpers.make_docx(text, table_rows=4))
            else:
                raise SystemExit(f"unknown format {fmt!r}")
            start = time.perf_counter()
            hits = find_clauses(body)
            seconds += time.perf_counter() - start
            runs += 1
            found = _pairs({"code": h.code, "article": h.article} for h in hits)
            for pair in found | expected:
                tp = min(found[pair], expected[pair])
                counts[pair[0]]["tp"] += tp
                counts[pair[0]]["fp"] += found[pair] - tp
                counts[pair[0]]["fn"] += expected[pair] - tp
                if found[pair] != expected[pair]:
                    print(f"  {path.stem} [{fmt}] {pair[0]} {pair[1]}: found {found[pair]}, expected {expected[pair]}")
    return counts, seconds, runs


def _ratio(a: int, b: int) -> str:
    return "   —  " if b == 0 else f"{a / b:6.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="txt", help="comma-separated: txt,pdf,docx")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every figure is 100%%")
    parser.add_argument("--real", action="store_true",
                        help="also score the real published agreements (bench/clause_real.py), separately")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    counts, seconds, runs = run(formats)
    print(f"{'rule':32} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    total = Counter()
    for code, c in counts.items():
        total.update(c)
        print(f"{code:32} {c['tp']:4} {c['fp']:4} {c['fn']:4} {_ratio(c['tp'], c['tp'] + c['fp']):>10} "
              f"{_ratio(c['tp'], c['tp'] + c['fn']):>8}")
    print(f"{'overall':32} {total['tp']:4} {total['fp']:4} {total['fn']:4} "
          f"{_ratio(total['tp'], total['tp'] + total['fp']):>10} {_ratio(total['tp'], total['tp'] + total['fn']):>8}")
    print(f"{runs} contract texts ({', '.join(formats)}), matching {seconds * 1000 / max(runs, 1):.1f} ms per contract")
    perfect = total["fp"] == 0 and total["fn"] == 0
    if args.real:
        print("\n--- the real published agreements (tests/clauses/real/), scored apart from the written corpus ---")
        spec = importlib.util.spec_from_file_location("clause_real", ROOT / "bench" / "clause_real.py")
        real = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(real)
        real.main([])
    return 0 if perfect or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
