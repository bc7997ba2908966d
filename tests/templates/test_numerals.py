"""Chinese uppercase amounts (中文大写金额) and the other number formats of the documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respond.templates.numerals import date_cn, money_fmt, money_upper, rate_pct

# (amount, uppercase): the brief's examples, then the examples of 《支付结算办法》附件一.
UPPER_CASES = [
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("1.00", "壹元整"),
    ("10", "壹拾元整"),
    ("100000", "壹拾万元整"),
    ("10001", "壹万零壹元整"),
    ("1010", "壹仟零壹拾元整"),
    ("0.05", "伍分"),
    ("0.50", "伍角"),
    ("0.55", "伍角伍分"),
    ("1.05", "壹元零伍分"),
    ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
    ("100000000", "壹亿元整"),
    ("100010000", "壹亿零壹万元整"),
    ("10.50", "壹拾元伍角"),
    # 《支付结算办法》附件一 examples
    ("1409.50", "壹仟肆佰零玖元伍角"),  # 中间有"0"写"零"
    ("6007.14", "陆仟零柒元壹角肆分"),  # 连续几个"0"只写一个"零"
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),  # 元位是"0"、角位不是"0"：可以不写"零"
    ("107000.53", "壹拾万柒仟元伍角叁分"),  # 万位是"0"、千位不是"0"：可以不写"零"
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),  # 角位是"0"而分位不是"0"：元后写"零"
    ("325.04", "叁佰贰拾伍元零肆分"),
    # more groups
    ("100700", "壹拾万零柒佰元整"),
    ("1000001", "壹佰万零壹元整"),
    ("101000000", "壹亿零壹佰万元整"),
    ("110000000", "壹亿壹仟万元整"),
    ("1000000000000", "壹万亿元整"),
    ("1000000010000", "壹万亿零壹万元整"),
    ("20000000000", "贰佰亿元整"),
    ("50000", "伍万元整"),
    ("15", "壹拾伍元整"),
    ("115", "壹佰壹拾伍元整"),
    ("39417.61", "叁万玖仟肆佰壹拾柒元陆角壹分"),
]


@pytest.mark.parametrize("amount, expected", UPPER_CASES)
def test_money_upper(amount, expected):
    assert money_upper(Decimal(amount)) == expected


@pytest.mark.parametrize(
    "amount, expected",
    [
        ("0.005", "壹分"),  # half-up to the cent first
        ("0.004", "零元整"),
        ("1.994", "壹元玖角玖分"),
        ("1.995", "贰元整"),
        ("9.999", "壹拾元整"),
    ],
)
def test_money_upper_rounds_half_up_to_the_cent(amount, expected):
    assert money_upper(Decimal(amount)) == expected


def test_money_upper_accepts_int():
    assert money_upper(10001) == "壹万零壹元整"


@pytest.mark.parametrize("bad", [Decimal("-0.01"), Decimal("-1"), -5, Decimal("NaN"), Decimal("Infinity"), Decimal("1e16")])
def test_money_upper_rejects_negative_non_finite_and_huge(bad):
    with pytest.raises(ValueError):
        money_upper(bad)


@pytest.mark.parametrize("bad", [1.5, "12", None, True])
def test_money_upper_rejects_non_decimal(bad):
    with pytest.raises(TypeError):
        money_upper(bad)


# ---------------------------------------------------------------------------------------------
# Round trip through a small test-only parser

_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_int(text: str) -> int:
    total = section = number = 0
    for ch in text:
        if ch in _DIGIT:
            number = _DIGIT[ch]
        elif ch in _UNIT:
            section += number * _UNIT[ch]
            number = 0
        elif ch == "万":
            section = (section + number) * 10**4
            number = 0
        elif ch == "亿":
            total = (total + section + number) * 10**8
            section = number = 0
        else:
            raise ValueError(ch)
    return total + section + number


def parse_upper(text: str) -> Decimal:
    """Inverse of money_upper, for the tests: 壹万零壹元伍角 → Decimal("10001.50")."""
    if text.endswith("整"):
        text = text[:-1]
    yuan_text, _, frac = text.rpartition("元")
    yuan = _parse_int(yuan_text) if yuan_text else 0
    jiao = fen = 0
    frac = frac.lstrip("零")
    if "角" in frac:
        j, frac = frac.split("角")
        jiao = _DIGIT[j]
    if frac:
        assert frac.endswith("分"), frac
        fen = _DIGIT[frac[:-1]]
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100


@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 * 100))
def test_money_upper_round_trip(cents):
    amount = Decimal(cents) / 100
    text = money_upper(amount)
    assert parse_upper(text) == amount
    # the 零/整 conventions
    assert "零零" not in text
    if text != "零元整":
        for unit in "拾佰仟万亿元角分整":
            assert "零" + unit not in text, text
    assert text.endswith(("整", "角", "分"))
    assert text.endswith("整") == (cents % 100 == 0)
    assert not text.startswith("零") or text == "零元整"
    assert not text.startswith("拾")  # always 壹拾


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_money_upper_round_trip_whole_yuan(yuan):
    text = money_upper(Decimal(yuan))
    assert text.endswith("元整")
    assert parse_upper(text) == yuan


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount, expected",
    [
        ("12345.67", "12,345.67"),
        ("0", "0.00"),
        ("1000000", "1,000,000.00"),
        ("999.995", "1,000.00"),
        ("0.125", "0.13"),
        ("-1000", "-1,000.00"),
        ("-0.001", "0.00"),
    ],
)
def test_money_fmt(amount, expected):
    assert money_fmt(Decimal(amount)) == expected


@pytest.mark.parametrize(
    "rate, places, expected",
    [
        ("0.24", 2, "24.00%"),
        ("0.1537", 2, "15.37%"),
        ("0.153749", 2, "15.37%"),
        ("0.153750", 2, "15.38%"),
        ("0.0385", 1, "3.9%"),
        ("0.36", 0, "36%"),
        ("0", 2, "0.00%"),
        ("0.072", 4, "7.2000%"),
    ],
)
def test_rate_pct(rate, places, expected):
    assert rate_pct(Decimal(rate), places) == expected


def test_rate_pct_rejects_float():
    with pytest.raises(TypeError):
        rate_pct(0.24)


@pytest.mark.parametrize(
    "day, expected",
    [
        (dt.date(2026, 11, 18), "2026年11月18日"),
        (dt.date(2026, 1, 8), "2026年1月8日"),
        (dt.datetime(2025, 7, 14, 9, 30), "2025年7月14日"),
    ],
)
def test_date_cn(day, expected):
    assert date_cn(day) == expected


def test_date_cn_rejects_strings():
    with pytest.raises(TypeError):
        date_cn("2026-11-18")
