"""The debts spreadsheet form (CSV as Excel and WPS save it, and XLSX): read into the debts file,
written back, every problem with its row and column."""

import datetime as dt
import json
from pathlib import Path
from decimal import Decimal as D

import pytest
from click.testing import CliRunner

from respond.cli.main import main
from respond.debts.form import FormError, HEADERS, letter, read_form, rows_of, template, write_form

TODAY = "2026-11-20"
HEAD = ",".join(HEADERS)
# three loans as a borrower types them: a microloan with a cut and a fee, a private IOU, one sued
FORM = (
    "借款人,张三,每月能还（元）,\r\n" + HEAD + "\r\n"
    "某某借钱,重庆某某网络小额贷款有限公司,否,,2024-03-15,,10000.00,9500.00,18%,12,等额本息,150.00,,"
    "2024-04-15:1066.80；2024-05-15:1066.80,120,2026-09-30,8200.00,900.00,300.00,,\r\n"
    "某某借条,李建国,否,,2025-03-10,,50000,45000,24%,12,先息后本,,,2025-04-10:1000,200,2026-09-15,50000,7000,,,\r\n"
    "某某花,,是,case.json,,,,,,,,,,,300,,,,,,\r\n"
)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_form_reads_into_the_debts_file():
    data, rows = read_form(rows_of(FORM))
    assert data["person"] == {"name": "张三"} and rows == {0: 3, 1: 4, 2: 5}
    micro, iou, sued = data["debts"]
    assert micro["loan"]["principal"] == "10000.00" and micro["loan"]["rate"] == {"annual": D("0.18")}
    assert micro["loan"]["upfront_deductions"] == [{"name": "放款时扣除", "amount": "500.00"}]
    assert micro["loan"]["fees"] == [{"name": "每期费用", "amount": "150.00", "per_installment": True}]
    assert micro["loan"]["payments"] == [{"date": "2024-04-15", "amount": "1066.80"},
                                         {"date": "2024-05-15", "amount": "1066.80"}]
    assert micro["demanded"] == {"as_of": "2026-09-30", "principal": "8200.00", "interest": "900.00",
                                 "penalty": "300.00"}
    assert iou["loan"]["method"] == "interest_first" and iou["loan"]["rate"] == {"annual": D("0.24")}
    assert sued == {"platform": "某某花", "days_overdue": 300, "case_file": "case.json"}


def test_the_form_round_trips():
    data, _ = read_form(rows_of(FORM))
    text = write_form(data)
    assert text == "\ufeff" + FORM
    assert read_form(rows_of(text))[0] == data
    assert read_form(rows_of(template()))[0]["debts"][0]["platform"] == "某某借钱"


@pytest.mark.parametrize("variant", [
    lambda t: "\ufeff" + t,  # Excel's "CSV UTF-8" has a BOM
    lambda t: t.replace("\r\n", "\n"),  # WPS and LibreOffice on Linux: LF
    lambda t: t.replace("18%", "0.18").replace("24%", "0.24"),  # a fraction below 1 is one reading
    lambda t: t.replace("\r\n", ",,\r\n"),  # trailing empty columns
])
def test_csv_variants_as_spreadsheets_save_them_read_the_same(variant):
    assert read_form(rows_of(variant(FORM)))[0] == read_form(rows_of(FORM))[0]


def test_excel_column_letters():
    assert [letter(i) for i in (0, 6, 25, 26, 27)] == ["A", "G", "Z", "AA", "AB"]


def problems_of(text):
    with pytest.raises(FormError) as info:
        read_form(rows_of(text))
    return info.value.problems


def test_each_problem_with_its_row_and_column():
    bad = FORM.replace("10000.00,9500.00,18%", '"1,000",9500.00,18').replace("2025-04-10:1000", "4月10日还了1000")
    bad = bad.replace("某某花,,是,case.json", "某某花,,也许,")
    found = problems_of(bad)
    assert any(p.startswith("第 3 行 G 列（借款金额）: 金额里不要用逗号") for p in found), found
    assert any(p.startswith("第 3 行 I 列（年利率）: 18 看起来是百分数") for p in found), found
    assert any(p.startswith("第 4 行 N 列（还款记录）: “4月10日还了1000” 应写成 日期:金额") for p in found), found
    assert any(p.startswith("第 5 行 C 列（是否被起诉）: 应填 是 或 否") for p in found), found


def test_a_form_without_its_first_two_rows_is_refused():
    assert "第 1 行应为“借款人,姓名”" in problems_of(HEAD + "\r\n某某借钱\r\n")[0]
    assert "不认识的列 利息率" in " ".join(problems_of(FORM.replace("年利率", "利息率")))


def _files(tmp_path, text):
    (tmp_path / "case.json").write_bytes(
        (__import__("pathlib").Path(__file__).resolve().parents[2] / "examples" / "jurisdiction-objection.json").read_bytes())
    p = tmp_path / "债务清单.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_the_case_files_problems_are_placed_in_the_form(tmp_path):
    r = run("debts", _files(tmp_path, FORM.replace("2024-03-15", "2024-02-30")), "--out", tmp_path / "out",
            "--today", TODAY)
    assert r.exit_code == 2 and "第 3 行 E 列（借款日）: 2024年2月没有30日" in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


def test_the_form_gives_the_same_list_as_the_debts_file_it_reads_into(tmp_path):
    form = _files(tmp_path, FORM)
    assert run("debts", form, "--out", tmp_path / "a", "--today", TODAY).exit_code == 0
    data, _ = read_form(rows_of(FORM))
    (tmp_path / "d.json").write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    assert run("debts", tmp_path / "d.json", "--out", tmp_path / "b", "--today", TODAY).exit_code == 0
    rows = [json.loads((tmp_path / x / "debts.json").read_text(encoding="utf-8"))["rows"] for x in "ab"]
    assert rows[0] == rows[1] and len(rows[0]) == 3


def test_an_xlsx_form_with_date_and_number_cells_reads_like_the_csv(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows_of(FORM):
        ws.append(r)
    ws["E3"] = dt.datetime(2024, 3, 15)  # Excel turns a typed date into a date cell
    ws["G3"] = 10000.0  # and an amount into a number
    ws["I3"] = 0.18  # 18% formatted as a percentage is stored as 0.18
    ws["I3"].number_format = "0%"
    _files(tmp_path, FORM)
    wb.save(tmp_path / "债务清单.xlsx")
    assert run("debts", tmp_path / "债务清单.xlsx", "--out", tmp_path / "x", "--today", TODAY).exit_code == 0
    assert run("debts", tmp_path / "债务清单.csv", "--out", tmp_path / "c", "--today", TODAY).exit_code == 0
    rows = [json.loads((tmp_path / x / "debts.json").read_text(encoding="utf-8"))["rows"] for x in "xc"]
    assert rows[0] == rows[1]


def test_the_blank_form_command(tmp_path):
    r = run("debts", "--form", tmp_path / "f.csv")
    assert r.exit_code == 0 and (tmp_path / "f.csv").read_bytes().decode("utf-8-sig").startswith("借款人,张三,每月能还（元）,\r\n平台,")
    again = run("debts", "--form", tmp_path / "f.csv")
    assert again.exit_code == 2 and "--force" in again.stderr


def test_what_the_person_can_pay_a_month_in_row_one():
    """Row 1 C–D: 每月能还（元） and the amount, as person.monthly (the letters' instalments)."""
    data, _ = read_form(rows_of(FORM.replace("每月能还（元）,\r\n", "每月能还（元）,1500\r\n", 1)))
    assert data["person"] == {"name": "张三", "monthly": "1500"}
    assert write_form(data).startswith("\ufeff借款人,张三,每月能还（元）,1500\r\n")
    with pytest.raises(FormError) as err:
        read_form(rows_of(FORM.replace("每月能还（元）,\r\n", "每月能还（元）,\"1,500\"\r\n", 1)))
    assert any(p.startswith("第 1 行 D 列（每月能还（元））: 金额里不要用逗号") for p in err.value.problems)


def test_a_monthly_amount_of_zero_is_refused_at_its_cell(tmp_path):
    (tmp_path / "f.csv").write_text(FORM.replace("每月能还（元）,\r\n", "每月能还（元）,0\r\n", 1), encoding="utf-8")
    (tmp_path / "case.json").write_bytes((Path(__file__).resolve().parents[2] / "examples" / "jurisdiction-objection.json").read_bytes())
    r = run("debts", tmp_path / "f.csv", "--out", tmp_path / "out", "--today", TODAY)
    assert r.exit_code == 2 and "第 1 行 D 列（每月能还（元））: 应大于 0" in r.stderr, r.stderr
