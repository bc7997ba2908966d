"""Time and memory bounds for work on a firm's own template (``--templates DIR``).

A firm's template is user input that runs: Jinja code can loop ``range(100000)`` inside
``range(100000)``, recurse through a macro, or build a string of a gigabyte with a filter. The
sandbox (:mod:`respond.templates.render`) refuses access to Python internals and the largest
operations outright; :func:`bounded` is the backstop for everything else. For the duration of a
``with bounded(...)`` block:

* the process's soft address-space limit (``RLIMIT_AS``) is lowered to what it uses now plus
  ``memory_bytes``, so an allocation past it raises :class:`MemoryError` instead of taking the
  machine's memory; the previous limit is restored afterwards (raising a soft limit back up to the
  hard limit needs no privilege), so LibreOffice, started later, is not affected;
* an interval timer (``SIGALRM``) raises :class:`OutOfTime` after ``seconds``; only in the main
  thread, where Python delivers signals (the commands that take ``--templates`` render there, and
  so do the batch's worker processes).

Where a platform lacks either (Windows has neither ``resource`` nor ``SIGALRM``), that bound is
skipped and the sandbox's own refusals remain.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

#: Time a firm's template may take to compile, or to render one case's document.
TEMPLATE_SECONDS = 20.0
#: Memory a firm's template may take on top of what the process already uses.
TEMPLATE_MEMORY = 768 * 1024 * 1024


class OutOfTime(Exception):
    """The timer of :func:`bounded` ran out."""


def _address_space_in_use() -> int | None:
    """Bytes of virtual memory this process maps now (Linux: /proc/self/statm), or None."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextlib.contextmanager
def _memory_bound(memory_bytes: int) -> Iterator[None]:
    in_use = _address_space_in_use() if resource is not None else None
    if in_use is None:
        yield
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = in_use + memory_bytes
        if soft != resource.RLIM_INFINITY and soft <= wanted:
            yield  # already tighter than this bound
            return
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextlib.contextmanager
def _time_bound(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise OutOfTime()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def bounded(seconds: float | None = None, memory_bytes: int | None = None) -> Iterator[None]:
    """Run the block with at most ``seconds`` (:class:`OutOfTime`) and ``memory_bytes`` more memory
    (:class:`MemoryError`); by default :data:`TEMPLATE_SECONDS` and :data:`TEMPLATE_MEMORY`."""
    seconds = TEMPLATE_SECONDS if seconds is None else seconds
    memory_bytes = TEMPLATE_MEMORY if memory_bytes is None else memory_bytes
    with _memory_bound(memory_bytes), _time_bound(seconds):
        yield
