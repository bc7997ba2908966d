"""Rewrite the golden outputs: ``python tests/golden/regenerate.py [NAME ...]``.

Run it after a deliberate change to the wording or the figures, then read ``git diff tests/golden``
before committing: every changed sentence of every answer is there.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_cases import HERE, entries, produce  # noqa: E402


def main(names: list[str]) -> None:
    chosen = [e for e in entries() if not names or e["name"] in names]
    for entry in chosen:
        folder = HERE / entry["name"]
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        for name, text in produce(entry).items():
            (folder / name).write_text(text, encoding="utf-8")
        print(f"{entry['name']}: {', '.join(sorted(p.name for p in folder.iterdir()))}")


if __name__ == "__main__":
    main(sys.argv[1:])
