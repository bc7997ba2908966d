"""Issue 16's hostile-input and fault campaign: run N probes (tests/hostile/campaign.py) and print
what respond did with them, one line of figures, then each fault found.

    python bench/hostile.py               # every probe the families generate (about 6,700; 3 minutes on 2 cores)
    python bench/hostile.py -n 900        # a deterministic selection of 900
    python bench/hostile.py --family path --family batch -v

Root is needed for the read-only and full-disk probes (tmpfs mounts) and the no-network draft
(unshare -n); without it those probes are left out and the count says so.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile import campaign  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=0, help="how many probes (0: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--family", action="append", help="only these families")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every probe as it ends")
    args = ap.parse_args()
    root_user = os.geteuid() == 0
    selected = campaign.probes(args.n or None, seed=args.seed, quick=not root_user,
                               families=tuple(args.family) if args.family else None)
    started = time.monotonic()

    def progress(oc: campaign.Outcome) -> None:
        if args.verbose or oc.faults:
            mark = " ".join(c for c, _ in oc.faults) or "ok"
            print(f"  [{oc.probe.family}] {oc.probe.name[:90]!r}: exit {oc.code}, {oc.seconds:.1f} s, {mark}",
                  flush=True)

    with tempfile.TemporaryDirectory(prefix="respond-hostile-") as tmp:
        outcomes = campaign.run(selected, Path(tmp), jobs=args.jobs, progress=progress)
    seconds = time.monotonic() - started
    families = Counter(oc.probe.family for oc in outcomes)
    codes = Counter(oc.code for oc in outcomes)
    print()
    print("families: " + ", ".join(f"{k} {v}" for k, v in sorted(families.items())))
    print("exit codes: " + ", ".join(f"{k} × {v}" for k, v in sorted(codes.items(), key=str)))
    if not root_user:
        print("not root: the tmpfs and no-network probes were left out")
    print(f"{seconds:.0f} s, {len(outcomes) / seconds:.1f} probes a second")
    details = [(oc, c, d) for oc in outcomes for c, d in oc.faults]
    for oc, c, d in details:
        print(f"  {c}: [{oc.probe.family}] {oc.probe.name[:80]!r}: {d[:200]}")
    t = campaign.tally(outcomes)
    if t.get("refused"):
        print(f"{t['refused']} sound inputs refused")
    print(campaign.line(outcomes))
    sys.exit(1 if any(t[c] for c in campaign.CLASSES if c != "unclear") else 0)


if __name__ == "__main__":
    main()
