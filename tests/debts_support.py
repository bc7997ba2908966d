"""Shared by the respond debts tests: the example debts file and a copy of it with its files."""

import json
from pathlib import Path

from click.testing import CliRunner

from respond.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "debts" / "debts.json"
TODAY = "2026-11-20"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def example_data() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def write_debts(tmp_path: Path, data: dict) -> Path:
    """``data`` as tmp/d/debts.json with the files the example names beside it (as ../x)."""
    (tmp_path / "d").mkdir()
    p = tmp_path / "d" / "debts.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for name in ("jurisdiction-objection.json", "microloan-fees-contract.txt"):
        (tmp_path / name).write_bytes((ROOT / "examples" / name).read_bytes())
    return p
