"""rules.md §3: the cap, the LPR in force, the 2020 transition."""

import datetime as dt
from decimal import Decimal as D

import pytest

from factories import run
from respond.checks.caps import private_cap
from respond.checks.lpr import lpr_table, package_table, parse_lpr_csv

T = package_table()


def test_lpr_in_force_is_latest_fixing_on_or_before_the_day():
    assert T.in_force(dt.date(2024, 10, 20)).rate == D("0.0335")
    assert T.in_force(dt.date(2024, 10, 21)).rate == D("0.031")


def test_private_cap_2024_10_20_is_13_40():
    """民间借贷规定第25条: 4 × the LPR in force on the contract date (3.35% → 13.40%)."""
    cap = private_cap(dt.date(2024, 10, 20), None, T)
    assert (cap.basis, cap.rate) == ("lpr4_contract", D("0.1340"))


def test_private_cap_2024_10_21_is_12_40():
    cap = private_cap(dt.date(2024, 10, 21), None, T)
    assert cap.rate == D("0.124")


def test_transition_2019_contract_filed_2022():
    """第31条: 24% to 2020-08-19, then 4 × LPR on the filing date (2022-06-15: 3.70% → 14.8%)."""
    cap = private_cap(dt.date(2019, 12, 1), dt.date(2022, 6, 15), T)
    assert cap.basis == "transition_2020"
    assert cap.rate_on(dt.date(2020, 8, 19)) == D("0.24")
    assert cap.rate_on(dt.date(2020, 8, 20)) == D("0.148")
    assert cap.after_2020_08_20 == D("0.148")


def test_transition_without_filing_date_is_unknown_not_guessed():
    cap = private_cap(dt.date(2019, 12, 1), None, T)
    assert cap.after_2020_08_20 is None and not cap.complete
    assert any("court.filed_on" in w for w in cap.warnings)


def test_financial_lender_cap_is_24():
    a = run()
    assert (a.rate.cap.basis, a.rate.cap.rate) == ("fin_24", D("0.24"))


def test_day_past_last_fixing_warns():
    """lpr.csv ends 2026-09-20; a contract on 2026-11-01 is more than 31 days later → warning."""
    fix = T.in_force(dt.date(2026, 11, 1))
    assert fix.stale and fix.rate == D("0.03")
    a = run(plaintiff={"name": "李四"}, court={"filed_on": "2026-11-10"}, service={"date": "2026-11-12"},
            claims={"as_of": "2026-11-10"}, loan={"contract_date": "2026-11-01"})
    assert any("LPR" in w and "超过 31 天" in w for w in a.warnings)


def test_user_can_add_newer_fixings():
    table = lpr_table("publish_date,lpr_1y\n2026-10-20,2.90\n")
    assert table.in_force(dt.date(2026, 11, 1)).rate == D("0.029")
    assert not table.in_force(dt.date(2026, 11, 1)).stale


@pytest.mark.parametrize("text", ["2026-10-20;2.9", "2026-13-20,2.9", "2026-10-20,29", "2018-01-01,4.35",
                                  # issue 16's campaign: NaN crashed; "3,0" (a decimal comma) and 0.03 (a
                                  # fraction for a percent) were read as 3 % and 0.03 %
                                  "2026-10-20,NaN", "2026-10-20,Infinity", "2026-10-20,3,0", "2026-10-20,0.03",
                                  "2026-10-20,3.0,3.5,4"])
def test_bad_lpr_file_rejected(text):
    with pytest.raises(ValueError, match="LPR"):
        parse_lpr_csv(text)


def test_consumer_finance_2018_alternative_transition():
    """rules.md §3: consumer finance, signed 2018-01-06, filed 2020-09-15 → alternative 24% then 15.4%."""
    a = run(plaintiff={"name": "招联消费金融股份有限公司"}, court={"filed_on": "2020-09-15"},
            service={"date": "2020-10-10"}, claims={"as_of": "2020-09-15", "principal": "8000", "interest": "3000"},
            loan={"contract_date": "2018-01-06", "rate": {"annual": 0.2}, "overdue_rate": {"annual": 0.3},
                  "term_months": 24, "fees": [{"name": "服务费", "amount": "40", "per_installment": True}],
                  "payments": [{"date": "2018-02-06", "amount": "548.92"}]})
    # the contract's 30% overdue rate is cut to the cap, so the 24% ledger binds; the private caps
    # (15.4% from 2020-08-20) give less again
    assert a.lender.regime == "financial" and a.rate.cap.basis == "fin_24"
    assert a.amounts.lawful.basis == "cap_ledger"
    alt = a.alternative
    assert alt is not None and alt.kind == "private_caps"
    assert alt.cap.basis == "transition_2020"
    assert (alt.cap.rate, alt.cap.after_2020_08_20) == (D("0.24"), D("0.154"))
    assert alt.lawful_total < a.amounts.lawful_total
