"""The real-agreement corpus (tests/clauses/real/) is what it says: each text has its source, is a
whole agreement (not a fragment) and is read by the library without error."""

import json
from pathlib import Path

import pytest

from respond.checks.clauses import find_clauses

REAL = Path(__file__).resolve().parent / "real"
TEXTS = sorted(REAL.glob("*.txt"))
FIELDS = {"id", "title", "issuer", "kind", "url", "retrieved"}


def test_the_corpus_exists():
    assert TEXTS, "no real agreements stored"


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_each_text_has_its_source_and_is_whole(path):
    source = json.loads(path.with_suffix(".source.json").read_text(encoding="utf-8"))
    assert FIELDS <= set(source), FIELDS - set(source)
    assert source["id"] == path.stem and source["url"].startswith("http")
    text = path.read_text(encoding="utf-8")
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 1500  # a whole agreement, not a fragment
    assert "第" in text and "条" in text or "一、" in text  # numbered articles
    find_clauses(text, None)  # the library reads it
