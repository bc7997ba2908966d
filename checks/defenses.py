"""The findings of rules.md §8 (all but ``CLAUSE_*``), each a small function over the analysis.

Every function returns a :class:`Finding` or ``None``; its docstring says when it fires. The
texts live in ``data/findings.toml`` with the code; here we only decide and gather the facts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Callable

from respond.checks.caps import FIN_24, RED_LINE_36, Cap, above
from respond.checks.dates import add_years
from respond.checks.findings import Finding, engine_rules, make_finding
from respond.checks.formats import date_text, money_text, pct_text
from respond.checks.money import ZERO, rate6

if TYPE_CHECKING:
    from respond.checks.analyse import Analysis

CAP_BASIS = {
    "fin_24": ("finjud_2",),
    "lpr4_contract": ("mj_25", "mj_29"),
    "transition_2020": ("mj_31", "mj_25", "mj_29"),
    "lpr1_void": ("mj_13_3",),
    "rules_2015": ("mj2015_26", "mj2015_30"),
}


def cap_text(cap: Cap, apr: Decimal | None = None) -> str:
    """The cap in words, e.g. “年利率 24%（金融借款综合资金成本上限）”.

    With ``apr``, for the 2020 transition, the part of the cap that ``apr`` exceeds comes first:
    a loan at 24% exceeds only the cap from 2020-08-20, and "超过年利率 24%" would be false.
    """
    if cap.basis == "transition_2020" and apr is not None and cap.after_2020_08_20 is not None \
            and not above(apr, FIN_24):
        return (f"2020年8月20日起适用的上限，即起诉时一年期 LPR（{pct_text(cap.lpr)}）的 4 倍、年利率 "
                f"{pct_text(cap.after_2020_08_20)}（2020年8月19日以前的上限为年利率 24%）")
    if cap.basis == "fin_24":
        return f"年利率 {pct_text(cap.rate)}（金融借款的利息、复利、罚息、违约金和其他费用合计上限）"
    if cap.basis == "rules_2015":
        return ("年利率 24%（本案 2020年8月20日前起诉，适用 2015 年民间借贷规定：24% 以内受保护；24% 至 36% 之间"
                "未付的不予支持，已付的不予返还；超过 36% 的部分无效）")
    if cap.basis == "lpr4_contract":
        return (f"合同成立时一年期 LPR（{pct_text(cap.lpr)}，{date_text(cap.lpr_published)}公布）的 4 倍，"
                f"即年利率 {pct_text(cap.rate)}")
    if cap.basis == "transition_2020":
        after = (f"2020年8月20日起为起诉时一年期 LPR（{pct_text(cap.lpr)}）的 4 倍，即年利率 "
                 f"{pct_text(cap.after_2020_08_20)}") if cap.after_2020_08_20 is not None else "2020年8月20日起的上限因缺少立案日无法确定"
        return f"年利率 24%（至2020年8月19日），{after}"
    if cap.benchmark:
        return f"中国人民银行同期贷款基准利率 {pct_text(cap.rate)}（资金占用费）"
    return f"一年期 LPR 年利率 {pct_text(cap.rate)}（资金占用费）"


def _void_rate_name(cap: Cap) -> str:
    return "中国人民银行同期贷款基准利率" if cap.benchmark else "一年期 LPR"


def cap_basis(a: "Analysis") -> tuple[str, ...]:
    """Citation ids of the cap the analysis applied (rules.md §3)."""
    ids = CAP_BASIS[a.rate.cap.basis]
    if a.lender.regime == "local_financial":
        ids = ids + ("spc_reply_2020_27",)
    return ids


def deadline(a: "Analysis") -> Finding:
    """Always: the due dates and whether the calendar was verified (rules.md §1)."""
    d = a.deadline
    note = "" if d.calendar_verified else "注意：截止日所在年份的法定节假日安排尚未收录，只按周末计算；实际截止日只可能更晚，不会更早。"
    extra = tuple(_deadline_basis(d.basis))
    return make_finding(engine_rules()["DEADLINE"],
                        {"answer_due_cn": date_text(d.answer_due), "court": a.case.court.name, "calendar_note": note},
                        evidence={"served_on": d.served_on.isoformat(), "answer_due": d.answer_due.isoformat(),
                                  "jurisdiction_objection_due": d.jurisdiction_objection_due.isoformat(),
                                  "period_days": d.period_days, "calendar_verified": d.calendar_verified,
                                  "days_left": d.days_left},
                        extra_basis=extra)


def _deadline_basis(short: list[str]) -> list[str]:
    """Map the deadline's short keys (民诉法第95条, 民诉法解释第275条…) to citation ids."""
    import re

    out = []
    for key in short:
        m = re.match(r"民诉法(解释)?第(\d+)条", key)
        if m:
            cid = ("msj_" if m.group(1) else "msf_") + m.group(2)
            if cid not in out:
                out.append(cid)
    return out


def deadline_passed(a: "Analysis") -> Finding | None:
    """Today is after the answer due date."""
    d = a.deadline
    if d.days_left >= 0:
        return None
    return make_finding(engine_rules()["DEADLINE_PASSED"],
                        {"answer_due_cn": date_text(d.answer_due), "days_passed": -d.days_left},
                        evidence={"answer_due": d.answer_due.isoformat(), "days_left": d.days_left})


def _amount_facts(a: "Analysis") -> dict[str, str]:
    m = a.amounts
    if m is None or not m.recomputed:
        return {"amounts_sentence": "", "amounts_argument": "（因缺少计算所需的信息，未能重算依法应还金额。）"}
    if not a.case.loan.payments:  # unknown, not zero: no figure from a ledger that assumes nothing paid
        return {"amounts_sentence": "案件信息里没有还款记录，所以没有算出您依法最多应还多少；请把每一笔还款补进案件信息后重新生成。",
                "amounts_argument": "原告应提交完整的还款记录，按上限重新核算，已还款项先冲抵利息、再冲抵本金。"}
    stop = date_text(a.stop)
    how = ("按合同约定并以法定上限为限计算（低于按上限重算的数额，见附件利息重算表的说明）"
           if m.lawful is not None and m.lawful.basis == "contract" else "按上限重新计算（详见附件利息重算表）")
    if m.overpaid and m.overpaid > 0:
        s = f"按上限重新计算，到 {stop} 您已经多还了 {money_text(m.overpaid)} 元。"
        arg = f"{how}，截至 {stop} 答辩人已多支付 {money_text(m.overpaid)} 元，不再欠付任何本息。"
    elif a.lender.plaintiff.category == "guarantor":  # recourse: the ceiling is what it actually paid
        s = (f"按上限重新计算，到 {stop} 原出借人至多可主张 {money_text(m.lawful_total)} 元；担保公司只能在实际代偿的"
             f"范围内向您追偿，可能更少。")
        arg = (f"{how}，截至 {stop}，原出借人至多可主张本金 {money_text(m.lawful_principal)} 元、"
               f"利息 {money_text(m.lawful_interest)} 元，合计 {money_text(m.lawful_total)} 元；原告作为担保人，只能在其实际"
               f"代偿且不超过该数额的范围内追偿。")
    else:
        s = f"按上限重新计算，到 {stop} 您依法最多应还 {money_text(m.lawful_total)} 元"
        arg = (f"{how}，截至 {stop}，答辩人尚欠本金 {money_text(m.lawful_principal)} 元、"
               f"利息 {money_text(m.lawful_interest)} 元，合计 {money_text(m.lawful_total)} 元")
        if m.claimed_total is not None and m.excess > 0:
            s += f"，原告主张 {money_text(m.claimed_total)} 元，多主张了 {money_text(m.excess)} 元。"
            arg += f"；原告主张 {money_text(m.claimed_total)} 元，超出部分 {money_text(m.excess)} 元不应支持。"
        elif m.claimed_total is not None:  # never concede more than the claim (不超出诉请)
            s += f"，原告主张的 {money_text(m.claimed_total)} 元没有超过它；法院不会判得比原告主张的更多。"
            arg += (f"；原告主张的 {money_text(m.claimed_total)} 元未超过该数额，但其中超过法定上限计收的利息、"
                    f"罚息、违约金和费用仍应按上述方法核减。")
        else:
            s += "。"
            arg += "。"
    return {"amounts_sentence": s, "amounts_argument": arg}


def rate_above_cap(a: "Analysis") -> Finding | None:
    """``apr`` > the cap that binds the lender (rules.md §3, §5)."""
    r = a.rate
    if not r.exceeds_cap:
        return None
    facts = {"received": money_text(r.received), "apr_pct": pct_text(r.apr.apr), "cap_text": cap_text(r.cap, r.apr.apr)}
    facts.update(_amount_facts(a))
    return make_finding(engine_rules()["RATE_ABOVE_CAP"], facts, extra_basis=cap_basis(a), regime=a.lender.regime,
                        evidence={"apr": float(rate6(r.apr.apr)), "apr_compound": float(rate6(r.apr.apr_compound)),
                                  "cap": float(rate6(r.known_cap)),
                                  "cap_basis": r.cap.basis})


def rate_above_36(a: "Analysis") -> Finding | None:
    """``apr`` > 36%: the regulatory red line for lenders (整治办函〔2017〕141号). Not raised against
    one private individual with no facts of lending to the public: it proves nothing there (the
    cap governs) and reads as an accusation of criminal lending (illegal_lending_2019)."""
    r = a.rate
    if r.apr is None or not above(r.apr.apr, RED_LINE_36):
        return None
    from respond.checks.analyse import professional_lender
    if a.lender.regime == "private" and a.lender.lender.category == "individual" \
            and not professional_lender(a.case, a.lender):
        return None
    licence = ("如果出借人没有放贷资质却经常性地向社会放贷，还可能涉嫌非法放贷，可以向当地金融监管部门反映。"
               if a.lender.regime == "private" else "")
    return make_finding(engine_rules()["RATE_ABOVE_36"], {"apr_pct": pct_text(r.apr.apr), "licence_sentence": licence},
                        evidence={"apr": float(rate6(r.apr.apr)), "red_line": 0.36}, regime=a.lender.regime)


def fee_names(a: "Analysis") -> list[str]:
    loan = a.case.loan
    # interest taken up front is 砍头息 (UPFRONT_DEDUCTION), not a fee; fees taken up front are fees
    names = [f.name for f in loan.fees] + [d.name for d in loan.upfront_deductions if "息" not in d.name]
    if not names and a.schedule and any(i.fees for i in a.schedule.installments):
        names = ["还款计划中的各期费用"]
    return list(dict.fromkeys(names))


def fees_as_interest(a: "Analysis") -> Finding | None:
    """Fees push ``apr`` above the cap while the stated rate alone is not above it."""
    r = a.rate
    names = fee_names(a)
    binding = r.known_cap
    if not r.exceeds_cap or r.stated_annual is None or binding is None or above(r.stated_annual, binding) or not names:
        return None
    return make_finding(engine_rules()["FEES_AS_INTEREST"],
                        {"stated_pct": pct_text(r.stated_annual), "fee_names": "、".join(names),
                         "apr_pct": pct_text(r.apr.apr), "cap_text": cap_text(r.cap, r.apr.apr)},
                        evidence={"stated_annual": float(rate6(r.stated_annual)), "apr": float(rate6(r.apr.apr)),
                                  "cap": float(rate6(binding)), "fees": names},
                        regime=a.lender.regime)


def upfront_deduction(a: "Analysis") -> Finding | None:
    """Any ``loan.upfront_deductions``: principal in law is what was received (民法典第670条)."""
    loan = a.case.loan
    if not loan.upfront_deductions:
        return None
    deductions = "、".join(f"{d.name} {money_text(d.amount)} 元" for d in loan.upfront_deductions)
    m = a.amounts
    if m is not None and m.lawful_principal is not None and not m.recomputed:
        sentence = f"原告主张的本金也应相应减为 {money_text(m.lawful_principal)} 元。"
        argument = f"据此，原告主张的本金应核减为 {money_text(m.lawful_principal)} 元。"
    else:
        sentence = argument = ""
    return make_finding(engine_rules()["UPFRONT_DEDUCTION"],
                        {"principal": money_text(loan.principal), "deductions_text": deductions,
                         "received": money_text(loan.received), "principal_sentence": sentence,
                         "principal_argument": argument},
                        evidence={"contract_principal": float(loan.principal), "received": float(loan.received),
                                  "deductions": [{"name": d.name, "amount": float(d.amount)} for d in loan.upfront_deductions]})


def principal_above_schedule(a: "Analysis") -> Finding | None:
    """No recomputation ran (the rate is within the cap), and the principal claimed is more than
    the contract's own schedule leaves after the payments made (民法典第561条: payments reduce
    the debt)."""
    s, claimed, m = a.standing, a.case.claims.principal, a.amounts
    if s is None or claimed is None or (m is not None and m.recomputed) or not a.case.loan.payments:
        return None
    if claimed <= s.principal_outstanding:
        return None
    diff = claimed - s.principal_outstanding
    return make_finding(engine_rules()["PRINCIPAL_ABOVE_SCHEDULE"],
                        {"covered": str(s.installments_covered), "paid": money_text(s.paid),
                         "outstanding": money_text(s.principal_outstanding), "claimed": money_text(claimed),
                         "diff": money_text(diff)},
                        evidence={"paid": float(s.paid), "installments_covered": s.installments_covered,
                                  "principal_outstanding": float(s.principal_outstanding),
                                  "claimed_principal": float(claimed)})


def overpaid(a: "Analysis") -> Finding | None:
    """The recomputation ran and payments exceeded all that was lawfully owed."""
    m = a.amounts
    if m is None or not m.recomputed or not m.overpaid:
        return None
    return make_finding(engine_rules()["OVERPAID"], {"overpaid": money_text(m.overpaid)},
                        evidence={"overpaid": float(m.overpaid)}, extra_basis=cap_basis(a), regime=a.lender.regime)


def lender_unlicensed(a: "Analysis") -> Finding | None:
    """Lender category ``company``: no lending licence; the contract may be void (§7)."""
    lender = a.lender.lender
    if lender.category != "company":
        return None
    alt = a.alternative
    claimed = alt.claimed_total if alt is not None else None
    if alt is not None and alt.kind == "void_contract" and claimed is not None and alt.lawful_total >= claimed:
        # never concede more than the claim (不超出诉请)
        void = (f"按这种算法，到 {date_text(a.stop)} 算出的数额（{money_text(alt.lawful_total)} 元）不低于原告主张的 "
                f"{money_text(claimed)} 元；法院不会判得比原告主张的更多。")
        void_arg = ""
    elif alt is not None and alt.kind == "void_contract":
        void = (f"按这种算法，到 {date_text(a.stop)} 您最多还欠 {money_text(alt.lawful_total)} 元"
                + (f"（已多还 {money_text(alt.ledger.overpaid)} 元）" if alt.ledger.overpaid else "") + "。")
        void_arg = (f"按实际收到的本金、已还款项及{_void_rate_name(alt.cap)}（{pct_text(alt.cap.rate)}）计算，截至 "
                    f"{date_text(a.stop)} 答辩人至多应返还 {money_text(alt.lawful_total)} 元。")
    else:
        void = void_arg = ""
    platform = ("名称像是助贷或导流平台（这类公司通常只是中介，不是放款方），请核对借款合同上写的放款主体。"
                if lender.platform else "")
    return make_finding(engine_rules()["LENDER_UNLICENSED"],
                        {"lender": a.case.lender_name, "lender_reason": lender.reason.rstrip("。"),
                         "void_sentence": void, "platform_sentence": platform, "void_argument": void_arg},
                        evidence={"lender": a.case.lender_name, "category": lender.category, "platform": lender.platform,
                                  "void_lawful_total": float(alt.lawful_total) if void else None})


_BRANCH = re.compile(r"(?:分行|支行|分公司|营业部|分理处)$")
_DEBT_BUYERS = ("asset_manager", "amc_national")


def _legal_person(name: str) -> str:
    """A name compared as the legal person it stands for: spaces and bracket widths folded; a
    branch (…银行股份有限公司上海分行) is not a separate lender from its head office."""
    text = "".join(name.split()).replace("(", "（").replace(")", "）")
    if _BRANCH.search(text):
        for end in ("股份有限公司", "有限责任公司", "有限公司"):
            cut = text.find(end)
            if cut > 0:
                return text[:cut + len(end)]
    return text


def assigned_debt(a: "Analysis") -> Finding | None:
    """The plaintiff is not the original lender (民法典第546条; 合同编通则解释第48条): the original
    lender (``loan.lender`` or ``assignment.from``) is another legal person, or the case file
    records an assignment, or the plaintiff is a debt buyer by its category."""
    case = a.case
    original = case.original_lender
    if a.lender.plaintiff.category == "guarantor":
        return None  # guarantor recourse is its own finding
    if a.lender.form == "guarantee_insurance" and case.assignment is None:
        return None  # the insurer sues on what it paid under the policy (its own form), not as a buyer
    other = original is not None and _legal_person(original) != _legal_person(case.plaintiff.name)
    if not (other or case.assignment is not None or a.lender.plaintiff.category in _DEBT_BUYERS):
        return None
    notified = case.assignment.notified if case.assignment else None
    if notified is False:
        sentence = "您说没有收到过转让通知：那么转让最早从起诉状副本送达您时才对您生效，因未通知而增加的费用应当扣除。"
        arg = "答辩人从未收到债权转让通知。"
    elif notified is None:
        sentence = "如果您从未收到过转让通知，请在答辩中写明。"
        arg = ""
    else:
        sentence = ""
        arg = ""
    known = original is not None and other
    return make_finding(engine_rules()["ASSIGNED_DEBT"],
                        {"plaintiff": case.plaintiff.name, "lender": original if known else "",
                         "notice_sentence": sentence, "notice_argument": arg},
                        variant="" if known else "unknown",
                        evidence={"plaintiff": case.plaintiff.name, "original_lender": original if known else None,
                                  "notified": notified})


def assignee_licence_unverified(a: "Analysis") -> Finding | None:
    """Plaintiff category ``asset_manager``: its licence cannot be established from the name."""
    if a.lender.plaintiff.category != "asset_manager":
        return None
    return make_finding(engine_rules()["ASSIGNEE_LICENCE_UNVERIFIED"], {"plaintiff": a.case.plaintiff.name},
                        evidence={"plaintiff": a.case.plaintiff.name, "category": "asset_manager"})


def guarantor_recourse(a: "Analysis") -> Finding | None:
    """Plaintiff category ``guarantor``: recourse after paying the lender."""
    if a.lender.plaintiff.category != "guarantor":
        return None
    return make_finding(engine_rules()["GUARANTOR_RECOURSE"], {"plaintiff": a.case.plaintiff.name},
                        evidence={"plaintiff": a.case.plaintiff.name, "category": "guarantor"})


def limitation(a: "Analysis") -> Finding | None:
    """``court.filed_on`` > 3 years after the later of the last installment and the last payment."""
    case = a.case
    filed = case.court.filed_on
    last_due = a.schedule.last_due if a.schedule else None
    last_payment = max((p.date for p in case.loan.payments), default=None)
    if filed is None or last_due is None:
        return None
    start = max(d for d in (last_due, last_payment) if d is not None)
    if filed <= add_years(start, 3):
        return None
    return make_finding(engine_rules()["LIMITATION"],
                        {"last_due_cn": date_text(last_due), "filed_cn": date_text(filed),
                         "last_payment_you": (f"您最后一次还款是 {date_text(last_payment)}" if last_payment
                                              else "案件文件里没有您的还款记录"),
                         "last_payment_defendant": (f"答辩人最后一次还款日为 {date_text(last_payment)}" if last_payment
                                                    else "答辩人在最后一期届满后未再还款")},
                        evidence={"last_due": last_due.isoformat(),
                                  "last_payment": last_payment.isoformat() if last_payment else None,
                                  "filed_on": filed.isoformat(), "limitation_ends": add_years(start, 3).isoformat()})


# A claim line is above a ceiling only by 1 元 or more: a lender's own rounding is not an argument.
TOLERANCE = Decimal("1.00")
_LINE_WORDS = {"interest": "利息和罚息（含复利、违约金）", "fees": "其他费用"}


def claim_above_contract(a: "Analysis") -> Finding | None:
    """A claim line is above what the contract itself allows at ``claims.as_of`` (docs/rules.md §9):
    the interest and penalty claimed together, or the fees, by 1 元 or more."""
    m, c = a.amounts, a.case.claims
    e = m.contract if m is not None else None
    if e is None:
        return None
    rows = []
    pairs = (("interest", (c.interest, c.penalty), e.interest + e.penalty), ("fees", (c.fees,), e.fees))
    for key, claimed_parts, allowed in pairs:
        if all(x is None for x in claimed_parts):
            continue
        claimed = sum((x for x in claimed_parts if x is not None), Decimal("0"))
        if key == "interest" and e.overdue_rate.daily is None:
            continue  # the contract's penalty is unknown: not checked against the contract
        if claimed - allowed >= TOLERANCE:
            rows.append((key, claimed, allowed))
    if not rows:
        return None
    plain = "；".join(f"{_LINE_WORDS[k]}最多 {money_text(al)} 元，原告主张 {money_text(cl)} 元，多 {money_text(cl - al)} 元"
                     for k, cl, al in rows)
    argued = "".join(f"{_LINE_WORDS[k]}至多为 {money_text(al)} 元，原告主张 {money_text(cl)} 元，超出 {money_text(cl - al)} 元；"
                     for k, cl, al in rows)
    return make_finding(engine_rules()["CLAIM_ABOVE_CONTRACT"],
                        {"as_of_cn": date_text(a.stop), "lines_plain": plain, "lines_argument": argued},
                        evidence={"lines": {k: {"claimed": float(cl), "contract": float(al)} for k, cl, al in rows},
                                  "overdue_rate_source": e.overdue_rate.source,
                                  "accelerated_on": e.accelerated_on.isoformat() if e.accelerated_on else None})


def charges_above_cap(a: "Analysis") -> Finding | None:
    """The rate is not above the cap, but the 罚息、复利、违约金 claimed are above the cap on the
    overdue principal over the overdue days (法发〔2017〕22号第2条; 民间借贷规定第29条) by 1 元 or more."""
    m, claimed = a.amounts, a.case.claims.penalty
    law = m.lawful if m is not None else None
    if a.rate.exceeds_cap or law is None or law.allowance is None or claimed is None:
        return None
    if claimed - law.allowance < TOLERANCE:
        return None
    return make_finding(engine_rules()["CHARGES_ABOVE_CAP"],
                        {"claimed_penalty": money_text(claimed), "allowance": money_text(law.allowance),
                         "excess": money_text(claimed - law.allowance), "as_of_cn": date_text(a.stop),
                         "cap_text": cap_text(a.rate.cap)},
                        extra_basis=cap_basis(a), regime=a.lender.regime,
                        evidence={"claimed_penalty": float(claimed), "allowance": float(law.allowance),
                                  "cap": float(rate6(a.rate.known_cap)) if a.rate.known_cap is not None else None})


def card_charges_above_cap(a: "Analysis") -> Finding | None:
    """信用卡纠纷: the charges claimed above the cap from the day of default (checks/card_suit.py)
    by 1 元 or more."""
    card, lines = a.card, a.lines
    if card is None or lines is None:
        return None
    claimed = sum((lines[k].claimed for k in ("interest", "penalty", "fees") if lines[k].claimed is not None), ZERO)
    ceiling = card.ledger.lawful_interest
    if claimed - ceiling < TOLERANCE:
        return None
    return make_finding(engine_rules()["CARD_CHARGES_ABOVE_CAP"],
                        {"claimed_charges": money_text(claimed), "base": money_text(card.base),
                         "since_cn": date_text(card.since), "as_of_cn": date_text(a.stop),
                         "ceiling": money_text(ceiling), "excess": money_text(claimed - ceiling)},
                        evidence={"claimed_charges": float(claimed), "ceiling": float(ceiling), "base": float(card.base),
                                  "since": card.since.isoformat()})


def _facts_words(facts) -> tuple[str, str]:
    parts = []
    if facts.advertised:
        parts.append("公开宣传放贷")
    if facts.other_borrowers:
        parts.append(f"已知另有 {facts.other_borrowers} 名借款人")
    if facts.other_lawsuits:
        parts.append(f"作为原告另有 {facts.other_lawsuits} 起借贷诉讼")
    return "、".join(parts), "，".join(parts)


def professional_lender(a: "Analysis") -> Finding | None:
    """A private lender (individual; companies are LENDER_UNLICENSED) the file shows lending to the
    public: the contract may be void (民间借贷规定第13条第(三)项)."""
    from respond.checks.analyse import professional_lender as shown

    if not shown(a.case, a.lender) or a.lender.lender.category == "company":
        return None
    plain, argued = _facts_words(a.case.loan.professional_lending)
    alt = a.alternative
    void = void_arg = ""
    if alt is not None and alt.kind == "void_contract":
        void = f"按这种算法，到 {date_text(a.stop)} 您最多还欠 {money_text(alt.lawful_total)} 元。"
        void_arg = (f"按实际收到的本金、已还款项及{_void_rate_name(alt.cap)}（{pct_text(alt.cap.rate)}）计算，截至 "
                    f"{date_text(a.stop)} 答辩人至多应返还 {money_text(alt.lawful_total)} 元。")
    return make_finding(engine_rules()["PROFESSIONAL_LENDER"],
                        {"lender": a.case.lender_name, "facts_plain": plain, "facts_argument": argued,
                         "void_sentence": void, "void_argument": void_arg},
                        evidence={"lender": a.case.lender_name, "facts": plain,
                                  "void_lawful_total": float(alt.lawful_total) if void else None})


def rollover_interest(a: "Analysis") -> Finding | None:
    """The new IOU's principal folds in more interest than the cap allowed on the original principal
    (民间借贷规定第27条; docs/rules.md §14), by 1 元 or more."""
    r = a.rollover
    if r is None or r.excess < TOLERANCE:
        return None
    basis = ("mj2015_26",) if r.cap.basis == "rules_2015" else ("mj_27",)
    loan = a.case.loan
    return make_finding(engine_rules()["ROLLOVER_INTEREST"],
                        {"new_principal": money_text(loan.principal), "folded": money_text(r.folded_interest),
                         "original": money_text(r.original_principal), "original_date_cn": date_text(r.original_date),
                         "new_date_cn": date_text(loan.contract_date), "allowed": money_text(r.allowed_interest),
                         "principal_in_law": money_text(r.principal_in_law), "excess": money_text(r.excess)},
                        extra_basis=basis,
                        evidence={"original_principal": float(r.original_principal), "folded_interest": float(r.folded_interest),
                                  "allowed_interest": float(r.allowed_interest), "principal_in_law": float(r.principal_in_law),
                                  "cap_basis": r.cap.basis})


CHECKS: tuple[Callable[["Analysis"], Finding | None], ...] = (
    deadline, deadline_passed, rate_above_cap, rate_above_36, fees_as_interest, charges_above_cap, upfront_deduction,
    rollover_interest, card_charges_above_cap,
    principal_above_schedule, claim_above_contract, overpaid,
    lender_unlicensed, professional_lender, assigned_debt, assignee_licence_unverified, guarantor_recourse, limitation,
)


def findings_for(a: "Analysis") -> list[Finding]:
    return [f for f in (check(a) for check in CHECKS) if f is not None]
