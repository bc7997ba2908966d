"""The element-based answer forms (要素式民事答辩状) as data, and the context contract of the templates.

References
    * 最高人民法院、司法部、中华全国律师协会《关于印发部分案件起诉状答辩状示范文本的通知》
      （法〔2025〕82号，2025-05-28 印发，2025-07-14 起全国法院推广），金融借款合同纠纷、民间借贷纠纷
      答辩状；
    * 法〔2024〕46号（2024-03-04 起试行的第一批 11 类），for the wording the 2025 list keeps.

Limitations
    The official files were not available. The item lists follow two third-party transcriptions of
    the official tables (project reference ``answer-form.md`` §9.2 and §9.5); item order is
    reliable, the exact wording of a label is not guaranteed. Where the 2025 private-lending list
    says "与 2024 版相同" the 2024 wording is used, hence the private form keeps 对签订主体有无异议
    and 对是否签订保证合同有无异议 while the financial form has 对合同主体有无异议 and
    对是否签订保证合同/保函有无异议.

Keys are stable English snake_case and shared by both forms wherever the item is the same
question, even when the wording differs (``disbursement``: 发放时间 / 提供时间).

The templates (built by :mod:`respond.templates.build`) and the context contract below are both
derived from this module; ``VARIABLES.md`` documents the same contract for people editing the
templates in Word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "Item",
    "Form",
    "FORMS",
    "FINANCIAL",
    "PRIVATE",
    "CREDIT_CARD",
    "GUARANTEE_INSURANCE",
    "TITLE",
    "PARTIES_HEADING",
    "CLAIMS_HEADING",
    "FACTS_HEADING",
    "BASIS_CONTRACT_LABEL",
    "BASIS_LAW_LABEL",
    "SIGNATURE_LABEL",
    "DATE_LABEL",
    "DEFENDANT_FIELDS",
    "AGENT_FIELDS",
    "SERVICE_NOTE",
    "notice_lines",
    "ANSWER_FILES",
    "ANNEX_FILE",
    "OBJECTION_FILE",
    "OBJECTION_TITLE",
    "objection_paths",
    "TEMPLATE_FILES",
    "OPTIONAL_TEMPLATES",
    "REQUIRED_TEMPLATE_FILES",
    "ANNEX_ROW_COLUMNS",
    "ANNEX_SUMMARY_LINES",
    "ANNEX_SUMMARY_KEYS",
    "BASIS",
    "OTHER_NOTES",
    "EVIDENCE",
    "answer_paths",
    "annex_paths",
    "context_paths",
    "template_paths",
]


class Item(NamedTuple):
    """One line of the form: a stable key, the label printed in the left column, and the words of
    its two boxes when they differ from the form's (信用卡: 确认/异议 on 答辩事项 1–3)."""

    key: str
    label: str
    ticks: tuple[str, str] | None = None


@dataclass(frozen=True)
class Form:
    """One answer form (one 案由)."""

    key: str  # "financial" | "private" | "credit_card" | "guarantee_insurance"
    cause: str  # 案由 of the model text, printed under the title
    claims: tuple[Item, ...]  # 答辩事项, numbered 1..n
    facts: tuple[Item, ...]  # 事实和理由 "有无异议" items, numbered 1..m
    closing: tuple[Item, ...]  # 答辩依据 / 其他需要说明的内容 / 证据清单, numbered on from m+1
    source: str = "法〔2025〕82号"  # the model text the item list follows (see the module docstring)
    ticks: tuple[str, str] = ("无", "有")  # the boxes of an item: (no objection, objection), in form order
    # the words before an item's text: (答辩事项, 事实和理由); the 2025 texts of the newer forms
    # write 异议内容 and 事实与理由
    reasons: tuple[str, str] = ("事实和理由", "事实和理由")
    contract: str = "借款合同"  # what 答辩依据's 合同约定 names

    @property
    def subtitle(self) -> str:
        """The line under the title: ``（金融借款合同纠纷）``."""
        return f"（{self.cause}）"

    def numbered(self, items: tuple[Item, ...], start: int = 1) -> list[tuple[int, Item]]:
        return list(enumerate(items, start))

    def closing_numbered(self) -> list[tuple[int, Item]]:
        return self.numbered(self.closing, len(self.facts) + 1)


TITLE = "民事答辩状"
PARTIES_HEADING = "当事人信息"
CLAIMS_HEADING = "答辩事项（对原告诉讼请求的确认或者异议）"
FACTS_HEADING = "事实和理由（对起诉状事实与理由的确认或者异议）"
BASIS_CONTRACT_LABEL = "合同约定"
BASIS_LAW_LABEL = "法律规定"
SIGNATURE_LABEL = "答辩人（签字、盖章）："
DATE_LABEL = "日期："
SERVICE_NOTE = "所填信息除书面特别声明更改外，适用于案件一审、二审、再审所有后续程序"


def notice_lines(cause: str) -> tuple[list[str], list[str]]:
    """The 说明 and ★特别提示★ text printed above the table (§9.2), for one 案由.

    Returns ``(explanation, warning)``; the first line of each is its heading.
    """
    explanation = [
        "说明：",
        "为了方便您参加诉讼，保护您的合法权利，请填写本表。",
        "1.应诉时需向人民法院提交证明您身份的材料，如身份证复印件、营业执照复印件等。",
        "2.本表所列内容是您参加诉讼以及人民法院查明案件事实所需，请务必如实填写。",
        f"3.本表所涉内容系针对一般{cause}案件，有些内容可能与您的案件无关，您认为与案件无关的项目"
        "可以填“无”或不填；对于本表中勾选项可以在对应项打“√”；您认为另有重要内容需要列明的，"
        "可以在本表尾部或者另附页填写。",
    ]
    warning = [
        "★特别提示★",
        "《中华人民共和国民事诉讼法》第十三条第一款规定：“民事诉讼应当遵循诚信原则。”",
        "如果诉讼参加人违反上述规定，进行虚假诉讼、恶意诉讼，人民法院将视违法情形依法追究责任。",
    ]
    return explanation, warning


# 当事人信息 — natural-person defendant (答辩人（自然人）), in the order of the official table.
DEFENDANT_FIELDS: tuple[Item, ...] = (
    Item("name", "姓名"),
    Item("gender", "性别"),
    Item("birth_date", "出生日期"),
    Item("ethnicity", "民族"),
    Item("employer", "工作单位"),
    Item("position", "职务"),
    Item("phone", "联系电话"),
    Item("domicile", "住所地（户籍所在地）"),
    Item("residence", "经常居住地"),
)

# 委托诉讼代理人 details, printed under the 有/无 boxes.
AGENT_FIELDS: tuple[Item, ...] = (
    Item("name", "姓名"),
    Item("org", "单位"),
    Item("position", "职务"),
    Item("phone", "联系电话"),
    Item("authority", "代理权限"),
)


def _claims(interest_label: str, with_litigation_costs: bool) -> tuple[Item, ...]:
    items = [
        Item("principal", "对本金有无异议"),
        Item("interest", interest_label),
        Item("acceleration", "对提前还款或解除合同有无异议"),
        Item("security_claim", "对担保权利诉请有无异议"),
        Item("enforcement_costs", "对实现债权的费用有无异议"),
    ]
    if with_litigation_costs:
        items.append(Item("litigation_costs", "对诉讼费负担有无异议"))
    items += [
        Item("other_claims", "对其他请求有无异议"),
        Item("total", "对标的总额有无异议"),
    ]
    return tuple(items)


def _facts(*, parties: str, disbursement: str, maximum_security: str, guarantee_contract: str) -> tuple[Item, ...]:
    return (
        Item("contract", "对合同签订情况（名称、编号、签订时间、地点等）有无异议"),
        Item("parties", parties),
        Item("amount", "对借款金额有无异议"),
        Item("term", "对借款期限有无异议"),
        Item("rate", "对借款利率有无异议"),
        Item("disbursement", disbursement),
        Item("repayment_method", "对还款方式有无异议"),
        Item("repayment", "对还款情况有无异议"),
        Item("overdue", "对是否逾期还款有无异议"),
        Item("security_contract", "对是否签订物的担保合同有无异议"),
        Item("security_parties", "对担保人、担保物有无异议"),
        Item("maximum_security", maximum_security),
        Item("security_registration", "对是否办理抵押/质押登记有无异议"),
        Item("guarantee_contract", guarantee_contract),
        Item("guarantee_type", "对保证方式有无异议"),
        Item("other_security", "对其他担保方式有无异议"),
        Item("other_defences", "有无其他免责/减责事由"),
    )


BASIS = Item("basis", "答辩依据")
OTHER_NOTES = Item("other_notes", "其他需要说明的内容（可另附页）")
EVIDENCE = Item("evidence", "证据清单（可另附页）")

FINANCIAL = Form(
    key="financial",
    cause="金融借款合同纠纷",
    claims=_claims("对利息（期内利息、复利、罚息）有无异议", with_litigation_costs=False),
    facts=_facts(
        parties="对合同主体有无异议",
        disbursement="对借款发放时间有无异议",
        maximum_security="对最高额抵押担保有无异议",
        guarantee_contract="对是否签订保证合同/保函有无异议",
    ),
    # 2025 financial list: 18 答辩依据, 19 其他需要说明的内容, 20 证据清单
    closing=(BASIS, OTHER_NOTES, EVIDENCE),
)

PRIVATE = Form(
    key="private",
    cause="民间借贷纠纷",
    claims=_claims("对利息有无异议", with_litigation_costs=True),
    facts=_facts(
        parties="对签订主体有无异议",
        disbursement="对借款提供时间有无异议",
        maximum_security="对最高额担保（抵押、质押）有无异议",
        guarantee_contract="对是否签订保证合同有无异议",
    ),
    # 2025 private-lending list: 18 其他需要说明的内容, 19 答辩依据, 20 证据清单
    closing=(OTHER_NOTES, BASIS, EVIDENCE),
)

# 信用卡纠纷 (2025 text; 2024: 银行信用卡纠纷). Labels, box words and order as in a conversion of
# the official book (法〔2025〕82号) checked against an independent transcription: docs/forms-2025.md.
_CONFIRM = ("确认", "异议")
CREDIT_CARD = Form(
    key="credit_card",
    cause="信用卡纠纷",
    claims=(
        Item("principal", "对透支本金有无异议", _CONFIRM),
        Item("interest", "对利息、罚息、复利、滞纳金、违约金、手续费等有无异议", _CONFIRM),
        Item("security_claim", "对担保权利诉请有无异议", _CONFIRM),
        Item("enforcement_costs", "对实现债权的费用有无异议"),
        Item("other_claims", "对其他请求有无异议"),
        Item("total", "对标的总额有无异议"),
    ),
    facts=(
        Item("card_application", "对信用卡办理情况有无异议"),
        Item("card_terms", "对信用卡合约的主要约定有无异议"),
        Item("notice", "对原告就信用卡合约主要条款进行提示注意、说明的情况有无异议"),
        Item("repayment", "对被告已还款金额有无异议"),
        Item("overdue_amount", "对被告逾期未还款金额有无异议"),
        Item("collection_notice", "对是否向被告进行通知和催收有无异议"),
        Item("security_contract", "对是否签订物的担保合同有无异议"),
        Item("security_parties", "对担保人、担保物有无异议"),
        Item("maximum_security", "对最高额抵押担保有无异议"),
        Item("security_registration", "对是否办理抵押/质押登记有无异议"),
        Item("guarantee_contract", "对是否签订保证合同有无异议"),
        Item("guarantee_type", "对保证方式有无异议"),
        Item("other_security", "对其他担保方式有无异议"),
        Item("other_defences", "有无其他免责/减责事由"),
    ),
    closing=(BASIS, OTHER_NOTES, EVIDENCE),  # 15 答辩依据, 16 其他需要说明的内容, 17 证据清单
    reasons=("异议内容", "事实与理由"),
    contract="信用卡领用合约",
)

# 保证保险合同纠纷: the insurer, having paid the lender under the policy, sues the borrower
# (2025 text, same sources as 信用卡). No model text exists for 追偿权纠纷 (a guarantor's recourse):
# that suit is answered on the form of the loan's own regime.
GUARANTEE_INSURANCE = Form(
    key="guarantee_insurance",
    cause="保证保险合同纠纷",
    claims=(
        Item("principal", "对理赔款有无异议"),
        Item("interest", "对保险费、违约金等有无异议"),
        Item("enforcement_costs", "对实现债权的费用有无异议"),
        Item("other_claims", "对其他请求有无异议"),
        Item("total", "对标的总额有无异议"),
    ),
    facts=(
        Item("policy_contract", "对保证保险合同的签订情况有无异议"),
        Item("policy_terms", "对保证保险合同的主要约定有无异议"),
        Item("notice", "对原告对被告就保证保险合同主要条款进行提示注意、说明的情况有无异议"),
        Item("loan_terms", "对被告借款合同的主要约定有无异议"),
        Item("overdue", "对被告逾期未还款情况有无异议"),
        Item("claim_payment", "对保证保险合同的履行情况有无异议"),
        Item("pursuit", "对追索情况有无异议"),
        Item("other_defences", "有无其他免责/减责事由"),
    ),
    closing=(BASIS, OTHER_NOTES, EVIDENCE),  # 9 答辩依据, 10 其他需要说明的内容, 11 证据清单
    reasons=("异议内容", "事实与理由"),
    contract="借款合同及保证保险合同",
)

FORMS: dict[str, Form] = {f.key: f for f in (FINANCIAL, PRIVATE, CREDIT_CARD, GUARANTEE_INSURANCE)}

# File names of the templates, in the package and in a firm's ``--templates DIR``.
ANSWER_FILES: dict[str, str] = {
    "financial": "答辩状-金融借款.docx",
    "private": "答辩状-民间借贷.docx",
    "credit_card": "答辩状-信用卡.docx",
    "guarantee_insurance": "答辩状-保证保险.docx",
}
ANNEX_FILE = "利息重算表.docx"
OBJECTION_FILE = "管辖权异议申请书.docx"
OBJECTION_TITLE = "管辖权异议申请书"


@dataclass(frozen=True)
class Letter:
    """A letter of respond debts (issue 14): a title, an addressee, sections, a signature."""
    file: str
    title: str
    signer: str  # the signature line's label


# respond debts' letters: not part of a firm's --templates set
LETTERS: dict[str, Letter] = {
    "negotiation": Letter("协商还款函.docx", "协商还款函", "借款人（签字）："),  # --letters
    "credit_dispute": Letter("征信异议申请书.docx", "征信异议申请书", "申请人（签字）："),  # --disputes
    "complaint": Letter("催收投诉书.docx", "投诉书", "投诉人（签字）："),  # --complaints LOG
}
LETTER_FILE = LETTERS["negotiation"].file
LETTER_TITLE = LETTERS["negotiation"].title
TEMPLATE_FILES: dict[str, str] = {**ANSWER_FILES, "annex": ANNEX_FILE, "objection": OBJECTION_FILE}
# Forms added after firms made their own sets (issue 15): a --templates DIR may leave them out,
# and the package's file is used for them.
OPTIONAL_TEMPLATES: frozenset[str] = frozenset({"credit_card", "guarantee_insurance"})
REQUIRED_TEMPLATE_FILES: dict[str, str] = {k: v for k, v in TEMPLATE_FILES.items() if k not in OPTIONAL_TEMPLATES}

# 利息重算表: one row per ledger step; (key, column heading), in column order.
ANNEX_ROW_COLUMNS: tuple[Item, ...] = (
    Item("date", "日期"),
    Item("event", "事项"),
    Item("days", "天数"),
    Item("rate", "年利率"),
    Item("interest", "本期利息"),
    Item("payment", "还款额"),
    Item("to_interest", "冲抵利息"),
    Item("to_principal", "冲抵本金"),
    Item("interest_due", "未付利息"),  # accrued and unpaid after the step: the interest at the end is the last row's
    Item("balance", "本金余额"),
)

# 利息重算表 summary: for each line (principal, interest, fees, total) the amount the plaintiff
# claims, the lawful amount and the difference; the totals also in uppercase.
ANNEX_SUMMARY_LINES: tuple[Item, ...] = (
    Item("principal", "本金"),
    Item("interest", "利息"),
    Item("penalty", "罚息（复利、违约金）"),
    Item("fees", "其他费用"),
    Item("total", "合计"),
)
ANNEX_SUMMARY_KEYS: tuple[str, ...] = (
    ("as_of",)
    + tuple(f"{line.key}_{col}" for line in ANNEX_SUMMARY_LINES for col in ("claimed", "lawful", "diff"))
    + ("total_claimed_upper", "total_lawful_upper", "total_diff_upper")
)

# ---------------------------------------------------------------------------------------------
# Context contract. Paths are dotted; "[]" marks the elements of a list. Every leaf is a
# formatted string except the flags ``*.objection`` (有 ticked), ``*.agreed`` (无 ticked; neither: 请核对), ``agent.present``, ``service.electronic_chosen``
# and ``service.electronic`` which are booleans.

_TOP_STRINGS = ("case_cause", "court", "case_number", "basis_contract", "basis_law", "other_notes", "signed_date")
# 原告 row: every field the case file may know (a missing one prints no line)
PLAINTIFF_FIELDS = ("name", "credit_code", "address", "representative")
_SERVICE = ("address", "recipient", "phone", "electronic_chosen", "electronic", "electronic_method")


def answer_paths(form: str) -> frozenset[str]:
    """Every context path the answer form ``form`` ("financial" | "private") uses."""
    spec = FORMS[form]
    paths = set(_TOP_STRINGS)
    paths |= {f"defendant.{i.key}" for i in DEFENDANT_FIELDS}
    paths |= {f"plaintiff.{k}" for k in PLAINTIFF_FIELDS}
    paths.add("agent.present")
    paths |= {f"agent.{i.key}" for i in AGENT_FIELDS}
    paths |= {f"service.{k}" for k in _SERVICE}
    for group, items in (("d", spec.claims), ("f", spec.facts)):
        for item in items:
            paths.add(f"{group}.{item.key}.objection")
            paths.add(f"{group}.{item.key}.agreed")
            paths.add(f"{group}.{item.key}.text")
    paths.add("evidence[]")
    return frozenset(paths)


def annex_paths() -> frozenset[str]:
    """Every context path the recomputation annex (利息重算表) uses."""
    paths = {"case_number", "defendant.name", "annex.method", "annex.note"}
    paths |= {f"annex.summary.{k}" for k in ANNEX_SUMMARY_KEYS}
    paths |= {f"annex.rows[].{c.key}" for c in ANNEX_ROW_COLUMNS}
    # the payments credited; the APR's dated cash flows; the private-caps ledger when argued (issue 10)
    # (annex.apr and annex.alt are also read as conditions: empty when the section is left out)
    paths |= {"annex.paid", "annex.apr.heading", "annex.apr.result", "annex.alt.heading", "annex.alt.method"}
    paths |= {f"annex.apr.rows[].{k}" for k in ("date", "what", "received", "paid")}
    paths |= {f"annex.alt.rows[].{c.key}" for c in ANNEX_ROW_COLUMNS}
    return frozenset(paths)


def objection_paths() -> frozenset[str]:
    """Every context path the jurisdiction objection (管辖权异议申请书) uses."""
    return frozenset({"applicant.name", "applicant.details", "applicant.address", "applicant.residence", "applicant.phone",
                      "respondent.name", "respondent.address", "respondent.representative",
                      "request", "reasons[]", "closing", "court", "signed_date"})


def letter_paths() -> frozenset[str]:
    """Every context path a letter of respond debts (协商还款函, 征信异议申请书) uses."""
    return frozenset({"creditor", "opening", "sections[]", "sections[].heading", "sections[].lines[]", "closing",
                      "signed_date"})


def context_paths(form: str) -> frozenset[str]:
    """The full context the case's context builder must produce for ``form``: answer + annex."""
    return answer_paths(form) | annex_paths()


def template_paths(file_name: str) -> frozenset[str]:
    """The context paths the template with this file name is built to use."""
    for form, name in ANSWER_FILES.items():
        if name == file_name:
            return answer_paths(form)
    if file_name == ANNEX_FILE:
        return annex_paths()
    if file_name == OBJECTION_FILE:
        return objection_paths()
    if file_name in {letter.file for letter in LETTERS.values()}:
        return letter_paths()
    raise KeyError(file_name)
