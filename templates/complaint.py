"""The 催收投诉书's context (respond debts --complaints): words the grounds checks/collection.py
found in one loan's rows of the person's log, with templates/phrases.toml [complaint]. The facts
are the person's own record, given as such; nothing here decides the law."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from respond.checks import collection as cl
from respond.checks.findings import basis_text
from respond.checks.formats import date_text, money_text, pct_text
from respond.templates.context import phrases
from respond.templates.letter import number_headings



def _fact(t: dict[str, Any], e: cl.Entry) -> str:
    when = date_text(dt.date.fromisoformat(e.date)) + (f" {e.time}" if e.time else "")
    who = (f"号码 {e.caller_number}" if e.caller_number else "对方") + (f"（自称{e.caller_name}）" if e.caller_name else "")
    marks = (t["mark_third_party"] if e.third_party else "") + (t["mark_abuse"] if e.abuse else "")
    return t["fact"].format(when=when, who=who, channel=t["fact_channel"].format(channel=e.channel) if e.channel else "",
                            marks=marks,
                            said=t["fact_said"].format(said=e.said) if e.said else "",
                            files=t["fact_files"].format(files=e.files) if e.files else "")


def complaint_context(entries: list[cl.Entry], grounds: list[cl.Ground], report: dict[str, Any],
                      case: dict[str, Any], *, person: str, platform: str, to: str, today: dt.date) -> dict[str, Any]:
    """``entries``: the log rows of this loan; ``grounds``: checks/collection.grounds on them;
    ``to``: checks/collection.authority of the lender."""
    t = phrases()["complaint"]
    loan, rate = case["loan"], report["rate"]
    reasons = [t[g.code].format(rows="、".join(str(r) for r in g.rows), basis=basis_text(g.basis)) for g in grounds]
    if rate.get("exceeds_cap") and rate.get("apr") is not None and rate.get("cap") is not None:
        reasons.append(t["rate_above_cap"].format(apr_rate=pct_text(Decimal(str(rate["apr"]))),
                                                  cap_rate=pct_text(Decimal(str(rate["cap"])))))
    attachments = list(t["attach_always"])
    files = "；".join(e.files for e in entries if e.files)
    if files:
        attachments.append(t["attach_files"].format(files=files))
    sections = [{"heading": t["requests_heading"], "lines": [t["request_stop"], t["request_handle"]]},
                {"heading": t["facts_heading"], "lines": [_fact(t, e) for e in entries]},
                {"heading": t["grounds_heading"], "lines": reasons},
                {"heading": t["attachments_heading"], "lines": [f"{n}. {a}" for n, a in enumerate(attachments, 1)]}]
    number_headings(sections)
    opening = t["opening"].format(person=person, creditor=report["case"]["plaintiff"], platform=platform,
                                  contract_date=date_text(dt.date.fromisoformat(str(loan["contract_date"]))),
                                  principal=money_text(Decimal(str(loan["principal"]))), count=len(entries))
    return {"creditor": to, "opening": opening, "sections": sections, "closing": t["closing"],
            "signed_date": date_text(today)}
