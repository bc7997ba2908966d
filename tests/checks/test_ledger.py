"""rules.md §6: the recomputation of what is lawfully owed."""

import datetime as dt
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import run
from respond.checks.caps import Cap, financial_cap, private_cap
from respond.checks.ledger import Payment, recompute
from respond.checks.lpr import package_table

START = dt.date(2024, 1, 1)


def ledger(payments=(), cap=None, stop=dt.date(2024, 12, 31), received=D("10000"), basis=360):
    return recompute(received=received, start=START, payments=[Payment(d, D(a)) for d, a in payments],
                     cap=cap or financial_cap(), stop=stop, day_basis=basis)


def test_interest_on_principal_only_and_by_the_day():
    """Simple interest on unpaid principal only: 10,000 × 24% × 365/360 for 2024-01-01..12-31."""
    lg = ledger()
    assert lg.lawful_interest == D("2433.33")
    assert lg.lawful_principal == D("10000.00")
    assert lg.lawful_total == D("12433.33")


def test_day_basis_365():
    assert ledger(basis=365).lawful_interest == D("2400.00")


def test_payment_goes_to_interest_first():
    """民法典第561条 order: interest, then principal."""
    lg = ledger(payments=[(dt.date(2024, 1, 31), "1000")])
    row = lg.rows[1]
    assert row.to_interest == D("200") and row.to_principal == D("800")
    assert row.principal == D("9200")


def test_unpaid_interest_bears_no_interest():
    lg = ledger(stop=dt.date(2024, 3, 1), payments=[(dt.date(2024, 1, 31), "100")])
    # 30 days: 200 interest, 100 paid → 100 unpaid; next 30 days accrue on 10,000 only.
    assert lg.rows[-1].interest == D("200")
    assert lg.lawful_interest == D("300.00")


def test_overpayment_detected():
    lg = ledger(payments=[(dt.date(2024, 1, 31), "6000"), (dt.date(2024, 2, 29), "6000")])
    assert lg.lawful_total == D("0.00")
    assert lg.overpaid > 0
    assert lg.lawful_principal == D("0.00")


def test_transition_split_at_2020_08_20():
    cap = private_cap(dt.date(2019, 12, 1), dt.date(2022, 6, 15), package_table())
    lg = recompute(received=D("10000"), start=dt.date(2020, 8, 1), payments=[], cap=cap,
                   stop=dt.date(2020, 8, 31), day_basis=360)
    kinds = [(r.kind, r.days, r.rate) for r in lg.rows]
    assert kinds == [("disbursement", 0, D("0.24")), ("rate_change", 18, D("0.24")), ("stop", 12, D("0.148"))]
    assert lg.lawful_interest == D("169.33")  # 10000×.24×18/360 + 10000×.148×12/360 = 120 + 49.33


def test_upfront_deduction_is_taken_off_once():
    """docs/rules.md §10: the principal in law is what was received (10000 − 200 = 9800), less the
    principal paid (none). A claim of 9000 already below it is not cut again (v1 gave 9000 − 200)."""
    a = run(loan={"principal": "10000", "upfront_deductions": [{"name": "服务费", "amount": "200"}], "rate": {"annual": 0.05}},
            claims={"principal": "9000"})
    assert a.rate.exceeds_cap is False
    assert a.amounts.lawful_principal == D("9800.00")
    from respond.checks.claims import claim_lines
    assert claim_lines(a)["principal"].used == D("9000.00")
    assert "UPFRONT_DEDUCTION" in [f.code for f in a.findings]


def test_within_cap_amounts_are_the_contract_view():
    """Within the cap the lines are the contract's (no payments: the whole 10000 is owed)."""
    m = run(loan={"rate": {"annual": 0.05}}).amounts
    assert m.lawful.basis == "contract" and m.lawful_principal == D("10000.00") and not m.recomputed


def test_claimed_total_excludes_legal_costs():
    a = run(loan={"rate": {"annual": 0.30}}, claims={"principal": "9000", "interest": "500", "penalty": "100",
                                                     "fees": "50", "legal_costs": "3000"})
    assert a.amounts.claimed_total == D("9650.00")
    assert a.amounts.excess == a.amounts.claimed_total - a.amounts.lawful_total


# --- properties -------------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=700)
amounts = st.decimals(min_value=D("0.01"), max_value=D("20000"), places=2)
payments_st = st.lists(st.tuples(days, amounts), max_size=12)
rates = st.decimals(min_value=D("0.01"), max_value=D("0.36"), places=4)


def _lg(pays, rate, received=D("10000")):
    return recompute(received=received, start=START,
                     payments=[Payment(START + dt.timedelta(days=d), a) for d, a in pays],
                     cap=Cap("fin_24", rate), stop=START + dt.timedelta(days=730), day_basis=360)


@settings(max_examples=150, deadline=None)
@given(pays=payments_st, extra=st.tuples(days, amounts), rate=rates)
def test_property_adding_a_payment_never_raises_lawful_total(pays, extra, rate):
    assert _lg(pays + [extra], rate).lawful_total <= _lg(pays, rate).lawful_total


@settings(max_examples=150, deadline=None)
@given(pays=payments_st, low=rates, bump=st.decimals(min_value=D("0"), max_value=D("0.2"), places=4))
def test_property_higher_cap_never_lowers_lawful_total(pays, low, bump):
    assert _lg(pays, low + bump).lawful_total >= _lg(pays, low).lawful_total


@settings(max_examples=150, deadline=None)
@given(pays=payments_st, rate=rates)
def test_property_ledger_balances(pays, rate):
    """received + interest accrued = payments applied + principal balance + unpaid interest (+ overpaid)."""
    lg = _lg(pays, rate)
    last = lg.rows[-1]
    applied = sum(r.to_interest + r.to_principal for r in lg.rows)
    assert lg.received + lg.interest_accrued == applied + last.principal + last.interest_due
    assert lg.paid == applied + sum(r.overpaid for r in lg.rows)
