"""Merge the documents of one case into a case-file dict, with where each value came from.

- Each field is taken from the document that states it most authoritatively (the court's own
  notices for the court, case number and dates; the complaint for the parties' details, the claims
  and the loan), see ``_PRIORITY``. When two documents disagree the choice is recorded under
  ``notes.conflicts`` and reported: papers from two different cases must not be merged silently.
- ``notes.sources`` gives, for every value, the document, its type, the page and the matched text.
- Required fields that the papers do not state (typically ``service.*``, ``loan.contract_date``)
  are written as ``null`` and listed in ``notes.missing``: the file then does not pass ``respond
  check`` until the user fills them in, which is the point. Optional fields searched for and not
  found are listed in ``notes.not_found``. Nothing is guessed.
- When nothing required is missing the dict is validated with :func:`respond.case.load.parse_case`;
  any other problem (a contradiction between the papers) is returned for the user to resolve.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from respond.extract.documents import COMPLAINT, EVIDENCE, NOTICE, SUMMONS, Document, Found, documents_in
from respond.extract.pdftext import DEFAULT_LIMITS, ExtractError, Limits, NoTextLayer, read_pdf_texts

REQUIRED = ("court.name", "service.method", "service.date", "plaintiff.name", "defendant.name",
            "loan.contract_date", "loan.principal")

#: What a user must do for each required field the papers did not give.
REQUIRED_HELP = {
    "court.name": "法院名称（见传票或通知书抬头）",
    "service.method": "送达方式：direct 直接送达 / mail 邮寄送达 / electronic 电子送达 / public_notice 公告送达"
                      "（可用 --service-method 指定）",
    "service.date": "送达日：签收日、邮件回执上的收件日、电子送达到达日或公告发出日（可用 --served-on 指定）",
    "plaintiff.name": "原告名称（见起诉状）",
    "defendant.name": "被告姓名（见起诉状或传票）",
    "loan.contract_date": "借款合同成立日（见借款合同，或起诉状“事实与理由”）",
    "loan.principal": "合同载明的借款金额（见借款合同，或起诉状“事实与理由”）",
}

#: Optional fields the extractor looks for; those not found are listed in ``notes.not_found``.
SEARCHED = (
    "case_cause", "court.case_number", "court.procedure", "court.filed_on", "court.hearing_at",
    "service.answer_days", "service.evidence_due",
    "plaintiff.credit_code", "plaintiff.address", "plaintiff.representative",
    "defendant.id_number", "defendant.gender", "defendant.birth_date", "defendant.ethnicity",
    "defendant.address", "defendant.phone",
    "claims.as_of", "claims.principal", "claims.interest", "claims.penalty", "claims.fees",
    "claims.legal_costs", "claims.until_paid", "claims.accelerate",
    "loan.disbursed_on", "loan.rate", "loan.overdue_rate", "loan.term_months", "loan.method", "loan.contract_number",
    "loan.product",
)

#: The order of ``notes.sources``: the order of the case file.
_FIELD_ORDER = (
    "case_cause", "court.name", "court.case_number", "court.procedure", "court.filed_on", "court.hearing_at",
    "service.method", "service.date", "service.answer_days", "service.evidence_due",
    "plaintiff.name", "plaintiff.credit_code", "plaintiff.address", "plaintiff.representative",
    "defendant.name", "defendant.id_number", "defendant.gender", "defendant.birth_date", "defendant.ethnicity",
    "defendant.address", "defendant.residence", "defendant.phone",
    "claims.as_of", "claims.principal", "claims.interest", "claims.penalty", "claims.fees", "claims.legal_costs",
    "claims.until_paid", "claims.accelerate",
    "loan.lender", "loan.product", "loan.contract_number", "loan.contract_date", "loan.disbursed_on",
    "loan.principal", "loan.rate", "loan.overdue_rate", "loan.term_months", "loan.term_days", "loan.method",
    "assignment.from", "assignment.date",
)

_COURT_FIRST = (SUMMONS, NOTICE, EVIDENCE, COMPLAINT)
_NOTICES_FIRST = (NOTICE, EVIDENCE, SUMMONS, COMPLAINT)
_COMPLAINT_FIRST = (COMPLAINT, NOTICE, EVIDENCE, SUMMONS)
_PRIORITY = {
    "court.name": _COURT_FIRST, "court.case_number": _COURT_FIRST, "case_cause": _COURT_FIRST,
    "court.hearing_at": _COURT_FIRST,
    "court.procedure": _NOTICES_FIRST, "court.filed_on": _NOTICES_FIRST,
    "service.answer_days": _NOTICES_FIRST, "service.evidence_due": (EVIDENCE, NOTICE, SUMMONS, COMPLAINT),
    "defendant.name": (SUMMONS, NOTICE, EVIDENCE, COMPLAINT),
    "defendant.address": (COMPLAINT, SUMMONS, NOTICE, EVIDENCE),
}

_CLI = "命令行参数"


@dataclass
class Extraction:
    case: dict[str, Any]
    missing: list[str]                                   # required paths to fill before check/draft
    problems: list[str] = field(default_factory=list)    # validation problems other than ``missing``
    warnings: list[str] = field(default_factory=list)    # for stderr: no personal data
    extracted: int = 0                                   # number of fields filled from the papers

    @property
    def complete(self) -> bool:
        return not self.missing and not self.problems


def _rank(doc: Document, path: str) -> int:
    order = _PRIORITY.get(path, _COMPLAINT_FIRST)
    return min((order.index(k) for k in doc.kinds if k in order), default=len(order))


def _same(path: str, a: Any, b: Any) -> bool:
    if a == b:
        return True
    if path == "court.name" and isinstance(a, str) and isinstance(b, str):
        return a.endswith(b) or b.endswith(a)  # 浙江省杭州市西湖区人民法院 = 杭州市西湖区人民法院
    return False


def _source(doc: Document | None, found: Found | None, text: str | None = None) -> dict[str, Any]:
    if doc is None or found is None:
        return {"document": None, "type": _CLI, "page": None, "text": text}
    out = {"document": doc.name, "type": doc.type_label, "page": found.page, "text": found.text}
    if doc.ocr is not None:  # read from a scan or photo: how sure the recogniser was of those lines
        from respond.extract.ocr import confidence_of

        out["ocr"] = True
        out["confidence"] = confidence_of(doc.ocr.get(found.page, ()), found.text)
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if isinstance(value, dict):  # a rate: {"annual": Decimal("0.18")} → JSON number 0.18
        return {k: float(v) if isinstance(v, Decimal) else v for k, v in value.items()}
    return value


def _pick_defendant(docs: list[Document], name: str | None,
                    warnings: list[str]) -> tuple[int, Document, dict[str, Found]] | None:
    """The complaint's entry for the defendant the court wrote to (several 被告 may be sued)."""
    for i, doc in enumerate(docs):
        if not doc.defendants:
            continue
        if name:
            for entry in doc.defendants:
                if entry["defendant.name"].value == name:
                    return i, doc, entry
        if len(doc.defendants) > 1:
            warnings.append(f"{doc.where}：起诉状列有 {len(doc.defendants)} 名被告，"
                            "已取第一名的信息；如果你不是第一名被告，请改正 defendant 各项。")
        return i, doc, doc.defendants[0]
    return None


def build_case(docs: list[Document], *, served_on: dt.date | None = None,
               service_method: str | None = None, today: dt.date | None = None) -> Extraction:
    """One case-file dict from the recognised documents and what the command line adds."""
    warnings: list[str] = []
    candidates: dict[str, list[tuple[int, int, Document, Found]]] = {}

    def offer(order: int, doc: Document, fields: dict[str, Found]) -> None:
        for path, found in fields.items():
            candidates.setdefault(path, []).append((_rank(doc, path), order, doc, found))

    for i, doc in enumerate(docs):
        offer(i, doc, doc.fields)
    chosen_name = min(candidates.get("defendant.name", []), key=lambda c: c[:2], default=None)
    picked = _pick_defendant(docs, chosen_name[3].value if chosen_name else None, warnings)
    if picked:
        offer(*picked)

    values: dict[str, Any] = {}
    sources: dict[str, Any] = {}
    conflicts = []
    for path, offers in candidates.items():
        offers.sort(key=lambda c: c[:2])
        _, _, doc, found = offers[0]
        values[path] = found.value
        sources[path] = _source(doc, found)
        others = [(d, f) for _, _, d, f in offers[1:] if not _same(path, f.value, found.value)]
        if others:
            conflicts.append({"field": path,
                              "used": {"document": doc.where, "value": _jsonable(found.value)},
                              "other": [{"document": d.where, "value": _jsonable(f.value)} for d, f in others]})
            names = "、".join(sorted({d.where for d, _ in others}))
            if path == "court.case_number":
                warnings.append(f"各文书的案号不一致（{doc.where} 与 {names}）：可能混入了其他案件的文书，请核对。")
            else:
                warnings.append(f"{path}：{doc.where} 与 {names} 写得不一样，已采用 {doc.where} 的写法，请核对"
                                "（详见 notes.conflicts）。")
    extracted = len(values)
    if served_on is not None:
        values["service.date"] = served_on
        sources["service.date"] = _source(None, None, f"--served-on {served_on.isoformat()}")
    if service_method is not None:
        values["service.method"] = service_method
        sources["service.method"] = _source(None, None, f"--service-method {service_method}")

    def get(path: str) -> Any:
        return _jsonable(values.get(path))

    def section(prefix: str, keys: tuple[str, ...], required: tuple[str, ...] = ()) -> dict[str, Any]:
        out = {}
        for key in keys:
            path = f"{prefix}.{key}"
            if path in values or key in required:
                out[key] = get(path)
        return out

    case: dict[str, Any] = {"version": 1}
    if "case_cause" in values:
        case["case_cause"] = get("case_cause")
    case["court"] = section("court", ("name", "case_number", "procedure", "filed_on", "hearing_at"), ("name",))
    case["service"] = section("service", ("method", "date", "answer_days", "evidence_due"), ("method", "date"))
    case["plaintiff"] = section("plaintiff", ("name", "credit_code", "address", "representative"), ("name",))
    case["defendant"] = section("defendant", ("name", "id_number", "gender", "birth_date", "ethnicity", "address",
                                              "residence", "phone"), ("name",))
    claims = section("claims", ("as_of", "principal", "interest", "penalty", "fees", "legal_costs", "until_paid",
                                "accelerate"))
    if claims:
        case["claims"] = claims
    case["loan"] = section("loan", ("lender", "product", "contract_number", "contract_date", "disbursed_on",
                                    "principal", "rate", "overdue_rate", "term_months", "term_days", "method"),
                           ("contract_date", "principal"))
    assignment = section("assignment", ("from", "date"))
    if assignment:
        case["assignment"] = assignment

    missing = [p for p in REQUIRED if values.get(p) is None]
    found_paths = set(values) | ({"loan.term_months"} if "loan.term_days" in values else set())
    notes: dict[str, Any] = {
        "extracted_by": "respond extract",
        "check": "以上内容由程序从法院文书中自动提取，使用前请逐项与原件核对；每一项的出处见 sources。",
        "documents": [{"file": d.name, "type": d.type_label, "first_page": d.first_page, "pages": d.pages}
                      for d in docs],
        "missing": missing,
        "not_found": [p for p in SEARCHED if p not in found_paths],
        "sources": sources,
    }
    if conflicts:
        notes["conflicts"] = conflicts
    for doc in docs:
        for key, found in doc.extra.items():
            if key not in notes:
                notes[key] = _jsonable(found.value)
                sources[f"notes.{key}"] = _source(doc, found)
    order = {p: i for i, p in enumerate(_FIELD_ORDER)}
    notes["sources"] = dict(sorted(sources.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    checks = _cross_checks(values, notes, today or dt.date.today())
    if checks:
        notes["checks"] = checks
        warnings.extend(c["why"] for c in checks)
    if "claims_unreadable" in notes:
        warnings.append("起诉状中有金额无法确定（例如“20.000元”可能是二十元也可能是两万元，或大写与小写不一致），"
                        "没有采用，列在 notes.claims_unreadable 中，请对照原件填写。")
    review = _ocr_review(sources)
    if review:
        notes["review"] = review
        warnings.append(f"有 {len(review)} 项是从扫描件或照片识别的、识别把握不高，已列在 notes.review 中，请逐项对照原件核对。")
    case["notes"] = notes

    problems, case_warnings = _validate(case, missing)
    return Extraction(case=case, missing=missing, problems=problems, warnings=warnings + case_warnings,
                      extracted=extracted)


_PAST_DATES = ("court.filed_on", "loan.contract_date", "loan.disbursed_on", "claims.as_of", "service.date")


def _cross_checks(values: dict[str, Any], notes: dict[str, Any], today: dt.date) -> list[dict[str, Any]]:
    """What the papers say that cannot all be true: a stated total that the items do not add up to, a
    date that has not come yet. Listed for the user to check against the paper; no value is changed."""
    out = []
    stated = notes.get("claims_stated_total")
    if stated is not None:
        parts = [values.get(f"claims.{k}") for k in ("principal", "interest", "penalty", "fees")]
        without = sum((p for p in parts if p is not None), Decimal("0"))
        costs = values.get("claims.legal_costs") or Decimal("0")
        if Decimal(stated) not in (without, without + costs):
            out.append({"field": "claims", "why": f"起诉状写的合计（{Decimal(stated):,.2f} 元）与各项金额之和"
                                                 f"（{without:,.2f} 元，含律师费等为 {without + costs:,.2f} 元）对不上，请对照原件核对各项金额。"})
    for path in _PAST_DATES:
        value = values.get(path)
        if isinstance(value, dt.date) and value > today:
            out.append({"field": path, "why": f"{path} 为 {value.isoformat()}，晚于今天（{today.isoformat()}），"
                                              "可能是识别或填写错误，请对照原件核对。"})
    return out


def _ocr_review(sources: dict[str, Any]) -> list[dict[str, Any]]:
    """Fields read by OCR with a low or unknown confidence: to be checked against the paper."""
    from respond.extract.ocr import LOW_CONFIDENCE

    out = []
    for path, src in sources.items():
        if src.get("ocr") and (src.get("confidence") is None or src["confidence"] < LOW_CONFIDENCE):
            out.append({"field": path, "confidence": src.get("confidence"), "page": src.get("page"),
                        "why": "识别把握不高" if src.get("confidence") is not None else "无法确定识别把握"})
    return out


def _validate(case: dict[str, Any], missing: list[str]) -> tuple[list[str], list[str]]:
    """Problems other than the missing fields, and the loader's warnings (no personal data)."""
    import json

    from respond.case.load import CaseFileError, decode_json, parse_case

    try:
        loaded = parse_case(decode_json(json.dumps(case, ensure_ascii=False)))
    except CaseFileError as exc:
        return [str(p) for p in exc.problems if p.path not in missing], []
    return [], list(loaded.warnings)


@dataclass
class Reading:
    """The files read: recognised documents, rejected files, and warnings (no personal data)."""

    documents: list[Document]
    errors: list[ExtractError]
    warnings: list[str]


def read_documents(paths: list[str], limits: Limits | None = None) -> Reading:
    """Read each file and recognise it; keep every file's error. PDFs with text go through one worker
    process in turn (:func:`read_pdf_texts`); photos and PDFs without a text layer are read by OCR, in
    parallel child processes."""
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    from respond.extract.ocr import IMAGE_SUFFIXES, NoOcr, OcrText, read_ocr

    from respond.case.load import resolved

    unique = list(dict.fromkeys(str(resolved(p)) for p in paths))
    pdfs = [p for p in unique if Path(p).suffix.lower() not in IMAGE_SUFFIXES]
    read: dict[str, Any] = dict(zip(pdfs, read_pdf_texts(pdfs, limits or DEFAULT_LIMITS)))

    def ocr(path: str):
        try:
            return read_ocr(path)
        except NoOcr as exc:  # not installed: for a scanned PDF the PDF reader's own message says so
            return read.get(path, exc)
        except ExtractError as exc:
            return exc

    scans = [p for p in unique if p not in read or isinstance(read[p], NoTextLayer)]
    if scans:
        with ThreadPoolExecutor(max_workers=max(1, min(4, len(scans)))) as pool:
            read.update(zip(scans, pool.map(ocr, scans)))
    reading = Reading([], [], [])
    for result in (read[p] for p in unique):
        if isinstance(result, ExtractError):
            reading.errors.append(result)
            continue
        if result.empty_pages:
            pages = "、".join(str(n) for n in result.empty_pages)
            reading.warnings.append(f"{result.name}：第 {pages} 页没有文字（可能是扫描页），这些页上的内容需要对照原件手工填写。")
        for doc in documents_in(result.name, result.pages):
            if isinstance(result, OcrText):
                doc.ocr = {i + 1: lines for i, lines in enumerate(result.lines)}
            if doc.kinds:
                reading.documents.append(doc)
            else:
                where = f"第 {doc.first_page} 页起的内容" if doc.first_page > 1 else "文书类型"
                reading.warnings.append(f"{result.name}：未能识别{where}（不是传票、应诉通知书、起诉状副本或举证通知书），已跳过。")
    return reading
