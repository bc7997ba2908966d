"""The comprehensive annualized rate (综合年化利率), rules.md §5.

Internal rate of return (内部收益率法) on the borrower's cash flows, per 中国人民银行公告〔2021〕第3号:
all costs (interest and every fee) against the money actually received and held.

Which annualization applies:

- **One repayment date**: ``apr`` = (total repaid − received) / received × 360 / days; this is
  checked first, so a single repayment that happens to fall a whole number of months after
  disbursement is not compounded monthly (which would understate the rate of a bullet loan).
  ``apr_compound`` = (repaid / received)^(360 / days) − 1.
- **Monthly flows** (every flow a whole number of months after disbursement, by §4's month rule):
  monthly IRR i_m, ``apr`` = 12·i_m, ``apr_compound`` = (1 + i_m)^12 − 1.
- **Otherwise**: daily IRR i_d over actual days, ``apr`` = 360·i_d, ``apr_compound`` = (1 + i_d)^360 − 1.

``apr`` is the figure compared with the cap.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import pyxirr

from respond.case.model import Loan
from respond.checks.dates import whole_months_between
from respond.checks.money import ZERO, precise
from respond.checks.schedule import Schedule


class AprError(ValueError):
    """The flows admit no rate (no sign change, or the solver found no root)."""


@dataclass(frozen=True)
class Flow:
    date: dt.date
    amount: Decimal  # + the borrower receives, − the borrower pays


@dataclass(frozen=True)
class Apr:
    apr: Decimal
    apr_compound: Decimal
    method: str  # "monthly" | "single" | "daily"
    received: Decimal  # the first flow: money in hand at disbursement
    flows: tuple[Flow, ...] = ()  # the dated flows the rate was solved on (the annex prints them)


def borrower_flows(loan: Loan, schedule: Schedule) -> list[Flow]:
    """+ received (less undated one-off fees) on disbursement; − each installment; − dated fees."""
    start = loan.disbursement_date
    undated = sum((f.amount for f in loan.fees if not f.per_installment and f.date is None), ZERO)
    by_date: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    by_date[start] += loan.received - undated
    for inst in schedule.installments:
        by_date[inst.due] -= inst.total
    for fee in loan.fees:
        if fee.date is not None:
            by_date[fee.date] -= fee.amount
    return [Flow(d, a) for d, a in sorted(by_date.items()) if a != 0 or d == start]


def _to_decimal(x: float | None) -> Decimal:
    if x is None or x != x:
        raise AprError("求解器没有找到内部收益率")
    return Decimal(repr(x))


def comprehensive_rate(flows: list[Flow]) -> Apr:
    """IRR-based annual rate of ``flows`` (first flow = the disbursement)."""
    if not flows:
        raise AprError("没有现金流")
    start = flows[0].date
    received = flows[0].amount
    repayments = [f for f in flows[1:] if f.amount != 0]
    if received <= 0 or not any(f.amount < 0 for f in repayments):
        raise AprError("现金流没有正负变化（到手金额为零或没有任何还款），无法计算综合年化利率")
    if len({f.date for f in repayments}) == 1:
        repaid = -sum((f.amount for f in repayments), ZERO)
        days = (repayments[0].date - start).days
        with precise():
            apr = (repaid - received) / received * 360 / days
            compound = Decimal(repr(float(repaid / received) ** (360 / days))) - 1
        return Apr(apr, compound, "single", received, tuple(flows))
    months = [whole_months_between(start, f.date) for f in flows]
    if all(m is not None for m in months):
        grid = [0.0] * (max(months) + 1)
        for m, f in zip(months, flows):
            grid[m] += float(f.amount)
        try:
            i_m = _to_decimal(pyxirr.irr(grid, silent=True))
        except pyxirr.InvalidPaymentsError:
            raise AprError("现金流没有正负变化，无法计算综合年化利率") from None
        with precise():
            return Apr(12 * i_m, (1 + i_m) ** 12 - 1, "monthly", received, tuple(flows))
    try:
        annual = pyxirr.xirr([f.date for f in flows], [float(f.amount) for f in flows],
                             silent=True, day_count=pyxirr.DayCount.ACT_365F)
    except pyxirr.InvalidPaymentsError:
        raise AprError("现金流没有正负变化，无法计算综合年化利率") from None
    a = _to_decimal(annual)
    with precise():
        i_d = Decimal(repr((1 + float(a)) ** (1 / 365) - 1))
        return Apr(360 * i_d, (1 + i_d) ** 360 - 1, "daily", received, tuple(flows))
