"""Which grounds a dispute of a credit record (征信异议) has, from what the person says the record
shows and the loan's report (issue 14 part 4). Decided here once; templates/credit_dispute.py
only words it.

《征信业管理条例》第25条 gives the person the right to dispute information that is wrong or
incomplete (错误、遗漏) with the credit bureau or the lender that reported it (the 信息提供者),
who must mark it disputed, check it within 20 days and answer in writing; 第32条 applies this to
the central credit database. 第15条: a lender reports adverse information only after telling the
person. 第16条: adverse information is kept 5 years from the end of the conduct, then deleted; while
kept, the person may add a statement, which must be recorded. 《个人信息保护法》第46条 and
《民法典》第1037条: the right to have inaccurate information corrected.

A ground the person names but the figures or dates contradict is not argued: it is refused with
the field and the reason (the caller turns it into a message). The lawful figure compared with the
amount the record shows is the loan's, run to the day of the credit report. Whether an overdue amount that
includes charges above the legal cap is "wrong" in the sense of 第25条 is not settled in any text
we hold; the dispute argues it with the figures and asks, failing a correction, that the person's
statement be recorded (第16条第二款), and :data:`UNSETTLED` says so to the person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from respond.checks.dates import add_years
from respond.checks.formats import money_text
from respond.checks.money import cents

NOT_MY_LOAN, REPAID, AMOUNT_ABOVE_LAWFUL = "not_my_loan", "repaid", "amount_above_lawful"
NO_PRIOR_NOTICE, OLDER_THAN_FIVE_YEARS = "no_prior_notice", "older_than_five_years"
GROUNDS = (NOT_MY_LOAN, REPAID, AMOUNT_ABOVE_LAWFUL, NO_PRIOR_NOTICE, OLDER_THAN_FIVE_YEARS)
# the legal basis of each ground (data/statutes.json ids); the amount ground adds the report's own
BASIS: dict[str, tuple[str, ...]] = {
    NOT_MY_LOAN: ("zx_25", "pipl_46", "mfd_1037"),
    REPAID: ("zx_25", "pipl_46", "mfd_1037"),
    AMOUNT_ABOVE_LAWFUL: ("zx_25", "pipl_46"),
    NO_PRIOR_NOTICE: ("zx_15",),
    OLDER_THAN_FIVE_YEARS: ("zx_16",),
}
RIGHT_BASIS = ("zx_25", "pipl_46")  # the right to dispute and to have it corrected
DISPUTE_BASIS = ("zx_25", "zx_32")  # who must check and answer, and in how long (the bureau included)
CHECK_BASIS = ("zx_25",)  # asked of the lender that reported it: mark, check in 20 days, answer, record
DELETION_BASIS = ("zx_16",)  # the bureau deletes: the lender is asked to, or to pass it on
COMPLAINT_BASIS = ("zx_26", "zx_4")  # where to go when the answer does not come or is wrong
STATEMENT_BASIS = ("zx_25",)  # 经核查仍不能确认的，对核查情况和异议内容应当予以记载
PERSON_STATEMENT_BASIS = ("zx_16",)  # the person's own statement while the record is kept (to the bureau)
ADVERSE_YEARS = 5
AMOUNT_FINDINGS = ("RATE_ABOVE_CAP", "RATE_ABOVE_36", "CHARGES_ABOVE_CAP", "FEES_AS_INTEREST", "UPFRONT_DEDUCTION",
                   "ROLLOVER_INTEREST")
UNSETTLED = ("信用报告上的逾期金额包含超过法律上限的利息、罚息和费用，是否属于《征信业管理条例》第25条所说的“错误”信息，"
             "法律没有明确规定，征信机构或放款机构可能不予更正；申请书因此同时请求记载您的说明（第16条第二款）。")


@dataclass(frozen=True)
class CreditRecord:
    """What the person read in their credit report about one loan (debts file ``credit_record``)."""
    report_date: dt.date
    grounds: tuple[str, ...]
    reported_by: str | None = None  # the institution the report names as reporting the record
    amount_shown: Decimal | None = None  # the balance or overdue amount the record shows
    settled_on: dt.date | None = None  # repaid: the day the loan was paid off
    ended_on: dt.date | None = None  # older_than_five_years: the day the overdue ended
    statement: str | None = None  # what the person wants recorded beside the record


@dataclass(frozen=True)
class Ground:
    code: str
    basis: tuple[str, ...]
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Refusal:
    field: str  # inside credit_record
    message: str


def denies_the_debt(record: CreditRecord | None) -> bool:
    """The person says the loan is not theirs or is paid off: nothing may offer to pay it (a
    negotiation letter would be read as acknowledging the debt)."""
    return record is not None and bool(set(record.grounds) & {NOT_MY_LOAN, REPAID})


def deletion_due(ended_on: dt.date) -> dt.date:
    """The first day adverse information ended on ``ended_on`` is kept longer than 5 years (第16条)."""
    return add_years(ended_on, ADVERSE_YEARS) + dt.timedelta(days=1)


def grounds(record: CreditRecord, report: dict[str, Any], as_of: dt.date, today: dt.date,
            loan_start: dt.date | None = None) -> tuple[list[Ground], list[Refusal]]:
    """The grounds that hold, in the order given, and the refusals of those that do not.
    ``report``: the loan's report (checks/report.py); ``as_of``: the day its lawful figure is for;
    ``loan_start``: the day the loan began (no settlement or end of an overdue before it)."""
    out: list[Ground] = []
    refused: list[Refusal] = []
    codes = set(record.grounds)
    if record.report_date > today:
        refused.append(Refusal("report_date", f"{record.report_date.isoformat()} 在今天之后：请写您查询信用报告的日子"))
    if NOT_MY_LOAN in codes and codes & {REPAID, AMOUNT_ABOVE_LAWFUL, OLDER_THAN_FIVE_YEARS}:
        refused.append(Refusal("grounds", "“不是本人的借款”不能与“已还清”“金额超出法律允许”或“逾期结束超过5年”同时主张："
                                          "它们都以借款是本人的为前提，请只选符合事实的一项"))
    for name in ("settled_on", "ended_on"):
        day = getattr(record, name)
        if day is not None and loan_start is not None and day < loan_start:
            refused.append(Refusal(name, f"{day.isoformat()} 早于借款开始的 {loan_start.isoformat()}：请核对"))
    for code in record.grounds:
        if code == REPAID:
            if record.settled_on is None:
                refused.append(Refusal("settled_on", "主张“已还清”时必填：结清的日子 YYYY-MM-DD"))
            elif record.settled_on > today:
                refused.append(Refusal("settled_on", f"{record.settled_on.isoformat()} 在今天之后：还没有还清的借款不能以“已还清”提出异议"))
            elif record.settled_on > record.report_date:
                refused.append(Refusal("settled_on", f"结清日 {record.settled_on.isoformat()} 在信用报告日期 "
                                                     f"{record.report_date.isoformat()} 之后：报告出具时借款尚未结清，请重新查询信用报告后再提异议"))
            else:
                out.append(Ground(code, BASIS[code], {"settled_on": record.settled_on}))
        elif code == AMOUNT_ABOVE_LAWFUL:
            ground, refusal = _amount(record, report, as_of)
            out += [ground] if ground else []
            refused += [refusal] if refusal else []
        elif code == OLDER_THAN_FIVE_YEARS:
            if record.ended_on is None:
                refused.append(Refusal("ended_on", "主张“超过5年”时必填：逾期结束（还清）的日子 YYYY-MM-DD"))
            elif deletion_due(record.ended_on) > today:
                refused.append(Refusal("ended_on", f"逾期结束于 {record.ended_on.isoformat()}，到 "
                                                   f"{deletion_due(record.ended_on).isoformat()} 才超过5年（《征信业管理条例》第16条）：现在还不能以此要求删除"))
            else:
                out.append(Ground(code, BASIS[code], {"ended_on": record.ended_on,
                                                      "due": deletion_due(record.ended_on)}))
        else:
            out.append(Ground(code, BASIS[code]))
    return out, refused


def _amount(record: CreditRecord, report: dict[str, Any], as_of: dt.date) -> tuple[Ground | None, Refusal | None]:
    amounts = report.get("amounts") or {}
    if record.amount_shown is None:
        return None, Refusal("amount_shown", "主张“金额超出法律允许”时必填：信用报告上显示的金额（元）")
    if amounts.get("lawful_total") is None:
        return None, Refusal("grounds", "这笔借款缺少算出依法应还金额所需的信息，不能以“金额超出法律允许”提出异议")
    lawful = cents(Decimal(str(amounts["lawful_total"])))
    if record.amount_shown <= lawful:
        return None, Refusal("amount_shown", f"信用报告显示的 {money_text(record.amount_shown)} 元不高于依法应还的 "
                                             f"{money_text(lawful)} 元（截至 {as_of.isoformat()}），"
                                             "不能以“金额超出法律允许”提出异议")
    return Ground(AMOUNT_ABOVE_LAWFUL, BASIS[AMOUNT_ABOVE_LAWFUL], {
        "shown": record.amount_shown, "lawful": lawful, "difference": record.amount_shown - lawful, "as_of": as_of,
        # why the lawful figure is lower: the report's findings on the amount (title, printed citations)
        "findings": [(f["title"], tuple(f["basis"])) for f in report.get("findings") or []
                     if f.get("code") in AMOUNT_FINDINGS],
    }), None
