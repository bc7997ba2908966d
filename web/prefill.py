"""Uploaded court papers → the interview's answers, each with where it came from.

The files are checked first (at most :data:`MAX_FILES`, each at most :data:`MAX_FILE_BYTES`, and a
PDF, JPEG or PNG by its first bytes, whatever its name says), written to a private temporary folder,
and read by the same code as ``respond extract`` (PDF text in a limited child process, photos and
scans by offline OCR when installed). What was found becomes answers; ``sources`` says, per
question, the document, page and text it was read from, so the borrower confirms or corrects it.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from respond.web.questions import PAGES, YES_NO

MAX_FILES = 10
MAX_FILE_BYTES = 20 * 1024 * 1024
_KINDS = ((b"%PDF-", ".pdf"), (b"\xff\xd8\xff", ".jpg"), (b"\x89PNG\r\n\x1a\n", ".png"))


@dataclass
class Prefill:
    answers: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # question key → "起诉状.pdf 第 1 页：“…”"
    notes: list[str] = field(default_factory=list)          # files not read, fields to check


class UploadRefused(ValueError):
    """The upload as a whole is refused; the message (Chinese) names each file and why."""


def _kind(data: bytes) -> str | None:
    head = data[:1024]
    if b"%PDF-" in head:
        return ".pdf"
    return next((suffix for magic, suffix in _KINDS if data.startswith(magic)), None)


def _display(name: str) -> str:
    name = Path(name.replace("\\", "/")).name
    return re.sub(r"[\x00-\x1f<>:\"/\\|?*]", "_", name)[:80] or "文件"


def check_uploads(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes, str]]:
    """``(display name, bytes, suffix)`` for each file, or :class:`UploadRefused` naming every bad one."""
    if not files:
        raise UploadRefused("没有选择文件。请选择传票、应诉通知书、起诉状副本、举证通知书（PDF 或照片）。")
    if len(files) > MAX_FILES:
        raise UploadRefused(f"一次最多上传 {MAX_FILES} 份文件，收到 {len(files)} 份。请只选法院寄来的文书。")
    problems, out = [], []
    for raw_name, data in files:
        name = _display(raw_name)
        suffix = _kind(data)
        if len(data) > MAX_FILE_BYTES:
            problems.append(f"{name}：文件太大（上限 {MAX_FILE_BYTES // 1048576} MB）")
        elif not data:
            problems.append(f"{name}：空文件")
        elif suffix is None:
            problems.append(f"{name}：不是 PDF、JPG 或 PNG 文件")
        else:
            out.append((name, data, suffix))
    if problems:
        raise UploadRefused("以下文件不能读取，请去掉后重新上传：" + "；".join(problems) + "。")
    return out


def prefill(files: list[tuple[str, bytes, str]]) -> Prefill:
    """Read the checked files; the answers and sources they give."""
    from respond.extract.build import build_case, read_documents

    with tempfile.TemporaryDirectory(prefix="respond-upload-") as tmp:
        os.chmod(tmp, 0o700)
        paths, shown = [], {}
        for i, (name, data, suffix) in enumerate(files):
            path = Path(tmp) / f"{i + 1}{suffix}"  # the user's name is shown, never used as a path
            path.write_bytes(data)
            os.chmod(path, 0o600)
            paths.append(str(path))
            shown[path.name] = name
        reading = read_documents(paths)
    def named(message: str) -> str:
        for inner, name in shown.items():
            message = message.replace(inner, name)
        return message

    result = Prefill(notes=[named(str(e)) for e in reading.errors] + [named(w) for w in reading.warnings])
    if not reading.documents:
        result.notes.append("没有从上传的文件中识别出法院文书，请直接填写。")
        return result
    extraction = build_case(reading.documents)
    result.notes += [named(w) for w in extraction.warnings]
    answers_from_case(extraction.case, result, shown)
    return result


def _get(case: dict[str, Any], path: str) -> Any:
    node: Any = case
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _source_text(source: dict[str, Any] | None, names: dict[str, str]) -> str | None:
    if not source or not source.get("document"):
        return None
    where = names.get(source["document"], source["document"]) + (f" 第 {source['page']} 页" if source.get("page") else "")
    text = f"{where}：“{source.get('text') or ''}”"
    if source.get("ocr") and source.get("confidence") is not None and source["confidence"] < 0.9:
        text += "（照片或扫描件识别，把握不大，请特别核对）"
    return text


def answers_from_case(case: dict[str, Any], into: Prefill, names: dict[str, str] | None = None) -> None:
    """A case-file dict (as ``respond extract`` writes it) → answers and their sources."""
    sources = (case.get("notes") or {}).get("sources") or {}
    for page in PAGES:
        for q in page.questions:
            if q.key.startswith("ask."):
                continue
            value = _get(case, q.key)
            if value is None:
                continue
            if q.kind == "rate" and isinstance(value, dict) and len(value) == 1:
                period, rate = next(iter(value.items()))
                into.answers[f"{q.key}.period"] = period
                into.answers[f"{q.key}.percent"] = f"{float(rate) * 100:g}"
            elif q.kind == "payments" and isinstance(value, list):
                into.answers[q.key] = "\n".join(f"{p.get('date')} {p.get('amount')}" for p in value)
            elif q.kind == "deductions" and isinstance(value, list):
                into.answers[q.key] = "\n".join(f"{p.get('name')} {p.get('amount')}" for p in value)
            elif q.choices == YES_NO and isinstance(value, bool):
                into.answers[q.key] = "yes" if value else "no"
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                into.answers[q.key] = str(value)
            else:
                continue
            shown = _source_text(sources.get(q.key), names or {})
            if shown:
                into.sources[q.key] = shown
    lender, plaintiff = _get(case, "loan.lender"), _get(case, "plaintiff.name")
    if lender and plaintiff:
        into.answers["ask.lender_is_plaintiff"] = "yes" if lender == plaintiff else "no"
    if _get(case, "loan.upfront_deductions"):
        into.answers["ask.full_amount_received"] = "no"
