"""Hostile and broken input: one test per class, each a clear Chinese message naming only the file.

Classes: not a PDF; encrypted with a password; encrypted with the empty user password (works);
image-only (a scan, no text layer); garbled text (a font without ToUnicode); oversized file, too
many pages and a decompression bomb; a file that takes too long (at the default limits: stopped by
the page content limit; with that limit off: by the time limit, child killed).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from respond.extract.pdftext import (
    Encrypted,
    ExtractError,
    Garbled,
    Limits,
    NoTextLayer,
    NotAPdf,
    PdfText,
    TimedOut,
    TooComplex,
    TooLarge,
    Unreadable,
    read_pdf_text,
    text_problem,
)


def rejected(path: Path, error: type, limits: Limits = Limits()) -> str:
    with pytest.raises(error) as info:
        read_pdf_text(path, limits)
    message = str(info.value)
    assert message.startswith(f"{path.name}：")  # names the file
    assert "Traceback" not in message and "pypdf" not in message
    return message


# --- not a PDF ----------------------------------------------------------------------------------

def test_saved_web_page_is_not_a_pdf(fixtures):
    message = rejected(fixtures / "hostile-saved-link.pdf", NotAPdf)
    assert "网页" in message and "下载" in message


@pytest.mark.parametrize("content, says", [
    (b"", "空文件"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100, "JPEG 图片"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "Word"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"OFD.xml", "OFD"),
    (b"just some text\n" * 10, "无法识别的格式"),
])
def test_other_files_are_not_pdfs(tmp_path, content, says):
    path = tmp_path / "传票.pdf"
    path.write_bytes(content)
    assert says in rejected(path, NotAPdf)


def test_truncated_pdf_is_damaged(tmp_path, fixtures):
    path = tmp_path / "truncated.pdf"
    path.write_bytes((fixtures / "xihu-chuanpiao.pdf").read_bytes()[:600])
    assert "损坏" in rejected(path, NotAPdf)


def test_missing_file_and_folder(tmp_path):
    assert "找不到" in rejected(tmp_path / "none.pdf", Unreadable)
    assert "文件夹" in rejected(tmp_path, Unreadable)


# --- encryption ---------------------------------------------------------------------------------

def test_encrypted_with_a_password_is_refused(fixtures):
    message = rejected(fixtures / "hostile-encrypted-password.pdf", Encrypted)
    assert "密码" in message and "另存为" in message


def test_encrypted_with_the_empty_password_is_read(fixtures, pdf_text):
    """Many 'protected' PDFs only restrict copying; the empty user password opens them."""
    from respond.extract.documents import read_document

    text = read_pdf_text(fixtures / "hostile-encrypted-empty-password.pdf")
    plain = pdf_text("xihu-yingsu.pdf")
    assert text.pages == plain.pages
    doc = read_document(text.name, text.pages)
    assert doc.fields["court.case_number"].value == "（2026）浙0106民初12345号"
    assert doc.fields["service.answer_days"].value == 15


# --- no text layer, garbled text ----------------------------------------------------------------

def test_scan_without_text_layer(fixtures):
    message = rejected(fixtures / "hostile-scan.pdf", NoTextLayer)
    assert "扫描件" in message and "手工填写" in message


def test_font_without_tounicode_is_garbled(fixtures):
    """The text comes out as control characters: detected, never passed on."""
    message = rejected(fixtures / "hostile-no-tounicode.pdf", Garbled)
    assert "乱码" in message


@pytest.mark.parametrize("text", [
    "\x01\x02\x03\x04\x05\x06\x07\x08 \x0e\x0f \x102026\x11\x010106\x0b\x1212345\x13",  # no ToUnicode
    "\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b\ue00c人民法院",  # private-use area
    "浙江省\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd人民法院\ufffd\ufffd",      # replacement chars
    "Ã¤Â¸Â­Ã¥Â\u009bÂ½Ã¤ÂºÂºÃ¦Â°Â\u0091Ã¦Â³Â\u0095Ã©Â\u0099Â¢",                             # UTF-8 read as Latin-1
    "璇夊埆鍚屾剰鑰呮柟鍙戣捣缂庤揪鏁版嵁妗堜欢閲戣瀺鍊熸鍚堝悓绾犵悍杩涜鍙楃悊鑺傜偣鏁版嵁",                       # GBK read as UTF-8
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",     # not Chinese at all
])
def test_garbled_text_is_detected(text):
    assert text_problem([text]) == "garbled"


@pytest.mark.parametrize("text", [
    "浙江省杭州市西湖区人民法院 传票 （2026）浙0106民初12345号 案由 金融借款合同纠纷 被传唤人 张三",
    "民事起诉状 原告：某某小额贷款有限公司 被告：阿卜杜·热合曼，男，1990年1月1日出生，维吾尔族 诉讼请求：借款本金9,000.00元",
])
def test_readable_text_is_not_garbled(text):
    assert text_problem([text]) is None


def test_empty_pages_mean_no_text_layer():
    assert text_problem(["", "  \n", ""]) == "empty"


# --- too large, malicious, too slow -------------------------------------------------------------

def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(21 * 1024 * 1024)  # sparse: 21 MB on paper, nothing on disk
    message = rejected(path, TooLarge)  # by its size: a parse would have failed as not-a-PDF
    assert "20 MB" in message


def test_too_many_pages(fixtures):
    assert "60 页" in rejected(fixtures / "hostile-60-pages.pdf", TooLarge)


def test_decompression_bomb_hits_the_stream_limit(fixtures):
    """60 KB inflating to 60 MB: pypdf's own default (75 MB) would let it through; ours (20 MB) does not."""
    assert "安全处理上限" in rejected(fixtures / "hostile-bomb.pdf", TooLarge)


def _children() -> list[int]:
    me = str(os.getpid())
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "stat").read_text().rsplit(")", 1)[1].split()[1] == me:
                    out.append(int(entry.name))
            except (OSError, IndexError):
                pass
    return out


def test_slow_file_at_the_default_limits_is_reported_as_too_slow(fixtures):
    """A 9 KB file that takes pypdf seconds (300 000 text operations on one page): at the default
    limits the page's content limit stops it while parsing, in about a second, and says which limit
    (not 乱码, which is what the text would have looked like had it been read to the end)."""
    from respond.extract.pdftext import DEFAULT_LIMITS

    with pytest.raises(TimedOut) as info:  # too slow to read: the same family as the clock
        read_pdf_text(fixtures / "hostile-slow.pdf", DEFAULT_LIMITS)
    assert isinstance(info.value, TooComplex) and info.value.kind == "too_complex"
    message = str(info.value)
    assert message.startswith("hostile-slow.pdf：第 1 页")
    assert "50 万个" in message and "单页上限" in message and "慢" in message
    assert "乱码" not in message and "pypdf" not in message


def test_slow_file_at_the_default_limits_via_the_cli(fixtures, tmp_path):
    from click.testing import CliRunner

    from respond.cli.main import main

    target = tmp_path / "case.json"
    r = CliRunner().invoke(main, ["extract", str(fixtures / "hostile-slow.pdf"), "-o", str(target)])
    assert r.exit_code == 2
    assert "页面内容过于复杂" in r.stderr and "单页上限" in r.stderr and "乱码" not in r.stderr
    assert not target.exists()


def test_time_limit_kills_the_child(fixtures):
    """With the page content limit off (pypdf's own 2 000 000), the same file runs into the clock:
    stopped at the limit, and its process is gone."""
    before = _children() if Path("/proc/self/stat").exists() else []
    message = rejected(fixtures / "hostile-slow.pdf", TimedOut, Limits(timeout=1.0, page_tokens=2_000_000))
    assert "超时" in message and "1 秒的时间上限" in message
    if Path("/proc/self/stat").exists():
        assert _children() == before


def test_parsing_runs_in_another_process(fixtures, child_processes):
    """The parent never imports pypdf to read a PDF: a crash or exhaustion stays in the child."""
    read_pdf_text(fixtures / "xihu-chuanpiao.pdf")
    assert child_processes and child_processes[0][1:3] == ["-m", "respond.extract._worker"]


def test_cpu_limit_is_reported_as_too_slow():
    """A child killed by its CPU limit (SIGXCPU) is too slow, not too large."""
    from respond.extract.pdftext import _raise_for

    with pytest.raises(TimedOut) as info:
        _raise_for("a.pdf", ("cpu_time", 22), Limits())
    assert "CPU 时间超过 22 秒的上限" in str(info.value)


# --- many files through one worker ----------------------------------------------------------------

def _outcome(result):
    return (type(result).__name__, result.pages if isinstance(result, PdfText) else str(result))


def test_many_files_through_one_worker_read_as_each_alone(fixtures, child_processes):
    """read_pdf_texts gives, file by file, what read_pdf_text gives (text or the same error and
    message), hostile files included; the good files are all read by one process."""
    from respond.extract.pdftext import read_pdf_texts

    names = ["xihu-chuanpiao.pdf", "hostile-encrypted-password.pdf", "xihu-qisu.pdf", "hostile-scan.pdf",
             "hostile-no-tounicode.pdf", "hostile-saved-link.pdf", "xihu-yingsu.pdf", "xihu-juzheng.pdf"]
    together = read_pdf_texts([fixtures / n for n in names])
    workers = [c for c in child_processes if "respond.extract._worker" in c]
    assert len(workers) == 1 and workers[0][-1] == "--serve"
    alone = []
    for n in names:
        try:
            alone.append(read_pdf_text(fixtures / n))
        except ExtractError as exc:
            alone.append(exc)
    assert [_outcome(r) for r in together] == [_outcome(r) for r in alone]
    assert [type(r).__name__ for r in together] == ["PdfText", "Encrypted", "PdfText", "NoTextLayer", "Garbled",
                                                    "NotAPdf", "PdfText", "PdfText"]


def test_a_file_killed_by_the_clock_costs_only_itself(fixtures, child_processes):
    """The slow file runs into the per-file clock and its worker is killed; the next file is read by a
    new worker, and no worker is left behind."""
    from respond.extract.pdftext import read_pdf_texts

    before = _children() if Path("/proc/self/stat").exists() else []
    results = read_pdf_texts([fixtures / "xihu-chuanpiao.pdf", fixtures / "hostile-slow.pdf",
                              fixtures / "xihu-qisu.pdf"], Limits(timeout=1.0, page_tokens=2_000_000))
    assert isinstance(results[0], PdfText) and isinstance(results[2], PdfText)
    assert isinstance(results[1], TimedOut) and "1 秒的时间上限" in str(results[1])
    assert len([c for c in child_processes if "respond.extract._worker" in c]) == 2
    if Path("/proc/self/stat").exists():
        assert _children() == before
