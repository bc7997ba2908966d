"""respond batch on a spreadsheet (issue 15 part 1): one row a case; every broken row rejected with
its row, column and reason while the others are drafted; the template from respond init --xlsx
reads back to the case it shows; CSV as Excel and WPS save it; an unchanged row is skipped."""

import csv
import io
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from respond.case.sheet import EXAMPLE_ROW, HEADERS, read_sheet, template_xlsx
from respond.cli.main import main

TODAY = "2026-11-20"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def row(**changes) -> list[str]:
    cells = {**EXAMPLE_ROW, **changes}
    return [cells.get(h, "") for h in HEADERS]


def xlsx(path, rows):
    wb = Workbook()
    wb.active.append(list(HEADERS))
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


# ten broken rows, each of a different kind, and the cell and words its rejection must name
BROKEN = [
    ({"法院": ""}, "B 列（法院）: 必填"),
    ({"送达日": "2026-02-30"}, "G 列（送达日）: 2026-02-30 不是存在的日期"),
    ({"借款金额": "1,000"}, "AA 列（借款金额）: 金额里不要用逗号"),
    ({"年利率": "18"}, "AC 列（年利率）: 18 看起来是百分数"),
    ({"送达方式": "短信"}, "F 列（送达方式）: 应为 直接送达 / 邮寄送达 / 电子送达 / 公告送达"),
    ({"还款记录": "4月15日还了978"}, "AI 列（还款记录）: “4月15日还了978” 应写成 日期:金额"),
    ({"实际到手": "12000"}, "AB 列（实际到手）: 不能多于借款金额"),
    ({"期数": "十二"}, "AE 列（期数）: 应为正整数"),
    ({"借款日": ""}, "Y 列（借款日）: 必填"),
    ({"送达日": "2026-10-01"}, "送达"),  # served before it was filed (2026-10-08): the case-file check
]


@pytest.fixture(scope="module")
def batch_of_200(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sheet")
    rows, broken_at = [], {}
    for i in range(200):
        if i % 20 == 7:
            changes, words = BROKEN[len(broken_at)]
            broken_at[i + 2] = words  # +1 for the header row, +1 for counting from 1
        else:
            changes = {}
        rows.append(row(案号=f"（2026）浙0106民初{20000 + i}号", **changes))
    sheet = xlsx(tmp / "案件.xlsx", rows)
    r = run("batch", sheet, "--out", tmp / "out", "--today", TODAY, "--jobs", "2")
    return tmp, r, broken_at


def test_190_packages_and_10_rows_with_their_cell_and_reason(batch_of_200):
    tmp, r, broken_at = batch_of_200
    assert r.exit_code == 2, r.output  # some cases rejected
    with open(tmp / "out" / "summary.csv", encoding="utf-8-sig") as fh:
        summary = list(csv.DictReader(fh))
    assert len(summary) == 200
    drafted = [s for s in summary if s["状态 (status)"] == "drafted"]
    rejected = {s["案件文件 (file)"]: s["错误 (error)"] for s in summary if s["状态 (status)"] == "rejected"}
    assert len(drafted) == 190 and len(rejected) == 10
    assert len(list((tmp / "out").glob("（2026）浙0106民初*号/答辩状.docx"))) == 190
    for n, words in broken_at.items():
        message = rejected[f"{tmp / '案件.xlsx'} 第 {n} 行"]
        assert f"第 {n} 行" in message and words in message, (n, message)


def test_an_unchanged_sheet_is_skipped_and_an_edited_row_redrafted(tmp_path):
    sheet = xlsx(tmp_path / "a.xlsx", [row(案号=f"（2026）浙0106民初{i}号") for i in (1, 2, 3)])
    assert run("batch", sheet, "--out", tmp_path / "out", "--today", TODAY).exit_code == 0
    again = run("batch", sheet, "--out", tmp_path / "out", "--today", TODAY)
    assert "已生成 0，已是最新（跳过）3" in again.output
    xlsx(sheet, [row(案号=f"（2026）浙0106民初{i}号", 诉请利息="1500.00" if i == 2 else "1530.20") for i in (1, 2, 3)])
    edited = run("batch", sheet, "--out", tmp_path / "out", "--today", TODAY)
    assert "已生成 1，已是最新（跳过）2" in edited.output


def test_the_template_reads_back_to_the_case_it_shows(tmp_path):
    (tmp_path / "t.xlsx").write_bytes(template_xlsx())
    [only] = read_sheet(tmp_path / "t.xlsx")
    assert only.row == 2 and not only.problems
    # the example row, as a case file written by hand from its cells
    assert only.case == {
        "version": 1, "case_cause": "金融借款合同纠纷",
        "court": {"case_number": "（2026）浙0106民初12345号", "name": "杭州市西湖区人民法院", "procedure": "simplified",
                  "filed_on": "2026-10-08"},
        "service": {"method": "electronic", "date": "2026-11-03"},
        "plaintiff": {"name": "重庆某某小额贷款有限公司"}, "defendant": {"name": "张三"},
        "claims": {"as_of": "2026-09-30", "principal": "9000.00", "interest": "1530.20", "penalty": "600.00"},
        "loan": {"product": "某某借钱", "contract_date": "2024-03-15", "principal": "10000.00",
                 "rate": {"annual": Decimal("0.18")}, "term_months": 12, "method": "equal_installment",
                 "upfront_deductions": [{"name": "放款时扣除", "amount": "500.00"}],
                 "payments": [{"date": "2024-04-15", "amount": "978.00"}, {"date": "2024-05-15", "amount": "978.00"}]},
    }


def test_the_template_has_notes_lists_and_text_cells():
    wb = load_workbook(io.BytesIO(template_xlsx()))
    ws = wb.active
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert "必填" in ws["G1"].comment.text and ws["B1"].font.b and not ws["A1"].font.b
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["F2:F1001"] == '"直接送达,邮寄送达,电子送达,公告送达"'
    assert ws["G2"].number_format == "@"  # a date typed stays text, never a serial number


def test_init_xlsx_writes_it_and_never_overwrites(tmp_path):
    assert run("init", "--xlsx", tmp_path / "c.xlsx").exit_code == 0
    assert (tmp_path / "c.xlsx").read_bytes()[:2] == b"PK"
    again = run("init", "--xlsx", tmp_path / "c.xlsx")
    assert again.exit_code == 2


@pytest.mark.parametrize("encoding, newline, bom", [("utf-8", "\r\n", True), ("utf-8", "\n", False),
                                                     ("utf-8", "\r\n", False)])
def test_csv_as_excel_and_wps_save_it(tmp_path, encoding, newline, bom):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(HEADERS)
    w.writerow(row())
    text = ("\ufeff" if bom else "") + buf.getvalue()
    (tmp_path / "a.csv").write_bytes(text.encode(encoding))
    [only] = read_sheet(tmp_path / "a.csv")
    assert not only.problems and only.case["court"]["name"] == "杭州市西湖区人民法院"


def test_a_csv_in_gbk_is_one_rejected_row_saying_how_to_save_it(tmp_path):
    buf = io.StringIO()
    csv.writer(buf).writerows([HEADERS, row()])
    (tmp_path / "a.csv").write_bytes(buf.getvalue().encode("gbk"))
    (tmp_path / "b.json").write_bytes(json.dumps({"version": 1}).encode())
    r = run("batch", tmp_path / "a.csv", "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert "不是 UTF-8 编码" in summary and "CSV UTF-8" in summary


def test_unknown_columns_and_missing_required_ones_are_named(tmp_path):
    (tmp_path / "a.csv").write_text("法院,被告,借钱金额\nx,y,1\n", encoding="utf-8")
    r = run("batch", tmp_path / "a.csv", "--out", tmp_path / "out", "--today", TODAY)
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert r.exit_code == 2 and "不认识的列 借钱金额" in summary


def test_a_contract_named_in_the_sheet_is_read_from_beside_it(tmp_path):
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "examples"
    (tmp_path / "合同.txt").write_bytes((examples / "microloan-fees-contract.txt").read_bytes())
    sheet = xlsx(tmp_path / "a.xlsx", [row(合同文件="合同.txt")])
    r = run("batch", sheet, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0, r.output
    report = json.loads(next((tmp_path / "out").glob("*/report.json")).read_text(encoding="utf-8"))
    codes = {f["code"] for f in report["findings"]}
    assert {"CLAUSE_JURISDICTION", "CLAUSE_CONTACTS_DATA"} <= codes  # the contract's clauses were read


def test_the_documented_columns_are_the_sheet_s_columns():
    from pathlib import Path

    from respond.case.cells import letter
    from respond.case.sheet import COLUMNS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "batch-sheet.md").read_text(encoding="utf-8")
    for i, c in enumerate(COLUMNS):
        assert f"| {letter(i)} | {c.header}{'（必填）' if c.required else ''} |" in doc, c.header


def test_an_id_number_typed_as_the_case_number_is_not_repeated(tmp_path):
    """Found by the campaign: the folder and summary.csv were named after it."""
    sheet = xlsx(tmp_path / "a.xlsx", [row(案号="11010519491231002X")])
    r = run("batch", sheet, "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0 and "11010519491231002X" not in r.output
    assert "11010519491231002X" not in (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert [p.name for p in (tmp_path / "out").iterdir() if p.is_dir() and not p.name.startswith(".")] == ["a-第2行"]


def test_files_from_a_list_or_standard_input(tmp_path):
    """--files-from: one path a line (the README's shards), a case file, a sheet, a path with a space."""
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "examples"
    (tmp_path / "有 空格.json").write_bytes((examples / "bank-within-cap.json").read_bytes())
    xlsx(tmp_path / "s.xlsx", [row()])
    listing = f"{tmp_path / '有 空格.json'}\r\n\n{tmp_path / 's.xlsx'}\n"
    (tmp_path / "list.txt").write_text(listing, encoding="utf-8")
    r = run("batch", "--files-from", tmp_path / "list.txt", "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 0 and "共 2 件：已生成 2" in r.output, r.output
    piped = CliRunner().invoke(main, ["batch", "--files-from", "-", "--out", str(tmp_path / "out2"), "--today", TODAY],
                               input=listing)
    assert piped.exit_code == 0 and "共 2 件：已生成 2" in piped.output, piped.output


@pytest.mark.parametrize("content, words", [(b"", "文件列表是空的"), (b"\xff\xfe", "不是 UTF-8"), (b"a\x00b", "NUL")])
def test_a_bad_file_list_is_refused(tmp_path, content, words):
    (tmp_path / "list.txt").write_bytes(content)
    r = run("batch", "--files-from", tmp_path / "list.txt", "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and words in r.stderr and not (tmp_path / "out").exists()


def test_no_inputs_at_all_is_refused(tmp_path):
    r = run("batch", "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and "--files-from" in r.stderr
