"""Issue 16's campaign: hostile inputs and faults, each run the way a user's shell would run
``respond``, each outcome classified.

A probe is a folder of files (a mutated example case with planted personal data, hostile paths,
PDFs, templates, a full or read-only disk) and the arguments of one ``respond`` command. The runner
forks a child per probe (respond is imported once in the parent, so a probe costs a draft, not a
start-up), runs the command there with its own stdout and stderr files and a 4 GiB address-space
cap, kills its process group when it overruns its time, and classifies what happened:

- ``internal``      exit code other than 0 and 2, a traceback, or "内部错误" for bad input;
- ``lost``          a file that existed before the run changed or vanished (unless the probe says
                    respond itself wrote it and ``--force`` was given);
- ``leak``          the planted ID number, phone or address in stderr, in stdout of a failed run,
                    or in a summary.csv;
- ``hang``          the command overran its time;
- ``accepted``      a probe whose input must be refused exited 0, or a drafted document does not
                    show user text verbatim (markup such as ``{{ 1+1 }}`` rendered or escaped twice);
- ``half-written``  a ``*.tmp`` left anywhere, or a draft/check/extract that refused its input
                    (exit 2) and still wrote something;
- ``unclear``       a refusal (exit 2) without Chinese, or without the field the probe broke.

The families, their sizes and the planted data are below; ``probes(n)`` gives a deterministic
selection of ``n`` of them (every family represented), ``run(probes, root)`` runs them.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("bank-within-cap", "jurisdiction-objection", "microloan-fees", "private-upfront-deduction")
PDF_FIXTURES = ROOT / "tests" / "extract" / "fixtures"
TODAY = "2026-11-20"

# Planted personal data (fictitious): a check-digit-valid ID number, a mobile number, an address.
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
ADDRESS = "北京市朝阳区幸福里七号院三单元502室"
SECRETS = (ID_NUMBER, PHONE, ADDRESS)

MARKUP = "甲&<>\"'{{ 1+1 }}{% if 1 %}乙{% endif %}"
CLASSES = ("internal", "lost", "leak", "hang", "accepted", "half-written", "unclear")

Files = dict[str, Any]  # name -> bytes | str | FIFO | DIR | Link(target)


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


FIFO = _Marker("FIFO")
DIR = _Marker("DIR")


@dataclass(frozen=True)
class Link:
    target: str


@dataclass
class Probe:
    family: str
    name: str
    argv: list[str]
    files: Files = dc_field(default_factory=dict)
    expect: str = "either"  # "reject" (must exit 2), "accept" (must exit 0) or "either"
    field: str | None = None  # the field a refusal must name
    any_field: tuple[str, ...] = ()  # … or one of these
    shows: str | None = None  # text the drafted documents must show verbatim when accepted
    replaceable: tuple[str, ...] = ()  # files existing before the run that respond may replace
    mounts: tuple[tuple[str, str], ...] = ()  # (folder, tmpfs options) mounted before the run
    env: dict[str, str] = dc_field(default_factory=dict)
    timeout: float = 45.0
    slow: bool = False  # minutes-scale or root-only: left out of the quick sample
    check: Callable[["Probe", Path, int | None], list[tuple[str, str]]] | None = None
    custom: Callable[[Path], tuple[int | None, str, str]] | None = None  # run instead of the fork

    @property
    def writes_nothing_on_refusal(self) -> bool:
        return bool(self.argv) and self.argv[0] in ("draft", "check", "extract")


@dataclass
class Outcome:
    probe: Probe
    code: int | None
    stdout: str
    stderr: str
    faults: list[tuple[str, str]]
    seconds: float


# ---------------------------------------------------------------------------------------------
# The examples, with personal data planted

def example(name: str) -> dict[str, Any]:
    data = json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    d = data.setdefault("defendant", {})
    d["id_number"] = ID_NUMBER
    d["phone"] = PHONE
    d["address"] = ADDRESS
    d["residence"] = ADDRESS
    return data


def _contract_files(data: dict[str, Any]) -> Files:
    loan = data.get("loan") if isinstance(data, dict) else None
    ref = loan.get("contract_text") if isinstance(loan, dict) else None
    if isinstance(ref, str) and len(ref) < 200 and "\x00" not in ref and (ROOT / "examples" / ref).is_file():
        return {ref: (ROOT / "examples" / ref).read_bytes()}
    return {}


def dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, data


def objects(data: Any, path: str = "") -> Iterator[str]:
    if isinstance(data, dict):
        yield path
        for k, v in data.items():
            yield from objects(v, f"{path}.{k}" if path else k)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from objects(v, f"{path}[{i}]")


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    return [m.group(1) if m.group(1) is not None else int(m.group(2)) for m in _STEP.finditer(path)]


def set_at(data: Any, path: str, value: Any) -> Any:
    out = copy.deepcopy(data)
    node = out
    steps = _steps(path)
    for s in steps[:-1]:
        node = node[s]
    node[steps[-1]] = value
    return out


def case_probe(family: str, name: str, data_or_bytes: Any, *, command: str = "check", extra: Files | None = None,
               **kw: Any) -> Probe:
    raw = data_or_bytes if isinstance(data_or_bytes, bytes) else dump(data_or_bytes)
    files: Files = {"case.json": raw}
    if isinstance(data_or_bytes, dict):
        files.update(_contract_files(data_or_bytes))
    files.update(extra or {})
    argv = ["check", "--case", "case.json", "--format", "json", "--today", TODAY] if command == "check" else \
        ["draft", "--case", "case.json", "--out", "out", "--today", TODAY]
    return Probe(family, name, argv, files, **kw)


# ---------------------------------------------------------------------------------------------
# Families

_LEAF_MUTATIONS: dict[str, Any] = {
    "null": None, "list": [1], "object": {"x": 1}, "true": True, "empty": "", "blank": "   ",
    "huge_text": "长" * 200_000, "markup": MARKUP, "bell": "甲\x07乙", "zero_width": "甲\u200b乙",
    "rtl": "甲\u202e乙", "1e308": 1e308, "minus_one": -1, "nan_text": "NaN", "digits_400": "9" * 400,
    "id_number": ID_NUMBER, "phone": PHONE, "address": ADDRESS,
}
_DRAFTED = frozenset({"markup", "zero_width", "id_number", "phone", "address", "huge_text"})


@functools.lru_cache(maxsize=None)
def _baseline_text(name: str) -> str:
    """The visible text of the example's drafted documents (for the markup oracle)."""
    import tempfile

    from click.testing import CliRunner

    from docx_text import visible_text
    from respond.cli.main import main

    with tempfile.TemporaryDirectory() as tmp:
        case = Path(tmp) / "case.json"
        data = example(name)
        case.write_bytes(dump(data))
        for n, b in _contract_files(data).items():
            (Path(tmp) / n).write_bytes(b)
        r = CliRunner().invoke(main, ["draft", "--case", str(case), "--out", f"{tmp}/out", "--today", TODAY])
        assert r.exit_code == 0, r.output  # else every markup check would pass without looking
        return "\n".join(visible_text(p.read_bytes()) for p in sorted(Path(tmp, "out").glob("*.docx")))


def leaf_probes() -> Iterator[Probe]:
    for ex in EXAMPLES:
        data = example(ex)
        for path, original in leaves(data):
            for mname, value in _LEAF_MUTATIONS.items():
                drafted = mname in _DRAFTED
                shows = None
                if mname == "markup" and isinstance(original, str) and len(original) >= 4 \
                        and not path.startswith("notes"):
                    shows = (ex, original)
                p = case_probe("leaf", f"{ex}:{path}={mname}", set_at(data, path, value),
                               command="draft" if drafted else "check")
                p.field = path
                if shows:
                    p.check = markup_shown(*shows)
                yield p


def _delete_at(data: Any, path: str) -> Any:
    out = copy.deepcopy(data)
    node = out
    steps = _steps(path)
    for st in steps[:-1]:
        node = node[st]
    del node[steps[-1]]
    return out


def missing_probes() -> Iterator[Probe]:
    """Each key and list item of each example deleted in turn (a required one must be named)."""
    for ex in EXAMPLES:
        data = example(ex)
        paths = sorted({p for p, _ in leaves(data)} | {p for p in objects(data) if p})
        for path in paths:
            if path.startswith("notes"):
                continue
            p = case_probe("missing", f"{ex}:-{path}", _delete_at(data, path))
            p.field = path
            yield p


def combo_probes(n: int = 600, seed: int = 1616) -> Iterator[Probe]:
    """Two to four leaves of one example mutated or deleted at once: one message must list them."""
    rng = random.Random(seed)
    mutations = list(_LEAF_MUTATIONS.items()) + [("delete", None)]
    for k in range(n):
        ex = rng.choice(EXAMPLES)
        data = example(ex)
        paths = rng.sample([p for p, _ in leaves(data) if not p.startswith("notes")], rng.randint(2, 4))
        labels = []
        for path in sorted(paths, key=_steps, reverse=True):  # later list items first: indices stay true
            mname, value = rng.choice(mutations)
            try:
                data = _delete_at(data, path) if mname == "delete" else set_at(data, path, value)
            except (KeyError, IndexError, TypeError):
                continue  # an earlier deletion took its parent
            labels.append(f"{path}={mname}")
        p = case_probe("combo", f"{ex}:{k}:" + ",".join(labels), data, command="draft" if k % 3 == 0 else "check")
        p.any_field = tuple(paths)
        yield p


def markup_shown(ex: str, original: str) -> Callable[[Probe, Path, int | None], list[tuple[str, str]]]:
    def check(probe: Probe, work: Path, code: int | None) -> list[tuple[str, str]]:
        if code != 0 or original not in _baseline_text(ex):
            return []
        from docx_text import visible_text

        text = "\n".join(visible_text(p.read_bytes()) for p in sorted((work / "out").glob("*.docx")))
        if MARKUP not in text:
            return [("accepted", "the drafted documents do not show the user's text verbatim")]
        return []
    return check


def _money_paths(data: dict[str, Any]) -> list[str]:
    keys = ("principal", "interest", "penalty", "legal_costs", "amount")
    return [p for p, v in leaves(data) if p.rsplit(".", 1)[-1] in keys and isinstance(v, (str, int, float))
            and not p.startswith("notes") and "rollover" not in p]


def _rate_paths(data: dict[str, Any]) -> list[str]:
    return [p for p, v in leaves(data) if re.search(r"rate\.(annual|monthly|daily)$", p)]


def _date_paths(data: dict[str, Any]) -> list[str]:
    return [p for p, v in leaves(data) if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)
            and not p.startswith("notes")]


def must_reject_probes() -> Iterator[Probe]:
    money = ["1,000", "1,00", "1.000,00", "1，000", "NaN", "Infinity", "-Infinity", -5, [100], {"amount": 1}, True,
             "1e400", "12元"]
    rates = [18, 24, 36.5, "NaN", "Infinity", -0.1, True, "18%", [0.1], "1e-400"]  # (1e-400 as a float is 0.0)
    dates = ["2026-02-30", "2026-13-01", "2026-04-31", "2023-02-29", "10000-01-01", "9999-12-31", "1900-01-01",
             "2026/11/16", "20261116", 20261116, True, "2026-11-16T25:00", ""]
    for ex in EXAMPLES:
        data = example(ex)
        for path in _money_paths(data):
            for v in money:
                yield _reject(ex, data, path, v)
        for path in _rate_paths(data):
            for v in rates:
                yield _reject(ex, data, path, v)
        for path in _date_paths(data):
            for v in dates:
                yield _reject(ex, data, path, v)
        for opath in objects(data):
            if opath.startswith("notes"):
                continue
            where = f"{opath}.zzz_unknown" if opath else "zzz_unknown"
            yield _reject(ex, data, where, 1, name="unknown_field")
        yield _reject(ex, data, "court", "（2026）渝0112民初40517号", name="string_for_object")
        yield _reject(ex, data, "loan", [data["loan"]], name="list_for_object")
        yield _reject(ex, data, "version", 2, name="version_2")
        raw = dump(data).decode("utf-8")
        dup = raw.replace('"principal":', '"principal": "1.00",\n    "principal":', 1)
        yield case_probe("reject", f"{ex}:duplicate_key", dup.encode("utf-8"), expect="reject")
        nan = re.sub(r'("annual":\s*)[^,\n}]+', r"\1NaN", raw, count=1)
        if nan != raw:
            yield case_probe("reject", f"{ex}:nan_literal", nan.encode("utf-8"), expect="reject")
    yield Probe("reject", "starter_file_draft", ["draft", "--case", "starter.json", "--out", "out", "--today", TODAY],
                {"starter.json": _starter()}, expect="reject")
    yield Probe("reject", "starter_file_batch", ["batch", "starter.json", "--out", "out", "--today", TODAY, "--jobs", "1"],
                {"starter.json": _starter()}, expect="reject")


def _reject(ex: str, data: dict[str, Any], path: str, value: Any, name: str | None = None) -> Probe:
    label = name or json.dumps(value, ensure_ascii=False)[:20]
    if path.endswith("zzz_unknown"):
        parent = path[: -len(".zzz_unknown")] if "." in path else ""
        node: Any = copy.deepcopy(data)
        target = node
        for s in _steps(parent) if parent else []:
            target = target[s]
        target["zzz_unknown"] = value
        mutated = node
    else:
        mutated = set_at(data, path, value)
    p = case_probe("reject", f"{ex}:{path}={label}", mutated, expect="reject")
    p.field = path
    return p


@functools.lru_cache(maxsize=1)
def _starter() -> bytes:
    from click.testing import CliRunner

    from respond.cli.main import main

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        CliRunner().invoke(main, ["init", f"{tmp}/case.json"])
        return Path(tmp, "case.json").read_bytes()


def whole_file_probes() -> Iterator[Probe]:
    base = dump(example("microloan-fees"))
    text = base.decode("utf-8")
    contract = _contract_files(example("microloan-fees"))
    variants: dict[str, tuple[bytes, str]] = {
        "bom": (b"\xef\xbb\xbf" + base, "accept"),
        "crlf": (text.replace("\n", "\r\n").encode("utf-8"), "accept"),
        "utf16_bom": (text.encode("utf-16"), "reject"),
        "utf16le": (text.encode("utf-16-le"), "reject"),
        "gbk": (text.encode("gbk"), "reject"),
        "invalid_utf8": (base.replace("张三".encode(), b"\xff\xfe\xfa"), "reject"),
        "empty": (b"", "reject"),
        "whitespace": (b" \n\t\n", "reject"),
        "null": (b"null", "reject"),
        "list": (b"[]", "reject"),
        "number": (b"1", "reject"),
        "string": (b'"case"', "reject"),
        "nul_bytes": (b"\x00" * 1000, "reject"),
        "deep_nesting": (b'{"version": 1, "notes": ' + b"[" * 200_000 + b"]" * 200_000 + b"}", "reject"),
        "deep_objects": (b'{"version": 1, "loan": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001, "reject"),
        "trailing_data": (base + b"\nrm -rf /", "reject"),
        "two_objects": (base + base, "reject"),
        "comment": (b"// case\n" + base, "reject"),
        "single_quotes": (text.replace('"', "'").encode("utf-8"), "reject"),
        "size_60mb": (text.replace('"notes": {', '"notes": {"x": "' + "a" * 60_000_000 + '",', 1).encode(), "reject"),
        "huge_number": (text.replace('"10000.00"', "1" + "0" * 100_000, 1).encode(), "reject"),
    }
    for k in range(1, 12):
        variants[f"truncated_{k}"] = (base[: len(base) * k // 12], "reject")
    data = example("microloan-fees")
    many = set_at(data, "loan.payments", [{"date": "2024-04-15", "amount": "1.00"}] * 10_000)
    variants["payments_10k"] = (dump(many), "either")
    for name, (raw, expect) in variants.items():
        for command in ("check", "draft"):
            yield case_probe("whole", f"{name}:{command}", raw, command=command, extra=contract, expect=expect)


def path_probes() -> Iterator[Probe]:
    data = example("microloan-fees")
    good = dump(data)
    contract = _contract_files(data)
    cases: dict[str, Files] = {
        "dir": {"c.json": DIR},
        "fifo": {"c.json": FIFO},
        "dev_zero": {"c.json": Link("/dev/zero")},
        "dev_urandom": {"c.json": Link("/dev/urandom")},
        "dev_null": {"c.json": Link("/dev/null")},
        "loop": {"c.json": Link("c.json")},
        "dangling": {"c.json": Link("nowhere.json")},
        "etc_passwd": {"c.json": Link("/etc/passwd")},
        "missing": {},
        "pdf_as_case": {"c.json": (PDF_FIXTURES / "nanshan-chuanpiao.pdf").read_bytes()},
    }
    for name, files in cases.items():
        for argv in (["check", "--case", "c.json"], ["draft", "--case", "c.json", "--out", "out"]):
            yield Probe("path", f"case_{name}:{argv[0]}", argv + ["--today", TODAY], dict(files), expect="reject")
    yield Probe("path", "case_nul_in_path", ["check", "--case", "c\x00.json", "--today", TODAY], {}, expect="reject")
    yield Probe("path", "case_id_number_named", ["check", "--case", f"{ID_NUMBER}.json", "--today", TODAY], {},
                expect="reject")

    bomb = _zip_bomb()
    contracts: dict[str, tuple[str, Files]] = {
        "dir": ("c.txt", {"c.txt": DIR}),
        "dir_named_pdf": ("c.pdf", {"c.pdf": DIR}),
        "fifo": ("c.txt", {"c.txt": FIFO}),
        "fifo_pdf": ("c.pdf", {"c.pdf": FIFO}),
        "dev_zero": ("c.txt", {"c.txt": Link("/dev/zero")}),
        "dev_urandom": ("c.docx", {"c.docx": Link("/dev/urandom")}),
        "loop": ("c.txt", {"c.txt": Link("c.txt")}),
        "dangling": ("c.txt", {"c.txt": Link("gone.txt")}),
        "etc_passwd": ("/etc/passwd", {}),
        "dotdot_shadow": ("../../../../../../etc/shadow", {}),
        "zip_bomb_docx": ("c.docx", {"c.docx": bomb}),
        "random_docx": ("c.docx", {"c.docx": random.Random(1).randbytes(20_000)}),
        "binary_txt": ("c.txt", {"c.txt": b"\x00\x01\x02" * 5000}),
        "empty_txt": ("c.txt", {"c.txt": b""}),
        "gbk_txt": ("c.txt", {"c.txt": "借款合同 第一条 利率".encode("gbk")}),
        "txt_60mb": ("c.txt", {"c.txt": b"a" * 60_000_000}),
        "missing_id_named": (f"{ID_NUMBER}.pdf", {}),
        "missing_phone_named": (f"{PHONE}.pdf", {}),
        "missing_address_named": (f"{ADDRESS}.pdf", {}),
        "unknown_kind": ("c.xls", {"c.xls": b"PK\x03\x04"}),
        "markup_name": ("{{ 1+1 }}<b>.txt", {"{{ 1+1 }}<b>.txt": "第一条 借款金额".encode()}),
    }
    for pdf in sorted(PDF_FIXTURES.glob("hostile-*.pdf")):
        contracts[pdf.stem] = ("c.pdf", {"c.pdf": pdf.read_bytes()})
    truncated = (PDF_FIXTURES / "nanshan-qisu.pdf").read_bytes()
    contracts["truncated_pdf"] = ("c.pdf", {"c.pdf": truncated[: len(truncated) // 2]})
    for name, (ref, files) in contracts.items():
        mutated = set_at(data, "loan.contract_text", ref)
        for command in ("check", "draft"):
            p = case_probe("contract", f"{name}:{command}", mutated, command=command, extra=files)
            p.field = "loan.contract_text"
            p.slow = name in ("hostile-slow", "hostile-60-pages", "txt_60mb")
            yield p

    outs: dict[str, Files] = {
        "out_is_file": {"out": b"a user's file"},
        "out_under_file": {"f": b"a user's file"},
        "out_is_fifo": {"out": FIFO},
        "out_is_dangling_link": {"out": Link("nowhere")},
        "target_is_dir": {"out/答辩状.docx": DIR},
    }
    for name, files in outs.items():
        out = "f/sub" if name == "out_under_file" else "out"
        argv = ["draft", "--case", "case.json", "--out", out, "--today", TODAY]
        yield Probe("path", name, argv, {"case.json": good, **contract, **files}, expect="reject")
        yield Probe("path", name + ":force", argv + ["--force"], {"case.json": good, **contract, **files},
                    expect="reject")
    yield Probe("path", "out_dev_null", ["draft", "--case", "case.json", "--out", "/dev/null", "--today", TODAY],
                {"case.json": good, **contract}, expect="reject")
    yield Probe("path", "out_nul", ["draft", "--case", "case.json", "--out", "o\x00ut", "--today", TODAY],
                {"case.json": good, **contract}, expect="reject")

    for opt, bad in (("--holidays", _bad_support_files("json")), ("--lpr", _bad_support_files("csv"))):
        for name, files in bad.items():
            argv = ["check", "--case", "case.json", "--today", TODAY, opt, "extra"]
            yield Probe("support", f"{opt[2:]}:{name}", argv, {"case.json": good, **contract, **files},
                        expect="reject")
        yield Probe("support", f"{opt[2:]}:env_fifo", ["check", "--case", "case.json", "--today", TODAY],
                    {"case.json": good, **contract, "extra": FIFO}, expect="reject",
                    env={"RESPOND_HOLIDAYS" if opt == "--holidays" else "RESPOND_LPR": "extra"})


def _bad_support_files(kind: str) -> dict[str, Files]:
    out: dict[str, Files] = {
        "missing": {}, "dir": {"extra": DIR}, "fifo": {"extra": FIFO}, "dev_zero": {"extra": Link("/dev/zero")},
        "binary": {"extra": b"\xff\x00" * 100}, "huge": {"extra": b"1" * 30_000_000}, "empty": {"extra": b""},
    }
    if kind == "json":
        out.update({
            "not_json": {"extra": b"{"}, "list": {"extra": b"[1]"},
            "bad_date": {"extra": json.dumps({"2027": {"holidays": ["2027-02-30"], "workdays": []}}).encode()},
            "markup": {"extra": json.dumps({"2027": {"holidays": [MARKUP], "workdays": []}}).encode()},
        })
    else:
        out.update({
            "bad_date": {"extra": "2026-13-20,3.0\n".encode()}, "nan": {"extra": b"2026-12-20,NaN\n"},
            "comma_rate": {"extra": "2026-12-20,3,0\n".encode()}, "percent_looks_fraction": {"extra": b"2026-12-20,0.03\n"},
            "markup": {"extra": f"{MARKUP},3.0\n".encode()},
        })
    return out


@functools.lru_cache(maxsize=1)
def _zip_bomb() -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * 300_000_000 + b"</w:document>")
    return buf.getvalue()


def extract_probes() -> Iterator[Probe]:
    pdfs: dict[str, Files] = {p.stem: {"in.pdf": p.read_bytes()} for p in sorted(PDF_FIXTURES.glob("hostile-*.pdf"))}
    real = (PDF_FIXTURES / "nanshan-chuanpiao.pdf").read_bytes()
    pdfs.update({
        "truncated": {"in.pdf": real[: len(real) // 3]},
        "not_pdf": {"in.pdf": b"hello"},
        "empty": {"in.pdf": b""},
        "fifo": {"in.pdf": FIFO},
        "dir": {"in.pdf": DIR},
        "dev_zero": {"in.pdf": Link("/dev/zero")},
        "loop": {"in.pdf": Link("in.pdf")},
        "random_png": {"in.pdf": b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(5000)},
        "zip_as_pdf": {"in.pdf": _zip_bomb()[:4096]},
    })
    for name, files in pdfs.items():
        yield Probe("extract", name, ["extract", "in.pdf", "-o", "case.json"], files,
                    slow=name in ("hostile-slow", "hostile-60-pages"))
    yield Probe("extract", "served_on_feb_30",
                ["extract", "in.pdf", "-o", "case.json", "--served-on", "2026-02-30"], {"in.pdf": real},
                expect="reject", field="--served-on")
    yield Probe("extract", "served_on_year_10000",
                ["extract", "in.pdf", "-o", "case.json", "--served-on", "10000-01-01"], {"in.pdf": real},
                expect="reject", field="--served-on")
    yield Probe("extract", "existing_output", ["extract", "in.pdf", "-o", "case.json"],
                {"in.pdf": real, "case.json": b"{\"mine\": 1}"}, expect="reject")
    yield Probe("extract", "output_is_dir", ["extract", "in.pdf", "-o", "case.json", "--force"],
                {"in.pdf": real, "case.json": DIR}, expect="reject")


def template_probes() -> Iterator[Probe]:
    from hostile.firm import HOSTILE

    case = dump(example("microloan-fees"))
    contract = _contract_files(example("microloan-fees"))
    for key, (payload, _words) in sorted(HOSTILE.items()):
        yield Probe("template", key, ["draft", "--case", "case.json", "--out", "out", "--templates", "firm",
                                      "--today", TODAY],
                    {"case.json": case, **contract, "firm": ("firm", payload)}, expect="reject",
                    slow=key == "nested_output")
    for key, raw in {"not_a_zip": b"hello", "empty": b"", "truncated_zip": b"PK\x03\x04" + b"\x00" * 40,
                     "zip_bomb": _zip_bomb()}.items():
        yield Probe("template", key, ["draft", "--case", "case.json", "--out", "out", "--templates", "firm",
                                      "--today", TODAY],
                    {"case.json": case, **contract, "firm": ("firm-raw", raw)}, expect="reject")
    for key, files in {"missing_folder": {}, "folder_is_file": {"firm": b"x"}, "folder_is_fifo": {"firm": FIFO},
                       "empty_folder": {"firm": DIR}}.items():
        yield Probe("template", key, ["draft", "--case", "case.json", "--out", "out", "--templates", "firm",
                                      "--today", TODAY], {"case.json": case, **contract, **files}, expect="reject")


# ---------------------------------------------------------------------------------------------
# Own files, file-system faults, batch

PACKAGE = ("答辩状.docx", "利息重算表.docx", "report.json", "说明.md")


def own_file_probes() -> Iterator[Probe]:
    data = example("microloan-fees")
    case = {"case.json": dump(data), **_contract_files(data)}
    draft = ["draft", "--case", "case.json", "--out", "out", "--today", TODAY]
    user = {"out/证据目录.txt": "我的证据目录".encode(), "out/答辩状.docx": b"my own answer, not respond's"}
    yield Probe("own", "user_files_no_force", draft, {**case, **user}, expect="reject")
    yield Probe("own", "user_files_force", draft + ["--force"], {**case, **user}, expect="reject")
    forged = {"out/report.json": json.dumps({"outputs": ["证据目录.txt", "../case.json", "说明.md"]}).encode(),
              "out/.respond-files.json": json.dumps({"files": {"证据目录.txt": "0" * 64, "../case.json": "0" * 64}}).encode(),
              "out/证据目录.txt": "我的证据目录".encode()}
    yield Probe("own", "forged_record_force", draft + ["--force"], {**case, **forged})
    yield Probe("own", "forged_record_symlink", draft + ["--force"],  # the link may go, never its target
                {**case, "out/.respond-files.json": Link("../case.json"), "out/证据目录.txt": "我的".encode()},
                replaceable=("out/.respond-files.json",))
    yield Probe("own", "redraft_own_force", draft + ["--force"], {**case, "out": ("drafted", data)},
                replaceable=tuple(f"out/{n}" for n in (*PACKAGE, ".respond-files.json")), expect="accept")
    yield Probe("own", "redraft_own_no_force", draft, {**case, "out": ("drafted", data)}, expect="reject")
    leftovers = {"out/.答辩状.docx.k3j2ab_9.tmp": b"half", "out/.report.json.x1y2z3w4.tmp": b"{"}  # mkstemp's names
    yield Probe("own", "leftover_tmp_cleaned", draft + ["--force"], {**case, "out": ("drafted", data), **leftovers},
                replaceable=tuple(f"out/{n}" for n in (*PACKAGE, ".respond-files.json")) + tuple(leftovers),
                expect="accept")
    batch = ["batch", "cases", "--out", "out", "--today", TODAY, "--jobs", "2"]
    bcase = {f"cases/{n}.json": dump(example(n)) for n in EXAMPLES}
    bcase.update({f"cases/{k}": v for k, v in _contract_files(data).items()})
    yield Probe("own", "batch_user_files_no_force", batch,
                {**bcase, "out/（2026）渝0112民初40517号/证据目录.txt": "我的".encode(),
                 "out/（2026）渝0112民初40517号/答辩状.docx": b"mine", "out/summary.csv": "我的表格".encode(),
                 "out/notes.txt": "我的笔记".encode()})
    yield Probe("own", "batch_user_summary_force", batch + ["--force"],
                {**bcase, "out/summary.csv": "我的表格".encode()})


def fs_probes() -> Iterator[Probe]:
    data = example("microloan-fees")
    case = {"case.json": dump(data), **_contract_files(data)}
    draft_into = lambda d: ["draft", "--case", "case.json", "--out", d, "--today", TODAY]  # noqa: E731
    yield Probe("fs", "read_only_tmpfs", draft_into("ro/out"), dict(case), mounts=(("ro", "ro,size=1m"),),
                expect="reject", slow=True)
    yield Probe("fs", "disk_full_tmpfs", draft_into("small/out"), dict(case), mounts=(("small", "size=64k"),),
                expect="reject", slow=True)
    yield Probe("fs", "batch_disk_full", ["batch", "case.json", "--out", "small/out", "--today", TODAY, "--jobs", "1"],
                dict(case), mounts=(("small", "size=64k"),), expect="reject", slow=True)
    yield Probe("fs", "extract_read_only", ["extract", "in.pdf", "-o", "ro/case.json"],
                {"in.pdf": (PDF_FIXTURES / "nanshan-chuanpiao.pdf").read_bytes()}, mounts=(("ro", "ro,size=1m"),),
                expect="reject", slow=True)


def batch_probes() -> Iterator[Probe]:
    data = example("microloan-fees")
    good = {f"cases/{n}.json": dump(example(n)) for n in EXAMPLES}
    good.update({f"cases/{k}": v for k, v in _contract_files(data).items()})
    hostile = {"cases/fifo.json": FIFO, "cases/dangling.json": Link("gone.json"), "cases/loop.json": Link("loop.json"),
               "cases/zero.json": Link("/dev/zero"), "cases/dir.json": DIR, "cases/broken.json": b"{",
               "cases/empty.json": b"", "cases/utf16.json": dump(data).decode().encode("utf-16"),
               "cases/starter.json": _starter(), "cases/bad_date.json": dump(set_at(data, "service.date", "2026-02-30"))}
    argv = ["batch", "cases", "--out", "out", "--today", TODAY, "--jobs", "2"]
    expected = len([k for k in {**good, **hostile} if k.endswith(".json")])
    yield Probe("batch", "hostile_files_among_good", argv, {**good, **hostile}, expect="reject",
                check=_every_case_listed(expected))
    for name, value in hostile.items():
        yield Probe("batch", f"one_{Path(name).stem}", argv, {**good, name: value}, expect="reject",
                    check=_every_case_listed(len(EXAMPLES) + 1))
    yield big_batch_probe()
    yield Probe("batch", "files_listed", ["batch", "cases/fifo.json", "cases/dangling.json", "nowhere.json",
                                          "cases/microloan-fees.json", "--out", "out", "--today", TODAY],
                {**good, **hostile}, expect="reject", check=_every_case_listed(4))


def big_batch_probe(good: int = 950) -> Probe:
    """Issue 16's batch of 1,000 with 50 broken cases: every one listed, the 50 rejected (none
    counted internal), the 950 drafted. The broken ones cycle through ten kinds."""
    base = example("bank-within-cap")
    files: Files = {}
    for i in range(good):
        files[f"cases/g{i:04d}.json"] = dump(set_at(base, "court.case_number", f"（2026）沪0115民初{20000 + i}号"))
    kinds: list[Any] = [FIFO, Link("gone.json"), "loop", Link("/dev/zero"), DIR, b"{", b"",
                        dump(base).decode().encode("utf-16"), dump(set_at(base, "service.date", "2026-02-30")),
                        dump(set_at(base, "loan.principal", "1,000"))]
    for i in range(50):
        name = f"cases/b{i:04d}.json"
        kind = kinds[i % len(kinds)]
        files[name] = Link(Path(name).name) if kind == "loop" else kind
    return Probe("batch", "1000_with_50_broken", ["batch", "cases", "--out", "out", "--today", TODAY, "--jobs", "2"],
                 files, expect="reject", timeout=240, check=_every_case_listed(good + 50, drafted=good))


def _every_case_listed(n: int, drafted: int | None = None) -> Callable[[Probe, Path, int | None], list[tuple[str, str]]]:
    def check(probe: Probe, work: Path, code: int | None) -> list[tuple[str, str]]:
        import csv

        summary = work / "out" / "summary.csv"
        if code is None:
            return []
        if not summary.is_file():
            return [("half-written", "no summary.csv")]
        rows = list(csv.reader(summary.read_text(encoding="utf-8-sig").splitlines()))[1:]
        faults = []
        if len(rows) != n:
            faults.append(("lost", f"summary.csv lists {len(rows)} cases, not {n}"))
        for r in rows:
            if r[16] == "failed" or "内部错误" in r[17]:
                faults.append(("internal", f"a case counted internal: {r[0]} {r[17][:60]}"))
            elif r[16] == "rejected" and not re.search(r"[\u4e00-\u9fff]", r[17]):
                faults.append(("unclear", f"{r[0]}: {r[17][:60]}"))
        if drafted is not None and sum(r[16] == "drafted" for r in rows) != drafted:
            faults.append(("lost", f"{sum(r[16] == 'drafted' for r in rows)} drafted, not {drafted}"))
        return faults
    return check


def sheet_probes() -> Iterator[Probe]:
    """respond batch on a spreadsheet of cases (issue 15): every cell of the template's example row
    mutated, each with a good row beside it (both listed; the good one drafted), and hostile files."""
    import csv
    import io

    from respond.case.sheet import EXAMPLE_ROW, HEADERS, template_xlsx

    good = {**EXAMPLE_ROW, "案号": "（2026）浙0106民初1号", "被告身份证号": ID_NUMBER, "被告住所": ADDRESS}
    argv = ["batch", "s.csv", "--out", "out", "--today", TODAY, "--jobs", "1"]
    for h in HEADERS:
        for mname, value in (("markup", MARKUP), ("huge", "长" * 5000), ("formula", "=1+1"), ("id_number", ID_NUMBER),
                             ("comma", "1,000"), ("percent", "18"), ("date", "2026-02-30"), ("bell", "\a"),
                             ("empty", ""), ("phone", PHONE)):
            bad = {**good, "案号": "（2026）浙0106民初2号", h: value}
            buf = io.StringIO()
            csv.writer(buf).writerows([HEADERS, [good.get(x, "") for x in HEADERS], [bad.get(x, "") for x in HEADERS]])
            p = Probe("sheet", f"cell:{h}={mname}", argv, {"s.csv": buf.getvalue().encode("utf-8")},
                      check=_every_case_listed(2))
            yield p
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<" * (60 * 2**20))
    for name, target, listed in (("fifo", FIFO, 1), ("dev_zero", Link("/dev/zero"), 1), ("broken_xlsx", b"PK\x03\x04", 1),
                                 ("zip_bomb", bomb.getvalue(), 1), ("gbk", "法院,被告\n甲,乙\n".encode("gbk"), 1),
                                 ("template", template_xlsx(), 1)):
        suffix = ".xlsx" if name in ("broken_xlsx", "zip_bomb", "template", "dev_zero") else ".csv"
        yield Probe("sheet", f"file:{name}", ["batch", f"s{suffix}", "--out", "out", "--today", TODAY],
                    {f"s{suffix}": target}, expect="accept" if name == "template" else "reject",
                    check=_every_case_listed(listed))
    yield from _file_list_probes()


def _file_list_probes() -> Iterator[Probe]:
    """respond batch --files-from: hostile list files."""
    case = dump(example("bank-within-cap"))
    for name, listing in (("fifo", FIFO), ("dev_zero", Link("/dev/zero")), ("nul", b"c.json\x00x.json\n"),
                          ("gbk", "c.json\n案件.json\n".encode("gbk")), ("missing_entries", b"c.json\nnowhere.json\n"),
                          ("markup", (MARKUP + "\nc.json\n").encode("utf-8")), ("dir", DIR)):
        yield Probe("sheet", f"files_from:{name}", ["batch", "--files-from", "list.txt", "--out", "out", "--today", TODAY],
                    {"list.txt": listing, "c.json": case}, expect="reject")


def debts_probes() -> Iterator[Probe]:
    """respond debts: the debts example (its files beside it) with each field mutated, and its
    spreadsheet form with each cell mutated."""
    folder = ROOT / "examples" / "debts"
    data = json.loads((folder / "debts.json").read_text(encoding="utf-8"))
    for debt in data["debts"]:
        if "loan" in debt:
            debt.setdefault("creditor", {})["address"] = ADDRESS  # personal data planted, as in the cases
    beside = {"jurisdiction-objection.json": dump(example("jurisdiction-objection")),
              "microloan-fees-contract.txt": (ROOT / "examples" / "microloan-fees-contract.txt").read_bytes()}
    argv = ["debts", "d/debts.json", "--out", "out", "--letters", "--collection", "--disputes", "--today", TODAY]
    mutations = {k: v for k, v in _LEAF_MUTATIONS.items() if k in (
        "null", "list", "object", "true", "empty", "huge_text", "markup", "bell", "1e308", "minus_one",
        "nan_text", "id_number")}
    rng = random.Random(14)
    paths = [p for p, _ in leaves(data)]
    chosen = rng.sample(paths, min(40, len(paths)))
    chosen += [p for p in paths if ".credit_record" in p and p not in chosen]  # every field of the dispute
    for path in chosen:
        for mname, value in mutations.items():
            p = Probe("debts", f"json:{path}={mname}", argv, {"d/debts.json": dump(set_at(data, path, value)),
                                                                **beside})
            p.field = path
            yield p
    import csv
    import io

    from respond.debts.form import rows_of, template

    rows = rows_of(template())
    for col in range(len(rows[1])):
        for mname, value in (("markup", MARKUP), ("comma", "1,000"), ("percent", "18"), ("date", "2026-02-30"),
                             ("huge", "长" * 5000), ("formula", "=1+1"), ("id_number", ID_NUMBER)):
            mutated = [list(r) for r in rows]
            mutated[2][col] = value
            buf = io.StringIO()
            csv.writer(buf).writerows(mutated)
            yield Probe("debts", f"form:{rows[1][col]}={mname}", ["debts", "f.csv", "--out", "out", "--today", TODAY],
                        {"f.csv": buf.getvalue().encode("utf-8"), **beside})
    yield from _log_probes(data, beside)
    for name, files in {"dir": {"d/debts.json": DIR}, "fifo": {"d/debts.json": FIFO},
                        "dev_zero": {"d/debts.json": Link("/dev/zero")}, "loop": {"d/debts.json": Link("debts.json")},
                        "not_json": {"d/debts.json": b"{"}, "case_file_loop": {
                            "d/debts.json": dump(set_at(data, "debts[0].case_file", "loop.json")),
                            "d/loop.json": Link("loop.json"), **beside},
                        "case_file_fifo": {"d/debts.json": dump(set_at(data, "debts[0].case_file", "f.json")),
                                           "d/f.json": FIFO, **beside},
                        "xlsx_broken": {"d/debts.xlsx": b"PK\x03\x04broken"}}.items():
        target = "d/debts.xlsx" if name.startswith("xlsx") else "d/debts.json"
        yield Probe("debts", f"path:{name}", ["debts", target, "--out", "out", "--today", TODAY], files,
                    expect="reject")


def _log_probes(data: dict, beside: dict[str, bytes]) -> Iterator[Probe]:
    """respond debts --complaints: the person's collection log with each cell mutated, and hostile paths."""
    import csv
    import io

    from respond.debts.evidence import LOG_HEADERS

    row = ["2026-11-03", "21:40", "某某借钱", "95xxx", "小王", "电话", "再不还钱就打给你单位领导", "是", "是", "录音.m4a", ""]
    argv = ["debts", "d/debts.json", "--out", "out", "--complaints", "log.csv", "--today", TODAY]
    base = {"d/debts.json": dump(data), **beside}
    for col in range(len(LOG_HEADERS)):
        for mname, value in (("markup", MARKUP), ("huge", "长" * 5000), ("formula", "=1+1"), ("id_number", ID_NUMBER),
                             ("phone", PHONE), ("bell", "\a"), ("empty", "")):
            mutated = list(row)
            mutated[col] = value
            buf = io.StringIO()
            csv.writer(buf).writerows([LOG_HEADERS, mutated])
            yield Probe("debts", f"log:{LOG_HEADERS[col]}={mname}", argv, {"log.csv": buf.getvalue().encode("utf-8"), **base})
    for name, target in (("fifo", FIFO), ("dev_zero", Link("/dev/zero")), ("dir", DIR), ("gbk", "日期".encode("gbk")),
                         ("broken_xlsx", b"PK\x03\x04broken")):
        yield Probe("debts", f"log_path:{name}", argv, {"log.csv": target, **base}, expect="reject")


def special_probes() -> Iterator[Probe]:
    yield Probe("special", "draft_without_network", [], custom=_draft_without_network, slow=True)
    yield Probe("special", "batch_sigkill_and_rerun", [], custom=_batch_killed_and_rerun, slow=True, timeout=300)


def _respond() -> list[str]:
    """The command line of this interpreter's respond, as a user's shell would start it."""
    return [sys.executable, "-c", "import sys; from respond.cli.main import main; sys.argv[0] = 'respond'; main()"]


def _draft_without_network(work: Path) -> tuple[int | None, str, str]:
    data = example("microloan-fees")
    (work / "case.json").write_bytes(dump(data))
    for n, b in _contract_files(data).items():
        (work / n).write_bytes(b)
    cmd = ["unshare", "-n", *_respond(), "draft", "--case", "case.json", "--out", "out", "--today", TODAY]
    r = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=120)
    if r.returncode != 0 and "unshare" in r.stderr and "Operation not permitted" in r.stderr:
        return 0, "", ""  # no namespaces here: nothing to classify
    faults = "" if (work / "out" / "答辩状.docx").is_file() or r.returncode != 0 else "no answer drafted"
    return r.returncode, r.stdout, r.stderr + faults


def _batch_killed_and_rerun(work: Path) -> tuple[int | None, str, str]:
    import csv

    cases = work / "cases"
    cases.mkdir()
    n = 600
    for i in range(n):
        data = set_at(example(EXAMPLES[i % 4]), "court.case_number", f"（2026）渝0112民初{10000 + i}号")
        data["loan"].pop("contract_text", None)
        (cases / f"c{i:04d}.json").write_bytes(dump(data))
    cmd = [*_respond(), "batch", "cases", "--out", "out", "--today", TODAY, "--jobs", "2"]
    proc = subprocess.Popen(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((work / "out").glob("*/report.json"))) < 50:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    first = {p.parent.name: p.stat().st_mtime_ns for p in (work / "out").glob("*/report.json")}
    if len(first) >= n or (work / "out" / "summary.csv").exists():
        return 99, "", f"the batch finished before it was killed ({len(first)} drafted): nothing was tested"
    r = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=240)
    problems = []
    if not (work / "out" / "summary.csv").is_file():
        return 99, r.stdout, r.stderr + "\nno summary.csv after the rerun"
    rows = list(csv.reader((work / "out" / "summary.csv").read_text(encoding="utf-8-sig").splitlines()))[1:]
    if len(rows) != n or any(row[16] not in ("drafted", "skipped") for row in rows):
        problems.append(f"after the rerun summary.csv has {len(rows)} rows, not {n} drafted or skipped")
    folders = [p for p in (work / "out").iterdir() if p.is_dir()]
    if len(folders) != n:
        problems.append(f"{len(folders)} folders for {n} cases")
    redrafted = [f for f, t in first.items() if (work / "out" / f / "report.json").stat().st_mtime_ns != t]
    # (redrafting what the killed run finished costs time, not correctness: issue 15's checkpoints)
    note = f"\n{len(redrafted)} of {len(first)} cases drafted before the kill were drafted again"
    return r.returncode if not problems else 99, r.stdout + note, r.stderr + "\n".join(problems)


FAMILIES: dict[str, Callable[[], Iterator[Probe]]] = {
    "leaf": leaf_probes, "missing": missing_probes, "combo": combo_probes, "reject": must_reject_probes, "whole": whole_file_probes, "path": path_probes,
    "extract": extract_probes, "template": template_probes, "own": own_file_probes, "fs": fs_probes,
    "batch": batch_probes, "debts": debts_probes, "sheet": sheet_probes, "special": special_probes,
}


BIG = frozenset({"leaf", "missing", "combo", "reject"})  # sampled when a selection is asked for


def probes(n: int | None = None, *, seed: int = 16, quick: bool = False,
           families: tuple[str, ...] | None = None) -> list[Probe]:
    """All probes (``n`` None), or a deterministic selection of about ``n``: every probe of the
    small families, the rest from the mutations (``BIG``). ``quick`` leaves out the slow
    and root-only probes."""
    chosen: list[Probe] = []
    big: list[Probe] = []
    for name, family in FAMILIES.items():
        if families and name not in families:
            continue
        items = [p for p in family() if not (quick and p.slow)]
        (big if name in BIG else chosen).extend(items)
    if n is None:
        return chosen + big
    rng = random.Random(seed)
    if len(chosen) > n // 2:
        chosen = rng.sample(chosen, n // 2)
    room = max(0, n - len(chosen))
    return chosen + (rng.sample(big, room) if room < len(big) else big)


# ---------------------------------------------------------------------------------------------
# Running

def materialize(probe: Probe, work: Path) -> None:
    work.mkdir(parents=True)
    for folder, opts in probe.mounts:
        (work / folder).mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(work / folder)], check=True)
    for name, value in probe.files.items():
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if value is FIFO:
            os.mkfifo(target)
        elif value is DIR:
            target.mkdir()
        elif isinstance(value, Link):
            os.symlink(value.target, target)
        elif isinstance(value, tuple) and value[0] == "firm":
            from hostile.firm import firm_dir

            (work / ".firm-src").mkdir()
            firm_dir(work / ".firm-src", value[1]).rename(target)
            shutil.rmtree(work / ".firm-src")
        elif isinstance(value, tuple) and value[0] == "firm-raw":
            from hostile.firm import firm_dir

            (work / ".firm-src").mkdir()
            firm_dir(work / ".firm-src", raw=value[1]).rename(target)
            shutil.rmtree(work / ".firm-src")
        elif isinstance(value, tuple) and value[0] == "drafted":
            _draft_in_process(value[1], work, target)
        else:
            target.write_bytes(value if isinstance(value, bytes) else str(value).encode("utf-8"))


def _draft_in_process(data: dict[str, Any], work: Path, out: Path) -> None:
    from click.testing import CliRunner

    from respond.cli.main import main

    r = CliRunner().invoke(main, ["draft", "--case", str(work / "case.json"), "--out", str(out), "--today", TODAY])
    assert r.exit_code == 0, r.output


def unmount(probe: Probe, work: Path) -> None:
    for folder, _ in probe.mounts:
        subprocess.run(["umount", "-l", str(work / folder)], check=False)


def snapshot(work: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(work):
        for f in filenames:
            p = Path(dirpath) / f
            rel = str(p.relative_to(work))
            if p.is_symlink() or not p.is_file():
                out[rel] = "special"
                continue
            h = hashlib.sha256()
            with open(p, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            out[rel] = h.hexdigest()
        for d in dirnames:
            p = Path(dirpath) / d
            if p.is_symlink():
                out[str(p.relative_to(work))] = "special"
    return out


def _child(probe: Probe, work: Path, out_path: Path, err_path: Path) -> None:
    code = 1
    try:
        os.setsid()
        os.chdir(work)
        os.environ.update(probe.env)
        for var in ("RESPOND_HOLIDAYS", "RESPOND_LPR"):
            if var not in probe.env:
                os.environ.pop(var, None)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
        os.dup2(os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
        sys.stdin = open(0, encoding="utf-8", closefd=False)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
        from respond.cli.main import main

        try:
            main.main(args=probe.argv, prog_name="respond")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _read(p: Path) -> str:
    try:
        return p.read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def _warm() -> None:
    """Import in the parent what every child would import again: the CLI and the chart's canvas."""
    from matplotlib.backends import backend_agg  # noqa: F401

    from respond.cli.main import main  # noqa: F401
    from respond.debts import chart

    chart.cjk_font()


def run(selected: list[Probe], root: Path, *, jobs: int = 2,
        progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Run the probes, ``jobs`` at a time (custom probes one by one after), each in ``root/NNNN``."""
    _warm()
    root.mkdir(parents=True, exist_ok=True)
    logs = root / "_logs"
    logs.mkdir(exist_ok=True)
    outcomes: list[Outcome] = []
    running: dict[int, tuple[int, Probe, Path, dict[str, str], float]] = {}
    queue = [(i, p) for i, p in enumerate(selected) if p.custom is None]
    customs = [(i, p) for i, p in enumerate(selected) if p.custom is not None]

    def finish(i: int, probe: Probe, work: Path, before: dict[str, str], start: float, code: int | None) -> None:
        out, err = _read(logs / f"{i:04d}.out"), _read(logs / f"{i:04d}.err")
        oc = Outcome(probe, code, out, err, classify(probe, work, before, code, out, err), time.monotonic() - start)
        unmount(probe, work)
        outcomes.append(oc)
        if progress:
            progress(oc)

    while queue or running:
        while queue and len(running) < jobs:
            i, probe = queue.pop(0)
            work = root / f"{i:04d}"
            materialize(probe, work)
            before = snapshot(work)
            start = time.monotonic()
            pid = os.fork()
            if pid == 0:
                _child(probe, work, logs / f"{i:04d}.out", logs / f"{i:04d}.err")
            running[pid] = (i, probe, work, before, start)
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid and pid in running:
            i, probe, work, before, start = running.pop(pid)
            finish(i, probe, work, before, start, os.waitstatus_to_exitcode(status))
            continue
        now = time.monotonic()
        for pid, (i, probe, work, before, start) in list(running.items()):
            if now - start > probe.timeout:
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os.waitpid(pid, 0)
                running.pop(pid)
                finish(i, probe, work, before, start, None)
        time.sleep(0.005)
    for i, probe in customs:
        work = root / f"{i:04d}"
        work.mkdir(parents=True)
        start = time.monotonic()
        try:
            code, out, err = probe.custom(work)
        except subprocess.TimeoutExpired:
            code, out, err = None, "", ""
        except Exception as exc:  # the probe itself broke: count it, never stop the campaign
            code, out, err = 99, "", f"probe failed: {type(exc).__name__}: {exc}"
        oc = Outcome(probe, code, out, err, classify(probe, work, {}, code, out, err), time.monotonic() - start)
        outcomes.append(oc)
        if progress:
            progress(oc)
    return outcomes


_FIELD = re.compile(r"[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)+")


def names_field(text: str, path: str) -> bool:
    """The message names ``path``, the list it is an item of, or its parent object when that is
    itself a nested path (``loan.fees[0]`` for ``loan.fees[0].amount``, never just ``loan``)."""
    candidates = [path, re.sub(r"\[\d+\]$", "", path)]
    steps = path.split(".")
    if len(steps) >= 3:
        candidates.append(".".join(steps[:-1]))
    return any(c and c in text for c in candidates)


def classify(probe: Probe, work: Path, before: dict[str, str], code: int | None, out: str, err: str) \
        -> list[tuple[str, str]]:
    faults: list[tuple[str, str]] = []
    if code is None:
        return [("hang", f"over {probe.timeout:.0f} s")]
    text = out + err
    if code not in (0, 2) or "Traceback" in text or "内部错误" in err:
        faults.append(("internal", f"exit {code}: {err.strip()[-200:]}"))
    shown = err + (out if code != 0 else "")
    summaries = [p for p in work.rglob("summary.csv")] if work.exists() else []
    for s in SECRETS:
        if s in shown or any(s in _read(p) for p in summaries):
            faults.append(("leak", f"{s[:3]}… shown"))
    if probe.expect == "reject" and code == 0:
        faults.append(("accepted", "exit 0 for input that must be refused"))
    if probe.expect == "accept" and code == 2:
        faults.append(("refused", f"exit 2 for sound input: {err.strip()[:200]}"))
    after = snapshot(work) if work.exists() else {}
    for rel, digest in before.items():
        if rel in probe.replaceable:
            continue
        if after.get(rel) != digest:
            faults.append(("lost", f"{rel} {'changed' if rel in after else 'gone'}"))
    tmp = [rel for rel in after if rel.endswith(".tmp")]
    if tmp:
        faults.append(("half-written", f"left {tmp[:3]}"))
    if code == 2 and probe.writes_nothing_on_refusal:
        new = [rel for rel in after if rel not in before]
        if new:
            faults.append(("half-written", f"refused yet wrote {new[:3]}"))
    if code == 2:
        said = out + err if probe.argv[:1] == ["batch"] else err  # a batch reports on stdout and in summary.csv
        if not re.search(r"[\u4e00-\u9fff]", said):
            faults.append(("unclear", f"no Chinese: {said.strip()[:160]}"))
        elif probe.field and not names_field(said, probe.field):
            faults.append(("unclear", f"{probe.field} not named: {said.strip()[:160]}"))
        elif probe.any_field and not any(names_field(said, f) for f in probe.any_field):
            faults.append(("unclear", f"none of {probe.any_field} named: {said.strip()[:160]}"))
    if probe.check:
        faults.extend(probe.check(probe, work, code))
    return faults


def tally(outcomes: list[Outcome]) -> dict[str, int]:
    counts = {c: 0 for c in (*CLASSES, "refused")}
    for oc in outcomes:
        for c in {c for c, _ in oc.faults}:
            counts[c] = counts.get(c, 0) + 1
    return counts


def line(outcomes: list[Outcome]) -> str:
    t = tally(outcomes)
    return (f"{len(outcomes)} hostile inputs: {t['internal']} internal errors, {t['lost']} lost or overwritten files, "
            f"{t['leak']} personal-data leaks, {t['hang']} hangs, {t['accepted']} wrongly accepted, "
            f"{t['half-written']} half-written files, {t['unclear']} unclear messages")
