"""checks/claims.py: the claim line by line, never conceding more than a line claims (不超出诉请)."""

from decimal import Decimal as D

from factories import DELETE, run
from respond.checks.claims import claim_lines, conceded_total
from respond.checks.report import build_report

OVER_CAP = {"loan": {"rate": {"annual": 0.36}, "fees": [{"name": "服务费", "amount": "100", "per_installment": True}]}}


def test_lines_add_up_and_never_exceed_the_claim():
    a = run(claims={"principal": "9000.00", "interest": "500.00", "penalty": "300.00", "fees": "800.00"}, **OVER_CAP)
    lines = claim_lines(a)
    for key in ("principal", "interest", "penalty", "fees"):
        line = lines[key]
        assert line.used <= line.claimed and line.diff == line.claimed - line.used
    parts = sum(lines[k].used for k in ("principal", "interest", "penalty", "fees"))
    assert lines["total"].used == min(parts, a.amounts.claimed_total)
    assert conceded_total(a) == lines["total"].used


def test_interest_goes_first_to_interest_then_to_fees():
    """The capped charges: the interest and penalty claimed take them first, fees the rest, and the
    fees never more than the contract's 12 × 100 元 (docs/rules.md §10)."""
    a = run(claims={"interest": "100.00", "penalty": DELETE, "fees": "5000.00"}, **OVER_CAP)
    lines, law = claim_lines(a), a.amounts.lawful
    assert law.basis == "cap_ledger" and law.interest + law.penalty + law.fees == law.charges
    assert lines["interest"].used == D("100.00")
    assert lines["fees"].used == min(D("1200.00"), law.charges - D("100.00"))


def test_the_cap_cuts_the_penalty_before_the_interest():
    """Interest first, then 罚息/违约金, then fees: what the answer asks to reduce (the penalty,
    the fees) is what the annex reduces (docs/rules.md §10)."""
    a = run(claims={"interest": "100.00", "penalty": "7000.00", "fees": "5000.00"}, **OVER_CAP)
    lines, law = claim_lines(a), a.amounts.lawful
    room = law.charges - D("100.00")  # what the cap leaves after the interest claimed
    assert room < law.ceilings["interest"] + law.ceilings["penalty"] - D("100.00")
    assert lines["interest"].used == D("100.00")
    assert lines["penalty"].used == room and lines["penalty"].diff == D("7000.00") - room
    assert lines["fees"].used == D("0.00") and lines["fees"].diff == D("5000.00")


def test_an_unclaimed_line_takes_nothing():
    a = run(claims={"interest": DELETE, "fees": "800.00"}, **OVER_CAP)
    lines = claim_lines(a)
    assert lines["interest"].used is None and lines["fees"].used == min(D("800.00"), a.amounts.lawful_interest)


def test_report_carries_the_lines():
    a = run(**OVER_CAP)
    report = build_report(a)
    lines = report["amounts"]["lines"]
    assert set(lines) == {"principal", "interest", "penalty", "fees", "total"}
    assert lines["total"]["conceded"] == float(claim_lines(a)["total"].used)
    # within the cap too: every case with claims has amounts (docs/rules.md §10)
    assert build_report(run())["amounts"]["lines"]["total"]["claimed"] == 9500.0
