"""Findings and the rule catalogue: one source for the checks, the answer text and ``respond rules``.

A *rule* is a catalogue entry (``data/findings.toml`` for the engine, ``clauses/*.toml`` for the
clause library): code, severity, title, what it detects, why it matters, legal basis (ids of the
citation index ``data/statutes.json``), and the Chinese texts with ``{placeholders}``. A *finding*
is a rule that fired on a case, with its texts filled from the case's facts. A placeholder
without a value is an error (never a blank in a court document).
"""

from __future__ import annotations

import json
import re
import string
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

SEVERITIES = ("high", "medium", "low", "info")


@dataclass(frozen=True)
class Citation:
    id: str
    cite: str  # what is printed: 《…》第N条
    confidence: str  # 原文-已核 | 二手 | 记忆
    gist: str
    law: str = ""
    article: str = ""

    @property
    def verbatim(self) -> bool:
        return self.confidence == "原文-已核"


@lru_cache(maxsize=1)
def citations() -> dict[str, Citation]:
    raw = json.loads(resources.files("respond.data").joinpath("statutes.json").read_text(encoding="utf-8"))
    return {e["id"]: Citation(e["id"], e["cite"], e["confidence"], e["gist"], e["law"], e["article"])
            for e in raw["entries"]}


@lru_cache(maxsize=1)
def _ids_by_cite() -> dict[str, str]:
    return {c.cite: c.id for c in citations().values()}


def basis_ids(f: "Finding") -> tuple[str, ...]:
    """The citation ids of a finding's basis (a finding keeps the citation strings it prints)."""
    index = _ids_by_cite()
    return tuple(index[b] for b in f.basis)


def cite(ids: list[str] | tuple[str, ...]) -> list[str]:
    """Citation strings for ids, in order, without repeats. Unknown id → KeyError (a bug)."""
    index = citations()
    out: list[str] = []
    for i in ids:
        text = index[i].cite
        if text not in out:
            out.append(text)
    return out


def basis_text(ids: list[str] | tuple[str, ...], sep: str = "、", by_article: bool = False) -> str:
    """Citations for a sentence, articles of one law grouped: ``《…规定》第25条、第29条、《民法典》第670条``.

    Laws keep their first-cited order; ``sep`` separates laws (``；`` in a list of legal bases);
    ``by_article`` puts each law's articles in numeric order (a list of bases, not an argument).
    """
    index = citations()
    groups: dict[str, list[str]] = {}
    for i in dict.fromkeys(ids):
        c = index[i]
        if c.article:
            articles = groups.setdefault(c.law, [])
            if c.article not in articles:  # two paragraphs of one article: 第2条 once
                articles.append(c.article)
        else:
            groups.setdefault(c.cite, [])
    if by_article:
        for articles in groups.values():
            articles.sort(key=lambda a: [int(n) for n in re.findall(r"\d+", a)] or [0])
    return sep.join(law + "、".join(f"第{a}条" for a in articles) for law, articles in groups.items())


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    title: str
    summary: str
    detects: str
    why: str
    basis: tuple[str, ...]
    texts: Mapping[str, str]  # explanation, argument and their _variants
    evidence: tuple[str, ...] = ()
    origin: str = "engine"  # "engine" | "clause"
    extra: Mapping[str, Any] = field(default_factory=dict)  # clause patterns etc.

    def fill(self, key: str, facts: Mapping[str, Any]) -> str:
        template = self.texts[key]
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        missing = names - set(facts)
        if missing:
            raise KeyError(f"{self.code}.{key}: missing {sorted(missing)}")
        return template.format_map(facts)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    title: str
    explanation: str
    basis: list[str]
    argument: str
    evidence: dict[str, Any]
    bring: list[str] = field(default_factory=list)  # what to attach (证据清单)


def rule_from_table(code: str, table: Mapping[str, Any], origin: str) -> Rule:
    if table.get("severity") not in SEVERITIES:
        raise ValueError(f"{code}: severity must be one of {SEVERITIES}")
    texts = {k: v for k, v in table.items() if k.startswith(("explanation", "argument"))}
    known = {"severity", "title", "summary", "detects", "why", "basis", "evidence"}
    extra = {k: v for k, v in table.items() if k not in known and k not in texts}
    basis = tuple(table.get("basis", ()))
    index = citations()
    for b in (*basis, *table.get("basis_financial", ()), *table.get("basis_private", ())):
        if b not in index:
            raise ValueError(f"{code}: unknown citation id {b!r}")
    return Rule(code, table["severity"], table["title"], table["summary"], table["detects"], table["why"],
                basis, texts, tuple(table.get("evidence", ())), origin, extra)


@lru_cache(maxsize=1)
def engine_rules() -> dict[str, Rule]:
    raw = tomllib.loads(resources.files("respond.data").joinpath("findings.toml").read_text(encoding="utf-8"))
    return {code: rule_from_table(code, table, "engine") for code, table in raw.items()}


def regime_basis(rule: Rule, regime: str | None) -> tuple[str, ...]:
    """The rule's ``basis_financial`` (financial and local financial lenders) or ``basis_private``
    (private lending) citation ids for a lender's regime; () when the regime is not given."""
    if regime is None:
        return ()
    key = "basis_financial" if regime in ("financial", "local_financial") else "basis_private"
    return tuple(rule.extra.get(key, ()))


def make_finding(rule: Rule, facts: Mapping[str, Any], *, evidence: dict[str, Any], variant: str = "",
                 extra_basis: tuple[str, ...] = (), regime: str | None = None) -> Finding:
    """Fill a rule's texts. ``variant`` picks ``explanation_<v>``/``argument_<v>`` when present;
    ``regime`` adds the rule's regime-specific basis (:func:`regime_basis`)."""
    ids = tuple(extra_basis) + rule.basis + regime_basis(rule, regime)
    full = dict(facts)
    full.setdefault("basis_text", basis_text(ids) if ids else "")

    def pick(key: str) -> str:
        chosen = f"{key}_{variant}" if variant and f"{key}_{variant}" in rule.texts else key
        return rule.fill(chosen, full)

    return Finding(rule.code, rule.severity, rule.title, pick("explanation"), cite(ids), pick("argument"),
                   evidence, list(rule.evidence))


def all_rules() -> dict[str, Rule]:
    """Every rule `respond rules` shows: the engine's, then the clause library's."""
    from respond.checks.clauses import clause_rules

    return {**engine_rules(), **clause_rules()}
