"""The clause library: unfair clauses and jurisdiction in the loan contract (rules.md §7, §8 ``CLAUSE_*``).

The rules are data (``clauses/*.toml``, described in ``clauses/README.md``): code, severity, texts,
legal basis and the patterns. This module is the small matcher that reads them:

- :func:`clause_rules` — every clause rule as a :class:`~respond.checks.findings.Rule` (the same type
  as the engine's, so ``respond rules`` shows both), loaded once from the package data.
- :func:`find_clauses` — the clauses a court may void or cut, in the contract text and/or the pasted
  clauses, each a :class:`ClauseHit` with the matched sentence and its article number.
- :func:`clause_findings` — one finding per code, its texts filled from the hits (``{article}``,
  ``{quote}``) and from the case (``facts``).
- :func:`jurisdiction_assessment` — is the suing court at the defendant's domicile or habitual
  residence? Whether a 管辖权异议 is warranted, why, and which court should hear the case.

How a sentence is matched: the sentence is put in *match form* (NFKC, so full-width → half-width,
and every whitespace removed, so PDF spaces and line breaks do not matter). A rule's ``groups`` are
lists of regexes; a group matches when one of its regexes matches at a place that no ``negative``
regex cancels (a negative is searched in the comma-delimited clause around the match:
``不得预先扣除利息`` cancels ``预先扣除利息``). The rule fires when at least ``min_groups`` groups
match within its ``scope``: one sentence (default) or one top-level article.
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

from respond.checks.contract_reading import ContractReading, read_contract
from respond.checks.contract_roles import read_roles
from respond.checks.contract_text import match_form
from respond.checks.findings import Finding, Rule, cite, make_finding, rule_from_table

# The codes rules.md §8 requires of the library; the loader checks that each is defined.
REQUIRED_CODES = (
    "CLAUSE_JURISDICTION", "CLAUSE_ARBITRATION", "CLAUSE_UPFRONT_DEDUCTION", "CLAUSE_COMPOUND_INTEREST",
    "CLAUSE_STACKED_CHARGES", "CLAUSE_ACCELERATION", "CLAUSE_HIGH_PENALTY", "CLAUSE_BUNDLED_SERVICES",
    "CLAUSE_UNILATERAL_CHANGE", "CLAUSE_CONTACTS_DATA", "CLAUSE_WAIVER", "CLAUSE_ASSIGNMENT_NO_NOTICE",
    "CLAUSE_COLLECTION_COSTS", "CLAUSE_E_SERVICE",
)
FRAGMENTS_FILE = "fragments.toml"
MATCH_KEYS = {"source", "scope", "groups", "patterns", "min_groups", "negative", "negative_sentence",
              "negative_unit", "basis_financial", "basis_private", "examples"}
HEADING_CHARS = 6  # a sentence this short is a heading (提前到期, 公告催收): it names a clause, it is not one
_LEAD_IN = re.compile(r"关于.{0,24}的约定[。:]?$")  # 关于提前还本违约金的约定。: names the clause that follows
QUOTE_MAX = 200  # characters of one quoted sentence in a finding's text (the evidence keeps it whole)

# Placeholders every clause text may use (filled by clause_findings); the jurisdiction ones only there.
COMMON_PLACEHOLDERS = {"article", "quote", "basis_text", "cap_words", "count"}
JURISDICTION_PLACEHOLDERS = {"court", "proper_court", "jurisdiction_reasons"}

_CAP_WORDS = {
    "financial": "年利率 24%",
    "private": "合同成立时一年期贷款市场报价利率（LPR）的四倍",
    None: "法定上限（金融机构借款一般为年利率 24%，民间借贷为合同成立时一年期贷款市场报价利率的四倍）",
}


class ClauseLibraryError(ValueError):
    """A rule file is malformed (a bug in the package data, caught by the tests)."""


@dataclass(frozen=True)
class Matcher:
    code: str
    scope: str  # "sentence" | "pair" | "article"
    groups: tuple[tuple[re.Pattern[str], ...], ...]
    min_groups: int
    negative: tuple[re.Pattern[str], ...]
    negative_sentence: tuple[re.Pattern[str], ...]
    negative_unit: tuple[re.Pattern[str], ...]
    # one regex per group, the alternation of its patterns: a sentence it does not match cannot match
    # the group, so most sentences are passed over with one search per group (speed only)
    screens: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class ClauseHit:
    """A clause that fired: ``article`` is the reference (``第十二条``, ``第12.3条``, ``第二条第（三）项``;
    ``None`` when the text has no numbering there); ``sentence`` the matched sentence, whitespace
    normalised (for an article-scope rule, the matched sentences joined by ``……``); ``span`` where it
    lies in its source text; ``part`` is ``None`` for the contract text, else the index of the pasted
    clause (``loan.clauses``)."""

    code: str
    article: str | None
    sentence: str
    span: tuple[int, int]
    part: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "article": self.article, "sentence": self.sentence,
                "span": list(self.span), "part": self.part}


@dataclass(frozen=True)
class JurisdictionAdvice:
    """Whether to file a 管辖权异议 (``objection_warranted``: True, False, or None = cannot tell)."""

    objection_warranted: bool | None
    reasons: list[str]
    proper_court: str | None  # "浙江省杭州市西湖区人民法院（被告住所地的基层人民法院）", or in words when no district is read
    basis: tuple[str, ...]
    court_place: str | None = None  # where the suing court sits, as parsed from its name
    defendant_place: str | None = None  # the place compared with it
    agreed_clause: ClauseHit | None = None
    arbitration: str | None = None  # advice when the contract has an arbitration clause
    at_performance_place: bool = False  # the suing court sits where the plaintiff is: 合同履行地 (民诉法解释第18条)


# --- loading ------------------------------------------------------------------------------------


def _files() -> list[tuple[str, str]]:
    root = resources.files("respond.clauses")
    out = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml") and entry.name != FRAGMENTS_FILE:
            out.append((entry.name, entry.read_text(encoding="utf-8")))
    return out


@lru_cache(maxsize=1)
def _fragments() -> dict[str, str]:
    raw = tomllib.loads(resources.files("respond.clauses").joinpath(FRAGMENTS_FILE).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if isinstance(v, str) and k != "source"}


_FRAGMENT_REF = re.compile(r"%([A-Z_]+)%")


def expand(pattern: str, fragments: Mapping[str, str] | None = None) -> str:
    """Replace ``%NAME%`` with the fragment NAME of ``fragments.toml`` (fragments may nest)."""
    frags = _fragments() if fragments is None else fragments
    for _ in range(5):
        if not _FRAGMENT_REF.search(pattern):
            return pattern

        def repl(m: re.Match[str]) -> str:
            if m.group(1) not in frags:
                raise ClauseLibraryError(f"unknown fragment %{m.group(1)}%")
            return f"(?:{frags[m.group(1)]})"

        pattern = _FRAGMENT_REF.sub(repl, pattern)
    raise ClauseLibraryError("fragments nest too deeply")


def _compile(code: str, patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(expand(p), re.IGNORECASE))
        except re.error as exc:
            raise ClauseLibraryError(f"{code}: bad pattern {p!r}: {exc}") from None
    return tuple(out)


def _matcher(code: str, table: Mapping[str, Any]) -> Matcher:
    if "groups" in table and "patterns" in table:
        raise ClauseLibraryError(f"{code}: give either patterns or groups, not both")
    raw_groups = table.get("groups") or ([table["patterns"]] if "patterns" in table else [])
    if not raw_groups or not all(isinstance(g, list) and g for g in raw_groups):
        raise ClauseLibraryError(f"{code}: needs patterns (a list) or groups (a list of lists)")
    scope = table.get("scope", "sentence")
    if scope not in ("sentence", "pair", "article"):
        raise ClauseLibraryError(f"{code}: scope must be sentence, pair or article")
    groups = tuple(_compile(code, g) for g in raw_groups)
    min_groups = int(table.get("min_groups", len(groups)))
    if not 1 <= min_groups <= len(groups):
        raise ClauseLibraryError(f"{code}: min_groups out of range")
    screens = tuple(_screen_of(g) for g in groups)
    return Matcher(code, scope, groups, min_groups, _compile(code, table.get("negative", [])),
                   _compile(code, table.get("negative_sentence", [])), _compile(code, table.get("negative_unit", [])), screens)


@lru_cache(maxsize=1)
def _library() -> tuple[dict[str, Rule], dict[str, Matcher], dict[str, str]]:
    rules: dict[str, Rule] = {}
    matchers: dict[str, Matcher] = {}
    sources: dict[str, str] = {}
    for name, text in _files():
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ClauseLibraryError(f"{name}: {exc}") from None
        source = raw.get("source")
        if not isinstance(source, str) or not source.strip():
            raise ClauseLibraryError(f"{name}: needs a source line (source = \"…\")")
        for code, table in raw.items():
            if code == "source":
                continue
            if not code.startswith("CLAUSE_") or not isinstance(table, dict):
                raise ClauseLibraryError(f"{name}: {code!r} is not a CLAUSE_* rule table")
            if code in rules:
                raise ClauseLibraryError(f"{name}: {code} defined twice")
            for key in ("basis_financial", "basis_private"):
                rule_from_table(code, {**table, "basis": table.get(key, [])}, origin="clause")  # ids exist
            rules[code] = rule_from_table(code, {**table, "source": source}, origin="clause")
            matchers[code] = _matcher(code, table)
            sources[code] = name
    missing = [c for c in REQUIRED_CODES if c not in rules]
    if missing:
        raise ClauseLibraryError(f"clause library lacks {missing}")
    # library order: rules.md §8's list first (jurisdiction and arbitration lead: they have deadlines)
    order = {c: i for i, c in enumerate(REQUIRED_CODES)}
    codes = sorted(rules, key=lambda c: order.get(c, len(order)))
    return {c: rules[c] for c in codes}, {c: matchers[c] for c in codes}, sources


def clause_rules() -> dict[str, Rule]:
    """Every clause rule by code, in library order (rules.md §8's list, then any others by file)."""
    return dict(_library()[0])


def rule_file(code: str) -> str:
    """The file of ``clauses/`` that defines ``code``."""
    return _library()[2][code]


# --- screens: a fast necessary condition for a group -------------------------------------------

_MAX_COMBOS = 64


def _required(items) -> set[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` contains, or None.

    Reads the parse tree of :mod:`re` (``re._parser``): a run of literals (a character class of a few
    literals multiplies the run) is a candidate, so is what a group, an alternation (the union of its
    branches) or a repeat of at least one requires; the candidate whose shortest string is longest wins.
    """
    from re import _constants as c  # the parse tree's opcodes

    candidates: list[set[str]] = []
    run: set[str] = {""}

    def close() -> None:
        nonlocal run
        if run != {""}:
            candidates.append(run)
        run = {""}

    for op, av in items:
        chars = None
        if op is c.LITERAL:
            chars = [chr(av)]
        elif op is c.IN and all(o is c.LITERAL for o, _ in av) and len(av) <= 8:
            chars = [chr(v) for _, v in av]
        if chars is not None and len(run) * len(chars) <= _MAX_COMBOS:
            run = {r + ch for r in run for ch in chars}
            continue
        close()
        if op is c.SUBPATTERN:
            found = _required(av[3])
        elif op is c.BRANCH:
            branches = [_required(b) for b in av[1]]
            found = None if any(b is None for b in branches) else set().union(*branches)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2])
        else:
            found = None
        if found:
            candidates.append(found)
    close()
    if not candidates:
        return None
    return max(candidates, key=lambda cand: (min(map(len, cand)), -len(cand)))


def _screen_of(group: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One regex that matches wherever any pattern of the group could: the alternation of the strings
    the patterns require (fast: literals only), or of the patterns themselves when one requires none."""
    from re import _parser

    needed: set[str] = set()
    for pattern in group:
        found = _required(_parser.parse(pattern.pattern, pattern.flags).data)
        if found is None:
            return re.compile("|".join(f"(?:{p.pattern})" for p in group), re.IGNORECASE | re.MULTILINE)
        needed |= found
    return re.compile("|".join(re.escape(k) for k in sorted(needed, key=len, reverse=True)), re.IGNORECASE)


# --- matching -----------------------------------------------------------------------------------

_CLAUSE_BOUNDARY = re.compile(r"(?<![0-9]),|,(?![0-9])|:")


def _context(form: str, start: int, end: int) -> str:
    """The comma-delimited clause(s) of ``form`` around ``form[start:end]``."""
    left = 0
    for m in _CLAUSE_BOUNDARY.finditer(form, 0, start):
        left = m.end()
    m = _CLAUSE_BOUNDARY.search(form, end)
    right = m.start() if m else len(form)
    return form[left:right]


def _group_matches(form: str, group: tuple[re.Pattern[str], ...], negative: tuple[re.Pattern[str], ...]) -> bool:
    for pattern in group:
        for m in pattern.finditer(form):
            context = _context(form, m.start(), m.end())
            if not any(n.search(context) for n in negative):
                return True
    return False


def _sentence_groups(m: Matcher, form: str, screened: Iterable[int]) -> set[int]:
    """The groups of ``m`` that match in ``form`` (the sentence in match form), among ``screened``."""
    if any(n.search(form) for n in m.negative_sentence):
        return set()
    return {i for i in screened if _group_matches(form, m.groups[i], m.negative)}


def _screen(m: Matcher, joined: str, starts: list[int]) -> dict[int, list[int]]:
    """For each sentence, the groups whose screen matches in it: one scan of the whole text per group.

    ``joined`` is the sentences' match forms, each ended by 。 and a line break: no pattern crosses 。
    (their gaps are ``[^;。]``), so a match lies inside one sentence, and ``^`` (MULTILINE) is a
    sentence's start.
    """
    found: dict[int, list[int]] = {}
    for g, screen in enumerate(m.screens):
        last = -1
        for hit in screen.finditer(joined):
            i = bisect.bisect_right(starts, hit.start()) - 1
            if i != last:
                found.setdefault(i, []).append(g)
                last = i
    return found


def _hits_in(reading: ContractReading, matchers: Iterable[Matcher], part: int | None) -> list[ClauseHit]:
    sentences, forms = reading.sentences, reading.forms
    live = [i for i in range(len(sentences)) if reading.live(i)]
    joined = "".join(f"{form}。\n" for form in forms)
    starts, pos = [], 0
    for form in forms:
        starts.append(pos)
        pos += len(form) + 2
    hits: list[ClauseHit] = []
    for m in matchers:
        screened = _screen(m, joined, starts)

        def groups_of(i: int) -> set[int]:
            return _sentence_groups(m, forms[i], screened[i]) if i in screened else set()

        if m.scope in ("sentence", "pair"):
            before: set[int] = set()  # the groups of the previous live sentence of the same unit
            prev: int | None = None
            for i in live:
                s, form = sentences[i], forms[i]
                if i not in screened or (m.scope == "sentence" and len(screened[i]) < m.min_groups):
                    prev, before = i, set()  # not enough groups can match here: the same answer, found faster
                    continue
                if len(form) <= HEADING_CHARS or _LEAD_IN.match(form) or any(n.search(form) for n in m.negative_unit):
                    prev, before = None, set()
                    continue
                g = groups_of(i)
                if len(g) >= m.min_groups:
                    hits.append(ClauseHit(m.code, s.ref, s.text, s.span, part))
                elif m.scope == "pair" and g and prev is not None and sentences[prev].ref == s.ref \
                        and len(before) < m.min_groups <= len(g | before):
                    # one clause cut in two by a full stop: 甲方可转让债权。短信一经发出即视为已通知借款人。
                    p = sentences[prev]
                    hits.append(ClauseHit(m.code, s.ref, f"{p.text}{s.text}", (p.span[0], s.span[1]), part))
                prev, before = i, g
            continue
        # article scope: the groups may match in different sentences of one top-level article
        units: dict[object, list[int]] = {}
        for i in live:
            s = sentences[i]
            units.setdefault((s.agreement, s.article), []).append(i)  # unnumbered text is one unit
        for idx in units.values():
            if not any(i in screened for i in idx):
                continue
            if any(n.search(forms[i]) for i in idx for n in m.negative_unit):
                continue
            matched: set[int] = set()
            used: list[int] = []
            for i in idx:
                g = groups_of(i)
                if g:  # every sentence that says one of the things, so the evidence shows them all
                    used.append(i)
                matched |= g
            if len(matched) >= m.min_groups:
                first, last = sentences[used[0]], sentences[used[-1]]
                refs = {sentences[i].ref for i in used}
                ref = first.ref if len(refs) == 1 else first.article
                hits.append(ClauseHit(m.code, ref, "……".join(sentences[i].text for i in used),
                                      (first.span[0], last.span[1]), part))
    return hits


def find_clauses(text: str | None, pasted: list[str] | None = None, *,
                 codes: Iterable[str] | None = None, notes: list[str] | None = None) -> list[ClauseHit]:
    """The clauses of the library found in the contract text and in the pasted clauses.

    Ordered by where they are (contract text first, then each pasted clause), then library order. A
    pasted clause that repeats a sentence already found in the text (or in an earlier pasted clause)
    adds nothing; it is read with the contract text's parties, when there is one. ``codes`` limits
    the search to some rules. What the reading had to assume (parties not defined, a choice left
    blank) is appended to ``notes``, in Chinese.
    """
    _, matchers, _ = _library()
    chosen = [matchers[c] for c in (codes or matchers)]
    order = {c: i for i, c in enumerate(matchers)}
    hits: list[ClauseHit] = []
    seen: set[tuple[str, str]] = set()
    roles = None
    found_notes: list[str] = []
    sources = ([(None, text)] if text else []) + [(i, p) for i, p in enumerate(pasted or []) if p]
    if text is None and pasted:
        roles = [read_roles("\n".join(p for p in pasted if p))]
    for part, body in sources:
        reading = read_contract(body, roles)
        if roles is None:
            roles = reading.roles[:1]
        found_notes.extend(n for n in reading.notes if n not in found_notes)
        found = _hits_in(reading, chosen, part)
        found.sort(key=lambda h: (h.span[0], order[h.code]))
        keys = [(h.code, match_form(h.sentence)) for h in found]
        hits.extend(h for h, key in zip(found, keys) if key not in seen)
        seen.update(keys)
    if notes is not None:
        notes.extend(found_notes)
    return hits


# --- findings -----------------------------------------------------------------------------------


def _regime_key(regime: str | None) -> str | None:
    if regime in ("financial", "local_financial"):
        return "financial"
    if regime == "private":
        return "private"
    return None


def _quote(sentence: str) -> str:
    s = sentence if len(sentence) <= QUOTE_MAX else sentence[:QUOTE_MAX].rstrip() + "……"
    return f"“{s}”"


def _articles(hits: list[ClauseHit]) -> str:
    refs = list(dict.fromkeys(h.article for h in hits if h.article))
    if not refs:
        return "有关条款"
    text = "、".join(refs)
    return text + ("及其他条款" if any(h.article is None for h in hits) else "")


def clause_findings(hits: list[ClauseHit], facts: Mapping[str, Any] | None = None) -> list[Finding]:
    """One finding per code that has hits, in library order.

    ``facts`` (all optional): ``regime`` (financial | local_financial | private, picks the cap and its
    basis), ``court`` (the suing court's name), ``defendant_address``, ``defendant_residence``,
    ``plaintiff_address`` and ``answer_period_over`` (for the jurisdiction finding), and any
    placeholder a text needs.
    """
    facts = dict(facts or {})
    rules = clause_rules()
    by_code: dict[str, list[ClauseHit]] = {}
    for h in hits:
        by_code.setdefault(h.code, []).append(h)
    regime = _regime_key(facts.get("regime"))
    out: list[Finding] = []
    for code, rule in rules.items():
        group = by_code.get(code)
        if not group:
            continue
        extra: tuple[str, ...] = ()
        if regime in (None, "financial"):
            extra += tuple(rule.extra.get("basis_financial", ()))
        if regime in (None, "private"):
            extra += tuple(rule.extra.get("basis_private", ()))
        filled = {**facts, "article": _articles(group), "quote": "；".join(_quote(h.sentence) for h in group),
                  "cap_words": _CAP_WORDS[regime], "count": str(len(group))}
        variant = ""
        evidence: dict[str, Any] = {"clauses": [h.as_dict() for h in group]}
        if code == "CLAUSE_JURISDICTION" and facts.get("court"):
            advice = jurisdiction_assessment(group[0], facts["court"], facts.get("defendant_address"),
                                             facts.get("defendant_residence"),
                                             plaintiff_address=facts.get("plaintiff_address"))
            variant = {True: "objection", False: "at_domicile", None: "unknown"}[advice.objection_warranted]
            if variant == "objection" and facts.get("answer_period_over"):
                variant = "objection_late"  # 民诉法第130条: only within the answer period
            # the first reason describes the clause, which the texts already quote
            filled.update({"proper_court": advice.proper_court or "被告住所地或经常居住地的基层人民法院",
                           "jurisdiction_reasons": "".join(advice.reasons[1:])})
            evidence["jurisdiction"] = {"objection_warranted": advice.objection_warranted,
                                        "court_place": advice.court_place, "defendant_place": advice.defendant_place,
                                        "proper_court": advice.proper_court}
        # the rule's own basis first, then the regime's cap
        cited = replace(rule, basis=rule.basis + tuple(i for i in extra if i not in rule.basis))
        out.append(make_finding(cited, filled, evidence=evidence, variant=variant))
    return out


def case_facts(case: Any, regime: str | None = None) -> dict[str, Any]:
    """The facts :func:`clause_findings` uses, from a validated case file (``respond.case.model``)."""
    return {"regime": regime, "court": case.court.name, "defendant_address": case.defendant.address,
            "defendant_residence": case.defendant.residence, "plaintiff_address": case.plaintiff.address}


# --- jurisdiction -------------------------------------------------------------------------------

_PROVINCE = re.compile(r"(?:[\u4e00-\u9fff]{2,3}省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|"
                       r"新疆维吾尔自治区|香港特别行政区|澳门特别行政区)")
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_CITY = re.compile(r"[^省市区县旗街道镇乡村路号\d]{2,9}?(?:市|自治州|地区|盟)")
_DISTRICT = re.compile(r"[^省市区县旗街道镇乡村路号\d]{1,8}?(?:区|县|市|旗)")


@dataclass(frozen=True)
class Place:
    """Administrative units parsed from a court name or an address (any may be None)."""

    province: str | None
    city: str | None
    district: str | None

    def words(self) -> str:
        return "".join(p for p in (self.province, self.city, self.district) if p)


def parse_place(text: str | None) -> Place | None:
    """``浙江省杭州市西湖区文三路…`` → (浙江省, 杭州市, 西湖区); ``重庆渝北区…`` → (None, 重庆市, 渝北区);
    ``湖南省长沙县…`` → (湖南省, None, 长沙县). None when nothing is recognised. Text only, no gazetteer."""
    if not text:
        return None
    s = "".join(unicodedata.normalize("NFKC", ch) for ch in text if not ch.isspace())
    for prefix in ("中华人民共和国", "中国"):
        if s.startswith(prefix):
            s = s[len(prefix):]
    pos = 0
    province = city = district = None
    if m := _PROVINCE.match(s):
        province, pos = m.group(0), m.end()
    for muni in _MUNICIPALITIES:
        if s.startswith(muni, pos):
            city, pos = muni, pos + len(muni)
            break
        if s.startswith(muni[:-1], pos) and not s.startswith(muni[:-1] + "路", pos):
            city, pos = muni, pos + len(muni) - 1
            break
    else:
        if m := _CITY.match(s, pos):
            city, pos = m.group(0), m.end()
    if m := _DISTRICT.match(s, pos):
        district = m.group(0)
    if not (province or city or district):
        return None
    return Place(province, city, district)


def _court_place(court_name: str) -> tuple[Place | None, str]:
    """Where the court sits, and its level: "basic", "intermediate", "internet" or "special"."""
    name = "".join(court_name.split())
    level = "basic"
    if "互联网法院" in name:
        level = "internet"
    elif "中级人民法院" in name:
        level = "intermediate"
    elif any(k in name for k in ("金融法院", "海事法院", "知识产权法院")):
        level = "special"
    head = re.split(r"中级人民法院|人民法院|互联网法院|金融法院|海事法院|知识产权法院", name)[0]
    head = re.sub(r"第[一二三四五六七八九十\d]+$", "", head)  # 东莞市第一人民法院
    place = parse_place(head)
    if place is None and level != "basic" and head:
        place = Place(None, head if head.endswith("市") else head + "市", None)  # 杭州互联网法院
    return place, level


def _same(a: str | None, b: str | None) -> bool | None:
    if a is None or b is None:
        return None
    return a.rstrip("市") == b.rstrip("市")


def _at(court: Place, level: str, addr: Place, raw_address: str) -> bool | None:
    """Is the address inside the court's area? None when the address does not say enough."""
    compact = "".join(unicodedata.normalize("NFKC", ch) for ch in raw_address if not ch.isspace())
    if level != "basic" or court.district is None:
        unit = court.city
        if unit is None:
            return None
        if _same(unit, addr.city) or _same(unit, addr.district):
            return True
        if addr.city or addr.district:
            return False
        return True if unit in compact else None
    city_same = _same(court.city, addr.city)
    if city_same is False and not _same(court.district, addr.city):
        return False
    if addr.district is not None:
        return bool(_same(court.district, addr.district))
    if _same(court.district, addr.city):  # 义乌市 written as the city of the address
        return True
    if court.district in compact:
        return True
    return False if city_same else None


def jurisdiction_assessment(agreed_court_hit: ClauseHit | None, court_name: str | None,
                            defendant_address: str | None, defendant_residence: str | None, *,
                            plaintiff_address: str | None = None,
                            arbitration_hit: ClauseHit | None = None) -> JurisdictionAdvice:
    """Should the defendant object to the suing court's jurisdiction (管辖权异议)?

    The default court for a contract dispute against a citizen is the one of the defendant's
    domicile, or of the habitual residence when that differs (民诉法第22、24条). An agreed-court
    clause in a lender's standard terms is void when the lender cannot prove it was brought to the
    borrower's attention; a tick-box or pop-up is not proof (民诉法解释第31条, 合同编通则解释第10条).
    The objection must be filed within the answer period (第130条). Compares the court's
    city/district, as its name gives them, with the addresses' text.
    """
    reasons: list[str] = []
    basis = ["msf_22", "msf_24", "msf_130"]
    if agreed_court_hit is not None:
        basis = ["msj_31", "htj_10"] + basis
        where = f"合同{agreed_court_hit.article}" if agreed_court_hit.article else "合同中"
        reasons.append(f"{where}约定了管辖法院（{_quote(agreed_court_hit.sentence)}）。这是出借方预先拟定的格式条款，"
                       "出借方不能证明已采取合理方式提请您注意的（仅有勾选框、弹窗不算），该约定无效，"
                       "管辖就回到法定规则：由被告住所地（与经常居住地不一致的，由经常居住地）人民法院管辖。")
    arbitration = None
    if arbitration_hit is not None:
        basis.append("arb_26")
        where = f"合同{arbitration_hit.article}" if arbitration_hit.article else "合同中"
        arbitration = (f"{where}约定了仲裁（{_quote(arbitration_hit.sentence)}）。如果您希望由仲裁机构而不是法院处理，"
                       "必须在法院首次开庭前提交仲裁协议、对法院受理提出异议；首次开庭前没有提出的，视为放弃仲裁协议，"
                       f"法院继续审理（{cite(['arb_26'])[0]}，要旨）。")
    court = (court_name or "").strip()
    if not court:
        reasons.append("案件文件没有写起诉法院的名称，无法判断是否应当提出管辖权异议。")
        return JurisdictionAdvice(None, reasons, None, tuple(basis), None, None, agreed_court_hit, arbitration)
    court_place, level = _court_place(court)
    homes = [(label, text) for label, text in (("经常居住地", defendant_residence), ("住所地", defendant_address))
             if text and text.strip()]
    proper = None
    defendant_place = None
    if homes:
        label, text = homes[0]
        p = parse_place(text)
        defendant_place = p.words() if p else None
        if p is not None and p.district and p.district[-1] in "区县市" and (p.city or p.province):
            # the basic court of a district or county bears its name: 四川省成都市武侯区人民法院
            proper = f"{defendant_place}人民法院（被告{label}的基层人民法院）"
        else:
            proper = f"被告{label}（{defendant_place or text.strip()}）的基层人民法院"
    if court_place is None:
        reasons.append(f"无法从法院名称“{court}”看出它位于哪个市、区（县），请自行核对它是否在您的住所地。")
        return JurisdictionAdvice(None, reasons, proper, tuple(basis), None, defendant_place, agreed_court_hit, arbitration)
    if not homes:
        reasons.append(f"案件文件没有写您的住所地（defendant.address）或经常居住地（defendant.residence），"
                       f"无法判断{court}是否在您的住所地。请补充地址后再判断。")
        return JurisdictionAdvice(None, reasons, None, tuple(basis), court_place.words(), None, agreed_court_hit,
                                  arbitration)
    results = []
    for label, text in homes:
        p = parse_place(text)
        results.append((label, text, None if p is None else _at(court_place, level, p, text)))
    at_any = [r for r in results if r[2]]
    unknown = [r for r in results if r[2] is None]
    where_court = court_place.words()
    if at_any:
        label = at_any[0][0]
        reasons.append(f"起诉法院“{court}”位于{where_court}，与您的{label}一致。在被告{label}起诉符合法定管辖，"
                       "提出管辖权异议一般不会成立。")
        return JurisdictionAdvice(False, reasons, proper, tuple(basis), where_court, defendant_place, agreed_court_hit,
                                  arbitration)
    if unknown and len(unknown) == len(results):
        reasons.append(f"起诉法院“{court}”位于{where_court}，但从您填写的地址无法确定所在的市、区（县），"
                       "无法判断法院是否在您的住所地。请把地址写完整（省、市、区县）后再判断。")
        return JurisdictionAdvice(None, reasons, proper, tuple(basis), where_court, defendant_place, agreed_court_hit,
                                  arbitration)
    places = "、".join(f"{label}（{(parse_place(text) or Place(None, None, None)).words() or text}）"
                      for label, text, r in results if r is False)
    reasons.append(f"起诉法院“{court}”位于{where_court}，不在您的{places}。"
                   + ("依法应由您的住所地或经常居住地法院管辖，" if agreed_court_hit is not None else
                      "合同纠纷依法由被告住所地或者合同履行地人民法院管辖，")
                   + "可以在答辩期内提出管辖权异议，请求移送" + (proper or "有管辖权的法院") + "。")
    if unknown:
        reasons.append("另有一处地址无法识别所在的市、区（县），请核对。")
    if level == "internet":
        reasons.append("起诉法院是互联网法院，它集中管辖所在城市全市范围内的部分网络案件；上面按城市比较。")
    if level == "intermediate":
        reasons.append("起诉法院是中级人民法院，上面按城市比较；是否由中级法院审理还取决于标的额等级别管辖规定。")
    # 合同履行地 (民诉法解释第18条): for a money claim, where the party receiving the money is.
    basis.append("msj_18")
    pp = parse_place(plaintiff_address) if plaintiff_address else None
    if pp is None:
        reasons.append("但案件文件没有写原告住所地（plaintiff.address），或写得不完整：借款合同对履行地点没有约定的，"
                       "争议标的为给付货币，接收货币一方（原告）所在地为合同履行地，合同纠纷也可以由合同履行地法院管辖。"
                       "不知道原告所在地，就无法判断起诉法院是不是合同履行地，因此没有起草管辖权异议申请书；"
                       "请按起诉状补充原告住所地后重新生成。")
        return JurisdictionAdvice(None, reasons, proper, tuple(basis), where_court, defendant_place, agreed_court_hit,
                                  arbitration)
    if _at(court_place, level, pp, plaintiff_address):
        reasons.append(f"起诉法院就在原告所在地（{pp.words() or plaintiff_address}）。借款合同对履行地点没有约定的，"
                       "争议标的为给付货币，接收货币一方（原告）所在地为合同履行地；合同纠纷可以由合同履行地法院管辖。"
                       "即使管辖条款无效，起诉法院作为合同履行地法院仍可能有管辖权，管辖权异议很难成立，因此没有起草"
                       "管辖权异议申请书。您仍可以自行提出，但不影响按时答辩、出庭。")
        return JurisdictionAdvice(False, reasons, proper, tuple(basis), where_court, defendant_place, agreed_court_hit,
                                  arbitration, at_performance_place=True)
    reasons.append(f"起诉法院也不在原告所在地（{pp.words() or plaintiff_address}），即不是合同履行地（接收货币一方所在地），"
                   "起诉法院没有管辖的连接点，异议有依据；提出异议不影响您答辩，也不会加重您的责任。")
    return JurisdictionAdvice(True, reasons, proper, tuple(basis), where_court, defendant_place, agreed_court_hit,
                              arbitration)
