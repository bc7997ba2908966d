"""Saved interviews: one JSON file each, readable only by the user who made it.

The folder is created 0700 and every file written 0600 (on POSIX), through a temporary file in the
same folder and an atomic rename, so a crash leaves the previous save, never half a file. Names are
random ids the server made (``[0-9a-f]{32}``); any other name is refused, so a request cannot
reach a file outside the folder.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import Any

_ID = re.compile(r"[0-9a-f]{32}")


def default_folder() -> Path:
    """Where interviews are saved unless ``--dir`` says otherwise."""
    base = os.environ.get("XDG_DATA_HOME") or (Path.home() / ".local" / "share")
    return Path(base) / "respond" / "interviews"


class Store:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def _ready(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(self.folder, 0o700)
        return self.folder

    @staticmethod
    def new_id() -> str:
        return secrets.token_hex(16)

    def path(self, interview_id: str) -> Path:
        if not _ID.fullmatch(interview_id or ""):
            raise KeyError(interview_id)
        return self.folder / f"{interview_id}.json"

    def save(self, interview_id: str, data: dict[str, Any]) -> Path:
        target = self.path(interview_id)
        folder = self._ready()
        fd, tmp = tempfile.mkstemp(prefix=".save.", suffix=".tmp", dir=folder)  # created 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            if os.name == "posix":
                os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return target

    def load(self, interview_id: str) -> dict[str, Any] | None:
        try:
            return json.loads(self.path(interview_id).read_text(encoding="utf-8"))
        except (KeyError, OSError, ValueError):
            return None

    def saved(self) -> list[str]:
        """The ids of saved interviews, newest first."""
        if not self.folder.is_dir():
            return []
        files = [p for p in self.folder.glob("*.json") if _ID.fullmatch(p.stem)]
        return [p.stem for p in sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)]
