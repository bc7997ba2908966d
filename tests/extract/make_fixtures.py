"""Build the PDF fixtures of ``tests/extract`` from their source texts, with reportlab.

    python tests/extract/make_fixtures.py            # rewrite every fixture PDF
    python tests/extract/make_fixtures.py --check    # exit 1 if a committed PDF differs

The generated PDFs are committed: the tests read them and need neither reportlab's CJK support nor
any system font. Output is byte-for-byte reproducible (reportlab ``invariant=1``).

Fonts:
- ``STSong-Light``: the Adobe CID font that reportlab ships (not embedded in the PDF; text is
  encoded UniGB-UCS2-H, which pypdf maps back to Unicode).
- ``WQY``: WenQuanYi Micro Hei, embedded as TrueType subsets with a ToUnicode map, as electronic
  service platforms do. Needs the Debian package ``fonts-wqy-microhei``.

Source format (``fixtures/<name>.txt``), one element per line:

    @font STSong-Light | WQY     font of the document
    @lines N                     at most N body lines per page (forces a page break mid-paragraph)
    # text                       centred title
    = label | value              a table row with borders; long values wrap inside the cell
    = label | value | label | value   a row of two label/value pairs (a four-column form)
    // text                      a comment (the layout's source, tests/extract/layouts/SOURCES.md): not printed
    < text                       flush-left line (wraps)
    > text                       right-aligned line
    text                         paragraph with a two-character indent (wraps anywhere, as Chinese
                                 typesetting does: numbers and addresses get broken across lines)
    (empty line)                 a small gap

Multi-page documents get a footer ``第 N 页 共 M 页`` on each page.

Hostile fixtures (see ``HOSTILE``) are derived from the same sources: encrypted copies, a scan
(an image of the text, no text layer), a copy whose embedded font lost its ToUnicode map (the
text extracts as control characters: mojibake), a 60-page file, a web page saved as ``.pdf``, a
small file that takes seconds to parse, and a decompression bomb (the last two written by hand).
All names, numbers and addresses in the fixtures are invented.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"

PAGE_W, PAGE_H = 595.27, 841.89  # A4
MARGIN_X, TOP, BOTTOM = 72.0, 770.0, 80.0
BODY, TITLE = 12.0, 18.0
LEADING = 20.0
LABEL_W = 110.0

WQY_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
)


# --- fonts --------------------------------------------------------------------------------------

_registered: dict[str, str] = {}


def font(name: str) -> str:
    """Register a font with reportlab once; return its reportlab name."""
    if name in _registered:
        return _registered[name]
    from reportlab.pdfbase import pdfmetrics

    if name == "STSong-Light":
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    elif name == "WQY":
        from reportlab.pdfbase.ttfonts import TTFont

        path = next((p for p in WQY_PATHS if Path(p).exists()), None)
        if path is None:
            sys.exit("需要文泉驿微米黑字体：apt-get install fonts-wqy-microhei")
        pdfmetrics.registerFont(TTFont("WQY", path, subfontIndex=0))
    else:
        sys.exit(f"unknown font {name}")
    _registered[name] = name
    return name


def width(text: str, fontname: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, fontname, size)


def wrap(text: str, fontname: str, size: float, first: float, rest: float) -> list[str]:
    """Break anywhere (Chinese typesetting), first line ``first`` points wide, the others ``rest``."""
    lines, line, limit = [], "", first
    for ch in text:
        if line and width(line + ch, fontname, size) > limit:
            lines.append(line)
            line, limit = "", rest
        line += ch
    if line:
        lines.append(line)
    return lines or [""]


# --- layout -------------------------------------------------------------------------------------

@dataclass
class Page:
    texts: list[tuple[float, float, str, float]] = field(default_factory=list)  # x, y, text, size
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x1, y1, x2, y2


@dataclass
class Doc:
    fontname: str
    pages: list[Page]


def layout(source: str) -> Doc:
    fontname, max_lines = font("STSong-Light"), None
    pages = [Page()]
    y, count = TOP, 0
    text_w = PAGE_W - 2 * MARGIN_X

    def need(height: float) -> None:
        nonlocal y, count
        if y - height < BOTTOM or (max_lines is not None and count >= max_lines):
            pages.append(Page())
            y, count = TOP, 0

    for raw in source.splitlines():
        line = raw.rstrip()
        if line.startswith("//"):
            continue
        if line.startswith("= ") and line.count("|") == 3:
            cells = [part.strip() for part in line[2:].split("|")]
            half = (PAGE_W - 2 * MARGIN_X) / 2
            label_w, value_w = LABEL_W * 0.8, half - LABEL_W * 0.8 - 12
            columns = [wrap(cells[1], fontname, BODY, value_w, value_w), wrap(cells[3], fontname, BODY, value_w, value_w)]
            height = LEADING * max(len(c) for c in columns) + 8
            need(height)
            top = y
            page = pages[-1]
            for k in (0, 1):
                x0 = MARGIN_X + k * half
                page.texts.append((x0 + 6, top - 4 - BODY, cells[2 * k], BODY))
                for i, v in enumerate(columns[k]):
                    page.texts.append((x0 + label_w + 6, top - 4 - BODY - i * LEADING, v, BODY))
            bottom = top - height
            page.rules += [(MARGIN_X, top, PAGE_W - MARGIN_X, top), (MARGIN_X, bottom, PAGE_W - MARGIN_X, bottom)]
            page.rules += [(x, top, x, bottom) for x in (MARGIN_X, MARGIN_X + label_w, MARGIN_X + half,
                                                         MARGIN_X + half + label_w, PAGE_W - MARGIN_X)]
            y = bottom
            count += max(len(c) for c in columns)
            continue
        if line.startswith("@font "):
            fontname = font(line.split(None, 1)[1].strip())
        elif line.startswith("@lines "):
            max_lines = int(line.split()[1])
        elif not line:
            y -= LEADING / 2
        elif line.startswith("# "):
            text = line[2:]
            need(TITLE * 1.8)
            pages[-1].texts.append(((PAGE_W - width(text, fontname, TITLE)) / 2, y - TITLE, text, TITLE))
            y -= TITLE * 1.8
        elif line.startswith("= "):
            label, _, value = (part.strip() for part in line[2:].partition("|"))
            value_lines = wrap(value, fontname, BODY, text_w - LABEL_W - 12, text_w - LABEL_W - 12)
            height = LEADING * len(value_lines) + 8
            need(height)
            top = y
            pages[-1].texts.append((MARGIN_X + 6, top - 4 - BODY, label, BODY))
            for i, v in enumerate(value_lines):
                pages[-1].texts.append((MARGIN_X + LABEL_W + 6, top - 4 - BODY - i * LEADING, v, BODY))
            bottom = top - height
            page = pages[-1]
            page.rules += [(MARGIN_X, top, PAGE_W - MARGIN_X, top), (MARGIN_X, bottom, PAGE_W - MARGIN_X, bottom),
                           (MARGIN_X, top, MARGIN_X, bottom), (MARGIN_X + LABEL_W, top, MARGIN_X + LABEL_W, bottom),
                           (PAGE_W - MARGIN_X, top, PAGE_W - MARGIN_X, bottom)]
            y = bottom
            count += len(value_lines)
        elif line.startswith("> "):
            text = line[2:]
            need(LEADING)
            pages[-1].texts.append((PAGE_W - MARGIN_X - width(text, fontname, BODY), y - BODY, text, BODY))
            y -= LEADING
            count += 1
        else:
            indent = 0.0 if line.startswith("< ") else 2 * BODY
            text = line[2:] if line.startswith("< ") else line
            for i, part in enumerate(wrap(text, fontname, BODY, text_w - indent, text_w)):
                need(LEADING)
                pages[-1].texts.append((MARGIN_X + (indent if i == 0 else 0), y - BODY, part, BODY))
                y -= LEADING
                count += 1
    return Doc(fontname, pages)


def render(doc: Doc, *, title: str, encrypt=None) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, encrypt=encrypt, pageCompression=1)
    c.setTitle(title)
    c.setCreator("respond tests/extract/make_fixtures.py")
    total = len(doc.pages)
    for n, page in enumerate(doc.pages, 1):
        c.setLineWidth(0.6)
        for x1, y1, x2, y2 in page.rules:
            c.line(x1, y1, x2, y2)
        for x, y, text, size in page.texts:
            c.setFont(doc.fontname, size)
            c.drawString(x, y, text)
        if total > 1:
            footer = f"第 {n} 页 共 {total} 页"
            c.setFont(doc.fontname, 9)
            c.drawString((PAGE_W - width(footer, doc.fontname, 9)) / 2, 40, footer)
        c.showPage()
    c.save()
    return buf.getvalue()


def title_of(source: str) -> str:
    titles = [line[2:].replace(" ", "") for line in source.splitlines() if line.startswith("# ")]
    return titles[-1] if titles else ""


def document(name: str, **kw) -> bytes:
    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return render(layout(source), title=title_of(source), **kw)


# --- hostile inputs -----------------------------------------------------------------------------

def encrypted(name: str, user: str, owner: str) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return document(name, encrypt=StandardEncryption(user, ownerPassword=owner, canPrint=1, canModify=0,
                                                      canCopy=0, canAnnotate=0, strength=128))


def without_tounicode(name: str) -> bytes:
    """The document with an embedded font, then its ToUnicode maps removed: text extracts as mojibake."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    doc = layout(source)
    doc.fontname = font("WQY")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(render(doc, title=title_of(source)))))
    for page in writer.pages:
        for ref in page["/Resources"]["/Font"].values():
            font_dict = ref.get_object()
            if NameObject("/ToUnicode") in font_dict:
                del font_dict[NameObject("/ToUnicode")]
    writer.add_metadata({"/Producer": "respond make_fixtures"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scan(name: str) -> bytes:
    """A 150 dpi greyscale 'photo' of the document: an image only, no text layer."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = next((p for p in WQY_PATHS if Path(p).exists()), None)
    if path is None:
        sys.exit("需要文泉驿微米黑字体：apt-get install fonts-wqy-microhei")
    dpi = 150
    scale = dpi / 72
    doc = layout((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    page = doc.pages[0]
    img = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 250)
    draw = ImageDraw.Draw(img)
    fonts = {}
    for x, y, text, size in page.texts:
        f = fonts.setdefault(size, ImageFont.truetype(path, int(size * scale), index=0))
        draw.text((x * scale, (PAGE_H - y - size) * scale), text, fill=30, font=f)
    for x1, y1, x2, y2 in page.rules:
        draw.line((x1 * scale, (PAGE_H - y1) * scale, x2 * scale, (PAGE_H - y2) * scale), fill=60, width=1)
    rng = random.Random(7)
    img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=235).filter(ImageFilter.GaussianBlur(0.6))
    pixels = img.load()
    for _ in range(20000):  # dust
        pixels[rng.randrange(img.width), rng.randrange(img.height)] = rng.randrange(120, 220)
    jpeg = io.BytesIO()
    img.save(jpeg, "JPEG", quality=70)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, PAGE_W, PAGE_H)
    c.showPage()
    c.save()
    return buf.getvalue()


def many_pages(n: int = 60) -> bytes:
    lines = ["@font STSong-Light"]
    for i in range(1, n + 1):
        lines += ["# 证据材料", f"< 证据{i}：借款合同、还款记录、催收记录（第 {i} 份）"]
    doc = layout("\n".join(lines))
    pages, per = [], 2  # one title + one line per page
    flat = [t for p in doc.pages for t in p.texts]
    for i in range(0, len(flat), per):
        page = Page()
        for x, y, text, size in flat[i:i + per]:
            page.texts.append((x, TOP - (0 if size == TITLE else 40) - size, text, size))
        pages.append(page)
    return render(Doc(doc.fontname, pages), title="证据材料")


def raw_pdf(content: bytes) -> bytes:
    """A minimal one-page PDF written by hand around a Flate-compressed content stream."""
    import zlib

    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def slow_to_extract() -> bytes:
    """3 KB that take pypdf seconds: 300 000 text operations (under pypdf's per-stream token budget)."""
    return raw_pdf(b"BT /F1 12 Tf 72 700 Td " + b"(x) Tj 1 0 Td " * 300_000 + b"ET")


def decompression_bomb() -> bytes:
    """60 KB that inflate to 60 MB: above the 20 MB per-stream limit ``respond extract`` sets."""
    return raw_pdf(b"BT /F1 12 Tf 72 700 Td (court) Tj ET\n" + b" " * 60_000_000)


SAVED_LINK_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>电子送达 - 文书查看</title></head>
<body><div class="doc-list"><p>您有一份新的诉讼文书，请点击下方链接下载：</p>
<a href="https://example.invalid/sd/download?id=0000">传票.pdf</a></div></body></html>
"""

#: The documents: fixture name → source text of the same name.
DOCUMENTS = (
    "xihu-chuanpiao", "xihu-yingsu", "xihu-juzheng", "xihu-qisu",
    "nanshan-chuanpiao", "nanshan-yingsu", "nanshan-juzheng", "nanshan-qisu",
    "bjinternet-chuanpiao", "bjinternet-yingsu", "bjinternet-qisu",
    # summons layouts of real courts and court systems (tests/extract/layouts/SOURCES.md §1)
    "huli-chuanpiao", "siming-chuanpiao", "zunyi-chuanpiao", "template-chuanpiao",
    # notices of the same courts (SOURCES.md §2, §3)
    "huli-yingsu", "huli-juzheng", "siming-yingsu", "siming-juzheng",
    # the national element-based complaint (要素式起诉状, SOURCES.md §5)
    "yaosu-qisu",
    # a guarantor's recourse complaint with numbered defendants (SOURCES.md §6)
    "danbao-qisu",
)

def bundle(names: tuple[str, ...]) -> bytes:
    """Several documents in one PDF, as electronic service platforms often deliver them (pypdf merge)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for name in names:
        writer.append(io.BytesIO(document(name)))
    writer.add_metadata({"/Producer": "respond make_fixtures"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: Bundles: file name → the documents it holds, in order.
BUNDLES = {
    "bundle-nanshan.pdf": ("nanshan-chuanpiao", "nanshan-yingsu", "nanshan-juzheng", "nanshan-qisu"),
}

#: Hostile inputs: file name → how it is built.
HOSTILE = {
    "hostile-encrypted-password.pdf": lambda: encrypted("xihu-chuanpiao", user="4821", owner="court-owner-7731"),
    "hostile-encrypted-empty-password.pdf": lambda: encrypted("xihu-yingsu", user="", owner="court-owner-7731"),
    "hostile-scan.pdf": lambda: scan("nanshan-chuanpiao"),
    "hostile-no-tounicode.pdf": lambda: without_tounicode("xihu-yingsu"),
    "hostile-60-pages.pdf": many_pages,
    "hostile-saved-link.pdf": lambda: SAVED_LINK_HTML.encode("utf-8"),
    "hostile-slow.pdf": slow_to_extract,
    "hostile-bomb.pdf": decompression_bomb,
}


def build_all() -> dict[str, bytes]:
    out = {f"{name}.pdf": document(name) for name in DOCUMENTS}
    out.update({name: bundle(parts) for name, parts in BUNDLES.items()})
    out.update({name: make() for name, make in HOSTILE.items()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed PDFs, write nothing")
    args = parser.parse_args(argv)
    built = build_all()
    differ = []
    for name, data in built.items():
        target = FIXTURES / name
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                differ.append(name)
        else:
            target.write_bytes(data)
    if args.check:
        print("\n".join(differ) if differ else "all fixtures up to date")
        return 1 if differ else 0
    print(f"wrote {len(built)} files to {FIXTURES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
