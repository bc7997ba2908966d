"""Keeping the borrower's ID number, phone and address out of messages and error reports.

A message about a case file may quote what it found (``收到 "…"``); when the user typed a personal
value into the wrong field, that quote would carry it to a terminal, a log or a summary.csv.
:func:`scrub` replaces the values of the personal fields of the case file, and anything shaped
like an ID or mobile number, with ``***``.
"""

from __future__ import annotations

import re
from typing import Any

SENSITIVE_KEYS = frozenset({"id_number", "phone", "address", "residence", "mobile", "email"})
_ID_OR_PHONE = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|1[3-9][0-9]{9})(?![0-9Xx])")


def sensitive_values(data: Any) -> set[str]:
    """The values (4 characters or more) of the personal fields anywhere in decoded case JSON."""
    out: set[str] = set()
    stack = [data]
    while stack:  # iterative: hostile JSON may nest deeply
        item = stack.pop()
        if isinstance(item, dict):
            for k, v in item.items():
                if k in SENSITIVE_KEYS and isinstance(v, str) and len(v.strip()) >= 4:
                    out.add(v.strip())
                else:
                    stack.append(v)
        elif isinstance(item, list):
            stack.extend(item)
    return out


def scrub(text: str, secrets: set[str] | frozenset[str] = frozenset()) -> str:
    """``text`` with every value of ``secrets`` and every ID- or mobile-shaped number as ``***``."""
    for s in sorted(secrets, key=len, reverse=True):
        text = text.replace(s, "***")
    return _ID_OR_PHONE.sub("***", text)
