"""The clause library over the real published agreements (tests/clauses/real/).

    python bench/clause_real.py        # what it finds in each text, and how long matching takes
    python bench/clause_real.py -v     # with the sentence of every hit

Once a text has ``<id>.labels.json`` (a careful reader's marks: ``[{"code", "article", "quote"}]``),
it is scored like the written corpus (bench/clause_corpus.py): a (code, article) pair found and
labelled is a true positive; precision and recall by code are printed for the labelled texts.
Unlabelled texts are listed with their hits, to be read and labelled.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from respond.checks.clauses import find_clauses

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "clauses" / "real"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print the sentence of every hit")
    args = parser.parse_args(argv)
    counts: dict[str, Counter] = {}
    labelled = 0
    seconds = []
    for path in sorted(REAL.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        hits = find_clauses(text)
        seconds.append(time.perf_counter() - start)
        source = json.loads(path.with_suffix(".source.json").read_text(encoding="utf-8"))
        print(f"{path.stem}  ({source.get('issuer', '?')}, {len(text):,} characters, {seconds[-1] * 1000:.1f} ms)")
        found = Counter((h.code, h.article) for h in hits)
        for h in hits:
            print(f"    {h.code:<30} {h.article or '—'}" + (f"  {h.sentence[:80]}" if args.verbose else ""))
        labels_path = path.with_suffix(".labels.json")
        if labels_path.exists():
            labelled += 1
            expected = Counter((x["code"], x["article"]) for x in json.loads(labels_path.read_text(encoding="utf-8")))
            for pair in found | expected:
                tp = min(found[pair], expected[pair])
                c = counts.setdefault(pair[0], Counter())
                c["tp"] += tp
                c["fp"] += found[pair] - tp
                c["fn"] += expected[pair] - tp
    texts = len(seconds)
    print(f"\n{texts} real agreements, {labelled} labelled; matching {sum(seconds) / max(texts, 1) * 1000:.1f} ms on average, "
          f"{max(seconds, default=0) * 1000:.1f} ms at most")
    if counts:
        tp = sum(c["tp"] for c in counts.values())
        fp = sum(c["fp"] for c in counts.values())
        fn = sum(c["fn"] for c in counts.values())
        print(f"labelled texts: precision {tp / max(tp + fp, 1):.1%}, recall {tp / max(tp + fn, 1):.1%}")
        for code, c in sorted(counts.items()):
            print(f"  {code:<30} tp {c['tp']:>3}  fp {c['fp']:>3}  fn {c['fn']:>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
