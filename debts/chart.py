"""债务清单.png: for each loan, what the platform asks beside what the law allows, as bars a
person can take in at a glance (issue 14). Figures only from :mod:`respond.debts.table`, in its
order; no law here.

Drawn with matplotlib's Agg canvas (no pyplot, no global state, no screen), in a CJK font found
on the machine; the PNG carries no timestamp or software tag, so the same list gives the same
bytes. User text (platform names) is drawn as plain text: ``parse_math=False``, so a ``$`` is a
dollar sign and never TeX."""

from __future__ import annotations

import io
import logging
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal

from respond.checks.formats import money_text
from respond.debts.table import Row

FILE = "债务清单.png"
# Simplified-Chinese fonts in order of preference; fonts-noto-cjk and fonts-wqy-microhei on Debian.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei",
             "PingFang SC")
LABEL_CHARS = 14
CLAIMED_COLOUR, LAWFUL_COLOUR = "#d55e00", "#0072b2"  # Okabe–Ito: told apart with any colour vision


@dataclass(frozen=True)
class Bar:
    label: str
    claimed: Decimal | None
    lawful: Decimal | None


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """A platform name fit for an axis label: one line, at most ``limit`` characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bars(rows: list[Row]) -> list[Bar]:
    """One bar pair per loan, in the list's order, numbered as the table numbers them."""
    return [Bar(f"{n}. {short(r.platform)}" + ("（已起诉）" if r.sued else ""), r.claimed_total, r.lawful_total)
            for n, r in enumerate(rows, start=1)]


def cjk_font() -> str | None:
    """The path of the first installed simplified-Chinese font, or None."""
    from matplotlib import font_manager

    by_name = {}
    for f in font_manager.fontManager.ttflist:
        if f.weight in (400, "normal", "regular") and f.style == "normal":
            by_name.setdefault(f.name, f.fname)
    return next((by_name[n] for n in CJK_FONTS if n in by_name), None)


def _value(v: Decimal | None) -> str:
    return f"{money_text(v)} 元" if v is not None else "不详"


def png(person: str, rows: list[Row], as_of: str) -> bytes | None:
    """The chart as PNG bytes, or None when no Chinese font is installed (the caller says so)."""
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    font_path = cjk_font()
    if font_path is None or not rows:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=font_path, size=10)
    items = bars(rows)
    top_in, bottom_in = 0.95, 0.6  # inches: the title and legend above, the axis below
    height = top_in + bottom_in + 0.7 * len(items)
    fig = Figure(figsize=(8.27, height), dpi=120)  # A4 width
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.27, bottom_in / height, 0.55, 1 - (top_in + bottom_in) / height))
    top = max([float(v) for b in items for v in (b.claimed, b.lawful) if v is not None] or [1.0]) or 1.0
    for i, b in enumerate(items):
        y = len(items) - 1 - i
        for offset, value, colour in ((0.18, b.claimed, CLAIMED_COLOUR), (-0.18, b.lawful, LAWFUL_COLOUR)):
            width = float(value) if value is not None else 0.0
            ax.barh(y + offset, width, height=0.34, color=colour)
            ax.text(width + top * 0.01, y + offset, _value(value), va="center", fontproperties=font,
                    parse_math=False, fontsize=8)
    ax.set_yticks(range(len(items)))
    ax.set_yticklabels([b.label for b in reversed(items)], fontproperties=font)
    for label in ax.get_yticklabels():
        label.set_parse_math(False)
    ax.set_xlim(0, top * 1.35)
    ax.set_xlabel("元", fontproperties=font)
    ax.tick_params(axis="x", labelsize=8)
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:,.0f}")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    from matplotlib.patches import Patch

    handles = [Patch(color=c) for c in (CLAIMED_COLOUR, LAWFUL_COLOUR)]
    fig.legend(handles, ["平台主张合计", "依法应还合计"], prop=font, loc="upper left", frameon=False, ncols=2,
               bbox_to_anchor=(0.02, 1 - 0.45 / height))
    fig.text(0.02, 1 - 0.15 / height, f"{short(person, 20)} 的借款：平台主张与依法应还（按 {as_of} 计算）",
             fontproperties=FontProperties(fname=font_path, size=12), parse_math=False, va="top")
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph missing from the font is drawn as a box, not logged
        fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
