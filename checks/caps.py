"""The rate cap that binds a lender (rules.md §3).

| basis             | when                                   | cap                                              |
|-------------------|----------------------------------------|--------------------------------------------------|
| ``fin_24``        | financial and local financial lenders  | 24% a year, everything together (法发〔2017〕22号第2条) |
| ``lpr4_contract`` | private, contract on/after 2020-08-20  | 4 × LPR in force on the contract date (民间借贷规定第25条) |
| ``transition_2020`` | private, contract before 2020-08-20  | 24% to 2020-08-19, 4 × LPR on the filing date after (第31条) |
| ``lpr1_void``     | an unlicensed lender's void contract   | 1 × LPR on the contract date: 资金占用费 only (第13条) |
| ``rules_2015``    | private, filed before 2020-08-20       | 24% claimable; 24–36% not owed if unpaid, kept if paid (2015 年版第26条) |

A cap is a piecewise-constant rate over days; :meth:`Cap.rate_on` gives the rate for a day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from respond.checks.lpr import FIRST_FIXING, LprTable

TRANSITION_DAY = dt.date(2020, 8, 20)
RULES_2015_DAY = dt.date(2015, 9, 1)  # 法释〔2015〕18号 in force
FIN_24 = Decimal("0.24")
RED_LINE_36 = Decimal("0.36")
COMPARE_PLACES = Decimal("0.0001")  # a hundredth of a percent: the precision the documents print


def above(rate: Decimal, limit: Decimal) -> bool:
    """``rate`` > ``limit`` at the printed precision (0.01%): a loan priced at the cap, whose IRR
    comes out a few millionths above it only because instalments are rounded to the cent, is not
    "above the cap" (an answer saying "24.00% 超过 24.00%" would not stand)."""
    return rate.quantize(COMPARE_PLACES) > limit.quantize(COMPARE_PLACES)


@dataclass(frozen=True)
class Cap:
    basis: str
    rate: Decimal | None  # the cap in force on the contract date (None: cannot be known)
    after_2020_08_20: Decimal | None = None  # transition_2020 only
    lpr: Decimal | None = None  # the LPR the cap used
    lpr_published: dt.date | None = None
    warnings: tuple[str, ...] = field(default=())
    tolerated: Decimal | None = None  # rules_2015: interest paid up to this rate is not returned (36%)
    benchmark: str | None = None  # lpr1_void before 2019-08-20: the PBOC benchmark bucket used

    @property
    def complete(self) -> bool:
        """Every day's rate is known (the transition needs the filing date)."""
        if self.rate is None:
            return False
        return self.basis != "transition_2020" or self.after_2020_08_20 is not None

    def rate_on(self, day: dt.date) -> Decimal:
        if self.basis == "transition_2020" and day >= TRANSITION_DAY:
            if self.after_2020_08_20 is None:
                raise ValueError("transition cap needs court.filed_on")
            return self.after_2020_08_20
        return self.rate

    def change_days(self) -> tuple[dt.date, ...]:
        """Days on which the rate changes (a ledger row ends the day before)."""
        return (TRANSITION_DAY,) if self.basis == "transition_2020" else ()

    def binding(self, start: dt.date, stop: dt.date) -> Decimal | None:
        """The lowest cap over [start, stop]: the rate an ``apr`` must not exceed on any day."""
        if self.basis != "transition_2020":
            return self.rate
        rates = []
        if start < TRANSITION_DAY:
            rates.append(self.rate)
        if stop >= TRANSITION_DAY:
            if self.after_2020_08_20 is None:
                return None
            rates.append(self.after_2020_08_20)
        return min(rates) if rates else self.rate


def _lpr_times(table: LprTable, day: dt.date, times: int) -> tuple[Decimal, Decimal, dt.date | None, list[str]]:
    fix = table.in_force(day)
    warn = fix.warning(day)
    return fix.rate * times, fix.rate, fix.published, [warn] if warn else []


def rules_2015_cap() -> Cap:
    """2015 年版第26条 (statutes.md §1.6): 24% protected; 24%–36% not supported if unpaid and not
    returned if paid; above 36% void and returned (docs/rules.md §11)."""
    return Cap("rules_2015", FIN_24, tolerated=RED_LINE_36)


def financial_cap() -> Cap:
    return Cap("fin_24", FIN_24)


def private_cap(contract_date: dt.date, filed_on: dt.date | None, table: LprTable) -> Cap:
    """民间借贷规定第25条 (4 × LPR at the contract date), or the 2020 transition of 第31条; a case
    filed before 2020-08-20 is under the 2015 rules (第31条第1款 read back: the new rules govern
    cases accepted after they took effect)."""
    if filed_on is not None and filed_on < RULES_2015_DAY:
        return Cap("rules_2015", FIN_24, tolerated=RED_LINE_36, warnings=(
            "本案在 2015-09-01 之前起诉，当时适用更早的规定（同期贷款基准利率的四倍），本工具没有实现该规定："
            "以下按 2015 年民间借贷规定计算，仅供参考",))
    if filed_on is not None and filed_on < TRANSITION_DAY:
        return rules_2015_cap()
    if contract_date >= TRANSITION_DAY:
        cap, lpr, published, warns = _lpr_times(table, contract_date, 4)
        return Cap("lpr4_contract", cap, None, lpr, published, tuple(warns))
    if filed_on is None:
        return Cap("transition_2020", FIN_24, None, None, None,
                   ("合同成立于 2020-08-20 之前：2020-08-20 以后的利率上限取起诉时的 4 倍 LPR，"
                    "但案件文件没有立案日（court.filed_on），这部分上限无法确定",))
    cap, lpr, published, warns = _lpr_times(table, filed_on, 4)
    return Cap("transition_2020", FIN_24, cap, lpr, published, tuple(warns))


def void_contract_cap(contract_date: dt.date, table: LprTable, term_months: int | None = None) -> Cap:
    """Only 资金占用费 at 1 × LPR on the contract date when the contract is void; before the first LPR
    fixing (2019-08-20), the central bank's benchmark rate for the loan's term (docs/rules.md §15)."""
    from respond.checks.benchmark import benchmark_on

    if contract_date < FIRST_FIXING:
        b = benchmark_on(contract_date, term_months)
        if b is not None:
            warn = (f"合同成立于 2019-08-20 首次 LPR 报价之前：资金占用费按当时中国人民银行同期贷款基准利率 "
                    f"{b.rate * 100:.2f}%（{b.effective} 起执行）计算")
            return Cap("lpr1_void", b.rate, None, b.rate, b.effective, (warn,), benchmark=b.bucket)
    cap, lpr, published, warns = _lpr_times(table, contract_date, 1)
    return Cap("lpr1_void", cap, None, lpr, published, tuple(warns))


def depends_on_filing(basis: str | None) -> bool:
    """A cap whose rate after 2020-08-19 is set by the day the suit is filed (第31条: 4 × LPR then)."""
    return basis == "transition_2020"


def cap_for(regime: str, contract_date: dt.date, filed_on: dt.date | None, table: LprTable) -> Cap:
    if regime in ("financial", "local_financial"):
        return financial_cap()
    return private_cap(contract_date, filed_on, table)
