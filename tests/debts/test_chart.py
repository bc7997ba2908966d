"""债务清单.png (issue 14): the bars are the list's figures in the list's order; the picture is a
real PNG, read back by real OCR for its visible figures; user text is drawn literally; the same
list gives the same bytes; a machine without a Chinese font gets the list and a plain word why
there is no chart."""

import io
import json

import pytest
from debts_support import EXAMPLE, TODAY, example_data, run, write_debts
from PIL import Image

from respond.debts import chart


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    out = tmp_path_factory.mktemp("chart") / "out"
    r = run("debts", EXAMPLE, "--out", out, "--today", TODAY)
    assert r.exit_code == 0, r.output
    return out


def test_the_chart_is_written_and_shown_in_the_list(drawn):
    assert (drawn / chart.FILE).is_file()
    assert f"![各笔借款：平台主张与依法应还]({chart.FILE})" in (drawn / "债务清单.md").read_text(encoding="utf-8")


def test_the_bars_are_the_lists_figures_in_its_order(drawn):
    rows = json.loads((drawn / "debts.json").read_text(encoding="utf-8"))["rows"]
    from respond.debts.table import Row

    bars = chart.bars([Row(**r) for r in rows])
    assert [b.label for b in bars][0] == "1. 某某花（已起诉）"  # the suit first, numbered as in the table
    assert [(b.claimed, b.lawful) for b in bars] == [(r["claimed_total"], r["lawful_total"]) for r in rows]


def test_the_png_is_a4_wide_and_one_band_per_loan(drawn):
    image = Image.open(drawn / chart.FILE)
    image.load()
    # 8.27 in × 120 dpi; (0.95 + 0.6 + 0.7 × 5 loans) in × 120 dpi
    assert image.format == "PNG" and image.size == (992, 606)


def test_real_ocr_reads_the_figures_and_names_off_the_picture(drawn):
    pytest.importorskip("rapidocr")
    from respond.extract._ocr_worker import run as ocr

    status, pages = ocr((drawn / chart.FILE).read_bytes(), 1)
    assert status == "ok"
    seen = "".join(text for text, *_ in pages[0]).replace(" ", "")
    rows = json.loads((drawn / "debts.json").read_text(encoding="utf-8"))["rows"]
    # the example's figures, as the table writes them (8,930.00 claimed in the suit; the 某某借条 pair)
    for figure in ("8,930.00", "62,000.00", "47,090.36"):
        assert figure in seen, (figure, seen)
    assert "平台主张合计" in seen and "依法应还合计" in seen
    assert sum(r["platform"] in seen for r in rows) >= 4


def test_a_platform_name_with_tex_markup_is_drawn_as_it_is(tmp_path):
    """``$\\frac{`` is broken TeX: drawn as math it would raise; drawn as text it is only text."""
    data = example_data()
    data["debts"][1]["platform"] = r"借$\frac{钱$"
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out" / chart.FILE).is_file()


def test_the_same_list_gives_the_same_bytes(drawn, tmp_path):
    r = run("debts", EXAMPLE, "--out", tmp_path / "again", "--today", TODAY)
    assert r.exit_code == 0
    assert (tmp_path / "again" / chart.FILE).read_bytes() == (drawn / chart.FILE).read_bytes()


def test_a_long_name_is_cut_to_fit_the_axis():
    assert chart.short("某" * 30) == "某" * 13 + "…"
    assert chart.short(" 某某\n借条 ") == "某某 借条"


def test_no_chinese_font_no_chart_and_a_plain_word(tmp_path, monkeypatch):
    monkeypatch.setattr(chart, "CJK_FONTS", ("No Such Font",))
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0 and "没有中文字体" in r.output
    assert not (tmp_path / "out" / chart.FILE).exists()
    assert chart.FILE not in (tmp_path / "out" / "债务清单.md").read_text(encoding="utf-8")


def test_an_unknown_figure_is_a_missing_bar_labelled_unknown():
    from decimal import Decimal as D

    from respond.debts.table import Row

    row = Row(index=0, platform="某某", creditor="某公司", category=None, sued=False, case_number=None,
              answer_due=None, days_left=None, days_overdue=None, apr=None, cap=None, exceeds_cap=None,
              claimed_total=D("100.00"), lawful_total=None, excess=None, daily_cost=None)
    assert chart.bars([row])[0].lawful is None
    assert Image.open(io.BytesIO(chart.png("张三", [row], TODAY))).size[0] == 992
