"""Analysis → the templates' context (the contract in :mod:`respond.templates.forms`).

This module words the answer: which 答辩事项 and 事实和理由 items are ticked 有/无 and what each
says. It re-derives no law: every figure, finding and citation comes from the analysis.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from respond.checks.analyse import Analysis
from respond.checks.defenses import cap_text
from respond.checks.findings import Finding, basis_text, citations
from respond.checks.formats import date_text, money_text, pct_text
from respond.checks.money import ZERO
from respond.templates.forms import FORMS
from respond.templates.numerals import money_upper

BLANK_DATE = "　　　　年　　月　　日"
KIND_CN = {"disbursement": "放款", "rate_change": "上限变更", "payment": "还款", "stop": "计至"}

# Which findings speak to which 事实和理由 item (the 答辩事项 are worded from the figures).
_PARTY_FINDINGS = ("ASSIGNED_DEBT", "ASSIGNEE_LICENCE_UNVERIFIED", "GUARANTOR_RECOURSE", "CLAUSE_ASSIGNMENT_NO_NOTICE")
# Standard-form clauses a court may void or cut: argued under 合同签订情况 (the contract's terms).
_CONTRACT_CLAUSES = ("CLAUSE_UPFRONT_DEDUCTION", "CLAUSE_COMPOUND_INTEREST", "CLAUSE_STACKED_CHARGES",
                     "CLAUSE_HIGH_PENALTY", "CLAUSE_BUNDLED_SERVICES", "CLAUSE_UNILATERAL_CHANGE", "CLAUSE_WAIVER",
                     "CLAUSE_CONTACTS_DATA")
# Procedural clauses: stated under 其他需要说明的内容 (the objection itself is a separate document).
_PROCEDURE_CLAUSES = ("CLAUSE_JURISDICTION", "CLAUSE_ARBITRATION")
_RATE_FINDINGS = ("RATE_ABOVE_CAP", "FEES_AS_INTEREST")
_OTHER_DEFENCES = ("LIMITATION", "LENDER_UNLICENSED", "RATE_ABOVE_36")


def _m(x: Decimal | None) -> str:
    return "" if x is None else money_text(x)


def _item(objection: bool, text: str = "") -> dict[str, Any]:
    return {"objection": objection, "text": text}


def _by_code(a: Analysis) -> dict[str, Finding]:
    return {f.code: f for f in a.findings}


_CLAIM_LABELS = {"principal": "本金", "interest": "利息", "penalty": "罚息、复利、违约金", "fees": "其他费用"}


def _claims_text(a: Analysis, keys: tuple[str, ...] = tuple(_CLAIM_LABELS)) -> str:
    c = a.case.claims
    parts = [(_CLAIM_LABELS[k], getattr(c, k)) for k in keys if getattr(c, k) is not None]
    return "、".join(f"{n} {money_text(v)} 元" for n, v in parts)


def _claimed_cost(a: Analysis) -> Decimal | None:
    """Interest, penalty and fees the complaint claims: everything the cap covers."""
    c = a.case.claims
    parts = [v for v in (c.interest, c.penalty, c.fees) if v is not None]
    return sum(parts, ZERO) if parts else None


def claim_items(a: Analysis) -> dict[str, dict[str, Any]]:
    """答辩事项: the answer to each claim."""
    found = _by_code(a)
    case, m = a.case, a.amounts
    c = case.claims
    items = {key: _item(False) for key, _ in FORMS[a.lender.form].claims}

    m_lower = m is not None and m.lawful_principal is not None and (
        c.principal is None or m.lawful_principal < c.principal)
    if m_lower and (m.recomputed or "UPFRONT_DEDUCTION" in found):
        claimed = f"原告主张本金 {money_text(c.principal)} 元；" if c.principal is not None else ""
        why = "并按法定上限将已还款项先冲抵利息、再冲抵本金后，" if m.recomputed else ""
        items["principal"] = _item(True, f"{claimed}答辩人实际收到借款 {money_text(case.loan.received)} 元，以此为本金，"
                                         f"{why}截至 {date_text(a.stop)} 依法认定的本金应为 {money_text(m.lawful_principal)} 元。")
    elif "UPFRONT_DEDUCTION" in found:
        items["principal"] = _item(True, found["UPFRONT_DEDUCTION"].argument)

    if a.rate.exceeds_cap and m is not None and m.recomputed:
        parts = _claims_text(a, ("interest", "penalty", "fees"))
        claimed_cost = _claimed_cost(a)
        head = (f"原告主张{parts}，合计 {money_text(claimed_cost)} 元。" if parts else "")
        head += (f"本笔借款计入全部费用后的综合年化利率为 {pct_text(a.rate.apr.apr)}，超过法定上限"
                 f"（理由详见事实和理由“借款利率”项），答辩人请求对超过部分予以调减。")
        if claimed_cost is not None and m.lawful_interest < claimed_cost:
            head += (f"按上限计算，截至 {date_text(a.stop)} 尚欠利息 {money_text(m.lawful_interest)} 元（罚息、违约金和各项费用"
                     f"均已计入上限，不应另行支持），超出部分 {money_text(claimed_cost - m.lawful_interest)} 元不应支持。")
        else:
            head += "罚息、违约金和各项费用均应计入上限合并计算，不应另行支持。"
        items["interest"] = _item(True, head)
    elif a.rate.exceeds_cap:
        items["interest"] = _item(True, found["RATE_ABOVE_CAP"].argument)
    elif "LENDER_UNLICENSED" in found:
        items["interest"] = _item(True, found["LENDER_UNLICENSED"].argument)

    if "CLAUSE_ACCELERATION" in found and found["CLAUSE_ACCELERATION"].argument:
        items["acceleration"] = _item(True, found["CLAUSE_ACCELERATION"].argument)

    if c.legal_costs:
        cap_ref = basis_text(("mj_29",) if a.lender.regime == "private" else ("finjud_2",))
        items["enforcement_costs"] = _item(True, (
            f"原告主张律师费等实现债权的费用 {money_text(c.legal_costs)} 元。该费用须有合同明确约定并实际发生，原告应提交委托合同及付款凭证；"
            f"且与利息、罚息、违约金等合计超过法定利率上限的部分不应支持（{cap_ref}）。"
            + (found["CLAUSE_COLLECTION_COSTS"].argument if "CLAUSE_COLLECTION_COSTS" in found else "")))

    if c.until_paid and a.rate.exceeds_cap:
        items["other_claims"] = _item(True, (
            f"原告主张利息、罚息等计至实际清偿之日。{date_text(a.stop)} 之后的利息、罚息、违约金及其他费用合计，"
            f"亦不得超过上文所述的法定上限。"))

    if "LIMITATION" in found:
        items["total"] = _item(True, found["LIMITATION"].argument)
    elif m is not None and m.recomputed:
        if m.overpaid:
            items["total"] = _item(True, found["OVERPAID"].argument if "OVERPAID" in found else "")
        elif m.claimed_total is not None and m.excess and m.excess > 0:
            items["total"] = _item(True, (
                f"原告主张的本金、利息、罚息及费用合计 {money_text(m.claimed_total)} 元（{_claims_text(a)}）；"
                f"按法定上限计算，截至 {date_text(a.stop)} 答辩人依法应还 {money_text(m.lawful_total)} 元"
                f"（{money_upper(m.lawful_total)}），超出部分 {money_text(m.excess)} 元不应支持。"))

    if "litigation_costs" in items and any(items[k]["objection"] for k in ("principal", "interest", "total")):
        items["litigation_costs"] = _item(True, "原告诉讼请求中超出法定标准的部分不应支持，与之相应的诉讼费用应由原告负担。")
    return items


def fact_items(a: Analysis) -> dict[str, dict[str, Any]]:
    """事实和理由: the answer to each fact the complaint states."""
    found = _by_code(a)
    loan = a.case.loan
    items = {key: _item(False) for key, _ in FORMS[a.lender.form].facts}

    contract = [found[k].argument for k in _CONTRACT_CLAUSES if k in found and found[k].argument]
    if contract:
        items["contract"] = _item(True, "".join(contract))

    parties = [found[k].argument for k in _PARTY_FINDINGS if k in found]
    if parties:
        items["parties"] = _item(True, "".join(parties))

    if "UPFRONT_DEDUCTION" in found:
        items["amount"] = _item(True, found["UPFRONT_DEDUCTION"].argument)
        items["disbursement"] = _item(False, f"借款于 {date_text(loan.disbursement_date)} 发放，"
                                             f"答辩人实际到账 {money_text(loan.received)} 元。")

    rate_args = [found[k].argument for k in _RATE_FINDINGS if k in found]
    if rate_args:
        items["rate"] = _item(True, "".join(rate_args))
    elif a.rate.apr is not None:
        items["rate"] = _item(False, f"按内部收益率法计算，本笔借款的综合年化利率为 {pct_text(a.rate.apr.apr)}。")

    if loan.payments:
        paid = sum((p.amount for p in loan.payments), ZERO)
        m = a.amounts
        objection = bool(m and m.recomputed)
        text = f"答辩人已还款 {len(loan.payments)} 笔，合计 {money_text(paid)} 元。"
        if objection:
            text += "已还款项应先冲抵利息、再冲抵本金，按法定上限计算的冲抵明细见附件利息重算表。"
        items["repayment"] = _item(objection, text)

    others = [found[k].argument for k in _OTHER_DEFENCES if k in found]
    if others:
        items["other_defences"] = _item(True, "".join(others))
    return items


def evidence_list(a: Analysis) -> list[str]:
    """证据清单: what to attach, from the findings, most basic first."""
    items = ["答辩人身份证复印件"]
    for f in a.findings:
        for e in f.bring:
            if e not in items:
                items.append(e)
    if a.ledger is not None:
        items.append("利息重算表（本答辩状附件）")
    return items


def other_notes(a: Analysis) -> str:
    """其他需要说明的内容: procedural clauses, the alternative computation, where the law is unsettled."""
    found = _by_code(a)
    notes = [found[k].argument for k in _PROCEDURE_CLAUSES if k in found and found[k].argument]
    if a.objection_warranted:
        notes.append("答辩人已就本案管辖另行提交管辖权异议申请书。")
    alt = a.alternative
    if alt is not None and alt.kind == "private_caps":
        notes.append(f"关于金融借款的利率上限，各地法院做法不一：多数适用年利率 24%，也有法院对消费金融公司、小额贷款公司适用民间借贷的"
                     f"利率保护标准。按后者计算，截至 {date_text(a.stop)} 答辩人依法应还 {money_text(alt.lawful_total)} 元，请求法院一并考虑。")
    if a.rate.apr is not None and a.rate.exceeds_cap:
        notes.append("综合年化利率按中国人民银行公告〔2021〕第3号的内部收益率法计算（月内部收益率×12），计入了全部利息和费用，"
                     "以实际到手金额为本金；复利口径为 " + pct_text(a.rate.apr.apr_compound) + "。")
    if a.ledger is not None:
        notes.append("本答辩状所附利息重算表列明了逐笔计算过程，可以逐行核对。")
    return "\n".join(notes)


def law_basis(a: Analysis) -> str:
    """Every citation the answer's arguments rely on, articles of one law grouped."""
    by_cite = {c.cite: c.id for c in citations().values()}
    ids = [by_cite[b] for f in a.findings if f.code not in ("DEADLINE", "DEADLINE_PASSED") for b in f.basis]
    return basis_text(ids, sep="；")


def contract_basis(a: Analysis) -> str:
    loan = a.case.loan
    number = f"（编号：{loan.contract_number}）" if loan.contract_number else ""
    text = f"{date_text(loan.contract_date)}签订的借款合同{number}关于借款金额、利率、费用和还款方式的约定"
    articles = list(dict.fromkeys(re.sub(r"第[^第]*[款项]$", "", h.article) for h in a.clause_hits
                                  if h.article and h.code != "CLAUSE_E_SERVICE"))
    if articles:
        text += f"；合同{'、'.join(articles)}系原告预先拟定的格式条款（理由见上文）"
    return text


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
        "service": {"address": d.residence or d.address or "", "recipient": d.name, "phone": d.phone or "",
                    "electronic": case.service.method.value == "electronic", "electronic_method": ""},
        "d": claim_items(a),
        "f": fact_items(a),
        "basis_contract": contract_basis(a),
        "basis_law": law_basis(a),
        "other_notes": other_notes(a),
        "evidence": evidence_list(a),
        "signed_date": BLANK_DATE,
    }


def annex_context(a: Analysis) -> dict[str, Any]:
    """利息重算表: the ledger rows of rules.md §6 and the claimed-vs-lawful summary."""
    lg, m, c = a.ledger, a.amounts, a.case.claims
    cap = a.rate.cap
    claimed_interest = (c.interest or ZERO) + (c.penalty or ZERO)
    lines = {
        "principal": (c.principal, m.lawful_principal),
        "interest": (claimed_interest if (c.interest is not None or c.penalty is not None) else None, m.lawful_interest),
        "fees": (c.fees, ZERO if c.fees is not None else None),
        "total": (m.claimed_total, m.lawful_total),
    }
    summary: dict[str, str] = {"as_of": date_text(a.stop)}
    for key, (claimed, lawful) in lines.items():
        summary[f"{key}_claimed"] = _m(claimed)
        summary[f"{key}_lawful"] = _m(lawful)
        summary[f"{key}_diff"] = _m(claimed - lawful) if claimed is not None and lawful is not None else ""
    summary["total_claimed_upper"] = money_upper(m.claimed_total) if m.claimed_total is not None else ""
    summary["total_lawful_upper"] = money_upper(m.lawful_total)
    summary["total_diff_upper"] = money_upper(m.excess) if m.excess is not None and m.excess >= 0 else ""
    rows = [{"date": r.date.isoformat(), "event": KIND_CN[r.kind], "days": str(r.days), "rate": pct_text(r.rate), "interest": money_text(r.interest),
             "payment": money_text(r.payment), "to_interest": money_text(r.to_interest),
             "to_principal": money_text(r.to_principal), "balance": money_text(r.principal)}
            for r in lg.rows]
    method = (f"以答辩人实际收到的借款 {money_text(lg.received)} 元为本金，自 {date_text(lg.rows[0].date)} 起按法定上限"
              f"（{cap_text(cap)}）以单利逐日计息（年利率 ÷ {lg.day_basis} × 天数），未付利息不再计息；每笔还款先冲抵利息、"
              f"再冲抵本金；罚息、违约金和各项费用均计入上限，不另行计算。计至 {date_text(a.stop)}。")
    note = ("各行金额四舍五入到分；合计按未舍入的数计算，可能与逐行相加相差一分。"
            + (f"本金还清后的还款为多付款项，合计 {money_text(lg.overpaid)} 元。" if lg.overpaid else ""))
    return {"case_number": a.case.court.case_number or "", "defendant": {"name": a.case.defendant.name},
            "annex": {"method": method, "summary": summary, "rows": rows, "note": note}}


def objection_context(a: Analysis) -> dict[str, Any]:
    """管辖权异议申请书 (民诉法第130条): only when :attr:`Analysis.objection_warranted`."""
    case, advice = a.case, a.jurisdiction
    d, p = case.defendant, case.plaintiff
    hit = advice.agreed_clause
    details = "，".join(x for x in (d.gender, f"{date_text(d.birth_date)}出生" if d.birth_date else None, d.ethnicity) if x)
    proper = advice.proper_court or "被告住所地的基层人民法院"
    number = case.court.case_number or "本"
    where = hit.article or "中的管辖条款"
    reasons = [
        f"被申请人以{a.lender.case_cause}为由向贵院提起诉讼。申请人的住所地、经常居住地位于"
        f"{advice.defendant_place or '贵院辖区以外'}，不在贵院辖区。依据{basis_text(('msf_22', 'msf_24'))}，"
        "对公民提起的民事诉讼由被告住所地人民法院管辖，被告住所地与经常居住地不一致的，由经常居住地人民法院管辖；"
        "因合同纠纷提起的诉讼，由被告住所地或者合同履行地人民法院管辖。",
        f"案涉借款合同{where}虽约定“{hit.sentence.rstrip('。；;.')}”，但该条款系被申请人为重复使用而预先拟定、未与申请人协商的格式条款，"
        "被申请人未采取合理方式提请申请人注意；对于通过互联网订立的电子合同，仅以设置勾选、弹窗等方式不足以证明已履行"
        f"提示义务。依据{basis_text(('msj_31', 'htj_10'))}，该管辖协议无效，不能作为贵院管辖本案的依据。",
        f"申请人在答辩期内提出本申请，符合{basis_text(('msf_130',))}的规定。",
    ]
    return {
        "applicant": {"name": d.name, "details": details, "address": d.residence or d.address or "", "phone": d.phone or ""},
        "respondent": {"name": p.name, "address": p.address or "", "representative": p.representative or ""},
        "request": f"请求将{number}案件移送至{proper}审理。",
        "reasons": reasons,
        "closing": f"综上，请求贵院依法裁定将本案移送{proper}审理。",
        "court": case.court.name,
        "signed_date": BLANK_DATE,
    }
