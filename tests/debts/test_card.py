"""A bank credit-card debt (credit_card: true) in the negotiation letter: the individual instalment
arrangement asked for where the proposal is in instalments, its 5-year limit, the card rule on
third-party collection; refused for a lender that is not a bank. checks/card.py."""

import pytest
from debts_support import TODAY, example_data, run, write_debts
from docx_text import visible_text

from respond.checks import card

LETTER = "协商还款函-02-某某快贷.docx"  # the example's bank loan (某某银行股份有限公司上海分行)


def letters(tmp_path, data):
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--letters", "--today", TODAY)
    assert r.exit_code == 0, r.output
    return visible_text((tmp_path / "out" / LETTER).read_bytes())


def test_a_card_debt_in_instalments_asks_for_the_arrangement(tmp_path):
    """1,500 a month shared over the four offers (133,643.74): 某某快贷 1,500 × 61,604.65 / 133,643.74
    = 691.44; 61,604.65 / 691.44 = 89.1 → 90 instalments, beyond the 60 of five years."""
    data = example_data()
    data["debts"][1]["credit_card"] = True
    text = letters(tmp_path, data)
    assert "本笔为贵行信用卡欠款" in text
    assert "达成个性化分期还款协议（依据：《商业银行信用卡业务监督管理办法》第70条）" in text
    assert "每月 691.44 元，共 90 期" in text
    assert "需要 90 期，超过个性化分期还款协议最长5年的期限" in text
    assert "《商业银行信用卡业务监督管理办法》第68条" in text  # no collection from third parties


def test_not_a_card_no_card_words(tmp_path):
    text = letters(tmp_path, example_data())
    assert "信用卡" not in text


def test_a_card_paid_at_once_asks_for_no_arrangement(tmp_path):
    data = example_data()
    data["debts"][1]["credit_card"] = True
    del data["person"]["monthly"]  # no capacity given: one payment proposed
    text = letters(tmp_path, data)
    assert "个性化分期" not in text and "第68条" in text


def test_within_five_years_no_limit_sentence():
    assert card.arrangement(True, True, 60).within_limit and not card.arrangement(True, True, 61).within_limit
    assert card.arrangement(True, False, 1) is None and card.arrangement(False, True, 12) is None


@pytest.mark.parametrize("value, words", [(True, "信用卡只由银行发行"), ("是", "应为 true 或 false")])
def test_a_card_owed_to_a_lender_that_is_not_a_bank_is_refused(tmp_path, value, words):
    data = example_data()
    data["debts"][2]["credit_card"] = value  # 某某消费金融有限公司
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--letters", "--today", TODAY)
    assert r.exit_code == 2 and "debts[2].credit_card" in r.stderr and words in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


def test_the_form_s_card_column(tmp_path):
    from respond.debts.form import read_form, rows_of, write_form

    data = example_data()
    data["debts"][1]["credit_card"] = True
    text = write_form(data)
    assert text.splitlines()[1].endswith(",信用卡")
    back, _ = read_form(rows_of(text))
    assert back["debts"][1]["credit_card"] is True and "credit_card" not in back["debts"][2]
    rows = rows_of(text)
    rows[3][-1] = "也许"
    with pytest.raises(Exception) as err:
        read_form(rows)
    assert "第 4 行 U 列（信用卡）: 应填 是 或 否" in str(err.value)


def test_a_card_debt_now_owed_to_a_buyer_asks_no_arrangement_of_it(tmp_path):
    """第70条 binds the issuing bank: a letter to the company that bought the debt does not ask it."""
    data = example_data()
    debt = data["debts"][1]
    debt["credit_card"] = True
    debt["loan"]["lender"] = debt["creditor"]["name"]  # the bank lent; a company now holds the debt
    debt["creditor"] = {"name": "某某资产管理股份有限公司"}
    text = letters(tmp_path, data)
    assert "致：某某资产管理股份有限公司" in text and "个性化分期" not in text


def test_a_card_refused_in_the_form_names_its_cell(tmp_path):
    import csv
    import io

    from respond.debts.form import HEADERS, rows_of, template

    rows = rows_of(template())  # row 3: the form's example loan
    rows[2][HEADERS.index("放款机构")] = "某某消费金融有限公司"
    rows[2][HEADERS.index("信用卡")] = "是"
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    (tmp_path / "f.csv").write_text(buf.getvalue(), encoding="utf-8")
    r = run("debts", tmp_path / "f.csv", "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and "第 3 行 U 列（信用卡）（某某借钱）: 信用卡只由银行发行" in r.stderr, r.stderr
