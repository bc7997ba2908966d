"""Where one case's time goes in ``respond batch``: per-stage CPU and wall milliseconds, in-process.

    python bench/batch_stages.py [--n 300] [--out /dev/shm/stages]

Uses the generator of ``batch_bench.py`` (same seed, same cases). Stages: read + validate the case
file; analyse (``Engine.run``); each template's ``CompiledTemplate.render``; the rest of
``build_package`` (contexts, report.json, 说明.md); writing the package without fsync (what batch
does on POSIX, one ``os.sync`` at the end) and with an fsync per file (``cli.files.write_files``).
CPU time (``time.process_time``) is not disturbed by other processes on the machine; wall time is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_bench import generate  # noqa: E402

from respond.case.load import load_case  # noqa: E402
from respond.cli.batch import _write_unsynced  # noqa: E402
from respond.cli.engine import load_template_set, make_engine, render_package  # noqa: E402
from respond.cli.files import write_files  # noqa: E402


class Timed:
    """A template that records how long each render takes."""

    def __init__(self, key, template, cpu, wall):
        self.key, self.template, self.cpu, self.wall = key, template, cpu, wall

    def render(self, context):
        c, w = time.process_time(), time.perf_counter()
        try:
            return self.template.render(context)
        finally:
            self.cpu[f"render {self.key}"] += time.process_time() - c
            self.wall[f"render {self.key}"] += time.perf_counter() - w
            self.cpu[f"renders of {self.key}"] += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--out", type=Path, help="work folder (default: a temporary one, removed afterwards)")
    args = ap.parse_args()
    root = args.out or Path(tempfile.mkdtemp(prefix="respond-stages-"))
    cases = root / "cases"
    if not cases.exists():
        generate(cases, args.n)
    engine = make_engine(today=dt.date(2026, 11, 21))
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    templates = {k: Timed(k, t, cpu, wall) for k, t in load_template_set(None).items()}

    def stage(name, fn, *a, **kw):
        c, w = time.process_time(), time.perf_counter()
        result = fn(*a, **kw)
        cpu[name] += time.process_time() - c
        wall[name] += time.perf_counter() - w
        return result

    files_list = sorted(cases.glob("*.json"))
    for i, path in enumerate(files_list):
        loaded = stage("load + validate", load_case, path)
        analysis = stage("analyse", engine.run, loaded)
        files = stage("build_package (all)", render_package, analysis, templates)
        stage("write, no fsync", _write_unsynced, root / "nosync" / str(i), files)
        stage("write, fsync per file", write_files, root / "fsync" / str(i), files, force=True)
    n = len(files_list)
    rendered = sum(v for k, v in cpu.items() if k.startswith("render ") and not k.startswith("renders"))
    rendered_wall = sum(v for k, v in wall.items() if k.startswith("render "))
    cpu["build_package: contexts, report.json, 说明.md"] = cpu["build_package (all)"] - rendered
    wall["build_package: contexts, report.json, 说明.md"] = wall["build_package (all)"] - rendered_wall
    print(f"{n} cases, ms per case (CPU / wall):")
    for name in ["load + validate", "analyse", *sorted(k for k in cpu if k.startswith("render ")),
                 "build_package: contexts, report.json, 说明.md", "build_package (all)",
                 "write, no fsync", "write, fsync per file"]:
        count = cpu.get(f"renders of {name[7:]}", 0) if name.startswith("render ") else n
        note = f"  ({int(count)} of {n} cases)" if name.startswith("render ") else ""
        print(f"  {name:<48} {cpu[name] * 1000 / n:7.2f} / {wall[name] * 1000 / n:7.2f}{note}")
    total = sum(cpu[k] for k in ("load + validate", "analyse", "build_package (all)", "write, no fsync"))
    print(f"  {'total as batch runs it (no fsync)':<48} {total * 1000 / n:7.2f} CPU ms "
          f"→ at most {n / total:.0f} cases/s per core")
    if args.out is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
