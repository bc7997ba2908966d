"""Run every check on one validated case → one :class:`Analysis` (what ``report.json`` serialises).

Pure: the calendar, the LPR table, ``today`` and the day basis come in as arguments; nothing here
reads the clock or a user's file. A figure that cannot be determined is ``None`` with a warning
saying what is missing — never a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from respond.case.model import CaseFile
from respond.checks import defenses
from respond.checks.apr import Apr, AprError, borrower_flows, comprehensive_rate
from respond.checks.calendar import HolidayCalendar
from respond.checks.clauses import (ClauseHit, JurisdictionAdvice, case_facts, clause_findings, find_clauses,
                                    jurisdiction_assessment)
from respond.checks.caps import Cap, above, cap_for, private_cap, void_contract_cap
from respond.checks.contract import Entitlement, entitlement
from respond.checks.lawful import Lawful, lawful
from respond.checks.deadline import Deadline, answer_deadline
from respond.checks.findings import Finding
from respond.checks.ledger import Ledger, Payment, recompute
from respond.checks.lenders import LenderIdentity, categorize, form_for, resolve_regime, suit_cause
from respond.checks.lpr import LprTable
from respond.checks.money import ZERO
from respond.checks.overdue import overdue_rate
from respond.checks.card_suit import CardCeiling, card_ceiling
from respond.checks.claims import Line, claim_lines
from respond.checks.positions import Positions, notice_claimed, positions
from respond.checks.rollover import RolloverResult, rollover_principal
from respond.checks.schedule import Schedule, Standing, contract_schedule, standing, stated_annual


@dataclass(frozen=True)
class Lender:
    plaintiff: LenderIdentity
    lender: LenderIdentity
    regime: str
    case_cause: str
    form: str  # which answer form: a key of templates/forms.FORMS


@dataclass(frozen=True)
class RateResult:
    received: Decimal
    apr: Apr | None
    stated_annual: Decimal | None
    cap: Cap | None
    binding_cap: Decimal | None  # the lowest cap over the loan's life: what apr is compared with
    exceeds_cap: bool | None

    @property
    def known_cap(self) -> Decimal | None:
        """The binding cap, or — when the 2020 transition lacks the filing date — the part of the
        cap that is known (the contract-date part)."""
        if self.binding_cap is not None:
            return self.binding_cap
        return self.cap.rate if self.cap is not None else None


@dataclass(frozen=True)
class Amounts:
    claimed_total: Decimal | None
    lawful_principal: Decimal | None
    lawful_interest: Decimal | None = None
    lawful_total: Decimal | None = None
    overpaid: Decimal | None = None
    excess: Decimal | None = None
    day_basis: int | None = None
    recomputed: bool = False  # the rate is above the cap: the cap ledger (the annex) governs
    lawful: Lawful | None = None  # line by line (docs/rules.md §10)
    contract: Entitlement | None = None  # what the contract allows (docs/rules.md §9)
    cap_ledger: Ledger | None = None  # rules.md §6, run for every case with claims


@dataclass(frozen=True)
class Alternative:
    kind: str  # "private_caps" | "void_contract"
    cap: Cap
    ledger: Ledger
    claimed_total: Decimal | None

    @property
    def lawful_total(self) -> Decimal:
        return self.ledger.lawful_total

    @property
    def excess(self) -> Decimal | None:
        return None if self.claimed_total is None else self.claimed_total - self.lawful_total


@dataclass(frozen=True)
class Analysis:
    """One case, every check done: built once by :func:`analyse`, complete (findings, claim lines,
    the position of every form item, jurisdiction) and frozen."""

    case: CaseFile
    today: dt.date
    stop: dt.date  # the day amounts run to (claims.as_of, else court.filed_on, else today)
    deadline: Deadline
    lender: Lender
    schedule: Schedule | None
    rate: RateResult
    amounts: Amounts | None
    ledger: Ledger | None
    alternative: Alternative | None
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    clause_hits: list[ClauseHit] = field(default_factory=list)
    jurisdiction: JurisdictionAdvice | None = None  # only when the contract has an agreed-court clause
    standing: Standing | None = None  # the payments against the contract's own schedule
    rollover: RolloverResult | None = None  # 利滚利 (docs/rules.md §14)
    notice_claimed: bool = False  # the contract says it drew attention to its terms (加粗、特别提示)
    positions: Positions | None = None  # every item of the answer form (docs/rules.md §16)
    lines: dict[str, Line] | None = None  # the claim line by line (checks/claims.py), computed once
    card: CardCeiling | None = None  # 信用卡纠纷: the cap from the day of default (checks/card_suit.py)

    def has(self, code: str) -> bool:
        """A finding of this code was made (GUARANTOR_RECOURSE: a guarantor's recourse suit;
        LIMITATION: the claim may be time-barred)."""
        return any(f.code == code for f in self.findings)

    @property
    def objection_warranted(self) -> bool:
        """Draft the 管辖权异议申请书: an agreed-court clause and a suing court away from home."""
        return self.jurisdiction is not None and self.jurisdiction.objection_warranted is True


def claimed_total(case: CaseFile) -> Decimal | None:
    """Claims principal + interest + penalty + fees; legal costs are left out (rules.md §6).

    A component the complaint does not state is taken as not claimed; None when none is stated.
    """
    c = case.claims
    parts = [c.principal, c.interest, c.penalty, c.fees]
    if all(p is None for p in parts):
        return None
    return sum((p for p in parts if p is not None), ZERO)


def identify_lender(case: CaseFile) -> tuple[Lender, list[str]]:
    plaintiff = categorize(case.plaintiff.name, case.plaintiff.kind)
    original = case.original_lender  # loan.lender, else assignment.from
    lender = plaintiff if not original else categorize(original)
    regime, warnings = resolve_regime(plaintiff, lender)
    cause = case.case_cause or suit_cause(regime, plaintiff.category, lender.category, card=case.card is not None,
                                          plaintiff_is_lender=not original or original.strip() == case.plaintiff.name.strip())
    return Lender(plaintiff, lender, regime, cause, form_for(cause, regime)), list(warnings)


def _rate(case: CaseFile, schedule: Schedule | None, cap: Cap | None, stop: dt.date, warnings: list[str]) -> RateResult:
    loan = case.loan
    apr = None
    if schedule is None:
        warnings.append("缺少还款计划（loan.schedule），也缺少生成计划所需的利率、期限和还款方式（loan.rate、"
                        "loan.term_months/term_days、loan.method）：无法计算综合年化利率")
    else:
        try:
            apr = comprehensive_rate(borrower_flows(loan, schedule))
        except AprError as exc:
            warnings.append(f"无法计算综合年化利率：{exc}")
    binding = cap.binding(loan.disbursement_date, stop) if cap else None
    stated = stated_annual(loan.rate) if loan.rate else None
    result = RateResult(loan.received, apr, stated, cap, binding, None)
    if apr is None or result.known_cap is None:
        return result
    exceeds = above(apr.apr, result.known_cap)
    if binding is None and not exceeds:
        exceeds = None  # under the known part; the unknown part may be lower
    return replace(result, exceeds_cap=exceeds)


def _payments(case: CaseFile, stop: dt.date, warnings: list[str]) -> tuple[list[Payment], list[Payment]]:
    """The payments up to ``stop`` (the ledgers run on them) and those after it (credited to the
    stop-date figures, docs/rules.md §10)."""
    late = sorted((Payment(p.date, p.amount) for p in case.loan.payments if p.date > stop), key=lambda p: p.date)
    if late:
        named = "、".join(f"{p.date} {p.amount:.2f} 元" for p in late)
        warnings.append(f"有 {len(late)} 笔还款晚于计算截止日 {stop}（{named}）：已从截止日的应还金额中扣减"
                        "（先抵利息、罚息和费用，再抵本金）")
    paid = set(_dated_fees_paid(case, case.loan.payments, stop))
    for fee in case.loan.fees:
        if fee.date is not None and fee.date <= stop and fee not in paid:
            warnings.append(f"合同约定的{fee.name} {fee.amount:.2f} 元（{fee.date}）计入了综合年化利率，但 loan.payments "
                            f"里没有这一天的付款：如果实际付了，请把它加入 loan.payments，重算才会用它冲抵本息")
    return [Payment(p.date, p.amount) for p in case.loan.payments if p.date <= stop], late


def _entitlement(case: CaseFile, schedule: Schedule | None, cap: Cap, stop: dt.date, payments: list[Payment],
                 lpr: LprTable, warnings: list[str], received: Decimal) -> Entitlement | None:
    """docs/rules.md §9: what the contract allows to ``stop``; None without a schedule."""
    loan = case.loan
    if schedule is None or not schedule.installments:
        return None
    accelerated = loan.accelerated_on
    if accelerated is None and case.claims.accelerate:
        accelerated = stop
        if any(i.due > stop for i in schedule.installments):
            warnings.append(f"原告主张提前到期，但案件文件没有提前到期日（loan.accelerated_on）：按暂计日 {stop} 计算，"
                            "尚未到期的本金在这一天到期，利息只计到这一天")
    first_due = min(i.due for i in schedule.installments)
    overdue = overdue_rate(loan, rules_2015=cap.basis == "rules_2015", lpr=lpr,
                           first_default=first_due + dt.timedelta(days=1))
    if overdue.source == "unknown":
        warnings.append("合同利率未知（loan.rate），也没有约定的逾期利率（loan.overdue_rate）：无法按合同计算罚息，"
                        "罚息一项只按利率上限核对")
    fees_dated = [(f.date, f.amount) for f in loan.fees if f.date is not None]
    return entitlement(loan=loan, schedule=schedule, received=received, stop=stop,
                       payments=[(p.date, p.amount) for p in payments], overdue=overdue, penalty=loan.penalty,
                       compound=bool(loan.compound_interest), accelerated_on=accelerated, dated_fees=fees_dated)


def analyse(case: CaseFile, *, today: dt.date, calendar: HolidayCalendar, lpr: LprTable,
            day_basis: int = 360, case_warnings: list[str] | None = None,
            contract_text: str | None = None) -> Analysis:
    """Every check of rules.md §1–§8 on one case; ``contract_text`` is the loan contract's text."""
    warnings: list[str] = list(case_warnings or [])
    loan = case.loan
    deadline = answer_deadline(method=case.service.method, served_date=case.service.date,
                               answer_days=case.service.answer_days,
                               domicile_in_china=case.defendant.domicile_in_china,
                               procedure=case.court.procedure, calendar=calendar, today=today)
    if not deadline.calendar_verified:
        warnings += [n for n in deadline.notes if "尚未收录" in n]
    for label, day in (("送达日（service.date）", case.service.date), ("合同成立日（loan.contract_date）", loan.contract_date),
                       ("立案日（court.filed_on）", case.court.filed_on)):
        if day is not None and day > today:
            warnings.append(f"{label} {day} 晚于今天 {today}：请核对是否填错")

    stop = case.claims.as_of or case.court.filed_on or today
    if not (case.claims.as_of or case.court.filed_on):
        warnings.append(f"案件文件没有暂计日（claims.as_of）和立案日（court.filed_on），金额计算到今天 {today}")

    lender, lender_warnings = identify_lender(case)
    warnings += lender_warnings

    schedule = contract_schedule(loan)
    if schedule:
        warnings += schedule.warnings
    cap = cap_for(lender.regime, loan.contract_date, case.court.filed_on, lpr)
    warnings += cap.warnings
    rate = _rate(case, schedule, cap, stop, warnings)

    claimed = claimed_total(case)
    payments, later = _payments(case, stop, warnings)
    ledger = None
    amounts = None
    cap_ledger = None
    rolled = None
    ledger_cap, ledger_start, ledger_received, received = cap, loan.disbursement_date, loan.received, loan.received
    if loan.rollover is not None:
        ledger_cap = cap_for(lender.regime, loan.rollover.original_date, case.court.filed_on, lpr)
        if ledger_cap.complete:
            rolled = rollover_principal(loan.rollover, loan.contract_date, ledger_cap, day_basis)
            ledger_start, ledger_received = loan.rollover.original_date, loan.rollover.original_principal
            received = min(received, rolled.principal_in_law)
    if ledger_cap.complete:
        cap_ledger = recompute(received=ledger_received, start=ledger_start, payments=payments,
                               cap=ledger_cap, stop=stop, day_basis=day_basis)
    elif rate.exceeds_cap:
        warnings.append("综合年化利率超过上限，但 2020-08-20 以后的上限因缺少立案日无法确定，未做重算")
    if rate.exceeds_cap and cap_ledger is not None:
        ledger = cap_ledger
    card = None
    if lender.form == "credit_card":
        card = card_ceiling(case.card, case.claims.principal, payments, cap, stop, day_basis)
        warnings[:] = [w for w in warnings if "无法计算综合年化利率" not in w]  # a card has no schedule to price
        if card is None:  # a card has no loan to run the cap ledger on: no figure rather than a wrong one
            cap_ledger = ledger = None
            warnings.append("信用卡案件缺少首次逾期日（card.overdue_since）或透支本金：未能按上限核算利息、违约金和手续费")
        else:
            cap_ledger = ledger = card.ledger  # the ceiling from the day of default replaces the loan's ledger
            if card.later_payments:
                warnings.append(f"逾期后有 {len(card.later_payments)} 笔还款未计入上限核算：以原告主张的透支本金为基数时，"
                                "这些还款已反映在透支本金里；其中冲抵利息、违约金的部分还应从上限中扣减，"
                                "请填写逾期时的透支本金（card.overdue_principal）后重算")
    if claimed is not None:
        # a card has no loan schedule; an insurer's premiums and 违约金 are not the loan contract's charges
        contract = None if lender.form in ("credit_card", "guarantee_insurance") else _entitlement(case, schedule, cap, stop, payments, lpr, warnings, received)
        if contract is not None and case.claims.fees and not contract.fees and not loan.fees \
                and not any(i.fees for i in schedule.installments):
            warnings.append(f"原告主张其他费用 {case.claims.fees:.2f} 元，但案件文件没有列出合同约定的费用（loan.fees）："
                            "按合同没有约定处理，这一项不予认可；如果合同确有约定，请补充后重算")
        lines = lawful(contract=contract, ledger=cap_ledger, cap=cap, day_basis=day_basis, later=later)
        if lines is None:
            warnings.append("缺少还款计划，利率上限也无法确定：未能计算依法应还的金额")
            amounts = Amounts(claimed, None, day_basis=day_basis, contract=contract)
        else:
            amounts = Amounts(claimed, lines.principal, lines.charges, lines.total, lines.overpaid,
                              claimed - lines.total, day_basis, recomputed=ledger is not None, lawful=lines,
                              contract=contract, cap_ledger=cap_ledger)

    if case.court.filed_on is None:
        warnings.append("案件文件没有立案日（court.filed_on）：无法判断是否已过诉讼时效")
    elif schedule is None and card is None:
        warnings.append("缺少还款计划（loan.schedule，或生成计划所需的利率、期限和还款方式）：不知道最后一期的到期日，"
                        "无法判断是否已过诉讼时效")
    alternative = _alternative(case, lender, rate, amounts, claimed, payments, stop, day_basis, lpr, warnings)

    hits, jurisdiction = _clauses(case, lender.regime, contract_text, warnings)
    text = "\n".join([contract_text or "", *(loan.clauses or ())])  # the notice wording may be in either
    analysis = Analysis(case, today, stop, deadline, lender, schedule, rate, amounts, ledger, alternative,
                        [], warnings, hits, jurisdiction, _standing(case, schedule, payments, stop), rolled,
                        notice_claimed(text), card=card)
    analysis = replace(analysis, lines=claim_lines(analysis))
    analysis.findings.extend(defenses.findings_for(analysis))
    analysis.findings.extend(clause_findings(hits, {**case_facts(case, lender.regime),
                                                    "answer_period_over": deadline.days_left < 0}))
    return replace(analysis, positions=positions(analysis))


def _term_months(loan) -> int | None:
    """The loan's term in whole months (rounded up), for the benchmark rate's term bucket."""
    if loan.term_months:
        return loan.term_months
    if loan.term_days:
        return -(-loan.term_days // 30)
    return None


def professional_lender(case: CaseFile, lender: Lender) -> bool:
    """A private lender the file shows lending to the public (民间借贷规定第13条第(三)项)."""
    facts = case.loan.professional_lending
    return lender.regime == "private" and facts is not None and facts.shown


def _dated_fees_paid(case: CaseFile, payments, stop: dt.date) -> list:
    """The dated one-off fees due by ``stop`` that a payment on the same day settles."""
    paid_on = {p.date for p in payments}
    return [f for f in case.loan.fees if f.date is not None and f.date <= stop and f.date in paid_on]


def _standing(case: CaseFile, schedule: Schedule | None, payments: list[Payment], stop: dt.date) -> Standing | None:
    """The payments up to ``stop`` against the contract schedule; the dated one-off fees they
    include (a payment on the fee's day) are not installments."""
    if schedule is None:
        return None
    fees = sum((f.amount for f in _dated_fees_paid(case, payments, stop)), ZERO)
    return standing(schedule, max(sum((p.amount for p in payments), ZERO) - fees, ZERO))


def _clauses(case: CaseFile, regime: str, contract_text: str | None,
             warnings: list[str]) -> tuple[list[ClauseHit], JurisdictionAdvice | None]:
    """The clause library over the contract (rules.md §7 "Unfair clauses", "Jurisdiction")."""
    if contract_text is None and not case.loan.clauses:
        warnings.append("没有提供借款合同文本（loan.contract_text 或 loan.clauses）：未检查格式条款和约定管辖")
        return [], None
    notes: list[str] = []
    hits = find_clauses(contract_text, case.loan.clauses, notes=notes)
    warnings.extend(notes)
    agreed = next((h for h in hits if h.code == "CLAUSE_JURISDICTION"), None)
    if agreed is None:
        return hits, None
    arbitration = next((h for h in hits if h.code == "CLAUSE_ARBITRATION"), None)
    advice = jurisdiction_assessment(agreed, case.court.name, case.defendant.address, case.defendant.residence,
                                     plaintiff_address=case.plaintiff.address, arbitration_hit=arbitration)
    return hits, advice


def _alternative(case, lender: Lender, rate: RateResult, amounts: Amounts | None, claimed: Decimal | None,
                 payments: list[Payment], stop: dt.date, day_basis: int, lpr: LprTable,
                 warnings: list[str]) -> Alternative | None:
    """rules.md §3 (financial lenders under the private-lending caps) and §7 (void contract)."""
    loan = case.loan
    if lender.regime in ("financial", "local_financial"):
        kind, cap = "private_caps", private_cap(loan.contract_date, case.court.filed_on, lpr)
        if rate.apr is None:
            return None
        if not cap.complete:
            warnings.append("按民间借贷上限的另一种算法需要立案日（court.filed_on）：2020-08-20 以前成立的合同，"
                            "此后的上限按起诉时的 LPR 确定；未做这种算法")
            return None
        if not above(rate.apr.apr, cap.binding(loan.disbursement_date, stop)):
            return None
    elif lender.lender.category == "company" or professional_lender(case, lender):
        kind, cap = "void_contract", void_contract_cap(loan.contract_date, lpr, _term_months(loan))
    else:
        return None
    for w in cap.warnings:
        if w not in warnings:
            warnings.append(w)
    ledger = recompute(received=loan.received, start=loan.disbursement_date, payments=payments, cap=cap,
                       stop=stop, day_basis=day_basis)
    reference = amounts.lawful_total if amounts and amounts.lawful_total is not None else claimed
    if reference is not None and ledger.lawful_total >= reference:
        return None
    return Alternative(kind, cap, ledger, claimed)
