"""What is lawfully owed: the recomputation under the cap (rules.md §6).

The loan is restated as a court would: principal is the money actually received (民法典第670条);
simple interest accrues on unpaid principal only, day by day at the cap in force that day ÷ 360
(or 365); each payment goes first to accrued interest, then (under the 2015 rules only) to the
interest between 24% and 36% that the borrower may not reclaim, then to principal (民法典第561条: fees and
penalties sit inside the cap, so they take no share of their own); once principal reaches zero the
rest is overpaid (多付). Inside the ledger each step's interest is kept to 10 decimal places (so every
sum is exact and the ledger balances to the last digit); figures are rounded half-up to the cent
only at the edges, so a row's printed figures may differ from a hand sum by a cent; the totals do not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from respond.checks.caps import Cap
from respond.checks.money import ZERO, cents, precise

INSIDE = Decimal("1E-10")  # the ledger's internal precision: far below a cent, and exact to add


@dataclass(frozen=True)
class Payment:
    date: dt.date
    amount: Decimal


@dataclass(frozen=True)
class LedgerRow:
    """One step: interest accrued over ``days`` ending on ``date``, then the payment of that day."""

    date: dt.date
    kind: str  # "disbursement" | "rate_change" | "payment" | "stop"
    days: int
    rate: Decimal
    interest: Decimal  # accrued in this step (exact)
    payment: Decimal
    to_interest: Decimal
    to_principal: Decimal
    overpaid: Decimal  # the part of this payment beyond all that was owed
    principal: Decimal  # balance after the step
    interest_due: Decimal  # accrued and unpaid after the step
    to_tolerated: Decimal = Decimal("0")  # rules_2015: the part paid as interest between 24% and 36%


@dataclass(frozen=True)
class Ledger:
    rows: tuple[LedgerRow, ...]
    received: Decimal
    day_basis: int
    stop: dt.date

    @property
    def lawful_principal(self) -> Decimal:
        return cents(self.rows[-1].principal)

    @property
    def lawful_interest(self) -> Decimal:
        return cents(self.rows[-1].interest_due)

    @property
    def lawful_total(self) -> Decimal:
        """The sum of the two printed figures (rules.md §6 "their sum"): principal and interest
        rounded first, so that the documents add up to the cent when a judge adds them by hand."""
        return self.lawful_principal + self.lawful_interest

    @property
    def overpaid(self) -> Decimal:
        return cents(sum((r.overpaid for r in self.rows), ZERO))

    @property
    def interest_accrued(self) -> Decimal:
        return sum((r.interest for r in self.rows), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((r.payment for r in self.rows), ZERO)


def _accrue(principal: Decimal, rate: Decimal, last: dt.date, until: dt.date, basis: int) -> Decimal:
    """Interest on ``principal`` for each day d with last < d ≤ until (one rate: the caller splits)."""
    days = (until - last).days
    if days <= 0 or principal <= 0:
        return ZERO
    with precise():
        return (principal * rate * days / basis).quantize(INSIDE, rounding=ROUND_HALF_UP)


def recompute(*, received: Decimal, start: dt.date, payments: list[Payment], cap: Cap,
              stop: dt.date, day_basis: int = 360, start_kind: str = "disbursement") -> Ledger:
    """Run the ledger from ``start`` (principal = ``received``) to ``stop``, accruing to that day.

    Payments after ``stop`` are not part of the ledger (the caller warns about them).
    ``start_kind`` names the first row: ``disbursement``, or ``default`` for a credit card's
    overdraft principal on the day it fell into default (checks/card_suit.py).
    """
    if day_basis not in (360, 365):
        raise ValueError("day_basis must be 360 or 365")
    principal, interest_due, band_due = received, ZERO, ZERO
    rows = [LedgerRow(start, start_kind, 0, cap.rate_on(start), ZERO, ZERO, ZERO, ZERO, ZERO, principal, ZERO)]
    events: list[tuple[dt.date, int, Decimal]] = [(p.date, 1, p.amount) for p in payments if start <= p.date <= stop]
    events += [(d - dt.timedelta(days=1), 0, ZERO) for d in cap.change_days() if start < d <= stop]
    events.append((stop, 2, ZERO))
    last = start
    for day, order, amount in sorted(events, key=lambda e: (e[0], e[1])):
        kind = ("rate_change", "payment", "stop")[order]
        if kind == "stop" and day == last and len(rows) > 1:
            break
        days = (day - last).days
        accrued = _accrue(principal, cap.rate_on(day), last, day, day_basis)
        if cap.tolerated is not None:  # the 2015 band: kept when paid, never owed
            band_due += _accrue(principal, cap.tolerated - cap.rate_on(day), last, day, day_basis)
        interest_due += accrued
        to_interest = min(amount, interest_due)
        to_band = min(amount - to_interest, band_due)
        to_principal = min(amount - to_interest - to_band, principal)
        over = amount - to_interest - to_band - to_principal
        interest_due -= to_interest
        band_due -= to_band
        principal -= to_principal
        rows.append(LedgerRow(day, kind, days, cap.rate_on(day) if days else rows[-1].rate, accrued,
                              amount, to_interest, to_principal, over, principal, interest_due, to_band))
        last = day
    return Ledger(tuple(rows), received, day_basis, stop)
