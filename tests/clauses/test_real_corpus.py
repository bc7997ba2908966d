"""The real-agreement corpus (tests/clauses/real/) is what it says: each text has its source, is a
whole agreement (not a fragment) and is read by the library without error."""

import json
from pathlib import Path

import pytest

from respond.checks.clauses import find_clauses

REAL = Path(__file__).resolve().parent / "real"
TEXTS = sorted(REAL.glob("*.txt"))
HELDOUT = sorted((REAL.parent / "heldout").glob("*.txt"))
FIELDS = {"id", "title", "issuer", "kind", "url", "retrieved"}


def test_the_corpus_exists():
    assert TEXTS, "no real agreements stored"


@pytest.mark.parametrize("path", TEXTS + HELDOUT, ids=[p.stem for p in TEXTS + HELDOUT])
def test_each_text_has_its_source_and_is_whole(path):
    source = json.loads(path.with_suffix(".source.json").read_text(encoding="utf-8"))
    assert FIELDS <= set(source), FIELDS - set(source)
    assert source["id"] == path.stem and source["url"].startswith("http")
    text = path.read_text(encoding="utf-8")
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 1500  # a whole agreement, not a fragment
    assert "第" in text and "条" in text or "一、" in text  # numbered articles
    find_clauses(text, None)  # the library reads it


# --- the labels and the library's score on them (issue 11) ------------------------------------------

def _bench():
    import importlib.util

    spec = importlib.util.spec_from_file_location("clause_real_bench", REAL.parents[2] / "bench" / "clause_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", TEXTS + HELDOUT, ids=[p.stem for p in TEXTS + HELDOUT])
def test_each_text_is_labelled_with_quotes_from_it_and_known_codes(path):
    from respond.checks.clauses import clause_rules

    bench = _bench()
    text = path.read_text(encoding="utf-8")
    labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))
    form, where = bench.form_index(text)
    for x in labels["labels"]:
        assert x["code"] in clause_rules(), x
        assert x["why"].strip(), x
        bench.label_span(text, form, where, x)  # the quote is in the text (its nth occurrence)
        count = form.count(bench.match_form(x["quote"]))
        assert count == 1 or "nth" in x, f"{x['quote']!r} occurs {count} times: say which (nth)"


def test_the_library_finds_what_a_careful_reader_marks():
    """Issue 11's bar on the real agreements: precision ≥ 0.95, recall ≥ 0.90 over all labels."""
    bench = _bench()
    tp = fp = fn = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        labels = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))["labels"]
        found, false = bench.score(text, labels, find_clauses(text))
        tp += sum(ok for _, ok in found)
        fn += sum(not ok for _, ok in found)
        fp += len(false)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.90, (tp, fp, fn)


def test_the_score_counts_a_miss_and_a_false_alarm():
    """The scorer itself: a label no hit covers is missed; a hit covering no label is a false alarm."""
    bench = _bench()
    text = "第一条 争议由甲方住所地人民法院管辖。\n第二条 乙方自愿放弃诉讼时效抗辩。"
    hits = find_clauses(text)
    label = {"code": "CLAUSE_JURISDICTION", "quote": "争议由甲方住所地人民法院管辖"}
    found, false = bench.score(text, [label], hits)
    assert found == [(label, True)] and [h.code for h in false] == ["CLAUSE_WAIVER"]
    found, false = bench.score(text, [{"code": "CLAUSE_ARBITRATION", "quote": "争议由甲方住所地人民法院管辖"}], hits)
    assert found[0][1] is False and len(false) == 2
