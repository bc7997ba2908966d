"""Issue 9, bad input: an overdue rate written as a percentage, a penalty clause without a base,
dates out of order, an ambiguous rate — each named by its field, exit 2, nothing written."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from respond.cli.main import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bank-within-cap.json"


def _case(tmp_path: Path, change) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(data["loan"])
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, field, words", [
    (lambda loan: loan.update(overdue_rate={"annual": 18}), "loan.overdue_rate.annual", "百分数"),
    (lambda loan: loan.update(overdue_rate={"annual": 4.35}), "loan.overdue_rate", "无法确定含义"),
    (lambda loan: loan.update(rate={"monthly": 2}), "loan.rate", "无法确定含义"),
    (lambda loan: loan.update(penalty={"share": 0.05}), "loan.penalty", "计算基数"),
    (lambda loan: loan.update(penalty={"amount": "100", "share": 0.05}), "loan.penalty", "只能给出"),
    (lambda loan: loan.update(accelerated_on="2000-01-01"), "loan.accelerated_on", "不晚于放款日"),
])
def test_bad_engine_input_is_refused_by_field(tmp_path, change, field, words):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["draft", "--case", str(_case(tmp_path, change)), "--out", str(out),
                                  "--today", "2026-11-05"])
    assert r.exit_code == 2
    text = r.output
    assert field in text and words in text and "Traceback" not in text
    assert not out.exists() or not any(out.iterdir())
