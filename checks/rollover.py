"""Rollover IOUs (利滚利): interest folded into the principal of a new IOU (民间借贷规定第27条;
docs/rules.md §14).

The new IOU's principal counts in law only up to the original principal plus the interest that the
cap allowed on it over the earlier period (from the first loan to the new IOU), at the cap in force
for a contract made on the first loan's date. Over the whole period the borrower owes at most the
original principal plus interest at that cap (第27条第2款): the cap ledger therefore starts at
the first loan, on the original principal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from respond.case.model import Rollover
from respond.checks.caps import Cap
from respond.checks.money import ZERO, cents, precise


@dataclass(frozen=True)
class RolloverResult:
    original_date: dt.date
    original_principal: Decimal
    folded_interest: Decimal
    allowed_interest: Decimal  # the cap's interest on the original principal over the earlier period
    cap: Cap  # the cap of a contract made on the original date

    @property
    def principal_in_law(self) -> Decimal:
        return self.original_principal + min(self.folded_interest, self.allowed_interest)

    @property
    def excess(self) -> Decimal:
        return max(self.folded_interest - self.allowed_interest, ZERO)


def rollover_principal(rollover: Rollover, new_date: dt.date, cap: Cap, day_basis: int) -> RolloverResult:
    """``cap`` is the cap for a contract made on ``rollover.original_date`` (with its day split)."""
    total = ZERO
    cuts = [rollover.original_date] + [d - dt.timedelta(days=1) for d in cap.change_days()
                                        if rollover.original_date < d - dt.timedelta(days=1) < new_date] + [new_date]
    with precise():
        for a, b in zip(cuts, cuts[1:]):
            total += rollover.original_principal * cap.rate_on(b) * (b - a).days / day_basis
    return RolloverResult(rollover.original_date, rollover.original_principal, rollover.folded_interest,
                          cents(total), cap)
