"""催收投诉书 (respond debts --complaints LOG): one per loan whose log rows mark contact with third
parties or insults and threats, to the lender's supervisor from the registry; the facts are the
person's rows, verbatim; the grounds only those the rows mark; no letter where no authority
supervises the lender or no ground is marked; every problem of the log with its row and column."""

import csv
import io

import pytest
from debts_support import EXAMPLE, TODAY, example_data, run, write_debts
from docx_text import visible_text

from respond.debts.evidence import LOG_HEADERS

MICRO, FINANCE, PRIVATE = "某某借钱", "某某分期", "某某借条"


def log(tmp_path, rows, name="log.csv"):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(LOG_HEADERS)
    for r in rows:
        w.writerow(r + [""] * (len(LOG_HEADERS) - len(r)))
    p = tmp_path / name
    p.write_text("\ufeff" + buf.getvalue(), encoding="utf-8")
    return p


ROWS = [
    ["2026-11-03", "21:40", MICRO, "95xxx", "某某资产小王", "电话", "再不还钱就打给你单位领导", "是", "是", "录音-1103.m4a"],
    ["2026-11-04", "09:10", MICRO, "95xxx", "小王", "短信", "已通知你的紧急联系人", "是", "否", "截图-1104.png"],
    ["2026-11-05", "10:00", FINANCE, "400xxx", "客服", "电话", "请尽快还款", "否", "否"],
    ["2026-11-06", "", PRIVATE, "", "李建国", "微信", "骂人", "否", "是"],
]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("complaints")
    r = run("debts", EXAMPLE, "--out", tmp / "out", "--complaints", log(tmp, ROWS), "--today", TODAY)
    assert r.exit_code == 0, r.output
    return tmp / "out", r.output


def test_one_complaint_for_the_loan_whose_rows_show_a_ground(made):
    out, said = made
    assert sorted(p.name for p in out.glob("催收投诉书-*")) == ["催收投诉书-04-某某借钱.docx"]
    assert f"{FINANCE}：记录中没有标明联系亲友同事或辱骂威胁，没有写投诉书" in said
    assert f"{PRIVATE}：放款人没有金融管理部门监管，没有写投诉书；受到威胁、骚扰时请向公安机关报警" in said


def test_to_the_supervisor_with_the_person_s_rows_and_their_grounds(made):
    out, _ = made
    text = visible_text((out / "催收投诉书-04-某某借钱.docx").read_bytes())
    assert "致：放贷公司所在地的地方金融管理部门" in text  # a microloan company: the registry's licensed_by
    assert "被投诉机构：重庆某某网络小额贷款有限公司（借款平台“某某借钱”）" in text
    assert "以下是本人记录的 2 次催收" in text
    assert ("2026年11月3日 21:40，号码 95xxx（自称某某资产小王）以电话方式联系本人，并联系了本人的亲友、同事，有辱骂或威胁，"
            "对方说：“再不还钱就打给你单位领导”（证据：录音-1103.m4a）。") in text
    assert "为催收联系了本人的亲友、同事等第三人（见第 2、3 行记录）" in text
    assert "（依据：《中华人民共和国个人信息保护法》第13条、第14条、《中华人民共和国民法典》第1033条）" in text
    assert "欠款的情况" not in text and "读取通讯录" not in text  # facts the log does not give
    assert "辱骂或威胁本人（见第 2 行记录）" in text
    assert "综合年化利率为 50.35%，超过 24.00% 的上限" in text
    assert "录音、截图：录音-1103.m4a；截图-1104.png" in text
    assert "刑法" not in text and "自律公约" not in text  # neither is a ground of this complaint
    assert "投诉人（签字）：" in text


def test_only_the_marked_ground(tmp_path):
    rows = [["2026-11-04", "09:10", MICRO, "95xxx", "小王", "", "已通知你的紧急联系人", "是", "否"]]
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", log(tmp_path, rows), "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / "催收投诉书-04-某某借钱.docx").read_bytes())
    assert "联系了本人的亲友、同事等第三人" in text and "辱骂或威胁本人" not in text and "证据" not in text
    assert "09:10，号码 95xxx（自称小王）联系本人" in text  # no channel given, none said


def test_a_bank_card_adds_the_card_rule_and_the_bank_s_supervisor(tmp_path):
    data = example_data()
    data["debts"][1]["credit_card"] = True
    rows = [["2026-11-04", "", "某某快贷", "", "", "电话", "", "是", "否"]]
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--complaints", log(tmp_path, rows),
            "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / "催收投诉书-02-某某快贷.docx").read_bytes())
    assert "致：国家金融监督管理总局（或其在当地的派出机构）" in text
    assert "《商业银行信用卡业务监督管理办法》第68条" in text
    assert "对方（" not in text and "2026年11月4日，对方以电话方式联系本人" in text


def test_user_text_verbatim_never_markup(tmp_path):
    said = "甲&<>\"'{{ 1+1 }}{% if 1 %}乙{% endif %}"
    rows = [["2026-11-04", "", MICRO, "", said, "电话", said, "是", "否", said]]
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", log(tmp_path, rows), "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / "催收投诉书-04-某某借钱.docx").read_bytes())
    assert text.count(said) == 4  # caller, what was said, the evidence, the attachment


@pytest.mark.parametrize("row, where", [
    (["2026/11/04", "", MICRO], "第 2 行 A 列（日期）: 应写成 YYYY-MM-DD"),
    (["2026-02-30", "", MICRO], "第 2 行 A 列（日期）: 2026-02-30 不是存在的日期"),
    (["2026-12-01", "", MICRO], "第 2 行 A 列（日期）: 2026-12-01 在今天之后"),
    (["2026-11-04", "25:00", MICRO], "第 2 行 B 列（时间）: 应写成 时:分"),
    (["2026-11-04", "", "别的平台"], "第 2 行 C 列（哪笔借款）: 债务清单里没有这个平台"),
    (["2026-11-04", "", ""], "第 2 行 C 列（哪笔借款）: 必填"),
    (["2026-11-04", "", MICRO, "", "", "", "", "也许"], "第 2 行 H 列（是否联系了您的亲友、同事）: 应填 是 或 否"),
    (["2026-11-04", "", MICRO, "", "", "", "x" * 501], "第 2 行 G 列（对方说了什么）: 过长"),
    (["2026-11-04", "", MICRO, "", "", "", "\u202e倒"], "第 2 行 G 列（对方说了什么）: 含有看不见的控制字符"),
])
def test_every_problem_with_its_row_and_column_nothing_written(tmp_path, row, where):
    p = log(tmp_path, [["2026-11-03", "", MICRO, "", "", "电话", "", "是", "否"], row])
    where = where.replace("第 2 行", "第 3 行")
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", p, "--today", TODAY)
    assert r.exit_code == 2 and where in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


def test_an_empty_log_or_another_file_is_refused(tmp_path):
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", log(tmp_path, []), "--today", TODAY)
    assert r.exit_code == 2 and "还没有记录" in r.stderr
    other = tmp_path / "x.csv"
    other.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", other, "--today", TODAY)
    assert r.exit_code == 2 and "第 1 行应为催收记录表的表头" in r.stderr


def test_the_log_as_an_xlsx(tmp_path):
    from openpyxl import Workbook

    import datetime as dt

    wb = Workbook()
    wb.active.append(list(LOG_HEADERS))
    wb.active.append([dt.date(2026, 11, 4), dt.time(9, 10)] + ROWS[1][2:])  # date and time cells, as Excel types them
    wb.save(tmp_path / "log.xlsx")
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", tmp_path / "log.xlsx", "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / "催收投诉书-04-某某借钱.docx").read_bytes())
    assert "2026年11月4日 09:10，号码 95xxx（自称小王）以短信方式联系本人" in text


def test_the_same_platform_twice_cannot_be_told_apart(tmp_path):
    data = example_data()
    data["debts"][2]["platform"] = MICRO
    rows = [["2026-11-04", "", MICRO, "", "", "电话", "", "是", "否"]]
    r = run("debts", write_debts(tmp_path, data), "--out", tmp_path / "out", "--complaints", log(tmp_path, rows),
            "--today", TODAY)
    assert r.exit_code == 2 and "用同一个平台名称" in r.stderr


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_read(tmp_path):
    import zipfile

    bomb = tmp_path / "log.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<" * (60 * 2**20))  # 60 MB unpacked, ~60 KB packed
    assert bomb.stat().st_size < 1 << 20
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", bomb, "--today", TODAY)
    assert r.exit_code == 2 and "解压后过大" in r.stderr, r.stderr


def test_rows_keep_their_number_and_columns_their_letter_as_in_the_file(tmp_path):
    """A blank row 3 does not renumber row 4; a log whose columns were moved names the moved letter."""
    headers = list(LOG_HEADERS)
    headers.append(headers.pop(headers.index("是否辱骂或威胁（是/否）")))  # moved to the last column, K
    good = dict(zip(LOG_HEADERS, ["2026-11-03", "", MICRO, "", "", "电话", "", "是", "否", "", ""]))
    bad = {**good, "是否辱骂或威胁（是/否）": "也许"}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(headers)
    w.writerow([good[h] for h in headers])
    w.writerow([""] * len(headers))
    w.writerow([bad[h] for h in headers])
    (tmp_path / "log.csv").write_text(buf.getvalue(), encoding="utf-8")
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", tmp_path / "log.csv", "--today", TODAY)
    assert r.exit_code == 2 and "第 4 行 K 列（是否辱骂或威胁）: 应填 是 或 否" in r.stderr, r.stderr


def test_the_row_numbers_in_the_complaint_are_the_file_s(tmp_path):
    rows = [["2026-11-03", "", MICRO, "", "", "电话", "", "否", "否"], [""] * 3,
            ["2026-11-04", "", MICRO, "", "", "电话", "", "是", "否"]]
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", log(tmp_path, rows), "--today", TODAY)
    assert r.exit_code == 0, r.output
    text = visible_text((tmp_path / "out" / "催收投诉书-04-某某借钱.docx").read_bytes())
    assert "（见第 4 行记录）" in text


def test_the_log_of_the_old_layout_is_refused_with_how_to_move_it(tmp_path):
    old = tmp_path / "old.csv"
    old.write_text("日期,时间,对方号码,对方自称（姓名、机构）\n2026-11-03,21:40,95xxx,小王\n", encoding="utf-8")
    r = run("debts", EXAMPLE, "--out", tmp_path / "out", "--complaints", old, "--today", TODAY)
    assert r.exit_code == 2 and "这是旧版的记录表" in r.stderr
