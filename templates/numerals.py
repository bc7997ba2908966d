"""Numbers as they are written in Chinese legal and banking documents.

* :func:`money_upper` — an amount in Chinese uppercase numerals (中文大写金额), e.g. 壹万贰仟叁佰肆拾伍元陆角柒分;
* :func:`money_fmt` — an amount in figures with thousands separators, e.g. ``12,345.67``;
* :func:`rate_pct` — a rate given as a fraction, as a percentage, e.g. ``0.24`` → ``24.00%``;
* :func:`date_cn` — a date as ``2026年11月18日``.

All money is ``Decimal`` rounded half-up to the cent first (the same rule as
:func:`respond.checks.money.cents`); floats are refused so that no binary rounding can creep in.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# Figures, rates and dates as written in sentences have one implementation, in checks (the
# findings use them too); re-exported here under the names the templates use.
from respond.checks.formats import date_text as date_cn
from respond.checks.formats import money_text as money_fmt
from respond.checks.formats import pct_text as rate_pct

__all__ = ["money_upper", "money_fmt", "rate_pct", "date_cn"]

_CENT = Decimal("0.01")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")  # inside a group of four digits
#: Largest amount accepted by :func:`money_upper`: below 1 万亿亿 there is no unit left to write.
_MAX_YUAN = 10**16


def _to_cents(amount: Decimal | int) -> Decimal:
    """Validate an amount and round it half-up to the cent."""
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise TypeError(f"amount must be Decimal or int, not {type(amount).__name__}")
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValueError(f"amount must be finite, got {amount}")
    if amount < 0:
        raise ValueError(f"amount must not be negative, got {amount}")
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


def _group_upper(n: int) -> str:
    """0 < n < 10 000 in uppercase: 1010 → 壹仟零壹拾, 10 → 壹拾, 1001 → 壹仟零壹.

    One 零 stands for a run of zeros between two non-zero digits; trailing zeros are not read.
    """
    digits = f"{n:04d}"
    out: list[str] = []
    pending_zero = False
    for pos, ch in enumerate(digits):
        d = int(ch)
        unit = _SMALL_UNITS[3 - pos]
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[d] + unit)
    return "".join(out)


def _int_upper(n: int) -> str:
    """0 < n < 10**16 in uppercase, grouped by 万 and 亿 (1e12 → 壹万亿)."""
    if n >= 10**8:
        high, low = divmod(n, 10**8)
        text = _int_upper(high) + "亿"
        if low:
            # zeros between the 亿 part and what follows are read as one 零
            text += ("零" if low < 10**7 else "") + _int_upper(low)
        return text
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        text = _group_upper(high) + "万"
        if low:
            text += ("零" if low < 10**3 else "") + _group_upper(low)
        return text
    return _group_upper(n)


def money_upper(amount: Decimal | int) -> str:
    """An amount in 元 in Chinese uppercase (中文大写金额), as on bills and in judgments.

    The convention is the one of 《支付结算办法》(银发〔1997〕393号) 附件一《正确填写票据和结算凭证的
    基本规定》, choosing one spelling wherever that text allows two:

    * digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分; a leading 壹拾 keeps its 壹
      (10 → 壹拾元整, 100000 → 壹拾万元整);
    * amounts ending at 元 take 整 (1 → 壹元整, 0 → 零元整); amounts with 角 or 分 never do
      (10.50 → 壹拾元伍角, 0.05 → 伍分, and nothing is written before 角/分 when there are no 元);
    * the 元 part is read in groups of four digits (万, 亿; 10**12 → 壹万亿元整). One 零 stands for a
      run of zeros inside a group or at the start of a lower group (10001 → 壹万零壹元整,
      1010 → 壹仟零壹拾元整, 100010000 → 壹亿零壹万元整); zeros at the end of a higher group are
      not read when the next group starts with a non-zero digit (107000 → 壹拾万柒仟元整, the first of
      the two spellings the rules give for a zero 万位 before a non-zero 千位);
    * a zero 角 before a non-zero 分 is written 零 (1.05 → 壹元零伍分, 16409.02 → 壹万陆仟肆佰零玖元零贰分);
    * a zero 元 digit before a non-zero 角 is not written (1680.32 → 壹仟陆佰捌拾元叁角贰分; the rules
      allow 壹仟陆佰捌拾元零叁角贰分 as well).

    The amount is rounded half-up to the cent first (0.005 → 壹分). Negative, non-finite and
    non-Decimal input (floats) raise; amounts of 10**16 元 or more raise ``ValueError``.
    """
    value = _to_cents(amount)
    if value >= _MAX_YUAN:
        raise ValueError(f"amount too large for Chinese uppercase: {value}")
    total_cents = int(value * 100)
    yuan, rest = divmod(total_cents, 100)
    jiao, fen = divmod(rest, 10)
    if yuan == 0 and rest == 0:
        return "零元整"
    text = _int_upper(yuan) + "元" if yuan else ""
    if rest == 0:
        return text + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    return text
