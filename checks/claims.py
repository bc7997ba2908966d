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

    key: str  # principal | interest | penalty | fees | total
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
    """principal / interest / penalty (罚息、复利、违约金) / fees / total, when the analysis gives lawful figures.

    The charges the law allows in total (:mod:`respond.checks.lawful`: the lower of the contract
    and the cap) go first to the interest claimed, then to the penalty, then to the fees — so the
    cap cuts penalties and fees first (docs/rules.md §10) — each line at most what the contract
    allows on it (its penalty held to the cap). A line the complaint does not claim takes no share.
    """
    m, c = a.amounts, a.case.claims
    if m is None or m.lawful_principal is None or m.lawful is None:
        return None
    law = m.lawful
    principal = _line("principal", c.principal, m.lawful_principal)
    left = law.charges  # the charges the lower of contract and cap allows, in total
    ceilings = law.ceilings
    # the complaint's 利息 often holds overdue interest the contract calls 罚息: interest and
    # penalty share their two ceilings; the claimed interest takes the share first
    shared = left if ceilings is None else min(ceilings["interest"] + ceilings["penalty"], left)
    out: dict[str, Line] = {"principal": principal}
    for key in ("interest", "penalty", "fees"):
        claimed = getattr(c, key)
        if claimed is None:
            out[key] = Line(key, None, None, None)
            continue
        if key == "fees":
            ceiling = left if ceilings is None else min(ceilings["fees"], left)
        else:
            ceiling = shared
        line = _line(key, claimed, ceiling)
        out[key] = line
        left = max(left - line.used, ZERO)
        if key != "fees":
            shared = max(shared - line.used, ZERO)
    used = sum((out[k].used for k in ("principal", "interest", "penalty", "fees") if out[k].used is not None), ZERO)
    if m.claimed_total is not None:
        used = min(used, m.claimed_total)
    out["total"] = Line("total", m.claimed_total, m.lawful_total, used)
    return out


def conceded_total(a: "Analysis") -> Decimal | None:
    """The most the answer accepts owing (never above the claim); None without lawful figures."""
    return None if a.lines is None else a.lines["total"].used
