"""One credit-record dispute, end to end, for ``respond debts --disputes`` and the interview: the
loan run to the credit report's day by the engine, the grounds decided by
:mod:`respond.checks.credit_record`, and the 征信异议申请书 worded by
:mod:`respond.templates.credit_dispute`."""

from __future__ import annotations

import datetime as dt

from respond.checks.credit_record import CreditRecord, Ground, Refusal, grounds

GUIDE = "征信异议怎么做.md"


def application_name(number: int, platform: str) -> str:
    from respond.cli.batch import safe_folder_name

    return f"征信异议申请书-{number:02d}-{safe_folder_name(platform)}.docx"


def _run_to(loaded, day: dt.date):
    """The loan's case as it stood on ``day`` (the credit report's date): amounts run to that day,
    payments made after it left out, and the case file checked again (a day before the loan is
    refused by the case file's own consistency checks)."""
    from respond.case.load import parse_case

    data = loaded.case.model_dump(mode="json")
    data["claims"]["as_of"] = day.isoformat()
    loan = data["loan"]
    if loan.get("payments"):
        loan["payments"] = [p for p in loan["payments"] if dt.date.fromisoformat(p["date"]) <= day]
    return parse_case(data, base_dir=loaded.base_dir)


def loan_start(case) -> dt.date:
    """The day the loan began: paid out, or the contract date."""
    return case.loan.disbursed_on or case.loan.contract_date


def dispute_grounds(engine, loaded, record: CreditRecord, today: dt.date,
                    contract: str | None = None) -> tuple[list[Ground], list[Refusal]]:
    """The grounds that hold for ``record`` and the refusals; the lawful figure is the loan's as it
    stood on the report's day (``engine`` is the one ``respond check`` uses)."""
    from respond.case.load import CaseFileError
    from respond.checks.report import build_report
    from respond.cli.engine import InputError

    start = loan_start(loaded.case)
    if record.report_date < start:
        return [], [Refusal("report_date", f"信用报告日期 {record.report_date.isoformat()} 早于借款开始的 "
                                           f"{start.isoformat()}：请写您查询信用报告的日子")]
    try:
        analysis = engine.run(_run_to(loaded, record.report_date), contract)
    except CaseFileError as exc:
        return [], [Refusal("report_date", f"按信用报告日期计算时：{exc.problems[0].message}")]
    except InputError as exc:
        return [], [Refusal("report_date", str(exc).splitlines()[-1].strip(" -"))]
    return grounds(record, build_report(analysis), record.report_date, today, loan_start=start)


def application(record: CreditRecord, found: list[Ground], case, *, person: str, platform: str,
                credit_card: bool, today: dt.date) -> bytes:
    """The 征信异议申请书 (.docx bytes) for the loan of ``case`` (the case file model). The lender
    named is the one who lent (``lender_name``: a buyer of the debt is not the lender); the addressee
    is the institution the report names as reporting it, the lender when the person does not say."""
    from respond.templates.credit_dispute import dispute_context
    from respond.templates.render import letter_template

    context = dispute_context(record, found, case.model_dump(mode="json"), person=person, platform=platform,
                              lender=case.lender_name, reported_by=record.reported_by or case.lender_name,
                              today=today, credit_card=credit_card)
    return letter_template("credit_dispute").render(context)


def platform_of(case) -> str:
    """What the person calls the loan in the interview's files: its product, else the plaintiff."""
    return case.loan.product or case.plaintiff.name
