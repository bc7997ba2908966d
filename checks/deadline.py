"""The answer deadline (答辩期) and the jurisdiction-objection deadline (rules.md §1).

Served date S: the receipt date for direct, mail and electronic service (民诉法第87、91、90条,
民诉法解释第135条); public notice is deemed served 30 days after it is issued (第95条), 60 days for a
defendant without domicile in China (第283条). Period N: the court-set period (small claims: at most
15 days, 民诉法解释第275条), else 30 days without domicile in China (第285条), else 15 days
(第128条). Counting starts the day after S (第85条第2款, 民诉法解释第125条); rest days inside the
period are not skipped; a last day that is a rest day moves to the next working day (第85条第3款).
The jurisdiction objection is due the same day (第130条); posting before the deadline counts
(第85条第4款).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from respond.case.model import Procedure, ServiceMethod
from respond.checks.calendar import HolidayCalendar
from respond.checks.formats import date_text

__all__ = ["Deadline", "answer_deadline"]

SMALL_CLAIMS_MAX_ANSWER_DAYS = 15
_DEFAULT_DAYS = 15
_NO_DOMICILE_DAYS = 30
_NOTICE_DAYS = 30
_NOTICE_DAYS_ABROAD = 60

_SERVICE_BASIS = {
    ServiceMethod.direct: ["民诉法第87条"],
    ServiceMethod.mail: ["民诉法第91条"],
    ServiceMethod.electronic: ["民诉法第90条", "民诉法解释第135条"],
}


@dataclass(frozen=True)
class Deadline:
    served_on: dt.date
    period_days: int
    raw_due: dt.date
    answer_due: dt.date
    jurisdiction_objection_due: dt.date
    calendar_verified: bool
    days_left: int
    extended_for_rest_day: bool
    basis: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _period(answer_days: int | None, domicile_in_china: bool, procedure: Procedure | None) -> tuple[int, str]:
    if answer_days is not None:
        if answer_days < 1:
            raise ValueError(f"service.answer_days 应为正整数，收到 {answer_days}")
        if procedure == Procedure.small_claims and answer_days > SMALL_CLAIMS_MAX_ANSWER_DAYS:
            raise ValueError(
                f"service.answer_days 为 {answer_days} 日，但小额诉讼的答辩期间最长不得超过15日"
                "（民诉法解释第275条）：请核对应诉通知书上写的期限"
            )
        return answer_days, ("民诉法解释第275条" if procedure == Procedure.small_claims else "民诉法第85条第1款")
    if not domicile_in_china:
        return _NO_DOMICILE_DAYS, "民诉法第285条"
    return _DEFAULT_DAYS, "民诉法第128条"


def answer_deadline(
    *,
    method: ServiceMethod | str,
    served_date: dt.date,
    answer_days: int | None = None,
    domicile_in_china: bool = True,
    procedure: Procedure | str | None = None,
    calendar: HolidayCalendar,
    today: dt.date,
) -> Deadline:
    """Compute the answer deadline. Pure: ``today`` is an argument. Raises ``ValueError`` (Chinese)."""
    method = ServiceMethod(method)
    procedure = Procedure(procedure) if procedure is not None else None
    basis: list[str] = []
    notes: list[str] = []

    if method == ServiceMethod.public_notice:
        notice_days = _NOTICE_DAYS if domicile_in_china else _NOTICE_DAYS_ABROAD
        served_on = served_date + dt.timedelta(days=notice_days)
        basis.append("民诉法第95条" if domicile_in_china else "民诉法第283条")
        notes.append(
            f"公告送达：自{date_text(served_date)}发出公告之日起经过{notice_days}日，"
            f"即{date_text(served_on)}视为送达。"
        )
    else:
        served_on = served_date
        basis.extend(_SERVICE_BASIS[method])
        if method == ServiceMethod.electronic:
            notes.append(
                "电子送达以法院系统显示发送成功的日期为送达日期；"
                "如果信息实际到达您的手机或邮箱的日期不同，您可以举证，以实际到达日为准。"
            )

    period_days, period_basis = _period(answer_days, domicile_in_china, procedure)
    basis.append(period_basis)
    if procedure == Procedure.small_claims and answer_days is None:
        notes.append("小额诉讼的答辩期间由法院确定，最长15日：请以应诉通知书或传票上写明的期限为准。")

    raw_due = served_on + dt.timedelta(days=period_days)
    answer_due = raw_due
    while calendar.is_rest_day(answer_due):
        answer_due += dt.timedelta(days=1)
    extended = answer_due != raw_due
    basis.extend(["民诉法第85条第2款", "民诉法解释第125条"])
    notes.append(
        f"答辩期为{period_days}日，从送达的次日（{date_text(served_on + dt.timedelta(days=1))}）起算，"
        "期间内的节假日不扣除。"
    )
    if extended:
        basis.append("民诉法第85条第3款")
        notes.append(f"第{period_days}日（{date_text(raw_due)}）是休息日（周末或法定节假日），截止日顺延到其后的第一个工作日{date_text(answer_due)}。")

    basis.extend(["民诉法第130条", "民诉法第85条第4款"])
    notes.append(f"答辩状和管辖权异议都应在{date_text(answer_due)}（含当日）之前提交；管辖权异议必须在答辩期内提出。")
    notes.append("在截止日之前交邮寄出的，不算过期：请用 EMS 等可查询的方式寄送，并保留邮寄凭证。")

    unknown = [y for y in range(served_on.year, answer_due.year + 1) if not calendar.year_known(y)]
    if unknown:
        years = "、".join(str(y) for y in unknown)
        notes.append(
            f"{years}年的法定节假日安排尚未收录，答辩期只按周末计算；"
            "如遇法定节假日，截止日只可能推后，不会提前。"
        )

    days_left = (answer_due - today).days
    if days_left < 0:
        notes.append(
            f"按此计算，答辩期已于{date_text(answer_due)}届满。不提交答辩状不影响法院审理，"
            "您仍应按传票出庭，并可以在庭审中发表答辩意见。"
        )
        basis.append("民诉法第128条第2款")
    elif days_left == 0:
        notes.append("今天是答辩期的最后一天。")

    return Deadline(
        served_on=served_on,
        period_days=period_days,
        raw_due=raw_due,
        answer_due=answer_due,
        jurisdiction_objection_due=answer_due,
        calendar_verified=not unknown,
        days_left=days_left,
        extended_for_rest_day=extended,
        basis=list(dict.fromkeys(basis)),
        notes=notes,
    )
