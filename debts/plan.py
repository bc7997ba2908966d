"""A repayment proposal for each loan not sued, within what the person can pay a month
(docs/debts-file.md ``person.monthly``). Pure arithmetic on the lawful figures; no law here.

A letter offers the lawful total, or what the creditor asks for when that is less (never more
than asked). The month's capacity is shared among the loans in proportion to what is offered (half-up to
the cent; the cent a rounding leaves over, or takes, goes to the largest share). A loan whose share
covers its lawful total is offered in one payment; otherwise in equal monthly payments of the
share, the last one the remainder.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from respond.checks.money import cents


@dataclass(frozen=True)
class Proposal:
    total: Decimal  # the lawful total offered
    monthly: Decimal | None  # None: in one payment
    months: int  # 1 for one payment
    last: Decimal  # the last payment (the whole total when months == 1)


def offered(lawful: Decimal, claimed: Decimal | None) -> Decimal:
    """What a letter offers to repay: the lawful total, never more than the creditor asks for."""
    return lawful if claimed is None else min(lawful, claimed)


def shares(lawful: list[Decimal], monthly: Decimal) -> list[Decimal]:
    """``monthly`` split in proportion to ``lawful``; the shares add up to ``monthly`` exactly."""
    whole = sum(lawful, Decimal("0"))
    if whole <= 0:
        return [Decimal("0.00") for _ in lawful]
    out = [cents(monthly * x / whole) for x in lawful]
    gap = cents(monthly) - sum(out, Decimal("0"))
    if gap:
        k = max(range(len(out)), key=lambda i: (lawful[i], -i))
        out[k] += gap
    return out


def proposal(total: Decimal, share: Decimal | None) -> Proposal:
    """One payment when no capacity is given or the share covers ``total``; else instalments."""
    total = cents(total)
    if share is None or share >= total or share <= 0:
        return Proposal(total, None, 1, total)
    months = int((total / share).to_integral_value(rounding=ROUND_CEILING))
    return Proposal(total, share, months, total - share * (months - 1))
