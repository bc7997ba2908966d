"""The overdue rate of the contract view when the contract states none (docs/rules.md §9.3).

- An agreed overdue rate (``loan.overdue_rate``) is used as agreed; the cap is applied later.
- A rate for the term but none for default: the term rate runs on (民间借贷规定第28条第2款第(二)项;
  for financial lenders the same reading of 民法典第676条 "按照约定", the lowest the law supports).
- Neither (an interest-free loan, ``rate`` 0): 1 × the one-year LPR in force on the first day of
  default (第28条第2款第(一)项: "参照当时一年期贷款市场报价利率"); for a case under the 2015 rules
  (filed before 2020-08-20), 6% a year (2015 年版第29条第2款第(一)项).
- No rate known at all (``rate`` absent and only a schedule given): unknown; the penalty line is
  then checked against the cap only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from respond.case.model import Loan
from respond.checks.contract import OverdueRate
from respond.checks.lpr import LprTable
from respond.checks.money import precise
from respond.checks.schedule import daily_rate

SIX_PERCENT_2015 = Decimal("0.06")


def _annual(daily: Decimal) -> Decimal:
    return daily * 360


def overdue_rate(loan: Loan, *, rules_2015: bool, lpr: LprTable, first_default: dt.date | None) -> OverdueRate:
    if loan.overdue_rate is not None:
        d = daily_rate(loan.overdue_rate)
        return OverdueRate(d, "agreed", _annual(d))
    if loan.rate is not None and daily_rate(loan.rate) > 0:
        d = daily_rate(loan.rate)
        return OverdueRate(d, "contract_rate", _annual(d))
    if loan.rate is not None:  # interest-free
        annual = SIX_PERCENT_2015 if rules_2015 else lpr.in_force(first_default or loan.disbursement_date).rate
        with precise():
            d = annual / 360
        return OverdueRate(d, "six_percent_2015" if rules_2015 else "lpr_1x", annual)
    return OverdueRate(None, "unknown")
