"""A batch killed midway resumes (issue 15 part 4): the journal's checkpoints, appended after the
packages are on disk, make a re-run skip what was finished; a torn last line is ignored; a
finished run leaves no journal. Real processes and a real SIGKILL, no mocks."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from respond.cli.batch import JOURNAL, MANIFEST, read_manifest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = "2026-11-20"


def respond(*args, env=None):
    cmd = [sys.executable, "-c", "import sys; from respond.cli.main import main; sys.argv[0] = 'respond'; main()",
           *map(str, args)]
    return cmd, {**os.environ, **(env or {})}


def test_a_killed_batch_resumes_from_its_checkpoints(tmp_path):
    base = json.loads((EXAMPLES / "bank-within-cap.json").read_text(encoding="utf-8"))
    (tmp_path / "cases").mkdir()
    n = 300
    for i in range(n):
        base["court"]["case_number"] = f"（2026）沪0115民初{40000 + i}号"
        (tmp_path / "cases" / f"c{i:04d}.json").write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    cmd, env = respond("batch", tmp_path / "cases", "--out", tmp_path / "out", "--today", TODAY, "--jobs", "1",
                       env={"RESPOND_BATCH_CHECKPOINT_SECONDS": "0"})
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    journal = tmp_path / "out" / JOURNAL
    while time.monotonic() < deadline and (not journal.exists() or journal.read_text(encoding="utf-8").count("\n") < 40):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (tmp_path / "out" / MANIFEST).exists() or json.loads((tmp_path / "out" / MANIFEST).read_text())
    with open(journal, "a", encoding="utf-8") as fh:
        fh.write('{"folder": "torn')  # a kill mid-line
    finished = read_manifest(tmp_path / "out")
    assert 40 <= len(finished) < n
    cmd, env = respond("batch", tmp_path / "cases", "--out", tmp_path / "out", "--today", TODAY, "--jobs", "1")
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"已生成 {n - len(finished)}，已是最新（跳过）{len(finished)}" in r.stdout, r.stdout
    assert not journal.exists()
    assert len(read_manifest(tmp_path / "out")) == n
