"""Analysis → the templates' context (the contract in :mod:`respond.templates.forms`).

This module words the answer: which 答辩事项 and 事实和理由 items are ticked 有/无 and what each
says. It re-derives no law: every figure, finding and citation comes from the analysis, the
figures line by line (never above the claim, 不超出诉请) from :mod:`respond.checks.claims`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from respond.checks.analyse import Analysis, claimed_total as claimed_total_of
from respond.checks.claims import Line, claim_lines, conceded_total
from respond.checks.defenses import cap_basis, cap_text, fee_names
from respond.checks.findings import Finding, basis_text, citations
from respond.checks.formats import date_text, money_text, pct_text
from respond.checks.money import ZERO
from respond.templates.forms import FORMS
from respond.templates.numerals import money_upper

BLANK_DATE = "　　　　年　　月　　日"
KIND_CN = {"disbursement": "放款", "rate_change": "上限变更", "payment": "还款", "stop": "计至"}

# Where each finding is argued on the form (answer-form.md §9.3-9.5):
# penalty and charge clauses: under the 答辩事项 on interest (利息、复利、罚息).
_INTEREST_CLAUSES = ("CLAUSE_COMPOUND_INTEREST", "CLAUSE_STACKED_CHARGES", "CLAUSE_HIGH_PENALTY")
# standard-form clauses (格式条款): 合同签订情况 says the lender did not bring them to the borrower's
# notice (民法典第496条); the full argument of each goes to 其他需要说明的内容.
_STANDARD_TERMS = {
    "CLAUSE_UNILATERAL_CHANGE": "出借方可单方变更利率、费用",
    "CLAUSE_WAIVER": "借款人预先放弃抗辩、异议等权利",
    "CLAUSE_BUNDLED_SERVICES": "借款须购买会员、担保等收费服务",
    "CLAUSE_CONTACTS_DATA": "收集通讯录并向第三人联系",
    "CLAUSE_COLLECTION_COSTS": "律师费、催收费等由借款人承担",
}
# assignment and recourse: under 有无其他免责/减责事由; 合同主体 only says who the lender was.
_ASSIGNMENT_FINDINGS = ("ASSIGNED_DEBT", "CLAUSE_ASSIGNMENT_NO_NOTICE", "ASSIGNEE_LICENCE_UNVERIFIED",
                        "GUARANTOR_RECOURSE")
_OTHER_DEFENCES = ("LIMITATION", "LENDER_UNLICENSED", "RATE_ABOVE_36")

# LIMITATION: every claim the plaintiff makes is answered 有异议 with the limitation defence — an
# express 无异议 could be read as agreeing to pay after the period expired (民法典第192条第2款).
LIMITATION_ITEM = ("答辩人对本项请求提出诉讼时效抗辩：原告起诉时已超过三年诉讼时效期间（理由见“有无其他免责/减责事由”项），"
                   "答辩人有权拒绝履行，请求驳回本项请求。")
LIMITATION_FALLBACK = "退一步说，即使不考虑诉讼时效："
# the claim items answered with the limitation defence even when the case file gives no amount
_LIMITATION_ALWAYS = ("principal", "interest")

# GUARANTOR_RECOURSE: a guarantor recovers at most what it actually paid the lender (代偿). A
# recomputed figure is what the original lender could at most claim, never what the borrower owes
# the guarantor (:func:`recourse_figure`).
RECOURSE_PROOF = ("原告系融资担保公司，以代偿后追偿为由起诉，只能在其向原出借人实际代偿的数额范围内追偿。原告应提交向原出借人"
                  "实际代偿的银行转账凭证等代偿凭证，证明实际代偿的数额；不能证明的部分不应支持。")
RECOURSE_CAP = ("超过法定利率上限的利息、罚息、违约金和各项费用，原出借人本就无权主张，原告即使代偿了这一部分，"
                "也不能向答辩人追偿。")


def recourse_figure(amount: Decimal, what: str = "", how: str = "按上限计算") -> str:
    """The recomputed figure in a guarantor's suit: the lender's maximum, recoverable only as paid."""
    return f"{how}，原出借人至多可主张{what} {money_text(amount)} 元；原告只能在实际代偿的范围内追偿。"


def is_recourse(a: Analysis) -> bool:
    """The plaintiff is a guarantor suing after paying the lender."""
    return any(f.code == "GUARANTOR_RECOURSE" for f in a.findings)


def is_time_barred(a: Analysis) -> bool:
    """The analysis found the claim may be time-barred."""
    return any(f.code == "LIMITATION" for f in a.findings)

# How the comprehensive rate was annualized (report.json ``rate.apr_method``, checks/apr.py).
APR_METHODS = {
    "monthly": "内部收益率法（月内部收益率×12）",
    "daily": "内部收益率法（日内部收益率×360）",
    "single": "一次还款的计算公式（（还款总额−到手金额）÷到手金额×360÷借款天数）",
}


def _m(x: Decimal | None) -> str:
    return "" if x is None else money_text(x)


def _item(objection: bool, text: str = "") -> dict[str, Any]:
    return {"objection": objection, "text": text}


def _by_code(a: Analysis) -> dict[str, Finding]:
    return {f.code: f for f in a.findings}


def apr_method_text(a: Analysis) -> str:
    """How the comprehensive rate was computed, in words (empty when there is no rate)."""
    return APR_METHODS[a.rate.apr.method] if a.rate.apr is not None else ""


_CLAIM_LABELS = {"principal": "本金", "interest": "利息", "penalty": "罚息（复利、违约金）", "fees": "其他费用",
                 "legal_costs": "律师费等实现债权的费用"}


def _claims_text(a: Analysis, keys: tuple[str, ...] = ("principal", "interest", "penalty", "fees")) -> str:
    """The amounts the complaint claims, in words: ``本金 5,852.36 元、利息 1,530.20 元``."""
    c = a.case.claims
    parts = [(_CLAIM_LABELS[k], getattr(c, k)) for k in keys if getattr(c, k) is not None]
    return "、".join(f"{n} {money_text(v)} 元" for n, v in parts)


def _claimed_cost(a: Analysis) -> Decimal | None:
    """Interest, penalty and fees the complaint claims: everything the cap covers."""
    c = a.case.claims
    parts = [v for v in (c.interest, c.penalty, c.fees) if v is not None]
    return sum(parts, ZERO) if parts else None


# ---------------------------------------------------------------------------------------------
# Claimed against lawful, line by line (不超出诉请)


_LINE_CN = {"principal": "本金", "interest": "利息（含罚息、复利、违约金）", "fees": "其他费用", "total": "合计"}


def not_above_text(a: Analysis) -> str:
    """The sentence naming the lines whose claim is not above the lawful amount ("" when none)."""
    lines = claim_lines(a)
    if lines is None:
        return ""
    named = [_LINE_CN[k] for k in ("principal", "interest", "fees") if k in lines and lines[k].not_above]
    if not named:
        return ""
    return (f"{'、'.join(named)}{'一项' if len(named) == 1 else '各项'}原告主张的数额不高于依法计算的数额，按原告主张的数额计"
            "（不超出原告的诉讼请求）。")


def _finding_basis(f: Finding) -> str:
    """The finding's own legal basis as a sentence (what its catalogue text calls ``{basis_text}``)."""
    by_cite = {c.cite: c.id for c in citations().values()}
    return basis_text([by_cite[b] for b in f.basis])


# ---------------------------------------------------------------------------------------------
# 答辩事项


def claim_items(a: Analysis) -> dict[str, dict[str, Any]]:
    """答辩事项: the answer to each claim; every claimed amount is stated."""
    found = _by_code(a)
    case, m = a.case, a.amounts
    c = case.claims
    items = {key: _item(False) for key, _ in FORMS[a.lender.form].claims}
    lines = claim_lines(a)
    stop = date_text(a.stop)

    stated: dict[str, str] = {}  # each claim as the complaint states it (a sentence ending in 。)

    # 1. 本金
    p = lines["principal"] if lines else None
    claimed_p = f"原告主张本金 {money_text(c.principal)} 元" if c.principal is not None else ""
    if claimed_p:
        stated["principal"] = claimed_p + "。"
    if p is not None and p.diff is not None and p.diff > 0 and m.recomputed:
        items["principal"] = _item(True, f"{claimed_p}；答辩人实际收到借款 {money_text(case.loan.received)} 元，以此为本金，"
                                         f"并按法定上限将已还款项先冲抵利息、再冲抵本金后，截至 {stop} 依法认定的本金应为 "
                                         f"{money_text(p.used)} 元。")
    elif p is not None and p.diff is not None and p.diff > 0 and "PRINCIPAL_ABOVE_SCHEDULE" in found \
            and not case.loan.upfront_deductions:
        items["principal"] = _item(True, found["PRINCIPAL_ABOVE_SCHEDULE"].argument)
    elif p is not None and p.diff is not None and p.diff > 0:
        paid = "，并按合同约定扣除已还本金后" if case.loan.payments else ""
        taken = (f"出借方放款时预先扣除了 {money_text(case.loan.principal - case.loan.received)} 元，"
                 if case.loan.upfront_deductions else "")
        items["principal"] = _item(True, f"{claimed_p}；{taken}答辩人实际收到借款 {money_text(case.loan.received)} 元，"
                                         f"本金应按实际收到的数额认定{paid}，截至 {stop} 剩余本金为 {money_text(p.used)} 元，"
                                         f"原告主张的本金应相应核减为 {money_text(p.used)} 元。")
    elif p is not None and p.not_above and c.principal is not None:
        how = "按法定上限将已还款项先冲抵利息、再冲抵本金后计算的" if m.recomputed else "依法认定的"
        items["principal"] = _item(False, f"{claimed_p}，不高于{how}本金 {money_text(p.lawful)} 元，"
                                          "本项按原告主张的数额计。")
    elif "UPFRONT_DEDUCTION" in found:
        items["principal"] = _item(True, (f"{claimed_p}。" if claimed_p else "") + found["UPFRONT_DEDUCTION"].argument)
    elif "PRINCIPAL_ABOVE_SCHEDULE" in found:
        items["principal"] = _item(True, found["PRINCIPAL_ABOVE_SCHEDULE"].argument)
    elif claimed_p:
        items["principal"] = _item(False, f"{claimed_p}。")

    # 2. 利息（复利、罚息）
    parts = _claims_text(a, ("interest", "penalty", "fees"))
    claimed_cost = _claimed_cost(a)
    several = sum(v is not None for v in (c.interest, c.penalty, c.fees)) > 1
    head = (f"原告主张{parts}，合计 {money_text(claimed_cost)} 元。" if several else f"原告主张{parts}。") if parts else ""
    if head:
        stated["interest"] = head
    interest_objection = False
    if a.rate.exceeds_cap and m is not None and m.recomputed:
        cap_head = (f"本笔借款计入全部费用后的综合年化利率为 {pct_text(a.rate.apr.apr)}，超过法定上限"
                    f"（理由详见事实和理由“借款利率”项），罚息、违约金和各项费用均应计入上限合并计算，不应另行支持。")
        if claimed_cost is not None and m.lawful_interest < claimed_cost:
            owed = "的利息至多为" if is_time_barred(a) else " 尚欠利息"  # no acknowledgement of a time-barred debt
            head += (cap_head + f"按上限计算，截至 {stop}{owed} {money_text(m.lawful_interest)} 元（已包含罚息、违约金和"
                     f"各项费用），超出部分 {money_text(claimed_cost - m.lawful_interest)} 元不应支持，答辩人请求予以调减。")
            interest_objection = True
        elif claimed_cost is not None:
            head += (f"按法定上限计算，截至 {stop} 的利息（含罚息、违约金和各项费用）为 {money_text(m.lawful_interest)} 元，"
                     "原告主张的数额不高于该数额，本项按原告主张的数额计；但本笔借款的综合年化利率超过法定上限"
                     "（理由详见事实和理由“借款利率”项），此后的利息、罚息、违约金和各项费用合计亦不得超过上限。")
        else:
            head += cap_head
            interest_objection = True
    elif a.rate.exceeds_cap:
        head += found["RATE_ABOVE_CAP"].argument
        interest_objection = True
    elif "LENDER_UNLICENSED" in found:
        head += found["LENDER_UNLICENSED"].argument
        interest_objection = True
    if not (m is not None and m.recomputed):  # within the cap: the lines checked against contract and cap
        for code in ("CHARGES_ABOVE_CAP", "CLAIM_ABOVE_CONTRACT"):
            if code in found:
                head += found[code].argument
                interest_objection = True
    clauses = [found[k].argument for k in _INTEREST_CLAUSES if k in found and found[k].argument]
    if clauses:
        head += "".join(clauses)
        interest_objection = True
    if head:
        items["interest"] = _item(interest_objection, head)

    # 3. 提前还款或解除合同
    if "CLAUSE_ACCELERATION" in found and found["CLAUSE_ACCELERATION"].argument:
        items["acceleration"] = _item(True, found["CLAUSE_ACCELERATION"].argument)
    elif c.accelerate:
        items["acceleration"] = _item(False, "原告主张借款提前到期。")
    if c.accelerate:
        stated["acceleration"] = "原告主张借款提前到期。"

    # 5. 实现债权的费用
    if c.legal_costs:
        stated["enforcement_costs"] = f"原告主张律师费等实现债权的费用 {money_text(c.legal_costs)} 元。"
        cap_ref = basis_text(("mj_29",) if a.lender.regime == "private" else ("finjud_2",))
        items["enforcement_costs"] = _item(True, (
            f"原告主张律师费等实现债权的费用 {money_text(c.legal_costs)} 元。该费用须有合同明确约定并实际发生，原告应提交委托合同及付款凭证；"
            f"且与利息、罚息、违约金等合计超过法定利率上限的部分不应支持（{cap_ref}）。"
            + (found["CLAUSE_COLLECTION_COSTS"].argument if "CLAUSE_COLLECTION_COSTS" in found else "")))

    # 6/7. 其他请求
    if c.until_paid:
        stated["other_claims"] = "原告主张利息、罚息等计至实际清偿之日。"
    if c.until_paid and a.rate.exceeds_cap:
        items["other_claims"] = _item(True, (
            f"原告主张利息、罚息等计至实际清偿之日。{stop} 之后的利息、罚息、违约金及其他费用合计，"
            f"亦不得超过上文所述的法定上限。"))

    # 7/8. 标的总额
    items["total"] = _total_item(a, found, lines)

    if "GUARANTOR_RECOURSE" in found:
        _recourse_items(a, items, stated, found, lines, clauses)
    if "LIMITATION" in found:
        _limitation_items(a, items, stated, found)

    if "litigation_costs" in items and "LIMITATION" in found:
        items["litigation_costs"] = _item(True, "原告的诉讼请求已超过诉讼时效期间，应予驳回，本案诉讼费用应由原告负担。")
    elif "litigation_costs" in items and any(items[k]["objection"] for k in ("principal", "interest", "total")):
        items["litigation_costs"] = _item(True, "原告诉讼请求中超出法定标准的部分不应支持，与之相应的诉讼费用应由原告负担。")
    return items


def _total_head(a: Analysis) -> str:
    """The total the complaint claims, as a sentence (empty when no amount is known)."""
    claimed_total = claimed_total_of(a.case)
    if claimed_total is None:
        return ""
    return f"原告主张的本金、利息、罚息及费用合计 {money_text(claimed_total)} 元（{_claims_text(a)}）。"


def _recourse_items(a: Analysis, items: dict[str, dict[str, Any]], stated: dict[str, str],
                    found: dict[str, Finding], lines: dict[str, Line] | None, clauses: list[str]) -> None:
    """GUARANTOR_RECOURSE: 本金, 利息 and 标的总额 are answered 有异议 — the plaintiff must prove what it
    actually paid and recovers at most that; a recomputed figure is only the lender's maximum."""
    case, m, stop = a.case, a.amounts, date_text(a.stop)
    received = money_text(case.loan.received)

    p = lines["principal"] if lines else None
    text = stated.get("principal", "") + RECOURSE_PROOF
    if p is not None and p.diff is not None and p.diff > 0 and m.recomputed:
        text += (f"答辩人实际收到借款 {received} 元，以此为本金，并将已还款项先冲抵利息、再冲抵本金后，截至 {stop}，"
                 + recourse_figure(p.used, "本金"))
    elif p is not None and p.diff is not None and p.diff > 0:
        text += (f"出借方放款时预先扣除了 {money_text(p.diff)} 元，答辩人实际收到借款 {received} 元，本金应按实际收到的数额认定；"
                 + recourse_figure(p.used, "本金", "按实际收到的数额计算"))
    elif p is None and "UPFRONT_DEDUCTION" in found:
        text += found["UPFRONT_DEDUCTION"].argument
    items["principal"] = _item(True, text)

    text = stated.get("interest", "")
    claimed_cost = _claimed_cost(a)
    if a.rate.exceeds_cap and m is not None and m.recomputed:
        text += (f"本笔借款计入全部费用后的综合年化利率为 {pct_text(a.rate.apr.apr)}，超过法定上限（理由详见事实和理由“借款利率”项），"
                 "罚息、违约金和各项费用均应计入上限合并计算。")
        if claimed_cost is not None and m.lawful_interest < claimed_cost:
            text += (f"截至 {stop}，" + recourse_figure(m.lawful_interest, "利息、罚息、违约金和各项费用合计")
                     + f"超出部分 {money_text(claimed_cost - m.lawful_interest)} 元不应支持。")
    elif a.rate.exceeds_cap:
        text += found["RATE_ABOVE_CAP"].argument
    elif "LENDER_UNLICENSED" in found:
        text += found["LENDER_UNLICENSED"].argument
    text += "原告应提交代偿凭证，证明其实际代偿的利息、费用的数额及构成；" + RECOURSE_CAP
    items["interest"] = _item(True, text + "".join(clauses))

    text = _total_head(a)
    if m is not None and m.recomputed and m.overpaid and "OVERPAID" in found:
        text += found["OVERPAID"].argument
    text += ("原告应提交实际代偿的银行转账凭证等代偿凭证，证明其实际代偿的数额，并只能在该数额范围内追偿；"
             "超过法定利率上限的利息、罚息、违约金和各项费用，原告不能向答辩人追偿。")
    total = lines["total"] if lines else None
    if total is not None and total.used is not None and total.diff is not None and total.diff > 0:
        how = "按上限计算" if m.recomputed else "按答辩人实际收到的借款计算"
        text += f"截至 {stop}，" + recourse_figure(total.used, how=how)
    items["total"] = _item(True, text)


def _limitation_items(a: Analysis, items: dict[str, dict[str, Any]], stated: dict[str, str],
                      found: dict[str, Finding]) -> None:
    """LIMITATION: every claim the plaintiff makes is answered 有异议 with the limitation defence;
    an objection argued before follows as the fallback; a statement that the claim is not above the
    lawful amount (本项按原告主张的数额计) is dropped."""
    for key in ("principal", "interest", "acceleration", "enforcement_costs", "other_claims"):
        if key not in items:
            continue
        claimed, old = stated.get(key, ""), items[key]
        if key not in _LIMITATION_ALWAYS and not claimed and not old["objection"]:
            continue  # not claimed: nothing to answer
        rest = ""
        if old["objection"]:
            rest = old["text"]
            stem = claimed.rstrip("。")
            if stem and rest.startswith(stem):
                rest = rest[len(stem):].lstrip("，；。")
        items[key] = _item(True, claimed + LIMITATION_ITEM + (LIMITATION_FALLBACK + rest if rest else ""))
    items["total"] = _item(True, _total_head(a) + found["LIMITATION"].argument)


def _total_item(a: Analysis, found: dict[str, Finding], lines: dict[str, Line] | None) -> dict[str, Any]:
    m = a.amounts
    claimed_total = claimed_total_of(a.case)
    head = (f"原告主张的本金、利息、罚息及费用合计 {money_text(claimed_total)} 元（{_claims_text(a)}）"
            if claimed_total is not None else "")
    stop = date_text(a.stop)
    if m is not None and m.recomputed and m.overpaid:
        return _item(True, (head + "。" if head else "") + (found["OVERPAID"].argument if "OVERPAID" in found else ""))
    total = lines["total"] if lines else None
    if m is not None and m.recomputed and total is not None and total.used is not None:
        if total.diff is not None and total.diff > 0:
            return _item(True, (
                f"{head}；按法定上限计算，截至 {stop} 答辩人依法应还 {money_text(total.used)} 元"
                f"（{money_upper(total.used)}），超出部分 {money_text(total.diff)} 元不应支持。"))
        if total.claimed is not None:
            return _item(False, (
                f"{head}；按法定上限计算，截至 {stop} 的数额为 {money_text(m.lawful_total)} 元，原告主张的合计数额不高于该数额，"
                "本项按原告主张的数额计。"))
    if m is not None and not m.recomputed and total is not None and total.used is not None and total.diff \
            and total.diff > 0:
        cut = [_LINE_CN[k] for k in ("principal", "interest", "fees") if lines[k].diff is not None and lines[k].diff > 0]
        return _item(True, (
            f"{head}。如上所述，原告主张的{'、'.join(cut)}应予核减，截至 {stop} 标的总额至多为 {money_text(total.used)} 元"
            f"（{money_upper(total.used)}），超出部分 {money_text(total.diff)} 元不应支持。"))
    if m is None and "UPFRONT_DEDUCTION" in found:
        return _item(True, (head + "。" if head else "") + "如上所述，本金应按答辩人实际收到的借款 "
                     f"{money_text(a.case.loan.received)} 元认定，标的总额应相应核减。")
    if "PRINCIPAL_ABOVE_SCHEDULE" in found:
        return _item(True, (head + "。" if head else "") + "如上所述，原告主张的本金比按合同还款计划应剩余的本金 "
                     f"{money_text(a.standing.principal_outstanding)} 元多，标的总额应相应核减。")
    return _item(False, head + "。" if head else "")


# ---------------------------------------------------------------------------------------------
# 事实和理由


def plaintiff_not_lender(a: Analysis) -> bool:
    """The plaintiff is not the original lender: the analysis found an assignment or a guarantor's recourse."""
    found = {f.code for f in a.findings}
    return "ASSIGNED_DEBT" in found or "GUARANTOR_RECOURSE" in found


def _hits_articles(a: Analysis, code: str) -> str:
    arts = list(dict.fromkeys(h.article for h in a.clause_hits if h.code == code and h.article))
    return "、".join(arts)


def _standard_terms_text(a: Analysis, found: dict[str, Finding]) -> str:
    """合同签订情况: the standard-form clauses the lender did not bring to the borrower's notice."""
    named = []
    for code, label in _STANDARD_TERMS.items():
        if code not in found:
            continue
        arts = _hits_articles(a, code)
        named.append(f"{arts}（{label}）" if arts else f"关于{label}的条款")
    if not named:
        return ""
    loan = a.case.loan
    number = f"（编号：{loan.contract_number}）" if loan.contract_number else ""
    return (f"答辩人对双方于{date_text(loan.contract_date)}签订借款合同{number}的事实无异议。但合同中{'、'.join(named)}"
            "系原告为重复使用而预先拟定、未与答辩人协商的格式条款，原告未采取合理方式提示答辩人注意，也未予以说明。"
            f"依据{basis_text(('mfd_496', 'mfd_497'))}，答辩人主张上述条款不成为合同的内容；其中不合理地加重答辩人责任、"
            "限制答辩人主要权利的，该条款无效（具体理由见答辩事项相应各项及“其他需要说明的内容”）。")


def _rate_text(a: Analysis, found: dict[str, Finding]) -> tuple[bool, str]:
    r = a.rate
    stated = f"合同约定的名义年利率为 {pct_text(r.stated_annual)}。" if r.stated_annual is not None else ""
    if r.apr is None:
        return False, stated
    base = (f"{stated}以答辩人实际收到的借款 {money_text(r.received)} 元及合同约定的全部还款（含各项费用）按"
            f"{apr_method_text(a)}计算，本笔借款的综合年化利率为 {pct_text(r.apr.apr)}")
    cap = r.cap
    if cap is None or cap.rate is None:
        return False, base + "。"
    basis = _finding_basis(found["RATE_ABOVE_CAP"]) if "RATE_ABOVE_CAP" in found else basis_text(cap_basis(a))
    if r.exceeds_cap:
        text = (base + f"，超过{cap_text(cap, r.apr.apr)}。依据{basis}，超过部分不应得到支持，答辩人请求对超过部分予以调减"
                "（按上限重新计算的结果见答辩事项“利息”“标的总额”项及附件利息重算表）。")
        if "FEES_AS_INTEREST" in found:
            text += found["FEES_AS_INTEREST"].argument
        return True, text
    if r.exceeds_cap is False:
        return False, base + f"，未超过法定上限：{cap_text(cap)}（{basis}）。"
    return False, base + f"。适用的法定上限为{cap_text(cap)}（{basis}）。"


def fact_items(a: Analysis) -> dict[str, dict[str, Any]]:
    """事实和理由: the answer to each fact the complaint states."""
    found = _by_code(a)
    case, loan = a.case, a.case.loan
    items = {key: _item(False) for key, _ in FORMS[a.lender.form].facts}

    contract = _standard_terms_text(a, found)
    if contract:
        items["contract"] = _item(True, contract)

    assigned = plaintiff_not_lender(a)
    if assigned:
        lender = (found["ASSIGNED_DEBT"].evidence.get("original_lender") if "ASSIGNED_DEBT" in found
                  else case.original_lender)
        who = f"原出借人为 {lender}" if lender else "原出借人以借款合同载明的为准"
        how = "以代偿后追偿为由起诉" if "GUARANTOR_RECOURSE" in found else "以受让债权为由起诉"
        items["parties"] = _item(True, f"原告并非案涉借款合同的出借人（{who}），系{how}。原告的主体资格及其对答辩人"
                                       "享有的权利，以其举证为准，理由见“有无其他免责/减责事由”项。")

    amount = f"合同约定借款金额 {money_text(loan.principal)} 元，答辩人实际收到 {money_text(loan.received)} 元。"
    deduction = [found[k].argument for k in ("UPFRONT_DEDUCTION", "CLAUSE_UPFRONT_DEDUCTION") if k in found]
    if deduction:
        items["amount"] = _item(True, "".join(deduction))
    else:
        items["amount"] = _item(False, amount)
    if "UPFRONT_DEDUCTION" in found:
        items["disbursement"] = _item(False, f"借款于 {date_text(loan.disbursement_date)} 发放，"
                                             f"答辩人实际到账 {money_text(loan.received)} 元。")

    objection, text = _rate_text(a, found)
    if text:
        items["rate"] = _item(objection, text)

    if loan.payments:
        paid = sum((p.amount for p in loan.payments), ZERO)
        m = a.amounts
        objection = bool(m and m.recomputed) or "PRINCIPAL_ABOVE_SCHEDULE" in found
        text = f"答辩人已还款 {len(loan.payments)} 笔，合计 {money_text(paid)} 元。"
        if m and m.recomputed:
            text += "已还款项应先冲抵利息、再冲抵本金，按法定上限计算的冲抵明细见附件利息重算表。"
        elif "PRINCIPAL_ABOVE_SCHEDULE" in found:
            text += "原告主张的本金未如实扣除上述还款（理由见答辩事项“本金”项）。"
        items["repayment"] = _item(objection, text)

    others = [found[k].argument for k in _OTHER_DEFENCES if k in found]
    for k in _ASSIGNMENT_FINDINGS:
        if k not in found or not found[k].argument:
            continue
        if not argued_in_answer(a, found[k]):
            continue
        others.append(found[k].argument)
    if others:
        items["other_defences"] = _item(True, "".join(others))
    return items


# ---------------------------------------------------------------------------------------------
# 证据清单, 其他需要说明的内容, 答辩依据

# Evidence a finding asks for, grouped by the document it is: (group, pattern). The first match
# wins; what matches none is listed as it is. The plaintiff's own documents are not the
# defendant's evidence (they are for the borrower to check, see 说明.md).
_EVIDENCE_GROUPS: tuple[tuple[str, str], ...] = (
    ("request", r"要求其|责令|请求.*提交"),
    ("plaintiff", r"^原告的"),
    ("identity", r"身份证|居住证|租房合同"),
    ("fees", r"会员|保险|担保|费用的记录|扣款|收费|服务费"),
    ("repayment", r"还款记录|还款的记录"),
    ("notice", r"转让通知"),
    ("disbursement", r"到账|流水"),
    ("contract", r"借款合同|电子合同|签约|合同版本|还款计划|条款"),
)


def evidence_list(a: Analysis) -> list[str]:
    """证据清单: one line per document, saying what it proves, most basic first."""
    found = _by_code(a)
    groups: dict[str, list[str]] = {}
    loose: list[str] = []
    for f in a.findings:
        for e in f.bring:
            kind = next((k for k, pattern in _EVIDENCE_GROUPS if re.search(pattern, e)), None)
            if kind is None:
                if e not in loose:
                    loose.append(e)
            else:
                groups.setdefault(kind, []).append(e)

    items = []
    if "identity" in groups:
        items.append("答辩人身份证复印件，以及居住证、租房合同等材料（证明答辩人的身份、住所地和经常居住地）")
    else:
        items.append("答辩人身份证复印件（证明答辩人的身份）")
    if "contract" in groups:
        arts = list(dict.fromkeys(re.sub(r"第[^第]*[款项]$", "", h.article) for h in a.clause_hits
                                  if h.article and h.code != "CLAUSE_E_SERVICE"))
        proves = "合同约定的借款金额、利率、费用和还款方式"
        if arts:
            proves += f"，以及合同{'、'.join(arts)}等格式条款的内容"
        items.append(f"借款合同及还款计划（App 截图或下载的电子合同、签约页面截图）（证明{proves}）")
    if "disbursement" in groups:
        items.append(f"放款到账的银行流水或 App 记录（证明答辩人实际收到的借款为 {money_text(a.case.loan.received)} 元）")
    if "repayment" in groups:
        to_lender = "，含向原出借人的还款" if "ASSIGNED_DEBT" in found else ""
        items.append(f"全部还款记录（银行流水、App 还款记录{to_lender}）（证明答辩人已还款项的金额和时间）")
    if "fees" in groups:
        names = "、".join(fee_names(a))
        what = f"原告或其指定的主体另行收取的{names}等费用" if names else "原告或其指定的主体另行收取的各项费用"
        items.append(f"收取费用的记录（扣款短信、App 账单）及会员、担保、保险等服务的协议或页面截图（证明{what}）")
    if "notice" in groups and ("ASSIGNED_DEBT" in found or plaintiff_not_lender(a)):
        items.append("收到的债权转让通知（如有）或未收到通知的说明（证明债权转让是否通知答辩人）")
    items += loose
    if a.ledger is not None:
        items.append("利息重算表（本答辩状附件）（证明按法定上限计算的逐笔结果）")
    return items


def _production_requests(a: Analysis) -> list[str]:
    """What the answer asks the court to order the plaintiff to produce (from the findings present)."""
    found = _by_code(a)
    asks = []
    if "ASSIGNED_DEBT" in found or ("CLAUSE_ASSIGNMENT_NO_NOTICE" in found and plaintiff_not_lender(a)):
        asks.append("债权转让协议、转让对价支付凭证及已通知答辩人的证据")
    if "ASSIGNEE_LICENCE_UNVERIFIED" in found:
        asks.append("其受让金融债权的资质证明及完整的债权转让链条证据")
    if "GUARANTOR_RECOURSE" in found:
        asks.append("向原出借人实际代偿的银行转账凭证")
    if "LENDER_UNLICENSED" in found:
        asks.append("出借人的放贷资质证明")
    if a.case.claims.legal_costs or "CLAUSE_COLLECTION_COSTS" in found:
        asks.append("律师费、催收费等费用的委托合同及付款凭证")
    if "CLAUSE_ACCELERATION" in found:
        asks.append("已向答辩人送达宣布借款提前到期通知的证据")
    return asks


def _arbitration_note(a: Analysis) -> str:
    found = _by_code(a)
    return found["CLAUSE_ARBITRATION"].argument if "CLAUSE_ARBITRATION" in found else ""


def other_notes(a: Analysis) -> str:
    """其他需要说明的内容: procedural clauses, standard-form clauses, what the plaintiff should
    produce, the alternative computation, where the law is unsettled."""
    found = _by_code(a)
    notes = []
    if "CLAUSE_JURISDICTION" in found and found["CLAUSE_JURISDICTION"].argument:
        notes.append(found["CLAUSE_JURISDICTION"].argument)
    if a.objection_warranted:
        notes.append("答辩人已就本案管辖另行提交管辖权异议申请书。")
    arbitration = _arbitration_note(a)
    if arbitration:
        notes.append(arbitration)
    for code in _STANDARD_TERMS:
        if code not in found or not found[code].argument:
            continue
        if code == "CLAUSE_COLLECTION_COSTS" and a.case.claims.legal_costs:
            continue  # argued under 实现债权的费用
        notes.append(found[code].argument)
    asks = _production_requests(a)
    if asks:
        notes.append("请求法院责令原告提交：" + "；".join(asks) + "。")
    alt = a.alternative
    conceded = conceded_total(a)
    if alt is not None and alt.kind == "private_caps":
        if conceded is None or alt.lawful_total < conceded:
            if is_recourse(a):
                figure = recourse_figure(alt.lawful_total, how="按后者计算")
            elif is_time_barred(a):
                figure = f"按后者计算，截至 {date_text(a.stop)} 的数额至多为 {money_text(alt.lawful_total)} 元。"
            else:
                figure = f"按后者计算，截至 {date_text(a.stop)} 答辩人依法应还 {money_text(alt.lawful_total)} 元。"
            notes.append("关于金融借款的利率上限，各地法院做法不一：多数适用年利率 24%，也有法院对消费金融公司、小额贷款公司适用民间借贷的"
                         f"利率保护标准。{figure}请求法院一并考虑。")
        else:
            notes.append("关于金融借款的利率上限，各地法院做法不一：多数适用年利率 24%，也有法院对消费金融公司、小额贷款公司适用民间借贷的"
                         "利率保护标准。答辩人请求法院一并考虑。")
    if a.rate.apr is not None and a.rate.exceeds_cap:
        notes.append(f"综合年化利率按中国人民银行公告〔2021〕第3号的{apr_method_text(a)}计算，计入了全部利息和费用，"
                     "以实际到手金额为本金；复利口径为 " + pct_text(a.rate.apr.apr_compound) + "。")
    if a.ledger is not None:
        notes.append("本答辩状所附利息重算表列明了逐笔计算过程，可以逐行核对。")
    return "\n".join(notes)


def _wording_basis(a: Analysis) -> list[str]:
    """Citation ids the wording of this module adds to the findings' own."""
    found = _by_code(a)
    ids: list[str] = []
    if any(code in found for code in _STANDARD_TERMS):
        ids += ["mfd_496", "mfd_497"]
    if a.rate.apr is not None and a.rate.cap is not None and a.rate.cap.rate is not None:
        ids += list(cap_basis(a))
    if "CLAUSE_ARBITRATION" in found:
        ids.append("arb_26")
    return ids


def argued_in_answer(a: Analysis, f: Finding) -> bool:
    """Whether the finding's argument goes into the answer: it has one, and it is not the
    no-notice assignment clause of a debt the original lender still holds."""
    if not f.argument:
        return False
    if f.code == "CLAUSE_ASSIGNMENT_NO_NOTICE":
        return plaintiff_not_lender(a) or any(g.code == "ASSIGNEE_LICENCE_UNVERIFIED" for g in a.findings)
    return True


def law_basis(a: Analysis) -> str:
    """Every citation the answer's arguments rely on, articles of one law grouped."""
    by_cite = {c.cite: c.id for c in citations().values()}
    ids = [by_cite[b] for f in a.findings if argued_in_answer(a, f) for b in f.basis]
    return basis_text(ids + _wording_basis(a), sep="；", by_article=True)


def contract_basis(a: Analysis) -> str:
    loan = a.case.loan
    number = f"（编号：{loan.contract_number}）" if loan.contract_number else ""
    text = f"{date_text(loan.contract_date)}签订的借款合同{number}关于借款金额、利率、费用和还款方式的约定"
    articles = list(dict.fromkeys(re.sub(r"第[^第]*[款项]$", "", h.article) for h in a.clause_hits
                                  if h.article and h.code != "CLAUSE_E_SERVICE"))
    if articles:
        text += f"；合同{'、'.join(articles)}系原告预先拟定的格式条款（理由见上文）"
    return text


E_SERVICE_NOTE = "（是否接受电子送达由答辩人自行选择：接受的，请勾选“是”并写明方式，如短信、微信、传真、邮箱及号码；不接受的，请勾选“否”）"


def answer_context(a: Analysis) -> dict[str, Any]:
    case = a.case
    d = case.defendant
    return {
        "case_cause": a.lender.case_cause,
        "court": case.court.name,
        "case_number": case.court.case_number or "",
        "defendant": {"name": d.name, "gender": d.gender or "", "birth_date": date_text(d.birth_date) if d.birth_date else "",
                      "ethnicity": d.ethnicity or "", "employer": "", "position": "", "phone": d.phone or "",
                      "domicile": d.address or "", "residence": d.residence or ""},
        "plaintiff": {"name": case.plaintiff.name},
        "agent": {"present": False, "name": "", "org": "", "position": "", "phone": "", "authority": ""},
        # consent to electronic service is the defendant's choice on this form: the way the
        # complaint was served says nothing about it, and the case file has no field for it
        "service": {"address": d.residence or d.address or "", "recipient": d.name, "phone": d.phone or "",
                    "electronic_chosen": False, "electronic": False, "electronic_method": E_SERVICE_NOTE},
        "d": claim_items(a),
        "f": fact_items(a),
        "basis_contract": contract_basis(a),
        "basis_law": law_basis(a),
        "other_notes": other_notes(a),
        "evidence": evidence_list(a),
        "signed_date": BLANK_DATE,
    }


# ---------------------------------------------------------------------------------------------
# 利息重算表


def annex_context(a: Analysis) -> dict[str, Any]:
    """利息重算表: the ledger rows of rules.md §6 and the claimed-vs-lawful summary."""
    lg, m = a.ledger, a.amounts
    cap = a.rate.cap
    lines = claim_lines(a)
    summary: dict[str, str] = {"as_of": date_text(a.stop)}
    for key in ("principal", "interest", "fees", "total"):
        line = lines[key]
        summary[f"{key}_claimed"] = _m(line.claimed)
        summary[f"{key}_lawful"] = _m(line.used)
        summary[f"{key}_diff"] = _m(line.diff)
    total = lines["total"]
    summary["total_claimed_upper"] = money_upper(total.claimed) if total.claimed is not None else ""
    summary["total_lawful_upper"] = money_upper(total.used)
    summary["total_diff_upper"] = money_upper(total.diff) if total.diff is not None else ""
    rows = [{"date": r.date.isoformat(), "event": KIND_CN[r.kind], "days": str(r.days), "rate": pct_text(r.rate), "interest": money_text(r.interest),
             "payment": money_text(r.payment), "to_interest": money_text(r.to_interest + r.to_tolerated),
             "to_principal": money_text(r.to_principal), "interest_due": money_text(r.interest_due),
             "balance": money_text(r.principal)}
            for r in lg.rows]
    method = (f"以答辩人实际收到的借款 {money_text(lg.received)} 元为本金，自 {date_text(lg.rows[0].date)} 起按法定上限"
              f"（{cap_text(cap)}）以单利逐日计息（年利率 ÷ {lg.day_basis} × 天数），未付利息不再计息；每笔还款先冲抵利息、"
              f"再冲抵本金；罚息、违约金和各项费用均计入上限，与利息合并计算。计至 {date_text(a.stop)}。")
    shared = (f"利息（含罚息、复利、违约金）与其他费用两行合计不超过依法计算的利息 {money_text(m.lawful_interest)} 元："
              "先计入原告主张的利息，余额计入其他费用。" if a.case.claims.fees is not None else "")
    law = m.lawful
    if law is not None and law.basis == "contract" and law.contract_total is not None and law.cap_total is not None:
        shared = (f"按合同约定计算（以实际收到的借款为本金，罚息、复利、违约金合计不超过逾期本金按上限计算的数额），截至 "
                  f"{date_text(a.stop)} 的本息合计为 {money_text(law.contract_total)} 元，低于上表按上限重算的 "
                  f"{money_text(law.cap_total)} 元，汇总栏按较低者计。") + shared
    note = ("各行金额四舍五入到分；合计按未舍入的数计算，可能与逐行相加相差一分。"
            + shared + not_above_text(a)
            + (f"本金还清后的还款为多付款项，合计 {money_text(lg.overpaid)} 元。" if lg.overpaid else ""))
    return {"case_number": a.case.court.case_number or "", "defendant": {"name": a.case.defendant.name},
            "annex": {"method": method, "summary": summary, "rows": rows, "note": note}}


# ---------------------------------------------------------------------------------------------
# 管辖权异议申请书


def objection_context(a: Analysis) -> dict[str, Any]:
    """管辖权异议申请书 (民诉法第130条): only when :attr:`Analysis.objection_warranted`."""
    case, advice = a.case, a.jurisdiction
    d, p = case.defendant, case.plaintiff
    hit = advice.agreed_clause
    details = "，".join(x for x in (d.gender, f"{date_text(d.birth_date)}出生" if d.birth_date else None, d.ethnicity) if x)
    proper = advice.proper_court or "被告住所地的基层人民法院"
    number = case.court.case_number or "本"
    where = hit.article or "中的管辖条款"
    address = (d.address or "").strip()
    residence = (d.residence or "").strip()
    if address and residence and residence != address:
        places = f"申请人的住所地位于{address}，经常居住地位于{residence}，均不在贵院辖区。"
    elif address:
        places = (f"申请人的住所地、经常居住地均位于{address}，不在贵院辖区。" if residence
                  else f"申请人的住所地位于{address}，不在贵院辖区。")
    elif residence:
        places = f"申请人的经常居住地位于{residence}，不在贵院辖区。"
    else:
        places = "申请人的住所地不在贵院辖区。"
    reasons = [
        f"被申请人以{a.lender.case_cause}为由向贵院提起诉讼。{places}依据{basis_text(('msf_22', 'msf_24'))}，"
        "对公民提起的民事诉讼由被告住所地人民法院管辖，被告住所地与经常居住地不一致的，由经常居住地人民法院管辖；"
        "因合同纠纷提起的诉讼，由被告住所地或者合同履行地人民法院管辖。",
        f"案涉借款合同{where}虽约定“{hit.sentence.rstrip('。；;.')}”，但该条款系被申请人为重复使用而预先拟定、未与申请人协商的格式条款，"
        "被申请人未采取合理方式提请申请人注意；对于通过互联网订立的电子合同，仅以设置勾选、弹窗等方式不足以证明已履行"
        f"提示义务。依据{basis_text(('msj_31', 'htj_10'))}，该管辖协议无效，不能作为贵院管辖本案的依据。",
    ]
    if a.deadline.days_left >= 0:  # after the answer period this would not be true (说明.md says so)
        reasons.append(f"申请人在答辩期内提出本申请，符合{basis_text(('msf_130',))}的规定。")
    return {
        "applicant": {"name": d.name, "details": details, "address": address,
                      "residence": residence if residence != address else "", "phone": d.phone or ""},
        "respondent": {"name": p.name, "address": p.address or "", "representative": p.representative or ""},
        "request": f"请求将{number}案件移送至{proper}审理。",
        "reasons": reasons,
        "closing": f"综上，请求贵院依法裁定将本案移送{proper}审理。",
        "court": case.court.name,
        "signed_date": BLANK_DATE,
    }
