"""The child process that reads one contract .docx or .txt: ``python -m respond.extract._contract_worker``.

The same arrangement as the PDF worker (:mod:`respond.extract._worker`): its own memory and CPU limits
set before anything is parsed, the bytes on stdin, one JSON object on stdout —
``{"result": "ok", "text": ...}`` or ``{"result": "refused", "message": ...}`` (the Chinese message of
:class:`~respond.checks.contract_text.ContractTextError`, which names no content of the file).
"""

from __future__ import annotations

import json
import sys

from respond.extract._worker import _limit_resources


def run(kind: str, data: bytes) -> dict:
    from respond.checks.contract_text import ContractTextError, text_from_docx, text_from_txt

    read = text_from_docx if kind == "docx" else text_from_txt
    try:
        return {"result": "ok", "text": read(data)}
    except ContractTextError as exc:
        return {"result": "refused", "message": str(exc)}
    except MemoryError:
        return {"result": "too_large"}
    except Exception as exc:  # a parser bug on a strange file: the kind only, never the content
        return {"result": "failed", "detail": type(exc).__name__}


def main(argv: list[str]) -> int:
    kind, max_bytes = argv[0], int(argv[1])
    data = sys.stdin.buffer.read(max_bytes + 1)
    reply = {"result": "too_large"} if len(data) > max_bytes else run(kind, data)
    sys.stdout.write(json.dumps(reply, ensure_ascii=True))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    _limit_resources(int(sys.argv[3]), int(sys.argv[4]))  # before python-docx and lxml are imported
    sys.exit(main(sys.argv[1:]))
