"""Print how many of the court's figures the engine reproduces on the real-judgment corpus.

    python bench/judgments.py [-v]

Reads tests/judgments/cases/*.json (see tests/judgments/corpus.py for the format and tolerances).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from judgments.corpus import checks, corpus  # noqa: E402


def main() -> int:
    verbose = "-v" in sys.argv
    entries = corpus()
    total = ok = cannot = 0
    for entry in entries:
        rows = checks(entry)
        good = sum(r.ok for r in rows)
        total += len(rows)
        ok += good
        cannot += len(entry.get("cannot", []))
        print(f"{entry['id']:8} {good}/{len(rows)} figures" + (f", {len(entry.get('cannot', []))} not reproducible"
                                                                  if entry.get("cannot") else ""))
        if verbose:
            for r in rows:
                print(f"    {'ok ' if r.ok else 'BAD'} {r.figure}: court {r.court}, engine {r.engine}")
    pct = 100 * ok / total if total else 0
    print(f"\n{len(entries)} judgments, {ok}/{total} court figures reproduced ({pct:.1f}%), "
          f"{cannot} figures documented as not reproducible")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
