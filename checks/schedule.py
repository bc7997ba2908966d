"""The contract's repayment schedule (rules.md §4).

When ``loan.schedule`` is absent it is generated on the contract principal P from the stated rate,
the term and the method. Rates convert as the central bank does: 年利率 ÷ 12 = 月利率,
月利率 ÷ 30 = 日利率 (so 年利率 ÷ 360 = 日利率). Every amount is rounded half-up to the cent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from respond.case.model import Loan, RateSpec, RepaymentMethod
from respond.checks.dates import add_months
from respond.checks.money import ZERO, cents, precise


@dataclass(frozen=True)
class Installment:
    due: dt.date
    principal: Decimal
    interest: Decimal
    fees: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest + self.fees


@dataclass(frozen=True)
class Schedule:
    installments: tuple[Installment, ...]
    generated: bool
    warnings: tuple[str, ...] = ()

    @property
    def last_due(self) -> dt.date | None:
        return max((i.due for i in self.installments), default=None)


def monthly_rate(rate: RateSpec) -> Decimal:
    """月利率: ``monthly``, or ``annual`` / 12, or ``daily`` × 30."""
    if rate.monthly is not None:
        return rate.monthly
    if rate.annual is not None:
        with precise():
            return rate.annual / 12
    return rate.daily * 30


def daily_rate(rate: RateSpec) -> Decimal:
    """日利率: ``daily``, or ``annual`` / 360, or ``monthly`` / 30."""
    if rate.daily is not None:
        return rate.daily
    with precise():
        if rate.annual is not None:
            return rate.annual / 360
        return rate.monthly / 30


def stated_annual(rate: RateSpec) -> Decimal:
    """The nominal rate annualized: monthly × 12, daily × 360."""
    if rate.annual is not None:
        return rate.annual
    if rate.monthly is not None:
        return rate.monthly * 12
    return rate.daily * 360


def _equal_installment(p: Decimal, i: Decimal, n: int) -> list[tuple[Decimal, Decimal]]:
    """等额本息: A = P·i·(1+i)^n / ((1+i)^n − 1); interest round(B·i); the last period clears B."""
    with precise():
        if i == 0:
            a = cents(p / n)
        else:
            growth = (1 + i) ** n
            a = cents(p * i * growth / (growth - 1))
    rows, balance = [], p
    for k in range(1, n + 1):
        interest = cents(balance * i)
        principal = balance if k == n else min(a - interest, balance)
        rows.append((principal, interest))
        balance -= principal
    return rows


def _equal_principal(p: Decimal, i: Decimal, n: int) -> list[tuple[Decimal, Decimal]]:
    """等额本金: principal round(P/n), the last period takes the remainder; interest round(B·i)."""
    with precise():
        share = cents(p / n)
    rows, balance = [], p
    for k in range(1, n + 1):
        principal = balance if k == n else min(share, balance)
        rows.append((principal, cents(balance * i)))
        balance -= principal
    return rows


def _interest_first(p: Decimal, i: Decimal, n: int) -> list[tuple[Decimal, Decimal]]:
    """先息后本: interest round(P·i) every period, P with the last."""
    interest = cents(p * i)
    return [(p if k == n else ZERO, interest) for k in range(1, n + 1)]


_MONTHLY = {
    RepaymentMethod.equal_installment: _equal_installment,
    RepaymentMethod.equal_principal: _equal_principal,
    RepaymentMethod.interest_first: _interest_first,
}


def generate(loan: Loan) -> list[Installment]:
    """Generate the schedule on the contract principal (no fees). Needs rate, method and term."""
    start = loan.disbursement_date
    p = loan.principal
    if loan.method == RepaymentMethod.bullet:
        if loan.term_days:
            due = start + dt.timedelta(days=loan.term_days)
        else:
            due = add_months(start, loan.term_months)
        days = (due - start).days
        with precise():
            interest = cents(p * daily_rate(loan.rate) * days)
        return [Installment(due, p, interest)]
    n = loan.term_months
    rows = _MONTHLY[loan.method](p, monthly_rate(loan.rate), n)
    return [Installment(add_months(start, k), pr, it) for k, (pr, it) in enumerate(rows, start=1)]


def contract_schedule(loan: Loan) -> Schedule | None:
    """The contract schedule with per-installment fees; None when it cannot be known.

    A given ``loan.schedule`` is authoritative: its ``fees`` column is taken as the fees due for
    each installment. Fees marked ``per_installment`` are added to a generated schedule; they are
    added to a given schedule only when its rows carry no fees at all (and a warning says so).
    """
    per_installment = sum((f.amount for f in loan.fees if f.per_installment), ZERO)
    warnings: list[str] = []
    if loan.schedule:
        rows = [Installment(r.due, r.principal, r.interest, r.fees) for r in sorted(loan.schedule, key=lambda r: r.due)]
        generated = False
        if per_installment and all(r.fees == 0 for r in rows):
            rows = [Installment(r.due, r.principal, r.interest, per_installment) for r in rows]
            warnings.append("loan.schedule 未列费用，已把按期收取的费用（loan.fees 中 per_installment 为 true 的项目）加入每一期")
    elif loan.method and loan.rate and (loan.term_months or loan.term_days):
        rows = [Installment(r.due, r.principal, r.interest, per_installment) for r in generate(loan)]
        generated = True
    else:
        return None
    return Schedule(tuple(rows), generated, tuple(warnings))


@dataclass(frozen=True)
class Standing:
    """Where the borrower stands on the contract's own schedule (no cap involved)."""

    paid: Decimal  # payments up to the stop date, less the dated one-off fees they include
    installments_covered: int  # leading installments whose totals the payments cover in full
    principal_outstanding: Decimal  # the schedule's principal less that of the covered installments


def standing(schedule: Schedule, paid: Decimal) -> Standing:
    """Count the installments, in order, that ``paid`` covers in full (principal + interest + fees);
    the principal still outstanding under the contract is the schedule's principal less theirs.
    Payments are applied as the schedule falls due, so a shortfall leaves the rest outstanding."""
    left = paid
    covered = 0
    principal = sum((i.principal for i in schedule.installments), ZERO)
    for inst in sorted(schedule.installments, key=lambda i: i.due):
        if left < inst.total:
            break
        left -= inst.total
        covered += 1
        principal -= inst.principal
    return Standing(paid, covered, principal)
