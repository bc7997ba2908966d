"""Issue 16's campaign in CI: the classifier catches each kind of fault (so a clean run means
something), every fault the campaign found is a named probe that must now come out clean, and a
quick sample of the generated probes comes out clean too. ``python bench/hostile.py`` runs them all."""

import os
import subprocess

import pytest

from hostile import campaign
from hostile.campaign import ID_NUMBER, Probe, classify, snapshot


def _can_mount(tmp_path) -> bool:
    d = tmp_path / "m"
    d.mkdir()
    ok = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(d)],
                                              capture_output=True).returncode == 0
    if ok:
        subprocess.run(["umount", str(d)], check=False)
    return ok


# --- the classifier: each kind of fault is seen ---------------------------------------------

def _probe(**kw):
    return Probe("test", "t", ["check", "--case", "case.json"], **kw)


def test_exit_1_or_a_traceback_is_internal(tmp_path):
    assert ("internal" in {c for c, _ in classify(_probe(), tmp_path, {}, 1, "", "")})
    assert ("internal" in {c for c, _ in classify(_probe(), tmp_path, {}, 2, "", "Traceback (most recent call last)")})
    assert classify(_probe(), tmp_path, {}, 2, "", "案件文件有 1 处问题") == []


def test_an_overrun_is_a_hang(tmp_path):
    assert [c for c, _ in classify(_probe(), tmp_path, {}, None, "", "")] == ["hang"]


def test_planted_personal_data_in_a_message_is_a_leak(tmp_path):
    faults = classify(_probe(), tmp_path, {}, 2, "", f"身份证号 {ID_NUMBER} 有误")
    assert "leak" in {c for c, _ in faults}
    (tmp_path / "summary.csv").write_text(f"x,{campaign.PHONE}\n", encoding="utf-8")
    assert "leak" in {c for c, _ in classify(_probe(), tmp_path, {}, 0, "", "")}


def test_exit_0_for_input_that_must_be_refused_is_wrongly_accepted(tmp_path):
    assert [c for c, _ in classify(_probe(expect="reject"), tmp_path, {}, 0, "", "")] == ["accepted"]
    assert classify(_probe(expect="reject"), tmp_path, {}, 2, "", "有误") == []


def test_a_changed_or_vanished_file_is_lost_unless_respond_may_replace_it(tmp_path):
    (tmp_path / "mine.txt").write_text("我的", encoding="utf-8")
    (tmp_path / "gone.txt").write_text("我的", encoding="utf-8")
    before = snapshot(tmp_path)
    (tmp_path / "mine.txt").write_text("改了", encoding="utf-8")
    (tmp_path / "gone.txt").unlink()
    lost = [d for c, d in classify(_probe(), tmp_path, before, 0, "", "") if c == "lost"]
    assert len(lost) == 2
    assert classify(_probe(replaceable=("mine.txt", "gone.txt")), tmp_path, before, 0, "", "") == []


def test_a_tmp_file_or_output_after_a_refusal_is_half_written(tmp_path):
    before = snapshot(tmp_path)
    (tmp_path / ".答辩状.docx.abcd1234.tmp").write_bytes(b"half")
    assert "half-written" in {c for c, _ in classify(_probe(), tmp_path, before, 0, "", "")}
    (tmp_path / ".答辩状.docx.abcd1234.tmp").unlink()
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")
    assert "half-written" in {c for c, _ in classify(_probe(), tmp_path, before, 2, "", "有误")}
    assert classify(_probe(), tmp_path, before, 0, "", "") == []  # written after success: fine


def test_a_refusal_without_chinese_or_without_the_field_is_unclear(tmp_path):
    assert [c for c, _ in classify(_probe(), tmp_path, {}, 2, "", "Error: invalid value")] == ["unclear"]
    p = _probe(field="loan.fees[0].amount")
    assert [c for c, _ in classify(p, tmp_path, {}, 2, "", "金额有误")] == ["unclear"]
    assert classify(p, tmp_path, {}, 2, "", "  - loan.fees[0].amount: 应为金额") == []


def test_a_drafted_document_that_does_not_show_the_users_text_verbatim_is_wrongly_accepted(tmp_path):
    """The example drafted as it is: its documents show 张三, not the markup the probe planted there."""
    from click.testing import CliRunner

    from respond.cli.main import main

    r = CliRunner().invoke(main, ["draft", "--case", str(campaign.ROOT / "examples" / "microloan-fees.json"),
                                  "--out", str(tmp_path / "out"), "--today", campaign.TODAY])
    assert r.exit_code == 0
    check = campaign.markup_shown("microloan-fees", "张三")
    assert [c for c, _ in check(_probe(), tmp_path, 0)] == ["accepted"]
    assert check(_probe(), tmp_path, 2) == []


def test_the_runner_kills_a_hang_and_reads_exit_codes(tmp_path, monkeypatch):
    """A FIFO case file with the regular-file check switched off blocks on open: the runner kills it."""
    from respond.case import load

    monkeypatch.setattr(load, "not_a_regular_file", lambda path: None)  # the forked child inherits it
    hang = Probe("test", "fifo", ["check", "--case", "c.json"], {"c.json": campaign.FIFO}, timeout=3)
    fine = Probe("test", "missing", ["check", "--case", "nowhere.json"], {}, expect="reject")
    outcomes = {oc.probe.name: oc for oc in campaign.run([hang, fine], tmp_path / "runs")}
    assert outcomes["fifo"].code is None and [c for c, _ in outcomes["fifo"].faults] == ["hang"]
    assert outcomes["missing"].code == 2 and outcomes["missing"].faults == []


# --- every fault the campaign found, now clean ----------------------------------------------

FOUND = [  # (family, probe name): what it did before the fix
    ("support", "lpr:nan"),  # InvalidOperation, exit 1
    ("support", "lpr:dev_zero"),  # MemoryError, exit 1
    ("support", "holidays:dev_zero"),  # MemoryError, exit 1
    ("support", "lpr:fifo"),  # hang
    ("support", "holidays:env_fifo"),  # hang (RESPOND_HOLIDAYS naming a FIFO)
    ("support", "lpr:comma_rate"),  # "3,0" read as 3 % and a 5-year 0 %
    ("support", "lpr:percent_looks_fraction"),  # 0.03 read as 0.03 %
    ("support", "lpr:empty"),  # an empty supplement accepted without a word
    ("path", "case_nul_in_path"),  # ValueError from os.stat, exit 1
    ("path", "out_nul"),
    ("path", "case_id_number_named"),  # the ID number echoed in "找不到"
    ("extract", "loop"),  # RuntimeError from Path.resolve, exit 1
    ("leaf", "microloan-fees:loan.contract_text=digits_400"),  # a contract name too long: OSError, exit 1
    ("reject", 'microloan-fees:loan.rate.annual="1e-400"'),
    # a phone number pasted as a deduction: the message named only the list (the sum), not the item
    ("leaf", "private-upfront-deduction:loan.upfront_deductions[0].amount=phone"),
    ("batch", "one_loop"),  # the same in a batch: the whole batch exit 1
    ("batch", "hostile_files_among_good"),
    ("batch", "one_dir"),  # a folder named x.json silently left out of summary.csv
    ("batch", "files_listed"),  # a missing input stopped the whole batch
    ("own", "batch_user_files_no_force"),  # the user's summary.csv replaced without --force
    ("own", "batch_user_summary_force"),  # … and with --force, though respond never wrote it
    ("own", "leftover_tmp_cleaned"),
    ("own", "forged_record_force"),
    ("own", "forged_record_symlink"),
    ("batch", "1000_with_50_broken"),
    ("debts", "path:case_file_fifo"),
    ("debts", "json:debts[1].demanded.as_of=null"),  # the letter's date was None: ValueError, exit 1  # five dangling links to one name were one row; /dev/zero links too
]


@pytest.fixture(scope="module")
def by_name():
    families = {f for f, _ in FOUND} | {"fs"}
    return {(p.family, p.name): p for p in campaign.probes(families=tuple(sorted(families)))}


@pytest.mark.parametrize("key", FOUND, ids=[f"{f}:{n}" for f, n in FOUND])
def test_a_fault_the_campaign_found_stays_fixed(key, by_name, tmp_path):
    [outcome] = campaign.run([by_name[key]], tmp_path / "runs")
    assert outcome.faults == [], (outcome.code, outcome.stderr[-500:])


@pytest.mark.parametrize("name", ["disk_full_tmpfs", "read_only_tmpfs", "batch_disk_full"])
def test_a_full_or_read_only_disk_leaves_nothing(name, by_name, tmp_path):
    """disk_full_tmpfs left a .respond-files.json in a folder it had just created (no package)."""
    if not _can_mount(tmp_path):
        pytest.skip("mounting a tmpfs needs root")
    [outcome] = campaign.run([by_name[("fs", name)]], tmp_path / "runs")
    assert outcome.faults == [], (outcome.code, outcome.stderr[-500:])


def test_a_batch_killed_mid_run_and_run_again_drafts_every_case_once_and_leaves_no_tmp(tmp_path):
    """600 cases, SIGKILL after the first 50 reports, the same command again: 600 folders, 600 rows
    drafted or skipped, no ``*.tmp`` anywhere (half-written files were left before, issue 16)."""
    probe = next(p for p in campaign.special_probes() if p.name == "batch_sigkill_and_rerun")
    [outcome] = campaign.run([probe], tmp_path / "runs")
    assert outcome.code == 0 and outcome.faults == [], (outcome.stderr[-500:], outcome.faults)


def test_a_draft_with_no_network_at_all(tmp_path):
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -n needs root")
    probe = next(p for p in campaign.special_probes() if p.name == "draft_without_network")
    [outcome] = campaign.run([probe], tmp_path / "runs")
    assert outcome.code == 0 and outcome.faults == [], (outcome.stderr[-500:], outcome.faults)


# --- a quick sample of everything -----------------------------------------------------------

def test_a_quick_sample_of_the_campaign_is_clean(tmp_path):
    selected = campaign.probes(300, seed=2026, quick=True)
    outcomes = campaign.run(selected, tmp_path / "runs")
    faults = [(oc.probe.family, oc.probe.name[:80], c, d[:160]) for oc in outcomes for c, d in oc.faults]
    assert len(outcomes) == len(selected) >= 300
    assert faults == []
    assert campaign.line(outcomes).endswith("0 half-written files, 0 unclear messages")
