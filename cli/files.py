"""Writing outputs: atomically, and never over a user's file without ``--force``; with ``--force``,
removing the earlier run's outputs that this run did not produce (and nothing else)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

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
    locked = [n for n in clash if not os.access(out / n, os.W_OK)]
    if locked:
        raise InputError("以下输出文件无法覆盖（只读、被锁定或正在被其他程序打开），未写入任何文件：\n"
                         + "\n".join(f"  - {out / n}" for n in locked))
    mode = 0o666 & ~_umask()  # what open() would give: mkstemp's 0600 is for the temporary name only
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            staged.append((tmp, out / name))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
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


def _unlink_all(paths: Iterable[str]) -> None:
    for p in paths:
        try:
            os.unlink(p)
        except OSError:
            pass


def previous_documents(directory: str | Path) -> set[str]:
    """The documents an earlier package wrote in ``directory``, as its report.json lists them
    (plain file names only; none when there is no readable report)."""
    import json

    try:
        documents = json.loads((Path(directory) / "report.json").read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    if not isinstance(documents, list):
        return set()
    return {d for d in documents if isinstance(d, str) and d == Path(d).name and not d.startswith(".")}


def remove_stale(directory: str | Path, keep: Iterable[str], candidates: Iterable[str]) -> list[Path]:
    """Delete the files of ``candidates`` (an earlier run's output names) that are not in ``keep``
    (what this run wrote), e.g. the 利息重算表 a case no longer needs; return what was deleted.

    Only plain file names directly in ``directory`` are considered, never a folder, never any other
    name: the user's own files stay. Used after the new files are written (``--force`` only).
    """
    out = Path(directory)
    kept = set(keep)
    removed = []
    for name in dict.fromkeys(candidates):
        if name in kept or name != Path(name).name or name in ("", ".", ".."):
            continue
        target = out / name
        if target.is_dir() and not target.is_symlink():
            continue
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise InputError(f"无法删除上次生成的 {name}（{exc.strerror or type(exc).__name__}），"
                             f"请手工删除，以免与新生成的文件混淆：{out}") from None
        removed.append(target)
    return removed
