"""Writing outputs: atomically, and never over a user's file without ``--force``; with ``--force``,
removing the earlier run's outputs that this run did not produce (and nothing else)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping

from respond.cli.engine import InputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def existing(directory: str | Path, names: list[str]) -> list[str]:
    return [n for n in names if (Path(directory) / n).exists()]


def _why_not_a_folder(folder: Path, exc: OSError) -> str:
    for part in (folder, *folder.parents):
        if part.exists() or part.is_symlink():
            if not part.is_dir():
                return f"{part} 已存在，是文件而不是文件夹"
            break
    if isinstance(exc, PermissionError):
        return "没有写入权限"
    return exc.strerror or type(exc).__name__


def write_files(directory: str | Path, files: Mapping[str, bytes], *, force: bool) -> list[Path]:
    """Write every file or none: refuse first when any exists (without ``force``); then write all
    of them to temporary files in the same folder (a full disk or a read-only folder fails here,
    with nothing replaced), and only then ``os.replace`` each into place. A replace that still
    fails (a file locked or made immutable) is rejected input naming what was and was not written."""
    out = Path(directory)
    clash = existing(out, list(files))
    if clash and not force:
        raise InputError("输出文件已存在，未写入任何文件（如确需覆盖，请加 --force）：\n"
                         + "\n".join(f"  - {out / n}" for n in clash))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"无法创建输出文件夹 {out}：{_why_not_a_folder(out, exc)}") from None
    return _stage_and_replace(out, dict(files), sync=True)


def _refuse_locked(out: Path, names: Iterable[str]) -> None:
    locked = [n for n in names if (out / n).exists() and not os.access(out / n, os.W_OK)]
    if locked:
        raise InputError("以下输出文件无法覆盖（只读、被锁定或正在被其他程序打开），未写入任何文件：\n"
                         + "\n".join(f"  - {out / n}" for n in locked))


def _stage_and_replace(out: Path, files: dict[str, bytes], *, sync: bool) -> list[Path]:
    """Every file to a temporary name in ``out`` first (a full disk or a read-only folder fails here,
    nothing replaced), then each moved into place with ``os.replace``; ``sync``: fsync each (a batch
    syncs once at the end instead)."""
    _refuse_locked(out, files)
    mode = 0o666 & ~_umask()  # what open() would give: mkstemp's 0600 is for the temporary name only
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            staged.append((tmp, out / name))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                if sync:
                    fh.flush()
                    os.fsync(fh.fileno())
            os.chmod(tmp, mode)
    except BaseException as exc:
        _unlink_all(tmp for tmp, _ in staged)
        if isinstance(exc, OSError):
            raise InputError(f"无法在输出文件夹中写入文件（{exc.strerror or type(exc).__name__}），"
                             f"未写入任何文件：{out}") from None
        raise
    written: list[Path] = []
    for i, (tmp, target) in enumerate(staged):
        try:
            os.replace(tmp, target)
        except OSError as exc:
            _unlink_all(t for t, _ in staged[i:])
            done = "、".join(p.name for p in written) or "无"
            raise InputError(f"无法写入 {target}（{exc.strerror or type(exc).__name__}）。已写入：{done}；"
                             f"其余未写入。请解除该文件的占用后加 --force 重新生成。") from None
        written.append(target)
    return written


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """One file put in place whole (a temporary name, then a rename): respond's own working files."""
    _stage_and_replace(target.parent, {target.name: data}, sync=False)


def _unlink_all(paths: Iterable[str]) -> None:
    for p in paths:
        try:
            os.unlink(p)
        except OSError:
            pass


# --- packages: what respond wrote, and only that, may be replaced or removed ---------------------

RECORD = ".respond-files.json"  # in each package folder: the files respond wrote there, with their digests
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")  # tempfile.mkstemp(prefix=".name.", suffix=".tmp")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _plain(name: Any) -> bool:
    return isinstance(name, str) and name == Path(name).name and name not in ("", ".", "..") and not name.startswith(".")


def read_record(directory: str | Path) -> dict[str, list[str]]:
    """The files respond recorded writing in ``directory`` → the digests each may have (two while a
    write is under way). A report.json is never trusted for this: only respond's own record."""
    try:
        files = json.loads((Path(directory) / RECORD).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {n: [d for d in ds if isinstance(d, str)] for n, ds in files.items() if _plain(n) and isinstance(ds, list)}


def _current_digest(path: Path) -> str | None:
    try:
        if not path.is_file() or path.is_symlink():
            return None
        return _digest(path.read_bytes())
    except OSError:
        return None


def _write_record(out: Path, files: dict[str, list[str]], *, sync: bool) -> None:
    data = json.dumps({"version": 1, "note": "respond 生成的文件及其摘要；respond 只覆盖或删除这里列出、且未被改动的文件",
                       "files": files}, ensure_ascii=False, indent=1).encode("utf-8")
    _stage_and_replace(out, {RECORD: data}, sync=sync)


def remove_leftovers(directory: str | Path, names: Iterable[str]) -> list[Path]:
    """Half-written temporary files (``.答辩状.docx.abc12345.tmp``) of an interrupted run, for ``names``."""
    out = Path(directory)
    wanted = set(names) | {RECORD}
    removed = []
    try:
        entries = list(out.iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if m and m.group("name") in wanted and entry.is_file() and not entry.is_symlink():
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def refused_names(out: Path, names: Iterable[str], record: dict[str, list[str]], *, force: bool,
                  replace_unchanged: bool) -> tuple[list[str], list[str]]:
    """Of ``names`` already in ``out``: those respond did not write (never replaced) and those it
    wrote that may not be replaced now (without ``force``: all of them, or with ``replace_unchanged``
    those changed since)."""
    foreign, edited = [], []
    for name in names:
        current = _current_digest(out / name)
        if current is None and not (out / name).exists() and not (out / name).is_symlink():
            continue
        if name not in record or current is None:
            foreign.append(name)
        elif not force and not (replace_unchanged and current in record[name]):
            edited.append(name)
    return foreign, edited


def _record_digests(out: Path, name: str, digests: list[str]) -> None:
    record = read_record(out)
    record[name] = digests
    _write_record(out, record, sync=True)


def refuse_replacing(directory: str | Path, name: str, *, force: bool, legacy_marker: str | None = None,
                     before: str = "未写入任何文件") -> None:
    """Raise unless ``name`` in ``directory`` may be replaced by :func:`write_streamed`: absent, or
    respond's (its record) and unchanged since, or changed and ``force``. A file respond did not
    write is never replaced. ``legacy_marker``: a file whose presence (with no record) shows the
    folder is respond's from before records existed; ``name`` there is then adopted as respond's."""
    out = Path(directory)
    record = read_record(out)
    if not record and legacy_marker and (out / legacy_marker).is_file():
        digest = _current_digest(out / name)
        if digest:
            _record_digests(out, name, [digest])
            record = read_record(out)
    foreign, edited = refused_names(out, [name], record, force=force, replace_unchanged=True)
    if foreign:
        raise InputError(f"输出文件夹里已有 {name}，不是 respond 生成的，{before}（加 --force 也不会覆盖它；"
                         f"请换一个输出文件夹，或先把它移走）：{out / name}")
    if edited:
        raise InputError(f"{name} 在上次生成后被改动过（例如在 Excel/WPS 中编辑后保存），{before}。"
                         f"如确需覆盖，请加 --force，或先把它另存为别的文件名：{out / name}")


def write_streamed(directory: str | Path, name: str, chunks: Iterable[str], *, encoding: str = "utf-8",
                   busy_hint: str = "") -> None:
    """Write a large text file from ``chunks`` without holding it in memory: a temporary file
    beside it, fsync, then ``os.replace``; recorded as respond's (both digests while it moves into
    place, so a crash leaves it respond's). Call :func:`refuse_replacing` first."""
    out = Path(directory)
    target = out / name
    try:
        out.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out, [name])
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
    except OSError as exc:
        raise InputError(f"无法写入 {target}：{exc.strerror or type(exc).__name__}") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        old, new = _current_digest(target), _current_digest(Path(tmp))
        _record_digests(out, name, [d for d in (old, new) if d])
        os.replace(tmp, target)
        _record_digests(out, name, [new] if new else [])
    except BaseException as exc:
        _unlink_all([tmp])
        if isinstance(exc, OSError):
            hint = f"（{busy_hint}）" if busy_hint else ""
            raise InputError(f"无法写入 {target}{hint}：{exc.strerror or type(exc).__name__}") from None
        raise


def write_package(directory: str | Path, files: Mapping[str, bytes], *, force: bool,
                  replace_unchanged: bool = False, sync: bool = True) -> tuple[list[Path], list[Path]]:
    """Write a package into ``directory``; return (written, removed).

    A file already there is replaced only when respond's record says respond wrote it: with
    ``force``; or, with ``replace_unchanged`` (a batch redrafting a case), when it is still exactly
    what respond wrote. A file respond did not write is never replaced, ``--force`` or not. An earlier
    package's file this one no longer has (an annex the case no longer needs) is removed on the same
    terms. Leftovers of an interrupted run are removed first. Nothing is written when any file is refused.
    """
    out = Path(directory)
    remove_leftovers(out, files)
    record = read_record(out)
    foreign, edited = refused_names(out, files, record, force=force, replace_unchanged=replace_unchanged)
    stale = []
    if foreign:
        raise InputError("输出文件夹里已有同名文件，且不是 respond 生成的，未写入任何文件（加 --force 也不会覆盖它们；"
                         "请换一个输出文件夹，或先把它们移走）：\n" + "\n".join(f"  - {out / n}" for n in foreign))
    if edited:
        why = "已被改动过" if replace_unchanged else "已存在"
        raise InputError(f"输出文件{why}，未写入任何文件（如确需覆盖，请加 --force）：\n"
                         + "\n".join(f"  - {out / n}" for n in edited))
    for name, digests in record.items():
        if name in files:
            continue
        current = _current_digest(out / name)
        if current is not None and (force or (replace_unchanged and current in digests)):
            stale.append(name)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"无法创建输出文件夹 {out}：{_why_not_a_folder(out, exc)}") from None
    new = {name: _digest(data) for name, data in files.items()}
    # first the record names both digests: a run killed half-way leaves files respond still knows as its own
    during = {n: sorted(set(record.get(n, [])) | {d}) for n, d in new.items()}
    during.update({n: record[n] for n in stale})
    try:
        _refuse_locked(out, [*files, RECORD])
        _write_record(out, during, sync=sync)
        written = _stage_and_replace(out, dict(files), sync=sync)
    except InputError:  # a full disk, a locked file: leave the folder as it was, when nothing was replaced
        if any(_current_digest(out / n) == d for n, d in new.items()):
            raise  # some files were replaced: the record (both digests) keeps them respond's own
        if created or not record:
            _unlink_all([str(out / RECORD)])
        if created:
            try:
                out.rmdir()
            except OSError:
                pass
        raise
    removed = []
    for name in stale:
        try:
            (out / name).unlink()
            removed.append(out / name)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise InputError(f"无法删除上次生成的 {name}（{exc.strerror or type(exc).__name__}），"
                             f"请手工删除，以免与新生成的文件混淆：{out}") from None
    _write_record(out, {n: [d] for n, d in new.items()}, sync=sync)
    return written, removed
