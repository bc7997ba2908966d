"""The contract file named by ``loan.contract_text``: its text, read as safely as the court's papers.

Every kind is parsed in a child process with its own time, CPU and memory limits, so a crafted file
can at worst make that process fail: a PDF by the same sandboxed reader as the summons and the
complaint (:func:`respond.extract.pdftext.read_pdf_text`: pypdf's decompression limits, a page cap),
with a contract's own limits (:data:`CONTRACT_LIMITS`: a long bank contract may run to many pages); a
.docx (unzipped with a size cap against zip bombs, then python-docx) or a .txt (decoded) by
:mod:`respond.extract._contract_worker`. Every failure is a
:class:`~respond.checks.contract_text.ContractTextError` with a Chinese message that names the file,
never its content.
"""

from __future__ import annotations

from pathlib import Path

import json

from respond.checks.contract_text import (MAX_DOCX_BYTES, MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_TXT_BYTES,
                                          ContractTextError, clean_text, strip_page_furniture)
from respond.extract.pdftext import (Encrypted, ExtractError, Garbled, Limits, NoTextLayer, NotAPdf, TimedOut,
                                     TooLarge, read_pdf_text, run_child)

CONTRACT_LIMITS = Limits(max_bytes=MAX_PDF_BYTES, max_pages=MAX_PDF_PAGES, timeout=30.0)


def _message(name: str, exc: ExtractError, limits: Limits) -> str:
    if isinstance(exc, TooLarge):
        return f"合同 PDF 文件 {name} 太大（上限 {limits.max_bytes / 1048576:.0f} MB，或超过 {limits.max_pages} 页）；请只提供借款合同本身"
    if isinstance(exc, NotAPdf):
        return f"{name} 不是有效的 PDF 文件；请重新下载合同，或另存为 PDF、.docx、纯文本后再试"
    if isinstance(exc, Encrypted):
        return f"合同 PDF {name} 有密码保护，无法读取；请先去除密码，或把相关条款粘贴到 loan.clauses"
    if isinstance(exc, NoTextLayer):
        return f"合同 PDF {name} 中没有可以提取的文字，可能是扫描件或照片；请把相关条款打字粘贴到 loan.clauses"
    if isinstance(exc, Garbled):
        return f"合同 PDF {name} 中的文字无法正确解码（读出的是乱码）；请重新下载，或把相关条款粘贴到 loan.clauses"
    if isinstance(exc, TimedOut):
        return f"读取合同 PDF {name} 超时（文件过于复杂）；请另存为 PDF 或纯文本后再试，或把相关条款粘贴到 loan.clauses"
    return f"无法读取合同 PDF {name}；请重新下载合同，或把相关条款粘贴到 loan.clauses"


def read_contract_file(path: str | Path, limits: Limits = CONTRACT_LIMITS) -> str:
    """The text of a .pdf, .docx or .txt contract; a PDF through the sandboxed reader."""
    from respond.case.load import not_a_regular_file

    path = Path(path)
    why = not_a_regular_file(path)
    if why:  # before opening: a FIFO or /dev/zero as the contract would block or never end
        if why.startswith("找不到"):
            raise ContractTextError(f"找不到合同文件 {path.name}")
        raise ContractTextError(f"合同文件 {path.name} {why}")
    if path.suffix.lower() != ".pdf":
        return _read_in_child(path, limits)
    if path.is_dir():
        raise ContractTextError(f"{path.name} 是文件夹，不是合同文件")
    if not path.exists():
        raise ContractTextError(f"找不到合同文件 {path.name}")
    try:
        pages = read_pdf_text(path, limits).pages
    except ExtractError as exc:
        raise ContractTextError(_message(path.name, exc, limits)) from None
    return clean_text("\n".join(strip_page_furniture(p) for p in pages))


_TEXT_SUFFIXES = ("txt", "text", "md")


def _kind(name: str) -> str:
    """``docx`` or ``txt`` from the file name; any other suffix refused with what to do."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "docx":
        return "docx"
    if suffix in _TEXT_SUFFIXES:
        return "txt"
    if suffix == "doc":
        raise ContractTextError("不支持旧版 Word（.doc）文件：请用 Word 另存为 .docx、PDF 或纯文本后再试")
    raise ContractTextError(f"不支持的合同文件类型“.{suffix}”：请提供 .txt、.docx 或 .pdf 文件")


def _read_in_child(path: Path, limits: Limits) -> str:
    """A .docx or .txt contract, parsed by :mod:`respond.extract._contract_worker` within ``limits``."""
    name = path.name
    kind = _kind(name)
    cap = min(limits.max_bytes, MAX_DOCX_BYTES if kind == "docx" else MAX_TXT_BYTES)
    try:
        if path.stat().st_size > cap:
            raise ContractTextError(f"合同文件 {name} 太大（上限 {cap / 1_000_000:.0f} MB）")
        with path.open("rb") as fh:
            data = fh.read(cap + 1)
    except FileNotFoundError:
        raise ContractTextError(f"找不到合同文件 {name}") from None
    except IsADirectoryError:
        raise ContractTextError(f"{name} 是文件夹，不是合同文件") from None
    except OSError:
        raise ContractTextError(f"无法读取合同文件 {name}") from None
    if len(data) > cap:  # grew while we looked
        raise ContractTextError(f"合同文件 {name} 太大（上限 {cap / 1_000_000:.0f} MB）")
    args = [kind, str(cap), str(limits.memory_bytes), str(int(limits.timeout) + 2)]
    try:
        out, returncode = run_child(name, "respond.extract._contract_worker", args, data, limits.timeout,
                                    what="读取合同", timed_out=f"读取合同文件 {name} 超时")
    except TimedOut:
        raise ContractTextError(f"读取合同文件 {name} 超时（文件过于复杂）；请另存为 PDF 或纯文本后再试，"
                                "或把相关条款粘贴到 loan.clauses") from None
    except ExtractError as exc:
        raise ContractTextError(str(exc)) from None
    try:
        reply = json.loads(out.decode("ascii"))
        result = reply["result"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        result, reply = "failed", {}
    if result == "ok" and isinstance(reply.get("text"), str):
        return reply["text"]
    if result == "refused" and isinstance(reply.get("message"), str):
        raise ContractTextError(reply["message"])
    if result == "too_large" or (returncode is not None and returncode < 0):
        raise ContractTextError(f"合同文件 {name} 解析时超出内存或时间上限（文件过大或被恶意构造）；"
                                "请另存为 PDF 或纯文本后再试，或把相关条款粘贴到 loan.clauses")
    raise ContractTextError(f"无法读取合同文件 {name}；请另存为 PDF 或纯文本后再试，或把相关条款粘贴到 loan.clauses")
