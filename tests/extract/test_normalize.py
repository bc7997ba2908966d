"""Real-world text: full-width digits, spaces, broken lines, Chinese-numeral dates, 万元, rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from respond.extract.normalize import (
    DocText,
    cn_int,
    flatten,
    fold_width,
    parse_amount,
    parse_date,
    parse_datetime,
    parse_rate,
)


@pytest.mark.parametrize("raw, flat", [
    ("人民币 100,000.00 元", "人民币100,000.00元"),
    ("人民币 100, 000 . 00 元", "人民币100,000.00元"),
    ("传    票", "传票"),
    ("传\u3000\u3000票", "传票"),
    ("借款本金 ８，０００．００ 元", "借款本金8,000.00元"),
    ("统一社会信用代码：９１４４０１０１ＭＡ５ＣＸＹＺ１２Ｑ", "统一社会信用代码：91440101MA5CXYZ12Q"),
    ("金山路\n18号", "金山路18号"),
    ("6幢12\n-3，", "6幢12-3，"),
    ("罚息 600\n.00 元", "罚息600.00元"),
    ("91500112MA5U\nABCD1X", "91500112MA5UABCD1X"),
    ("联系电话 138 0000 1234", "联系电话13800001234"),
    ("北京互联⽹法院⽴案受理⾦融借款", "北京互联网法院立案受理金融借款"),  # Kangxi radicals
    ("⼈⺠法院", "人民法院"),
    ("某某（上海）有限公司：", "某某（上海）有限公司："),  # Chinese punctuation is kept
    ("上文\n第 1 页 共 2 页\n下文", "上文下文"),
    ("上文\n- 2 -\n下文", "上文下文"),
    ("2027年1月12日 上午 9:00", "2027年1月12日上午9:00"),
])
def test_flatten(raw, flat):
    assert flatten(raw) == flat


def test_page_of_a_position():
    text = DocText.from_pages(["第一页内容", "第二页内容"])
    assert text.flat == "第一页内容第二页内容"
    assert text.page_at(0) == 1 and text.page_at(4) == 1 and text.page_at(5) == 2 and text.page_at(9) == 2


def test_fold_width_keeps_punctuation():
    assert fold_width("（２０２６）：，。") == "（2026）：，。"


@pytest.mark.parametrize("text, n", [
    ("十", 10), ("十五", 15), ("二十", 20), ("二十三", 23), ("三十一", 31), ("七", 7), ("一百零五", 105),
    ("一万二千", 12000), ("二〇二六", 2026), ("2026", 2026), ("", None), ("十X", None),
])
def test_cn_int(text, n):
    assert cn_int(text) == n


@pytest.mark.parametrize("text, date", [
    ("2026年11月3日", dt.date(2026, 11, 3)),
    ("二〇二六年十一月三日", dt.date(2026, 11, 3)),
    ("二○二六年十二月三十一日", dt.date(2026, 12, 31)),  # U+25CB for zero, as many courts type it
    ("二Ｏ二六年一月二十日", dt.date(2026, 1, 20)),       # full-width letter O
    ("二零二六年二月十日", dt.date(2026, 2, 10)),
    ("2026-11-03", dt.date(2026, 11, 3)),
    ("2026.11.3", dt.date(2026, 11, 3)),
    ("于 2026年2月30日", None),                           # impossible date: not guessed
    ("2026年11月", None),
])
def test_parse_date(text, date):
    assert parse_date(flatten(text)) == date


@pytest.mark.parametrize("text, when", [
    ("2026年12月10日09时30分", dt.datetime(2026, 12, 10, 9, 30)),
    ("2026年12月10日上午9:30", dt.datetime(2026, 12, 10, 9, 30)),
    ("二〇二六年十二月三日下午二时三十分", dt.datetime(2026, 12, 3, 14, 30)),
    ("2026年12月3日下午2时", dt.datetime(2026, 12, 3, 14, 0)),
    ("2026年12月3日14:30", dt.datetime(2026, 12, 3, 14, 30)),
    ("2026年12月3日上午9时整", dt.datetime(2026, 12, 3, 9, 0)),
    ("2026年12月3日下午3点半", dt.datetime(2026, 12, 3, 15, 30)),
    ("2026年12月3日", None),                                 # no time: not a hearing time
    ("2026年12月3日25时", None),
])
def test_parse_datetime(text, when):
    assert parse_datetime(flatten(text)) == when


@pytest.mark.parametrize("text, amount", [
    ("人民币100,000.00元", "100000.00"),
    ("9000元", "9000.00"),
    ("1.2万元", "12000.00"),
    ("10万元", "100000.00"),
    ("¥ 1,530.20元", "1530.20"),
    ("人民币壹万贰仟元整", "12000.00"),
    ("叁仟伍佰元伍角", "3500.50"),
    ("壹佰元零伍分", "100.05"),
    ("1.234元", None),          # more than two decimals: not trusted
    ("一案", None),
])
def test_parse_amount(text, amount):
    assert parse_amount(flatten(text)) == (Decimal(amount) if amount else None)


@pytest.mark.parametrize("text, rate", [
    ("18%", "0.18"), ("23.9%", "0.239"), ("0.05%", "0.0005"), ("1.5‰", "0.0015"),
    ("百分之十八", "0.18"), ("万分之五", "0.0005"), ("百分之二十三点九", "0.239"), ("18％", "0.18"),
])
def test_parse_rate(text, rate):
    assert parse_rate(flatten(text)) == Decimal(rate)


# --- properties ---------------------------------------------------------------------------------

_DIGITS = "〇一二三四五六七八九"


def chinese_small(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def chinese_date(d: dt.date) -> str:
    return "".join(_DIGITS[int(c)] for c in str(d.year)) + f"年{chinese_small(d.month)}月{chinese_small(d.day)}日"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_date_in_chinese_numerals(d):
    assert parse_date(chinese_date(d)) == d


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["", " ", "  ", "\n"]))
def test_any_date_with_spaces_and_full_width_digits(d, gap):
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    text = f"{d.year}{gap}年{gap}{d.month}{gap}月{gap}{d.day}{gap}日".translate(full)
    assert parse_date(flatten(text)) == d


@given(st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2), st.booleans(), st.booleans())
def test_any_amount_as_printed(amount, grouped, spaced):
    figures = f"{amount:,.2f}" if grouped else f"{amount:.2f}"
    gap = " " if spaced else ""
    assert parse_amount(flatten(f"人民币{gap}{figures}{gap}元")) == amount


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2))
def test_any_amount_in_wan(amount):
    assert parse_amount(f"{amount}万元") == (amount * 10000).quantize(Decimal("0.01"))
