"""The loan contract as text: decode it, find its numbered articles, cut it into sentences.

Pure functions over bytes and strings. The CLI reads the file named by ``loan.contract_text`` and
passes its bytes here; nothing in this module opens a file. Every failure is a
:class:`ContractTextError` whose message is in Chinese, for the user.

What real contract text looks like, and what this module copes with:

- encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (GBK, GB2312) from older tools;
- full-width and half-width characters (``１２％`` and ``12%``; ``（三）`` and ``(三)``);
- text from PDFs: spaces inserted between characters (``人民币 100,000.00 元``), a paragraph broken
  into lines at the page width;
- numbering: ``第十二条`` / ``第12条`` articles, ``12.`` or ``十二、`` lists, ``12.3`` sub-clauses,
  ``（三）`` items, ``第一章`` chapters.

How a reference is written (``Sentence.ref``, and the ``article`` of a clause hit):
``第十二条``; ``第十二条第1款`` (a ``1.`` paragraph inside a 第X条 article); ``第12.3条``;
``第十二条第（三）项``; in a ``12.``-numbered contract ``第12条``.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

MAX_TXT_BYTES = 5_000_000
MAX_DOCX_BYTES = 20_000_000
MAX_DOCX_UNZIPPED = 100_000_000  # a zip bomb stops here
MAX_PDF_BYTES = 30_000_000
MAX_PDF_PAGES = 200
MAX_TEXT_CHARS = 2_000_000
SHORT_LINE = 28  # outside numbered units, a line this short that does not end in punctuation is a field line
HEADING_LINE = 12  # a numbered unit whose first line is this short, without punctuation, starts with a heading
SENTENCE_WORDS = "在时应须将把被从向按由已并"  # words of a sentence that a heading (a noun phrase) does not have


class ContractTextError(ValueError):
    """The contract cannot be read; the message says why, in Chinese, and what to do instead."""


# --- decoding -----------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Line breaks made ``\n``, NULs and BOMs and no-break spaces removed; too long a text refused."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    if len(text) > MAX_TEXT_CHARS:
        raise ContractTextError(f"合同文字超过 {MAX_TEXT_CHARS:,} 个字符，不像是一份借款合同；请只粘贴相关条款到 loan.clauses")
    return text


def text_from_txt(data: bytes) -> str:
    """Decode a .txt contract: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030."""
    if len(data) > MAX_TXT_BYTES:
        raise ContractTextError(f"合同文本文件超过 {MAX_TXT_BYTES // 1_000_000} MB，请确认文件是否正确")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return clean_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and _looks_binary(text):
            break
        return clean_text(text)
    raise ContractTextError("无法识别合同文本的编码（既不是 UTF-8 也不是 GBK/GB18030）。请用记事本打开合同，"
                            "另存为“UTF-8”编码后再试，或把相关条款粘贴到 loan.clauses")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:4000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > 8


def text_from_docx(data: bytes) -> str:
    """Text of a .docx: body paragraphs and tables in document order (a table row → one line)."""
    if len(data) > MAX_DOCX_BYTES:
        raise ContractTextError(f"合同 Word 文件超过 {MAX_DOCX_BYTES // 1_000_000} MB，请确认文件是否正确")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_DOCX_UNZIPPED:
                raise ContractTextError("合同 Word 文件解压后过大，无法读取")
            if "word/document.xml" not in zf.namelist():
                raise ContractTextError("这不是有效的 Word（.docx）文件：缺少正文。旧版 .doc 文件请先用 Word 另存为 .docx")
    except zipfile.BadZipFile:
        raise ContractTextError("这不是有效的 Word（.docx）文件。旧版 .doc 文件请先用 Word 另存为 .docx，"
                                "或另存为 PDF、纯文本后再试") from None
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []

        def walk_table(table: Table) -> None:
            for row in table.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats across the columns it spans
                        continue
                    seen.add(id(cell._tc))
                    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if text:
                        cells.append(text)
                    for inner in cell.tables:
                        walk_table(inner)
                if cells:
                    lines.append("\t".join(cells))

        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                walk_table(Table(child, document))
    except ContractTextError:
        raise
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise ContractTextError(f"无法读取合同 Word 文件（{type(exc).__name__}）；请另存为 PDF 或纯文本后再试") from None
    text = clean_text("\n".join(lines))
    if not text.strip():
        raise ContractTextError("合同 Word 文件中没有文字")
    return text


def text_from_pdf(data: bytes, *, max_pages: int = MAX_PDF_PAGES) -> str:
    """Text of a PDF contract (pypdf), page by page; refuse oversized files and scans."""
    if len(data) > MAX_PDF_BYTES:
        raise ContractTextError(f"合同 PDF 文件超过 {MAX_PDF_BYTES // 1_000_000} MB，请确认文件是否正确")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ContractTextError("这不是有效的 PDF 文件")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise ContractTextError("合同 PDF 有密码保护，无法读取；请先去除密码或把相关条款粘贴到 loan.clauses") from None
        pages = len(reader.pages)
        if pages > max_pages:
            raise ContractTextError(f"合同 PDF 共 {pages} 页，超过 {max_pages} 页的上限；请只提供借款合同本身")
        parts: list[str] = []
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_TEXT_CHARS:
                raise ContractTextError(f"合同 PDF 的文字超过 {MAX_TEXT_CHARS:,} 个字符，请只提供借款合同本身")
            parts.append(strip_page_furniture(text))
    except ContractTextError:
        raise
    except Exception as exc:  # a damaged PDF
        raise ContractTextError(f"无法读取合同 PDF（{type(exc).__name__}）；请重新下载合同，或把相关条款粘贴到 loan.clauses") from None
    text = clean_text("\n".join(parts))
    if not text.strip():
        raise ContractTextError("合同 PDF 中没有可以提取的文字，可能是扫描件或照片；请把相关条款打字粘贴到 loan.clauses")
    return text


_PAGE_FURNITURE = re.compile(
    r"^[ \t\u3000]*(?:第\s*\d+\s*页\s*(?:[/，,、]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|"
    r"\d+\s*/\s*\d+|[-—–]\s*\d+\s*[-—–]|Page\s+\d+(?:\s+of\s+\d+)?)[ \t\u3000]*$",
    re.MULTILINE | re.IGNORECASE)


def strip_page_furniture(page_text: str) -> str:
    """Drop page-number lines (``第 1 页 共 4 页``, ``1/4``, ``- 1 -``) that PDF extraction puts in the
    middle of a sentence running across a page break."""
    return "\n".join(line for line in page_text.split("\n") if not _PAGE_FURNITURE.match(line))


# --- whitespace and width -----------------------------------------------------------------------

_WS_RUN = re.compile(r"\s+")


def normalise_whitespace(text: str) -> str:
    """Drop whitespace that touches a CJK character (PDF extraction puts it there); collapse the rest.

    ``人民币 100,000.00 元`` → ``人民币100,000.00元``; ``APP 账户`` → ``APP账户``; ``Loan  No. 3`` →
    ``Loan No. 3``; a line break inside a number (``0.8⏎%``) is dropped, between two words it is a space.
    """

    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not before or not after or not before.isascii() or not after.isascii():
            return ""
        if "\n" in m.group(0) and not (before.isalpha() and after.isalpha()):
            return ""  # a line wrapped inside a number or after a symbol: 0.8\n% → 0.8%
        return " "

    return _WS_RUN.sub(repl, text).strip()


def match_form(text: str) -> str:
    """The form clause patterns see: NFKC (full-width → half-width) and no whitespace at all."""
    return _WS_ANY.sub("", unicodedata.normalize("NFKC", text))


_WS_ANY = re.compile(r"\s+")


# --- numbering ----------------------------------------------------------------------------------

_CN = "零〇一二两三四五六七八九十百千"
_DIGIT = "0-9０-９"
_ART = re.compile(rf"第\s*([{_CN}{_DIGIT}]{{1,6}})\s*条(?![约规所的之项款中至及和或与、，,）)])")
_CHAPTER = re.compile(rf"第\s*[{_CN}{_DIGIT}]{{1,4}}\s*(?:章|节|部分)(?![约规所的之])")
_NZ = "1-9１-９"  # article numbers never start with 0
_SUB = re.compile(rf"([{_NZ}][{_DIGIT}]{{0,2}})\s*[.．]\s*([{_DIGIT}]{{1,3}})(?:\s*[.．]\s*([{_DIGIT}]{{1,3}}))?"
                  rf"(?![{_DIGIT}])(?!\s*[{_DIGIT}%％‰元倍万条款项年月日号])")
_TOP_NUM = re.compile(rf"([{_NZ}][{_DIGIT}]{{0,2}})\s*(?:[.．](?!\s*[{_DIGIT}])|、)")
_TOP_CN = re.compile(rf"([{_CN}]{{1,3}})\s*、")
_ITEM = re.compile(rf"[（(]\s*([一二三四五六七八九十{_DIGIT}]{{1,3}})\s*[)）]")
_TERMINATORS = "。；;！!？?"


def _digits(s: str) -> str:
    return unicodedata.normalize("NFKC", s).replace(" ", "")


@dataclass(frozen=True)
class Article:
    """A top-level article: ``number`` as printed (``第十二条``, ``第12条``; ``""`` for the text before
    the first article), ``text`` after the number, where that text lies in the whole, and the index
    of the agreement it belongs to (:func:`split_agreements`)."""

    number: str
    text: str
    start: int
    end: int
    agreement: int = 0


@dataclass(frozen=True)
class Agreement:
    """One agreement of a text that bundles several (借款协议 + 补充协议 + 服务协议): its title line
    (``""`` when the text has none) and where it lies. Each has its own article numbering."""

    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence: whitespace-normalised ``text``, its ``span`` in the original, ``ref`` (the finest
    numbered unit holding it, ``None`` outside any), ``article`` (its top-level article) and
    ``agreement`` (the index of its agreement; the ref names the agreement from the second on)."""

    text: str
    span: tuple[int, int]
    ref: str | None
    article: str | None
    agreement: int = 0
    option: str | None = None  # in an option list: "chosen", "unchosen" or "blank" (contract_options.py)


@dataclass(frozen=True)
class _Unit:
    ref: str | None
    top: str | None
    start: int  # text start, after the marker
    end: int


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    out, pos = [], start
    stop = len(text) if end is None else end
    while pos <= stop:
        nl = text.find("\n", pos, stop)
        if nl < 0:
            out.append((pos, stop))
            break
        out.append((pos, nl))
        pos = nl + 1
    return out


def _lead(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _mode(text: str, lines: list[tuple[int, int]]) -> str:
    counts = {"art": 0, "num": 0, "cn": 0, "sub": 0}
    for s, e in lines:
        i = _lead(text, s, e)
        line = text[i:e]
        if _ART.match(line):
            counts["art"] += 1
        elif _SUB.match(line):
            counts["sub"] += 1
        elif _TOP_NUM.match(line):
            counts["num"] += 1
        elif _TOP_CN.match(line):
            counts["cn"] += 1
    # one 第X条 or 12.3 heading is enough (a pasted clause); a lone "1." or "一、" may be anything.
    # 一、 ranks above 1. (the usual order is 第X条, 一、, （一）, 1., （1）)
    for mode, least in (("art", 1), ("cn", 2), ("num", 2), ("sub", 1)):
        if counts[mode] >= least:
            return mode
    return "none"


# --- several agreements in one text ---------------------------------------------------------------

_TITLE = re.compile(r"《?[^，。；：,;:（）()《》“”\s]{0,26}(?:协议书?|合同书?|授权书|承诺书|确认书|声明书?|条款|规则|须知)》?")
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九", 0)} | {"〇": 0, "两": 2}
_FORMAL = {c: i + 1 for i, c in enumerate("壹贰叁肆伍陆柒捌玖拾")}


def number_value(s: str) -> int | None:
    """``12`` / ``１２`` / ``十二`` / ``壹`` → 12, 12, 12, 1; None when it is not a number."""
    s = _digits(s).strip()
    if s.isdigit():
        return int(s)
    if len(s) == 1 and s in _FORMAL:
        return _FORMAL[s]
    if not s or any(c not in _CN_VALUE and c not in "十百" for c in s):
        return None
    total, cur = 0, 0
    for c in s:
        if c == "百":
            total += (cur or 1) * 100
            cur = 0
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = cur * 10 + _CN_VALUE[c] if cur else _CN_VALUE[c]
    return total + cur


def _first_number(line: str) -> int | None:
    """The number of a numbered line (第一条, 一、, 1., 1.1 → 1), or None when it is not numbered."""
    for pattern in (_ART, _SUB, _TOP_NUM, _TOP_CN):
        if m := pattern.match(line):
            return number_value(m.group(1))
    return None


def _is_title(line: str) -> bool:
    content = "".join(line.split())
    return 4 <= len(content) <= 30 and bool(_TITLE.fullmatch(content)) and _first_number(content) is None \
        and not _CHAPTER.match(content)


def split_agreements(text: str) -> list[Agreement]:
    """The agreements of a text, in order; a text with one agreement gives one.

    A new agreement starts at a title line (``补充协议``, ``借款咨询服务协议``: a short line ending in
    协议, 合同, 授权书, 条款 …) after numbered text, when the first numbered line after it starts the
    numbering again (第一条, 一、, 1., 1.1).
    """
    lines = _lines(text)
    starts: list[tuple[int, str]] = []
    numbered_since = False
    first_title = ""
    for k, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if not line:
            continue
        if _is_title(line):
            if not starts and not numbered_since and not first_title:
                first_title = "".join(line.split())
                continue
            if numbered_since:
                following = next((n for s2, e2 in lines[k + 1:k + 60]
                                  if (n := _first_number(text[s2:e2].strip())) is not None), None)
                if following == 1:
                    starts.append((s, "".join(line.split())))
                    numbered_since = False
                    continue
        if _first_number(line) is not None:
            numbered_since = True
    bounds = [0] + [s for s, _ in starts] + [len(text)]
    titles = [first_title] + [t for _, t in starts]
    return [Agreement(titles[i].strip("《》"), bounds[i], bounds[i + 1]) for i in range(len(titles))]


# --- numbered units -------------------------------------------------------------------------------

_DEPTH_ONE = {"cn": "第{}款", "num": "第{}款", "item": "第（{}）项", "pnum": "第（{}）项"}
_DEPTH_TWO = {"cn": "第{}项", "num": "第{}项", "item": "第（{}）项", "pnum": "第（{}）项"}


def _render(top: str | None, levels: list[tuple[str, str]]) -> str | None:
    """The reference of the finest unit: 第二条第二款第（一）项; a 12.3 sub-clause restarts it (第12.3条第（1）项)."""
    ref, depth = top, 0
    for kind, label in levels:
        if kind == "sub":
            ref, depth = label, 0
            continue
        depth += 1
        form = _DEPTH_ONE[kind] if depth == 1 else _DEPTH_TWO[kind] if depth == 2 else "第{}目"
        ref = f"{ref or ''}{form.format(label)}"
    return ref


def _section_heading(text: str, lines: list[tuple[int, int]], k: int, body: int) -> bool:
    """Is the 一、 line ``k`` a section heading above articles (一、总则 ⏎ 第一条 …), not a 款?"""
    content = "".join(text[body:lines[k][1]].split())
    if len(content) > 16 or any(c in "，,;；。:：" for c in content):
        return False
    for s, e in lines[k + 1:]:
        line = text[s:e].strip()
        if line:
            return bool(_ART.match(line))
    return False


def _units(text: str, start: int = 0, end: int | None = None) -> list[_Unit]:
    """The numbered units of ``text[start:end]`` (one agreement), in order.

    The top level is the document's outermost numbering (第X条, else 一、, else 1.); below it any
    nesting of 一、 / （一） / 1. / （1） / 12.3 in the order the text uses them: a marker of a kind
    already open closes the units below it, a new kind opens a level.
    """
    end = len(text) if end is None else end
    lines = _lines(text, start, end)
    mode = _mode(text, lines)
    units: list[_Unit] = []
    top: str | None = None  # the current article
    levels: list[tuple[str, str]] = []  # the open units below it: (kind, label)
    cur_ref: str | None = None
    cur_start = start
    last_end = ""  # the last character of the last non-empty line

    def close(at: int) -> None:
        if at > cur_start:
            units.append(_Unit(cur_ref, top, cur_start, at))

    def open_level(kind: str, label: str) -> None:
        kinds = [k for k, _ in levels]
        if kind in kinds:
            del levels[kinds.index(kind):]
        levels.append((kind, label))

    for k, (s, e) in enumerate(lines):
        i = _lead(text, s, e)
        line = text[i:e]
        kind = ""  # "break" | "top" | "level" | "back"
        body = i
        new_top = None
        level: tuple[str, str] | None = None
        if mode == "none":
            pass
        elif _CHAPTER.match(line):
            kind = "break"
        elif (m := _ART.match(line)) and mode == "art":
            kind, new_top, body = "top", f"第{_digits(m.group(1))}条", i + m.end()
        elif m := _SUB.match(line):
            nums = [_digits(g) for g in m.groups() if g]
            body = i + m.end()
            sub_ref = f"第{'.'.join(nums)}条"
            if mode in ("num", "sub") and f"第{nums[0]}条" != top:
                kind, new_top = "top", f"第{nums[0]}条"  # a 12.3 clause outside any 12. heading still belongs to 第12条
            elif top is not None:
                kind = "level"
            if kind:
                level = ("sub", sub_ref)
        elif (m := _TOP_NUM.match(line)) and mode in ("art", "num", "cn"):
            body = i + m.end()
            if mode == "num":
                kind, new_top = "top", f"第{_digits(m.group(1))}条"
            elif top is not None:
                kind, level = "level", ("num", _digits(m.group(1)))
        elif (m := _TOP_CN.match(line)) and mode in ("art", "num", "cn"):
            body = i + m.end()
            if mode == "cn":
                kind, new_top = "top", f"第{m.group(1)}条"
            elif mode == "art" and top is not None and not _section_heading(text, lines, k, body):
                kind, level = "level", ("cn", m.group(1))
            else:
                kind = "break"  # 一、 section headings above numbered articles
        elif (m := _ITEM.match(line)) and top is not None:
            label = _digits(m.group(1))
            kind, body = "level", i + m.end()
            level = ("pnum" if label.isdigit() else "item", label)
        elif line.strip() and levels and levels[-1][0] in ("item", "pnum") and last_end in "。.":
            kind = "back"  # a paragraph after a closed list of items is the enclosing unit's again
        if line.strip():
            last_end = line.rstrip()[-1]
        if not kind:
            continue
        close(s)
        cur_start = body
        if kind == "break":
            top, cur_ref = None, None
            levels.clear()
        elif kind == "top":
            top = new_top
            levels.clear()
            if level is not None:
                levels.append(level)
            cur_ref = _render(top, levels)
        elif kind == "back":
            while levels and levels[-1][0] in ("item", "pnum"):
                levels.pop()
            cur_ref = _render(top, levels)
        else:
            assert level is not None
            open_level(*level)
            cur_ref = _render(top, levels)
    close(end)
    return _drop_preamble_list(units)


def _drop_preamble_list(units: list[_Unit]) -> list[_Unit]:
    """A numbered list before the articles (鉴于：1. … 4.) is not articles: when the top numbering
    starts again at 1, the units before the restart lose their numbers."""
    tops: list[str] = []
    restart = None
    for k, unit in enumerate(units):
        if unit.top is not None and (not tops or tops[-1] != unit.top):
            if tops and number_value(unit.top[1:-1]) == 1:
                restart = k
            tops.append(unit.top)
    if restart is None:
        return units
    return [_Unit(None, None, u.start, u.end) if k < restart and u.top is not None else u
            for k, u in enumerate(units)]


def _agreement_units(text: str) -> list[tuple[int, Agreement, _Unit]]:
    agreements = split_agreements(text)
    out = []
    for index, agreement in enumerate(agreements):
        for unit in _units(text, agreement.start, agreement.end):
            out.append((index, agreement, unit))
    return out


def _prefixed(ref: str | None, index: int, agreement: Agreement, several: bool) -> str | None:
    if ref is None or not several or index == 0 or not agreement.title:
        return ref
    return f"《{agreement.title}》{ref}"


def split_articles(text: str) -> list[Article]:
    """Top-level articles in order; the text before the first one (title, parties) has number ``""``.
    In a text of several agreements, the articles from the second agreement on are numbered
    ``《补充协议》第一条``."""
    articles: list[Article] = []
    units = _agreement_units(text)
    several = len({i for i, _, _ in units}) > 1
    for index, agreement, unit in units:
        number = _prefixed(unit.top, index, agreement, several) or ""
        if articles and articles[-1].number == number and number and articles[-1].agreement == index:
            last = articles[-1]
            articles[-1] = Article(number, text[last.start:unit.end], last.start, unit.end, index)
        elif text[unit.start:unit.end].strip() or number:
            articles.append(Article(number, text[unit.start:unit.end], unit.start, unit.end, index))
    return articles


def _heading_line(content: str, first: bool, numbered: bool) -> bool:
    """Is this line (whitespace removed) a heading or a field line, not part of a longer sentence?

    In a numbered unit only its first line can be a heading (``第十二条 争议解决``): at most
    HEADING_LINE characters and no punctuation. Outside numbered units (title, parties' block, a
    plain IOU) a line without commas or stops that is a short title, or a ``甲方：…`` field line.
    """
    if any(c in "，,;；。、" for c in content) or content[-1] in "：:（(“‘《！!？?":
        return False
    if numbered:  # a heading ends in a noun, not in 第 / 的 / 按 … (a sentence wrapped early)
        return first and len(content) <= HEADING_LINE and not any(c in "：:（(" for c in content) \
            and content[-1] not in "第的之按于在和及或与对向将把被从自以为是应须可并且而但"
    return len(content) <= HEADING_LINE or (len(content) <= SHORT_LINE and any(c in "：:" for c in content))


def _runs_on(text: str, start: int, line_start: int, newline: int, end: int) -> bool:
    """Is the short first line of a numbered unit hard-wrapped text rather than a heading?

    Yes when it reads as a sentence (it has a word of SENTENCE_WORDS: ``甲方在放款时直接扣``) and the
    next line is no longer than it, clause number included (a hard-wrapped paragraph has no line
    longer than its first): ``第五条 甲方在放款时直接扣⏎除……`` is one sentence; ``第十二条 争议解决⏎
    因本合同产生的争议……`` and ``第一条 借款⏎乙方应当⏎按期还款。`` start with a heading.
    """
    marker = 0
    if line_start == start:  # the clause number is on this line, before the unit's text
        begin = text.rfind("\n", 0, start) + 1
        marker = sum(1 for c in text[begin:start] if not c.isspace())
    line = text[line_start:newline]
    if not any(c in SENTENCE_WORDS for c in line):
        return False
    first = sum(1 for c in line if not c.isspace())
    stop = text.find("\n", newline + 1, end)
    following = sum(1 for c in text[newline + 1:end if stop < 0 else stop] if not c.isspace())
    return 0 < following <= marker + first


_BREAKS = re.compile(f"[{re.escape(_TERMINATORS)}\n]")
_PLACEHOLDER = re.compile(r"\$\{[^}\n]{0,80}\}")  # a template's field (${bankName !''}): never cut inside


def _sentence_ranges(text: str, start: int, end: int, numbered: bool) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at sentence terminators and after heading lines.

    A line break inside a sentence (PDF wrapping, hard-wrapped text) is not a cut. A line break is a
    cut after a short line that does not end in punctuation: in a numbered unit only its first line
    (``第十二条 争议解决``) unless it is wrapped text (:func:`_runs_on`); outside numbered units every
    such line (title, ``甲方：…`` fields).
    """
    cuts: list[int] = []
    line_start = start
    first = True
    held = {i for m in _PLACEHOLDER.finditer(text, start, end) for i in range(m.start(), m.end())}
    for m in _BREAKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch != "\n":
            if i not in held:
                cuts.append(i + 1)
        else:
            content = _WS_ANY.sub("", text[line_start:i])
            if content and _heading_line(content, first, numbered) \
                    and not (numbered and _runs_on(text, start, line_start, i, end)):
                cuts.append(i)
            if content:
                first = False
            line_start = i + 1
    out, prev = [], start
    for c in cuts + [end]:
        if c > prev:
            out.append((prev, c))
        prev = max(prev, c)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the contract with the numbered unit it belongs to."""
    out: list[Sentence] = []
    units = _agreement_units(text)
    several = len({i for i, _, _ in units}) > 1
    for index, agreement, unit in units:
        ref = _prefixed(unit.ref, index, agreement, several)
        top = _prefixed(unit.top, index, agreement, several)
        for s, e in _sentence_ranges(text, unit.start, unit.end, unit.ref is not None):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            clean = normalise_whitespace(text[s:e])
            if not any(ch.isalnum() for ch in clean):
                continue
            out.append(Sentence(clean, (s, e), ref, top, index))
    return out
