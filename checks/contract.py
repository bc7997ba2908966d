"""What the contract itself allows (合同约定口径), to the stop date (docs/rules.md §9).

No cap is applied here: this is the claim's ceiling under the contract's own terms. The cap is
applied by :mod:`respond.checks.lawful`. The walk, day by day over events:

- The schedule is the contract's, restated on the principal in law (the money actually received,
  民法典第670条): every row's principal and interest scaled by received / contract principal.
- An installment falls due on its due date; from the next day its unpaid principal is overdue and
  bears overdue interest at the agreed overdue rate (on overdue principal only; on unpaid interest
  too only when compound interest is agreed).
- Acceleration (提前到期) on day A: the principal not yet due falls due on A with the interest of the
  running period accrued to A (pro rata by days); later interest and fees never fall due.
- A payment settles, in this order, the overdue charges accrued, then the installments oldest
  first (fees, interest, principal: 民法典第561条); a surplus is held and settles the next
  installment that falls due; what is left at the stop reduces the principal not yet due.
- An agreed 违约金 accrues as its clause says (a fixed sum or a share of its base on the first day
  of default; a rate on its base for every day of default).

Pure: every input is an argument. Amounts are exact inside and rounded half-up to the cent at the
edges (:class:`Entitlement`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from respond.case.model import Loan, PenaltyBase, PenaltyClause
from respond.checks.money import ZERO, cents, precise
from respond.checks.schedule import Installment, Schedule, daily_rate

INSIDE = Decimal("1E-10")


@dataclass(frozen=True)
class OverdueRate:
    """The overdue rate the contract view uses, and where it comes from (docs/rules.md §9.3)."""

    daily: Decimal | None  # None: unknown (no agreed overdue rate and no known contract rate)
    source: str  # agreed | contract_rate | lpr_1x | six_percent_2015 | unknown
    annual: Decimal | None = None  # for the documents: the daily rate × 360


@dataclass(frozen=True)
class Segment:
    """Days ``start`` < d ≤ ``end`` on which ``principal`` was overdue."""

    start: dt.date
    end: dt.date
    principal: Decimal


@dataclass(frozen=True)
class Entitlement:
    """What the contract allows at ``stop``, line by line (cents, half-up)."""

    stop: dt.date
    principal: Decimal  # all principal not yet paid, due or not
    principal_overdue: Decimal  # the part of it that fell due and is unpaid
    interest: Decimal  # contractual interest due and unpaid (期内利息)
    overdue_interest: Decimal  # at the overdue rate on overdue principal (罚息)
    compound: Decimal  # at the overdue rate on unpaid interest (复利), when agreed
    penalty_clause: Decimal  # the agreed 违约金
    fees: Decimal  # fees due and unpaid
    surplus: Decimal  # payments beyond everything the contract made payable (多付)
    overdue_rate: OverdueRate
    accelerated_on: dt.date | None
    segments: tuple[Segment, ...]  # overdue principal over time: what the cap on charges runs on
    paid: Decimal  # payments counted (up to stop)

    @property
    def penalty(self) -> Decimal:
        """罚息、复利、违约金 together: the claim's ``penalty`` line."""
        return self.overdue_interest + self.compound + self.penalty_clause

    @property
    def charges(self) -> Decimal:
        return self.interest + self.penalty + self.fees

    @property
    def total(self) -> Decimal:
        return self.principal + self.charges


def _exact(x: Decimal) -> Decimal:
    return x.quantize(INSIDE, rounding=ROUND_HALF_UP)


def restate_on_received(schedule: Schedule, principal: Decimal, received: Decimal) -> list[Installment]:
    """The schedule on the principal in law: each row's principal and interest × received / P
    (the last row takes the remainder of the principal, so the rows add up to ``received``)."""
    rows = sorted(schedule.installments, key=lambda i: i.due)
    if received == principal or principal <= 0:
        return rows
    with precise():
        factor = received / principal
    out, left = [], received
    for k, r in enumerate(rows):
        p = left if k == len(rows) - 1 else min(cents(r.principal * factor), left)
        left -= p
        out.append(Installment(r.due, p, cents(r.interest * factor), r.fees))
    return out


def accelerate(rows: list[Installment], start: dt.date, on: dt.date) -> list[Installment]:
    """On acceleration day ``on`` the principal not yet due falls due with the running period's
    interest accrued to ``on`` (pro rata by days); later interest and fees never fall due."""
    before = [r for r in rows if r.due <= on]
    after = [r for r in rows if r.due > on]
    if not after:
        return rows
    first = after[0]
    previous = before[-1].due if before else start
    with precise():
        share = first.interest * (on - previous).days / (first.due - previous).days
    principal = sum((r.principal for r in after), ZERO)
    return before + [Installment(on, principal, cents(share), ZERO)]


class _Item:
    """One amount that fell due: an installment (or a dated fee), and what is still unpaid of it."""

    __slots__ = ("due", "principal", "interest", "fees")

    def __init__(self, due: dt.date, principal: Decimal, interest: Decimal, fees: Decimal):
        self.due, self.principal, self.interest, self.fees = due, principal, interest, fees


def entitlement(*, loan: Loan, schedule: Schedule, received: Decimal, stop: dt.date, payments,
                overdue: OverdueRate, penalty: PenaltyClause | None, compound: bool,
                accelerated_on: dt.date | None, dated_fees: list[tuple[dt.date, Decimal]]) -> Entitlement:
    """Walk the contract to ``stop`` (see the module docstring). ``payments`` are (date, amount)
    pairs up to ``stop``; ``dated_fees`` the one-off fees with a date."""
    start = loan.disbursement_date
    rows = restate_on_received(schedule, loan.principal, received)
    if accelerated_on is not None and accelerated_on <= stop:
        rows = accelerate(rows, start, accelerated_on)
    else:
        accelerated_on = None
    events: list[tuple[dt.date, int, object]] = []
    events += [(r.due, 0, _Item(r.due, r.principal, r.interest, r.fees)) for r in rows if r.due <= stop]
    events += [(d, 0, _Item(d, ZERO, ZERO, amount)) for d, amount in dated_fees if start < d <= stop]
    events += [(d, 1, amount) for d, amount in payments if start <= d <= stop]
    events.sort(key=lambda e: (e[0], e[1], getattr(e[2], "due", e[0])))
    not_due = sum((r.principal for r in rows if r.due > stop), ZERO)

    due: list[_Item] = []
    od_interest = compound_i = clause = surplus = paid = ZERO
    defaulted = False
    segments: list[Segment] = []
    last = start
    rate = overdue.daily

    def accrue(until: dt.date) -> None:
        nonlocal od_interest, compound_i, clause, defaulted, last
        days = (until - last).days
        if days <= 0:
            return
        p_over = sum((i.principal for i in due), ZERO)
        i_over = sum((i.interest for i in due), ZERO)
        if p_over > 0:
            segments.append(Segment(last, until, p_over))
        in_default = p_over > 0 or i_over > 0
        bases = {PenaltyBase.overdue_principal: p_over, PenaltyBase.overdue_amount: p_over + i_over,
                 PenaltyBase.principal: received, PenaltyBase.remaining_principal: p_over + not_due}
        with precise():
            if in_default and not defaulted:
                defaulted = True
                clause += _one_off(penalty, bases)
            if rate is not None:
                od_interest += _exact(p_over * rate * days)
                if compound:
                    compound_i += _exact(i_over * rate * days)
            if penalty is not None and penalty.rate is not None and in_default:
                clause += _exact(bases[penalty.base] * daily_rate(penalty.rate) * days)
        last = until

    def settle(amount: Decimal) -> Decimal:
        """Apply ``amount``: overdue charges, then the items oldest first (fees, interest, principal)."""
        nonlocal od_interest, compound_i, clause
        take = min(amount, od_interest)
        od_interest, amount = od_interest - take, amount - take
        take = min(amount, compound_i)
        compound_i, amount = compound_i - take, amount - take
        take = min(amount, clause)
        clause, amount = clause - take, amount - take
        for item in due:
            for part in ("fees", "interest", "principal"):
                take = min(amount, getattr(item, part))
                setattr(item, part, getattr(item, part) - take)
                amount -= take
        due[:] = [i for i in due if i.principal or i.interest or i.fees]
        return amount

    for day, kind, value in events:
        accrue(day)
        if kind == 0:
            due.append(value)
            if surplus:
                surplus = settle(surplus)
        else:
            paid += value
            surplus += settle(value)
    accrue(stop)
    if surplus and not_due:
        take = min(surplus, not_due)
        not_due -= take
        surplus -= take
    p_over = sum((i.principal for i in due), ZERO)
    return Entitlement(
        stop=stop, principal=cents(p_over + not_due), principal_overdue=cents(p_over),
        interest=cents(sum((i.interest for i in due), ZERO)), overdue_interest=cents(od_interest),
        compound=cents(compound_i), penalty_clause=cents(clause), fees=cents(sum((i.fees for i in due), ZERO)),
        surplus=cents(surplus), overdue_rate=overdue, accelerated_on=accelerated_on, segments=tuple(segments),
        paid=paid)


def _one_off(penalty: PenaltyClause | None, bases: dict) -> Decimal:
    """A fixed 违约金, or a one-off share of its base, due on the first day of default."""
    if penalty is None:
        return ZERO
    if penalty.amount is not None:
        return penalty.amount
    if penalty.share is not None:
        return _exact(bases[penalty.base] * penalty.share)
    return ZERO
