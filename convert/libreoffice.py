"""The package's .docx as PDF, by LibreOffice headless (``soffice --convert-to pdf``).

Courts' online filing platforms take PDF, and many borrowers have no Word. LibreOffice lays the
documents out as it lays out the .docx (A4, the Chinese faces the templates name or their fallback)
and embeds the fonts it used, so the PDF prints the same on any machine.

- One call converts all the documents it is given (LibreOffice starts once: ~1.7 s cold, ~0.2 s a
  document more), in a temporary folder, with a **user profile of its own** (``-env:UserInstallation``):
  two conversions at once (``respond batch``, two borrowers' interviews) never share a profile,
  which LibreOffice would otherwise lock or corrupt.
- A time limit for the whole call; on expiry the process group is killed (soffice starts
  ``soffice.bin`` under it).
- No LibreOffice: :class:`PdfUnavailable` with a message saying what to install; the caller still
  writes the .docx.

``RESPOND_SOFFICE`` names the program when it is not on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Mapping

#: Seconds for one conversion call: a cold start plus a few seconds a document.
TIMEOUT = 120.0

_PLACES = (  # where installers put it when it is not on PATH
    "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)

INSTALL_HINT = ("请安装 LibreOffice 后重试（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui "
                "fonts-noto-cjk；Windows/macOS：从 libreoffice.org 下载安装）；也可以用 Word 或 WPS 打开 .docx，"
                "“另存为 PDF”。")


class PdfUnavailable(Exception):
    """No PDF this time; ``str(exc)`` is the Chinese message for the user (the .docx are still written)."""


def soffice() -> str | None:
    """The LibreOffice program, or None."""
    named = os.environ.get("RESPOND_SOFFICE")
    if named:
        return named if Path(named).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _PLACES if Path(p).is_file()), None)


def pdf_name(docx_name: str) -> str:
    return str(Path(docx_name).with_suffix(".pdf"))


def to_pdf(documents: Mapping[str, bytes], *, timeout: float = TIMEOUT) -> dict[str, bytes]:
    """``{"答辩状.docx": bytes, …}`` → ``{"答辩状.pdf": bytes, …}``, all in one LibreOffice call."""
    program = soffice()
    if program is None:
        raise PdfUnavailable("未生成 PDF：本机没有找到 LibreOffice。" + INSTALL_HINT)
    if not documents:
        return {}
    with tempfile.TemporaryDirectory(prefix="respond-pdf-") as tmp:
        root = Path(tmp)
        source, target = root / "docx", root / "pdf"
        source.mkdir()
        names = []
        for i, (name, data) in enumerate(documents.items()):
            # ASCII names inside the folder: LibreOffice on some systems mangles non-ASCII paths
            path = source / f"d{i}.docx"
            path.write_bytes(data)
            names.append((name, target / f"d{i}.pdf"))
        command = [program, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", "pdf", "--outdir", str(target),
                   *sorted(str(p) for p in source.iterdir())]
        _run(command, timeout, cwd=root)
        out = {}
        for name, pdf in names:
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise PdfUnavailable(f"未生成 PDF：LibreOffice 没有转换 {name}（转换失败）。.docx 已照常生成，"
                                     "可以用 Word 或 WPS 打开后“另存为 PDF”。")
            out[pdf_name(name)] = pdf.read_bytes()
        return out


def _run(command: list[str], timeout: float, cwd: Path) -> None:
    env = dict(os.environ, HOME=str(cwd))  # nothing written in the user's home: the profile is ours
    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=cwd, env=env, start_new_session=True)
    except OSError:
        raise PdfUnavailable("未生成 PDF：无法启动 LibreOffice。" + INSTALL_HINT) from None
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise PdfUnavailable(f"未生成 PDF：LibreOffice 在 {timeout:g} 秒内没有完成转换，已停止。.docx 已照常生成，"
                             "可以用 Word 或 WPS 打开后“另存为 PDF”。") from None
    finally:
        if proc.poll() is None:
            _kill_group(proc)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except OSError:
        pass
    proc.wait()
