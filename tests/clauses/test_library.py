"""The clause library as data: every rule file is complete, cites only the index, and explains itself."""

from __future__ import annotations

import re
import string
import tomllib
from importlib import resources

import pytest

from respond.checks.clauses import (
    COMMON_PLACEHOLDERS,
    JURISDICTION_PLACEHOLDERS,
    MATCH_KEYS,
    REQUIRED_CODES,
    ClauseLibraryError,
    _matcher,
    clause_rules,
    expand,
    find_clauses,
    rule_file,
)
from respond.checks.findings import SEVERITIES, citations

RULES = clause_rules()
RULE_FIELDS = {"severity", "title", "summary", "detects", "why", "basis", "evidence", "explanation", "argument"}


def _rule_files() -> dict[str, dict]:
    root = resources.files("respond.clauses")
    return {p.name: tomllib.loads(p.read_text(encoding="utf-8")) for p in root.iterdir()
            if p.name.endswith(".toml")}


def test_every_required_code_is_in_the_library_in_spec_order():
    assert list(RULES)[:len(REQUIRED_CODES)] == list(REQUIRED_CODES)
    assert all(r.origin == "clause" for r in RULES.values())


def test_every_file_has_a_source_line():
    for name, raw in _rule_files().items():
        assert isinstance(raw.get("source"), str) and len(raw["source"]) > 20, name


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_complete(code):
    rule = RULES[code]
    assert rule.severity in SEVERITIES
    for text in (rule.title, rule.summary, rule.detects, rule.why, rule.texts["explanation"]):
        assert text and re.search(r"[\u4e00-\u9fff]", text), code
    assert rule.extra["source"]
    assert rule_file(code).endswith(".toml")
    assert rule.evidence, code


@pytest.mark.parametrize("code", list(RULES))
def test_every_basis_is_a_citation_id_of_the_index(code):
    index = citations()
    rule = RULES[code]
    ids = list(rule.basis) + list(rule.extra.get("basis_financial", [])) + list(rule.extra.get("basis_private", []))
    assert ids, f"{code} cites nothing"
    for i in ids:
        assert i in index, f"{code}: {i} not in data/statutes.json"


@pytest.mark.parametrize("code", list(RULES))
def test_texts_use_only_known_placeholders(code):
    allowed = COMMON_PLACEHOLDERS | (JURISDICTION_PLACEHOLDERS if code == "CLAUSE_JURISDICTION" else set())
    for key, template in RULES[code].texts.items():
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert names <= allowed, f"{code}.{key}: {names - allowed}"
        if key.startswith("explanation"):
            assert "{quote}" in template, f"{code}.{key} should quote the clause"


def test_memory_citations_are_never_quoted_as_verbatim():
    """statutes.md: a [记忆] article is cited by number and gist only, never in quotation marks."""
    memory = [c for c in citations().values() if c.confidence == "记忆"]
    for rule in RULES.values():
        for template in rule.texts.values():
            for c in memory:
                assert f"{c.cite}规定：“" not in template and f"{c.cite}：“" not in template


@pytest.mark.parametrize("code", list(RULES))
def test_examples_in_the_rule_file_behave(code):
    examples = RULES[code].extra.get("examples", {})
    assert examples.get("hit") and examples.get("miss"), f"{code} needs hit and miss examples"
    for text in examples["hit"]:
        assert code in {h.code for h in find_clauses(text)}, text
    for text in examples["miss"]:
        assert code not in {h.code for h in find_clauses(text)}, text


def test_readme_documents_every_field_used():
    readme = resources.files("respond.clauses").joinpath("README.md").read_text(encoding="utf-8")
    used: set[str] = set()
    for raw in _rule_files().values():
        for key, table in raw.items():
            if isinstance(table, dict):
                used |= {k.split("_")[0] if k.startswith(("explanation_", "argument_")) else k for k in table}
    for field in sorted(used | MATCH_KEYS | RULE_FIELDS):
        assert f"`{field}`" in readme, f"README.md does not explain `{field}`"
    for name in COMMON_PLACEHOLDERS | JURISDICTION_PLACEHOLDERS:
        assert "{" + name + "}" in readme, name


def test_fragments_expand_and_unknown_ones_are_an_error():
    assert expand("%COURT%") == "(?:人民法院|法院)"
    with pytest.raises(ClauseLibraryError):
        expand("%NOPE%")


@pytest.mark.parametrize("table, message", [
    ({}, "needs patterns"),
    ({"patterns": ["a"], "groups": [["b"]]}, "either"),
    ({"patterns": ["("]}, "bad pattern"),
    ({"patterns": ["a"], "scope": "page"}, "scope"),
    ({"groups": [["a"], ["b"]], "min_groups": 3}, "min_groups"),
])
def test_malformed_matchers_are_refused(table, message):
    with pytest.raises(ClauseLibraryError, match=message):
        _matcher("CLAUSE_X", table)


def test_texts_name_no_law_themselves():
    """Citation strings live in data/statutes.json; texts get them through {basis_text}."""
    for code, rule in RULES.items():
        for key, template in rule.texts.items():
            assert "《" not in template, f"{code}.{key}"
