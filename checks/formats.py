"""How figures are written in Chinese sentences (findings, answer, explanation). Pure."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from respond.checks.money import cents


def money_text(x: Decimal) -> str:
    """12,345.67 — how amounts are written in the answer's sentences."""
    return f"{cents(x):,.2f}"


def pct_text(rate: Decimal, places: int = 2) -> str:
    """0.128038 → 12.80%."""
    q = Decimal(1).scaleb(-places)
    return f"{(rate * 100).quantize(q, rounding=ROUND_HALF_UP)}%"


def date_text(day: dt.date) -> str:
    """2026-11-18 → 2026年11月18日."""
    return f"{day.year}年{day.month}月{day.day}日"
