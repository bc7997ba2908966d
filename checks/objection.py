"""The grounds of the 管辖权异议申请书 (民事诉讼法第130条), decided here and worded by
:func:`respond.templates.context.objection_context` from ``templates/phrases.toml`` ``[objection]``.

Drafted only when :attr:`Analysis.objection_warranted` (checks/clauses.py: the suing court is
neither at the defendant's home nor at the plaintiff's seat). The grounds, in the order argued:

1. the statutory court is the defendant's (民诉法第22条、第24条);
2. the agreed-court clause is void for want of notice (民诉法解释第31条; 合同编通则解释第10条,
   which puts the burden on the lender), answering the contract's own notice wording when it has any;
3. an agreed court must have an actual connection with the dispute (民诉法第35条): the suing court
   is neither the defendant's nor the plaintiff's — the file cannot show where the contract was
   signed, so the plaintiff is said not to have shown it, never that it is elsewhere;
4. the suing court is not the place of performance (民诉法解释第18条: 接收货币一方所在地), stated as
   the rule for a contract that does not fix the place, since the file cannot show that it does not;
5. filed within the answer period (第130条), only while that is true.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from respond.checks.positions import Part, phrase

if TYPE_CHECKING:
    from respond.checks.analyse import Analysis


def objection_grounds(a: "Analysis") -> tuple[Part, ...]:
    case, advice = a.case, a.jurisdiction
    d, p = case.defendant, case.plaintiff
    address, residence = (d.address or "").strip(), (d.residence or "").strip()
    if address and residence and residence != address:
        home = phrase("objection.home_both", address=address, residence=residence)
    elif address or residence:
        home = phrase("objection.home_one", label="住所地、经常居住地均" if address and residence else
                      ("住所地" if address else "经常居住地"), place=address or residence)
    else:
        home = phrase("objection.home_unknown")
    grounds = [phrase("objection.domicile", case_cause=a.lender.case_cause, home=home, basis=("msf_22", "msf_24"))]
    hit = advice.agreed_clause if advice is not None else None
    plaintiff_at = (p.address or "").strip()
    if hit is not None:
        key = "objection.clause_void_notice" if a.notice_claimed else "objection.clause_void"
        grounds.append(phrase(key, article=hit.article or "中的管辖条款", clause=hit.sentence.rstrip("。；;."),
                              basis=("msj_31", "htj_10")))
        if plaintiff_at:
            homes = "、".join(w for w, x in (("住所地", address), ("经常居住地", residence)) if x) or "住所地"
            grounds.append(phrase("objection.no_connection", homes=homes, basis=("msf_35",)))
    if plaintiff_at:
        # the plaintiff's seat is not named: it would offer the court another transferee
        grounds.append(phrase("objection.performance_place", basis=("msj_18",)))
    if a.deadline.days_left >= 0:  # after the answer period this would not be true (说明.md says so)
        grounds.append(phrase("objection.in_time", basis=("msf_130",)))
    return tuple(grounds)
