"""Time ``respond batch`` (and one ``respond draft``, and ``respond --help``) on generated cases.

    python bench/batch_bench.py                     # N = 500 and 2000, --jobs 2
    python bench/batch_bench.py --n 200 --n 5000 --jobs 2 --keep /tmp/bench

Generates N valid, varied case files (lender kinds, repayment methods, rate forms and levels,
fees, upfront deductions, payments, service methods and dates; a few duplicate or missing case
numbers), runs the real CLI as a subprocess and prints cases per second, ms per case and the peak
RSS (``os.wait4`` of each run: the largest of the batch process and its workers), then
``resource.getrusage`` of self and all children. Every figure is wall-clock time of the whole
command, start-up (imports, template compilation, worker start) included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-11-21"
_SCRIPT = Path(sys.executable).with_name("respond")  # the console script, as a user runs it
RESPOND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "respond"]

LENDERS = [  # (plaintiff name, kind or None to let the name decide)
    ("某某银行股份有限公司", "bank"),
    ("某某农村商业银行股份有限公司", None),
    ("某某消费金融股份有限公司", "consumer_finance"),
    ("重庆某某网络小额贷款有限公司", None),
    ("某某小额贷款有限公司", "microloan"),
    ("某某融资担保有限公司", "guarantor"),
    ("某某资产管理有限公司", "asset_manager"),
    ("某某汽车金融有限公司", "auto_finance"),
    ("某某商业保理有限公司", "factoring"),
    ("某某信息科技有限公司", None),
    ("李建国", "individual"),
    ("王某某", None),
]
PROVINCES = [("浙", "0106", "浙江省杭州市西湖区人民法院"), ("渝", "0112", "重庆市渝北区人民法院"),
             ("沪", "0115", "上海市浦东新区人民法院"), ("粤", "0304", "广东省深圳市福田区人民法院"),
             ("京", "0105", "北京市朝阳区人民法院"), ("苏", "0508", "江苏省苏州市姑苏区人民法院")]
SURNAMES = "张王李赵陈刘杨黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def _d(x: dt.date) -> str:
    return x.isoformat()


def _money(x: float) -> str:
    return f"{max(x, 0.0):.2f}"


def make_case(i: int, rng: random.Random, previous_number: str | None = None) -> dict:
    plaintiff, kind = rng.choice(LENDERS)
    prov, code, court = rng.choice(PROVINCES)
    served = dt.date(2026, 10, 25) + dt.timedelta(days=rng.randrange(0, 40))  # a few already past
    filed = served - dt.timedelta(days=rng.randrange(10, 60))
    principal = rng.randrange(10, 2000) * 100
    method = rng.choice(["equal_installment", "equal_principal", "interest_first", "bullet"])
    term = rng.choice([3, 6, 12, 24, 36])
    loan: dict = {"principal": _money(principal), "method": method}
    if method == "bullet" and rng.random() < 0.5:
        loan["term_days"] = rng.choice([30, 60, 90, 180])
        term = max(1, loan["term_days"] // 30)
    else:
        loan["term_months"] = term
    latest = filed - dt.timedelta(days=30 * term + 31)
    contract = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, (latest - dt.date(2019, 1, 1)).days))
    loan["contract_date"] = _d(contract)
    form = rng.choice(["annual", "annual", "monthly", "daily"])
    annual = rng.uniform(0.04, 0.36)
    loan["rate"] = {form: {"annual": round(annual, 4), "monthly": round(annual / 12, 5),
                           "daily": round(annual / 360, 6)}[form]}
    if rng.random() < 0.3:
        loan["overdue_rate"] = {"annual": round(min(annual * 1.5, 0.36), 4)}
    if rng.random() < 0.4:
        fees = [{"name": "担保费", "amount": _money(principal * rng.uniform(0.002, 0.02)), "per_installment": True}]
        if rng.random() < 0.5:
            fees.append({"name": "会员费", "amount": _money(rng.choice([99, 199, 299])),
                         "date": _d(contract + dt.timedelta(days=rng.randrange(0, 10)))})
        loan["fees"] = fees
    if rng.random() < 0.25:
        loan["upfront_deductions"] = [{"name": "预扣利息", "amount": _money(principal * rng.uniform(0.03, 0.15))}]
    paid = rng.randrange(0, term)
    instalment = principal * (1 + annual * term / 12) / term
    loan["payments"] = [{"date": _d(contract + dt.timedelta(days=30 * (k + 1))),
                         "amount": _money(instalment * rng.uniform(0.5, 1.0))} for k in range(paid)]
    case: dict = {
        "version": 1,
        "court": {"name": court, "filed_on": _d(filed),
                  "procedure": rng.choice(["ordinary", "simplified", "small_claims", None])},
        "service": {"method": rng.choice(["direct", "mail", "electronic", "electronic", "public_notice"]),
                    "date": _d(served)},
        "plaintiff": {"name": plaintiff},
        "defendant": {"name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN]),
                      "address": f"某某市某某路{rng.randrange(1, 999)}号", "phone": f"13{rng.randrange(10**8, 10**9)}"},
        "claims": {"as_of": _d(filed), "principal": _money(principal * rng.uniform(0.3, 1.0)),
                   "interest": _money(principal * rng.uniform(0.0, 0.3)),
                   "penalty": _money(principal * rng.uniform(0.0, 0.1)) if rng.random() < 0.5 else None},
        "loan": loan,
    }
    if case["court"]["procedure"] is None:
        del case["court"]["procedure"]
    if case["claims"]["penalty"] is None:
        del case["claims"]["penalty"]
    if kind:
        case["plaintiff"]["kind"] = kind
    r = rng.random()
    if r < 0.02:
        pass  # no case number: the folder is named after the file
    elif r < 0.04 and previous_number:
        case["court"]["case_number"] = previous_number  # the same number twice: folders "…号" and "…号-2"
    else:
        case["court"]["case_number"] = f"（2026）{prov}{code}民初{i + 10000}号"
    return case


def generate(directory: Path, n: int, seed: int = 20261121) -> None:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    previous = None
    for i in range(n):
        case = make_case(i, rng, previous)
        previous = case["court"].get("case_number")
        (directory / f"case-{i:05d}.json").write_text(json.dumps(case, ensure_ascii=False, indent=1), encoding="utf-8")


def _tree_rss_kib(root: int) -> int:
    """Resident memory (KiB) of ``root`` and all its descendants now, from /proc (0 where absent)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(p, 0) for p in tree)


def timed_wait4(cmd: list[str]) -> tuple[float, int, int, bytes, int]:
    """Wall seconds, peak RSS in MiB of the largest single process (the batch process or one of its
    workers, from wait4), exit code, stderr, and the peak of all its processes together in MiB
    (sampled from /proc every 50 ms while it runs; 0 where /proc is missing)."""
    import threading

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            if os.path.isdir("/proc"):
                peak[0] = max(peak[0], _tree_rss_kib(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read()
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, usage.ru_maxrss // 1024, proc.returncode, err, peak[0] // 1024


def batch_once(cases: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    shutil.rmtree(out, ignore_errors=True)
    wall, rss, rc, err, total = timed_wait4([*RESPOND, "batch", str(cases), "--out", str(out), "--today", TODAY,
                                             "--jobs", str(jobs)])
    if rc != 0:
        sys.exit(f"{err.decode()}\nbatch exit {rc}: see {out / 'summary.csv'}")
    return wall, rss, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="number of cases (repeatable; default 500 and 2000)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; best and median are printed")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one; "
                                              "/dev/shm/… takes the disk out of the figures)")
    args = ap.parse_args()
    sizes = args.n or [500, 2000]
    root = args.keep or Path(tempfile.mkdtemp(prefix="respond-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    examples = Path(__file__).resolve().parents[1] / "examples"
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, work folder {root}, "
          f"load average {os.getloadavg()[0]:.2f}")
    try:
        helps = [timed_wait4([*RESPOND, "--help"])[0] for _ in range(10)]
        print(f"respond --help: median {statistics.median(helps) * 1000:.0f} ms, best {min(helps) * 1000:.0f} ms (10 runs)")

        drafts, rss = [], 0
        for k in range(5):
            wall, rss, rc, err, _ = timed_wait4([*RESPOND, "draft", "--case", str(examples / "microloan-fees.json"),
                                              "--out", str(root / f"draft-{k}"), "--today", TODAY, "--force"])
            if rc != 0:
                sys.exit(err.decode())
            drafts.append(wall)
        print(f"respond draft (one case): median {statistics.median(drafts) * 1000:.0f} ms, "
              f"best {min(drafts) * 1000:.0f} ms, peak RSS {rss} MiB (5 runs)")

        for n in sizes:
            cases = root / f"cases-{n}"
            if not cases.exists():
                generate(cases, n)
            out = root / f"out-{n}"
            runs = [batch_once(cases, out, args.jobs) for _ in range(args.repeat)]
            walls = sorted(w for w, _, _ in runs)
            best, median = walls[0], statistics.median(walls)
            print(f"respond batch N={n} --jobs {args.jobs}: best {best:.2f} s = {n / best:.0f} cases/s "
                  f"({best * 1000 / n:.2f} ms/case); median {median:.2f} s = {n / median:.0f} cases/s; "
                  f"peak RSS: largest process {max(r for _, r, _ in runs)} MiB, all processes together "
                  f"{max(t for _, _, t in runs)} MiB ({args.repeat} runs)")
            wall2, _, _, _, _ = timed_wait4([*RESPOND, "batch", str(cases), "--out", str(out), "--today", TODAY,
                                          "--jobs", str(args.jobs)])
            print(f"  re-run, every case up to date (skipped): {wall2:.2f} s, {n / wall2:.0f} cases/s")
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"getrusage: self {me} MiB, largest child {kids} MiB")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
