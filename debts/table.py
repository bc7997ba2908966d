"""The list of a person's debts: one row per loan from the same report ``respond check`` gives,
sorted by urgency, with totals. No law here: every figure is the report's.

Urgency: a loan being sued comes first, the soonest answer deadline first (a deadline already
passed first of all). Then the loans not sued, the costliest to leave waiting first: the lawful
principal times the lower of the comprehensive annual rate and the cap, over 365 days — what the
law lets the debt grow by in a day (an estimate for ordering, labelled so). Ties by platform name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from respond.checks.caps import depends_on_filing
from respond.checks.money import cents

@dataclass(frozen=True)
class Row:
    index: int  # the loan's place in the debts file
    platform: str
    creditor: str
    category: str | None  # report.lender.lender_category
    sued: bool
    case_number: str | None
    answer_due: str | None
    days_left: int | None
    days_overdue: int | None
    apr: Decimal | None
    cap: Decimal | None
    exceeds_cap: bool | None
    claimed_total: Decimal | None
    lawful_total: Decimal | None
    excess: Decimal | None
    daily_cost: Decimal | None
    cap_assumes_filing: bool = False  # not sued, and the cap turns on the filing day, assumed today

    @property
    def category_words(self) -> str:
        from respond.checks.lenders import category_label

        return category_label(self.category) if self.category else "未知"


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def daily_cost(lawful_principal: Decimal | None, apr: Decimal | None, cap: Decimal | None) -> Decimal | None:
    """lawful principal × min(apr, cap) / 365, to the cent; None when a part is unknown."""
    rates = [r for r in (apr, cap) if r is not None]
    if lawful_principal is None or not rates:
        return None
    return cents(lawful_principal * min(rates) / 365)


def row(index: int, platform: str, sued: bool, days_overdue: int | None, report: dict[str, Any]) -> Row:
    amounts = report.get("amounts") or {}
    rate, deadline = report["rate"], report["deadline"]
    apr, cap = _dec(rate.get("apr")), _dec(rate.get("cap"))
    return Row(
        index=index, platform=platform, creditor=report["case"]["plaintiff"], category=report["lender"].get("lender_category"),
        sued=sued, case_number=report["case"].get("case_number") if sued else None,
        answer_due=deadline.get("answer_due") if sued else None, days_left=deadline.get("days_left") if sued else None,
        days_overdue=days_overdue, apr=apr, cap=cap, exceeds_cap=rate.get("exceeds_cap"),
        claimed_total=_dec(amounts.get("claimed_total")), lawful_total=_dec(amounts.get("lawful_total")),
        excess=_dec(amounts.get("excess")),
        daily_cost=daily_cost(_dec(amounts.get("lawful_principal")), apr, cap),
        cap_assumes_filing=not sued and depends_on_filing(rate.get("cap_basis")),
    )


def urgency_key(r: Row) -> tuple:
    if r.sued:
        return (0, r.answer_due or "9999-12-31", r.platform)
    return (1, -(r.daily_cost if r.daily_cost is not None else Decimal(-1)), r.platform)


def sort_rows(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=urgency_key)


@dataclass(frozen=True)
class Totals:
    loans: int
    sued: int
    claimed_total: Decimal | None  # None when any loan's claim is unknown
    lawful_total: Decimal | None
    excess: Decimal | None  # the claims above the law: the positive excesses only
    daily_cost: Decimal | None


def _sum(values: list[Decimal | None]) -> Decimal | None:
    return None if any(v is None for v in values) else cents(sum(values, Decimal("0")))  # type: ignore[arg-type]


def totals(rows: list[Row]) -> Totals:
    return Totals(loans=len(rows), sued=sum(r.sued for r in rows),
                  claimed_total=_sum([r.claimed_total for r in rows]), lawful_total=_sum([r.lawful_total for r in rows]),
                  excess=_sum([max(r.excess, Decimal("0")) if r.excess is not None else None for r in rows]),
                  daily_cost=_sum([r.daily_cost for r in rows]))


def days_word(r: Row, today: dt.date) -> str:
    if r.days_left is None:
        return ""
    if r.days_left < 0:
        return f"已过 {-r.days_left} 天"
    return "今天截止" if r.days_left == 0 else f"还有 {r.days_left} 天"
