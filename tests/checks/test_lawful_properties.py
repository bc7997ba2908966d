"""Issue 9 properties, over generated loans: lawful ≤ claimed on every line; lawful ≤ what the
contract allows; the lawful total ≤ the cap ledger's; no step of the cap ledger accrues above its cap."""

import datetime as dt
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import run
from respond.checks.claims import claim_lines

CENT = D("0.01")


@st.composite
def loans(draw):
    principal = draw(st.integers(1000, 50000))
    months = draw(st.integers(1, 18))
    rate = draw(st.integers(1, 60)) / 100
    method = draw(st.sampled_from(["equal_installment", "equal_principal", "interest_first"]))
    start = dt.date(2023, 1, 1) + dt.timedelta(days=draw(st.integers(0, 500)))
    loan = {"contract_date": start.isoformat(), "principal": str(principal), "rate": {"annual": rate},
            "term_months": months, "method": method}
    if draw(st.booleans()):
        loan["overdue_rate"] = {"annual": draw(st.integers(1, 60)) / 100}
    if draw(st.booleans()):
        loan["penalty"] = draw(st.sampled_from([{"amount": "200.00"}, {"rate": {"daily": 0.0005}, "base": "overdue_principal"},
                                                {"share": 0.05, "base": "remaining_principal"}]))
    if draw(st.booleans()):
        loan["upfront_deductions"] = [{"name": "服务费", "amount": str(principal // 20)}]
    pays = draw(st.lists(st.tuples(st.integers(1, 700), st.integers(1, principal // 4 + 1)), max_size=6))
    loan["payments"] = [{"date": (start + dt.timedelta(days=d)).isoformat(), "amount": str(a)} for d, a in pays]
    as_of = start + dt.timedelta(days=draw(st.integers(30, 900)))
    claims = {"as_of": as_of.isoformat(), "principal": str(draw(st.integers(0, principal))),
              "interest": str(draw(st.integers(0, principal))), "penalty": str(draw(st.integers(0, principal))),
              "fees": str(draw(st.integers(0, 500))), "accelerate": draw(st.booleans())}
    lender = draw(st.sampled_from([{"name": "某某银行股份有限公司"}, {"name": "李四", "kind": "individual"}]))
    filed = as_of + dt.timedelta(days=5)
    return dict(plaintiff=lender, loan=loan, claims=claims, court={"filed_on": filed.isoformat()},
                service={"date": (filed + dt.timedelta(days=5)).isoformat()},
                today=(filed + dt.timedelta(days=7)).isoformat())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loans())
def test_lawful_never_above_claim_contract_or_cap(over):
    a = run(**over)
    m = a.amounts
    assert m is not None and m.lawful is not None
    law, e = m.lawful, m.contract
    # lawful ≤ claimed, line by line
    for line in claim_lines(a).values():
        if line.used is not None and line.claimed is not None:
            assert line.used <= line.claimed
    # lawful ≤ what the contract allows
    assert law.principal <= e.principal
    assert law.interest <= e.interest and law.penalty <= e.penalty and law.fees <= e.fees
    # lawful ≤ the cap ledger, and the penalty within the allowance
    if law.cap_total is not None:
        assert law.total <= law.cap_total + CENT
    if law.allowance is not None:
        assert law.penalty <= law.allowance
    # no step of the cap ledger accrues more than the cap on the principal it ran on
    ledger = m.cap_ledger
    previous = ledger.rows[0]
    for row in ledger.rows[1:]:
        limit = previous.principal * row.rate * row.days / ledger.day_basis
        assert row.interest <= limit + D("1E-9")
        previous = row
