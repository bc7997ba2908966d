"""The repayment proposal's arithmetic, worked by hand."""

from decimal import Decimal as D

from respond.debts.plan import Proposal, offered, proposal, shares


def test_shares_follow_the_lawful_totals_and_add_up_to_the_month():
    # 1,500 over 47,090.36 / 16,925.71 / 8,023.02 (sum 72,039.09): 980.5168… → 980.52, 352.4276… → 352.43,
    # 167.0555… → 167.06, together 1,500.01; the cent too many comes off the largest: 980.51
    assert shares([D("47090.36"), D("16925.71"), D("8023.02")], D("1500")) == [D("980.51"), D("352.43"), D("167.06")]
    assert sum(shares([D("1"), D("1"), D("1")], D("100"))) == D("100.00")


def test_a_share_that_covers_the_debt_is_one_payment():
    assert proposal(D("8023.02"), None) == Proposal(D("8023.02"), None, 1, D("8023.02"))
    assert proposal(D("8023.02"), D("9000")) == Proposal(D("8023.02"), None, 1, D("8023.02"))


def test_instalments_of_the_share_the_last_the_remainder():
    # 16,925.71 / 352.42 = 48.03 → 49 months: 48 × 352.42 = 16,916.16, last 9.55
    assert proposal(D("16925.71"), D("352.42")) == Proposal(D("16925.71"), D("352.42"), 49, D("9.55"))
    # exactly divisible: 12 × 100 = 1,200 → 12 months, the last a full one
    assert proposal(D("1200"), D("100")) == Proposal(D("1200.00"), D("100"), 12, D("100.00"))


def test_a_letter_never_offers_more_than_is_asked():
    assert offered(D("66593.30"), D("61604.65")) == D("61604.65")  # the bank asks less than the law allows
    assert offered(D("16925.71"), D("19160.00")) == D("16925.71")
    assert offered(D("100"), None) == D("100")
