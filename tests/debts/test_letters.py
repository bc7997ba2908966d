"""协商还款函 (respond debts --letters): visible text for the figures, the citations (each traceable
to data/statutes.json, verified text), the proposal worked by hand, user text shown verbatim
(escaped, never run as template markup), and no letter for the loan being sued."""

import json

import pytest
from debts_support import EXAMPLE, TODAY, example_data, run, write_debts
from docx_text import visible_text
from respond.checks.findings import citations


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    out = tmp_path_factory.mktemp("letters") / "out"
    r = run("debts", EXAMPLE, "--out", out, "--letters", "--today", TODAY)
    assert r.exit_code == 0, r.output
    return {p.name: visible_text(p.read_bytes()) for p in sorted(out.glob("协商还款函-*.docx"))}


def test_one_letter_per_loan_not_sued(letters):
    assert sorted(letters) == ["协商还款函-02-某某快贷.docx", "协商还款函-03-某某分期.docx",
                               "协商还款函-04-某某借钱.docx", "协商还款函-05-某某借条.docx"]


def test_a_claim_above_the_law_lawful_figure_refused_part_and_grounds(letters):
    text = letters["协商还款函-03-某某分期.docx"]
    assert "致：某某消费金融有限公司" in text
    assert "截至 2026年11月1日，本人依法应还 16,925.71 元（本金 13,390.59 元，利息及费用 3,535.12 元）" in text
    assert "综合年化利率为 36.08%，利率上限为 24.00%" in text
    assert "贵方要求本人偿还 19,160.00 元，其中 2,234.29 元超出法律允许的范围" in text
    assert "综合年化利率超过法定上限（依据：《最高人民法院关于进一步加强金融审判工作的若干意见》第2条）" in text


def test_the_proposal_by_hand(letters):
    """1,500 a month over the four offers 47,090.36 + 61,604.65 + 16,925.71 + 8,023.02 = 133,643.74:
    某某分期 1,500 × 16,925.71 / 133,643.74 = 189.9719… → 189.97; 16,925.71 / 189.97 = 89.09… → 90
    months, the last 16,925.71 − 89 × 189.97 = 18.38."""
    text = letters["协商还款函-03-某某分期.docx"]
    assert "按月分期偿还上述 16,925.71 元：每月 189.97 元，共 90 期，最后一期 18.38 元" in text
    assert "每月能用于还款的金额为 1,500.00 元" in text


def test_a_claim_within_the_law_is_offered_and_the_higher_lawful_figure_never_stated(letters):
    """The bank asks 61,604.65; the law would allow 66,593.30: the letter offers what is asked."""
    text = letters["协商还款函-02-某某快贷.docx"]
    assert "贵方要求本人偿还的 61,604.65 元（截至 2026年10月20日）未超过法律允许的数额" in text
    assert "66,593.30" not in text and "不予认可" not in text.split("本函只表示")[0]
    assert "按月分期偿还上述 61,604.65 元" in text


def test_upfront_deduction_named_in_the_private_loans_letter(letters):
    text = letters["协商还款函-05-某某借条.docx"]
    assert "实际到手 45,000.00 元" in text
    assert "预先扣除（砍头息）：本金应按实际到手金额认定（依据：《中华人民共和国民法典》第670条" in text


def test_every_citation_in_the_letters_is_in_the_verified_index(letters):
    import re

    known = {c.cite for c in citations().values()}
    seen = 0
    for name, text in letters.items():
        for cite in re.findall(r"《[^》]+》第\d+条|中国人民银行公告〔\d+〕第\d+号|《[^》]+》（[^）]+）", text):
            assert any(k.startswith(cite) or cite.startswith(k) for k in known), (name, cite)
            seen += 1
    assert seen >= 20  # the letters do cite: this test looks at real citations
    assert "《中华人民共和国民法典》第1033条、《中华人民共和国个人信息保护法》第13条" in letters["协商还款函-04-某某借钱.docx"]


def test_one_payment_without_a_monthly_capacity(tmp_path):
    data = example_data()
    del data["person"]["monthly"]
    p = write_debts(tmp_path, data)
    assert run("debts", p, "--out", tmp_path / "out", "--letters", "--today", TODAY).exit_code == 0
    text = visible_text((tmp_path / "out" / "协商还款函-04-某某借钱.docx").read_bytes())
    assert "本人愿意一次性偿还上述 8,023.02 元" in text and "分期" not in text


def test_user_text_is_shown_verbatim_never_run_as_markup(tmp_path):
    data = example_data()
    data["debts"][3]["platform"] = "某{{ 1+1 }}<b>&借"
    data["person"]["name"] = "张{% if 1 %}三"
    p = write_debts(tmp_path, data)
    r = run("debts", p, "--out", tmp_path / "out", "--letters", "--today", TODAY)
    assert r.exit_code == 0, r.output
    [letter] = (tmp_path / "out").glob("协商还款函-04-*.docx")
    text = visible_text(letter.read_bytes())
    assert "通过“某{{ 1+1 }}<b>&借”借款" in text and "本人张{% if 1 %}三于" in text


def test_person_monthly_follows_the_money_rules(tmp_path):
    data = example_data()
    data["person"]["monthly"] = "1,500"
    p = tmp_path / "debts.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = run("debts", p, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and "person.monthly: 金额中的逗号" in r.stderr


def test_every_letter_opens_in_libreoffice_as_a4_with_its_text(tmp_path):
    """Real LibreOffice (no mock), through ``--pdf``: each letter, application and complaint converts,
    A4, at most three pages, the signature kept with the closing, its figures in the PDF's text."""
    import os
    import re

    from pypdf import PdfReader

    from respond.convert.libreoffice import soffice

    if soffice() is None:
        if os.environ.get("RESPOND_REQUIRE_LIBREOFFICE"):
            raise RuntimeError("RESPOND_REQUIRE_LIBREOFFICE is set but soffice is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    log = tmp_path / "log.csv"
    from respond.debts.evidence import LOG_HEADERS

    log.write_text(",".join(LOG_HEADERS) + "\n2026-11-03,21:40,某某借钱,95xxx,小王,电话,打给你单位,是,否,,\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    r = run("debts", EXAMPLE, "--out", out, "--letters", "--disputes", "--complaints", log, "--pdf", "--today", TODAY)
    assert r.exit_code == 0, r.output
    expected = {"协商还款函-03-某某分期.pdf": ("协商还款函", "16,925.71", "189.97"),
                "征信异议申请书-04-某某借钱.pdf": ("征信异议申请书", "9,412.56", "8,195.75"),
                "催收投诉书-04-某某借钱.pdf": ("投诉书", "打给你单位", "50.35%")}
    assert len(list(out.glob("*.pdf"))) == len(list(out.glob("*.docx"))) == 6
    for name, words in expected.items():
        reader = PdfReader(out / name)
        size = sorted((float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)))
        assert abs(size[0] - 595.3) < 1 and abs(size[1] - 841.9) < 1, name
        assert len(reader.pages) <= 3, name
        last = re.sub(r"\s+", "", reader.pages[-1].extract_text() or "")
        assert "签字" in last and last.index("签字") > 30, (name, last)  # never a signature alone on its page
        text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in reader.pages))
        for w in words:
            assert w in text, (name, w)
