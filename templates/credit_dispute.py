"""The 征信异议申请书's context (respond debts --disputes): words the grounds
checks/credit_record.py found for one loan, with the sentences of templates/phrases.toml
[credit_dispute]. No law decided here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from respond.checks import credit_record as cr
from respond.checks.findings import basis_text
from respond.checks.formats import date_text, money_text
from respond.templates.context import phrases
from respond.templates.letter import number_headings



def dispute_context(record: cr.CreditRecord, grounds: list[cr.Ground], case: dict[str, Any], *, person: str,
                    platform: str, lender: str, reported_by: str, today: dt.date,
                    credit_card: bool = False) -> dict[str, Any]:
    """``grounds``: those that hold (checks/credit_record.grounds); ``case``: the loan's case file.
    The record is described as the credit bureau's application form asks (tests/debts/real/): the
    lender, the kind, the date paid out, the contract amount, the data items said to be wrong; the
    ID number, phone and address are left for the person to write by hand (never printed by us)."""
    t = phrases()["credit_dispute"]
    loan = case["loan"]
    disbursed = loan.get("disbursed_on") or loan["contract_date"]
    number = t["contract_number"].format(number=loan["contract_number"]) if loan.get("contract_number") else ""
    record_lines = [t["record_loan"].format(lender=lender, kind=t["kind_card" if credit_card else "kind_loan"],
                                            disbursed=date_text(dt.date.fromisoformat(str(disbursed))),
                                            principal=money_text(Decimal(str(loan["principal"]))), platform=platform,
                                            contract_number=number)]
    if record.amount_shown is not None:
        record_lines.append(t["record_shown"].format(amount=money_text(record.amount_shown)))
    items = list(dict.fromkeys(t["items"][g.code] for g in grounds))
    record_lines.append(t["record_items"].format(items="、".join(items)))
    reasons, attachments = [], list(t["attach_always"])
    codes = [g.code for g in grounds]
    for g in grounds:
        basis = basis_text(g.basis)
        if g.code == cr.AMOUNT_ABOVE_LAWFUL:
            f = g.facts
            reasons.append(t[g.code].format(shown=money_text(f["shown"]), lawful=money_text(f["lawful"]),
                                            as_of=date_text(f["as_of"]), difference=money_text(f["difference"]),
                                            basis=basis))
            reasons += [t["amount_reason"].format(title=title, basis="、".join(cites)) for title, cites in f["findings"]]
        else:
            facts = {k: date_text(v) for k, v in g.facts.items()}
            reasons.append(t[g.code].format(basis=basis, **facts))
        if f"attach_{g.code}" in t:
            attachments.append(t[f"attach_{g.code}"])
    expired_only = codes == [cr.OLDER_THAN_FIVE_YEARS]
    requests = [t["request_check"].format(basis=basis_text(cr.CHECK_BASIS))]
    if not expired_only:
        requests.append(t["request_correct"])
    if cr.OLDER_THAN_FIVE_YEARS in codes:
        requests.append(t["request_delete"].format(basis=basis_text(cr.DELETION_BASIS)))
    statement = record.statement
    amount = next((g for g in grounds if g.code == cr.AMOUNT_ABOVE_LAWFUL), None)
    if statement is None and amount is not None:
        statement = t["default_statement"].format(as_of=date_text(amount.facts["as_of"]),
                                                  lawful=money_text(amount.facts["lawful"]))
    if statement:
        requests.append(t["request_statement"].format(basis=basis_text(cr.STATEMENT_BASIS), statement=statement))
    sections = [{"heading": t["applicant_heading"], "lines": [line.format(person=person) for line in t["applicant"]]},
                {"heading": t["record_heading"], "lines": record_lines},
                {"heading": t["grounds_heading"], "lines": reasons},
                {"heading": t["requests_heading"], "lines": requests},
                {"heading": t["attachments_heading"], "lines": [f"{n}. {a}" for n, a in enumerate(attachments, 1)]}]
    number_headings(sections)
    return {"creditor": t["addressee"].format(reported_by=reported_by),
            "opening": t["opening"].format(person=person, report_date=date_text(record.report_date), platform=platform,
                                           basis=basis_text(cr.RIGHT_BASIS),
                                           problem=t["problem_expired" if expired_only else "problem_wrong"],
                                           action=t["action_expired" if expired_only else "action_wrong"]),
            "sections": sections, "closing": t["closing"].format(basis=basis_text(cr.COMPLAINT_BASIS, by_article=True)),
            "signed_date": date_text(today)}


def dispute_guide(person: str, disputes: list[tuple[str, str, list[cr.Ground]]]) -> str:
    """征信异议怎么做.md: how to file the applications, how long the other side has, where to go
    next; ``disputes``: (platform, file name, grounds) per application written."""
    from respond.debts.render import md_plain as _md

    lines = [f"# 征信异议怎么做（{_md(person)}）", "",
             "## 先查信用报告", "",
             f"- 每人每年有两次免费获取本人信用报告的机会（{basis_text(('zx_17',))}）。看清有异议的那条记录：报送机构、账户、金额、状态。", "",
             "## 提交异议申请", ""]
    for platform, name, _ in disputes:
        lines.append(f"- {_md(platform)}：{_md(name)}。手写身份证件号码、电话和地址，签字，复印一份自己留着；"
                     "连同身份证件复印件交给报送这条记录的放款机构，保留交件凭证；也可以交给出具信用报告的征信机构。")
    lines += ["", "## 之后会怎样", "",
              f"- 收到异议的一方应当对记录作出存在异议的标注，自收到之日起 20 日内核查处理并书面答复；确有错误、遗漏的应当更正"
              f"（{basis_text(cr.DISPUTE_BASIS)}）。",
              f"- 不良信息自不良行为结束之日起保存 5 年，超过 5 年的应当删除；保存期间您可以对不良信息作出说明，征信机构应当记载"
              f"（{basis_text(cr.PERSON_STATEMENT_BASIS)}）。",
              f"- 逾期不答复或者答复不对的：向中国人民银行当地派出机构投诉（30 日内书面答复），或者直接向人民法院起诉"
              f"（{basis_text(cr.COMPLAINT_BASIS, by_article=True)}）。"]
    if any(g.code == cr.AMOUNT_ABOVE_LAWFUL for _, _, gs in disputes for g in gs):
        lines += ["", "## 需要知道的不确定之处", "", f"- {cr.UNSETTLED}"]
    lines += ["", "本页不是律师意见；其中的法律依据均来自已核对的条文原文。", ""]
    return "\n".join(lines)
