"""The positions of the 信用卡纠纷 answer form (docs/rules.md §18; checks/card_suit.py computes).

The same rules as :mod:`respond.checks.positions` (never admit what was not checked; every
figure "at most"; each argument once), on the card form's items:

* 透支本金: with the principal on the day of default (``card.overdue_principal``), the claim may
  not exceed it less what the payments since default left after the capped charges; the
  overdraft principal does not grow by interest, 违约金 or fees after default. Otherwise 请核对.
* 利息、罚息、复利、滞纳金、违约金、手续费等: held together to the cap from the day of default
  (银行卡规定第二条第二款; the 24% figure of 法发〔2017〕22号第2条 as the courts' common
  standard, said to be practice, not the rule's text).
* 信用卡合约 and 提示说明: the standard terms found in the card agreement are named; a charge
  term the bank did not draw attention to is not part of the contract (银行卡规定第二条第一款).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from respond.checks.card_suit import NOTICE_BASIS, REDUCTION_BASIS
from respond.checks.money import ZERO
from respond.checks.positions import (AGREE, NONE, OBJECT, STANDARD_TERMS, VERIFY, Position, _charges_claimed,
                                      _clause_articles, _cut, _enforcement_costs, FORM_ITEMS, _Facts, _OTHER_DEFENCES, _stated_rate,
                                      argue, phrase)

if TYPE_CHECKING:
    from respond.checks.analyse import Analysis

CLAIMS, FACTS = FORM_ITEMS["credit_card"]
CAP_PRACTICE = REDUCTION_BASIS + ("finjud_2",)


def _principal(x: _Facts) -> Position:
    c, card, p = x.c, x.a.card, x.line("principal")
    if c.principal is None:
        return Position(NONE)
    head = (phrase("claim.card_principal", claimed=c.principal),)
    if card is None or card.base_from_claim:
        return Position(VERIFY, head, check="check.card_principal")
    if not x.paid_entered and not _cut(p):  # payments since default unknown, not zero: never confirmed
        return Position(VERIFY, head + (phrase("card.principal_not_above", since=card.since, base=card.base),),
                        check="check.no_payments")
    if _cut(p):
        return Position(OBJECT, head + (phrase("card.principal_above", since=card.since, base=card.base,
                                               stop=x.a.stop, figure=p.used, diff=p.diff),))
    return Position(AGREE, head + (phrase("card.principal_not_above", since=card.since, base=card.base),))


def _interest(x: _Facts) -> Position:
    a, c, card = x.a, x.c, x.a.card
    claimed = _charges_claimed(c)
    if claimed is None:
        return Position(NONE)
    parts = [phrase("claim.charges", interest=c.interest, penalty=c.penalty, fees=c.fees, total=claimed)]
    lines = x.lines
    objection = False
    if x.has("CARD_CHARGES_ABOVE_CAP"):
        parts += [argue("CARD_CHARGES_ABOVE_CAP"), phrase("card.standard_unsettled")]
        objection = True
    elif card is not None and lines is not None and not any(_cut(lines[k]) for k in ("interest", "penalty", "fees")):
        parts.append(phrase("card.charges_not_above", since=card.since, base=card.base, stop=a.stop,
                            cap_rate=a.rate.cap.rate, figure=card.ledger.lawful_interest, basis=CAP_PRACTICE))
    for code in ("CLAUSE_COMPOUND_INTEREST", "CLAUSE_STACKED_CHARGES", "CLAUSE_HIGH_PENALTY"):
        if x.has(code) and not objection:
            parts.append(argue(code))
            objection = True
    if objection:
        return Position(OBJECT, tuple(parts))
    return Position(VERIFY, tuple(parts), check="check.card_charges")


def _other_claims(x: _Facts) -> Position:
    if not x.c.until_paid:
        return Position(NONE)
    return Position(OBJECT, (phrase("claim.until_paid"), phrase("card.until_paid", stop=x.a.stop,
                                                                basis=CAP_PRACTICE)))


def _total(x: _Facts, principal: Position, interest: Position) -> Position:
    total, m = x.line("total"), x.m
    claimed = m.claimed_total if m is not None else None
    if claimed is None:
        return Position(NONE)
    head = (phrase("claim.card_total", claimed=claimed, principal=x.c.principal, interest=x.c.interest,
                   penalty=x.c.penalty, fees=x.c.fees),)
    if x.c.legal_costs:
        head += (phrase("total.costs_apart", legal_costs=x.c.legal_costs),)
    if _cut(total):
        return Position(OBJECT, head + (phrase("card.total_cut", stop=x.a.stop, figure=total.used, diff=total.diff),))
    if principal.stance == AGREE and interest.stance in (AGREE, NONE):
        return Position(AGREE, head)
    return Position(VERIFY, head, check=principal.check or interest.check or "check.total")


def claim_positions(x: _Facts) -> dict[str, Position]:
    items = {k: Position(NONE) for k in CLAIMS}
    items["principal"] = _principal(x)
    items["interest"] = _interest(x)
    items["enforcement_costs"] = _enforcement_costs(x)
    items["other_claims"] = _other_claims(x)
    items["total"] = _total(x, items["principal"], items["interest"])
    return items


def fact_positions(x: _Facts) -> dict[str, Position]:
    a, loan = x.a, x.loan
    items = {k: Position(NONE) for k in FACTS}
    terms = tuple((code, _clause_articles(a, code)) for code in STANDARD_TERMS if code in x.found)
    contract_known = bool(loan.contract_text or loan.clauses)
    applied = phrase("card.applied", date=loan.contract_date)
    items["card_application"] = Position(AGREE, (applied,)) if contract_known else \
        Position(VERIFY, (), check="check.card_application")
    stated = _stated_rate(loan, a.rate.stated_annual)
    if terms:
        items["card_terms"] = Position(OBJECT, stated + (phrase("card.standard_terms", terms=terms),))
        items["notice"] = Position(OBJECT, (phrase("card.notice_not_proven",
                                                   notice=phrase("contract.notice_claimed") if a.notice_claimed else "",
                                                   basis=NOTICE_BASIS + ("mfd_496",)),))
    elif stated:
        items["card_terms"] = Position(VERIFY, stated, check="check.card_terms")
    if loan.payments:
        paid = sum((p.amount for p in loan.payments), ZERO)
        items["repayment"] = Position(AGREE, (phrase("repayment.listed", count=len(loan.payments), paid=paid),))
    else:
        items["repayment"] = Position(VERIFY, (), check="check.no_payments")
    total = x.line("total")
    if _cut(total):
        items["overdue_amount"] = Position(OBJECT, (phrase("card.overdue_cut", stop=a.stop, figure=total.used),))
    others = [argue(k) for k in _OTHER_DEFENCES if x.has(k)]
    if others:
        items["other_defences"] = Position(OBJECT, tuple(others))
    return items


def card_positions(a: "Analysis") -> tuple[dict[str, Position], dict[str, Position]]:
    x = _Facts(a)
    return claim_positions(x), fact_positions(x)
