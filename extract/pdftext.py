"""Text from an untrusted PDF, safely, or a typed error with a Chinese message.

The papers come from the court, but the file on the user's disk may be anything: a web page saved
with a ``.pdf`` name, a photo, a password-protected download, a scan without text, a PDF whose
fonts carry no character map (the text comes out as mojibake), or a file built to hang or exhaust
a parser. So:

- the parent checks the size (``Limits.max_bytes``) and the ``%PDF-`` header before anything else;
- pypdf runs in a child interpreter (``python -m respond.extract._worker``) with a wall-clock time
  limit (the child is killed when it is up), a CPU limit, a memory limit, pypdf's own
  decompression limits lowered, a page cap and a cap on one page's content (``page_tokens``: a
  page built to take pypdf many seconds is stopped while it is parsed, with a message that says
  so, before the clock runs out); the reply is JSON, never pickle;
- an encrypted file is tried with the empty password (many "protected" PDFs only restrict
  printing); otherwise it is refused;
- the text that comes back is checked: no text at all is a scan (:class:`NoTextLayer`); text made
  of control, private-use or replacement characters, or Chinese characters in random order, is
  :class:`Garbled` and never passed on.

Messages name the file, never its content.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from respond.extract.normalize import fold_width, is_han


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024       # court papers are well under 5 MB
    max_pages: int = 50                     # a summons is 1 page, a complaint a few
    timeout: float = 20.0                   # seconds of wall-clock time per file
    memory_bytes: int = 1024 * 1024 * 1024  # address space of the child process
    stream_bytes: int = 20_000_000          # largest decompressed stream pypdf may produce
    page_tokens: int = 500_000              # operators and operands in one page's content stream


DEFAULT_LIMITS = Limits()


class ExtractError(Exception):
    """A file we cannot or will not read. ``str(exc)`` is the Chinese message for the user."""

    kind = "error"

    def __init__(self, name: str, message: str):
        self.name = name
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


class Unreadable(ExtractError):
    kind = "unreadable"


class NotAPdf(ExtractError):
    kind = "not_pdf"


class Encrypted(ExtractError):
    kind = "encrypted"


class NoTextLayer(ExtractError):
    kind = "no_text"


class Garbled(ExtractError):
    kind = "garbled"


class TooLarge(ExtractError):
    kind = "too_large"


class TimedOut(ExtractError):
    """Too slow to read: the wall-clock or CPU limit was hit."""

    kind = "timed_out"


class TooComplex(TimedOut):
    """Too slow to read, found before the clock ran out: a page's content is over ``page_tokens``."""

    kind = "too_complex"


@dataclass(frozen=True)
class PdfText:
    name: str
    pages: tuple[str, ...]
    seconds: float

    @property
    def empty_pages(self) -> list[int]:
        """Pages (from 1) without any text: scanned pages inside a text PDF."""
        return [i + 1 for i, p in enumerate(self.pages) if not p.strip()]


# --- the file, before any parsing ---------------------------------------------------------------

_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"\x89PNG", "PNG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word/Excel 文档"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
)


def _what_is_it(head: bytes) -> str:
    for magic, label in _SIGNATURES:
        if head.startswith(magic):
            return label
    if head.startswith(b"PK\x03\x04"):
        if b"OFD.xml" in head or b"Doc_0" in head:
            return "OFD 电子文件（请在送达平台下载 PDF 版本，或用 OFD 阅读器另存为 PDF）"
        if b"word/" in head:
            return "Word 文档（.docx）"
        return "ZIP 压缩包（请先解压）"
    lowered = head[:512].lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<head" in lowered:
        return "网页（HTML）：可能保存的是送达链接的网页，请在网页中点击下载 PDF 文书"
    return "无法识别的格式"


def _read_bytes(path: Path, limits: Limits) -> bytes:
    name = path.name
    try:
        if path.is_dir():
            raise Unreadable(name, f"{name}：这是文件夹，不是 PDF 文件。")
        size = path.stat().st_size
    except FileNotFoundError:
        raise Unreadable(name, f"{name}：找不到这个文件。") from None
    except OSError:
        raise Unreadable(name, f"{name}：无法读取这个文件（请检查权限）。") from None
    if size > limits.max_bytes:
        raise TooLarge(name, f"{name}：文件太大（{size / 1048576:.1f} MB，上限 {limits.max_bytes / 1048576:.0f} MB）。"
                             "法院文书一般不超过几 MB；如果这是证据材料合集，请只选传票、应诉通知书、起诉状副本和举证通知书。")
    if size == 0:
        raise NotAPdf(name, f"{name}：空文件（0 字节），不是 PDF。请重新下载。")
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError:
        raise Unreadable(name, f"{name}：无法读取这个文件（请检查权限）。") from None
    if len(data) > limits.max_bytes:  # grew while we looked
        raise TooLarge(name, f"{name}：文件太大（上限 {limits.max_bytes / 1048576:.0f} MB）。")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf(name, f"{name}：不是 PDF 文件，而是{_what_is_it(data[:2048])}。本工具只读取 PDF 格式的法院文书。")
    return data


# --- the child process --------------------------------------------------------------------------

def run_child(name: str, module: str, args: list[str], data: bytes, timeout: float, *, what: str, timed_out: str,
              env: dict[str, str] | None = None) -> tuple[bytes, int]:
    """Run ``python -m module args`` with ``data`` on stdin; its stdout and exit code. The child is killed
    when ``timeout`` seconds have passed (:class:`TimedOut` with the message ``timed_out``)."""
    env = dict(os.environ, PYTHONSAFEPATH="1", **(env or {}))  # Python ≥ 3.11: the current folder is not searched
    try:
        proc = subprocess.Popen([sys.executable, "-m", module, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=env)
    except OSError:
        raise ExtractError(name, f"{name}：无法启动{what}的子进程。") from None
    try:
        out, _ = proc.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise TimedOut(name, timed_out) from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return out, proc.returncode


def _worker_args(limits: Limits) -> list[str]:
    return [str(limits.max_bytes), str(limits.max_pages), str(limits.memory_bytes), str(_cpu_seconds(limits)),
            str(limits.stream_bytes), str(limits.page_tokens)]


def _cpu_seconds(limits: Limits) -> int:
    return int(limits.timeout) + 2


def _timed_out_message(name: str, limits: Limits) -> str:
    return (f"{name}：读取超时（超过每份文件 {limits.timeout:g} 秒的时间上限），已停止。"
            "这份 PDF 的结构异常复杂，可能已损坏或被恶意构造。请在送达平台重新下载，或手工填写。")


def _run_child(name: str, data: bytes, limits: Limits) -> tuple:
    """Parse ``data`` in ``python -m respond.extract._worker``; kill it when the time is up."""
    out, returncode = run_child(name, "respond.extract._worker", _worker_args(limits), data, limits.timeout,
                                what="读取 PDF", timed_out=_timed_out_message(name, limits))
    return _interpret(out, returncode, limits)


def _interpret(out: bytes, returncode: int | None, limits: Limits) -> tuple:
    """The worker's JSON reply as ``(kind, detail)``; no reply: what its exit code says."""
    try:
        reply = json.loads(out.decode("ascii"))
        kind = reply["result"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        if returncode is not None and returncode < 0:  # killed by a signal: its CPU (SIGXCPU) or memory limit
            if -returncode == getattr(signal, "SIGXCPU", None):
                return ("cpu_time", _cpu_seconds(limits))
            return ("too_large", f"signal {-returncode}")
        return ("failed", f"exit {returncode}")
    if kind == "ok":
        pages = reply.get("pages")
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            return ("failed", "reply")
        return ("ok", pages)
    return (str(kind), reply.get("detail"))


#: Replies after which the worker is not reused: a limit was hit, or pypdf failed on the file.
_RESTART_AFTER = frozenset({"too_large", "too_complex", "cpu_time", "failed"})


class _Server:
    """One worker (``--serve``) reading file after file; replaced by a new one after any kill or crash."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.proc: subprocess.Popen | None = None

    def _start(self, name: str) -> subprocess.Popen:
        env = dict(os.environ, PYTHONSAFEPATH="1")
        try:
            return subprocess.Popen([sys.executable, "-m", "respond.extract._worker", *_worker_args(self.limits),
                                     "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, env=env)
        except OSError:
            raise ExtractError(name, f"{name}：无法启动读取 PDF的子进程。") from None

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
            self.proc = None

    def read(self, name: str, data: bytes) -> tuple:
        """``(kind, detail)`` for one file, within the per-file time limit."""
        import select

        if self.proc is None:
            self.proc = self._start(name)
        proc = self.proc
        try:
            proc.stdin.write(len(data).to_bytes(8, "big") + data)
            proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self.stop()
            return ("failed", "pipe")
        deadline = time.monotonic() + self.limits.timeout
        fd, reply = proc.stdout.fileno(), bytearray()
        while not reply.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                raise TimedOut(name, _timed_out_message(name, self.limits))
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:  # the child died: its exit code says why
                proc.wait()
                returncode = proc.returncode
                self.stop()
                return _interpret(b"", returncode, self.limits)
            reply += chunk
        result = _interpret(bytes(reply), None, self.limits)
        if result[0] in _RESTART_AFTER:  # a file that hit a limit may leave the process in any state
            self.stop()
        return result


def _count_cn(n: int) -> str:
    return f"{n // 10000} 万" if n >= 10000 and n % 10000 == 0 else str(n)


def _raise_for(name: str, result: tuple, limits: Limits) -> None:
    kind, detail = result[0], result[1]
    if kind == "not_pdf":
        raise NotAPdf(name, f"{name}：PDF 文件已损坏，无法读取。请在送达平台重新下载。")
    if kind == "encrypted":
        if detail == "unsupported":
            raise Encrypted(name, f"{name}：PDF 使用了本机无法解开的加密方式。请用 PDF 阅读器打开后"
                                  "“另存为”或“打印为 PDF”得到未加密的副本，再运行本命令。")
        raise Encrypted(name, f"{name}：PDF 设有打开密码，无法读取。请用密码在 PDF 阅读器中打开，"
                              "“另存为”或“打印为 PDF”得到未加密的副本，再运行本命令。")
    if kind == "too_many_pages":
        raise TooLarge(name, f"{name}：共 {detail} 页，超过上限 {limits.max_pages} 页。法院文书一般只有几页；"
                             "如果这是证据材料合集，请只选传票、应诉通知书、起诉状副本和举证通知书。")
    if kind == "too_complex":
        raise TooComplex(name, f"{name}：第 {detail} 页的页面内容过于复杂（超过 {_count_cn(limits.page_tokens)}个绘制指令和数据项的"
                               "单页上限），完整读取会非常慢，已停止。法院文书的一页远少于此；这份 PDF 可能已损坏或被恶意构造。"
                               "请在送达平台重新下载，或手工填写。")
    if kind == "cpu_time":
        raise TimedOut(name, f"{name}：读取超时（CPU 时间超过 {detail} 秒的上限），已停止。"
                             "这份 PDF 的结构异常复杂，可能已损坏或被恶意构造。请在送达平台重新下载，或手工填写。")
    if kind == "too_large":
        raise TooLarge(name, f"{name}：PDF 内容超出安全处理上限（解压后过大或结构异常），已停止读取。"
                             "文件可能已损坏或被恶意构造。请在送达平台重新下载，或手工填写。")
    raise NotAPdf(name, f"{name}：无法解析这份 PDF（读取进程异常退出：{detail}）。请在送达平台重新下载，或手工填写。")


# --- the text that came back ---------------------------------------------------------------------

# Frequent characters of Chinese court papers (general text plus the vocabulary of summonses,
# notices and complaints). Real text uses them densely; Chinese characters decoded with the wrong
# encoding are spread over the whole repertoire and almost never hit them.
_COMMON = set(
    "的一是不了人在有我他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后"
    "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长"
    "知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最"
    "间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市"
    "眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计"
    "院审判案诉讼原被告借款合同利息费用元本金人民币日期限证据送达答辩状通知书传票开庭依照规定条款约定履行"
    "支付偿还逾期罚息违约责任请求事实理由此致具状人代表住所地公司有限银行贷款消费融资产管理权转让协议号码身份"
    "男女族省区县街道路室单位联系电话一二三四五六七八九十零〇年月日时分第项及或者应当可以并且其他相关申请提交"
)
_BAD_CATEGORIES = {"Cc", "Co", "Cs", "Cn"}
_LATIN1_OK = set("·×°±§¥")


def text_problem(pages: list[str] | tuple[str, ...]) -> str | None:
    """``"empty"`` (no text layer), ``"garbled"`` (mojibake) or ``None`` (readable)."""
    chars = [c for c in fold_width("".join(pages)) if not c.isspace()]
    if len(chars) < 10:
        return "empty"
    bad = sum(1 for c in chars
              if unicodedata.category(c) in _BAD_CATEGORIES or c == "\ufffd"
              or ("\u0080" <= c <= "\u00ff" and c not in _LATIN1_OK))
    if bad / len(chars) > 0.03:
        return "garbled"
    han = [c for c in chars if is_han(c)]
    if len(han) < 0.15 * len(chars):  # court papers are Chinese text; this is not
        return "garbled"
    if len(han) >= 30 and sum(1 for c in han if c in _COMMON) < 0.25 * len(han):
        return "garbled"  # Chinese characters, but in no language: decoded with the wrong table
    return None


def _checked(name: str, result: tuple, limits: Limits, started: float) -> PdfText:
    if result[0] != "ok":
        _raise_for(name, result, limits)
    pages = tuple(result[1])
    problem = text_problem(pages)
    if problem == "empty":
        raise NoTextLayer(name, f"{name}：这份 PDF 没有文字层（是扫描件或拍照件），本工具不做文字识别，无法自动读取。"
                                "请对照纸质文书手工填写案件文件（可先运行 respond init 生成模板）；"
                                "也可以去掉这份文件，只读取其余文书。")
    if problem == "garbled":
        raise Garbled(name, f"{name}：PDF 中的文字无法正确解码（字体缺少字符映射，读出的是乱码），"
                            "为避免把错误内容写进案件文件，已停止读取。请在送达平台重新下载，或对照原件手工填写。")
    return PdfText(name=name, pages=pages, seconds=time.perf_counter() - started)


def read_pdf_text(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> PdfText:
    """The text of each page of one PDF, or an :class:`ExtractError` with a Chinese message."""
    path = Path(path)
    started = time.perf_counter()
    data = _read_bytes(path, limits)
    return _checked(path.name, _run_child(path.name, data, limits), limits, started)


def read_pdf_texts(paths: list[str | Path], limits: Limits = DEFAULT_LIMITS) -> list[PdfText | ExtractError]:
    """:func:`read_pdf_text` for many files, in order, through one worker process that starts once (a new
    one after any file that hit a limit); each file keeps its own time limit and its own error.
    Where ``select`` cannot wait on a pipe (Windows), each file gets its own process."""
    if os.name != "posix":
        return [_or_error(read_pdf_text, p, limits) for p in paths]
    server, results = _Server(limits), []
    try:
        for path in map(Path, paths):
            started = time.perf_counter()
            try:
                data = _read_bytes(path, limits)
                results.append(_checked(path.name, server.read(path.name, data), limits, started))
            except ExtractError as exc:
                results.append(exc)
    finally:
        server.stop()
    return results


def _or_error(read, path, limits):
    try:
        return read(path, limits)
    except ExtractError as exc:
        return exc
