"""checks/claims.py: the claim line by line, never conceding more than a line claims (不超出诉请)."""

from decimal import Decimal as D

from factories import DELETE, run
from respond.checks.claims import claim_lines, conceded_total
from respond.checks.report import build_report

OVER_CAP = {"loan": {"rate": {"annual": 0.36}}}


def test_lines_add_up_and_never_exceed_the_claim():
    a = run(claims={"principal": "9000.00", "interest": "500.00", "penalty": "300.00", "fees": "800.00"}, **OVER_CAP)
    lines = claim_lines(a)
    for key in ("principal", "interest", "fees"):
        line = lines[key]
        assert line.used <= line.claimed and line.diff == line.claimed - line.used
    parts = sum(lines[k].used for k in ("principal", "interest", "fees"))
    assert lines["total"].used == min(parts, a.amounts.claimed_total)
    assert conceded_total(a) == lines["total"].used


def test_interest_goes_first_to_interest_then_to_fees():
    """The capped interest pool: the interest and penalty claimed take it first, fees the rest."""
    a = run(claims={"interest": "100.00", "penalty": DELETE, "fees": "5000.00"}, **OVER_CAP)
    lines = claim_lines(a)
    pool = a.amounts.lawful_interest
    assert lines["interest"].used == D("100.00")
    assert lines["fees"].used == min(D("5000.00"), pool - D("100.00"))


def test_an_unclaimed_line_takes_nothing():
    a = run(claims={"interest": DELETE, "fees": "800.00"}, **OVER_CAP)
    lines = claim_lines(a)
    assert lines["interest"].used is None and lines["fees"].used == min(D("800.00"), a.amounts.lawful_interest)


def test_report_carries_the_lines():
    a = run(**OVER_CAP)
    report = build_report(a)
    lines = report["amounts"]["lines"]
    assert set(lines) == {"principal", "interest", "fees", "total"}
    assert lines["total"]["conceded"] == float(claim_lines(a)["total"].used)
    assert build_report(run())["amounts"] is None  # within the cap, nothing deducted: no amounts (report.md)
