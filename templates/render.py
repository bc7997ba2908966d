"""Render .docx templates: docxtpl's tag syntax, prepared once, rendered fast and strictly.

A template is a .docx whose text contains Jinja tags (``{{ d.principal.text }}``,
``{% if … %}``, docxtpl's ``{%p … %}`` / ``{%tr … %}`` forms). :class:`CompiledTemplate` does
the expensive work once:

* unzips the template, parses each renderable XML part (main document, headers, footers,
  footnotes) and runs docxtpl's own preprocessing (``DocxTemplate.patch_xml``: merges tags that
  Word split across runs, turns ``{%p``/``{%tr``/``{%tc``/``{%r`` into plain tags over whole
  paragraphs/rows/cells/runs, …);
* compiles each part with one sandboxed Jinja environment (autoescape, StrictUndefined);
* deflates every other part of the package once.

:meth:`CompiledTemplate.render` then only cleans the context, runs the compiled Jinja code,
checks that the result is well-formed XML, deflates the rendered parts and writes the zip with a
fixed timestamp, so the same context gives the same bytes.

Rules for values (what the context builder must know):

* every string is passed through :func:`clean_text` (XML-illegal control characters removed) and
  escaped, so ``& < > "`` appear as typed and no value can inject markup;
* ``\\n`` (or ``\\r\\n``) in a value becomes a line break ``<w:br/>`` and ``\\t`` a tab
  ``<w:tab/>`` — the same output as docxtpl's ``Listing``/``resolve_listing``, done per value;
* only ``str`` and ``int`` may be printed; printing ``None``, a bool, a Decimal, a date … raises
  :class:`TemplateValueError` (format money, rates and dates before rendering);
* a variable the template uses but the context lacks raises :class:`TemplateVariableError` naming
  its full path (``d.principal.text``, ``annex.rows[3].balance``).

Not supported (docxtpl features that need the python-docx object model): ``RichText``,
``InlineImage``, ``Subdoc``, ``Listing`` objects, ``replace_pic``/``replace_media``, and tags in
the document properties (title, author …), which are copied unchanged.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import importlib.resources
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, Optional, Union

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from respond.templates.forms import REQUIRED_TEMPLATE_FILES, TEMPLATE_FILES, template_paths

__all__ = [
    "CompiledTemplate",
    "TemplateError",
    "TemplateNotFoundError",
    "TemplateSyntaxError",
    "TemplateVariableError",
    "TemplateValueError",
    "clean_text",
    "clean_context",
    "flatten_paths",
    "load_templates",
    "templates_check",
    "write_zip",
]


# ---------------------------------------------------------------------------------------------
# Errors (messages in Chinese: they reach the user of the CLI)


class TemplateError(Exception):
    """Any problem with a template or with rendering it; the message is for the user."""


class TemplateNotFoundError(TemplateError, FileNotFoundError):
    """A template file or directory is missing."""


class TemplateSyntaxError(TemplateError):
    """A template's tags do not compile, or render to broken XML."""


class TemplateVariableError(TemplateError):
    """The template uses a variable the context does not provide.

    ``variable`` is its full path (``d.principal.text``), ``template`` the template's name.
    """

    def __init__(self, message: str, variable: str, template: str) -> None:
        super().__init__(message)
        self.variable = variable
        self.template = template


class TemplateValueError(TemplateError, TypeError):
    """A value of the wrong type reached the document (only text and integers may be printed)."""


# ---------------------------------------------------------------------------------------------
# Cleaning the context

# Characters XML 1.0 does not allow (tab, LF and CR are allowed), lone surrogates and U+FFFE/FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(s: str) -> str:
    """``s`` as a plain ``str`` without the characters XML cannot carry; nothing else changes.

    >>> clean_text('A&B <x> "q" \\x01\\x07\\x1b')
    'A&B <x> "q" '
    """
    text = str.__str__(s)  # a plain str, also for str subclasses such as markupsafe.Markup
    if _XML_ILLEGAL.search(text) is None:
        return text
    return _XML_ILLEGAL.sub("", text)


class _Node(dict):
    """A context mapping that knows its path, so an undefined variable can be named in full."""

    __slots__ = ("_path",)


class _NodeList(list):
    """A context list that knows its path."""

    __slots__ = ("_path",)


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _clean(value: Any, path: str) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        node = _Node()
        node._path = path
        for key, item in value.items():
            node[key] = _clean(item, _join(path, key))
        return node
    if isinstance(value, (list, tuple)):
        seq = _NodeList(_clean(item, _join(path, i)) for i, item in enumerate(value))
        seq._path = path
        return seq
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        node = _Node()
        node._path = path
        for field in dataclasses.fields(value):
            node[field.name] = _clean(getattr(value, field.name), _join(path, field.name))
        return node
    return value


def clean_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``context`` with :func:`clean_text` applied to every string, at any depth.

    Mappings, lists, tuples and dataclass instances are walked; other values are kept as they are.
    """
    if not isinstance(context, Mapping):
        raise TypeError(f"context must be a mapping, not {type(context).__name__}")
    return _clean(context, "")


# ---------------------------------------------------------------------------------------------
# Jinja environment

_BR = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def _finalize(value: Any) -> Any:
    """Escape a printed value and turn its line breaks and tabs into Word markup.

    Runs before autoescape; returning ``Markup`` tells autoescape the value is already safe.
    """
    # Work on plain str: Markup.replace would escape the markup being inserted.
    if isinstance(value, Markup):  # produced by the template itself (e.g. a |join), already escaped
        text = str(value)
    elif isinstance(value, str):
        text = str(escape(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        return value
    elif isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()  # raises _MissingVariable naming the path
    else:
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        raise TemplateValueError(
            f"模板输出了不是文本的值（{type(value).__name__}：{shown}）。"
            "金额、利率、日期须先格式化为文本，是/否只能用于 {% if %} 判断。"
        )
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _BR)
    if "\t" in text:
        text = text.replace("\t", _TAB)
    return Markup(text)


class _MissingVariable(jinja2.UndefinedError):
    """Raised by :class:`_Undefined`; the message is the variable's full path."""


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined that fails with the full dotted path of what was missing."""

    __slots__ = ()

    def __init__(self, hint=None, obj=jinja2.utils.missing, name=None, exc=jinja2.UndefinedError):
        # the sandbox refuses unsafe attributes with an Undefined carrying SecurityError: keep it
        super().__init__(hint, obj, name, exc if issubclass(exc, SecurityError) else _MissingVariable)

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        obj, name = self._undefined_obj, self._undefined_name
        if obj is jinja2.utils.missing:
            return str(name)
        base = getattr(obj, "_path", None)
        if base is None:
            base = f"<{jinja2.utils.object_type_repr(obj)}>"
        return _join(base, name)


#: Characters or items one ``*`` may make in a template (``'x' * 100000000`` is refused).
MAX_REPEAT = 1_000_000
#: Bits the result of one ``**`` may have (``10 ** 5000`` is refused; Python could not print it).
MAX_POWER_BITS = 4096
#: Characters one rendered part (the document's XML) may have: a court answer has a few hundred thousand.
MAX_PART_CHARS = 50_000_000


class TemplateTooLarge(TemplateError):
    """A template asked for more than a document can need (a huge repetition, power or output)."""


def _too_large(what: str) -> TemplateTooLarge:
    return TemplateTooLarge(f"模板里的运算{what}，结果过大，已停止渲染。答辩文书用不到这样的运算，请检查模板。")


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with the operators that can make huge values checked before they run.

    Intercepted operators are also not folded at compile time, so ``{{ 10 ** 10 ** 10 }}`` cannot
    hang the compiler either.
    """

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                        and len(seq) * times > MAX_REPEAT):
                    raise _too_large(f"（重复 {times} 次）")
        elif operator == "**":
            if (isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0
                    and right * abs(left).bit_length() > MAX_POWER_BITS):
                raise _too_large("（乘方）")
        return super().call_binop(context, operator, left, right)


def _make_env() -> jinja2.Environment:
    # Sandboxed: a firm's template is user input, and a plain Environment lets a template reach
    # Python internals ({{ cycler.__init__.__globals__.os.popen(...) }}); this one refuses them.
    # No loader: {% include %}/{% import %}/{% extends %} are refused when the template compiles.
    return _BoundedSandbox(
        autoescape=True,
        undefined=_Undefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )


_ENV = _make_env()

# One DocxTemplate instance, used only for its XML-string methods (patch_xml, fix_tables,
# fix_docpr_ids); none of them touches a document.
_DOCXTPL = DocxTemplate(None)

# ---------------------------------------------------------------------------------------------
# Zip output

_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the zip epoch: output does not depend on the clock
_DEFLATE_LEVEL = 6


class _ZipEntry(NamedTuple):
    name: str
    data: bytes  # as stored in the archive
    crc: int
    size: int  # uncompressed size
    method: int  # zipfile.ZIP_DEFLATED or ZIP_STORED


def _entry(name: str, raw: bytes, level: int = _DEFLATE_LEVEL) -> _ZipEntry:
    comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = comp.compress(raw) + comp.flush()
    crc = zlib.crc32(raw) & 0xFFFFFFFF
    if len(data) >= len(raw):
        return _ZipEntry(name, raw, crc, len(raw), zipfile.ZIP_STORED)
    return _ZipEntry(name, data, crc, len(raw), zipfile.ZIP_DEFLATED)


def _write_entries(entries: Iterable[_ZipEntry]) -> bytes:
    out = bytearray()
    central = bytearray()
    count = 0
    for e in entries:
        name = e.name.encode("utf-8")
        flags = 0 if e.name.isascii() else 0x800  # bit 11: name is UTF-8
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flags, e.method, _DOS_TIME, _DOS_DATE,
            e.crc, len(e.data), e.size, len(name), 0,
        )
        out += name
        out += e.data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, e.method, _DOS_TIME, _DOS_DATE,
            e.crc, len(e.data), e.size, len(name), 0, 0, 0, 0, 0, offset,
        )
        central += name
        count += 1
    if count > 0xFFFF or len(out) > 0xFFFFFFFF:
        raise ValueError("package too large for a plain zip")
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0)
    return bytes(out)


def write_zip(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of ``(name, data)`` parts, in order, deflated, with a fixed timestamp (1980-01-01).

    Used for rendered documents and by the template build, so the same input gives the same bytes.
    """
    return _write_entries(_entry(name, data) for name, data in parts)


# ---------------------------------------------------------------------------------------------
# Compiled templates

_RENDERED_TYPES = (
    "document.main+xml",  # also macroEnabled/template variants end like this
    ".header+xml",
    ".footer+xml",
    ".footnotes+xml",
)
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_XML_DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_TAGS = re.compile(r"<[^>]+>")
_COLUMN_LOOP = re.compile(r"\{[{%]tc ")


def _renderable_parts(zf: zipfile.ZipFile) -> set[str]:
    try:
        root = etree.fromstring(zf.read("[Content_Types].xml"))
    except KeyError:
        return set()
    names = set()
    for override in root.iter(f"{_CT_NS}Override"):
        ctype = override.get("ContentType", "")
        if ctype.endswith(_RENDERED_TYPES) or "document.main" in ctype:
            names.add(override.get("PartName", "").lstrip("/"))
    return names


def _visible_line(source: str, lineno: Optional[int]) -> str:
    """The visible text of one line of prepared XML (one paragraph), for error messages."""
    if not lineno:
        return ""
    lines = source.splitlines()
    if not 0 < lineno <= len(lines):
        return ""
    text = _TAGS.sub("", lines[lineno - 1]).strip()
    return text[:80] + ("…" if len(text) > 80 else "")


# A table row with at most this many characters is kept on one page (w:cantSplit): a short row cut
# in two reads as two rows; a longer one may break, or it would leave half a page empty before it.
KEEP_ROW_CHARS = 120
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _keep_short_rows(tree) -> bool:
    """Mark the short rows of every table as not to be split across pages; True when any changed."""
    changed = False
    for tr in tree.iter(f"{_W}tr"):
        text = "".join(t.text or "" for t in tr.iter(f"{_W}t"))
        if len(text) > KEEP_ROW_CHARS:
            continue
        trpr = tr.find(f"{_W}trPr")
        if trpr is None:
            trpr = etree.Element(f"{_W}trPr")
            tr.insert(0, trpr)  # trPr comes first (after tblPrEx, which these templates do not use)
        if trpr.find(f"{_W}cantSplit") is None:
            etree.SubElement(trpr, f"{_W}cantSplit")
            changed = True
    return changed


class _Part(NamedTuple):
    name: str  # zip member name, e.g. "word/document.xml"
    source: str  # prepared XML given to Jinja (kept for error messages and variable analysis)
    template: jinja2.Template
    filename: str  # Jinja filename of the compiled code: "<template name>:<part>"
    fix_tables: bool  # the part loops over table columns ({%tc): let docxtpl fix the grid
    fix_ids: bool  # the part has drawings: let docxtpl renumber their ids


class CompiledTemplate:
    """A .docx template, prepared and compiled once, rendered many times.

    Build it with :meth:`from_path` or :meth:`from_bytes`; :meth:`render` returns the bytes of a
    new .docx.
    """

    def __init__(self, name: str, order: list[str], static: dict[str, _ZipEntry], parts: dict[str, _Part],
                 untrusted: bool = False):
        self.name = name
        self._order = order
        self._static = static
        self._parts = parts
        self.untrusted = untrusted  # a firm's file: rendered within time and memory bounds

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_path(cls, path: Union[str, Path]) -> "CompiledTemplate":
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise TemplateNotFoundError(f"找不到模板文件：{path}") from None
        except IsADirectoryError:
            raise TemplateNotFoundError(f"模板路径是目录而不是 .docx 文件：{path}") from None
        except OSError:
            raise TemplateError(f"无法读取模板文件：{path.name}") from None
        return cls.from_bytes(data, name=path.name, untrusted=True)

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "模板", *, untrusted: bool = False) -> "CompiledTemplate":
        """Compile a template; ``untrusted`` (a firm's file, not one shipped in this package): within
        the bounds of :mod:`respond.templates.bounds`, every failure a :class:`TemplateError`."""
        if not untrusted:
            return cls._compile(data, name)
        with _as_template_error(name, "读取"):
            template = cls._compile(data, name)
        template.untrusted = True
        return template

    @classmethod
    def _compile(cls, data: bytes, name: str) -> "CompiledTemplate":
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise TemplateError(f"模板「{name}」不是有效的 .docx 文件（无法作为 zip 打开）。") from None
        with zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            if (any(i.file_size > MAX_MEMBER_BYTES for i in infos)
                    or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES):
                raise TemplateTooLarge(f"模板「{name}」解压后过大（超过 {MAX_UNZIPPED_BYTES // 1_000_000} MB），"
                                       "不像是一份文书模板。")
            renderable = _renderable_parts(zf)
            if not any(n in renderable for n in zf.namelist()):
                raise TemplateError(f"模板「{name}」不是有效的 .docx 文件（缺少正文 word/document.xml）。")
            order: list[str] = []
            static: dict[str, _ZipEntry] = {}
            parts: dict[str, _Part] = {}
            for info in infos:
                try:
                    raw = zf.read(info)
                except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
                    raise TemplateError(f"模板「{name}」已损坏（{info.filename} 无法解压）。") from None
                order.append(info.filename)
                if info.filename in renderable and b"{" in raw:
                    parts[info.filename] = cls._compile_part(name, info.filename, raw)
                else:
                    static[info.filename] = _entry(info.filename, raw)
        return cls(name, order, static, parts)

    @staticmethod
    def _compile_part(name: str, part_name: str, raw: bytes) -> _Part:
        try:
            root = etree.fromstring(raw)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(f"模板「{name}」的 {part_name} 不是有效的 XML：{exc}") from None
        xml = etree.tostring(root, encoding="unicode")
        fix_tables = bool(_COLUMN_LOOP.search(_TAGS.sub("", xml)))
        fix_ids = "docPr" in xml
        source = _DOCXTPL.patch_xml(xml)
        # As docxtpl's render_xml_part: one paragraph per line, so errors can point at a paragraph.
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        # docxtpl writes literal braces as {_{ }_} {_% %_}; emit them as constants instead of
        # replacing them in the output, so that user text containing "{_{" stays as typed.
        for escaped_brace, literal in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
            if escaped_brace in source:
                source = source.replace(escaped_brace, "{{ %r }}" % literal)
        filename = f"{name}:{part_name}"
        try:
            ast = _ENV.parse(source, name=filename, filename=filename)
            _refuse_other_files(ast, name)
            code = _ENV.compile(ast, name=filename, filename=filename)
        except jinja2.TemplateSyntaxError as exc:
            where = _visible_line(source, exc.lineno)
            raise TemplateSyntaxError(
                f"模板「{name}」的标签有语法错误（{exc.message}）"
                + (f"，位置：“{where}”" if where else "")
                + "。请检查 {{ }}、{% %} 是否成对、拼写是否正确。"
            ) from None
        template = _ENV.template_class.from_code(_ENV, code, _ENV.make_globals(None))
        return _Part(part_name, source, template, filename, fix_tables, fix_ids)

    # -- rendering ----------------------------------------------------------------------------

    def render(self, context: Mapping[str, Any]) -> bytes:
        """Render with ``context`` and return the bytes of the new .docx."""
        if not self.untrusted:
            return self._render(context)
        with _as_template_error(self.name, "渲染"):
            return self._render(context)

    def _render(self, context: Mapping[str, Any]) -> bytes:
        ctx = clean_context(context)
        rendered: dict[str, _ZipEntry] = {}
        for part in self._parts.values():
            rendered[part.name] = _entry(part.name, self._render_part(part, ctx))
        return _write_entries(rendered.get(n) or self._static[n] for n in self._order)

    def _render_part(self, part: _Part, ctx: dict[str, Any]) -> bytes:
        try:
            xml = part.template.render(ctx)
        except _MissingVariable as exc:
            variable = str(exc)
            where = _visible_line(part.source, _template_lineno(exc, part.filename))
            raise TemplateVariableError(
                f"模板「{self.name}」用到了变量 {variable}，但填写数据中没有提供"
                + (f"（位置：“{where}”）" if where else "")
                + "。",
                variable=variable,
                template=self.name,
            ) from None
        except TemplateError:
            raise
        except SecurityError:
            raise TemplateError(
                f"模板「{self.name}」试图访问程序内部对象（不安全的属性或方法），已拒绝渲染。模板里只能使用"
                "templates/VARIABLES.md 列出的变量。"
            ) from None
        except jinja2.TemplateError as exc:
            where = _visible_line(part.source, _template_lineno(exc, part.filename))
            raise TemplateError(
                f"模板「{self.name}」渲染出错（{exc}）" + (f"，位置：“{where}”" if where else "") + "。"
            ) from None
        if len(xml) > MAX_PART_CHARS:
            raise _too_large(f"（{part.name} 超过 {MAX_PART_CHARS:,} 个字符）")
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        data = (_XML_DECL + xml).encode("utf-8")
        try:
            tree = etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise TemplateSyntaxError(
                f"模板「{self.name}」渲染后的 {part.name} 结构损坏（{exc}）。常见原因：{{% if %}}/{{% for %}} "
                "与对应的 {% endif %}/{% endfor %} 不在同一层级，例如一个在段落文字中、另一个在表格行中；"
                "跨段落、跨行的标签请用 {%p …%}、{%tr …%}。"
            ) from None
        if part.name == "word/document.xml" and _keep_short_rows(tree):
            xml = etree.tostring(tree, encoding="unicode")
            data = (_XML_DECL + xml).encode("utf-8")
        if part.fix_tables or part.fix_ids:
            if part.fix_tables:
                tree = _DOCXTPL.fix_tables(xml)
            if part.fix_ids:
                renumber = DocxTemplate(None)  # fix_docpr_ids counts on the instance
                renumber.docx_ids_index = 1000
                renumber.fix_docpr_ids(tree)
            data = (_XML_DECL + etree.tostring(tree, encoding="unicode")).encode("utf-8")
        return data

    # -- analysis -----------------------------------------------------------------------------

    def variables(self) -> dict[str, str]:
        """The context paths this template reads, each with how it is used.

        Paths are dotted with ``[]`` for list elements (``annex.rows[].date``); the kind is
        ``"iter"`` for a list only looped over and ``"value"`` otherwise. Built from
        ``jinja2.meta.find_undeclared_variables`` on the prepared XML plus a walk over the
        attribute chains, so typos below the top level (``d.principal.txt``) are found too.
        """
        used: dict[str, str] = {}
        for part in self._parts.values():
            for path, kind in _used_paths(part.source).items():
                if used.get(path) != "value":
                    used[path] = kind
        return used


#: Bytes of one part, and of all parts, a template's zip may unpack to (a zip bomb stops here).
MAX_MEMBER_BYTES = 50_000_000
MAX_UNZIPPED_BYTES = 200_000_000

_OTHER_FILES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def _refuse_other_files(ast: nodes.Template, name: str) -> None:
    """A template is one file: {% include %}, {% import %}, {% extends %} could name any file."""
    for node in ast.find_all(_OTHER_FILES):
        tag = {"Include": "include", "Import": "import", "FromImport": "from … import",
               "Extends": "extends"}[type(node).__name__]
        raise TemplateError(f"模板「{name}」使用了 {{% {tag} %}}：模板不能引用其他文件，请把内容直接写在模板里。")


@contextlib.contextmanager
def _as_template_error(name: str, doing: str):
    """A firm's template: within time and memory bounds, and whatever goes wrong a TemplateError."""
    from respond.templates import bounds
    from respond.templates.bounds import OutOfTime, bounded

    try:
        with bounded():
            yield
    except TemplateError:
        raise
    except OutOfTime:
        raise TemplateError(f"{doing}模板「{name}」超过 {bounds.TEMPLATE_SECONDS:g} 秒仍未完成（可能是循环过多或无限递归），"
                            "已停止。请检查模板里的 {% for %} 和宏。") from None
    except MemoryError:
        raise TemplateTooLarge(f"{doing}模板「{name}」所需内存过多，已停止。请检查模板里的循环、重复和过滤器参数。") from None
    except OverflowError:  # the sandbox's range() above 100000 items, a float too large …
        raise TemplateTooLarge(f"{doing}模板「{name}」时数值或循环范围过大（range 最多 100000 项），已停止。") from None
    except RecursionError:
        raise TemplateError(f"{doing}模板「{name}」时递归过深（宏调用自身或嵌套过多），已停止。") from None
    except Exception as exc:  # a firm's template can make any Python operation fail: never a traceback
        raise TemplateError(f"{doing}模板「{name}」失败（{type(exc).__name__}）。请检查模板里的标签和运算。") from None


def _template_lineno(exc: BaseException, filename: str) -> Optional[int]:
    """The template line of the innermost traceback frame that ran the compiled template code."""
    lineno = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


# ---------------------------------------------------------------------------------------------
# Variable analysis (templates check)


def _chain(node: nodes.Node) -> Optional[tuple[str, str]]:
    """For ``a.b['c'][0]``: ``("a", ".b.c[]")``; None if the chain is not a plain name lookup."""
    segments: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            segments.append("." + node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            arg = node.arg.value
            segments.append("[]" if isinstance(arg, int) else f".{arg}")
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, "".join(reversed(segments))
        else:
            return None


def _used_paths(source: str) -> dict[str, str]:
    ast = _ENV.parse(source)
    undeclared = meta.find_undeclared_variables(ast)
    used: dict[str, str] = {}

    def record(path: str, kind: str) -> None:
        if used.get(path) != "value":
            used[path] = kind

    def resolve(node: nodes.Node, scope: dict[str, Optional[str]]) -> Optional[str]:
        chain = _chain(node)
        if chain is None:
            return None
        name, rest = chain
        if name in scope:
            base = scope[name]
        elif name in undeclared:
            base = name
        elif name in _ENV.globals and rest:
            base = name  # cycler.__init__…: not data; reported as undefined (the sandbox refuses it)
        else:
            base = None  # a name bound inside the template that we do not follow (macro args …)
        return None if base is None else base + rest

    def visit(node: nodes.Node, scope: dict[str, Optional[str]], kind: str = "value") -> None:
        if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)) and getattr(node, "ctx", "load") == "load":
            if _chain(node) is not None:
                path = resolve(node, scope)
                if path is not None:
                    record(path, kind)
                return
        if isinstance(node, nodes.For):
            visit(node.iter, scope, "iter")
            inner = dict(scope)
            iter_path = resolve(node.iter, scope)
            for target in node.target.find_all(nodes.Name):
                inner[target.name] = None
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = None if iter_path is None else iter_path + "[]"
            inner["loop"] = None
            if node.test is not None:
                visit(node.test, inner)
            for child in node.body:
                visit(child, inner)
            for child in node.else_:
                visit(child, scope)
            return
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            visit(node.node, scope)
            scope[node.target.name] = resolve(node.node, scope)
            return
        for child in node.iter_child_nodes():
            visit(child, scope)

    visit(ast, {})
    return used


def _is_ancestor(a: str, b: str) -> bool:
    """Whether path ``a`` contains path ``b`` (``d`` ⊃ ``d.principal.text``, ``x`` ⊃ ``x[]``)."""
    return b.startswith(a) and len(b) > len(a) and b[len(a)] in ".["


def flatten_paths(context: Mapping[str, Any]) -> set[str]:
    """The leaf paths of a sample context: ``{"d": {"principal": {"text": ""}}}`` → ``{"d.principal.text"}``.

    List elements are written ``[]`` (their paths are merged); an empty list or mapping is a leaf.
    """
    paths: set[str] = set()

    def walk(value: Any, path: str) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        if isinstance(value, Mapping) and value:
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, (list, tuple)) and value:
            for item in value:
                walk(item, path + "[]")
        else:
            paths.add(path)

    for key, item in context.items():
        walk(item, str(key))
    return paths


def _compare(used: dict[str, str], expected: set[str]) -> tuple[set[str], set[str]]:
    undefined = {
        p for p in used
        if p not in expected and not any(_is_ancestor(e, p) or _is_ancestor(p, e) for e in expected)
    }
    unused = {
        e for e in expected
        if not any(
            p == e or _is_ancestor(e, p) or (kind == "value" and _is_ancestor(p, e))
            for p, kind in used.items()
        )
    }
    return undefined, unused


def templates_check(
    target: Union[str, Path],
    expected_context_keys: Union[Iterable[str], Mapping[str, Any], None] = None,
) -> tuple[list[str], list[str]]:
    """Compare what templates use with what the context provides (``respond templates check DIR``).

    ``target`` is one .docx or a directory holding the standard template files
    (:data:`respond.templates.forms.TEMPLATE_FILES`). ``expected_context_keys`` are context paths
    (``"case_number"``, ``"d.principal.text"``, ``"annex.rows[].date"``; a top-level key alone
    covers everything under it) or a sample context to take them from. Without it each standard
    file is compared with the contract it is built for (:func:`respond.templates.forms.template_paths`).

    Returns ``(undefined, unused)``, sorted: paths some template uses that the context does not
    provide, and provided paths no template uses (with a directory and explicit keys: used by
    none of the files).
    """
    target = Path(target)
    if target.is_dir():
        missing = [name for name in REQUIRED_TEMPLATE_FILES.values() if not (target / name).is_file()]
        if missing:
            raise TemplateNotFoundError(f"模板目录 {target} 中缺少：{'、'.join(missing)}")
        files = [target / name for name in TEMPLATE_FILES.values() if (target / name).is_file()]
    elif target.is_file():
        files = [target]
    else:
        raise TemplateNotFoundError(f"找不到模板文件或目录：{target}")

    given: Optional[set[str]] = None
    if isinstance(expected_context_keys, Mapping):
        given = flatten_paths(expected_context_keys)
    elif expected_context_keys is not None:
        given = set(expected_context_keys)

    undefined: set[str] = set()
    unused_per_file: list[set[str]] = []
    for path in files:
        used = CompiledTemplate.from_path(path).variables()
        if given is not None:
            expected = given
        else:
            try:
                expected = set(template_paths(path.name))
            except KeyError:
                raise TemplateError(
                    f"「{path.name}」不是标准模板文件名，请同时给出数据的变量清单。"
                ) from None
        u, n = _compare(used, expected)
        undefined |= u
        unused_per_file.append(n)
    if given is not None:
        unused = set.intersection(*unused_per_file)
    else:
        unused = set().union(*unused_per_file)
    return sorted(undefined), sorted(unused)


# ---------------------------------------------------------------------------------------------
# Loading the template set


def _shipped(name: str) -> CompiledTemplate:
    """A template shipped in this package, compiled."""
    resource = importlib.resources.files("respond.templates").joinpath(name)
    if not resource.is_file():
        raise TemplateNotFoundError(f"内置模板缺少 {name}，请先运行 python -m respond.templates.build 生成模板。")
    return CompiledTemplate.from_bytes(resource.read_bytes(), name=name)


@functools.lru_cache(maxsize=1)
def _package_templates() -> dict[str, CompiledTemplate]:
    return {key: _shipped(name) for key, name in TEMPLATE_FILES.items()}


@functools.lru_cache(maxsize=1)
def letter_template(kind: str = "negotiation") -> CompiledTemplate:
    """The package's letter of ``kind`` (templates/forms.py LETTERS: 协商还款函, 征信异议申请书)."""
    from respond.templates.forms import LETTERS

    return _shipped(LETTERS[kind].file)


def load_templates(directory: Optional[Path] = None) -> dict[str, CompiledTemplate]:
    """The compiled templates keyed ``"financial"``, ``"private"``, ``"annex"``.

    Without ``directory``: the templates shipped in this package (compiled once per process).
    With it (``--templates DIR``): a firm's own files, which must carry the same names
    (:data:`respond.templates.forms.TEMPLATE_FILES`); a missing file is an error, except the forms
    added later (:data:`respond.templates.forms.OPTIONAL_TEMPLATES`), for which the package's is used.
    """
    if directory is None:
        return dict(_package_templates())
    directory = Path(directory)
    if not directory.is_dir():
        raise TemplateNotFoundError(f"模板目录不存在：{directory}")
    missing = [name for name in REQUIRED_TEMPLATE_FILES.values() if not (directory / name).is_file()]
    if missing:
        raise TemplateNotFoundError(
            f"模板目录 {directory} 中缺少：{'、'.join(missing)}。"
            f"自定义模板须与内置模板同名（{'、'.join(REQUIRED_TEMPLATE_FILES.values())}）。"
        )
    shipped = _package_templates()
    return {key: CompiledTemplate.from_path(directory / name) if (directory / name).is_file() else shipped[key]
            for key, name in TEMPLATE_FILES.items()}
