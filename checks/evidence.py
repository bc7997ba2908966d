"""The answer's 证据清单: which documents the defendant lists, and what each proves.

Decided here from the findings' evidence lists (``bring``, data/findings.toml and clauses/), the
facts of the case and what the answer argues; worded from ``templates/phrases.toml`` ``[evidence]``.
Each finding's evidence is grouped by the document it is (the first pattern that matches), most
basic first; a text no pattern matches is listed as the catalogue gives it. The plaintiff's own
documents and what the answer asks the court to order the plaintiff to produce are not the
defendant's evidence (说明.md tells the borrower to check them).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from respond.checks.defenses import fee_names
from respond.checks.positions import Part, annex_attached, argued_articles, phrase, plaintiff_not_lender, receipt_recorded

if TYPE_CHECKING:
    from respond.checks.analyse import Analysis

# (group, pattern): the first that matches a finding's evidence text names its document
GROUPS: tuple[tuple[str, str], ...] = (
    ("request", r"要求其|责令|请求.*提交"),
    ("plaintiff", r"^原告的"),
    ("identity", r"身份证|居住证|租房合同"),
    ("deduction", r"扣除的条款|扣除.*记录"),  # what was withheld at disbursement: the contract and the transfer show it
    ("fees", r"会员|保险|担保|费用的记录|扣款|收费|服务费"),
    ("repayment", r"还款记录|还款的记录"),
    ("notice", r"转让通知"),
    ("disbursement", r"到账|流水"),
    ("contract", r"借款合同|电子合同|签约|合同版本|还款计划|条款"),
)


def evidence_items(a: "Analysis") -> tuple[Part, ...]:
    groups: set[str] = set()
    loose: list[str] = []
    for f in a.findings:
        for text in f.bring:
            kind = next((k for k, pattern in GROUPS if re.search(pattern, text)), None)
            if kind is None:
                if text not in loose:
                    loose.append(text)
            else:
                groups.add(kind)
    items = [phrase("evidence.identity_home" if "identity" in groups else "evidence.identity")]
    if "contract" in groups or "deduction" in groups:
        arts = "、".join(argued_articles(a))
        items.append(phrase("evidence.contract_terms", articles=arts) if arts else phrase("evidence.contract"))
    if "disbursement" in groups:
        items.append(phrase("evidence.disbursement", received=a.case.loan.received) if receipt_recorded(a.case.loan)
                     else phrase("evidence.disbursement_unknown"))
    if "repayment" in groups:
        items.append(phrase("evidence.repayment_to_lender" if a.has("ASSIGNED_DEBT") else "evidence.repayment"))
    if "fees" in groups:
        names = "、".join(fee_names(a))
        items.append(phrase("evidence.fees_named", names=names) if names else phrase("evidence.fees"))
    if "notice" in groups and (a.has("ASSIGNED_DEBT") or plaintiff_not_lender(a)):
        items.append(phrase("evidence.assignment_notice"))
    items += [phrase("evidence.as_given", text=t) for t in loose]
    if annex_attached(a):
        items.append(phrase("evidence.annex"))
    return tuple(items)
