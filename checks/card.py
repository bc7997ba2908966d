"""A bank credit-card debt in the negotiation letter (respond debts --letters, issue 14).

《商业银行信用卡业务监督管理办法》第70条 [二手: six transcriptions agree; no official text held]:
where the debt exceeds the cardholder's means and the cardholder still means to pay, the bank
*may* (可以) agree an individual instalment arrangement (个性化分期还款协议) of at most 5 years, and
stops collection once it is signed. 第68条 [二手]: the bank collects from the debtor and guarantor
only, never from third parties unrelated to the debt, and never by violence, coercion, threats or
insults. Credit cards are issued by banks: a card debt owed to any other kind of lender is refused.

The letter asks for the arrangement only where the file shows the debt exceeds the person's
means: a proposal in instalments (the month's capacity does not cover it). The bank is not bound
to agree; the letter asks, it does not demand.
"""

from __future__ import annotations

from dataclasses import dataclass

INSTALMENT_BASIS = ("card_70",)
COLLECTION_BASIS = ("card_68",)
MAX_MONTHS = 5 * 12
ISSUER = "bank"


@dataclass(frozen=True)
class CardArrangement:
    months: int  # the proposal's instalments
    within_limit: bool  # at most 5 years


def issuer_problem(category: str | None) -> str | None:
    """Why a debt marked as a credit card cannot be one, or None."""
    if category == ISSUER:
        return None
    return "信用卡只由银行发行：这笔借款的放款机构不是银行，请核对 credit_card 或放款机构名称"


def arrangement(credit_card: bool, instalments: bool, months: int,
                addressee_category: str | None = ISSUER) -> CardArrangement | None:
    """The individual instalment arrangement to ask for, or None: not a card, paid at once, or the
    letter goes to someone other than a bank (a buyer of the debt: 第70条 binds the issuing bank)."""
    if not credit_card or not instalments or addressee_category != ISSUER:
        return None
    return CardArrangement(months=months, within_limit=months <= MAX_MONTHS)
