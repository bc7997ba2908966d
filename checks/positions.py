"""The legal position of every item of the answer form: 有异议 / 无异议 / 请核对, its figures, and
which findings argue it (docs/rules.md §16).

This is where the answer's law is decided; :mod:`respond.templates.context` only words what this
module returns, from the phrase file (``templates/phrases.toml``) and the findings' catalogue
arguments (``data/findings.toml``, ``clauses/``). Rules:

* **Never admit what was not checked.** 无异议 (``AGREE``) only for what the engine verified:
  the principal against the schedule and the payments, the charges against what the contract
  allows and the cap. No payments in the file → 本金, 还款情况 and the total are ``VERIFY`` (both
  boxes left empty; 说明.md lists them for the borrower to check). An assumed fact (the
  disbursement date taken from the contract date) is never stated.
* **Advocacy.** Every figure is "at most" (至多), never "owed"; the most favourable figure with
  support in law comes first, then the fallback (标的总额: the private-lending caps, then the
  binding cap). The cap cuts penalties and fees first (:mod:`respond.checks.claims`), so what the
  answer asks to reduce is what the annex reduces.
* **Each argument once.** A finding is argued in one item only; a clause argument the cap
  recomputation already covers (复利, 罚息叠加) is not repeated; 违约金过高 (民法典第585条) only
  while some 违约金 is still conceded.
* **Jurisdiction.** The answer mentions an objection only when one is filed with it.

Pure: reads a finished :class:`~respond.checks.analyse.Analysis` (findings, claim lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

from respond.checks.claims import Line
from respond.checks.defenses import CAP_BASIS, cap_basis, cap_text
from respond.checks.findings import basis_ids, citations
from respond.checks.money import ZERO

if TYPE_CHECKING:
    from respond.checks.analyse import Alternative, Analysis

OBJECT, AGREE, VERIFY, NONE = "object", "agree", "verify", "none"


class Part(NamedTuple):
    """One sentence of an item: a phrase of ``templates/phrases.toml`` with its values, or the
    catalogue argument of a finding (``kind == "finding"``, ``key`` = its code)."""

    kind: str  # phrase | finding
    key: str
    values: Mapping[str, Any] = MappingProxyType({})  # read-only: one shared empty default


@dataclass(frozen=True)
class Position:
    stance: str
    parts: tuple[Part, ...] = ()
    check: str = ""  # VERIFY: what the borrower must check (说明.md), a phrase key


@dataclass(frozen=True)
class Positions:
    claims: dict[str, Position]  # 答辩事项, by form item key
    facts: dict[str, Position]  # 事实和理由
    notes: tuple[Part, ...]  # 其他需要说明的内容
    basis: tuple[str, ...] = field(default=())  # every citation id the answer relies on

    def all(self) -> dict[str, Position]:
        return {**{f"d.{k}": v for k, v in self.claims.items()}, **{f"f.{k}": v for k, v in self.facts.items()}}

    def codes(self) -> tuple[str, ...]:
        """Every finding the answer argues or names (合同签订's list of standard terms included)."""
        parts = [p for pos in self.all().values() for p in pos.parts] + list(self.notes)
        return tuple(dict.fromkeys(part_codes(parts)))


def part_codes(parts) -> list[str]:
    """The finding codes in ``parts``, nested parts and term lists included, in order."""
    out: list[str] = []
    for part in parts:
        if part.kind == "finding":
            out.append(part.key)
        for value in part.values.values():
            for x in (value if isinstance(value, tuple) else (value,)):
                if isinstance(x, Part):
                    out += part_codes([x])
                elif isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) and x[0].isupper():
                    out.append(x[0])  # (code, articles) of a standard-terms list
    return out


def argued_articles(a: "Analysis") -> tuple[str, ...]:
    """The contract's articles the answer argues (答辩依据, 证据清单): those of the clause findings it
    relies on, never a clause it found and does not argue (e.g. the agreed court with no objection)."""
    argued = set(a.positions.codes()) if a.positions is not None else set()
    return tuple(dict.fromkeys(re.sub(r"第[^第]*[款项]$", "", h.article) for h in a.clause_hits
                               if h.article and h.code in argued))


def phrase(key: str, **values: Any) -> Part:
    return Part("phrase", key, values)


def argue(code: str) -> Part:
    return Part("finding", code, {})


# Where standard-form clauses are named (合同签订情况) and argued (其他需要说明的内容).
STANDARD_TERMS = ("CLAUSE_UNILATERAL_CHANGE", "CLAUSE_WAIVER", "CLAUSE_BUNDLED_SERVICES", "CLAUSE_CONTACTS_DATA",
                  "CLAUSE_COLLECTION_COSTS")
# The cap recomputation merges these charges already: their clause argument adds nothing then.
_MERGED_BY_CAP = ("CLAUSE_COMPOUND_INTEREST", "CLAUSE_STACKED_CHARGES")
_ASSIGNMENT = ("ASSIGNED_DEBT", "CLAUSE_ASSIGNMENT_NO_NOTICE", "ASSIGNEE_LICENCE_UNVERIFIED", "GUARANTOR_RECOURSE")
# RATE_ABOVE_36 is not argued in the answer: its only basis, the 2017 cash-loan notice, is held from
# memory (statutes.md §4.1: no verified text, and the 36% is not in it), and the binding cap already
# asks for every reduction it could; 说明.md and report.json still carry the finding.
_OTHER_DEFENCES = ("LIMITATION", "LENDER_UNLICENSED", "PROFESSIONAL_LENDER", "ROLLOVER_INTEREST")
# the contract's own notice wording: "以加粗方式提示", "特别提示", "已充分理解"
_NOTICE_WORDING = re.compile(r"加粗|粗体|黑体|特别提示|重点提示|已(?:充分)?(?:阅读|理解)")


class _Facts:
    """What the builders share: the analysis, its findings by code, its claim lines."""

    def __init__(self, a: "Analysis") -> None:
        self.a = a
        self.found = {f.code: f for f in a.findings}
        self.lines: dict[str, Line] | None = a.lines
        self.m = a.amounts
        self.c = a.case.claims
        self.loan = a.case.loan
        self.paid_entered = bool(self.loan.payments)
        self.recomputed = bool(self.m is not None and self.m.recomputed)
        self.barred = "LIMITATION" in self.found
        self.recourse = "GUARANTOR_RECOURSE" in self.found
        self.alt = argued_alternative(a)

    def line(self, key: str) -> Line | None:
        return None if self.lines is None else self.lines[key]

    def has(self, code: str) -> bool:
        f = self.found.get(code)
        return f is not None and bool(f.argument)


def _cut(line: Line | None) -> bool:
    return line is not None and line.diff is not None and line.diff > 0


# ---------------------------------------------------------------------------------------------
# 答辩事项


def _principal(x: _Facts) -> Position:
    a, c, p = x.a, x.c, x.line("principal")
    claimed = c.principal
    recourse = (phrase("recourse.limit"),) if x.recourse else ()
    paid = a.case.recourse.amount if a.case.recourse is not None else None
    if x.recourse and paid is not None and claimed is not None and claimed > paid:  # 民法典第700条
        recourse += (phrase("recourse.paid_above", paid=paid, diff=claimed - paid, basis=("mfd_700",)),)
    if _cut(p):
        parts = [phrase("claim.principal", claimed=claimed)]
        values = dict(figure=p.used, diff=p.diff, stop=a.stop, received=x.loan.received)
        if x.recomputed:
            parts.append(phrase("principal.recomputed", **values) if receipt_recorded(x.loan)
                         else phrase("principal.recomputed_contract", voucher=_voucher(x), **values))
        elif x.loan.upfront_deductions:
            parts.append(phrase("principal.received", deducted=x.loan.principal - x.loan.received, **values))
        elif x.has("PRINCIPAL_ABOVE_SCHEDULE"):
            # the argument states the schedule's principal and the difference itself
            parts.append(argue("PRINCIPAL_ABOVE_SCHEDULE"))
            if a.standing is None or a.standing.principal_outstanding != p.used:
                parts.append(phrase("principal.contract", **values))
        else:
            parts.append(phrase("principal.contract", **values))
        if x.alt is not None and x.alt.ledger.lawful_principal < p.used:
            parts.append(phrase("principal.alternative", figure=x.alt.ledger.lawful_principal))
        return Position(OBJECT, tuple(parts) + recourse)
    if p is not None and p.not_above and claimed is not None:
        if x.recourse:
            return Position(OBJECT, (phrase("claim.principal", claimed=claimed),) + recourse)
        if not x.paid_entered:
            return Position(VERIFY, (phrase("claim.principal", claimed=claimed),), check="check.no_payments")
        not_above = phrase("principal.not_above_capped" if x.recomputed else "principal.not_above", figure=p.lawful)
        if x.alt is not None and x.alt.ledger.lawful_principal < claimed:
            # the binding cap does not cut, the private-lending caps would: that figure first
            return Position(OBJECT, (phrase("claim.principal", claimed=claimed),
                                     phrase("principal.alternative", figure=x.alt.ledger.lawful_principal), not_above))
        return Position(AGREE, (phrase("claim.principal", claimed=claimed), not_above))
    if x.has("UPFRONT_DEDUCTION"):
        head = (phrase("claim.principal", claimed=claimed),) if claimed is not None else ()
        return Position(OBJECT, head + (phrase("principal.received_only", received=x.loan.received),) + recourse)
    if x.has("PRINCIPAL_ABOVE_SCHEDULE"):
        return Position(OBJECT, (argue("PRINCIPAL_ABOVE_SCHEDULE"),) + recourse)
    if claimed is not None:
        if x.recourse:
            return Position(OBJECT, (phrase("claim.principal", claimed=claimed),) + recourse)
        return Position(VERIFY, (phrase("claim.principal", claimed=claimed),), check="check.principal")
    return Position(NONE)


def _charges_claimed(c) -> Decimal | None:
    parts = [v for v in (c.interest, c.penalty, c.fees) if v is not None]
    return sum(parts, ZERO) if parts else None


def _interest(x: _Facts) -> Position:
    a, c = x.a, x.c
    claimed = _charges_claimed(c)
    if claimed is None and not ((x.a.rate.exceeds_cap and c.until_paid) or x.has("LENDER_UNLICENSED")):
        return Position(NONE)  # no interest claimed, none to run on: nothing to answer
    parts: list[Part] = []
    if claimed is not None:
        parts.append(phrase("claim.charges", interest=c.interest, penalty=c.penalty, fees=c.fees, total=claimed))
    lines = x.lines
    objection = False
    if lines is not None:
        used = sum((lines[k].used for k in ("interest", "penalty", "fees") if lines[k].used is not None), ZERO)
        cuts = {k: lines[k].diff for k in ("interest", "penalty", "fees") if _cut(lines[k])}
    else:
        used, cuts = None, {}
    if a.rate.exceeds_cap and x.recomputed and not x.paid_entered:
        # above the cap (the contract shows it): objected to, but with no payments in the file no
        # capped figure can be given — the item asks for the recomputation instead
        parts += [phrase("interest.over_cap", apr_rate=a.rate.apr.apr), phrase("interest.recompute")]
        objection = True
    elif a.rate.exceeds_cap and x.recomputed:
        parts.append(phrase("interest.over_cap", apr_rate=a.rate.apr.apr))
        if cuts:
            parts.append(phrase("interest.capped", stop=a.stop, figure=used, diff=claimed - used,
                                penalty_cut=cuts.get("penalty"), fees_cut=cuts.get("fees"),
                                interest_cut=cuts.get("interest")))
            objection = True
        elif claimed is not None:
            parts.append(phrase("interest.capped_not_above", stop=a.stop, figure=x.m.lawful_interest))
        else:
            objection = True
    elif a.rate.exceeds_cap:
        parts.append(argue("RATE_ABOVE_CAP"))
        objection = True
    elif x.has("LENDER_UNLICENSED"):
        parts.append(phrase("interest.see_other_defences"))
        objection = True
    else:
        for code in ("CHARGES_ABOVE_CAP", "CLAIM_ABOVE_CONTRACT"):
            if x.has(code):
                parts.append(argue(code))
                objection = True
        if cuts:
            parts.append(phrase("interest.contract_cut", stop=a.stop, figure=used, diff=claimed - used,
                                penalty_cut=cuts.get("penalty"), fees_cut=cuts.get("fees"),
                                interest_cut=cuts.get("interest")))
            objection = True
    # clause arguments: only what the figures above do not already cover
    if lines is None:
        for code in _MERGED_BY_CAP:
            if x.has(code):
                parts.append(argue(code))
                objection = True
    penalty = x.line("penalty")
    penalty_left = c.penalty is not None and (penalty is None or penalty.used is None or penalty.used > 0)
    if x.has("CLAUSE_HIGH_PENALTY") and penalty_left:
        parts.append(argue("CLAUSE_HIGH_PENALTY"))
        objection = True
    if x.recourse:
        parts.append(phrase("recourse.charges"))
        objection = True
    if objection:
        return Position(OBJECT, tuple(parts))
    if not x.paid_entered:
        return Position(VERIFY, tuple(parts), check="check.no_payments")
    if lines is None or x.m.lawful is None or x.m.lawful.basis == "cap_only":
        return Position(VERIFY, tuple(parts), check="check.charges")
    if x.alt is not None and claimed is not None and x.alt.ledger.lawful_interest < claimed:
        return Position(OBJECT, tuple(parts) + (phrase("interest.alternative", figure=x.alt.ledger.lawful_interest),
                                                phrase("interest.not_above", stop=a.stop, figure=used)))
    return Position(AGREE, tuple(parts) + (phrase("interest.not_above", stop=a.stop, figure=used),))


def _acceleration(x: _Facts) -> Position:
    if x.has("CLAUSE_ACCELERATION"):
        return Position(OBJECT, (argue("CLAUSE_ACCELERATION"),))
    if x.c.accelerate:
        return Position(VERIFY, (phrase("claim.acceleration"),), check="check.acceleration")
    return Position(NONE)


def _enforcement_costs(x: _Facts) -> Position:
    if not x.c.legal_costs:
        return Position(NONE)
    cap = ("mj_29",) if x.a.lender.regime == "private" else ("finjud_2",)
    parts = [phrase("claim.legal_costs", claimed=x.c.legal_costs)]
    # the clause's own argument says the same (actually incurred, within the cap): once
    parts.append(argue("CLAUSE_COLLECTION_COSTS") if x.has("CLAUSE_COLLECTION_COSTS") else phrase("costs.proof", basis=cap))
    charges = [x.line(k) for k in ("interest", "penalty", "fees")]
    if x.recomputed and any(_cut(line) for line in charges):
        # the charges claimed already reach the cap: the costs, being 其他费用, have no room left
        parts.append(phrase("costs.cap_used"))
    return Position(OBJECT, tuple(parts))


def _other_claims(x: _Facts) -> Position:
    if not x.c.until_paid:
        return Position(NONE)
    limit = "until_paid.capped" if x.a.rate.exceeds_cap else "until_paid.limited"
    return Position(OBJECT, (phrase("claim.until_paid"), phrase(limit, stop=x.a.stop)))


def _total(x: _Facts, principal: Position, interest: Position) -> Position:
    a, total = x.a, x.line("total")
    claimed = x.m.claimed_total if x.m is not None else None
    head = (phrase("claim.total", claimed=claimed, principal=x.c.principal, interest=x.c.interest,
                   penalty=x.c.penalty, fees=x.c.fees),) if claimed is not None else ()
    if head and x.c.legal_costs:  # not in the total: answered in 实现债权的费用
        head += (phrase("total.costs_apart", legal_costs=x.c.legal_costs),)
    recourse = (phrase("recourse.again"),) if x.recourse else ()  # argued in full under 本金
    if x.recomputed and x.m.overpaid and x.has("OVERPAID"):
        return Position(OBJECT, head + (argue("OVERPAID"),) + recourse)
    if _cut(total):
        how = "capped" if x.recomputed else "contract"
        if x.recourse:  # the lender's maximum, never what the borrower owes the guarantor
            body = phrase("total.cut_recourse", stop=a.stop, figure=total.used, diff=total.diff)
        elif x.alt is not None:
            body = phrase("total.alternative_first", stop=a.stop, alt_figure=x.alt.lawful_total,
                          figure=total.used, diff=total.diff, alt_basis=CAP_BASIS[x.alt.cap.basis],
                          cap_words=cap_text(a.rate.cap))
        else:
            body = phrase(f"total.cut_{how}", stop=a.stop, figure=total.used, diff=total.diff)
        return Position(OBJECT, head + (body,) + recourse)
    if total is not None and total.used is not None and total.claimed is not None:
        if x.recourse:
            return Position(OBJECT, head + recourse)
        if x.alt is not None and x.alt.lawful_total < total.claimed:
            return Position(OBJECT, head + (phrase("total.alternative_only", stop=a.stop, alt_figure=x.alt.lawful_total,
                                                   alt_diff=total.claimed - x.alt.lawful_total,
                                                   alt_basis=CAP_BASIS[x.alt.cap.basis], cap_words=cap_text(a.rate.cap)),))
        if principal.stance == AGREE and interest.stance in (AGREE, NONE):
            return Position(AGREE, head + (phrase("total.not_above", stop=a.stop, figure=total.lawful),))
        return Position(VERIFY, head, check=principal.check or interest.check or "check.total")
    if x.has("UPFRONT_DEDUCTION"):
        return Position(OBJECT, head + (phrase("total.received", received=x.loan.received),) + recourse)
    if x.has("PRINCIPAL_ABOVE_SCHEDULE"):
        return Position(OBJECT, head + (phrase("total.schedule", outstanding=a.standing.principal_outstanding),)
                        + recourse)
    if head:
        return Position(OBJECT if x.recourse else VERIFY, head + recourse, check="check.total")
    return Position(NONE)


def _limitation(items: dict[str, Position]) -> dict[str, Position]:
    """LIMITATION: every claim is answered 有异议 with the limitation defence first — an express
    无异议 could be read as agreeing to pay after the period (民法典第192条第2款) — and what was
    argued before follows as the fallback (退一步说)."""
    out = dict(items)
    said = False  # the reservation (not agreeing to pay) is written in full at the first fallback
    for key in ("principal", "interest", "acceleration", "enforcement_costs", "other_claims", "total"):
        if key not in out:
            continue
        old = out[key]
        if old.stance == NONE and key not in ("principal", "interest", "total"):
            continue
        claims = tuple(p for p in old.parts if p.key.startswith("claim."))
        rest = tuple(p for p in old.parts if not p.key.startswith("claim."))
        if old.stance in (AGREE, VERIFY):  # "not above the lawful amount": not said of a barred debt
            rest = tuple(p for p in rest if not p.key.endswith("not_above"))
        fallback = ()
        if rest and old.stance == OBJECT:
            fallback = (phrase("limitation.fallback_again" if said else "limitation.fallback"),) + rest
            said = True
        out[key] = Position(OBJECT, claims + (phrase("limitation.item"),) + fallback)
    if "litigation_costs" in out:
        out["litigation_costs"] = Position(OBJECT, (phrase("costs.barred"),))
    return out


def claim_positions(x: _Facts, keys: tuple[str, ...]) -> dict[str, Position]:
    items = {k: Position(NONE) for k in keys}
    items["principal"] = _principal(x)
    items["interest"] = _interest(x)
    items["acceleration"] = _acceleration(x)
    items["enforcement_costs"] = _enforcement_costs(x)
    items["other_claims"] = _other_claims(x)
    items["total"] = _total(x, items["principal"], items["interest"])
    if "litigation_costs" in items and any(items[k].stance == OBJECT for k in ("principal", "interest", "total")):
        items["litigation_costs"] = Position(OBJECT, (phrase("costs.follow"),))
    if x.barred:
        items = _limitation(items)
    return {k: items[k] for k in keys}


# ---------------------------------------------------------------------------------------------
# 事实和理由


def plaintiff_not_lender(a: "Analysis") -> bool:
    """The plaintiff is not the original lender: an assignment or a guarantor's recourse."""
    found = {f.code for f in a.findings}
    return "ASSIGNED_DEBT" in found or "GUARANTOR_RECOURSE" in found


def argued_in_answer(a: "Analysis", code: str) -> bool:
    """The no-notice assignment clause is argued only when the debt was in fact assigned."""
    if code == "CLAUSE_ASSIGNMENT_NO_NOTICE":
        return plaintiff_not_lender(a) or any(g.code == "ASSIGNEE_LICENCE_UNVERIFIED" for g in a.findings)
    return True


def _clause_articles(a: "Analysis", code: str) -> str:
    return "、".join(dict.fromkeys(h.article for h in a.clause_hits if h.code == code and h.article))


def notice_claimed(contract_text: str | None) -> bool:
    """The contract says the lender drew attention to its terms (加粗, 特别提示, 已充分理解)."""
    return bool(contract_text and _NOTICE_WORDING.search(contract_text))


def receipt_recorded(loan) -> bool:
    """The file records what arrived: a disbursement date, or the deductions the borrower lists."""
    return loan.disbursed_on is not None or bool(loan.upfront_deductions)


def _voucher(x: "_Facts") -> str:
    return "原出借人的放款凭证" if x.recourse else "原告的放款凭证"


def _stated_rate(loan, annual) -> tuple[Part, ...]:
    """The contract's rate as the contract states it (月利率 2%, 日利率万分之五), then annualised."""
    if annual is None:
        return ()
    if annual == 0:
        return (phrase("rate.stated_none"),)
    rate = loan.rate
    if getattr(rate, "monthly", None) is not None:
        return (phrase("rate.stated_monthly", monthly_rate=rate.monthly, stated_rate=annual),)
    if getattr(rate, "daily", None) is not None:
        return (phrase("rate.stated_daily", daily_rate=rate.daily, stated_rate=annual),)
    return (phrase("rate.stated", stated_rate=annual),)


def _borrower_basis(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The cap's citations as the borrower argues them: without the 2020 reply (法释〔2020〕27号),
    which says the local financial organisations are outside the private-lending rules — the
    lender's answer to the lower private-lending figure the same answer argues (标的总额)."""
    return tuple(i for i in ids if i != "spc_reply_2020_27")


def fact_positions(x: _Facts, keys: tuple[str, ...]) -> dict[str, Position]:
    a, loan = x.a, x.loan
    items = {k: Position(NONE) for k in keys}
    terms = tuple((code, _clause_articles(a, code)) for code in STANDARD_TERMS if code in x.found)
    contract_known = bool(loan.contract_text or loan.clauses)
    signed = (phrase("contract.signed_numbered", date=loan.contract_date, number=loan.contract_number)
              if loan.contract_number else phrase("contract.signed", date=loan.contract_date))
    if terms:
        items["contract"] = Position(OBJECT, (
            signed,
            phrase("contract.standard_terms", terms=terms,
                   notice=phrase("contract.notice_claimed") if a.notice_claimed else "",
                   basis=("mfd_496", "mfd_497"))))
    elif contract_known:
        items["contract"] = Position(AGREE, (signed,))
    else:
        items["contract"] = Position(VERIFY, (), check="check.contract")

    if plaintiff_not_lender(a):
        lender = (x.found["ASSIGNED_DEBT"].evidence.get("original_lender") if "ASSIGNED_DEBT" in x.found
                  else a.case.original_lender)
        who = phrase("parties.who_named", lender=lender) if lender else phrase("parties.who_unnamed")
        items["parties"] = Position(OBJECT, (phrase("parties.not_lender_recourse" if x.recourse else "parties.not_lender",
                                                    who=who),))
    elif loan.lender is not None and loan.lender.strip() == a.case.plaintiff.name.strip():
        items["parties"] = Position(AGREE)
    else:
        items["parties"] = Position(VERIFY, (), check="check.parties")

    deduction = [argue(k) for k in ("UPFRONT_DEDUCTION", "CLAUSE_UPFRONT_DEDUCTION") if x.has(k)]
    if deduction:
        items["amount"] = Position(OBJECT, tuple(deduction))
    elif loan.disbursed_on is None:  # nothing in the file shows what arrived: not admitted
        items["amount"] = Position(VERIFY, (phrase("amount.contract", principal=loan.principal),),
                                   check="check.amount")
    else:
        items["amount"] = Position(AGREE, (phrase("amount.received", principal=loan.principal,
                                                  received=loan.received),))

    if loan.term_months or loan.term_days:
        items["term"] = Position(VERIFY, (), check="check.term")

    r = a.rate
    if r.apr is not None:
        stated = _stated_rate(loan, r.stated_annual)
        how = "rate.apr" if receipt_recorded(loan) else "rate.apr_contract"
        apr = stated + (phrase(how, received=r.received, apr_rate=r.apr.apr, voucher=_voucher(x),
                               method=phrase(f"apr_methods.{r.apr.method}")),)
        cap = r.cap
        if cap is None or cap.rate is None:
            items["rate"] = Position(VERIFY, apr, check="check.rate")
        elif r.exceeds_cap:
            basis = _borrower_basis(basis_ids(x.found["RATE_ABOVE_CAP"]) if "RATE_ABOVE_CAP" in x.found else cap_basis(a))
            parts = [*apr, phrase("rate.over_cap" if annex_attached(a) else "rate.over_cap_no_annex",
                                  cap_words=cap_text(cap, r.apr.apr),
                                                                basis=basis)]
            if x.has("FEES_AS_INTEREST"):
                parts.append(argue("FEES_AS_INTEREST"))
            items["rate"] = Position(OBJECT, tuple(parts))
        elif r.exceeds_cap is False:
            within = phrase("rate.within_cap", cap_words=cap_text(cap), basis=_borrower_basis(cap_basis(a)))
            if x.alt is not None and r.apr.apr > x.alt.cap.rate:
                items["rate"] = Position(OBJECT, apr + (within, phrase("rate.alternative", alt_cap=cap_text(x.alt.cap))))
            else:
                items["rate"] = Position(AGREE, apr + (within,))
        else:
            items["rate"] = Position(VERIFY, apr + (phrase("rate.cap_unknown", cap_words=cap_text(cap), basis=_borrower_basis(cap_basis(a))),),
                                     check="check.rate")
    elif r.stated_annual is not None:
        items["rate"] = Position(VERIFY, (phrase("rate.stated", stated_rate=r.stated_annual),), check="check.rate")

    if loan.disbursed_on is not None:
        items["disbursement"] = Position(AGREE, (phrase("disbursement.date", date=loan.disbursed_on,
                                                        received=loan.received),))
    else:  # taken from the contract date: assumed, never stated
        items["disbursement"] = Position(VERIFY, (), check="check.disbursement")

    if loan.payments:
        paid = sum((p.amount for p in loan.payments), ZERO)
        values = dict(count=len(loan.payments), paid=paid)
        if x.recomputed:
            items["repayment"] = Position(OBJECT, (phrase("repayment.listed", **values), phrase("repayment.recomputed")))
        elif x.has("PRINCIPAL_ABOVE_SCHEDULE"):
            items["repayment"] = Position(OBJECT, (phrase("repayment.listed", **values),
                                                   phrase("repayment.not_deducted")))
        else:
            items["repayment"] = Position(AGREE, (phrase("repayment.listed", **values),))
    else:
        items["repayment"] = Position(VERIFY, (), check="check.no_payments")

    others = [argue(k) for k in _OTHER_DEFENCES if x.has(k)]
    others += [argue(k) for k in _ASSIGNMENT if x.has(k) and argued_in_answer(a, k)]
    if others:
        items["other_defences"] = Position(OBJECT, tuple(others))
    return {k: items[k] for k in keys}


# ---------------------------------------------------------------------------------------------
# 其他需要说明的内容


def objection_filed(a: "Analysis") -> bool:
    """The 管辖权异议申请书 is drafted and still in time: it goes in with the answer."""
    return a.objection_warranted and a.deadline.days_left >= 0


def production_requests(a: "Analysis") -> tuple[str, ...]:
    """What the answer asks the court to order the plaintiff to produce (phrase keys)."""
    found = {f.code for f in a.findings}
    asks = []
    # a document an item already asks for is not asked for twice: the assignment papers (ASSIGNED_DEBT),
    # the payment to the lender (GUARANTOR_RECOURSE), the lawyer's contract (实现债权的费用, always)
    if "ASSIGNED_DEBT" not in found and "CLAUSE_ASSIGNMENT_NO_NOTICE" in found and plaintiff_not_lender(a):
        asks.append("produce.assignment")
    if "ASSIGNEE_LICENCE_UNVERIFIED" in found:
        asks.append("produce.assignee_licence")
    if "LENDER_UNLICENSED" in found:
        asks.append("produce.licence")
    if "CLAUSE_ACCELERATION" in found:
        asks.append("produce.acceleration")
    if a.case.loan.disbursed_on is None and a.case.claims.principal is not None and a.lender.form != "credit_card":
        recourse = "GUARANTOR_RECOURSE" in found or a.lender.form == "guarantee_insurance"
        asks.append("produce.disbursement_lender" if recourse else "produce.disbursement")
    return tuple(asks)


def annex_attached(a: "Analysis") -> bool:
    """The recomputation annex (利息重算表) goes with the answer only when the file gives the payments:
    a missing ``loan.payments`` means unknown, not zero (case-file.md), and a ledger that assumes
    nothing was paid proves nothing to the court (and, where payments were made, understates them)."""
    if a.card is not None:  # the ceiling from the day of default: unlisted payments could only lower it
        return True
    return (a.ledger is not None or argues_alternative(a)) and bool(a.case.loan.payments)


def argued_alternative(a: "Analysis") -> "Alternative | None":
    """The private-lending caps' recomputation the answer argues first (标的总额), or None: only when
    it is lower than what the binding cap concedes, and never in a guarantor's recourse suit (its
    limit is what it actually paid)."""
    alt = a.alternative
    if alt is None or alt.kind != "private_caps" or a.has("GUARANTOR_RECOURSE"):
        return None
    if a.lines is not None and alt.lawful_total >= a.lines["total"].used:
        return None
    return alt


def argues_alternative(a: "Analysis") -> bool:
    """The answer argues the private-lending caps' figure: the annex then carries that ledger too."""
    return argued_alternative(a) is not None


def note_parts(x: _Facts) -> tuple[Part, ...]:
    a = x.a
    notes: list[Part] = []
    if objection_filed(a):
        notes.append(phrase("notes.objection_filed"))
    if x.has("CLAUSE_ARBITRATION"):
        notes.append(argue("CLAUSE_ARBITRATION"))
    for code in STANDARD_TERMS:
        if not x.has(code) or (code == "CLAUSE_COLLECTION_COSTS" and a.case.claims.legal_costs):
            continue  # argued under 实现债权的费用
        notes.append(argue(code))
    asks = production_requests(a)
    if asks:
        notes.append(phrase("notes.produce", asks=tuple(phrase(k) for k in asks)))
    wishes = a.case.wishes
    owed = x.line("total")
    if wishes is not None and (wishes.mediation or wishes.monthly) and not x.barred and not x.recourse \
            and (owed is None or (owed.used or ZERO) > 0):
        instalments = phrase("notes.instalments", monthly=wishes.monthly) if wishes.monthly else ""
        notes.append(phrase("notes.mediation", instalments=instalments))
    if a.rate.apr is not None and a.rate.exceeds_cap:
        notes.append(phrase("notes.apr_method", method=phrase(f"apr_methods.{a.rate.apr.method}"), compound_rate=a.rate.apr.apr_compound,
                            basis=("pboc_2021_3",)))
    if annex_attached(a):
        notes.append(phrase("notes.annex"))
    return tuple(notes)


def _cited(a: "Analysis", groups: list[tuple[Part, ...]]) -> tuple[str, ...]:
    """The citation ids the answer relies on; never one held only from memory (``记忆`` in
    data/statutes.json): a filed document cites only text someone has read."""
    found = {f.code: f for f in a.findings}
    ids: list[str] = []
    for parts in groups:
        for p in parts:
            if p.kind == "finding":
                ids += basis_ids(found[p.key])
            for key in ("basis", "alt_basis"):
                ids += list(p.values.get(key, ()))
    index = citations()
    return tuple(i for i in dict.fromkeys(ids) if index[i].confidence != "记忆")


def positions(a: "Analysis") -> Positions:
    """Every item of the form for this case (the form's item keys from :mod:`respond.templates.forms`'s
    data twin, :data:`FORM_ITEMS`)."""
    x = _Facts(a)
    claims_keys, facts_keys = FORM_ITEMS[a.lender.form]
    if a.lender.form == "credit_card":
        from respond.checks.positions_card import card_positions
        claims, facts = card_positions(a)
    elif a.lender.form == "guarantee_insurance":
        from respond.checks.positions_insurance import insurance_positions
        claims, facts = insurance_positions(a)
    else:
        claims = claim_positions(x, claims_keys)
        facts = fact_positions(x, facts_keys)
    claims, facts = {k: claims[k] for k in claims_keys}, {k: facts[k] for k in facts_keys}
    notes = note_parts(x)
    basis = _cited(a, [p.parts for p in claims.values()] + [p.parts for p in facts.values()] + [notes])
    return Positions(claims, facts, notes, basis)


_CLAIMS = ("principal", "interest", "acceleration", "security_claim", "enforcement_costs")
_FACTS = ("contract", "parties", "amount", "term", "rate", "disbursement", "repayment_method", "repayment", "overdue",
          "security_contract", "security_parties", "maximum_security", "security_registration", "guarantee_contract",
          "guarantee_type", "other_security", "other_defences")
# The item keys of each form, in form order (templates/forms.py prints the labels;
# tests/checks/test_positions.py holds the two equal).
FORM_ITEMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "financial": (_CLAIMS + ("other_claims", "total"), _FACTS),
    "private": (_CLAIMS + ("litigation_costs", "other_claims", "total"), _FACTS),
    "credit_card": (("principal", "interest", "security_claim", "enforcement_costs", "other_claims", "total"),
                    ("card_application", "card_terms", "notice", "repayment", "overdue_amount", "collection_notice",
                     "security_contract", "security_parties", "maximum_security", "security_registration",
                     "guarantee_contract", "guarantee_type", "other_security", "other_defences")),
    "guarantee_insurance": (("principal", "interest", "enforcement_costs", "other_claims", "total"),
                            ("policy_contract", "policy_terms", "notice", "loan_terms", "overdue", "claim_payment",
                             "pursuit", "other_defences")),
}


__all__ = ["OBJECT", "AGREE", "VERIFY", "NONE", "Part", "Position", "Positions", "positions", "FORM_ITEMS",
           "plaintiff_not_lender", "argued_in_answer", "objection_filed", "production_requests", "notice_claimed",
           "STANDARD_TERMS"]
