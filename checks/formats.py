"""How figures are written in Chinese sentences (findings, answer, explanation). Pure.

Money half-up to the cent with thousands separators (``12,345.67``), rates as percentages
(``24.00%``), dates as ``2026年1月8日``. The templates re-export these (``respond.templates.numerals``).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from respond.checks.money import CENT


def _room_for(value: Decimal, places: int):
    """A decimal context precise enough to print ``value`` to ``places`` decimals (an absurd but
    valid case, a compound rate of 10^61 %, needs more than the default 28 digits)."""
    import decimal

    context = decimal.getcontext().copy()
    context.prec = max(context.prec, value.adjusted() + places + 3)
    return decimal.localcontext(context)


def money_text(amount: Decimal | int) -> str:
    """An amount in figures, half-up to the cent, with thousands separators: ``12,345.67``.

    Negative amounts (a difference in the recomputation annex) keep their sign: ``-1,000.00``.
    """
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise TypeError(f"amount must be Decimal or int, not {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount must be finite, got {value}")
    with _room_for(value, 2):
        value = value.quantize(CENT, rounding=ROUND_HALF_UP)
    if value == 0:
        value = abs(value)  # no "-0.00"
    return f"{value:,.2f}"


def pct_text(rate: Decimal | int, places: int = 2) -> str:
    """A rate given as a fraction (0.24 = 24%) as a percentage, half-up: ``24.00%``."""
    if isinstance(rate, bool) or not isinstance(rate, (Decimal, int)):
        raise TypeError(f"rate must be Decimal or int, not {type(rate).__name__}")
    if places < 0:
        raise ValueError("places must be >= 0")
    value = Decimal(rate)
    if not value.is_finite():
        raise ValueError(f"rate must be finite, got {value}")
    with _room_for(value * 100, places):
        pct = (value * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if pct == 0:
        pct = abs(pct)
    return f"{pct:.{places}f}%"


def date_text(day: dt.date) -> str:
    """A date as written in Chinese documents, without zero padding: ``2026年1月8日``."""
    if not isinstance(day, dt.date):
        raise TypeError(f"day must be a date, not {type(day).__name__}")
    return f"{day.year}年{day.month}月{day.day}日"
