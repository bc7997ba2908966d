"""One credit-record dispute, end to end, for ``respond debts --disputes`` and the interview: the
loan run to the credit report's day by the engine, the grounds decided by
:mod:`respond.checks.credit_record`, and the 征信异议申请书 worded by
:mod:`respond.templates.credit_dispute`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from respond.checks.credit_record import CreditRecord, Ground, Refusal, grounds

GUIDE = "征信异议怎么做.md"


def application_name(number: int, platform: str) -> str:
    from respond.cli.batch import safe_folder_name

    return f"征信异议申请书-{number:02d}-{safe_folder_name(platform)}.docx"


def _run_to(loaded, day: dt.date):
    """The loan's case with its amounts run to ``day`` (the credit report's date)."""
    from respond.case.load import LoadedCase

    case = loaded.case.model_copy(update={"claims": loaded.case.claims.model_copy(update={"as_of": day})})
    return LoadedCase(case, list(loaded.warnings), loaded.base_dir)


def dispute_grounds(engine, loaded, record: CreditRecord, today: dt.date,
                    contract: str | None = None) -> tuple[list[Ground], list[Refusal]]:
    """The grounds that hold for ``record`` and the refusals; the lawful figure is the loan's at the
    report's day (``engine`` is the one ``respond check`` uses)."""
    from respond.checks.report import build_report
    from respond.cli.engine import InputError

    try:
        analysis = engine.run(_run_to(loaded, record.report_date), contract)
    except InputError as exc:
        return [], [Refusal("report_date", str(exc).splitlines()[-1].strip(" -"))]
    return grounds(record, build_report(analysis), record.report_date, today)


def application(record: CreditRecord, found: list[Ground], case: dict[str, Any], *, person: str, platform: str,
                reported_by: str, credit_card: bool, today: dt.date) -> bytes:
    """The 征信异议申请书 (.docx bytes)."""
    from respond.templates.credit_dispute import dispute_context
    from respond.templates.render import letter_template

    context = dispute_context(record, found, case, person=person, platform=platform, reported_by=reported_by,
                              today=today, credit_card=credit_card)
    return letter_template("credit_dispute").render(context)
