"""Writing outputs: atomically, and never over a user's file without ``--force``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Mapping

from respond.cli.engine import InputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def existing(directory: str | Path, names: list[str]) -> list[str]:
    return [n for n in names if (Path(directory) / n).exists()]


def write_files(directory: str | Path, files: Mapping[str, bytes], *, force: bool) -> list[Path]:
    """Write every file or none: refuse first when any exists (without ``force``), then write each
    through a temporary file in the same folder and ``os.replace`` it into place."""
    out = Path(directory)
    clash = existing(out, list(files))
    if clash and not force:
        raise InputError("输出文件已存在，未写入任何文件（如确需覆盖，请加 --force）：\n"
                         + "\n".join(f"  - {out / n}" for n in clash))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise InputError(f"无法创建输出文件夹：{out}") from None
    written = []
    mode = 0o666 & ~_umask()  # what open() would give: mkstemp's 0600 is for the temporary name only
    for name, data in files.items():
        target = out / name
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        written.append(target)
    return written
