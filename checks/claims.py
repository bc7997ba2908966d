"""The claim line by line against the analysis: what the answer concedes on each line.

A court does not award more than the plaintiff asks (不超出诉请), claim by claim. So for each line
of the complaint (principal, interest with penalty, other fees, and their total) the figure the
answer uses is the lawful one, but never more than the claimed one. The cap covers interest,
penalty and fees together (rules.md §6): the capped interest of the recomputation goes first to
the interest and penalty claimed, what is left to the fees; a line the complaint does not claim
takes no share. Pure: reads an :class:`~respond.checks.analyse.Analysis`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from respond.checks.money import ZERO

if TYPE_CHECKING:
    from respond.checks.analyse import Analysis


@dataclass(frozen=True)
class Line:
    """One line of the claim: what the plaintiff claims, what the analysis finds lawful, and the
    figure the answer uses — the lawful one, but never more than the claimed one."""

    key: str  # principal | interest | fees | total
    claimed: Decimal | None
    lawful: Decimal | None  # the analysis's figure (for fees: what the cap leaves after interest)
    used: Decimal | None

    @property
    def not_above(self) -> bool:
        """The claim on this line is not above the lawful amount: the claimed figure is used."""
        return self.claimed is not None and self.lawful is not None and self.lawful >= self.claimed

    @property
    def diff(self) -> Decimal | None:
        return None if self.claimed is None or self.used is None else self.claimed - self.used


def _line(key: str, claimed: Decimal | None, lawful: Decimal | None) -> Line:
    if lawful is None:
        return Line(key, claimed, None, None)
    return Line(key, claimed, lawful, lawful if claimed is None else min(claimed, lawful))


def claim_lines(a: "Analysis") -> dict[str, Line] | None:
    """principal / interest / fees / total, when the analysis gives lawful figures.

    The cap covers interest, penalty and fees together (rules.md §6): the lawful interest of the
    recomputation goes first to the interest (and penalty) claimed, what is left to the fees.
    """
    m, c = a.amounts, a.case.claims
    if m is None or m.lawful_principal is None:
        return None
    principal = _line("principal", c.principal, m.lawful_principal)
    if not m.recomputed:  # an upfront deduction within the cap: only the principal changes
        total = None
        if m.claimed_total is not None and principal.diff is not None:
            total = m.claimed_total - principal.diff
        return {"principal": principal, "total": Line("total", m.claimed_total, None, total)}
    pool = m.lawful_interest
    claimed_interest = (c.interest or ZERO) + (c.penalty or ZERO) if (c.interest, c.penalty) != (None, None) else None
    # a line the complaint does not claim takes no share of the capped interest
    interest = _line("interest", claimed_interest, pool) if claimed_interest is not None else Line("interest", None, None, None)
    fees = _line("fees", c.fees, max(pool - (interest.used or ZERO), ZERO) if c.fees is not None else None)
    used = sum((x.used for x in (principal, interest, fees) if x.used is not None), ZERO)
    if m.claimed_total is not None:
        used = min(used, m.claimed_total)
    total = Line("total", m.claimed_total, m.lawful_total, used)
    return {"principal": principal, "interest": interest, "fees": fees, "total": total}


def conceded_total(a: "Analysis") -> Decimal | None:
    """The most the answer accepts owing (never above the claim); None without lawful figures."""
    lines = claim_lines(a)
    return None if lines is None else lines["total"].used
