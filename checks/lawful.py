"""What is lawfully owed, line by line: the lower of what the contract allows and what the cap
allows (docs/rules.md §10).

1. The contract view (:mod:`respond.checks.contract`), with its overdue charges — 罚息、复利、
   违约金 together — held to the cap on the overdue principal over the days it was overdue
   (法发〔2017〕22号第2条; 民间借贷规定第29条; 2015 年版第30条): the *charges allowance*.
2. The cap ledger of rules.md §6 (:mod:`respond.checks.ledger`): interest, penalties and fees
   together at the cap on the money received, payments to interest first.
3. Principal = the lower of the two principals; the total = the lower of the two totals; what the
   total leaves above the principal goes to interest first, then to the penalty, then to the fees
   (so the cap cuts penalties and fees first), each at most its contract line.

Payments after the stop date are credited to the stop-date figures in date order, charges first,
then principal (named in the report); what is left of them is overpaid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from respond.checks.caps import Cap
from respond.checks.contract import Entitlement, Segment
from respond.checks.ledger import Ledger, Payment
from respond.checks.money import ZERO, cents, precise


@dataclass(frozen=True)
class Lawful:
    basis: str  # contract | cap_ledger | cap_only (no contract view: the lines are not split)
    principal: Decimal
    interest: Decimal | None  # None: cap_only (only ``charges`` is known)
    penalty: Decimal | None
    fees: Decimal | None
    charges: Decimal  # interest + penalty + fees
    overpaid: Decimal
    allowance: Decimal | None  # the cap on the overdue period's charges (step 1)
    cap_total: Decimal | None  # the cap ledger's total (step 2)
    contract_total: Decimal | None  # the contract view with its charges held to the allowance
    later: tuple[Payment, ...] = ()
    # the contract's lines, the penalty held to the allowance: what each claim line may reach at most
    ceilings: dict[str, Decimal] | None = None

    @property
    def total(self) -> Decimal:
        return self.principal + self.charges


def charges_allowance(segments: tuple[Segment, ...], cap: Cap, basis: int) -> Decimal:
    """Σ overdue principal × cap rate of the day ÷ basis, over every overdue day (cents)."""
    total = ZERO
    changes = sorted(cap.change_days())
    with precise():
        for s in segments:
            cuts = [s.start] + [c - dt.timedelta(days=1) for c in changes if s.start < c - dt.timedelta(days=1) < s.end]
            cuts.append(s.end)
            for a, b in zip(cuts, cuts[1:]):
                total += s.principal * cap.rate_on(b) * (b - a).days / basis
    return cents(total)


def _credit_later(lines: dict[str, Decimal | None], principal: Decimal, later: list[Payment]) -> tuple[dict, Decimal, Decimal]:
    """Credit payments after the stop date: charges first (interest, penalty, fees), then principal."""
    left = sum((p.amount for p in later), ZERO)
    for key in ("interest", "penalty", "fees"):
        if lines[key] is not None:
            take = min(left, lines[key])
            lines[key] -= take
            left -= take
    take = min(left, principal)
    return lines, principal - take, left - take


def lawful(*, contract: Entitlement | None, ledger: Ledger | None, cap: Cap | None, day_basis: int,
           later: list[Payment]) -> Lawful | None:
    """Steps 1–3 of the module docstring; None when neither view can be computed."""
    if contract is None and ledger is None:
        return None
    allowance = charges_allowance(contract.segments, cap, day_basis) if contract is not None and cap is not None \
        and cap.complete else None
    cap_total = ledger.lawful_total if ledger is not None else None
    if contract is None:
        pool, principal = ledger.lawful_interest, ledger.lawful_principal
        left = sum((p.amount for p in later), ZERO)
        take = min(left, pool)
        pool, left = pool - take, left - take
        take = min(left, principal)
        return Lawful("cap_only", principal - take, None, None, None, pool, ledger.overpaid + left - take,
                      None, cap_total, None, tuple(later))
    if contract.overdue_rate.daily is None:  # the contract's overdue interest is unknown: the cap alone limits it
        penalty_ceiling = allowance if allowance is not None else (ledger.lawful_interest if ledger else contract.penalty)
    else:
        penalty_ceiling = contract.penalty if allowance is None else min(contract.penalty, allowance)
    contract_total = contract.principal + contract.interest + penalty_ceiling + contract.fees
    principal, total, basis = contract.principal, contract_total, "contract"
    if ledger is not None:
        principal = min(principal, ledger.lawful_principal)
        if cap_total < contract_total:
            total, basis = cap_total, "cap_ledger"
    room = max(total - principal, ZERO)
    lines: dict[str, Decimal | None] = {}
    for key, ceiling in (("interest", contract.interest), ("penalty", penalty_ceiling), ("fees", contract.fees)):
        lines[key] = min(room, ceiling)
        room -= lines[key]
    overpaid = ledger.overpaid if ledger is not None and basis == "cap_ledger" else contract.surplus
    lines, principal, left = _credit_later(lines, principal, later)
    charges = lines["interest"] + lines["penalty"] + lines["fees"]
    return Lawful(basis, principal, lines["interest"], lines["penalty"], lines["fees"], charges,
                  overpaid + left, allowance, cap_total, contract_total, tuple(later),
                  {"interest": contract.interest, "penalty": penalty_ceiling, "fees": contract.fees})
