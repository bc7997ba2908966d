"""Real-world court text into one searchable form, and the values written in it.

What PDFs of court papers look like once their text is extracted, and what this module does about it:

- full-width digits and letters (``１２３``, ``ＭＡ５``) → ASCII; Kangxi radicals and compatibility
  ideographs that some fonts map to (``⼈⺠法院``) → the ordinary characters (NFKC, for those only);
  Chinese punctuation (``（）：，``) is kept: names such as ``某某（上海）有限公司`` contain it;
- spaces around Chinese characters (``人民币 100,000.00 元``, ``传    票``) and inside numbers
  (``100, 000``, ``138 0000 1234``) are removed; a line broken in the middle of a field is joined
  (``金山路\\n18号`` → ``金山路18号``, ``12\\n-3`` → ``12-3``): the *flat* text of a document has no
  line breaks at all (Chinese typesetting breaks a line anywhere, and the papers hold no English);
- page footers (``第 1 页 共 2 页``) are dropped so that a paragraph continues across a page break.

Values: dates written ``2026年11月3日``, ``二〇二六年十一月三日`` or ``2026-11-03``; hearing times
(``下午二时三十分``, ``上午 9:30``); amounts in 元 or 万元, in figures or in Chinese numerals
(``壹万贰仟元整``); rates (``年利率18%``, ``日利率万分之五``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# --- characters ---------------------------------------------------------------------------------

_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。《》「」〇)
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms (（），：；)
    (0x20000, 0x2FA1F),  # extensions B–F, compatibility supplement
)
_CJK_CLASS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _CJK_RANGES) + "\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"

#: One Chinese ideograph (unified, extension A), for names and labels.
HAN = "[\u3400-\u4dbf\u4e00-\u9fff]"


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF \
        or 0x2E80 <= o <= 0x2FDF


def _fold_table() -> dict[int, str]:
    table = {0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: "", 0xFEFF: "",
             0xFF05: "%", 0xFFE5: "¥", 0xFE6A: "%"}
    for o in range(0xFF10, 0xFF1A):  # ０-９
        table[o] = chr(o - 0xFEE0)
    for o in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
        table[o] = chr(o - 0xFEE0)
    # Kangxi radicals, CJK radicals supplement, compatibility ideographs: NFKC gives the ordinary
    # character (⼈ U+2F08 → 人 U+4EBA), which is what a court name is searched for.
    for o in list(range(0x2E80, 0x2FE0)) + list(range(0xF900, 0xFB00)):
        folded = unicodedata.normalize("NFKC", chr(o))
        if folded != chr(o) and len(folded) == 1:
            table[o] = folded
    # Radicals supplement forms that NFKC leaves alone, yet fonts map ordinary characters to them.
    table.update({ord(radical): plain for radical, plain in zip(_SUPPLEMENT_RADICALS, _SUPPLEMENT_PLAIN)})
    return table


# ⺠ CIVILIAN, ⻅ C-SIMPLIFIED SEE, ⻆ HORN, ⻋ CART, ⻓ LONG, ⻔ GATE, ⻚ LEAF, ⻛ WIND, ⻜ FLY, ⻢ HORSE,
# ⻣ BONE, ⻩ YELLOW, ⻬ EVEN, ⻮ TOOTH, ⻰ DRAGON, ⻄ WEST, ⻘ BLUE, ⻥ FISH, ⻦ BIRD, ⻨ WHEAT, ⻤ GHOST.
_SUPPLEMENT_RADICALS = ("\u2ea0\u2ec5\u2ec6\u2ecb\u2ed3\u2ed4\u2eda\u2edb\u2edc\u2ee2\u2ee3"
                        "\u2ee9\u2eec\u2eee\u2ef0\u2ec4\u2ed8\u2ee5\u2ee6\u2ee8\u2ee4")
_SUPPLEMENT_PLAIN = "民见角车长门页风飞马骨黄齐齿龙西青鱼鸟麦鬼"


_FOLD = _fold_table()


def fold_width(text: str) -> str:
    """Full-width digits/letters → ASCII, radicals → ideographs; punctuation untouched."""
    return text.translate(_FOLD)


# --- page text → flat text -----------------------------------------------------------------------

_FOOTER = re.compile(  # a whole line: 第 1 页 共 2 页 / 共2页第1页 / - 2 - / 1/2
    r"^\s*(?:第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页"
    r"|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+)\s*$"
)
_SPACE_NEAR_CJK = re.compile(f"(?<=[{_CJK_CLASS}])\\s+|\\s+(?=[{_CJK_CLASS}])")
_SPACE_IN_NUMBER = re.compile(r"(?<=\d)\s*([,.])\s*(?=\d)|(?<=\d)\s+(?=\d)")
_FULLWIDTH_IN_NUMBER = re.compile(r"(?<=\d)[，](?=\d{3}(?!\d))|(?<=\d)[．。](?=\d)")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_CURRENCY_SPACE = re.compile(r"(?<=[¥￥$])\s+")


def flatten(raw: str) -> str:
    """One page's extracted text as one line: see the module docstring."""
    text = fold_width(raw).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line for line in text.split("\n") if not _FOOTER.match(line))
    text = _SPACE_NEAR_CJK.sub("", text)
    text = _LINE_BREAK.sub("", text)  # Chinese typesetting breaks lines anywhere, even inside a number
    text = _FULLWIDTH_IN_NUMBER.sub(lambda m: "," if m.group(0) == "，" else ".", text)
    text = _SPACE_IN_NUMBER.sub(lambda m: m.group(1) or "", text)
    text = _CURRENCY_SPACE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def line_texts(raw: str) -> list[str]:
    """The page's lines, each folded and with spaces around Chinese removed (empty ones dropped)."""
    out = []
    for line in fold_width(raw).splitlines():
        if _FOOTER.match(line):
            continue
        line = re.sub(r"\s+", " ", _SPACE_NEAR_CJK.sub("", line)).strip()
        if line:
            out.append(line)
    return out


@dataclass(frozen=True)
class DocText:
    """A document's text: ``flat`` (all pages, joined) with page offsets, and its lines."""

    pages: tuple[str, ...]                  # flat text of each page
    flat: str                               # the pages joined
    starts: tuple[int, ...]                 # offset of each page in ``flat``
    lines: tuple[tuple[int, str], ...]      # (page number from 1, line)

    @classmethod
    def from_pages(cls, raw_pages: list[str] | tuple[str, ...]) -> "DocText":
        pages = tuple(flatten(p) for p in raw_pages)
        starts, pos = [], 0
        for p in pages:
            starts.append(pos)
            pos += len(p)
        lines = tuple((i + 1, line) for i, p in enumerate(raw_pages) for line in line_texts(p))
        return cls(pages, "".join(pages), tuple(starts), lines)

    def page_at(self, pos: int) -> int:
        """Page number (from 1) of a position in ``flat``."""
        return max(1, bisect.bisect_right(self.starts, pos))


# --- numbers ------------------------------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "0": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2,
              "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
              "八": 8, "捌": 8, "九": 9, "玖": 9}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUM = "[〇○零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]"
#: A small number in figures or Chinese numerals (days, months, periods).
NUM = f"(?:\\d{{1,4}}|{CN_NUM}{{1,5}})"


def cn_int(text: str) -> int | None:
    """``十五`` → 15, ``二十三`` → 23, ``一万二千`` → 12000, ``2026`` → 2026, ``二〇二六`` → 2026."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in _CN_DIGITS for c in text):  # digit by digit: 二〇二六
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
        elif c in _CN_BIG:
            section += digit or 0
            total += (section or 1) * _CN_BIG[c]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def cn_decimal(text: str) -> Decimal | None:
    """A number in figures or Chinese numerals, with ``点`` or ``.`` for the decimal point."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return Decimal(text)
    except InvalidOperation:
        return None
    whole, _, frac = text.partition("点")
    n = cn_int(whole) if whole else 0
    if n is None:
        return None
    if frac:
        if not all(c in _CN_DIGITS for c in frac):
            return None
        return Decimal(f"{n}.{''.join(str(_CN_DIGITS[c]) for c in frac)}")
    return Decimal(n)


# --- dates and times ----------------------------------------------------------------------------

_Y = "(?:\\d{4}|[〇○零O一二三四五六七八九]{4})"
_MD = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})"
#: A date, as a non-capturing pattern to embed in larger patterns.
DATE = f"(?:{_Y}年{_MD}月{_MD}日|\\d{{4}}[-./]\\d{{1,2}}[-./]\\d{{1,2}}(?!\\d))"
_DATE_PARTS = re.compile(f"({_Y})年({_MD})月({_MD})日|(\\d{{4}})[-./](\\d{{1,2}})[-./](\\d{{1,2}})")
_HOUR = "(?:\\d{1,2}|[零一二三四五六七八九十]{1,3})"
#: A time of day after a date: ``09时30分``, ``上午9:30``, ``下午二时三十分``, ``9时整``.
TIME = f"(?:(?:上午|下午|中午|晚上|早上|凌晨)?{_HOUR}(?:时|点|:)(?:{_HOUR}分?|半|整)?)"
_TIME_PARTS = re.compile(f"(?:\\s*[（(](?:星期|周|礼拜)[一二三四五六日天][)）])?\\s*"  # 2026年12月15日（星期二）下午2时30分
                         f"(上午|下午|中午|晚上|早上|凌晨)?\\s*({_HOUR})\\s*(?:时|点|:)\\s*({_HOUR}|半|整)?")


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text``; ``None`` when there is none or it is impossible (2月30日)."""
    m = _DATE_PARTS.search(text)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    year, month, day = cn_int(y.replace("O", "〇")), cn_int(mo), cn_int(d)
    try:
        return dt.date(year, month, day)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def parse_datetime(text: str) -> dt.datetime | None:
    """A date followed by a time of day; ``None`` unless both are there."""
    m = _DATE_PARTS.search(text)
    day = parse_date(text)
    if not m or day is None:
        return None
    t = _TIME_PARTS.match(text, m.end())
    if not t:
        return None
    hour = cn_int(t.group(2))
    minute = 30 if t.group(3) == "半" else 0 if t.group(3) in (None, "整") else cn_int(t.group(3))
    if hour is None or minute is None:
        return None
    if t.group(1) in ("下午", "晚上") and hour < 12:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.datetime(day.year, day.month, day.day, hour, minute)


# --- amounts ------------------------------------------------------------------------------------

_CN_MONEY = "[零壹贰叁肆伍陆柒捌玖拾佰仟万亿一二三四五六七八九十百千两〇]"
#: An amount of money: figures in 元 or 万元, or Chinese numerals (大写) in 元/圆 with 角 and 分.
AMOUNT = (f"(?:(?:人民币|¥|￥|RMB)?\\d+(?:,\\d{{3}})*(?:\\.\\d+)?(?:万元|元)"
          f"|(?:人民币)?{_CN_MONEY}+[元圆]零?(?:{_CN_MONEY}角)?零?(?:{_CN_MONEY}分)?整?)")
_AMOUNT_FIGURES = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(万元|元)")
_AMOUNT_WORDS = re.compile(f"({_CN_MONEY}+)[元圆]零?(?:({_CN_MONEY})角)?零?(?:({_CN_MONEY})分)?")


def parse_amount(text: str) -> Decimal | None:
    """``人民币100,000.00元`` → 100000.00; ``1.2万元`` → 12000.00; ``壹万贰仟元整`` → 12000.00."""
    m = _AMOUNT_FIGURES.search(text)
    if m:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", m.group(1)):
            return None  # 20.000: twenty, or twenty thousand with a dot for the comma? Refused, never guessed
        value = Decimal(m.group(1).replace(",", ""))
        if m.group(2) == "万元":
            value *= 10_000
    else:
        w = _AMOUNT_WORDS.search(text)
        if not w:
            return None
        whole = cn_int(w.group(1))
        if whole is None:
            return None
        jiao = cn_int(w.group(2)) if w.group(2) else 0
        fen = cn_int(w.group(3)) if w.group(3) else 0
        if jiao is None or fen is None:
            return None
        value = Decimal(whole) + Decimal(jiao) / 10 + Decimal(fen) / 100
    if value != value.quantize(Decimal("0.01")):
        return None  # more than 2 decimals: not an amount we can trust
    return value.quantize(Decimal("0.01"))


# --- rates --------------------------------------------------------------------------------------

_RATE_NUM = "(?:\\d+(?:\\.\\d+)?|[零一二三四五六七八九十百点]+)"
#: A rate value: ``18%``, ``0.05%``, ``百分之十八``, ``万分之五``, ``1.5‰``.
RATE_VALUE = f"(?:\\d+(?:\\.\\d+)?\\s*[%‰‱]|(?:百分之|千分之|万分之){_RATE_NUM})"
_RATE_PARTS = re.compile(f"(\\d+(?:\\.\\d+)?)\\s*([%‰‱])|(百分之|千分之|万分之)({_RATE_NUM})")
_RATE_SCALE = {"%": 100, "百分之": 100, "‰": 1000, "千分之": 1000, "‱": 10_000, "万分之": 10_000}


def parse_rate(text: str) -> Decimal | None:
    """The first rate in ``text`` as a decimal fraction: ``18%`` → 0.18, ``万分之五`` → 0.0005."""
    m = _RATE_PARTS.search(text)
    if not m:
        return None
    if m.group(1):
        number, scale = Decimal(m.group(1)), _RATE_SCALE[m.group(2)]
    else:
        number, scale = cn_decimal(m.group(4)), _RATE_SCALE[m.group(3)]
        if number is None:
            return None
    return (number / scale).normalize()
