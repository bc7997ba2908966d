"""Where each rule is decided in the code, and what that code cites (``respond rules CODE``).

Read from the package's own sources with :mod:`ast`, so it cannot drift from the code: a function
of ``checks/`` decides a code when it builds its finding (``engine_rules()["CODE"]``); the
functions of ``checks/positions.py`` and ``checks/objection.py`` that name the code place it in
the answer. A clause code (found by ``clauses/*.toml``) is listed with the functions that act on
it (the jurisdiction assessment for CLAUSE_JURISDICTION). The citation ids a deciding function names — in its body, in the module constants it
reads, and in the same module's functions it calls — are the basis the code adds to the catalogue's.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from respond.checks.findings import citations

ANSWER_MODULES = ("positions.py", "objection.py")


@dataclass(frozen=True)
class Site:
    path: str  # "checks/defenses.py"
    function: str
    cites: tuple[str, ...]  # citation ids the code names beyond the catalogue


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _decides(fn: ast.AST) -> set[str]:
    """Codes subscripted from ``engine_rules()`` in ``fn``."""
    out = set()
    for n in ast.walk(fn):
        if (isinstance(n, ast.Subscript) and isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Name)
                and n.value.func.id == "engine_rules" and isinstance(n.slice, ast.Constant)):
            out.add(n.slice.value)
    return out


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[Site]], dict[str, list[Site]]]:
    ids = set(citations())
    decided: dict[str, list[Site]] = {}
    argued: dict[str, list[Site]] = {}
    folder = resources.files("respond.checks")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".py"):
            continue
        tree = ast.parse(entry.read_text(encoding="utf-8"))
        constants = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                     for t in node.targets if isinstance(t, ast.Name)}
        functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
        for name, fn in functions.items():
            cited = _strings(fn)
            for used in _names(fn):
                if used in constants:
                    cited |= _strings(constants[used])
                if used in functions and used != name:
                    callee = functions[used]
                    cited |= _strings(callee)
                    cited |= {s for c in _names(callee) if c in constants for s in _strings(constants[c])}
            site = Site(f"checks/{entry.name}", name, tuple(sorted(cited & ids)))
            for code in _decides(fn):
                decided.setdefault(code, []).append(site)
            if entry.name not in ANSWER_MODULES:  # a clause code named in code: what it drives
                for code in _strings(fn):
                    if code.startswith("CLAUSE_"):
                        decided.setdefault(code, []).append(site)
            if entry.name in ANSWER_MODULES:
                for code in _strings(fn):
                    argued.setdefault(code, []).append(Site(site.path, name, ()))
    return decided, argued


def deciding_sites(code: str) -> list[Site]:
    return _index()[0].get(code, [])


def answer_sites(code: str) -> list[Site]:
    return _index()[1].get(code, [])
