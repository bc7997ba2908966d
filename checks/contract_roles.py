"""Who is who in a contract: the parties' letters and short names, read from the contract itself.

Real agreements do not keep one convention: in a bank's form 甲方 is the borrower and the bank is
乙方; in an app's, 甲方 is the lender; brand names stand for the platform (``以下简称“短贷王”``); a
guarantee contract makes the guarantor 甲方. The clause rules therefore speak of roles
(``%LENDER%``, ``%BORROWER%`` in ``clauses/fragments.toml``), and before matching every alias of a
party is replaced, in the sentence's match form, by its role's token (:data:`TOKENS`).

What is read (each agreement of a text on its own, :func:`respond.checks.contract_text.split_agreements`):

- a letter with its role in brackets: ``甲方（借款人）``, ``丙方(短贷王/平台)``, ``甲方（以下简称为借款人或融资人）``;
- a role or a name with its letter: ``借款人（乙方）``, ``委托方（以下简称甲方）``,
  ``深圳市华融融资担保有限公司（以下简称甲方）``;
- a short name: ``……有限公司（以下简称“拓道金服”）``, its role from the words before it
  (平台, 网站, 信息服务 → platform; 担保, 保险 → guarantor; 银行, 小额贷款 → lender).

When 甲方 or 乙方 is used but neither is defined, the usual app convention is assumed (甲方 lender,
乙方 borrower) and :attr:`Roles.warning` says so; when one of the two is defined, the other is
taken as the opposite side.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

LENDER, BORROWER, PLATFORM, GUARANTOR = "lender", "borrower", "platform", "guarantor"
# The characters that stand for a role in match form (private use: never in a real text).
TOKENS = {LENDER: "\ue000", BORROWER: "\ue001", PLATFORM: "\ue002", GUARANTOR: "\ue003"}
ROLE_CN = {LENDER: "出借方", BORROWER: "借款方", PLATFORM: "平台（居间、服务方）", GUARANTOR: "担保方"}
LETTERS = ("甲方", "乙方", "丙方", "丁方", "戊方")
DEFAULTS = {"甲方": LENDER, "乙方": BORROWER, "丙方": PLATFORM, "丁方": GUARANTOR, "戊方": LENDER}

# What the words naming a party say about its role, in order (the first that matches decides):
# 反担保人 gives security for the borrower; 被保险人 is the insured lender.
_ROLE_WORDS = (
    (BORROWER, re.compile(r"反担保|借款人|借款方|借入|债务人|融资人|委托方|委托人|分期付款申请人|借款申请人|投保人|用户|承租人")),
    (GUARANTOR, re.compile(r"担保|保证人|(?<!被)保险人|保险公司")),
    (LENDER, re.compile(r"出借|贷款人|贷款方|债权人|投资人|银行|资金方|受让人|发放人|小额贷款|消费金融|信托|被保险人")),
    (PLATFORM, re.compile(r"平台|居间|服务|见证|信息|咨询|中介|受托|网站|科技")),
)
_LETTER = "(甲方|乙方|丙方|丁方|戊方)"
# 甲方（借款人）, 丙方(短贷王/平台), 甲方（以下简称为借款人或融资人）
_LETTER_ROLE = re.compile(_LETTER + r"[(（](?:以下)?(?:简称|称)?(?:为)?([^)）\n]{1,16})[)）]")
# 借款人（乙方）, 委托方（以下简称甲方）, 深圳市华融融资担保有限公司（以下简称甲方）
_ROLE_LETTER = re.compile(r"([^,，。;；:：()（）“”\"\n]{2,30})[(（](?:以下)?(?:简称|称)?(?:为)?[“\"「]?" + _LETTER + r"(?![\u4e00-\u9fff])")
# ……有限公司（以下简称“拓道金服”）; （以下简称“短贷王”或“平台”）
_SHORT_NAME = re.compile(r"(?:以下)?(?:简称|称)(?:为)?[:：]?((?:[或、和及]?[“\"「][^”\"」]{2,10}[”\"」])+)")
# 投复利平台（互联网域名为www.toufuli.com，“投复利”）: a name given at the end of a bracket
_BRACKET_NAME = re.compile(r"[(（][^()（）\n]{0,60}[,，、][“\"「]([^”\"」]{2,10})[”\"」][)）]")
_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,10})[”\"」]")
_ORGANISATION = re.compile(r"公司|平台|网站|银行|机构|中心|App|APP|网")
_NOT_A_PARTY = re.compile(r"合同|协议|条款|规则|账户|日$|期$|额度|费$|利率|通知|授权|本金|利息|服务$")


@dataclass(frozen=True)
class Roles:
    """The aliases of one agreement's parties, each with its role; ``warning`` when guessed."""

    aliases: dict[str, str] = field(default_factory=dict)
    defined: frozenset[str] = frozenset()  # the aliases read from the text (the rest are defaults)
    warning: str | None = None

    def role_form(self, form: str) -> str:
        """``form`` (match form) with every alias replaced by its role's token."""
        if not self.aliases:
            return form
        return _alias_pattern(tuple(sorted(self.aliases, key=len, reverse=True))).sub(
            lambda m: TOKENS[self.aliases[m.group(0)]], form)


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    if aliases not in _PATTERNS:
        _PATTERNS[aliases] = re.compile("|".join(re.escape(a) for a in aliases))
    return _PATTERNS[aliases]


def role_of(words: str) -> str | None:
    """The role the words naming a party give (``借款人`` → borrower, ``居间服务商`` → platform)."""
    for role, pattern in _ROLE_WORDS:
        if pattern.search(words):
            return role
    return None


def _compact(text: str) -> str:
    """NFKC without whitespace, line breaks kept (a definition's context ends at its line)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


_SPACE = re.compile(r"[^\S\n]+")


def read_roles(text: str) -> Roles:
    """The roles of one agreement's parties, from its definitions (see the module docstring)."""
    form = _compact(text)
    aliases: dict[str, str] = {}
    for m in _LETTER_ROLE.finditer(form):
        role = role_of(m.group(2))
        if role and m.group(1) not in aliases:
            aliases[m.group(1)] = role
    for m in _ROLE_LETTER.finditer(form):
        role = role_of(m.group(1)[-16:])
        if role and m.group(2) not in aliases:
            aliases[m.group(2)] = role
    for m in _SHORT_NAME.finditer(form):
        before = form[max(0, m.start() - 40):m.start()]
        before = re.split(r"[。;；\n]", before)[-1]
        for name in _QUOTED.findall(m.group(1)):
            if name in aliases or name in LETTERS or _NOT_A_PARTY.search(name):
                continue
            role = role_of(name) or (role_of(before) if _ORGANISATION.search(before + name) else None)
            if role:
                aliases[name] = role
    for m in _BRACKET_NAME.finditer(form):
        name = m.group(1)
        if name in aliases or name in LETTERS or _NOT_A_PARTY.search(name):
            continue
        before = re.split(r"[。;；\n,，]", form[max(0, m.start() - 30):m.start()])[-1]
        role = role_of(before) if _ORGANISATION.search(before) else None
        if role:
            aliases[name] = role
    defined = frozenset(aliases)
    used = [x for x in LETTERS if x in form]
    warning = None
    lending = {LENDER, PLATFORM, GUARANTOR}
    if "甲方" in used and "乙方" in used:
        a, b = aliases.get("甲方"), aliases.get("乙方")
        if a is None and b is None:
            warning = ("合同没有写明甲方、乙方各是谁（例如“甲方（借款人）”），按甲方为出借方、乙方为借款人理解；"
                       "如果不是这样，条款检查的结果可能不准，请核对")
        elif a is None:
            aliases["甲方"] = BORROWER if b in lending else LENDER
        elif b is None:
            aliases["乙方"] = BORROWER if a in lending else LENDER
    for letter in used:
        aliases.setdefault(letter, DEFAULTS[letter])
    return Roles(aliases, defined, warning)
