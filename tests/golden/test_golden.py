"""Every golden case drafts exactly the stored text (a wording change is a reviewable diff).

On a difference the test prints the unified diff; if the change is meant, run
``python tests/golden/regenerate.py NAME`` and review ``git diff tests/golden``.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden_cases import entries, produce, stored  # noqa: E402

ENTRIES = entries()


def test_the_corpus_covers_what_the_issue_lists():
    assert len(ENTRIES) >= 13
    assert len({e["name"] for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_golden_output(entry):
    fresh, kept = produce(entry), stored(entry["name"])
    assert sorted(fresh) == sorted(kept), f"documents differ: drafted {sorted(fresh)}, stored {sorted(kept)}"
    diffs = []
    for name in sorted(fresh):
        if fresh[name] != kept[name]:
            diffs.extend(difflib.unified_diff(kept[name].splitlines(), fresh[name].splitlines(),
                                              f"stored/{name}", f"drafted/{name}", lineterm=""))
    assert not diffs, "\n".join(diffs) + f"\n(meant? python tests/golden/regenerate.py {entry['name']})"
