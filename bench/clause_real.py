"""The clause library over the real published agreements (tests/clauses/real/).

    python bench/clause_real.py        # precision and recall by code, every miss and false alarm
    python bench/clause_real.py -v     # also every hit of every text
    python bench/clause_real.py --heldout   # the held-out agreements (tests/clauses/heldout/), never tuned on

``<id>.labels.json`` holds a careful reader's marks (tests/clauses/real/LABELLING.md): a label is
found when a hit of its code covers its quote (compared in match form: no whitespace, NFKC); a hit
that covers no label of its code is a false alarm. Texts without labels are listed with their hits.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from respond.checks.clauses import ClauseHit, find_clauses
from respond.checks.contract_text import match_form

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "clauses" / "real"
HELDOUT = ROOT / "tests" / "clauses" / "heldout"


def form_index(text: str) -> tuple[str, list[int]]:
    """The text in match form and, for each of its characters, the index in ``text`` it came from."""
    import unicodedata

    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        for c in unicodedata.normalize("NFKC", ch):
            chars.append(c)
            where.append(i)
    return "".join(chars), where


def label_span(text: str, form: str, where: list[int], label: dict) -> tuple[int, int]:
    """Where the label's quote lies in ``text`` (its ``nth`` occurrence); ValueError when it is not there."""
    quote = match_form(label["quote"])
    pos = -1
    for _ in range(int(label.get("nth", 1))):
        pos = form.find(quote, pos + 1)
        if pos < 0:
            raise ValueError(f"quote not in text: {label['quote']!r}")
    return where[pos], where[pos + len(quote) - 1] + 1


def score(text: str, labels: list[dict], hits: list[ClauseHit]) -> tuple[list[tuple[dict, bool]], list[ClauseHit]]:
    """Each label with whether a hit of its code covers it, and the hits that cover no label of their code."""
    form, where = form_index(text)
    spans = [label_span(text, form, where, x) for x in labels]
    own = [h for h in hits if h.part is None]

    def covers(h: ClauseHit, span: tuple[int, int]) -> bool:
        return h.span[0] < span[1] and span[0] < h.span[1]

    found = [(x, any(h.code == x["code"] and covers(h, sp) for h in own)) for x, sp in zip(labels, spans)]
    false = [h for h in own if not any(h.code == x["code"] and covers(h, sp) for x, sp in zip(labels, spans))]
    return found, false


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every hit of every text")
    parser.add_argument("--heldout", action="store_true", help="score the held-out agreements instead")
    args = parser.parse_args(argv)
    folder = HELDOUT if args.heldout else REAL
    counts: dict[str, Counter] = {}
    seconds = []
    misses: list[str] = []
    alarms: list[str] = []
    labelled = 0
    find_clauses("第一条 甲方（出借人）向乙方（借款人）出借。")  # load and compile the library outside the timing
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        hits = find_clauses(text)
        seconds.append(time.perf_counter() - start)
        labels_path = path.with_suffix(".labels.json")
        if args.verbose or not labels_path.exists():
            print(f"{path.stem}  ({len(text):,} characters, {seconds[-1] * 1000:.1f} ms)"
                  + ("" if labels_path.exists() else "  — not labelled"))
            for h in hits:
                print(f"    {h.code:<30} {h.article or '—':<16} {h.sentence[:70]}")
        if not labels_path.exists():
            continue
        labelled += 1
        labels = json.loads(labels_path.read_text(encoding="utf-8"))["labels"]
        found, false = score(text, labels, hits)
        for x, ok in found:
            c = counts.setdefault(x["code"], Counter())
            c["tp" if ok else "fn"] += 1
            if not ok:
                misses.append(f"  {path.stem:<28} {x['code']:<30} {x.get('article', ''):<12} {x['quote'][:60]}")
        for h in false:
            counts.setdefault(h.code, Counter())["fp"] += 1
            alarms.append(f"  {path.stem:<28} {h.code:<30} {h.article or '—':<12} {h.sentence[:60]}")
    texts = len(seconds)
    median = sorted(seconds)[texts // 2] if seconds else 0
    print(f"\n{texts} {'held-out' if args.heldout else 'real'} agreements, {labelled} labelled; matching {median * 1000:.1f} ms for the median text, "
          f"{sum(seconds) / max(texts, 1) * 1000:.1f} ms on average, {max(seconds, default=0) * 1000:.1f} ms at most")
    if not counts:
        return 0
    print(f"\n{'code':<32}{'labels':>7}{'found':>7}{'missed':>7}{'false':>7}{'precision':>11}{'recall':>9}")
    for code, c in sorted(counts.items()):
        n = c["tp"] + c["fn"]
        print(f"{code:<32}{n:>7}{c['tp']:>7}{c['fn']:>7}{c['fp']:>7}"
              f"{c['tp'] / max(c['tp'] + c['fp'], 1):>11.1%}{c['tp'] / max(n, 1):>9.1%}")
    tp, fp, fn = (sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn"))
    print(f"{'overall':<32}{tp + fn:>7}{tp:>7}{fn:>7}{fp:>7}{tp / max(tp + fp, 1):>11.1%}{tp / max(tp + fn, 1):>9.1%}")
    print("\nmissed:")
    print("\n".join(misses) or "  none")
    print("\nfalse alarms:")
    print("\n".join(alarms) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
