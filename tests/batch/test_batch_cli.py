"""respond batch as a paralegal meets it: a folder of cases in, a folder per case and one summary out."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import DELETE, case_dict, merge
from respond.cli.batch import HEADER, KEYS, MANIFEST
from respond.cli.files import RECORD
from respond.cli.main import main

TODAY = ["--today", "2026-11-21"]
BOM = b"\xef\xbb\xbf"
ID_NUMBER = "11010519900307123X"
PHONE = "13812345678"
ADDRESS = "浙江省杭州市西湖区某某路1号"


def write_case(folder: Path, name: str, data, mtime: float | None = 1_700_000_000) -> Path:
    """A case file; its mtime is set well in the past so that outputs are clearly newer."""
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    p.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(p, (mtime, mtime))
    return p


def batch(*args, jobs="1"):
    r = CliRunner().invoke(main, ["batch", *map(str, args), "--jobs", jobs, *TODAY])
    return r


def read_summary(out: Path) -> list[dict]:
    raw = (out / "summary.csv").read_bytes()
    assert raw.startswith(BOM)
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    header = next(reader)
    assert tuple(header) == HEADER
    return [dict(zip(KEYS, row)) for row in reader]


def served(date: str, number: str, **over):
    return merge(case_dict(service={"method": "direct", "date": date}, court={"case_number": number}), over)


@pytest.fixture
def mixed(tmp_path):
    """Three good cases (due on different days) and three bad ones."""
    cases = tmp_path / "cases"
    write_case(cases, "c-late.json", served("2026-11-16", "（2026）浙0106民初3号"))
    write_case(cases, "a-soon.json", served("2026-11-06", "（2026）浙0106民初1号"))
    write_case(cases, "b-mid.json", served("2026-11-11", "（2026）浙0106民初2号",
                                             defendant={"id_number": ID_NUMBER, "phone": PHONE}))
    write_case(cases, "z-broken.json", "{not json")
    write_case(cases, "m-fields.json", case_dict(court={"name": "", "case_number": "（2026）浙0106民初9号"},
                                                 service={"method": "fax"}, loan={"principal": "1.234"}))
    # a personal value typed into a money field: the message would echo it
    write_case(cases, "n-personal.json", case_dict(defendant={"id_number": ID_NUMBER, "phone": PHONE},
                                                   claims={"interest": ADDRESS, "penalty": ID_NUMBER}))
    return cases


def test_good_and_bad_cases(mixed, tmp_path):
    out = tmp_path / "out"
    r = batch(mixed, "--out", out)
    assert r.exit_code == 2, r.output + r.stderr
    rows = read_summary(out)
    assert [row["file"].rsplit("/", 1)[-1].rsplit("\\", 1)[-1] for row in rows] == [
        "a-soon.json", "b-mid.json", "c-late.json", "m-fields.json", "n-personal.json", "z-broken.json"]
    good, bad = rows[:3], rows[3:]
    assert [row["status"] for row in good] == ["drafted"] * 3
    for row in good:
        folder = out / row["folder"]
        assert row["folder"] == row["case_number"]
        assert {"答辩状.docx", "report.json", "说明.md"} <= {p.name for p in folder.iterdir()}
        report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        assert report["deadline"]["answer_due"] == row["answer_due"]
        assert row["days_left"] == str(report["deadline"]["days_left"])
        assert row["findings"].split()[0] == "DEADLINE" and row["error"] == ""
        assert row["regime"] == "financial" and row["calendar_verified"] == "是"
        assert row["defendant"] == "张三" and row["court"] == "浙江省杭州市西湖区人民法院"
    assert [row["status"] for row in bad] == ["rejected"] * 3
    fields, personal, broken = bad
    assert "court.name" in fields["error"] and "service.method" in fields["error"] and "loan.principal" in fields["error"]
    assert fields["case_number"] == "（2026）浙0106民初9号" and fields["folder"] == "" and fields["answer_due"] == ""
    assert "claims.interest" in personal["error"] and "claims.penalty" in personal["error"]
    assert "JSON" in broken["error"] and "第 1 行" in broken["error"]
    text = (out / "summary.csv").read_text(encoding="utf-8-sig")
    for secret in (ID_NUMBER, PHONE, ADDRESS, "1101051990"):
        assert secret not in text and secret not in r.output
    # nothing was written for a rejected case
    assert sorted(p.name for p in out.iterdir()) == sorted([row["folder"] for row in good] + ["summary.csv", MANIFEST, RECORD])
    # the console: the most urgent first, and which files were not drafted
    assert r.stdout.index("民初1号") < r.stdout.index("民初2号") < r.stdout.index("民初3号")
    assert "被拒绝 3" in r.stdout and "z-broken.json" in r.stdout
    assert "起草中" not in r.output  # no progress bar when not on a terminal


def test_all_good_exit_0_and_figures(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "one.json", served("2026-11-16", "（2026）浙0106民初3号",
                                         plaintiff={"name": "重庆某某网络小额贷款有限公司"},
                                         loan={"rate": {"annual": 0.3}}))
    out = tmp_path / "out"
    r = batch(cases, "--out", out)
    assert r.exit_code == 0, r.output
    (row,) = read_summary(out)
    report = json.loads((out / row["folder"] / "report.json").read_text(encoding="utf-8"))
    assert row["regime"] == report["lender"]["regime"] == "local_financial"
    assert row["exceeds_cap"] == "是" and row["cap"] == "24.0000%"
    assert row["apr"] == f"{report['rate']['apr'] * 100:.4f}%"
    assert row["claimed_total"] == f"{report['amounts']['claimed_total']:.2f}"
    assert row["lawful_total"] == f"{report['amounts']['lawful_total']:.2f}"
    assert row["excess"] == f"{report['amounts']['excess']:.2f}"
    assert row["findings"] == " ".join(f["code"] for f in report["findings"])


def test_summary_sorted_soonest_first_rejected_last_by_file(tmp_path):
    cases = tmp_path / "cases"
    dates = {"f1.json": "2026-11-19", "f2.json": "2026-11-02", "f3.json": "2026-11-12", "f4.json": "2026-11-02"}
    for name, date in dates.items():
        write_case(cases, name, served(date, f"（2026）浙0106民初{name[1]}号"))
    write_case(cases, "e-bad.json", case_dict(version=2))
    write_case(cases, "a-bad.json", "[]")
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 2
    rows = read_summary(out)
    names = [Path(row["file"]).name for row in rows]
    assert names == ["f2.json", "f4.json", "f3.json", "f1.json", "a-bad.json", "e-bad.json"]
    due = [row["answer_due"] for row in rows[:4]]
    assert due == sorted(due)
    assert [int(row["days_left"]) for row in rows[:4]] == sorted(int(row["days_left"]) for row in rows[:4])


def test_rerun_skips_then_touch_and_force_redraft(tmp_path):
    cases = tmp_path / "cases"
    a = write_case(cases, "a.json", served("2026-11-06", "A1"))
    write_case(cases, "b.json", served("2026-11-11", "B1"))
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    first = read_summary(out)

    r = batch(cases, "--out", out)
    assert r.exit_code == 0
    second = read_summary(out)
    assert [row["status"] for row in second] == ["skipped", "skipped"]
    # figures read back from report.json: the rows are the same but for the status
    assert [{**row, "status": ""} for row in second] == [{**row, "status": ""} for row in first]
    assert "跳过）2" in r.stdout

    later = (out / "A1" / "report.json").stat().st_mtime + 5
    os.utime(a, (later, later))  # the user edited a.json after the draft
    assert batch(cases, "--out", out).exit_code == 0
    assert [row["status"] for row in read_summary(out)] == ["drafted", "skipped"]
    assert (out / "A1" / "report.json").stat().st_mtime > later - 5

    assert batch(cases, "--out", out, "--force").exit_code == 0
    assert [row["status"] for row in read_summary(out)] == ["drafted", "drafted"]


def test_another_today_redrafts(tmp_path):
    """--today shapes the package (days left, DEADLINE_PASSED, interest to today): a package drafted
    on another day is out of date, however new its files are."""
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A1"))
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    (before,) = read_summary(out)
    assert "DEADLINE_PASSED" not in before["findings"]
    r = CliRunner().invoke(main, ["batch", str(cases), "--out", str(out), "--jobs", "1", "--today", "2026-12-25"])
    (after,) = read_summary(out)
    assert after["status"] == "drafted", r.output
    assert int(after["days_left"]) == int(before["days_left"]) - 34
    assert "DEADLINE_PASSED" in after["findings"]
    report = json.loads((out / "A1" / "report.json").read_text(encoding="utf-8"))
    assert report["deadline"]["today"] == "2026-12-25"


def test_changed_content_with_an_old_timestamp_redrafts(tmp_path):
    """A corrected file unpacked with its old mtime is still a new input."""
    cases = tmp_path / "cases"
    p = write_case(cases, "a.json", served("2026-11-06", "A1"))
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    write_case(cases, "a.json", served("2026-11-09", "A1"))  # same old mtime as before
    assert os.path.getmtime(p) < os.path.getmtime(out / "A1" / "report.json")
    assert batch(cases, "--out", out).exit_code == 0
    (row,) = read_summary(out)
    assert row["status"] == "drafted" and row["answer_due"] > "2026-11-21"


def test_hidden_json_files_are_not_cases(tmp_path):
    """The manifest (when --out is the case folder) and macOS ._ copies are skipped."""
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A1"))
    write_case(cases, "._a.json", "\x00\x05garbage")
    assert batch(cases, "--out", cases).exit_code == 0
    assert batch(cases, "--out", cases).exit_code == 0  # the manifest now lies beside the cases
    assert [row["status"] for row in read_summary(cases)] == ["skipped"]


def test_console_shows_no_control_characters(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A\x1b]0;PWNED\x07\u202e1"))
    r = batch(cases, "--out", tmp_path / "out")
    assert r.exit_code == 2, r.output  # refused: court.case_number has control characters
    assert "a.json" in r.output
    assert not any(c in r.output for c in "\x1b\x07\u202e")


def test_a_worker_that_dies_fails_only_its_own_case(tmp_path):
    """A worker killed mid-batch breaks the pool; the cases in flight are retried one by one and
    only the one that kills its worker again is failed."""
    from pool_work import draft_or_die
    from respond.cli.batch import FAILED, LOST, _draft_in_pool, plan

    cases = tmp_path / "cases"
    for i in range(40):
        write_case(cases, f"c{i:02d}.json", served("2026-11-06", f"N{i:02d}"))
    write_case(cases, "c17-die.json", served("2026-11-06", "DIE"))
    tasks = plan(sorted(cases.iterdir()))
    out = tmp_path / "out"
    engine_kwargs = dict(today=__import__("datetime").date(2026, 11, 21), day_basis=360,
                         holidays_file=None, lpr_file=None)
    rows = [r for _, chunk in _draft_in_pool(tasks, 2, (engine_kwargs, None, str(out)), work=draft_or_die)
            for r in chunk]
    assert sorted(r["file"] for r in rows) == sorted(t.file for t in tasks)
    failed = [r for r in rows if r["status"] == FAILED]
    assert [r["case_number"] for r in failed] == ["DIE"] and failed[0]["error"] == LOST
    assert all(r["status"] == "drafted" for r in rows if r["case_number"] != "DIE")


def test_redraft_when_outputs_incomplete_or_from_another_file_or_day_basis(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A1", plaintiff={"name": "某某网络小额贷款有限公司"},
                                       loan={"rate": {"annual": 0.3}}))  # recomputed: the day basis matters
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    (out / "A1" / "说明.md").unlink()
    assert batch(cases, "--out", out).exit_code == 0
    assert read_summary(out)[0]["status"] == "drafted"
    # another file now claims the folder's name: its package is not this file's
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["folders"]["A1"]["src"] == str((cases / "a.json").resolve())
    manifest["folders"]["A1"]["src"] = str(tmp_path / "other.json")
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert batch(cases, "--out", out).exit_code == 0
    assert read_summary(out)[0]["status"] == "drafted"
    r = CliRunner().invoke(main, ["batch", str(cases), "--out", str(out), "--jobs", "1", *TODAY, "--day-basis", "365"])
    assert r.exit_code == 0 and read_summary(out)[0]["status"] == "drafted"


def test_stale_annex_removed_on_redraft(tmp_path):
    cases = tmp_path / "cases"
    p = write_case(cases, "a.json", served("2026-11-06", "A1", plaintiff={"name": "某某网络小额贷款有限公司"},
                                           loan={"rate": {"annual": 0.3},
                                                 "payments": [{"date": "2024-04-15", "amount": "500.00"}]}))
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    report = json.loads((out / "A1" / "report.json").read_text(encoding="utf-8"))
    assert "利息重算表.docx" in report["documents"]  # over the cap, payments known: an annex
    write_case(cases, "a.json", served("2026-11-06", "A1"), mtime=None)  # a bank within the cap now
    os.utime(p, (os.path.getmtime(out / "A1" / "report.json") + 5,) * 2)
    assert batch(cases, "--out", out).exit_code == 0
    report = json.loads((out / "A1" / "report.json").read_text(encoding="utf-8"))
    on_disk = {q.name for q in (out / "A1").iterdir()}
    assert ("利息重算表.docx" in on_disk) == ("利息重算表.docx" in report["documents"])


def test_two_runs_give_identical_outputs(mixed, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    batch(mixed, "--out", one)
    batch(mixed, "--out", two)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file() and p.name != MANIFEST)
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file() and p.name != MANIFEST)
    assert any(f.name == "report.json" for f in files)
    for f in files:
        assert (one / f).read_bytes() == (two / f).read_bytes(), f


def test_jobs_2_and_jobs_1_same_summary(mixed, tmp_path):
    for i in range(10):  # enough cases to be split over both workers
        write_case(mixed, f"extra-{i:02d}.json", served(f"2026-11-{10 + i:02d}", f"（2026）浙0106民初{100 + i}号"))
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = batch(mixed, "--out", one, jobs="1")
    r2 = batch(mixed, "--out", two, jobs="2")
    assert r1.exit_code == r2.exit_code == 2
    assert (one / "summary.csv").read_bytes() == (two / "summary.csv").read_bytes()
    for row in read_summary(two):
        if row["status"] == "drafted":
            assert (one / row["folder"] / "report.json").read_bytes() == (two / row["folder"] / "report.json").read_bytes()


def test_duplicate_numbers_and_missing_number(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "b.json", served("2026-11-06", "（2026）浙0106民初7号"))
    write_case(cases, "a.json", served("2026-11-06", "（2026）浙0106民初7号"))
    write_case(cases, "CON.json", served("2026-11-06", "（2026）浙0106民初7号", court={"case_number": DELETE}))
    write_case(cases, "x.json", served("2026-11-06", 'a/b:c*?"<>|. '))
    out = tmp_path / "out"
    # the order of the arguments does not matter: folders follow the sorted file names
    r = batch(*(sorted(cases.iterdir(), reverse=True)), "--out", out)
    assert r.exit_code == 0, r.output
    folders = {Path(row["file"]).name: row["folder"] for row in read_summary(out)}
    assert folders == {"a.json": "（2026）浙0106民初7号", "b.json": "（2026）浙0106民初7号-2",
                       "CON.json": "_CON", "x.json": "a_b_c______"}
    for folder in folders.values():
        assert (out / folder / "report.json").is_file()


def test_internal_error_in_one_case_exit_1_others_go_on(tmp_path, monkeypatch):
    import respond.templates.package as package

    real = package.render_documents

    def flaky(analysis, templates):
        if analysis.case.court.case_number == "BOOM":
            raise ZeroDivisionError(f"secret {ID_NUMBER}")
        return real(analysis, templates)

    monkeypatch.setattr(package, "render_documents", flaky)
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "BOOM", defendant={"id_number": ID_NUMBER}))
    write_case(cases, "b.json", served("2026-11-06", "FINE"))
    out = tmp_path / "out"
    r = batch(cases, "--out", out)
    assert r.exit_code == 1
    rows = {row["case_number"]: row for row in read_summary(out)}
    assert rows["FINE"]["status"] == "drafted"
    assert rows["BOOM"]["status"] == "failed" and "ZeroDivisionError" in rows["BOOM"]["error"]
    assert ID_NUMBER not in (out / "summary.csv").read_text(encoding="utf-8-sig") + r.output


def test_csv_cells_never_formulas(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A1", plaintiff={"name": '=HYPERLINK("http://x","点我")'}))
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    assert read_summary(out)[0]["plaintiff"].startswith("'=")


def test_input_problems_exit_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = batch(empty, "--out", tmp_path / "out")
    assert r.exit_code == 2 and "没有找到案件文件" in r.stderr
    f = tmp_path / "file"
    f.write_text("x")
    r = batch(write_case(tmp_path / "c", "a.json", case_dict()), "--out", f)
    assert r.exit_code == 2
    r = batch(tmp_path / "missing", "--out", tmp_path / "out")
    assert r.exit_code == 2


def test_real_cli_in_a_subprocess_with_two_workers(mixed, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "respond", "batch", str(mixed), "--out", str(out), "--jobs", "2",
                           *TODAY], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "最紧急的案件" in proc.stdout and "Traceback" not in proc.stderr
    assert [row["status"] for row in read_summary(out)].count("drafted") == 3


def test_new_duplicate_taking_a_folder_is_drafted_not_skipped(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "b.json", served("2026-11-06", "X", defendant={"name": "李四"}))
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    # a.json (older than every output) sorts first and now takes folder "X"; b.json moves to "X-2"
    write_case(cases, "a.json", served("2026-11-06", "X", defendant={"name": "王五"}), mtime=1_600_000_000)
    assert batch(cases, "--out", out).exit_code == 0
    rows = {Path(row["file"]).name: row for row in read_summary(out)}
    assert (rows["a.json"]["folder"], rows["a.json"]["status"]) == ("X", "drafted")
    assert (rows["b.json"]["folder"], rows["b.json"]["status"]) == ("X-2", "drafted")
    assert json.loads((out / "X" / "report.json").read_text(encoding="utf-8"))["case"]["defendant"] == "王五"
    assert batch(cases, "--out", out).exit_code == 0
    assert {row["status"] for row in read_summary(out)} == {"skipped"}


@pytest.mark.parametrize("sync_at_end", [True, False])
def test_files_written_like_draft(tmp_path, monkeypatch, sync_at_end):
    """Same bytes and permissions as respond draft, with the batch's writer or cli.files'."""
    import respond.cli.batch as batch_module

    monkeypatch.setattr(batch_module, "SYNC_AT_END", sync_at_end)
    cases = tmp_path / "cases"
    p = write_case(cases, "a.json", served("2026-11-06", "A1"))
    out = tmp_path / "out"
    assert batch(cases, "--out", out).exit_code == 0
    single = tmp_path / "single"
    assert CliRunner().invoke(main, ["draft", "--case", str(p), "--out", str(single), *TODAY]).exit_code == 0
    names = sorted(q.name for q in single.iterdir())
    assert sorted(q.name for q in (out / "A1").iterdir()) == names
    for name in names:
        assert (out / "A1" / name).read_bytes() == (single / name).read_bytes()
        assert (out / "A1" / name).stat().st_mode == (single / name).stat().st_mode


def firm_templates(tmp_path, edit=None):
    """A copy of the package's templates, the answer forms optionally edited."""
    import shutil
    import zipfile

    from respond.templates.forms import TEMPLATE_FILES

    root = Path(__file__).resolve().parents[2] / "templates"
    d = tmp_path / "firm"
    d.mkdir(exist_ok=True)
    for name in TEMPLATE_FILES.values():
        shutil.copy(root / name, d / name)
        if edit and name.startswith("答辩状"):
            with zipfile.ZipFile(d / name) as z:
                parts = {n: z.read(n) for n in z.namelist()}
            parts["word/document.xml"] = edit(parts["word/document.xml"].decode("utf-8")).encode("utf-8")
            with zipfile.ZipFile(d / name, "w") as z:
                for n, data in parts.items():
                    z.writestr(n, data)
    return d


def test_broken_firm_template_rejects_cases_not_the_run(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A1"))
    write_case(cases, "b.json", served("2026-11-07", "B1"))
    d = firm_templates(tmp_path, lambda xml: xml.replace("{{ court }}", "{{ court_name }}", 1))
    out = tmp_path / "out"
    r = batch(cases, "--out", out, "--templates", d, jobs="2")
    assert r.exit_code == 2, r.output
    rows = read_summary(out)
    assert [row["status"] for row in rows] == ["rejected", "rejected"]
    assert all("court_name" in row["error"] for row in rows)


def test_newer_firm_template_redrafts(tmp_path):
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A1"))
    d = firm_templates(tmp_path)
    out = tmp_path / "out"
    assert batch(cases, "--out", out, "--templates", d).exit_code == 0
    assert batch(cases, "--out", out, "--templates", d).exit_code == 0
    assert read_summary(out)[0]["status"] == "skipped"
    later = (out / "A1" / "report.json").stat().st_mtime + 5
    for t in d.iterdir():
        os.utime(t, (later, later))
    assert batch(cases, "--out", out, "--templates", d).exit_code == 0
    assert read_summary(out)[0]["status"] == "drafted"


def test_a_hostile_file_does_not_stop_the_batch(tmp_path):
    """JSON nested thousands deep breaks a plain json.loads with RecursionError: one rejected row."""
    cases = tmp_path / "cases"
    write_case(cases, "a.json", served("2026-11-06", "A1"))
    write_case(cases, "deep.json", '{"court": ' + "[" * 5000 + "]" * 5000 + "}")
    out = tmp_path / "out"
    r = batch(cases, "--out", out)
    assert r.exit_code == 2, r.output
    rows = {row["file"].rsplit("/", 1)[-1]: row for row in read_summary(out)}
    assert rows["a.json"]["status"] == "drafted"
    assert rows["deep.json"]["status"] == "rejected" and "嵌套" in rows["deep.json"]["error"]
