"""The golden cases (``cases.toml``): draft each one as the CLI does and turn every document into
the text a reader sees, so that a wording change is a diff a person can review.

``produce(entry)`` returns ``{file name: text}``: ``report.json`` as written, ``说明.md`` as written,
and ``<document>.txt`` for each .docx (body order, see ``docx_text.body_text``).
"""

from __future__ import annotations

import json
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from click.testing import CliRunner

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docx_text import body_text  # noqa: E402
from respond.cli.main import main  # noqa: E402


def entries() -> list[dict[str, Any]]:
    return tomllib.loads((HERE / "cases.toml").read_text(encoding="utf-8"))["case"]


def case_source(entry: dict[str, Any], work: Path) -> tuple[Path, str]:
    """The case file to draft and the --today to draft it on."""
    path = ROOT / entry["case"]
    data = json.loads(path.read_text(encoding="utf-8"))
    if "case" in data and "expect" in data:  # a judgment-corpus entry
        out = work / "case.json"
        out.write_text(json.dumps(data["case"], ensure_ascii=False), encoding="utf-8")
        return out, entry.get("today", data["today"])
    return path, entry["today"]


def draft(entry: dict[str, Any], work: Path) -> Path:
    """Draft the entry's package into ``work/out`` as ``respond draft`` does; the folder."""
    case, today = case_source(entry, work)
    out = work / "out"
    args = ["draft", "--case", str(case), "--out", str(out), "--today", today]
    basis = entry.get("day_basis") or json.loads((ROOT / entry["case"]).read_text(encoding="utf-8")).get("day_basis")
    if basis:  # the court's day count (a corpus entry's "day_basis")
        args += ["--day-basis", str(basis)]
    result = CliRunner().invoke(main, args)
    if result.exit_code != 0:
        raise RuntimeError(f"{entry['name']}: draft exit {result.exit_code}: {result.output}")
    return out


def produce(entry: dict[str, Any]) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = draft(entry, Path(tmp))
        texts: dict[str, str] = {}
        for path in sorted(out.iterdir()):
            if path.name == ".respond-files.json":  # respond's record of what it wrote (digests), not a document
                continue
            if path.suffix == ".docx":
                texts[path.stem + ".txt"] = body_text(path.read_bytes())
            else:
                texts[path.name] = path.read_text(encoding="utf-8")
        return texts


def stored(name: str) -> dict[str, str]:
    folder = HERE / name
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()}
