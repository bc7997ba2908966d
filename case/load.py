"""Read a case file: JSON → validated :class:`CaseFile`, or every problem at once, in Chinese.

Numbers are parsed as ``Decimal`` straight from the JSON text so that ``0.1`` stays 0.1.
"""

from __future__ import annotations

import calendar
import errno
import json
import os
import re
import stat
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from respond.case.consistency import Problem, contradictions, warnings_for
from respond.case.model import CaseFile
from respond.case.privacy import scrub, sensitive_values

MAX_CASE_BYTES = 5 * 1024 * 1024


class CaseFileError(Exception):
    """The case file was rejected; ``problems`` lists every reason with its JSON path."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    def render(self) -> str:
        lines = [f"案件文件有 {len(self.problems)} 处问题，未生成任何文件："]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


@dataclass(frozen=True)
class LoadedCase:
    case: CaseFile
    warnings: list[str] = field(default_factory=list)
    base_dir: Path | None = None


# pydantic error type → Chinese message. ``{ctx}`` keys come from the error's context.
_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段（是否拼写错误？自由备注请写在 notes 下）",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "string_too_long": "太长（最多 {max_length} 个字符）",
    "string_unicode": "含有无效的字符（不成对的代理字符，常见于复制粘贴出错），请重新输入",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_type": "应为日期，格式 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_inexact": "日期格式应为 YYYY-MM-DD（不要带时间）",
    "datetime_type": "应为日期时间，格式 YYYY-MM-DDTHH:MM",
    "datetime_parsing": "日期时间格式应为 YYYY-MM-DDTHH:MM",
    "datetime_from_date_parsing": "日期时间格式应为 YYYY-MM-DDTHH:MM",
    "enum": "取值应为以下之一：{expected}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than_equal": "不能大于 {le}",
    "too_long": "项目太多（最多 {max_length} 项）",
    "list_type": "应为列表（[...]）",
    "dict_type": "应为对象（{{...}}）",
    "model_type": "应为对象（{{...}}）",
    "model_attributes_type": "应为对象（{{...}}）",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_DATE_SHAPE = re.compile(r"(\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")


def _impossible_date(value: Any) -> str | None:
    """For a date written as YYYY-MM-DD that does not exist, say so ("2026年2月没有30日")."""
    m = _DATE_SHAPE.fullmatch(value.strip()) if isinstance(value, str) else None
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= year <= 9999:
        return f"年份 {year} 超出范围（应为 1–9999 年），请核对"
    if not 1 <= month <= 12:
        return f"月份应为 1–12，收到 {month}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"{year}年{month}月没有{day}日（这个月只有 {last} 天）"
    return None


def _message(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    if kind in ("date_parsing", "date_from_datetime_parsing", "datetime_parsing", "datetime_from_date_parsing"):
        impossible = _impossible_date(err.get("input"))
        if impossible:
            return impossible
    if kind in _MESSAGES:
        ctx = {k: v for k, v in (err.get("ctx") or {}).items()}
        if "expected" in ctx:
            ctx["expected"] = str(ctx["expected"]).replace("'", "").replace(" or ", "、").replace(", ", "、")
        try:
            return _MESSAGES[kind].format(**ctx)
        except (KeyError, IndexError):
            return _MESSAGES[kind].replace("{{", "{").replace("}}", "}")
    # Our own PydanticCustomError messages are already Chinese.
    msg = str(err.get("msg", "取值不正确"))
    return msg.removeprefix("Value error, ")


def problems_from_validation(exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err.get("loc", ()) if not (isinstance(p, str) and p.startswith("function-")))
        problems.append(Problem(_path(loc), _message(err)))
    return problems


def parse_case(data: Any, base_dir: Path | None = None) -> LoadedCase:
    """Validate already-decoded JSON. Raises :class:`CaseFileError` with every problem, none of
    them quoting the borrower's ID number, phone or address (:mod:`respond.case.privacy`)."""
    if not isinstance(data, dict):
        raise CaseFileError([Problem("", "案件文件的最外层应为 JSON 对象（{...}）")])
    try:
        case = CaseFile.model_validate(data)
    except RecursionError:
        raise CaseFileError([Problem("", "JSON 嵌套层数过多，不是案件文件的结构")]) from None
    except ValidationError as exc:
        problems = problems_from_validation(exc)
        raise CaseFileError(_scrubbed(problems + _contradictions_in_what_parsed(data, problems), data)) from None
    problems = contradictions(case)
    if problems:
        raise CaseFileError(_scrubbed(problems, data))
    return LoadedCase(case=case, warnings=warnings_for(case), base_dir=base_dir)


def _scrubbed(problems: list[Problem], data: Any) -> list[Problem]:
    secrets = sensitive_values(data)
    return [Problem(scrub(p.path, secrets), scrub(p.message, secrets)) for p in problems]


def _contradictions_in_what_parsed(data: dict[str, Any], schema: list[Problem]) -> list[Problem]:
    """The consistency checks over the fields that validated (not for a file of another version:
    its fields may mean something else)."""
    from respond.case.partial import salvage

    if any(p.path == "" for p in schema):  # unsupported version: nothing else was read
        return []
    bad = {p.path for p in schema}
    partial = salvage(CaseFile, data)
    return [p for p in contradictions(partial, bad) if p.path not in bad] if partial is not None else []


class _Ambiguous(ValueError):
    """A JSON text that could be read two ways (a key twice in one object) or is not JSON (NaN)."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise _Ambiguous(f"字段 \"{shown}\" 在同一层出现了两次，无法确定以哪一个为准；请删去多余的一个")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise _Ambiguous(f"JSON 里不能写 {name}（它不是数字）；请写出实际的数值")


def decode_json(text: str) -> Any:
    """JSON with exact decimals; errors become a Problem with line and column. A key given twice
    in one object (which value counts?) and NaN/Infinity (not JSON) are refused."""
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicate_keys,
                          parse_constant=_no_constant)
    except _Ambiguous as exc:
        raise CaseFileError([Problem("", str(exc))]) from None
    except json.JSONDecodeError as exc:
        raise CaseFileError([Problem("", f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有格式错误（{_json_hint(exc.msg)}）")]) from None
    except RecursionError:
        raise CaseFileError([Problem("", "JSON 嵌套层数过多，不是案件文件的结构")]) from None
    except ValueError:  # an integer of thousands of digits (Python's int conversion limit)
        raise CaseFileError([Problem("", "JSON 中有位数过多的数字，不是合理的金额或日期")]) from None


def _json_hint(msg: str) -> str:
    hints = {
        "Expecting ',' delimiter": "缺少逗号",
        "Expecting ':' delimiter": "缺少冒号",
        "Expecting value": "缺少值，或多了逗号",
        "Expecting property name enclosed in double quotes": "字段名要用英文双引号，或末尾多了逗号",
        "Unterminated string starting at": "引号没有闭合",
        "Extra data": "JSON 结束后还有多余内容",
        "Invalid control character at": "字符串里有控制字符",
    }
    for key, value in hints.items():
        if msg.startswith(key):
            return value
    return "格式错误"


def resolved(path: str | Path) -> Path:
    """``path`` with its links followed, to tell two names of one file apart; a symlink loop (on
    which ``Path.resolve`` raises RuntimeError) stays as it is, for not_a_regular_file to explain."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(path).absolute()


def not_a_regular_file(path: str | Path) -> str | None:
    """Why ``path`` cannot be read as a file (in Chinese, without the name), or None for a regular
    file. Asked before a file is opened: a FIFO or a device would block or never end."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "找不到这个文件（或者它是指向不存在文件的快捷方式）"
    except ValueError:
        return "文件名中有不允许的字符"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "是循环的符号链接，不是文件"
        if exc.errno == errno.ENAMETOOLONG:
            return "文件名过长，不是有效的文件名"
        return "无法读取（没有权限或磁盘错误）"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "是文件夹，不是文件"
    if stat.S_ISFIFO(mode):
        return "是管道（FIFO），不是普通文件"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "是设备文件，不是普通文件"
    return "不是普通文件"


class Unreadable(Exception):
    """Why a file the person named was not read (Chinese, without its name)."""


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never more than ``limit + 1`` read,
    so a file that grows, a FIFO or a device costs nothing. :class:`Unreadable` says why not."""
    why = not_a_regular_file(path)
    if why:
        raise Unreadable(why)
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise Unreadable(f"无法读取（{exc.strerror or '磁盘错误'}）") from None
    if len(data) > limit:
        raise Unreadable(f"过大（超过 {_size_words(limit)}）")
    return data


def _size_words(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 and n % (1024 * 1024) == 0 else f"{n} 字节"


def load_case(path: Path) -> LoadedCase:
    """Read and validate one case file from disk."""
    try:
        raw = read_limited(path, MAX_CASE_BYTES)
    except Unreadable as exc:
        raise CaseFileError([Problem("", f"案件文件 {path.name} {exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseFileError([Problem("", "案件文件不是 UTF-8 编码的文本，请另存为 UTF-8")]) from None
    return parse_case(decode_json(text), base_dir=path.parent)
