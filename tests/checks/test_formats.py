"""checks/formats.py: amounts and rates as printed, half-up; an absurd but valid figure prints."""

from decimal import Decimal as D

from respond.checks.formats import money_text, pct_text


def test_half_up_to_the_cent_and_the_hundredth_of_a_percent():
    assert money_text(D("1234.565")) == "1,234.57" and money_text(D("-0.001")) == "0.00"
    assert pct_text(D("0.240049")) == "24.00%" and pct_text(D("0.240050")) == "24.01%"


def test_a_figure_beyond_28_digits_prints_instead_of_failing():
    """A principal of 13,912,345,678 received as 9,500 compounds to ~3.4 × 10^61 a year (found by
    the campaign's batch-sheet probes): the default 28-digit context cannot quantize it."""
    rate = D("3.431268668742525358944480780328874917677E+61")
    assert pct_text(rate).startswith("343126866874252535894448078032887491767700000000000000000000000")
    assert pct_text(rate).endswith(".00%")
    assert money_text(D("1E+40")) == "10,000,000,000,000,000,000,000,000,000,000,000,000,000.00"
