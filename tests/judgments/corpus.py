"""The real-judgment corpus: each ``cases/<id>.json`` is a judgment found in public sources, restated
as a case file, with the figures the court computed and the paragraph that states them.

A corpus file::

    {"id": "fin-02", "source": {...}, "quote": "…the court's words…",
     "today": "YYYY-MM-DD",                       # the day the analysis runs as of (before the answer is due)
     "day_basis": 365,                            # optional: the court's day count (default 360)
     "case": {case file v1, with the project's additions},
     "expect": [{"figure": "amounts.lawful_principal", "court": 116068.53, "what": "本金"}, …],
     "cannot": [{"figure": "…", "court": …, "why": "the court's discretion / facts missing: …"}]}

``figure`` is a dotted path into report.json (``rate.cap``, ``amounts.lawful_lines.interest``,
``lender.regime``, ``findings`` for a list of codes that must be present). Tolerances (issue 9):
money ±1 元, rates ±0.0005 (0.05 percentage points); text and codes exactly.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from respond.case.load import parse_case
from respond.checks.analyse import analyse
from respond.checks.calendar import default_calendar
from respond.checks.lpr import package_table
from respond.checks.report import build_report

CASES = Path(__file__).resolve().parent / "cases"
MONEY_TOLERANCE = 1.0
RATE_TOLERANCE = 0.0005


@dataclass(frozen=True)
class Check:
    case_id: str
    figure: str
    court: Any
    engine: Any
    ok: bool


def corpus() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.json"))]


def report_for(entry: dict[str, Any]) -> dict[str, Any]:
    loaded = parse_case(entry["case"])
    a = analyse(loaded.case, today=dt.date.fromisoformat(entry["today"]), calendar=default_calendar(),
                lpr=package_table(), case_warnings=loaded.warnings, day_basis=entry.get("day_basis", 360))
    return build_report(a)


def lookup(report: dict[str, Any], path: str) -> Any:
    if path == "findings":
        return [f["code"] for f in report["findings"]]
    node: Any = report
    for part in path.split("."):
        if node is None:
            return None
        node = node[part] if isinstance(node, dict) else None
    return node


def agrees(figure: str, court: Any, engine: Any) -> bool:
    if figure == "findings":
        return set(court) <= set(engine or [])
    if isinstance(court, (int, float)) and not isinstance(court, bool):
        if engine is None:
            return False
        is_rate = abs(court) < 1 and ("rate" in figure or "cap" in figure or "apr" in figure)
        return abs(float(engine) - float(court)) <= (RATE_TOLERANCE if is_rate else MONEY_TOLERANCE)
    return engine == court


def checks(entry: dict[str, Any]) -> list[Check]:
    report = report_for(entry)
    out = []
    for e in entry.get("expect", []):
        engine = lookup(report, e["figure"])
        out.append(Check(entry["id"], e["figure"], e["court"], engine, agrees(e["figure"], e["court"], engine)))
    return out
