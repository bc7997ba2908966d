"""Contradictions inside a case file (case-file.md, "Errors"): in a valid one, or in what parsed of
a file with schema problems, so that one run lists both.

Each problem names its JSON path. Errors reject the case; warnings (an ID number whose check
digit is wrong: the court's copy may carry the typo) are reported and the case goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from respond.case.model import CaseFile, Procedure, RepaymentMethod

if TYPE_CHECKING:
    from respond.case.partial import Partial


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_check_ok(id_number: str) -> bool:
    """GB 11643-1999: 18 characters, check character from weights mod 11."""
    s = id_number.strip().upper()
    if len(s) != 18 or not s[:17].isdigit() or s[17] not in "0123456789X":
        return False
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == s[17]


def _unknown_in(bad_paths: Iterable[str]) -> Callable[[str], bool]:
    """Whether a path, or anything inside it, already has a schema problem (its value is unknown)."""
    bad = tuple(bad_paths)

    def unknown(path: str) -> bool:
        return any(b == path or b.startswith((path + ".", path + "[")) for b in bad)

    return unknown


def contradictions(case: CaseFile | Partial, bad_paths: Iterable[str] = ()) -> list[Problem]:
    """Errors that make the case impossible to analyse as written.

    ``case`` is a validated :class:`CaseFile` or, for a file with schema problems, what parsed of it
    (:func:`respond.case.partial.salvage`: any value may then be ``None``); ``bad_paths`` are the
    paths of those schema problems. A check runs only on values that validated, and a check that
    reads the absence of a field does not run when the field was given but is invalid.
    """
    unknown = _unknown_in(bad_paths)
    out: list[Problem] = []
    loan, court, service = case.loan, case.court, case.service
    if loan is None:
        return out
    filed_on = court.filed_on if court is not None else None
    deductions = [(i, d.amount) for i, d in enumerate(loan.upfront_deductions or ())
                  if d is not None and d.amount is not None]
    deducted = sum((a for _, a in deductions), 0)
    too_big = [(i, a) for i, a in deductions if loan.principal is not None and a > loan.principal]
    if too_big:  # one item is itself larger than the loan: name it, not the list
        for i, a in too_big:
            out.append(Problem(f"loan.upfront_deductions[{i}].amount", f"预扣金额 {a} 元大于借款本金 {loan.principal} 元"))
    elif loan.principal is not None and deducted > loan.principal:
        out.append(Problem("loan.upfront_deductions", f"预扣合计 {deducted} 元大于借款本金 {loan.principal} 元"))
    if loan.disbursed_on and loan.contract_date and loan.disbursed_on < loan.contract_date:
        out.append(Problem("loan.disbursed_on", "放款日早于合同成立日"))
    start = None if unknown("loan.disbursed_on") else (loan.disbursed_on or loan.contract_date)
    if start is not None:
        for i, p in enumerate(loan.payments or ()):
            if p is not None and p.date is not None and p.date < start:
                out.append(Problem(f"loan.payments[{i}].date", f"还款日 {p.date} 早于放款日 {start}"))
        for i, row in enumerate(loan.schedule or ()):
            if row is not None and row.due is not None and row.due <= start:
                out.append(Problem(f"loan.schedule[{i}].due", f"还款计划到期日 {row.due} 不晚于放款日 {start}"))
        for i, fee in enumerate(loan.fees or ()):
            if fee is not None and fee.date and fee.date < start:
                out.append(Problem(f"loan.fees[{i}].date", f"费用日期 {fee.date} 早于放款日 {start}"))
    if filed_on and service is not None and service.date and service.date < filed_on:
        # either may be the one mistyped: name both, blame neither (issue 16)
        out.append(Problem("service.date", f"送达日 {service.date} 早于立案日 {filed_on}（court.filed_on）："
                                           "两者至少有一个写错了，请对照传票、应诉通知书核对送达日和立案日"))
    if filed_on and loan.contract_date and filed_on < loan.contract_date:
        out.append(Problem("court.filed_on", "立案日早于合同成立日"))
    if (service is not None and service.answer_days and service.answer_days > 15
            and court is not None and court.procedure == Procedure.small_claims):
        out.append(Problem("service.answer_days", "小额诉讼的答辩期由法院确定，最长不得超过十五日（民诉法解释第275条）"))
    if loan.term_months and loan.term_days:
        out.append(Problem("loan.term_days", "term_months 与 term_days 只能给出一个"))
    if loan.schedule is None and not unknown("loan.schedule") and loan.method is not None:
        if loan.rate is None and not unknown("loan.rate"):
            out.append(Problem("loan.rate", "没有还款计划（loan.schedule）时，生成计划需要合同利率"))
        terms_unknown = unknown("loan.term_months") or unknown("loan.term_days")
        if loan.method != RepaymentMethod.bullet and not loan.term_months and not terms_unknown:
            out.append(Problem("loan.term_months", "分期还款方式需要借款期数（term_months）"))
        if loan.method == RepaymentMethod.bullet and not (loan.term_months or loan.term_days) and not terms_unknown:
            out.append(Problem("loan.term_days", "到期一次还本付息需要借款期限（term_days 或 term_months）"))
    assignment = case.assignment
    if assignment is not None and assignment.date and loan.contract_date and assignment.date < loan.contract_date:
        out.append(Problem("assignment.date", "债权转让日早于合同成立日"))
    if case.claims is not None and case.claims.as_of and start is not None and case.claims.as_of < start:
        out.append(Problem("claims.as_of", "暂计日早于放款日"))
    accelerated = getattr(loan, "accelerated_on", None)
    if accelerated and start is not None and accelerated <= start:
        out.append(Problem("loan.accelerated_on", f"提前到期日 {accelerated} 不晚于放款日 {start}"))
    out += _card_and_recourse(case, start)
    rollover = getattr(loan, "rollover", None)
    if rollover is not None and rollover.original_date and loan.contract_date and rollover.original_date >= loan.contract_date:
        out.append(Problem("loan.rollover.original_date", "最初借款日应早于重新出具借条的日期（loan.contract_date）"))
    if rollover is not None and rollover.original_principal is not None and rollover.folded_interest is not None \
            and loan.principal is not None and rollover.original_principal + rollover.folded_interest != loan.principal:
        out.append(Problem("loan.rollover", f"最初本金 {rollover.original_principal} 元加计入的利息 {rollover.folded_interest} 元"
                                            f"应等于新借条的本金 {loan.principal} 元"))
    return out


def _card_and_recourse(case: "CaseFile | Partial", start) -> list[Problem]:
    """The credit card's default and the guarantor's payment against the loan's own dates."""
    out: list[Problem] = []
    card = getattr(case, "card", None)
    stop = case.claims.as_of if case.claims is not None else None
    if card is not None and card.overdue_since is not None:
        if start is not None and card.overdue_since <= start:
            out.append(Problem("card.overdue_since", f"首次逾期日 {card.overdue_since} 不晚于领用合约日 {start}"))
        if stop is not None and card.overdue_since > stop:
            out.append(Problem("card.overdue_since", f"首次逾期日 {card.overdue_since} 晚于暂计日 {stop}（claims.as_of）"))
    recourse = getattr(case, "recourse", None)
    if recourse is not None and recourse.paid_on is not None:
        if start is not None and recourse.paid_on <= start:
            out.append(Problem("recourse.paid_on", f"代偿（理赔）日 {recourse.paid_on} 不晚于放款日 {start}"))
        filed_on = case.court.filed_on if case.court is not None else None
        if filed_on is not None and recourse.paid_on > filed_on:
            out.append(Problem("recourse.paid_on", f"代偿（理赔）日 {recourse.paid_on} 晚于立案日 {filed_on}：还没有代偿就不能追偿，"
                                                   "请核对"))
    if recourse is not None and recourse.amount is not None and recourse.amount == 0:
        out.append(Problem("recourse.amount", "代偿（理赔）金额为 0：没有代偿就没有追偿；不知道金额请不填"))
    return out


def warnings_for(case: CaseFile) -> list[str]:
    """Problems that do not stop the analysis. Never quote the personal data itself."""
    out: list[str] = []
    from respond.case.starter import NOT_FILLED_IN, is_unfilled_starter

    if is_unfilled_starter(case):
        out.append("court.case_number: " + NOT_FILLED_IN)
    from respond.case.not_sued import NOT_SUED, is_not_sued

    if is_not_sued(case):
        out.append("court.name: " + NOT_SUED)
    if case.defendant.id_number and not id_number_check_ok(case.defendant.id_number):
        out.append("defendant.id_number: 身份证号码的校验位不正确，请与身份证原件核对（法院文书上的号码也可能有笔误）")
    return out
