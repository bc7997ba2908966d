"""respond batch --shard K/N and respond merge (issue 15 part 4): the shards of one batch cover
every case exactly once, name each folder as an unsharded run does, and merge into the unsharded
run's summary (its folder cells pointing at the shards)."""

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from respond.cli.main import main

TODAY = "2026-11-20"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def rows(folder: Path) -> list[dict[str, str]]:
    with open(folder / "summary.csv", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("shards")
    base = json.loads((EXAMPLES / "bank-within-cap.json").read_text(encoding="utf-8"))
    (tmp / "cases").mkdir()
    for i in range(12):
        case = json.loads(json.dumps(base))
        case["court"]["case_number"] = f"（2026）沪0115民初{300 + i % 10}号"  # two numbers twice: -2 folders
        case["service"]["date"] = f"2026-11-{1 + i:02d}"
        (tmp / "cases" / f"c{i:02d}.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    whole = run("batch", tmp / "cases", "--out", tmp / "whole", "--today", TODAY, "--jobs", "1")
    assert whole.exit_code == 0, whole.output
    for k in (1, 2, 3):
        r = run("batch", tmp / "cases", "--shard", f"{k}/3", "--out", tmp / f"s{k}", "--today", TODAY, "--jobs", "1")
        assert r.exit_code == 0, r.output
    return tmp


def test_the_shards_cover_every_case_once_with_the_unsharded_folder_names(cases):
    whole = {r["案件文件 (file)"]: r["输出文件夹 (folder)"] for r in rows(cases / "whole")}
    parts = [{r["案件文件 (file)"]: r["输出文件夹 (folder)"] for r in rows(cases / f"s{k}")} for k in (1, 2, 3)]
    assert sum(len(p) for p in parts) == 12 and all(parts)  # each shard has some, together all once
    merged: dict[str, str] = {}
    for p in parts:
        assert not set(p) & set(merged)
        merged.update(p)
    assert merged == whole
    assert any(f.endswith("-2") for f in whole.values())  # the -2 folders keep their names in a shard


def test_merge_gives_the_unsharded_summary_pointing_at_the_shards(cases):
    r = run("merge", cases / "s1", cases / "s2", cases / "s3", "--out", cases / "merged")
    assert r.exit_code == 0 and "共 12 个案件" in r.output, r.output
    merged, whole = rows(cases / "merged"), rows(cases / "whole")
    key = "输出文件夹 (folder)"
    assert [{k: v for k, v in m.items() if k != key} for m in merged] == [{k: v for k, v in w.items() if k != key}
                                                                          for w in whole]
    for m in merged:
        assert (cases / "merged" / m[key] / "答辩状.docx").is_file()


def test_a_shard_given_twice_is_refused_and_nothing_written(cases):
    r = run("merge", cases / "s1", cases / "s1", "--out", cases / "twice")
    assert r.exit_code == 2 and "同一个案件出现在不止一份结果里" in r.stderr
    assert not (cases / "twice" / "summary.csv").exists()


def test_a_folder_without_respond_s_summary_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "summary.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    r = run("merge", tmp_path / "x", "--out", tmp_path / "m")
    assert r.exit_code == 2 and "表头" in r.stderr


@pytest.mark.parametrize("value", ["0/3", "4/3", "a/b", "1/0", "3"])
def test_a_bad_shard_is_refused(tmp_path, value):
    r = run("batch", EXAMPLES / "bank-within-cap.json", "--shard", value, "--out", tmp_path / "o", "--today", TODAY)
    assert r.exit_code == 2 and "--shard 应写成 K/N" in r.stderr and not (tmp_path / "o").exists()


def test_a_summary_past_excel_s_row_limit_is_warned(tmp_path, monkeypatch):
    from respond.cli import batch

    monkeypatch.setattr(batch, "EXCEL_ROWS", 2)  # the header and one case fit; two cases do not
    r = run("batch", EXAMPLES / "bank-within-cap.json", EXAMPLES / "microloan-fees.json", "--out", tmp_path / "o",
            "--today", TODAY)
    assert "超过 Excel 一张表最多 2 行" in r.stderr
    r = run("batch", EXAMPLES / "bank-within-cap.json", "--out", tmp_path / "p", "--today", TODAY)
    assert "超过 Excel" not in r.stderr
