"""docs/rules.md §9–§11: what the contract allows, the charges against the cap, the 2015 rules.

Every expected figure is worked out by hand in the comment beside it.
"""

from decimal import Decimal as D

from factories import DELETE, codes, merge, run

# A bank loan of 10,000 on 2025-01-01, one repayment after 90 days (due 2025-04-01), 7.2% a year
# (daily 0.0002): interest 10000 × 0.0002 × 90 = 180.00; APR = 180/10000 × 360/90 = 7.2% (within 24%).
# Claims run to 2025-05-01: 30 days overdue (2025-04-02 … 2025-05-01).
BULLET = dict(
    court={"filed_on": "2025-05-10"}, service={"date": "2025-05-20"}, today="2025-05-25",
    claims={"as_of": "2025-05-01", "principal": "10000.00", "interest": "180.00", "penalty": "300.00"},
    loan={"contract_date": "2025-01-01", "principal": "10000.00", "rate": {"annual": 0.072},
          "overdue_rate": {"annual": 0.36}, "method": "bullet", "term_days": 90, "term_months": None},
)


def test_overdue_interest_runs_on_overdue_principal_at_the_agreed_rate():
    e = run(**BULLET).amounts.contract
    # 10000 × (0.36 / 360) × 30 days = 300.00
    assert (e.principal, e.interest, e.overdue_interest, e.compound) == (D("10000.00"), D("180.00"), D("300.00"), D("0.00"))


def test_penalties_above_the_cap_are_cut_although_the_rate_is_within_it():
    a = run(**BULLET)
    assert a.rate.exceeds_cap is False and "CHARGES_ABOVE_CAP" in codes(a)
    law = a.amounts.lawful
    # allowance: 10000 × 0.24 × 30 / 360 = 200.00; the cap ledger (24% on 10000 for 120 days = 800) does not bind
    assert law.allowance == D("200.00") and law.basis == "contract"
    assert (law.principal, law.interest, law.penalty, law.total) == (D("10000.00"), D("180.00"), D("200.00"), D("10380.00"))
    finding = next(f for f in a.findings if f.code == "CHARGES_ABOVE_CAP")
    assert "200.00" in finding.argument and "100.00" in finding.argument  # 300 − 200


def test_penalties_within_the_cap_are_not_a_finding():
    a = run(**merge(BULLET, {"loan": {"overdue_rate": {"annual": 0.18}}, "claims": {"penalty": "150.00"}}))
    # 10000 × 0.18/360 × 30 = 150.00 ≤ 200.00
    assert "CHARGES_ABOVE_CAP" not in codes(a) and "CLAIM_ABOVE_CONTRACT" not in codes(a)
    assert a.amounts.lawful.penalty == D("150.00")


def test_a_penalty_clause_counts_with_overdue_interest():
    # 18% overdue interest (150.00) + 违约金 at 0.05% a day on overdue principal: 10000 × 0.0005 × 30 = 150.00
    a = run(**{**BULLET, "loan": {**BULLET["loan"], "overdue_rate": {"annual": 0.18},
                                  "penalty": {"rate": {"daily": 0.0005}, "base": "overdue_principal"}}})
    e = a.amounts.contract
    assert (e.overdue_interest, e.penalty_clause, e.penalty) == (D("150.00"), D("150.00"), D("300.00"))
    assert a.amounts.lawful.penalty == D("200.00")  # together held to the allowance


def test_a_fixed_penalty_falls_due_once_on_the_first_day_of_default():
    a = run(**{**BULLET, "loan": {**BULLET["loan"], "penalty": {"amount": "50.00"}}})
    assert a.amounts.contract.penalty_clause == D("50.00")


def test_claim_above_the_contract_names_the_line():
    # contract: interest 180 + overdue interest at 18% 150 = 330; claimed 180 + 400 = 580 → 250 more
    a = run(**merge(BULLET, {"loan": {"overdue_rate": {"annual": 0.18}}, "claims": {"penalty": "400.00"}}))
    f = next(f for f in a.findings if f.code == "CLAIM_ABOVE_CONTRACT")
    assert f.evidence["lines"]["interest"] == {"claimed": 580.0, "contract": 330.0}
    assert "250.00" in f.argument


def test_a_payment_after_the_claim_date_is_credited_charges_first():
    # lawful at 2025-05-01: 10000 + 180 + 200 = 10380; 500 paid on 2025-05-10: interest 180, penalty 200, principal 120
    a = run(**merge(BULLET, {"loan": {"payments": [{"date": "2025-05-10", "amount": "500.00"}]}}))
    law = a.amounts.lawful
    assert (law.principal, law.interest, law.penalty, law.total) == (D("9880.00"), D("0.00"), D("0.00"), D("9880.00"))
    assert any("2025-05-10 500.00 元" in w for w in a.warnings)


def test_acceleration_brings_principal_forward_with_interest_to_that_day():
    # 3,000 on 2025-01-10, 等额本金 over 3 months at 1% a month: interest 30 / 20 / 10 due 02-10, 03-10, 04-10.
    # Accelerated on 2025-02-25, claims to 2025-03-02, nothing paid, overdue rate 0.05% a day.
    a = run(court={"filed_on": "2025-03-05"}, service={"date": "2025-03-10"}, today="2025-03-12",
            claims={"as_of": "2025-03-02", "principal": "3000.00", "interest": "40.71", "penalty": "15.00", "accelerate": True},
            loan={"contract_date": "2025-01-10", "principal": "3000.00", "rate": {"monthly": 0.01}, "term_months": 3,
                  "method": "equal_principal", "overdue_rate": {"daily": 0.0005}, "accelerated_on": "2025-02-25"})
    e = a.amounts.contract
    # interest: 30 (first instalment) + 20 × 15/28 days of the second period = 30 + 10.71 = 40.71; April's 10 never due
    # overdue: 1000 × 0.0005 × 20 days (02-11 … 03-02) = 10.00; 2000 × 0.0005 × 5 days (02-26 … 03-02) = 5.00
    assert (e.principal, e.interest, e.overdue_interest) == (D("3000.00"), D("40.71"), D("15.00"))
    assert "CLAIM_ABOVE_CONTRACT" not in codes(a)


def test_an_interest_free_private_loan_bears_one_lpr_once_overdue():
    # 10,000 from an individual on 2025-01-01, no interest, due after 30 days (2025-01-31); to 2025-03-02 = 30 days
    # overdue. 第28条第2款第(一)项: 1 × the LPR in force (3.10%): 10000 × 0.031 × 30/360 = 25.83
    a = run(plaintiff={"name": "李四", "kind": "individual"}, court={"filed_on": "2025-03-05"}, service={"date": "2025-03-10"},
            today="2025-03-12", claims={"as_of": "2025-03-02", "principal": "10000.00", "interest": DELETE, "penalty": "200.00"},
            loan={"contract_date": "2025-01-01", "principal": "10000.00", "rate": {"annual": 0}, "method": "bullet",
                  "term_days": 30, "term_months": None})
    e = a.amounts.contract
    assert e.overdue_rate.source == "lpr_1x" and e.overdue_interest == D("25.83")
    # the cap: 4 × 3.10% = 12.40%: 10000 × 0.124 × 30/360 = 103.33, and 200 claimed is above both
    assert a.amounts.lawful.allowance == D("103.33")
    assert {"CLAIM_ABOVE_CONTRACT", "CHARGES_ABOVE_CAP"} <= set(codes(a))
    assert a.amounts.lawful.penalty == D("25.83")


# 2015 rules: 100,000 from an individual on 2018-01-01 at 3% a month, one repayment after 360 days;
# filed 2019-06-01 (before 2020-08-20). 181 days to 2018-07-01.
RULES_2015 = dict(
    plaintiff={"name": "李四", "kind": "individual"}, court={"filed_on": "2019-06-01"}, service={"date": "2019-06-10"},
    today="2019-06-12", claims={"as_of": "2019-06-01", "principal": "100000.00", "interest": "50000.00"},
    loan={"contract_date": "2018-01-01", "principal": "100000.00", "rate": {"monthly": 0.03}, "method": "bullet",
          "term_days": 360, "term_months": None},
)


def test_2015_rules_keep_interest_paid_between_24_and_36_percent():
    # 24%: 100000 × 0.24 × 181/360 = 12066.67; the 24–36% band: 100000 × 0.12 × 181/360 = 6033.33.
    # 18,000 paid on 2018-07-01: 12066.67 to interest, 5933.33 to the band (kept, not returned), none to principal.
    # Then 335 days to 2019-06-01 at 24%: 100000 × 0.24 × 335/360 = 22333.33.
    a = run(**merge(RULES_2015, {"loan": {"payments": [{"date": "2018-07-01", "amount": "18000.00"}]}}))
    assert a.rate.cap.basis == "rules_2015"
    law = a.amounts.lawful
    assert (law.principal, law.charges) == (D("100000.00"), D("22333.33"))


def test_2015_rules_return_interest_paid_above_36_percent():
    # 19,000 paid: 12066.67 + 6033.33 = 18100.00 to interest; 900.00 above 36% goes to principal → 99,100.00
    a = run(**merge(RULES_2015, {"loan": {"payments": [{"date": "2018-07-01", "amount": "19000.00"}]}}))
    assert a.amounts.lawful_principal == D("99100.00")


def test_a_case_filed_after_2020_08_20_is_not_under_the_2015_rules():
    a = run(**{**RULES_2015, "court": {"filed_on": "2021-06-01"}, "service": {"date": "2021-06-10"}, "today": "2021-06-12"})
    assert a.rate.cap.basis == "transition_2020"


def test_a_professional_lender_gets_the_void_contract_computation():
    a = run(plaintiff={"name": "李四", "kind": "individual"},
            loan={"professional_lending": {"other_lawsuits": 12, "advertised": True}})
    assert "PROFESSIONAL_LENDER" in codes(a) and a.alternative is not None and a.alternative.kind == "void_contract"
    f = next(f for f in a.findings if f.code == "PROFESSIONAL_LENDER")
    assert "另有 12 起借贷诉讼" in f.argument


# Rollover: 10,000 lent by an individual on 2024-01-01; on 2025-01-01 a new IOU for 13,000 (3,000 interest
# folded in). Cap for a contract of 2024-01-01: 4 × 3.45% = 13.80%.
ROLLOVER = dict(
    plaintiff={"name": "李四", "kind": "individual"}, court={"filed_on": "2025-07-01"}, service={"date": "2025-07-10"},
    today="2025-07-12", claims={"as_of": "2025-07-01", "principal": "13000.00", "interest": "600.00"},
    loan={"contract_date": "2025-01-01", "principal": "13000.00", "rate": {"annual": 0.12}, "method": "bullet",
          "term_days": 181, "term_months": None,
          "rollover": {"original_date": "2024-01-01", "original_principal": "10000.00", "folded_interest": "3000.00"}},
)


def test_rollover_interest_above_the_cap_is_not_principal():
    a = run(**ROLLOVER)
    r = a.rollover
    # 10000 × 0.138 × 366 days (2024 is a leap year) / 360 = 1403.00
    assert r.cap.rate == D("0.138") and r.allowed_interest == D("1403.00")
    assert r.principal_in_law == D("11403.00") and r.excess == D("1597.00")
    assert "ROLLOVER_INTEREST" in codes(a)
    # the whole period is held to the original principal at 13.80%: 10000 × 0.138 × 547/360 = 2096.83 → 12096.83
    assert a.amounts.cap_ledger.lawful_total == D("12096.83")
    assert a.amounts.lawful_total <= D("12096.83")


def test_rollover_within_the_cap_is_not_a_finding():
    a = run(**merge(ROLLOVER, {"loan": {"principal": "11000.00",
                                        "rollover": {"original_principal": "10000.00", "folded_interest": "1000.00"}},
                               "claims": {"principal": "11000.00"}}))
    assert "ROLLOVER_INTEREST" not in codes(a) and a.rollover.principal_in_law == D("11000.00")


def test_an_unknown_overdue_rate_leaves_the_penalty_to_the_cap():
    # a given schedule and no rate: the contract's overdue interest is unknown, so the penalty is held
    # only to the allowance (200.00, as in BULLET), not cut to nothing
    a = run(**merge(BULLET, {"loan": {"rate": None, "overdue_rate": None, "method": None, "term_days": None,
                                      "schedule": [{"due": "2025-04-01", "principal": "10000.00", "interest": "180.00"}]}}))
    assert a.amounts.contract.overdue_rate.source == "unknown"
    assert a.amounts.lawful.penalty == D("200.00") and "CLAIM_ABOVE_CONTRACT" not in codes(a)


def test_fees_the_file_does_not_show_in_the_contract_are_not_conceded_and_say_so():
    a = run(**merge(BULLET, {"claims": {"fees": "300.00"}}))
    from respond.checks.claims import claim_lines
    assert claim_lines(a)["fees"].used == D("0.00")
    assert any("没有列出合同约定的费用" in w for w in a.warnings)


def test_a_void_contract_before_the_first_lpr_uses_the_benchmark_for_its_term():
    """data/pboc_benchmark.csv: on 2014-08-01 the 2012-07-06 rates are in force — 6.00% for six months
    to a year, 6.15% for one to three years."""
    import datetime as dt

    from respond.checks.caps import void_contract_cap
    from respond.checks.lpr import package_table
    one_year = void_contract_cap(dt.date(2014, 8, 1), package_table(), 12)
    three_years = void_contract_cap(dt.date(2014, 8, 1), package_table(), 36)
    assert (one_year.rate, three_years.rate) == (D("0.0600"), D("0.0615"))
    # from 2015-10-24 to the LPR reform: 4.35% up to a year
    assert void_contract_cap(dt.date(2019, 1, 1), package_table(), 12).rate == D("0.0435")
    a = run(plaintiff={"name": "李四", "kind": "individual"}, court={"filed_on": "2019-12-01"},
            service={"date": "2019-12-10"}, today="2019-12-12", claims={"as_of": "2019-12-01"},
            loan={"contract_date": "2014-08-01", "method": "bullet", "term_months": 12, "rate": {"monthly": 0.02},
                  "professional_lending": {"other_lawsuits": 35}})
    f = next(f for f in a.findings if f.code == "PROFESSIONAL_LENDER")
    assert a.alternative.cap.rate == D("0.0600") and "中国人民银行同期贷款基准利率（6.00%）" in f.argument


def test_almost_nothing_received_is_analysed_not_a_crash():
    # 9,999 of 10,000 taken at disbursement: an astronomically high compound rate must still print
    a = run(loan={"upfront_deductions": [{"name": "服务费", "amount": "9999"}]})
    assert a.rate.received == D("1.00") and "RATE_ABOVE_CAP" in codes(a)
