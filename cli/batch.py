"""``respond batch``: draft hundreds of cases at once and write one summary, most urgent first.

The flow, and where each cost lives:

1. *Plan* (main process): list the case files (a folder's ``*.json``, or the files given), read
   each one's ``court.case_number`` cheaply (plain JSON, no validation) and give every case its own
   output folder, safe on every file system and unique (:func:`safe_folder_name`,
   :func:`assign_folders`). Cases whose outputs are already newer than their input are *skipped*
   here: their figures are read back from their ``report.json``.
2. *Draft* (``--jobs`` worker processes, or in-process with ``--jobs 1``): each worker builds the
   :class:`~respond.cli.engine.Engine` and loads the compiled templates once, in the pool
   initializer; a case is then load → analyse → build the package → write it, and only a small
   summary row travels back. A bad case becomes a ``rejected`` row with its problems; a bug in one
   case becomes a ``failed`` row (type and place only, never the case's data); the others go on.
3. *Summary* (main process): the rows sorted by answer due date, soonest first, written to
   ``summary.csv`` (UTF-8 with BOM, for Excel/WPS), and the ten most urgent cases on the console.

Exit code: 0 every case drafted or up to date; 2 some case rejected (listed in the summary);
1 an internal error in some case (or anywhere else).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import sys
import time
import unicodedata
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import click

from respond.case.privacy import scrub as scrub_text
from respond.cli.engine import InputError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_REJECTED = 2

SUMMARY = "summary.csv"
MANIFEST = ".respond-batch.json"  # in --out: which input file each folder was drafted from
JOURNAL = ".respond-batch.journal"  # in --out: the manifest's checkpoints while a run goes on
# seconds between checkpoints: a run killed midway redrafts at most this much work again
CHECKPOINT_SECONDS = float(os.environ.get("RESPOND_BATCH_CHECKPOINT_SECONDS", "5"))
REPORT = "report.json"  # same names as respond.templates.package (not imported: keeps planning light)
EXPLANATION = "说明.md"

DRAFTED, SKIPPED, REJECTED, FAILED = "drafted", "skipped", "rejected", "failed"

# (key, Chinese header). The CSV header cell is "中文 (key)": readable in Excel, parseable by key.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "案件文件"),
    ("case_number", "案号"),
    ("court", "法院"),
    ("plaintiff", "原告"),
    ("defendant", "被告"),
    ("regime", "利率规则"),
    ("answer_due", "答辩截止"),
    ("days_left", "剩余天数"),
    ("calendar_verified", "节假日已核实"),
    ("apr", "综合年化利率"),
    ("cap", "利率上限"),
    ("exceeds_cap", "超过上限"),
    ("claimed_total", "原告主张合计"),
    ("lawful_total", "依法应还合计"),
    ("excess", "多主张金额"),
    ("findings", "发现代码"),
    ("status", "状态"),
    ("error", "错误"),
    ("folder", "输出文件夹"),
)
KEYS = tuple(k for k, _ in COLUMNS)
HEADER = tuple(f"{zh} ({key})" for key, zh in COLUMNS)
_TEXT_KEYS = frozenset({"file", "case_number", "court", "plaintiff", "defendant", "error", "folder"})


# ---------------------------------------------------------------------------------------------
# Folder names

MAX_NAME = 60  # characters; ≤ 240 UTF-8 bytes and ≤ 120 UTF-16 units, far from every limit
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = ({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
             | {f"{p}{n}" for p in ("COM", "LPT") for n in "0123456789¹²³"})
_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # controls, bidi overrides, …


def safe_folder_name(name: str, fallback: str = "case") -> str:
    """``name`` as a folder name every common file system accepts, changed as little as possible.

    NFC-normalised; ``< > : " / \\ | ? *`` and invisible/control characters become ``_``; any
    whitespace becomes one space; leading dots/spaces and trailing dots/spaces are dropped (Windows
    drops trailing ones silently, a leading dot hides the folder); Windows device names (``CON``,
    ``com1.txt`` …) get a ``_`` prefix; longer than :data:`MAX_NAME` characters → cut and tagged
    with a short hash of the full name, so two long names stay distinct.
    """
    text = unicodedata.normalize("NFC", name)
    chars = []
    for c in text:
        if c.isspace():
            chars.append(" ")
        elif c in _FORBIDDEN or unicodedata.category(c) in _DROP_CATEGORIES:
            chars.append("_")
        else:
            chars.append(c)
    out = re.sub(" +", " ", "".join(chars)).strip(" .")
    if not out:
        return fallback
    if out.split(".")[0].rstrip(" ").upper() in _RESERVED:
        out = "_" + out
    if len(out) > MAX_NAME:  # the cut keeps the start, so it cannot make a device name
        tag = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        out = out[: MAX_NAME - 9].rstrip(" .") + "~" + tag
    return out


def _with_suffix(base: str, n: int) -> str:
    suffix = f"-{n}"
    return base[: MAX_NAME - len(suffix)].rstrip(" .") + suffix


def assign_folders(bases: Sequence[str], reserved: Iterable[str] = (SUMMARY,)) -> list[str]:
    """Unique folder names for already-safe ``bases``, in order: the first keeps its name, later
    duplicates get ``-2``, ``-3`` … Compared case-insensitively (Windows and macOS folders are)."""
    used = {r.casefold() for r in reserved}
    out = []
    for base in bases:
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = _with_suffix(base, n)
        used.add(name.casefold())
        out.append(name)
    return out


# ---------------------------------------------------------------------------------------------
# Planning


@dataclass(frozen=True, slots=True)
class Task:
    file: str  # the case file as the user named it (the summary's "file" column)
    src: str  # its resolved path
    folder: str  # its output folder under --out
    case_number: str  # from a plain read, for rejected rows ("" when absent)


def _same_file_key(p: Path) -> Path:
    """One key for two names of one case file (a folder and a file in it both given); anything
    that is not a regular file keeps its own name, so five dangling links give five rejected rows."""
    from respond.case.load import not_a_regular_file, resolved

    return resolved(p) if not_a_regular_file(p) is None else p.absolute()


def find_case_files(inputs: Sequence[str]) -> list[Path]:
    """Each input is a case file, or a folder whose ``*.json`` files (not sub-folders, not hidden
    ones such as the batch manifest or macOS ``._*`` copies) are cases. Sorted by path, each once."""
    found: dict[Path, Path] = {}
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            # every *.json entry but a folder: a dangling link or a FIFO gets its own rejected row, never dropped
            # (a folder named x.json too: it is listed as not a file rather than silently left out)
            children = sorted(c for c in p.iterdir() if c.suffix.lower() == ".json" and not c.name.startswith("."))
            for c in children:
                found.setdefault(_same_file_key(c), c)
        else:
            found.setdefault(_same_file_key(p), p)
    if not found:
        raise InputError("没有找到案件文件（文件夹里应有 .json 文件）：" + "、".join(inputs))
    return sorted(found.values(), key=lambda p: str(p))


def _raw_case_number(path: Path) -> str:
    from respond.case.load import MAX_CASE_BYTES, not_a_regular_file

    if not_a_regular_file(path):
        return ""  # a FIFO would block here; the case's row says why when it is drafted
    try:
        if path.stat().st_size > MAX_CASE_BYTES:
            return ""
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
        number = data["court"]["case_number"]
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return ""  # the case's own problems are reported when it is drafted
    return number.strip() if isinstance(number, str) else ""


def plan(paths: Sequence[Path], sheet_entries: Sequence[tuple[str, str, str, str]] = ()) -> list[Task]:
    """Tasks for the case files ``paths`` and the rows of spreadsheets, ``sheet_entries`` as
    (shown as, case file or "" for a rejected row, case number, fallback folder name)."""
    from respond.case.load import resolved

    numbers = [_raw_case_number(p) for p in paths]
    entries = [(str(p), str(resolved(p)), n, p.stem) for p, n in zip(paths, numbers)] + list(sheet_entries)
    # a folder is named after the case number, unless it holds an ID- or mobile-shaped number
    bases = [safe_folder_name(n) if n and scrub_text(n) == n else safe_folder_name(stem) for _, _, n, stem in entries]
    folders = assign_folders(bases, reserved=(SUMMARY, INTAKE))
    return [Task(shown, src, f, n) for (shown, src, n, _), f in zip(entries, folders)]


MAX_FILE_LIST = 64 * 2**20  # a list of a million paths


def parse_shard(text: str) -> tuple[int, int]:
    """``K/N`` (1 ≤ K ≤ N ≤ 10,000) as (K, N)."""
    m = re.fullmatch(r"\s*(\d{1,5})\s*/\s*(\d{1,5})\s*", text)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)) <= 10_000:
        raise InputError(f"--shard 应写成 K/N，1 ≤ K ≤ N，例如 1/4（不是 {text[:20]}）")
    return int(m.group(1)), int(m.group(2))


def in_shard(task: Task, shard: tuple[int, int]) -> bool:
    """Whether ``task`` is in shard K of N: by a hash of how its input was named, so the same inputs
    split the same way on every machine, whatever order they are listed in."""
    k, n = shard
    digest = hashlib.sha1(task.file.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def read_file_list(source: str) -> list[str]:
    """The paths listed one a line in ``source`` (``-``: standard input), UTF-8, blank lines
    skipped; a path is taken as written (spaces kept, only the line break removed)."""
    import sys as _sys

    from respond.case.load import Unreadable, read_limited

    if source == "-":
        raw = _sys.stdin.buffer.read(MAX_FILE_LIST + 1)
        if len(raw) > MAX_FILE_LIST:
            raise InputError("标准输入中的文件列表过大（超过 64 MB）")
    else:
        try:
            raw = read_limited(source, MAX_FILE_LIST)
        except Unreadable as exc:
            raise InputError(f"文件列表 {Path(source).name} {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("文件列表不是 UTF-8 编码的文本") from None
    if "\x00" in text:
        raise InputError("文件列表中有 NUL 字符：请每行写一个路径")
    paths = [line.rstrip("\r") for line in text.split("\n") if line.strip()]
    if not paths:
        raise InputError("文件列表是空的")
    return paths


EXCEL_ROWS = 1_048_576  # the most rows an Excel sheet holds, its header included
INTAKE = ".respond-intake"  # under --out: each spreadsheet row as the case file it is read into
SHEET_SUFFIXES = (".csv", ".xlsx")


def stage_sheets(sheets: Sequence[str], out: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, str]]:
    """Each row of each spreadsheet (case/sheet.py) as a case file under ``out/.respond-intake``
    (rewritten only when it changed, so an unchanged row is skipped as an unchanged file is), and
    the rows that are not cases with their problems. Returns the plan's sheet entries and, for the
    rejected ones, shown-as → the reason."""
    import hashlib as _hashlib

    from respond.case.sheet import SheetError, read_sheet
    from respond.cli.files import atomic_write_bytes

    entries: list[tuple[str, str, str, str]] = []
    rejected: dict[str, str] = {}
    for sheet in sheets:
        path = Path(sheet)
        try:
            rows = read_sheet(path)
        except SheetError as exc:
            entries.append((sheet, "", "", path.stem))
            rejected[sheet] = str(exc)
            continue
        tag = _hashlib.sha1(str(path.absolute()).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        folder = out / INTAKE / f"{safe_folder_name(path.stem)}-{tag}"
        for r in rows:
            shown = f"{sheet} 第 {r.row} 行"
            if r.case is None:
                entries.append((shown, "", r.case_number, f"{path.stem}-第{r.row}行"))
                rejected[shown] = "；".join(r.problems)
                continue
            target = folder / f"row-{r.row:06d}.json"
            data = json.dumps(r.case, ensure_ascii=False, indent=2, default=float).encode("utf-8")  # rates: Decimal
            try:
                same = target.read_bytes() == data
            except OSError:
                same = False
            if not same:
                folder.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(target, data)
            entries.append((shown, str(target), r.case_number, f"{path.stem}-第{r.row}行"))
    return entries, rejected


def settings_fingerprint(*, today: dt.date, day_basis: int, templates_dir: str | None,
                         holidays_file: str | None, lpr_file: str | None, pdf: bool = False) -> str:
    """What, besides the case file itself, shapes every package: the day the deadline and the
    default as-of date count from, the day basis, this version of respond, and the user's
    holiday, LPR and template files (path, size, mtime). A package drafted under other settings
    is out of date even when it is newer than its input; so is one drafted without the PDFs ``--pdf`` asks for."""
    from respond import __version__

    files: list[Path] = [Path(f) for f in (holidays_file, lpr_file) if f]
    if templates_dir:
        files += sorted(p for p in Path(templates_dir).iterdir() if p.suffix.lower() == ".docx")
    stamps = []
    for f in files:
        try:
            st = f.stat()
            stamps.append([str(f.resolve()), st.st_size, st.st_mtime_ns])
        except OSError:
            stamps.append([str(f), None, None])
    text = json.dumps([__version__, today.isoformat(), int(day_basis), stamps] + (["pdf"] if pdf else []),
                      ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def file_digest(path: str) -> str | None:
    from respond.case.load import not_a_regular_file

    if not_a_regular_file(path):
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return None


# folder → {"src": resolved input file, "sha256": its content digest, "settings": fingerprint}
Manifest = dict[str, dict[str, str]]


def _entry_ok(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(v.get(f), str) for f in ("src", "sha256", "settings"))


def read_manifest(out_dir: Path) -> Manifest:
    """The manifest of an earlier run ({} when absent, unreadable or of another version), with the
    checkpoints a run killed before its end appended to the journal."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    manifest: Manifest = {}
    if isinstance(data, dict) and data.get("version") == 2 and isinstance(data.get("folders"), dict):
        manifest = {k: v for k, v in data["folders"].items() if isinstance(k, str) and _entry_ok(v)}
    manifest.update(read_journal(out_dir))
    return manifest


def read_journal(out_dir: Path) -> Manifest:
    """The journal's entries, one JSON object a line; a torn last line (a kill mid-write) is skipped."""
    out: Manifest = {}
    try:
        with open(out_dir / JOURNAL, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                if isinstance(item, dict) and isinstance(item.get("folder"), str) and _entry_ok(item):
                    out[item["folder"]] = {k: item[k] for k in ("src", "sha256", "settings")}
    except OSError:
        pass
    return out


def _drop_journal(out_dir: Path) -> None:
    try:
        (out_dir / JOURNAL).unlink()
    except FileNotFoundError:
        pass


def append_journal(out_dir: Path, entries: dict[str, dict[str, str]]) -> None:
    """Checkpoint: the folders drafted since the last one, after their packages are on disk."""
    if SYNC_AT_END:
        os.sync()  # every package on disk before a line says it is there
    lines = "".join(json.dumps({"folder": f, **e}, ensure_ascii=False) + "\n" for f, e in entries.items())
    with open(out_dir / JOURNAL, "a", encoding="utf-8") as fh:
        fh.write(lines)


def manifest_bytes(manifest: Manifest) -> bytes:
    return (json.dumps({"version": 2, "folders": dict(sorted(manifest.items()))}, ensure_ascii=False, indent=1)
            + "\n").encode("utf-8")


def up_to_date(task: Task, out_dir: Path, settings: str, manifest: Manifest) -> dict | None:
    """The existing report when the folder holds a complete package drafted from this very file
    (same path and content, per the manifest) under the same settings, every output newer than the
    input; else None."""
    entry = manifest.get(task.folder)
    if entry is None or entry["src"] != task.src or entry["settings"] != settings:
        return None
    folder = out_dir / task.folder
    try:
        report = json.loads((folder / REPORT).read_text(encoding="utf-8"))
        newest_input = Path(task.src).stat().st_mtime_ns
        names = [*report["documents"], REPORT, EXPLANATION]
        if any((folder / n).stat().st_mtime_ns <= newest_input for n in names):
            return None
        if entry["sha256"] != file_digest(task.src):
            return None
        dt.date.fromisoformat(report["deadline"]["answer_due"])
        return report
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


# ---------------------------------------------------------------------------------------------
# Rows


def _empty_row(task: Task, status: str, error: str = "") -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(KEYS)
    row.update(file=task.file, case_number=task.case_number or None, status=status, error=error)
    return row


def row_from_report(task: Task, report: dict, status: str, today: dt.date) -> dict[str, Any]:
    """A summary row from a report dict (the one just drafted, or one read back from disk)."""
    case, d, lender, rate = report["case"], report["deadline"], report["lender"], report["rate"]
    amounts = report.get("amounts") or {}
    due = d["answer_due"]
    row = _empty_row(task, status)
    row.update(
        case_number=case.get("case_number"), court=case.get("court"), plaintiff=case.get("plaintiff"),
        defendant=case.get("defendant"), regime=lender.get("regime"), answer_due=due,
        # recomputed, so that a skipped case counts from the same --today as a drafted one
        days_left=(dt.date.fromisoformat(due) - today).days,
        calendar_verified=d.get("calendar_verified"), apr=rate.get("apr"), cap=rate.get("cap"),
        exceeds_cap=rate.get("exceeds_cap"), claimed_total=amounts.get("claimed_total"),
        lawful_total=amounts.get("lawful_total"), excess=amounts.get("excess"),
        findings=" ".join(f["code"] for f in report.get("findings", [])), folder=task.folder,
    )
    return row


def sort_key(row: dict[str, Any]) -> tuple:
    """Soonest answer due first; cases without a date last; ties by file name."""
    due = row.get("answer_due")
    return (0, due, row["file"]) if due else (1, "", row["file"])


# ---------------------------------------------------------------------------------------------
# Errors, without personal data

def scrub(text: str, src: str | None = None) -> str:
    """``text`` without the borrower's ID number, phone or address: the values of those fields in
    the case file at ``src`` (when it parses) and anything shaped like an ID or mobile number."""
    from respond.case.privacy import sensitive_values

    secrets: set[str] = set()
    if src is not None:
        try:
            secrets = sensitive_values(json.loads(Path(src).read_bytes().decode("utf-8-sig")))
        except (OSError, ValueError, RecursionError):
            pass
    return scrub_text(text, secrets)


def _one_line(message: str) -> str:
    """A multi-line Chinese error (header + "  - item" lines) as one cell: the items, "；"-joined."""
    lines = [ln.strip() for ln in message.splitlines() if ln.strip()]
    items = [ln[2:].strip() for ln in lines if ln.startswith("- ")]
    head = " ".join(ln for ln in lines if not ln.startswith("- ")).rstrip("：:")
    if not items:
        return head
    # the header says what is wrong with the items, unless it is the general "nothing written"
    return "；".join(items) if head.startswith("案件文件有问题") else f"{head}：" + "；".join(items)


def _where(exc: BaseException) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}" if tb else "?"


def internal_error_text(exc: BaseException) -> str:
    return f"内部错误（程序缺陷）：{type(exc).__name__}，位置 {_where(exc)}。请报告开发者，不要附带案件数据。"


# ---------------------------------------------------------------------------------------------
# Drafting one case (in a worker, or in-process with --jobs 1)


@dataclass
class _Worker:
    engine: Any
    templates: Any
    out_dir: Path
    pdf: bool = False
    force: bool = False  # --force: respond's own files replaced even when edited since


_STATE: _Worker | None = None


def init_worker(engine_kwargs: dict[str, Any], templates_dir: str | None, out_dir: str, pdf: bool = False,
                force: bool = False) -> None:
    """Pool initializer: the Engine (holiday and LPR files read) and the compiled templates, once
    per process. The package's own templates are cached per process, so a forked worker whose
    parent already compiled them gets them for free."""
    global _STATE
    from respond.cli.engine import load_template_set, make_engine

    _STATE = _Worker(make_engine(**engine_kwargs), load_template_set(templates_dir), Path(out_dir), pdf, force)


# Where os.sync() exists (POSIX), packages are written atomically (temporary file + rename) but
# not fsync'ed one by one: the batch syncs once at the end, then records them in the manifest. On
# a slow disk the per-file fsync cost more than drafting the case.
SYNC_AT_END = hasattr(os, "sync")


def write_package(folder: Path, files: dict[str, bytes], force: bool = False) -> None:
    """A case's package into its folder: a redrafted case replaces respond's own earlier files that
    are unchanged since (and removes those it no longer needs); a file respond did not write, or one
    edited since, stops this case (rejected, with the reason), never the batch. ``cli.files.write_package``."""
    from respond.cli.files import write_package as write

    try:
        write(folder, files, force=force, replace_unchanged=True, sync=not SYNC_AT_END)
    except OSError as exc:
        raise InputError(f"无法写入输出文件夹 {folder}：{exc.strerror or type(exc).__name__}") from None


def draft_one(task: Task) -> dict[str, Any]:
    """One case → its package on disk and its summary row. Never raises for a case's own fault."""
    from respond.case.load import CaseFileError, load_case
    from respond.cli.engine import render_package
    from respond.templates.package import REPORT as REPORT_NAME

    state = _STATE
    assert state is not None, "init_worker() first"
    try:
        try:
            loaded = load_case(Path(task.src))
        except CaseFileError as exc:
            return _empty_row(task, REJECTED, "；".join(str(p) for p in exc.problems))  # scrubbed by parse_case
        analysis = state.engine.run(loaded)
        files = render_package(analysis, state.templates)  # a firm's broken template: InputError
        write_package(state.out_dir / task.folder, files, state.force)
        report = json.loads(files[REPORT_NAME])
        return row_from_report(task, report, DRAFTED, state.engine.today)
    except InputError as exc:
        return _empty_row(task, REJECTED, scrub(_one_line(str(exc)), task.src))
    except Exception as exc:  # a bug: type and place only, never the case's data
        return _empty_row(task, FAILED, internal_error_text(exc))


def draft_chunk(tasks: list[Task]) -> list[dict[str, Any]]:
    state = _STATE
    if state is not None and state.pdf:
        return draft_chunk_with_pdf(tasks)
    return [draft_one(t) for t in tasks]


def draft_chunk_with_pdf(tasks: list[Task]) -> list[dict[str, Any]]:
    """``--pdf``: the chunk's documents go to LibreOffice in one call (it starts once: ~1.7 s, then
    ~0.2 s a document), then each case is written. When that call fails, each case is tried alone,
    so one document LibreOffice cannot convert costs only its own case's PDFs; a case left without
    PDFs is still drafted, with the reason in its ``error`` cell."""
    from respond.case.load import CaseFileError, load_case
    from respond.cli.engine import render_documents_checked
    from respond.convert.libreoffice import PdfUnavailable, to_pdf
    from respond.templates.package import REPORT as REPORT_NAME
    from respond.templates.package import finish_package

    state = _STATE
    assert state is not None, "init_worker() first"
    rows: dict[int, dict[str, Any]] = {}
    ready: list[tuple[int, Task, Any, dict[str, bytes]]] = []
    for i, task in enumerate(tasks):
        try:
            try:
                loaded = load_case(Path(task.src))
            except CaseFileError as exc:
                rows[i] = _empty_row(task, REJECTED, "；".join(str(p) for p in exc.problems))
                continue
            analysis = state.engine.run(loaded)
            ready.append((i, task, analysis, render_documents_checked(analysis, state.templates)))
        except InputError as exc:
            rows[i] = _empty_row(task, REJECTED, scrub(_one_line(str(exc)), task.src))
        except Exception as exc:
            rows[i] = _empty_row(task, FAILED, internal_error_text(exc))

    def convert(cases) -> dict[int, dict[str, bytes]]:
        keyed = {f"{i}/{name}": data for i, _, _, docs in cases for name, data in docs.items()}
        pdfs = to_pdf(keyed)
        out: dict[int, dict[str, bytes]] = {}
        for key, data in pdfs.items():
            i, _, name = key.partition("/")
            out.setdefault(int(i), {})[name] = data
        return out

    pdfs: dict[int, dict[str, bytes]] = {}
    problems: dict[int, str] = {}
    try:
        pdfs = convert(ready)
    except PdfUnavailable as exc:
        if len(ready) == 1 or "没有找到" in str(exc):
            problems = {i: str(exc) for i, *_ in ready}
        else:
            for case in ready:
                try:
                    pdfs.update(convert([case]))
                except PdfUnavailable as one:
                    problems[case[0]] = str(one)
    for i, task, analysis, docs in ready:
        try:
            files = finish_package(analysis, docs, pdfs.get(i))
            write_package(state.out_dir / task.folder, files, state.force)
            row = row_from_report(task, json.loads(files[REPORT_NAME]), DRAFTED, state.engine.today)
            if i in problems:
                row["error"] = _one_line(problems[i])
            rows[i] = row
        except InputError as exc:
            rows[i] = _empty_row(task, REJECTED, scrub(_one_line(str(exc)), task.src))
        except Exception as exc:
            rows[i] = _empty_row(task, FAILED, internal_error_text(exc))
    return [rows[i] for i in range(len(tasks))]


#: Cases per LibreOffice call with ``--pdf`` and ``--jobs 1`` (in the pool, a chunk is at most 16).
PDF_CHUNK = 16

LOST = "内部错误：处理进程意外退出（可能内存不足），该案件未处理。"


def _draft_in_pool(tasks: list[Task], jobs: int, initargs: tuple,
                   work=None, pdf: bool = False) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Yield (number of tasks, their rows) as chunks finish; at most a few chunks in flight, so
    memory stays flat however many cases there are.

    A worker that dies (killed, out of memory) breaks the whole pool and loses the chunks in
    flight, not only its own. So the lost cases are retried one at a time in a single-worker pool,
    where only the case that kills its worker again is marked failed; then a new pool takes the
    rest. ``work`` (default :func:`draft_chunk`) maps a list of tasks to their rows."""
    work = work or draft_chunk
    size = max(1, min(16, len(tasks) // (jobs * 8)))
    if pdf:  # LibreOffice starts once a chunk: chunks as large as the workers allow
        size = max(1, min(PDF_CHUNK, -(-len(tasks) // jobs)))
    chunks = iter([tasks[i:i + size] for i in range(0, len(tasks), size)])
    while True:
        lost: list[Task] = []
        yield from _run_pool(chunks, jobs, initargs, work, lost)
        if not lost:
            return
        yield from _isolate(lost, initargs, work)


def _run_pool(chunks: Iterator[list[Task]], jobs: int, initargs: tuple, work,
              lost: list[Task]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Draft ``chunks`` until they run out or the pool breaks; the tasks of chunks lost in the
    break go to ``lost``, the chunks not yet submitted stay in the iterator."""
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 4
    pending: dict[Any, list[Task]] = {}
    ex = ProcessPoolExecutor(max_workers=jobs, initializer=init_worker, initargs=initargs)
    try:
        while True:
            while not lost and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                try:
                    pending[ex.submit(work, chunk)] = chunk
                except BrokenProcessPool:
                    lost.extend(chunk)
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                chunk = pending.pop(fut)
                try:
                    rows = fut.result()
                except BrokenProcessPool:
                    lost.extend(chunk)
                else:
                    yield len(chunk), rows
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def _isolate(suspects: list[Task], initargs: tuple, work) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Each suspect alone in a one-worker pool; a new pool after each one that kills it."""
    from concurrent.futures.process import BrokenProcessPool

    ex = None
    try:
        for task in suspects:
            if ex is None:
                ex = ProcessPoolExecutor(max_workers=1, initializer=init_worker, initargs=initargs)
            try:
                yield 1, ex.submit(work, [task]).result()
            except BrokenProcessPool:
                yield 1, [_empty_row(task, FAILED, LOST)]
                ex.shutdown(wait=True, cancel_futures=True)
                ex = None
    finally:
        if ex is not None:
            ex.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# Summary


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if key in ("apr", "cap"):
        return f"{value * 100:.4f}%"
    if key in ("claimed_total", "lawful_total", "excess"):
        return f"{value:.2f}"
    text = " ".join(str(value).split())  # one line per row, whatever a name contains
    if key in _TEXT_KEYS:
        text = scrub_text(text)  # an ID or mobile number typed into a name or case number is not repeated
    if key in _TEXT_KEYS and text[:1] in ("=", "+", "-", "@"):
        text = "'" + text  # never a formula in Excel/WPS
    return text


class RowStore:
    """The summary rows, spilled to an anonymous temporary file as they arrive. In memory: per
    case only its sort key and where its row lies in the file, so memory stays flat as N grows."""

    def __init__(self) -> None:
        import tempfile

        self._fh = tempfile.TemporaryFile()
        self._index: list[tuple[tuple, int, int]] = []
        self.counts = dict.fromkeys((DRAFTED, SKIPPED, REJECTED, FAILED), 0)

    def add(self, row: dict[str, Any]) -> None:
        data = json.dumps(row, ensure_ascii=False).encode("utf-8")
        self._index.append((sort_key(row), self._fh.tell(), len(data)))
        self._fh.write(data)
        self.counts[row["status"]] += 1

    def __len__(self) -> int:
        return len(self._index)

    def sorted_rows(self) -> Iterator[dict[str, Any]]:
        self._index.sort(key=lambda entry: entry[0])
        self._fh.flush()
        for _, offset, length in self._index:
            self._fh.seek(offset)
            yield json.loads(self._fh.read(length))
        self._fh.seek(0, os.SEEK_END)

    def close(self) -> None:
        self._fh.close()


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The summary as CSV text lines (header first, CRLF endings, as Excel writes them)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER)
    yield buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        w.writerow([_cell(k, row.get(k)) for k in KEYS])
        yield buf.getvalue()


def summary_csv(rows: Iterable[dict[str, Any]]) -> bytes:
    """The whole summary in memory (UTF-8 with BOM); for tests and small batches."""
    return "".join(csv_lines(rows)).encode("utf-8-sig")


def refuse_foreign_summary(out_dir: Path, force: bool) -> None:
    """Before any case is drafted: summary.csv may be replaced (cli/files.py decides whose it is)."""
    from respond.cli.files import refuse_replacing

    refuse_replacing(out_dir, SUMMARY, force=force, legacy_marker=MANIFEST, before="未处理任何案件")


def write_summary(out_dir: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Stream ``summary.csv`` (UTF-8 with BOM, memory flat in the rows) into place."""
    from respond.cli.files import write_streamed

    write_streamed(out_dir, SUMMARY, csv_lines(rows), encoding="utf-8-sig",
                   busy_hint="是否正在 Excel/WPS 中打开？")


def printable(text: str) -> str:
    """``text`` safe for a terminal: control, format (bidi overrides) and unassigned characters,
    which a hostile case file could use to rewrite the screen, become ``_``; an ID- or mobile-shaped
    number is masked (it has no place in a name or a case number)."""
    return scrub_text("".join("_" if unicodedata.category(c) in _DROP_CATEGORIES else c for c in text))


def _left(days: int) -> str:
    if days > 0:
        return f"还有 {days} 天"
    return "今天截止" if days == 0 else f"已过 {-days} 天"


class _Console:
    """What the console shows, gathered while the sorted rows stream into summary.csv."""

    def __init__(self) -> None:
        self.urgent: list[dict[str, Any]] = []
        self.bad: list[str] = []
        self.bad_count = 0

    def watch(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            if row["answer_due"] and len(self.urgent) < 10:
                self.urgent.append(row)
            if row["status"] in (REJECTED, FAILED):
                self.bad_count += 1
                if len(self.bad) < 10:
                    self.bad.append(row["file"])
            yield row

    def text(self, counts: dict[str, int], out_dir: Path) -> str:
        total = sum(counts.values())
        lines = [f"共 {total} 件：已生成 {counts[DRAFTED]}，已是最新（跳过）{counts[SKIPPED]}，"
                 f"被拒绝 {counts[REJECTED]}，内部错误 {counts[FAILED]}。汇总表：{out_dir / SUMMARY}"]
        if self.urgent:
            lines += ["", "最紧急的案件（答辩截止日 剩余 案号 被告 [输出文件夹]）："]
            for r in self.urgent:
                star = "" if r["calendar_verified"] else "*"
                folder = "" if r["folder"] == r["case_number"] else f"  [{r['folder']}]"
                lines.append(printable(f"  {r['answer_due']}{star}  {_left(r['days_left'])}  "
                                       f"{r['case_number'] or '（无案号）'}  {r['defendant'] or ''}{folder}"))
            if any(not r["calendar_verified"] for r in self.urgent):
                lines.append("  * 节假日安排未收录，只按周末计算，实际截止日只可能更晚")
        if self.bad:
            lines += ["", "未生成的案件（原因见 summary.csv 的“错误”列）："]
            lines += [printable(f"  {f}") for f in self.bad]
            if self.bad_count > len(self.bad):
                lines.append(f"  …另有 {self.bad_count - len(self.bad)} 件")
        return "\n".join(lines)


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int) -> None:
        pass


def _progress(total: int):
    if total > 0 and sys.stderr.isatty():
        return click.progressbar(length=total, label="起草中", file=sys.stderr, show_pos=True)
    return _NoBar()


# ---------------------------------------------------------------------------------------------
# The command


def _write_manifest(out_dir: Path, manifest: dict[str, str]) -> None:
    from respond.cli.files import write_files

    try:
        write_files(out_dir, {MANIFEST: manifest_bytes(manifest)}, force=True)
    except OSError as exc:
        raise InputError(f"无法写入 {out_dir / MANIFEST}：{exc.strerror or type(exc).__name__}") from None


def run_batch(inputs: Sequence[str], out_dir: str, *, jobs: int | None, force: bool, today: dt.date,
              day_basis: str | int, holidays_file: str | None, lpr_file: str | None,
              templates_dir: str | None, pdf: bool = False, shard: tuple[int, int] | None = None) -> int:
    """Draft every case (of ``shard`` K/N only, when given); write ``summary.csv``; print the most
    urgent; return the exit code. Folders are named over all the inputs before the shard is taken,
    so every shard names a case's folder as an unsharded run would: merged, they never collide."""
    global _STATE
    from respond.cli.engine import load_template_set, make_engine

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"输出位置不是文件夹：{out}")
    engine_kwargs = dict(today=today, day_basis=day_basis, holidays_file=holidays_file, lpr_file=lpr_file)
    # Bad --holidays/--lpr/--templates: one clear error (exit 2) before any case is touched; this
    # also compiles the package templates once in this process, which forked workers inherit.
    engine = make_engine(**engine_kwargs)
    templates = load_template_set(templates_dir)

    refuse_foreign_summary(out, force)
    sheets = [i for i in inputs if Path(i).suffix.lower() in SHEET_SUFFIXES and not Path(i).is_dir()]
    files = [i for i in inputs if i not in sheets]
    sheet_entries, intake_rejected = stage_sheets(sheets, out) if sheets else ([], {})
    tasks = plan(find_case_files(files) if files else [], sheet_entries)
    if shard is not None:
        tasks = [t for t in tasks if in_shard(t, shard)]
    settings = settings_fingerprint(today=today, day_basis=int(day_basis), templates_dir=templates_dir,
                                    holidays_file=holidays_file, lpr_file=lpr_file, pdf=pdf)
    manifest = read_manifest(out)
    store = RowStore()
    try:
        todo: list[Task] = []
        for task in tasks:
            if task.file in intake_rejected:
                store.add(_empty_row(task, REJECTED, scrub(intake_rejected[task.file])))
                continue
            report = None if force else up_to_date(task, out, settings, manifest)
            if report is None:
                todo.append(task)
            else:
                store.add(row_from_report(task, report, SKIPPED, today))
        del tasks

        # digests taken before drafting: a file edited meanwhile is redrafted next time
        source = {t.folder: {"src": t.src, "sha256": file_digest(t.src) or "", "settings": settings} for t in todo}
        if any(f in manifest for f in source) or (out / JOURNAL).exists():
            # until they are drafted and synced, these folders are not up to date, even after a crash
            for f in source:
                manifest.pop(f, None)
            _write_manifest(out, manifest)
            _drop_journal(out)  # its entries are in the manifest now
        pending: dict[str, dict[str, str]] = {}
        last_checkpoint = time.monotonic()

        def record(row: dict[str, Any]) -> None:
            nonlocal last_checkpoint
            store.add(row)
            if row["status"] == DRAFTED and not row.get("error"):  # a PDF not made: not up to date
                manifest[row["folder"]] = pending[row["folder"]] = source[row["folder"]]
            if pending and time.monotonic() - last_checkpoint >= CHECKPOINT_SECONDS:
                append_journal(out, pending)
                pending.clear()
                last_checkpoint = time.monotonic()

        jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        try:
            with _progress(len(todo)) as bar:
                if jobs == 1:
                    _STATE = _Worker(engine, templates, out, pdf, force)
                    step = PDF_CHUNK if pdf else 1
                    for start in range(0, len(todo), step):
                        for row in draft_chunk(todo[start:start + step]):
                            record(row)
                        bar.update(min(step, len(todo) - start))
                else:
                    for n, chunk_rows in _draft_in_pool(todo, jobs, (engine_kwargs, templates_dir, str(out), pdf, force),
                                                        pdf=pdf):
                        for row in chunk_rows:
                            record(row)
                        bar.update(n)
        finally:  # also after Ctrl-C: what was drafted is recorded, so a re-run skips it
            if source:
                if SYNC_AT_END:
                    os.sync()  # every package on disk before the manifest says so
                _write_manifest(out, manifest)
                _drop_journal(out)

        console = _Console()
        write_summary(out, console.watch(store.sorted_rows()))
        click.echo(console.text(store.counts, out))
        if sum(store.counts.values()) + 1 > EXCEL_ROWS:
            click.echo(f"注意：summary.csv 有 {sum(store.counts.values()):,} 行，超过 Excel 一张表最多 {EXCEL_ROWS:,} 行，"
                       "Excel/WPS 打开时只显示前面的行（按答辩截止日排序，最紧急的在前）。", err=True)
        counts = store.counts
    finally:
        store.close()
    if counts[FAILED]:
        return EXIT_INTERNAL
    return EXIT_REJECTED if counts[REJECTED] else EXIT_OK
