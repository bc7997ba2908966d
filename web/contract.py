"""The loan contract uploaded on the interview's contract page: checked, then read to text.

The file's kind is decided by its first bytes, not its name (a PDF, a .docx — a zip —, or else
plain text); it is written to a private temporary folder under a fixed name and read by the same
code as ``loan.contract_text`` (:func:`respond.extract.contract_file.read_contract_file`: a PDF in
the limited child process that reads the court's papers). Only the text is kept, in the saved
interview (readable by its user only); the engine is given that text, as it would read the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from respond.web.prefill import MAX_FILE_BYTES, UploadRefused, _display, _kind


def _suffix(data: bytes) -> str:
    kind = _kind(data)  # the court papers' check: a PDF, or a JPEG or PNG photo
    if kind == ".pdf":
        return ".pdf"
    if kind or data.startswith((b"\x89PNG", b"GIF8", b"\xd0\xcf\x11\xe0")):
        return ""  # a photo, or an old .doc: not a contract we can read
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    return ".txt"


def read_uploaded_contract(raw_name: str, data: bytes) -> tuple[str, str]:
    """``(display name, text)`` of the uploaded contract, or :class:`UploadRefused` saying why."""
    from respond.checks.contract_text import ContractTextError
    from respond.extract.contract_file import read_contract_file

    name = _display(raw_name)
    if not data:
        raise UploadRefused(f"{name}：空文件")
    if len(data) > MAX_FILE_BYTES:
        raise UploadRefused(f"{name}：文件太大（上限 {MAX_FILE_BYTES // 1048576} MB）；请只上传借款合同本身")
    suffix = _suffix(data)
    if not suffix:
        raise UploadRefused(f"{name}：不是 PDF、Word（.docx）或文本文件。照片或旧版 Word（.doc）读不出条款，"
                            "请把相关条款打字粘贴到下面的框里")
    with tempfile.TemporaryDirectory(prefix="respond-contract-") as tmp:
        os.chmod(tmp, 0o700)
        path = Path(tmp) / f"contract{suffix}"  # the user's name is shown, never used as a path
        path.write_bytes(data)
        os.chmod(path, 0o600)
        try:
            text = read_contract_file(path)
        except ContractTextError as exc:
            raise UploadRefused(str(exc).replace(path.name, name).replace("loan.clauses", "下面的框里")) from None
    if not text.strip():
        raise UploadRefused(f"{name}：没有读出文字；请把相关条款打字粘贴到下面的框里")
    return name, text
