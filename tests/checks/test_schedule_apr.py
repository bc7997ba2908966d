"""rules.md §4 (the schedule) and §5 (the comprehensive annualized rate)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import run
from respond.case.load import parse_case
from respond.checks.apr import AprError, Flow, borrower_flows, comprehensive_rate
from respond.checks.dates import add_months
from respond.checks.schedule import contract_schedule, generate
from factories import case_dict


def loan_of(**over):
    return parse_case(case_dict(loan=over)).case.loan


def test_pboc_worked_example():
    """中国人民银行公告〔2021〕第3号: 100,000 lent, 1,000 taken, 12 × 8,833.30 → 12.80% / 13.58%."""
    start = dt.date(2024, 1, 1)
    flows = [Flow(start, D(99000))] + [Flow(add_months(start, k), D("-8833.30")) for k in range(1, 13)]
    apr = comprehensive_rate(flows)
    assert apr.method == "monthly"
    assert round(apr.apr, 4) == D("0.1280")
    assert round(apr.apr_compound, 4) == D("0.1358")


def test_pboc_example_through_the_case_file():
    """The same example as a case: a 1,000 fee at disbursement and a given schedule."""
    loan = loan_of(principal="100000", contract_date="2024-01-15", fees=[{"name": "服务费", "amount": "1000"}],
                   schedule=[{"due": add_months(dt.date(2024, 1, 15), k).isoformat(), "principal": "8833.30"}
                             for k in range(1, 13)])
    apr = comprehensive_rate(borrower_flows(loan, contract_schedule(loan)))
    assert round(apr.apr, 4) == D("0.1280") and round(apr.apr_compound, 4) == D("0.1358")


def test_equal_installment_rows():
    """§4 等额本息: A = P·i·(1+i)^n/((1+i)^n−1) rounded; interest round(B·i); last clears B."""
    rows = generate(loan_of())
    assert len(rows) == 12
    assert rows[0].principal + rows[0].interest == D("916.80")
    assert rows[0].interest == D("150.00")
    assert sum(r.principal for r in rows) == D("10000.00")
    assert rows[0].due == dt.date(2024, 4, 15) and rows[-1].due == dt.date(2025, 3, 15)


def test_equal_principal_rows():
    rows = generate(loan_of(principal="1000.00", method="equal_principal", term_months=3, rate={"monthly": 0.01}))
    assert [r.principal for r in rows] == [D("333.33"), D("333.33"), D("333.34")]
    assert [r.interest for r in rows] == [D("10.00"), D("6.67"), D("3.33")]


def test_interest_first_rows():
    rows = generate(loan_of(method="interest_first", term_months=3, rate={"monthly": 0.02}))
    assert [(r.principal, r.interest) for r in rows] == [(D("0"), D("200.00")), (D("0"), D("200.00")),
                                                         (D("10000.00"), D("200.00"))]


def test_bullet_days_and_rate():
    """§4 bullet: P + round(P × daily × days); §5 one repayment: apr = interest/received × 360/days."""
    loan = loan_of(method="bullet", term_days=30, term_months=None, rate={"daily": 0.0005})
    (row,) = generate(loan)
    assert row.due == dt.date(2024, 4, 14) and row.interest == D("150.00")
    apr = comprehensive_rate(borrower_flows(loan, contract_schedule(loan)))
    assert apr.method == "single" and apr.apr == D("0.18")


def test_month_end_due_dates():
    """民法典第202条: no corresponding day → the month's last day."""
    rows = generate(loan_of(contract_date="2024-01-31", term_months=3))
    assert [r.due for r in rows] == [dt.date(2024, 2, 29), dt.date(2024, 3, 31), dt.date(2024, 4, 30)]


def test_irregular_flows_use_daily_irr():
    """§5 otherwise: a dated fee off the monthly grid → daily IRR × 360."""
    loan = loan_of(fees=[{"name": "会员费", "amount": "199", "date": "2024-03-20"}])
    apr = comprehensive_rate(borrower_flows(loan, contract_schedule(loan)))
    assert apr.method == "daily"
    assert D("0.18") < apr.apr < D("0.60")


def test_no_sign_change_is_a_clear_error():
    with pytest.raises(AprError, match="正负"):
        comprehensive_rate([Flow(dt.date(2024, 1, 1), D(100)), Flow(dt.date(2024, 2, 1), D(5))])


def test_apr_unknown_without_schedule_warns():
    a = run(loan={"rate": None, "method": None, "term_months": None})
    assert a.rate.apr is None and a.rate.exceeds_cap is None
    assert any("无法计算综合年化利率" in w for w in a.warnings)


@settings(max_examples=60, deadline=None)
@given(rate=st.decimals(min_value=D("0.01"), max_value=D("0.48"), places=4),
       n=st.integers(min_value=2, max_value=36),
       method=st.sampled_from(["equal_installment", "equal_principal", "interest_first"]),
       principal=st.integers(min_value=1000, max_value=500000))
def test_property_generated_schedule_returns_its_own_rate(rate, n, method, principal):
    """With no fees or deductions the comprehensive rate of a monthly schedule is the nominal rate."""
    loan = loan_of(principal=str(principal), rate={"annual": str(rate)}, term_months=n, method=method)
    apr = comprehensive_rate(borrower_flows(loan, contract_schedule(loan)))
    assert abs(apr.apr - rate) < D("0.0001")
