"""Build case files for tests: a valid base case, changed by deep-merged overrides."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from respond.case.load import parse_case
from respond.checks.analyse import Analysis, analyse
from respond.checks.calendar import default_calendar
from respond.checks.lpr import package_table

BASE: dict[str, Any] = {
    "version": 1,
    "court": {"name": "浙江省杭州市西湖区人民法院", "case_number": "（2026）浙0106民初12345号", "filed_on": "2026-10-08"},
    "service": {"method": "electronic", "date": "2026-11-03"},
    "plaintiff": {"name": "某某银行股份有限公司"},
    "defendant": {"name": "张三", "address": "浙江省杭州市西湖区某某路1号"},
    "claims": {"as_of": "2026-09-30", "principal": "9000.00", "interest": "500.00"},
    "loan": {"contract_date": "2024-03-15", "principal": "10000.00", "rate": {"annual": 0.18},
             "term_months": 12, "method": "equal_installment"},
}

DELETE = object()
REPLACED = {"rate", "overdue_rate"}  # exactly-one-of objects: a test's value replaces the base's


def merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if value is DELETE:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict) and key not in REPLACED:
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def case_dict(**over: Any) -> dict:
    return merge(BASE, over)


def run(today: str = "2026-11-21", day_basis: int = 360, **over: Any) -> Analysis:
    loaded = parse_case(case_dict(**over))
    return analyse(loaded.case, today=dt.date.fromisoformat(today), calendar=default_calendar(),
                   lpr=package_table(), day_basis=day_basis, case_warnings=loaded.warnings)


def codes(a: Analysis) -> list[str]:
    return [f.code for f in a.findings]
