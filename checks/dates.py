"""Calendar arithmetic on ``datetime.date`` (pure).

Months follow 民法典第202条: the corresponding day of the target month, or its last day when that
day does not exist (2024-01-31 + 1 month = 2024-02-29).
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when that day does not exist."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(d.day, last))


def add_years(d: dt.date, years: int) -> dt.date:
    return add_months(d, 12 * years)


def whole_months_between(start: dt.date, end: dt.date) -> int | None:
    """k ≥ 0 with ``add_months(start, k) == end``, or None when ``end`` is not such a date."""
    k = (end.year - start.year) * 12 + (end.month - start.month)
    for candidate in (k, k - 1, k + 1):
        if candidate >= 0 and add_months(start, candidate) == end:
            return candidate
    return None
