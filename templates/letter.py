"""The 协商还款函's context (respond debts --letters): words what one loan's report says, with the
sentences of templates/phrases.toml [letter]. No law decided here: the figures, the cap and the
findings are the report's (respond check on the same loan); the proposal is debts/plan.py's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from respond.checks.card import COLLECTION_BASIS as CARD_COLLECTION_BASIS
from respond.checks.card import INSTALMENT_BASIS, CardArrangement
from respond.checks.findings import cite
from respond.checks.formats import date_text, money_text, pct_text
from respond.debts.plan import Proposal
from respond.templates.context import phrases

# the findings about the amount owed whose titles read for a creditor as well as for a court
AMOUNT_FINDINGS = ("RATE_ABOVE_CAP", "RATE_ABOVE_36", "CHARGES_ABOVE_CAP", "FEES_AS_INTEREST", "UPFRONT_DEDUCTION",
                   "ROLLOVER_INTEREST", "LENDER_UNLICENSED")
COLLECTION_BASIS = ("mfd_1033", "pipl_13")


def number_headings(sections: list[dict[str, Any]]) -> None:
    """一、二、… before each section's heading: the letters' one numbering."""
    for n, section in enumerate(sections):
        section["heading"] = f"{'一二三四五六七八九十'[n]}、{section['heading']}"


def _money(value: Any) -> str:
    return money_text(Decimal(str(value)))


def _day(value: str) -> str:
    return date_text(dt.date.fromisoformat(value))


def letter_context(report: dict[str, Any], case: dict[str, Any], *, person: str, platform: str,
                   proposal: Proposal, capacity: Decimal | None, shared: bool, today: dt.date,
                   card: CardArrangement | None = None, credit_card: bool = False,
                   cap_assumes_filing: bool = False) -> dict[str, Any]:
    """``report``: the loan's report (checks/report.py); ``case``: its case file as analysed;
    ``card``: the credit-card arrangement to ask for (checks/card.py); ``credit_card``: a card debt."""
    t = phrases()["letter"]
    loan, amounts, rate = case["loan"], report["amounts"], report["rate"]
    opening = t["opening"].format(person=person, platform=platform, contract_date=_day(str(loan["contract_date"])),
                                  principal=_money(loan["principal"]), received=_money(rate["received"]))
    as_of = _day(str(case["claims"]["as_of"]))
    excess = Decimal(str(amounts["excess"])) if amounts.get("excess") is not None else None
    sections = []
    if excess is not None and excess > 0:
        lawful = [t["lawful"].format(as_of=as_of, lawful_total=_money(amounts["lawful_total"]),
                                     lawful_principal=_money(amounts["lawful_principal"]),
                                     lawful_interest=_money(amounts["lawful_interest"]))]
        if rate.get("apr") is not None and rate.get("cap") is not None:
            key = "rate" if rate.get("exceeds_cap") else "rate_within"
            lawful.append(t[key].format(apr_rate=pct_text(Decimal(str(rate["apr"]))),
                                        cap_rate=pct_text(Decimal(str(rate["cap"])))))
        refused = [t["refused_total"].format(claimed_total=_money(amounts["claimed_total"]), excess=money_text(excess))]
        refused += [t["refused_item"].format(title=f["title"], basis="、".join(f["basis"]))
                    for f in report["findings"] if f["code"] in AMOUNT_FINDINGS]
        sections += [{"heading": t["lawful_heading"], "lines": lawful},
                     {"heading": t["refused_heading"], "lines": refused}]
    else:  # the claim is not above the law: offer it, never state the higher lawful figure
        sections.append({"heading": t["within_heading"],
                         "lines": [t["within"].format(claimed_total=_money(amounts["claimed_total"]), as_of=as_of)]})
    if cap_assumes_filing:  # the figures above assume a suit filed today (debts/table.py)
        sections[0]["lines"].append(t["cap_on_filing"].format(basis="、".join(cite(("mj_31",)))))
    if proposal.monthly is None:
        plan = [t["plan_once"].format(total=money_text(proposal.total))]
    else:
        plan = [t["plan_instalments"].format(total=money_text(proposal.total), monthly=money_text(proposal.monthly),
                                             months=proposal.months, last=money_text(proposal.last))]
        if shared and capacity is not None:
            plan.append(t["plan_shared"].format(capacity=money_text(capacity)))
    if card is not None:
        plan.append(t["card_instalment"].format(basis="、".join(cite(INSTALMENT_BASIS))))
        if not card.within_limit:
            plan.append(t["card_beyond"].format(months=card.months))
    collection_basis = COLLECTION_BASIS + (CARD_COLLECTION_BASIS if credit_card else ())
    sections += [
        {"heading": t["plan_heading"], "lines": plan},
        {"heading": t["collection_heading"], "lines": [t["collection"].format(basis="、".join(cite(collection_basis)))]},
    ]
    number_headings(sections)
    return {"creditor": report["case"]["plaintiff"], "opening": opening, "sections": sections,
            "closing": t["closing"], "signed_date": date_text(today)}
