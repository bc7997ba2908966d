"""respond draft: the package, checked by its visible text; CLI behaviour via CliRunner."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from docx_text import row_text, visible_text
from factories import case_dict
from respond.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = ["--today", "2026-11-21"]


def draft(tmp_path, case_path, *extra):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(case_path), "--out", str(out), *TODAY, *extra])
    return r, out


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    results = {}
    for example in sorted(EXAMPLES.glob("*.json")):
        tmp = tmp_path_factory.mktemp(example.stem)
        r, out = draft(tmp, example)
        assert r.exit_code == 0, r.output + r.stderr
        results[example.stem] = out
    return results


def test_every_output_opens(drafted):
    import docx

    for out in drafted.values():
        for f in out.glob("*.docx"):
            docx.Document(str(f))  # raises on a broken file
        assert json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"][0] == "答辩状.docx"


def test_every_claimed_amount_is_stated_in_the_answer(drafted):
    """The answer states the plaintiff's claims: every amount of case.claims is visible in 答辩状.docx."""
    from decimal import Decimal

    from respond.checks.formats import money_text

    for example in sorted(EXAMPLES.glob("*.json")):
        claims = json.loads(example.read_text(encoding="utf-8"))["claims"]
        text = visible_text((drafted[example.stem] / "答辩状.docx").read_bytes())
        for key in ("principal", "interest", "penalty", "fees", "legal_costs"):
            if claims.get(key) is not None:
                assert money_text(Decimal(claims[key])) in text, (example.stem, key)


def test_microloan_financial_form(drafted):
    """A microloan (local financial) is answered on the 金融借款 form; fees push the rate over 24%."""
    ans = (drafted["microloan-fees"] / "答辩状.docx").read_bytes()
    text = visible_text(ans)
    assert "（小额借款合同纠纷）" in text and "对利息（期内利息、复利、罚息）有无异议" in text  # the financial form, its 案由
    assert "（2026）渝0112民初40517号" in text and "重庆某某网络小额贷款有限公司" in text
    assert "对利息（期内利息、复利、罚息）有无异议" in text
    assert row_text(ans, "5.对借款利率").startswith("无☐ 有☑")
    assert "50.35%" in row_text(ans, "5.对借款利率")
    assert "8,023.02" in row_text(ans, "7.对标的总额") and "捌仟零贰拾叁元零贰分" in row_text(ans, "7.对标的总额")
    assert row_text(ans, "4.对担保权利").startswith("无☐ 有☐")  # nothing claimed: not ticked (the form allows 不填)
    assert "各地法院做法不一" in row_text(ans, "7.对标的总额")
    annex = visible_text((drafted["microloan-fees"] / "利息重算表.docx").read_bytes())
    assert "33.33" in annex and "5,287.58" in annex  # 10,000 × 24% × 5/360 to the 会员费 paid 03-20; the final balance


def test_private_form_with_upfront_deduction(drafted):
    ans = (drafted["private-upfront-deduction"] / "答辩状.docx").read_bytes()
    text = visible_text(ans)
    assert "（民间借贷纠纷）" in text and "对借款提供时间有无异议" in text and "对诉讼费负担有无异议" in text
    amount = row_text(ans, "3.对借款金额")
    assert amount.startswith("无☐ 有☑") and "45,000.00" in amount and "《中华人民共和国民法典》第670条" in amount
    assert "12.40%" in row_text(ans, "5.对借款利率")


def test_bank_within_cap_has_no_annex_and_no_rate_objection(drafted):
    out = drafted["bank-within-cap"]
    assert not (out / "利息重算表.docx").exists()
    ans = (out / "答辩状.docx").read_bytes()
    assert row_text(ans, "5.对借款利率").startswith("无☑ 有☐")
    assert "7.20%" in row_text(ans, "5.对借款利率")


def test_explanation_has_bold_deadline(drafted):
    md = (drafted["microloan-fees"] / "说明.md").read_text(encoding="utf-8")
    assert "**请在 2026年12月1日（含当天）之前" in md and "缺席判决" in md


def test_explanation_is_plain_words_and_report_keeps_field_names(drafted):
    """说明.md is for the borrower: no case-file field names; report.json keeps them for paralegals."""
    import re

    field = re.compile(r"\b(?:loan|claims|court|service|defendant|plaintiff|assignment)\.[a-z_]")
    kept = []
    for name, out in drafted.items():
        md = (out / "说明.md").read_text(encoding="utf-8")
        assert not field.search(md), (name, field.search(md))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        kept += [w for w in report["warnings"] if field.search(w)]
    assert kept  # e.g. 没有提供借款合同文本（loan.contract_text 或 loan.clauses）


def test_report_matches_check(drafted):
    report = json.loads((drafted["microloan-fees"] / "report.json").read_text(encoding="utf-8"))
    r = CliRunner().invoke(main, ["check", "--case", str(EXAMPLES / "microloan-fees.json"), "--format", "json", *TODAY])
    checked = json.loads(r.stdout)
    report.pop("documents")
    assert report == checked


def test_invalid_case_writes_nothing(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(case_dict(court={"name": ""}, loan={"principal": "x", "rate": {}})), encoding="utf-8")
    r, out = draft(tmp_path, p)
    assert r.exit_code == 2 and not out.exists()
    assert "court.name" in r.stderr and "loan.principal" in r.stderr and "loan.rate" in r.stderr
    assert "Traceback" not in r.stderr


def test_existing_output_needs_force(tmp_path):
    r, out = draft(tmp_path, EXAMPLES / "bank-within-cap.json")
    assert r.exit_code == 0
    (out / "答辩状.docx").write_bytes(b"my edits")
    r, _ = draft(tmp_path, EXAMPLES / "bank-within-cap.json")
    assert r.exit_code == 2 and "--force" in r.stderr
    assert (out / "答辩状.docx").read_bytes() == b"my edits"
    r, _ = draft(tmp_path, EXAMPLES / "bank-within-cap.json", "--force")
    assert r.exit_code == 0 and (out / "答辩状.docx").read_bytes() != b"my edits"


def test_same_input_same_visible_text(tmp_path):
    a, out_a = draft(tmp_path / "a", EXAMPLES / "microloan-fees.json")
    b, out_b = draft(tmp_path / "b", EXAMPLES / "microloan-fees.json")
    for name in ("答辩状.docx", "利息重算表.docx"):
        assert visible_text((out_a / name).read_bytes()) == visible_text((out_b / name).read_bytes())
    assert (out_a / "report.json").read_bytes() == (out_b / "report.json").read_bytes()


HOSTILE = 'A&B <x> "q" {{ x }} {% if 1 %}'


def test_control_characters_in_user_text_are_refused_naming_each_field(tmp_path):
    """Control characters and direction overrides could hide or reorder what the court reads: refused."""
    data = case_dict(court={"name": "某某法院\x01"}, defendant={"name": "张\u202e三", "address": "地址\x1b[2J"})
    p = tmp_path / "case.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r, out = draft(tmp_path, p)
    assert r.exit_code == 2 and not out.exists()
    for field in ("court.name", "defendant.name", "defendant.address"):
        assert f"{field}: 含有看不见的控制字符" in r.stderr


def test_user_text_escaped_through_every_template(tmp_path):
    """& < > " and template syntax survive as text, in every document."""
    data = case_dict(
        court={"name": "某某法院" + HOSTILE, "case_number": "（2026）" + HOSTILE},
        plaintiff={"name": "深圳" + HOSTILE + "网络科技有限公司"},
        defendant={"name": "张" + HOSTILE, "address": "地址" + HOSTILE, "phone": HOSTILE, "gender": HOSTILE,
                   "ethnicity": HOSTILE, "residence": HOSTILE},
        loan={"rate": {"annual": 0.4}, "contract_number": HOSTILE,
              "upfront_deductions": [{"name": "服务费" + HOSTILE, "amount": "100"}],
              "fees": [{"name": "费" + HOSTILE, "amount": "10", "per_installment": True}],
              "payments": [{"date": "2024-04-15", "amount": "100.00"}]})
    p = tmp_path / "case.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r, out = draft(tmp_path, p)
    assert r.exit_code == 0, r.stderr
    for name in ("答辩状.docx", "利息重算表.docx"):
        text = visible_text((out / name).read_bytes())
        assert 'A&B <x> "q" {{ x }} {% if 1 %}' in text
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["case"]["court"].startswith('某某法院A&B <x> "q"')
    md = (out / "说明.md").read_text(encoding="utf-8")
    # user text is never backslash-escaped (escapes show in a plain-text viewer): markup goes in code spans
    assert 'A&B `<x>` "q"' in md and "\\" not in md
