"""respond replaces or removes only the files it recorded writing (``.respond-files.json`` in each
package folder), never a user's file, with ``--force`` or without; a report.json it did not write
grants nothing; half-written temporary files of an interrupted run are cleaned on the next.

Regression tests for the losses issue 16's campaign found: a batch without --force deleted a user's
证据目录.txt and changed the existing 答辩状.docx; draft --force deleted the files a foreign
report.json named."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factories import case_dict  # noqa: E402
from respond.cli.files import RECORD  # noqa: E402
from respond.cli.main import main  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = ["--today", "2026-11-21"]


def run(*args):
    return CliRunner().invoke(main, [*map(str, args), *TODAY])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def case(folder: Path, name: str, number: str, date: str = "2026-11-06") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    data = case_dict(service={"method": "direct", "date": date}, court={"case_number": number})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.utime(path, (1_700_000_000,) * 2)
    return path


def rows(out: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO((out / "summary.csv").read_bytes().decode("utf-8-sig"))))


def test_a_batch_never_touches_a_package_folder_respond_did_not_write(tmp_path):
    cases, out = tmp_path / "cases", tmp_path / "out"
    case(cases, "a.json", "A1")
    case(cases, "b.json", "B1")
    assert run("batch", cases, "--out", out, "--jobs", "1").exit_code == 0
    # the user's own package in A1 (say, from a colleague's copy without respond's record) and their list
    (out / "A1" / RECORD).unlink()
    (out / "A1" / "答辩状.docx").write_bytes(b"the user's own answer")
    (out / "A1" / "证据目录.txt").write_text("1. 借条", encoding="utf-8")
    case(cases, "a.json", "A1", date="2026-11-07")  # changed: A1 must be redrafted
    os.utime(cases / "a.json", None)
    before = snapshot(out / "A1")
    for force in ([], ["--force"]):
        r = run("batch", cases, "--out", out, "--jobs", "1", *force)
        assert r.exit_code == 2, r.output
        assert snapshot(out / "A1") == before  # nothing replaced, nothing removed, --force or not
        by_file = {Path(row[0]).name: row for row in rows(out)[1:]}  # the first column: the case file
        assert "不是 respond 生成的" in by_file["a.json"][-2] and "答辩状.docx" in by_file["a.json"][-2]
        assert by_file["b.json"][-3] in ("skipped", "drafted")  # the other case goes on


def test_a_batch_redraft_replaces_its_own_unchanged_files_but_not_edited_ones_without_force(tmp_path):
    cases, out = tmp_path / "cases", tmp_path / "out"
    path = case(cases, "a.json", "A1")
    assert run("batch", cases, "--out", out, "--jobs", "1").exit_code == 0
    first = (out / "A1" / "report.json").read_bytes()
    case(cases, "a.json", "A1", date="2026-11-07")
    os.utime(path, None)
    assert run("batch", cases, "--out", out, "--jobs", "1").exit_code == 0  # respond's own, unchanged: redrafted
    assert (out / "A1" / "report.json").read_bytes() != first
    # the user edits the drafted answer in Word; the case changes again
    (out / "A1" / "答辩状.docx").write_bytes(b"edited by the user")
    case(cases, "a.json", "A1", date="2026-11-08")
    os.utime(path, None)
    r = run("batch", cases, "--out", out, "--jobs", "1")
    assert r.exit_code == 2
    assert (out / "A1" / "答辩状.docx").read_bytes() == b"edited by the user"
    assert any("已被改动过" in "".join(row) for row in rows(out)[1:])
    assert run("batch", cases, "--out", out, "--jobs", "1", "--force").exit_code == 0  # asked for: replaced
    assert (out / "A1" / "答辩状.docx").read_bytes().startswith(b"PK")


def test_draft_force_ignores_a_report_json_it_did_not_write(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "笔记.txt").write_text("我的笔记", encoding="utf-8")
    (out / "case.json").write_text("{}", encoding="utf-8")
    (out / "report.json").write_text(json.dumps({"documents": ["笔记.txt", "case.json"]}), encoding="utf-8")
    before = snapshot(out)
    r = run("draft", "--case", EXAMPLES / "bank-within-cap.json", "--out", out, "--force")
    assert r.exit_code == 2 and "不是 respond 生成的" in r.stderr and "report.json" in r.stderr
    assert snapshot(out) == before


def test_draft_force_replaces_its_own_package_and_keeps_the_users_files(tmp_path):
    out = tmp_path / "out"
    assert run("draft", "--case", EXAMPLES / "microloan-fees.json", "--out", out).exit_code == 0
    (out / "笔记.txt").write_text("我的笔记", encoding="utf-8")
    r = run("draft", "--case", EXAMPLES / "bank-within-cap.json", "--out", out, "--force")
    assert r.exit_code == 0, r.output
    assert (out / "笔记.txt").read_text(encoding="utf-8") == "我的笔记"
    record = json.loads((out / RECORD).read_text(encoding="utf-8"))["files"]
    on_disk = {p.name for p in out.iterdir()} - {RECORD, "笔记.txt"}
    assert set(record) == on_disk  # the record lists exactly respond's files, each with one digest
    assert all(len(d) == 1 for d in record.values())


def test_leftovers_of_an_interrupted_write_are_removed_on_the_next_run(tmp_path):
    out = tmp_path / "out"
    assert run("draft", "--case", EXAMPLES / "bank-within-cap.json", "--out", out).exit_code == 0
    for name in (".答辩状.docx.k3j_9x0a.tmp", ".report.json.abcdefgh.tmp"):
        (out / name).write_bytes(b"half")
    (out / ".我的.tmp").write_bytes(b"the user's")  # not respond's pattern: kept
    assert run("draft", "--case", EXAMPLES / "bank-within-cap.json", "--out", out, "--force").exit_code == 0
    names = {p.name for p in out.iterdir()}
    assert not any(n.endswith(".tmp") and n != ".我的.tmp" for n in names)
    assert ".我的.tmp" in names
