"""The child process that parses one untrusted PDF: ``python -m respond.extract._worker``.

It runs as a separate interpreter with its own memory and CPU limits, so that a malicious file can
at worst make this process fail, never the ``respond`` command that started it. It reads the PDF's
bytes from stdin and the limits from its arguments, and writes one JSON object to stdout:
``{"result": "ok", "pages": [...]}`` or ``{"result": <error kind>, "detail": ...}``. JSON, not
pickle: the parent never unpickles anything a hostile file could have influenced. With ``--serve``
it reads many files in turn (:func:`serve`), so the interpreter and pypdf start once per command.
"""

from __future__ import annotations

import io
import json
import logging
import sys
import warnings

MAX_PAGE_CHARS = 200_000     # a court page has a few thousand characters
MAX_TOTAL_CHARS = 2_000_000


def _limit_resources(memory_bytes: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's time limit still applies
        return
    for which, value in ((resource.RLIMIT_AS, memory_bytes), (resource.RLIMIT_CPU, cpu_seconds)):
        try:
            soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):  # not supported here (e.g. RLIMIT_AS on macOS)
            pass


def _configure_pypdf(stream_bytes: int, page_tokens: int) -> None:
    """pypdf's own limits on decompression and parsing, lowered to what a court paper needs."""
    import pypdf

    wanted = {
        # tokens (operators, operands, array elements) of one content stream: a court page has tens
        # of thousands; a page of millions takes pypdf many seconds to lay out, so stop at parsing
        "stream_parsing_work_maximum_count": page_tokens,
        "maximum_declared_stream_length": stream_bytes,
        "array_based_stream_maximum_output_length": stream_bytes,
        "zlib_maximum_output_length": stream_bytes,
        "lzw_maximum_output_length": stream_bytes,
        "run_length_maximum_output_length": stream_bytes,
        "jbig2_maximum_output_length": stream_bytes,
        "brotli_maximum_output_length": stream_bytes,
        "image_maximum_buffer_size": stream_bytes,
        "flate_maximum_buffer_size": stream_bytes,
        "page_tree_maximum_entries": 10_000,
        "outline_maximum_entries": 10_000,
        "xform_maximum_invocations_per_extraction": 1_000,
        "jbig2dec_binary": None,  # never run an external program on untrusted input
    }
    configure = getattr(pypdf, "overwrite_configuration", None)
    if configure is not None:  # pypdf ≥ 6.x: one configuration object
        import dataclasses

        known = {f.name for f in dataclasses.fields(pypdf.Configuration)}
        configure(**{k: v for k, v in wanted.items() if k in known})
        return
    import pypdf.filters as filters  # older pypdf: module constants

    for name in ("ZLIB_MAX_OUTPUT_LENGTH", "LZW_MAX_OUTPUT_LENGTH", "RUN_LENGTH_MAX_OUTPUT_LENGTH",
                 "JBIG2_MAX_OUTPUT_LENGTH", "MAX_DECLARED_STREAM_LENGTH", "MAX_ARRAY_BASED_STREAM_OUTPUT_LENGTH"):
        if hasattr(filters, name):
            setattr(filters, name, stream_bytes)


def _page_limit(exc: Exception, page: int) -> tuple:
    """Which limit a page hit: its parsing budget (too complex to read in time) or a size limit."""
    if "tokens" in str(exc):
        return ("too_complex", page)
    return ("too_large", "limit")


def _extract(data: bytes, max_pages: int) -> tuple:
    import pypdf
    from pypdf.errors import DependencyError, LimitReachedError, PdfReadError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    except LimitReachedError:
        return ("too_large", "limit")
    except (PdfReadError, PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return ("not_pdf", "unreadable")
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                return ("encrypted", "password")
        except (DependencyError, NotImplementedError):
            return ("encrypted", "unsupported")
        except (PdfReadError, PyPdfError, ValueError, KeyError):
            return ("encrypted", "password")
    try:
        count = len(reader.pages)
    except LimitReachedError:
        return ("too_large", "limit")
    except (PdfReadError, PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return ("not_pdf", "unreadable")
    if count == 0:
        return ("not_pdf", "no_pages")
    if count > max_pages:
        return ("too_many_pages", count)
    pages, total = [], 0
    for i in range(count):
        try:
            text = reader.pages[i].extract_text() or ""
        except LimitReachedError as exc:
            return _page_limit(exc, i + 1)
        except Exception:  # one broken page: keep the others, the parent sees an empty page
            text = ""
        text = text[:MAX_PAGE_CHARS]
        total += len(text)
        if total > MAX_TOTAL_CHARS:
            return ("too_large", "text")
        pages.append(text)
    return ("ok", pages)


def run(data: bytes, max_pages: int, stream_bytes: int, page_tokens: int) -> tuple:
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    try:
        _configure_pypdf(stream_bytes, page_tokens)
        return _extract(data, max_pages)
    except MemoryError:
        return ("too_large", "memory")
    except RecursionError:
        return ("not_pdf", "recursion")
    except Exception as exc:  # a pypdf bug on a strange file: report the kind, never the content
        return ("failed", type(exc).__name__)


def _reply(result: tuple) -> str:
    if result[0] == "ok":
        return json.dumps({"result": "ok", "pages": result[1]}, ensure_ascii=True)
    return json.dumps({"result": result[0], "detail": result[1]}, ensure_ascii=True)


def _cpu_budget(cpu_seconds: int) -> None:
    """Serving many files: each gets ``cpu_seconds`` more than the process has used so far."""
    try:
        import resource
    except ImportError:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = int(usage.ru_utime + usage.ru_stime) + cpu_seconds
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    except (ValueError, OSError):
        pass


def serve(max_bytes: int, max_pages: int, cpu_seconds: int, stream_bytes: int, page_tokens: int) -> int:
    """Many files, one after another: each is an 8-byte big-endian length and the bytes on stdin; each
    reply one JSON line on stdout. The parent keeps its time limit per file and starts a new child when
    one is killed, so a hostile file still costs only its own reading."""
    stdin, stdout = sys.stdin.buffer, sys.stdout
    while True:
        head = stdin.read(8)
        if len(head) < 8:
            return 0
        size = int.from_bytes(head, "big")
        if size > max_bytes:
            stdout.write(_reply(("too_large", "bytes")) + "\n")
            stdout.flush()
            return 0  # the stream cannot be followed past a frame it did not read
        data = stdin.read(size)
        _cpu_budget(cpu_seconds)
        stdout.write(_reply(run(data, max_pages, stream_bytes, page_tokens)) + "\n")
        stdout.flush()


def main(argv: list[str]) -> int:
    max_bytes, max_pages, memory_bytes, cpu_seconds, stream_bytes, page_tokens = (int(a) for a in argv[:6])
    if argv[6:] == ["--serve"]:
        return serve(max_bytes, max_pages, cpu_seconds, stream_bytes, page_tokens)
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        result: tuple = ("too_large", "bytes")
    else:
        result = run(data, max_pages, stream_bytes, page_tokens)
    sys.stdout.write(_reply(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    # Limits first, before pypdf is even imported.
    _limit_resources(int(sys.argv[3]), int(sys.argv[4]))
    sys.exit(main(sys.argv[1:]))
