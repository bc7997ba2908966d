"""The edge between files and the rules: read the user's data files, load a case, analyse it.

Shared by ``check``, ``draft`` and ``batch``. Errors become :class:`InputError` (exit 2) with a
Chinese message that names the file or field and carries no personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from respond.case.load import CaseFileError, LoadedCase, load_case
from respond.checks.analyse import Analysis, analyse
from respond.checks.calendar import HolidayCalendar, default_calendar
from respond.checks.lpr import LprTable, lpr_table


class InputError(Exception):
    """Rejected input: exit code 2, message printed as is."""


@dataclass(frozen=True)
class Engine:
    """Everything the rules take from outside the case, read once per process."""

    today: dt.date
    day_basis: int
    calendar: HolidayCalendar
    lpr: LprTable

    def run(self, loaded: LoadedCase, contract: str | None = None) -> Analysis:
        """``contract``: the contract's text when it was read elsewhere (the interview's upload);
        otherwise the file ``loan.contract_text`` names is read."""
        text = contract if contract is not None else contract_text(loaded)
        try:
            return analyse(loaded.case, today=self.today, calendar=self.calendar, lpr=self.lpr,
                           day_basis=self.day_basis, case_warnings=loaded.warnings, contract_text=text)
        except ValueError as exc:  # e.g. a court-set period the law does not allow
            raise InputError(f"案件文件有问题，未生成任何文件：\n  - {exc}") from None



def contract_text(loaded: LoadedCase) -> str | None:
    """The text of ``loan.contract_text`` (a .txt, .docx or .pdf beside the case file), or None.
    A PDF is parsed in the sandboxed child process that reads the court's papers."""
    name = loaded.case.loan.contract_text
    if not name:
        return None
    try:
        return _read_contract(loaded, name)
    except InputError as exc:  # the file's name may be the borrower's ID number, phone or address
        from respond.case.privacy import scrub, sensitive_values

        raise InputError(scrub(str(exc), sensitive_values(loaded.case.model_dump(mode="json")))) from None


def _read_contract(loaded: LoadedCase, name: str) -> str:
    from respond.checks.contract_text import ContractTextError
    from respond.extract.contract_file import read_contract_file

    path = (loaded.base_dir or Path(".")) / name
    try:
        missing = not path.exists() and not path.is_symlink()  # a dangling or looping link: read_contract_file says which
    except (OSError, ValueError):  # a name too long for the file system
        raise InputError("loan.contract_text: 合同文件名过长或含有不允许的字符，不是有效的文件名") from None
    if missing:
        raise InputError(f"loan.contract_text: 找不到合同文件 {name}（路径相对于案件文件所在的文件夹）")
    try:
        return read_contract_file(path)
    except ContractTextError as exc:
        raise InputError(f"loan.contract_text: {exc}") from None


MAX_SUPPLEMENT_BYTES = 1 << 20  # a holiday or LPR supplement is a few kilobytes


def _read_text(path: str, what: str) -> str:
    """A supplement file (holidays, LPR): a regular file (a FIFO would block, /dev/zero never end),
    at most 1 MiB, UTF-8."""
    from respond.case.load import Unreadable, read_limited

    try:
        data = read_limited(path, MAX_SUPPLEMENT_BYTES)
    except Unreadable as exc:
        raise InputError(f"无法读取{what} {Path(path).name}：{exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"无法读取{what}：{Path(path).name}（应为 UTF-8 文本）") from None
    if not text.strip():
        raise InputError(f"{what} {Path(path).name} 是空的（如不需要补充，请不要给出这个文件）")
    return text


def make_engine(*, today: dt.date, day_basis: str | int = 360, holidays_file: str | None = None,
                lpr_file: str | None = None) -> Engine:
    try:
        calendar = default_calendar(_read_text(holidays_file, "节假日安排文件") if holidays_file else None)
    except ValueError as exc:
        raise InputError(f"节假日安排文件 {Path(holidays_file).name} 有误：{exc}") from None
    try:
        lpr = lpr_table(_read_text(lpr_file, "LPR 文件") if lpr_file else None)
    except ValueError as exc:
        raise InputError(f"LPR 文件 {Path(lpr_file).name} 有误：{exc}") from None
    return Engine(today, int(day_basis), calendar, lpr)


def load(path: str | Path) -> LoadedCase:
    try:
        return load_case(Path(path))
    except CaseFileError as exc:
        raise InputError(exc.render()) from None


def load_template_set(directory: str | None):
    """The compiled templates (package ones, or a firm's ``--templates DIR``), once per process."""
    from respond.templates.render import TemplateError, load_templates

    try:
        return load_templates(Path(directory) if directory else None)
    except TemplateError as exc:
        raise InputError(str(exc)) from None


def render_documents_checked(analysis: Analysis, templates) -> dict[str, bytes]:
    """The case's .docx; a template that needs data we do not have is rejected input."""
    from respond.templates.package import render_documents
    from respond.templates.render import TemplateError

    try:
        return render_documents(analysis, templates)
    except TemplateError as exc:
        raise InputError(f"模板有误，未生成任何文件：{exc}") from None


def render_package(analysis: Analysis, templates, *, pdf: bool = False,
                   warn: Callable[[str], None] | None = None) -> dict[str, bytes]:
    """Every file of the case's package; a template that needs data we do not have is rejected input.
    With ``pdf``, each .docx also as PDF by LibreOffice; when that fails the package is made without
    PDFs and ``warn`` gets the message."""
    from respond.case.starter import NOT_FILLED_IN, is_unfilled_starter
    from respond.templates.package import finish_package

    if is_unfilled_starter(analysis.case):  # `respond check` only warns; no answer is drafted from sample values
        raise InputError(f"未生成任何文件：{NOT_FILLED_IN}")
    from respond.case.not_sued import NOT_SUED, is_not_sued

    if is_not_sued(analysis.case):  # respond debts --cases: assumed dates, no suit to answer
        raise InputError(f"未生成任何文件：{NOT_SUED}")
    documents = render_documents_checked(analysis, templates)
    pdfs: dict[str, bytes] = {}
    if pdf:
        from respond.convert.libreoffice import PdfUnavailable, to_pdf

        try:
            pdfs = to_pdf(documents)
        except PdfUnavailable as exc:
            if warn is not None:
                warn(str(exc))
    return finish_package(analysis, documents, pdfs)
