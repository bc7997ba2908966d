"""The contract file named by ``loan.contract_text``: its text, read as safely as the court's papers.

A PDF is parsed by the same sandboxed child process as the summons and the complaint
(:func:`respond.extract.pdftext.read_pdf_text`: a time limit, a CPU and memory limit, pypdf's
decompression limits, a page cap), with a contract's own limits (:data:`CONTRACT_LIMITS`: a long
bank contract may run to many pages). A .docx is unzipped with a size cap against zip bombs and a
.txt is decoded (``respond.checks.contract_text``), in process: neither runs a parser that a
crafted file can hang. Every failure is a :class:`~respond.checks.contract_text.ContractTextError`
with a Chinese message that names the file, never its content.
"""

from __future__ import annotations

from pathlib import Path

from respond.checks.contract_text import (MAX_PDF_BYTES, MAX_PDF_PAGES, ContractTextError, clean_text,
                                          strip_page_furniture, text_from_bytes)
from respond.extract.pdftext import (Encrypted, ExtractError, Garbled, Limits, NoTextLayer, NotAPdf, TimedOut,
                                     TooLarge, read_pdf_text)

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
        try:
            if path.stat().st_size > limits.max_bytes:
                raise ContractTextError(f"合同文件 {path.name} 太大（上限 {limits.max_bytes / 1048576:.0f} MB）")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ContractTextError(f"找不到合同文件 {path.name}") from None
        except IsADirectoryError:
            raise ContractTextError(f"{path.name} 是文件夹，不是合同文件") from None
        except OSError:
            raise ContractTextError(f"无法读取合同文件 {path.name}") from None
        return text_from_bytes(data, path.name)
    if path.is_dir():
        raise ContractTextError(f"{path.name} 是文件夹，不是合同文件")
    if not path.exists():
        raise ContractTextError(f"找不到合同文件 {path.name}")
    try:
        pages = read_pdf_text(path, limits).pages
    except ExtractError as exc:
        raise ContractTextError(_message(path.name, exc, limits)) from None
    return clean_text("\n".join(strip_page_furniture(p) for p in pages))
