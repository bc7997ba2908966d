"""Analysis → the report object of the shared spec ``report.md`` (a plain dict, ready for JSON).

The only place where ``Decimal`` becomes a JSON number: money rounded to the cent, rates to 6
places, dates ``YYYY-MM-DD``. Keys are a contract; more may be added, none renamed.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from respond.checks.analyse import Alternative, Amounts, Analysis
from respond.checks.claims import Line
from respond.checks.money import cents, rate6
from respond.checks.positions import part_codes

REPORT_VERSION = 1


def _money(x: Decimal | None) -> float | None:
    return None if x is None else float(cents(x))


def _rate(x: Decimal | None) -> float | None:
    return None if x is None else float(rate6(x))


def _amounts(m: Amounts | None, lines: dict[str, Line] | None) -> dict[str, Any] | None:
    if m is None:
        return None
    out = {"claimed_total": _money(m.claimed_total), "lawful_principal": _money(m.lawful_principal),
           "lawful_interest": _money(m.lawful_interest), "lawful_total": _money(m.lawful_total),
           "overpaid": _money(m.overpaid), "excess": _money(m.excess), "day_basis": m.day_basis}
    # added: per line of the claim, what the answer concedes (never above the claim, checks/claims.py)
    out["lines"] = None if lines is None else {
        key: {"claimed": _money(line.claimed), "lawful": _money(line.lawful), "conceded": _money(line.used),
              "difference": _money(line.diff)} for key, line in lines.items()}
    # added (docs/report.md): the lawful lines, what the contract allows, and the cap's two limits
    law, e = m.lawful, m.contract
    out["basis"] = law.basis if law else None
    out["lawful_lines"] = None if law is None else {
        "principal": _money(law.principal), "interest": _money(law.interest), "penalty": _money(law.penalty),
        "fees": _money(law.fees), "charges": _money(law.charges)}
    out["charges_allowance"] = _money(law.allowance) if law else None
    out["cap_total"] = _money(law.cap_total) if law else None
    out["later_payments"] = [] if law is None else [{"date": p.date.isoformat(), "amount": _money(p.amount)}
                                                    for p in law.later]
    out["contract"] = None if e is None else {
        "principal": _money(e.principal), "principal_overdue": _money(e.principal_overdue),
        "interest": _money(e.interest), "overdue_interest": _money(e.overdue_interest), "compound": _money(e.compound),
        "penalty_clause": _money(e.penalty_clause), "penalty": _money(e.penalty), "fees": _money(e.fees),
        "total": _money(e.total), "surplus": _money(e.surplus),
        "overdue_rate": _rate(e.overdue_rate.annual), "overdue_rate_source": e.overdue_rate.source,
        "accelerated_on": e.accelerated_on.isoformat() if e.accelerated_on else None}
    return out


def _alternative(alt: Alternative | None) -> dict[str, Any] | None:
    if alt is None:
        return None
    return {"cap": _rate(alt.cap.rate), "cap_basis": alt.cap.basis,
            "cap_after_2020_08_20": _rate(alt.cap.after_2020_08_20),
            "lawful_principal": _money(alt.ledger.lawful_principal),
            "lawful_interest": _money(alt.ledger.lawful_interest),
            "lawful_total": _money(alt.lawful_total), "overpaid": _money(alt.ledger.overpaid),
            "excess": _money(alt.excess), "kind": alt.kind, "lpr": _rate(alt.cap.lpr)}


def _jurisdiction(a: Analysis) -> dict[str, Any] | None:
    j = a.jurisdiction
    if j is None:
        return None
    return {"agreed_court_clause": j.agreed_clause.article if j.agreed_clause else None,
            "objection_warranted": j.objection_warranted, "proper_court": j.proper_court,
            "court_place": j.court_place, "defendant_place": j.defendant_place,
            "objection_due": a.deadline.jurisdiction_objection_due.isoformat()}


def build_report(a: Analysis, documents: list[str] | None = None) -> dict[str, Any]:
    case, d, r = a.case, a.deadline, a.rate
    report: dict[str, Any] = {
        "version": REPORT_VERSION,
        "case": {"court": case.court.name, "case_number": case.court.case_number,
                 "plaintiff": case.plaintiff.name, "defendant": case.defendant.name},
        "deadline": {"served_on": d.served_on.isoformat(), "answer_due": d.answer_due.isoformat(),
                     "jurisdiction_objection_due": d.jurisdiction_objection_due.isoformat(),
                     "calendar_verified": d.calendar_verified, "days_left": d.days_left,
                     "period_days": d.period_days, "today": a.today.isoformat()},
        "lender": {"plaintiff_category": a.lender.plaintiff.category, "lender_category": a.lender.lender.category,
                   "regime": a.lender.regime, "case_cause": a.lender.case_cause, "form": a.lender.form},
        "rate": {"received": _money(r.received),
                 "apr": _rate(r.apr.apr) if r.apr else None,
                 "apr_compound": _rate(r.apr.apr_compound) if r.apr else None,
                 "apr_method": r.apr.method if r.apr else None,
                 "stated_annual": _rate(r.stated_annual),
                 "cap": _rate(r.cap.rate) if r.cap else None,
                 "cap_basis": r.cap.basis if r.cap else None,
                 "cap_after_2020_08_20": _rate(r.cap.after_2020_08_20) if r.cap else None,
                 "lpr": _rate(r.cap.lpr) if r.cap else None,
                 "exceeds_cap": r.exceeds_cap},
        "amounts": _amounts(a.amounts, a.lines),
        "alternative": _alternative(a.alternative),
        "jurisdiction": _jurisdiction(a),
        "contract_standing": None if a.standing is None else {
            "paid": _money(a.standing.paid), "installments_covered": a.standing.installments_covered,
            "principal_outstanding": _money(a.standing.principal_outstanding)},
        "payments": _payments(a),
        "hearing": {"at": case.court.hearing_at.isoformat(timespec="minutes") if case.court.hearing_at else None,
                    "evidence_due": case.service.evidence_due.isoformat() if case.service.evidence_due else None},
        "positions": _positions(a),
        "findings": [{"code": f.code, "severity": f.severity, "title": f.title, "explanation": f.explanation,
                      "basis": f.basis, "argument": f.argument, "evidence": f.evidence} for f in a.findings],
        "warnings": list(a.warnings),
    }
    if documents is not None:
        report["documents"] = list(documents)
    return report


def _payments(a: Analysis) -> dict[str, Any]:
    """What the file says was paid: the answer's 还款情况 states ``total``; the annex credits ``to_stop``."""
    paid = a.case.loan.payments
    return {"count": len(paid), "total": _money(sum((p.amount for p in paid), Decimal(0))),
            "to_stop": _money(sum((p.amount for p in paid if p.date <= a.stop), Decimal(0)))}


def _positions(a: Analysis) -> dict[str, Any] | None:
    """Each form item's stance (object | agree | verify | none) and the findings that argue it."""
    if a.positions is None:
        return None
    return {key: {"stance": p.stance, "findings": list(dict.fromkeys(part_codes(p.parts)))}
            for key, p in a.positions.all().items()}


def report_json(report: dict[str, Any]) -> str:
    """Stable text: same analysis → same bytes."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
