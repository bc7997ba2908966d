"""Scans and phone photos of the court's papers, read by an offline OCR engine in a child process.

Optional: ``pip install "respond[ocr]"`` installs RapidOCR, onnxruntime and pdfium, whose models
ship inside the packages (nothing is downloaded when it runs). Without them a scan gets a clear
message saying how to add OCR, or to type the fields in.

The parent checks the file first (size, what it is), then runs ``python -m
respond.extract._ocr_worker`` with a wall-clock limit per page, a CPU limit and a memory limit
(:data:`OCR_LIMITS`). What comes back is each page's lines with the recogniser's confidence: the
text goes to the same document reader as a text PDF's, and every field read from it carries the
confidence of the lines it came from (``notes.sources[…].confidence``).
"""

from __future__ import annotations

import importlib.util
import json
import time
from dataclasses import dataclass
from pathlib import Path

from respond.extract.pdftext import ExtractError, Limits, NotAPdf, PdfText, TooLarge, Unreadable, run_child

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
OCR_LIMITS = Limits(max_bytes=30 * 1024 * 1024, max_pages=20, timeout=12.0, memory_bytes=3 * 1024 ** 3)
LOW_CONFIDENCE = 0.90  # a field read from lines below this is listed for review


class NoOcr(ExtractError):
    kind = "no_ocr"


@dataclass(frozen=True)
class OcrText(PdfText):
    """What OCR read: each page's text (one recognised line per line) and its lines' confidences."""

    lines: tuple[tuple[tuple[str, float], ...], ...]  # per page: (line text, confidence)


def ocr_available() -> bool:
    """Are the optional OCR packages installed?"""
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr", "onnxruntime", "pypdfium2"))


def no_ocr_message(name: str) -> str:
    return (f"{name}：这是扫描件或照片，需要文字识别（OCR）才能读取。本机没有安装 OCR 组件：可以运行 "
            "pip install \"respond[ocr]\" 安装（离线识别，不上传任何内容）后重试；或对照纸质文书手工填写案件文件"
            "（可先运行 respond init 生成模板）。")


def _read_bytes(path: Path, limits: Limits) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        raise Unreadable(name, f"{name}：找不到或无法读取这个文件。") from None
    if size > limits.max_bytes:
        raise TooLarge(name, f"{name}：文件太大（{size / 1048576:.1f} MB，上限 {limits.max_bytes / 1048576:.0f} MB）。")
    data = path.read_bytes()
    head = data[:16]
    if not (head.lstrip().startswith(b"%PDF") or head.startswith((b"\xff\xd8\xff", b"\x89PNG"))):
        raise NotAPdf(name, f"{name}：不是 PDF、JPG 或 PNG 文件。")
    return data


def read_ocr(path: str | Path, limits: Limits = OCR_LIMITS) -> OcrText:
    """OCR every page of a scanned PDF or one photo; an :class:`ExtractError` when it cannot."""
    path = Path(path)
    name = path.name
    if not ocr_available():
        raise NoOcr(name, no_ocr_message(name))
    started = time.perf_counter()
    data = _read_bytes(path, limits)
    pages_allowed = limits.max_pages
    timeout = limits.timeout * (pages_allowed if data.lstrip()[:5] == b"%PDF-" else 1) + 15  # + loading the models
    out, _ = run_child(name, "respond.extract._ocr_worker",
                       [str(limits.max_bytes), str(pages_allowed), str(limits.memory_bytes), str(int(timeout) + 2)],
                       data, timeout, what="文字识别", env={"OMP_NUM_THREADS": "2"},
                       timed_out=f"{name}：文字识别超时（超过 {timeout:.0f} 秒），已停止。请换一张更清楚的照片，或手工填写。")
    try:
        reply = json.loads(out.decode("ascii"))
        kind = reply["result"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise TooLarge(name, f"{name}：文字识别进程异常退出（可能超出内存上限），已停止。请换一张较小、较清楚的图片，或手工填写。") from None
    if kind == "no_ocr":
        raise NoOcr(name, no_ocr_message(name))
    if kind == "too_many_pages":
        raise TooLarge(name, f"{name}：共 {reply.get('detail')} 页，超过文字识别 {limits.max_pages} 页的上限；请只选传票、通知书和起诉状的页。")
    if kind == "too_large":
        raise TooLarge(name, f"{name}：图片过大或超出处理上限，已停止。请换一张较小的图片。")
    if kind != "ok":
        raise NotAPdf(name, f"{name}：无法识别这个文件（{reply.get('detail')}）。请换一份清楚的扫描件或照片，或手工填写。")
    pages, lines = [], []
    for page in reply["pages"]:
        kept = tuple((str(t), float(s)) for t, s, *_ in page)
        lines.append(kept)
        pages.append("\n".join(t for t, _ in kept) + ("\n" if kept else ""))
    return OcrText(name, tuple(pages), time.perf_counter() - started, tuple(lines))


def confidence_of(lines: tuple[tuple[str, float], ...], matched: str) -> float | None:
    """The confidence of a value matched in OCR text: the lowest of the lines it was read from."""
    want = "".join(matched.split())
    if not want:
        return None

    def used(line: str) -> bool:  # the line holds the value, the value holds the line, or they share 4 characters
        if not line:
            return False
        if line in want or want in line:
            return True
        return any(line[i:i + 4] in want for i in range(len(line) - 3))

    scores = [score for text, score in lines if used("".join(text.split()))]
    return min(scores) if scores else None
