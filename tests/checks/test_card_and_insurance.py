"""信用卡纠纷 and 保证保险合同纠纷 (issue 15 part 2): which form, the card's ceiling from the day
of default, the positions. Expected figures are worked by hand in the comments."""

from decimal import Decimal

import pytest

from factories import case_dict, merge, run
from respond.case.load import CaseFileError, parse_case
from respond.checks.positions import AGREE, NONE, OBJECT, VERIFY

CARD = dict(case_cause="信用卡纠纷", claims={"principal": "9000.00", "interest": "500.00", "penalty": "1000.00"},
            card={"overdue_since": "2026-03-15", "overdue_principal": "9000.00"})


def _card(**over):
    return run(**merge(CARD, over))


# -- which form ----------------------------------------------------------------------------------

@pytest.mark.parametrize("over, cause, form", [
    (dict(case_cause="信用卡纠纷"), "信用卡纠纷", "credit_card"),
    (dict(card={"overdue_since": "2026-03-15"}), "信用卡纠纷", "credit_card"),  # no cause: the card decides
    (dict(plaintiff={"name": "某某财产保险股份有限公司"}, loan={"lender": "某某银行股份有限公司"}),
     "保证保险合同纠纷", "guarantee_insurance"),
    (dict(plaintiff={"name": "平安普惠融资担保有限公司"}, loan={"lender": "平安消费金融有限公司"}),
     "追偿权纠纷", "financial"),  # no model form for 追偿权纠纷: the loan's own
    (dict(), "金融借款合同纠纷", "financial"),
])
def test_cause_and_form(over, cause, form):
    a = run(**over)
    assert (a.lender.case_cause, a.lender.form) == (cause, form)


# -- the ceiling from the day of default -----------------------------------------------------------

def test_real_judgment_card_01_reproduced():
    """(2022)鄂0581民初944号: 4,998.06 × 24% × 1,284 days / 365 = 4,219.73; total 9,217.79."""
    a = run(today="2022-04-25", day_basis=365, case_cause="信用卡纠纷",
            court={"filed_on": "2022-04-13"}, service={"date": "2022-04-20"},
            claims={"as_of": "2022-04-13", "principal": "4998.06", "interest": "3303.86", "penalty": "3001.87",
                    "fees": "60.00"},
            loan={"contract_date": "2018-02-28", "principal": "4998.06", "rate": {"daily": 0.0005}},
            card={"overdue_since": "2018-10-07", "overdue_principal": "4998.06"})
    assert a.amounts.lawful_interest == Decimal("4219.73")
    assert a.amounts.lawful_total == Decimal("9217.79")
    assert a.lines["total"].diff == Decimal("2146.00")


def test_payments_since_default_go_to_the_capped_charges_first():
    """9,000 from 2026-03-15. To 06-15 (92 days): 9,000 × 24% × 92 / 360 = 552.00; the 1,000 paid
    clears it and 448.00 of principal → 8,552.00. To 09-30 (107 days): 8,552 × 24% × 107 / 360 =
    610.04. So principal at most 8,552.00 (claimed 9,000: 448.00 too much)."""
    a = _card(loan={"payments": [{"date": "2026-06-15", "amount": "1000.00"}]})
    assert (a.card.ledger.lawful_principal, a.card.ledger.lawful_interest) == (Decimal("8552.00"), Decimal("610.04"))
    principal = a.positions.claims["principal"]
    assert principal.stance == OBJECT
    assert principal.parts[1].values["figure"] == Decimal("8552.00")
    assert principal.parts[1].values["diff"] == Decimal("448.00")


def test_charges_above_the_ceiling_are_objected_to_and_within_it_left_to_check():
    # ceiling 9,000 × 24% × 199 / 360 = 1,194.00; claimed 500 + 1,000 = 1,500
    above = _card()
    assert "CARD_CHARGES_ABOVE_CAP" in [f.code for f in above.findings]
    assert above.positions.claims["interest"].stance == OBJECT
    assert above.lines["total"].used == Decimal("10194.00")
    assert above.positions.claims["total"].stance == OBJECT
    within = _card(claims={"penalty": "600.00"})  # 1,100 ≤ 1,194
    assert "CARD_CHARGES_ABOVE_CAP" not in [f.code for f in within.findings]
    assert within.positions.claims["interest"].stance == VERIFY
    assert within.positions.claims["principal"].stance == VERIFY  # no payments in the file: unknown, not zero
    # payments listed (one before default): the claim is not above the principal on the day of default
    listed = _card(claims={"penalty": "600.00"}, loan={"payments": [{"date": "2026-02-15", "amount": "300.00"}]})
    assert listed.positions.claims["principal"].stance == AGREE


def test_principal_from_the_claim_is_never_confirmed():
    a = _card(card={"overdue_principal": None}, loan={"payments": [{"date": "2026-06-15", "amount": "1000.00"}]})
    assert a.card.base_from_claim and a.card.base == Decimal("9000.00")
    assert a.positions.claims["principal"].stance == VERIFY
    assert any("card.overdue_principal" in w for w in a.warnings)


def test_no_default_day_no_figure():
    a = _card(card={"overdue_since": None})
    assert a.card is None and a.lines is None
    assert a.positions.claims["interest"].stance == VERIFY
    assert any("card.overdue_since" in w for w in a.warnings)


def test_card_form_items_and_no_acceleration_item():
    a = _card()
    assert list(a.positions.claims) == ["principal", "interest", "security_claim", "enforcement_costs",
                                        "other_claims", "total"]
    assert a.positions.claims["security_claim"].stance == NONE
    assert "bankcard_2_2" in a.positions.basis


@pytest.mark.parametrize("over, path", [
    (dict(card={"overdue_since": "2024-01-01"}), "card.overdue_since"),  # before the card agreement
    (dict(card={"overdue_since": "2026-10-05"}), "card.overdue_since"),  # after claims.as_of
    (dict(recourse={"paid_on": "2026-10-20"}), "recourse.paid_on"),  # after filing
    (dict(recourse={"amount": "0"}), "recourse.amount"),
])
def test_contradictory_dates_are_refused_naming_the_field(over, path):
    with pytest.raises(CaseFileError) as info:
        parse_case(case_dict(**over))
    assert path in str(info.value)


# -- 保证保险 ----------------------------------------------------------------------------------------

INSURER = dict(case_cause="保证保险合同纠纷", plaintiff={"name": "某某财产保险股份有限公司"},
               loan={"lender": "某某银行股份有限公司"})


def test_payout_above_what_was_paid_is_objected_to():
    a = run(**INSURER, recourse={"paid_on": "2026-06-01", "amount": "8500.00"})  # claims principal 9,000
    p = a.positions.claims["principal"]
    assert p.stance == OBJECT and p.parts[1].key == "insurance.payout_above"
    assert p.parts[1].values["diff"] == Decimal("500.00")
    assert "insurance_60" in a.positions.basis


def test_payout_within_what_was_paid_is_left_to_check_and_unknown_payment_objected():
    within = run(**INSURER, recourse={"paid_on": "2026-06-01", "amount": "9000.00"})
    assert within.positions.claims["principal"].stance == VERIFY
    assert within.positions.facts["claim_payment"].stance == VERIFY
    unknown = run(**INSURER)
    assert unknown.positions.claims["principal"].stance == OBJECT
    assert unknown.positions.facts["claim_payment"].stance == OBJECT


def test_guarantor_claiming_more_than_it_paid():
    a = run(plaintiff={"name": "平安普惠融资担保有限公司"}, loan={"lender": "平安消费金融有限公司"},
            recourse={"paid_on": "2026-06-01", "amount": "8000.00"})
    keys = [p.key for p in a.positions.claims["principal"].parts]
    assert "recourse.paid_above" in keys and "mfd_700" in a.positions.basis
    b = run(plaintiff={"name": "平安普惠融资担保有限公司"}, loan={"lender": "平安消费金融有限公司"},
            recourse={"paid_on": "2026-06-01", "amount": "9000.00"})
    assert "recourse.paid_above" not in [p.key for p in b.positions.claims["principal"].parts]
