"""The one-year loan prime rate (一年期贷款市场报价利率) in force on a day.

民间借贷规定第25条第2款: the one-year LPR published monthly by 全国银行间同业拆借中心 from
2019-08-20. A fixing is in force from its publication date until the next one. The table is
package data (``data/lpr.csv``, with its source line); users add newer fixings without a new
release by passing a file in the same format (``--lpr FILE`` or ``RESPOND_LPR``), read by the CLI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources

# lenders.md §5: before the first LPR fixing the one-year benchmark lending rate was 4.35% (since 2015-10-24).
BENCHMARK_BEFORE_LPR = Decimal("0.0435")
FIRST_FIXING = dt.date(2019, 8, 20)
STALE_AFTER_DAYS = 31


@dataclass(frozen=True)
class LprInForce:
    rate: Decimal  # as a fraction: 0.0310
    published: dt.date | None  # None: before the first fixing (benchmark rate used)
    stale: bool  # the day lies more than 31 days after the last known fixing

    def warning(self, day: dt.date) -> str | None:
        if self.stale:
            return (f"{day} 距已知最后一期 LPR（{self.published} 公布）超过 {STALE_AFTER_DAYS} 天，暂按该期 "
                    f"{self.rate * 100:.2f}% 计算；请用 --lpr 文件补充更新的 LPR 后重算")
        if self.published is None:
            return f"{day} 早于首次 LPR 报价（2019-08-20），按当时一年期贷款基准利率 4.35% 计算"
        return None


class LprTable:
    def __init__(self, fixings: dict[dt.date, Decimal]):
        if not fixings:
            raise ValueError("LPR 表为空")
        self._dates = sorted(fixings)
        self._rates = [fixings[d] for d in self._dates]

    @property
    def last_published(self) -> dt.date:
        return self._dates[-1]

    def in_force(self, day: dt.date) -> LprInForce:
        """The latest fixing published on or before ``day``."""
        import bisect

        k = bisect.bisect_right(self._dates, day)
        if k == 0:
            return LprInForce(BENCHMARK_BEFORE_LPR, None, False)
        published = self._dates[k - 1]
        stale = k == len(self._dates) and (day - published).days > STALE_AFTER_DAYS
        return LprInForce(self._rates[k - 1], published, stale)

    def with_extra(self, extra: dict[dt.date, Decimal]) -> "LprTable":
        merged = dict(zip(self._dates, self._rates))
        merged.update(extra)
        return LprTable(merged)


def parse_lpr_csv(text: str, origin: str = "LPR 文件") -> dict[dt.date, Decimal]:
    """``publish_date,lpr_1y[,lpr_5y_plus]`` in percent; ``#`` lines are comments."""
    out: dict[dt.date, Decimal] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#") or line.lower().startswith("publish_date"):
            continue
        parts = [p.strip() for p in line.split(",")]
        try:
            if len(parts) not in (2, 3):
                raise ValueError
            day = dt.date.fromisoformat(parts[0])
            rates = [Decimal(p) for p in parts[1:]]
        except (ValueError, IndexError, InvalidOperation):
            raise ValueError(f"{origin} 第 {n} 行格式应为 “YYYY-MM-DD,3.10”（公布日, 一年期 LPR 百分数）") from None
        for r in rates:
            # The 1-year LPR has been 3.0–4.31 % since 2019: below 1 it was written as a fraction
            # (0.031 for 3.1 %), a comma inside a number ("3,10") splits it into two columns.
            if not r.is_finite() or not (Decimal("1") <= r < Decimal("20")):
                raise ValueError(f"{origin} 第 {n} 行：LPR {parts[1 + rates.index(r)][:20]} 不是合理的百分数"
                                 "（应写百分数，如 3.10 表示 3.10%；小数点用“.”，不用逗号）")
        pct = rates[0]
        if day < FIRST_FIXING:
            raise ValueError(f"{origin} 第 {n} 行：LPR 报价始于 2019-08-20")
        out[day] = pct / 100
    return out


@lru_cache(maxsize=1)
def package_table() -> LprTable:
    text = resources.files("respond.data").joinpath("lpr.csv").read_text(encoding="utf-8")
    return LprTable(parse_lpr_csv(text, "data/lpr.csv"))


def lpr_table(extra_csv: str | None = None) -> LprTable:
    """The package table, plus a user's newer fixings when given."""
    table = package_table()
    return table.with_extra(parse_lpr_csv(extra_csv, "用户 LPR 文件")) if extra_csv else table
