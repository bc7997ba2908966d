"""One lawsuit's package: every file ``respond draft`` writes, built in memory (no I/O here).

答辩状.docx (the form chosen by the regime or 案由), 利息重算表.docx when the recomputation ran on the payments the file gives,
管辖权异议申请书.docx when the contract's agreed court is away from the borrower's home (due with the
answer), report.json and 说明.md. The CLI writes them atomically; ``respond batch`` reuses this per case.
"""

from __future__ import annotations

from typing import Mapping

from respond.checks.analyse import Analysis
from respond.checks.positions import annex_attached
from respond.checks.report import build_report, report_json
from respond.templates.context import annex_context, answer_context, objection_context
from respond.templates.explain import explanation_markdown
from respond.templates.render import CompiledTemplate

ANSWER = "答辩状.docx"
ANNEX = "利息重算表.docx"
OBJECTION = "管辖权异议申请书.docx"
REPORT = "report.json"
EXPLANATION = "说明.md"


def package_names(a: Analysis) -> list[str]:
    """The documents of this case, in the order a person reads them."""
    return ([ANSWER] + ([ANNEX] if annex_attached(a) else [])
            + ([OBJECTION] if a.objection_warranted else []))


def render_documents(a: Analysis, templates: Mapping[str, CompiledTemplate]) -> dict[str, bytes]:
    """The case's .docx documents, in reading order."""
    files: dict[str, bytes] = {ANSWER: templates[a.lender.form].render(answer_context(a))}
    if annex_attached(a):
        files[ANNEX] = templates["annex"].render(annex_context(a))
    if a.objection_warranted:
        files[OBJECTION] = templates["objection"].render(objection_context(a))
    return files


def finish_package(a: Analysis, documents: Mapping[str, bytes],
                   pdfs: Mapping[str, bytes] | None = None) -> dict[str, bytes]:
    """The documents, their PDFs (``答辩状.pdf`` after ``答辩状.docx``) when given, report.json and 说明.md,
    which list exactly the documents written."""
    pdfs = pdfs or {}
    files: dict[str, bytes] = {}
    for name, data in documents.items():
        files[name] = data
        pdf = name.removesuffix(".docx") + ".pdf"
        if pdf in pdfs:
            files[pdf] = pdfs[pdf]
    names = list(files)
    files[REPORT] = report_json(build_report(a, names)).encode("utf-8")
    files[EXPLANATION] = explanation_markdown(a, names).encode("utf-8")
    return files


def build_package(a: Analysis, templates: Mapping[str, CompiledTemplate]) -> dict[str, bytes]:
    """The whole package without PDFs."""
    return finish_package(a, render_documents(a, templates))
