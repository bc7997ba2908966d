"""What a complaint about a loan's collection can rest on, from the person's own log (issue 14
part 3), and whom it goes to. Decided here once; templates/complaint.py only words it.

Grounds, each only where the log marks the fact (the person's own record, said so in the letter):
- the collector contacted the person's relatives, friends or colleagues: using their details and
  collecting from them needs a legal basis or their own consent (《个人信息保护法》第13条、第14条: they
  are third parties, whose consent the borrower cannot give), and intruding on their peace by
  telephone or text is forbidden (《民法典》第1033条). Whether the debt was disclosed to them the log
  does not say, so the letter does not say it either;
- the collector insulted or threatened the person: an intrusion into the peace of private life by
  telephone, text or messages (《民法典》第1033条).
A bank credit-card debt adds 《商业银行信用卡业务监督管理办法》第68条 [二手] to both: no collection
from third parties unrelated to the debt, no violence, coercion, threats or insults.

Not cited: the collection self-regulation convention of 中国互联网金融协会 (no article text found);
刑法第293条之一 (a crime for the police to decide, not a ground of an administrative complaint:
the collection guide tells the person to call 110 when threatened).

Whom to complain to: the lender's supervisor in the registry (lenders.md ``licensed_by``);
a lender no financial authority supervises gets no complaint letter, only the police.
"""

from __future__ import annotations

from dataclasses import dataclass

from respond.checks.lenders import licensed_by

THIRD_PARTY, ABUSE = "third_party_contact", "insult_or_threat"
BASIS: dict[str, tuple[str, ...]] = {THIRD_PARTY: ("pipl_13", "pipl_14", "mfd_1033"), ABUSE: ("mfd_1033",)}
CARD_BASIS = ("card_68",)
NFRA, LOCAL = "国家金融监督管理总局（或其在当地的派出机构）", "放贷公司所在地的地方金融管理部门"
POLICE = "没有金融管理部门管它：受到威胁、骚扰时向公安机关报警"


@dataclass(frozen=True)
class Entry:
    """One row of the person's 催收记录表."""
    row: int  # its row in the log (for messages)
    date: str  # YYYY-MM-DD
    time: str
    platform: str
    caller_number: str
    caller_name: str
    channel: str
    said: str
    third_party: bool
    abuse: bool
    files: str
    note: str


@dataclass(frozen=True)
class Ground:
    code: str
    basis: tuple[str, ...]
    rows: tuple[int, ...]  # the log rows that show it


def authority(category: str | None) -> str | None:
    """The authority a complaint about a lender of ``category`` goes to, or None (the police only)."""
    who = licensed_by(category) if category else None
    if who and who.startswith("国家金融监督管理总局"):
        return NFRA
    if who and who.startswith("地方金融管理部门"):
        return LOCAL
    return None


def complain_to(category: str | None) -> str:
    """The same, in words for the guide's table."""
    return authority(category) or POLICE


def grounds(entries: list[Entry], *, credit_card: bool) -> list[Ground]:
    """The grounds the log shows for one loan, in a fixed order; empty when it marks neither fact."""
    out = []
    for code, rows in ((THIRD_PARTY, [e.row for e in entries if e.third_party]),
                       (ABUSE, [e.row for e in entries if e.abuse])):
        if rows:
            out.append(Ground(code, BASIS[code] + (CARD_BASIS if credit_card else ()), tuple(rows)))
    return out
