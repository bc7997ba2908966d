"""Money and rate rounding: ``Decimal`` throughout, half-up to the cent at the edges."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
RATE_PLACES = Decimal("0.000001")


def cents(x: Decimal) -> Decimal:
    """Round half-up to the cent."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def rate6(x: Decimal) -> Decimal:
    """Rates in the report: 6 decimal places, half-up (with enough digits for an absurd rate, e.g.
    the compound rate of a loan of which almost nothing reached the borrower)."""
    with localcontext(prec=max(28, x.adjusted() + 10)):
        return x.quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def precise():
    """A context with enough digits that intermediate values are exact to far below a cent."""
    return localcontext(prec=40)

