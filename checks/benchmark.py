"""The central bank's benchmark lending rates by term (中国人民银行金融机构人民币贷款基准利率), in
force until the LPR reform of 2019-08-20 (docs/rules.md §15).

Package data ``data/pboc_benchmark.csv``, with its sources in the file's comment lines (reprints
of the PBOC announcements; second-hand). Used where the law refers to a rate for a period before
the first LPR fixing: 资金占用费 of a void contract made before 2019-08-20, by the loan's term.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

BUCKETS = ("up_to_6m", "6m_to_1y", "1y_to_3y", "3y_to_5y", "over_5y")


@dataclass(frozen=True)
class Benchmark:
    rate: Decimal
    effective: dt.date
    bucket: str


@lru_cache(maxsize=1)
def table() -> tuple[tuple[dt.date, dict[str, Decimal]], ...]:
    text = resources.files("respond.data").joinpath("pboc_benchmark.csv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("effective"):
            continue
        parts = line.split(",")
        rows.append((dt.date.fromisoformat(parts[0]), dict(zip(BUCKETS, (Decimal(p) for p in parts[1:])))))
    return tuple(sorted(rows))


def bucket_for(term_months: int | None) -> str:
    """六个月以内（含）, 六个月至一年（含）, 一至三年（含）, 三至五年（含）, 五年以上; unknown → one year."""
    if term_months is None:
        return "6m_to_1y"
    for limit, bucket in ((6, "up_to_6m"), (12, "6m_to_1y"), (36, "1y_to_3y"), (60, "3y_to_5y")):
        if term_months <= limit:
            return bucket
    return "over_5y"


def benchmark_on(day: dt.date, term_months: int | None = None) -> Benchmark | None:
    """The rate in force on ``day`` for the term; None before the first row (2002-02-21)."""
    bucket = bucket_for(term_months)
    found = None
    for effective, rates in table():
        if effective <= day:
            found = Benchmark(rates[bucket], effective, bucket)
    return found
