"""遭遇催收怎么办.md and 催收记录表.csv (respond debts --collection): whom to complain to per loan
(from the lender registry), the grounds with verified citations and the unsettled part said so,
the log a spreadsheet opens, user text escaped."""

import csv
import io
import re

import pytest
from debts_support import EXAMPLE, TODAY, example_data, run, write_debts
from respond.checks.findings import citations


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("collection") / "out"
    r = run("debts", EXAMPLE, "--out", out, "--collection", "--today", TODAY)
    assert r.exit_code == 0, r.output
    return out


def test_whom_to_complain_to_for_each_loan(out):
    text = (out / "遭遇催收怎么办.md").read_text(encoding="utf-8")
    assert "| 某某快贷 | 某某银行股份有限公司上海分行 | 国家金融监督管理总局（或其在当地的派出机构） |" in text
    assert "| 某某分期 | 某某消费金融有限公司 | 国家金融监督管理总局（或其在当地的派出机构） |" in text
    assert "| 某某借钱 | 重庆某某网络小额贷款有限公司 | 放贷公司所在地的地方金融管理部门 |" in text
    assert "| 某某借条 | 李建国 | 没有金融管理部门管它：受到威胁、骚扰时向公安机关报警 |" in text


def test_the_grounds_cite_verified_text_and_say_what_is_unsettled(out):
    text = (out / "遭遇催收怎么办.md").read_text(encoding="utf-8")
    assert "立即拨打 110 报警" in text
    assert "（《中华人民共和国民法典》第1032条、第1033条）" in text
    assert "（《中华人民共和国个人信息保护法》第10条、第13条）" in text
    assert "（《中华人民共和国刑法》第293条之一）" in text and "目前没有统一的标准" in text
    verified = {c.cite for c in citations().values() if c.confidence == "原文-已核"}
    for law, articles in re.findall(r"（(《[^》]+》)((?:第\d+条(?:之一)?、?)+)）", text):
        for article in re.findall(r"第\d+条(?:之一)?", articles):
            assert law + article in verified, law + article


def test_the_log_opens_as_a_spreadsheet_with_its_columns(out):
    raw = (out / "催收记录表.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    [header] = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header[:3] == ["日期", "时间", "哪笔借款（平台名称，与债务清单一致）"] and "录音或截图的文件名" in header
    assert "是否联系了您的亲友、同事（是/否）" in header and "是否辱骂或威胁（是/否）" in header


def test_user_text_is_escaped_in_the_guide(tmp_path):
    data = example_data()
    data["debts"][1]["platform"] = "快|贷<script>"
    p = write_debts(tmp_path, data)
    assert run("debts", p, "--out", tmp_path / "out", "--collection", "--today", TODAY).exit_code == 0
    text = (tmp_path / "out" / "遭遇催收怎么办.md").read_text(encoding="utf-8")
    assert r"快\|贷\<script\>" in text and "<script>" not in text
