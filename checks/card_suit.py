"""A bank's credit-card suit (信用卡纠纷): the charges held to the cap from the day of default.

《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》第二条第二款 [原文-已核]: when the bank
claims overdraft interest, compound interest, 违约金 or instalment fees under the card contract and
the cardholder asks for a reduction because the total is too high, the court weighs the national
financial regulations, the amount and time unpaid, fault and the bank's actual loss. The rule sets
no figure. The figure the answer argues is the one courts commonly use for financial lending, the
24% a year of 法发〔2017〕22号第2条 on interest, compound interest, penalty interest, 违约金 and
fees together (rules.md §3, ``fin_24``), run on the overdraft principal from the day the card
fell into default; the answer says that the standard is the courts' practice, not the rule's text.

The computation (docs/rules.md §18):

* ``card.overdue_since`` given and ``card.overdue_principal`` given: the cap ledger of rules.md §6
  from that day on that principal, the payments made since then credited to the capped charges
  first, then to principal.
* ``card.overdue_principal`` missing: the claimed 透支本金 is the base and no payment is credited
  (the claim's principal already nets them); payments since default are then named for the
  borrower to check, since any that went to charges lower the ceiling further.
* No ``card.overdue_since``: no figure; the answer asks for the reduction without one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from respond.checks.caps import Cap
from respond.checks.ledger import Ledger, Payment, recompute

REDUCTION_BASIS = ("bankcard_2_2",)  # 总额过高: 请求适当减少
NOTICE_BASIS = ("bankcard_2_1",)  # 息费格式条款未提示说明: 不成为合同的内容


@dataclass(frozen=True)
class CardCeiling:
    since: dt.date  # the first day in default
    base: Decimal  # the overdraft principal the cap runs on
    base_from_claim: bool  # the base is the claimed 透支本金 (card.overdue_principal not given)
    ledger: Ledger
    later_payments: tuple[Payment, ...]  # paid since default, not credited (base from the claim)


def card_ceiling(card, claimed_principal: Decimal | None, payments: list[Payment], cap: Cap, stop: dt.date,
                 day_basis: int) -> CardCeiling | None:
    """The cap ledger from the day of default (module docstring); None without the day or a base."""
    if card is None or card.overdue_since is None or not cap.complete:
        return None
    since = card.overdue_since
    after = [p for p in payments if since <= p.date <= stop]
    if card.overdue_principal is not None:
        ledger = recompute(received=card.overdue_principal, start=since, payments=after, cap=cap, stop=stop,
                           day_basis=day_basis, start_kind="default")
        return CardCeiling(since, card.overdue_principal, False, ledger, ())
    if claimed_principal is None:
        return None
    ledger = recompute(received=claimed_principal, start=since, payments=[], cap=cap, stop=stop,
                       day_basis=day_basis, start_kind="default")
    return CardCeiling(since, claimed_principal, True, ledger, tuple(after))
