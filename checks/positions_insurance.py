"""The positions of the 保证保险合同纠纷 answer form (docs/rules.md §19).

The insurer paid the lender under a loan's 保证保险 policy (理赔) and sues the borrower. What
the answer argues, item by item:

* 理赔款: the insurer recovers at most what it actually paid (``recourse.amount``, proved by its
  payment voucher) — 保险法第六十条第一款 "在赔偿金额范围内" where the court treats the claim as
  subrogation; courts also treat it as the policy's own recourse term, and the answer says the
  point is unsettled — and never more than the lender could lawfully claim (the loan's own cap,
  rules.md §3: the total of the loan is held to it whoever sues).
* 保险费、违约金等: the premiums are part of the loan's cost, held together with its interest to
  the cap (the recomputation of the loan); a 违约金 on the payout is compensation for the
  insurer's loss and may be reduced where it is excessively above it (民法典第五百八十五条第二款).
* 提示说明: the insurer's standard terms bind only as far as it drew attention to them
  (保险法第十七条; 民法典第四百九十六条).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from respond.checks.positions import (AGREE, FORM_ITEMS, NONE, OBJECT, STANDARD_TERMS, VERIFY, Position,
                                      _charges_claimed, _clause_articles, _cut, _enforcement_costs, _Facts,
                                      _OTHER_DEFENCES, argue, fact_positions, phrase)

if TYPE_CHECKING:
    from respond.checks.analyse import Analysis

CLAIMS, FACTS = FORM_ITEMS["guarantee_insurance"]
PAID_LIMIT_BASIS = ("insurance_60",)
NOTICE_BASIS = ("insurance_17", "mfd_496")
PENALTY_BASIS = ("mfd_585",)


def _paid(x: _Facts):
    r = x.a.case.recourse
    return (r.amount, r.paid_on) if r is not None else (None, None)


def _principal(x: _Facts) -> Position:
    claimed = x.c.principal
    if claimed is None:
        return Position(NONE)
    head = (phrase("claim.payout", claimed=claimed),)
    amount, paid_on = _paid(x)
    parts = list(head)
    stance = OBJECT
    if amount is None:
        parts.append(phrase("insurance.payout_proof", basis=PAID_LIMIT_BASIS))
    elif claimed > amount:
        parts.append(phrase("insurance.payout_above", paid=amount, diff=claimed - amount, basis=PAID_LIMIT_BASIS))
    else:  # within what the file says was paid: the borrower checks the voucher
        parts.append(phrase("insurance.payout_limit", paid=amount, basis=PAID_LIMIT_BASIS))
        stance = VERIFY
    parts.append(phrase("insurance.recourse_unsettled"))
    p = x.line("principal")
    if _cut(p):
        parts.append(phrase("insurance.principal_lawful", stop=x.a.stop, figure=p.used))
        stance = OBJECT
    return Position(stance, tuple(parts), check="check.payout" if stance == VERIFY else "")


def _charges(x: _Facts) -> Position:
    claimed = _charges_claimed(x.c)
    if claimed is None:
        return Position(NONE)
    parts = [phrase("claim.premium_charges", total=claimed)]
    parts.append(phrase("insurance.premium_cost", basis=("finjud_2",)))
    if x.c.penalty is not None:
        parts.append(phrase("insurance.penalty_loss", basis=PENALTY_BASIS))
    return Position(OBJECT, tuple(parts))


def _total(x: _Facts) -> Position:
    total, m = x.line("total"), x.m
    claimed = m.claimed_total if m is not None else None
    if claimed is None:
        return Position(NONE)
    head = (phrase("claim.insurance_total", claimed=claimed),)
    if x.c.legal_costs:
        head += (phrase("total.costs_apart", legal_costs=x.c.legal_costs),)
    if _cut(total):
        return Position(OBJECT, head + (phrase("insurance.total_cut", stop=x.a.stop, figure=total.used,
                                               diff=total.diff),))
    return Position(OBJECT, head + (phrase("insurance.total_follow"),))


def insurance_positions(a: "Analysis") -> tuple[dict[str, Position], dict[str, Position]]:
    x = _Facts(a)
    claims = {k: Position(NONE) for k in CLAIMS}
    claims["principal"] = _principal(x)
    claims["interest"] = _charges(x)
    claims["enforcement_costs"] = _enforcement_costs(x)
    if x.c.until_paid:
        claims["other_claims"] = Position(OBJECT, (phrase("claim.until_paid"),
                                                   phrase("insurance.until_paid", stop=a.stop, basis=PENALTY_BASIS)))
    claims["total"] = _total(x)

    facts = {k: Position(NONE) for k in FACTS}
    loan_facts = fact_positions(x, ("rate", "repayment"))
    terms = tuple((code, _clause_articles(a, code)) for code in STANDARD_TERMS if code in x.found)
    facts["policy_contract"] = Position(VERIFY, (), check="check.policy_contract")
    if terms:
        facts["policy_terms"] = Position(OBJECT, (phrase("insurance.standard_terms", terms=terms),))
        facts["notice"] = Position(OBJECT, (phrase("insurance.notice_not_proven", basis=NOTICE_BASIS),))
    facts["loan_terms"] = loan_facts["rate"]
    facts["overdue"] = loan_facts["repayment"] if loan_facts["repayment"].stance != AGREE else \
        Position(AGREE, loan_facts["repayment"].parts)
    amount, paid_on = _paid(x)
    if amount is not None and paid_on is not None:
        facts["claim_payment"] = Position(VERIFY, (phrase("insurance.paid_on", date=paid_on, paid=amount,
                                                          lender=a.case.lender_name),), check="check.payout")
    else:
        facts["claim_payment"] = Position(OBJECT, (phrase("insurance.payment_unproven"),))
    others = [argue(k) for k in _OTHER_DEFENCES if x.has(k)]
    if others:
        facts["other_defences"] = Position(OBJECT, tuple(others))
    return claims, facts

