"""The child process that reads a scan or a photo: ``python -m respond.extract._ocr_worker``.

Like ``_worker`` (the PDF text reader) it runs as a separate interpreter under memory and CPU
limits set before anything is imported, reads the file's bytes from stdin, and writes one JSON
object to stdout: ``{"result": "ok", "pages": [[[text, score, top, left], …], …]}`` — each page's
text lines in reading order, with the recogniser's confidence — or ``{"result": <kind>, "detail": …}``.

Pages of a PDF are rendered with pdfium (``pypdfium2``); a JPG or PNG is one page, opened with
Pillow under a pixel cap. The recogniser is RapidOCR on onnxruntime with the models inside its
package: nothing is downloaded, nothing leaves the machine.
"""

from __future__ import annotations

import io
import json
import os
import sys

from respond.extract._worker import _limit_resources

RENDER_SCALE = 2.0           # 144 dpi: court text of 10.5 pt is read reliably, at 2–3 s a page
MAX_PIXELS = 40_000_000      # a phone photo is ~12 MP; a decompression bomb is refused before decoding
MAX_SIDE = 2600              # larger photos are scaled down: more pixels only cost time


def _images(data: bytes, max_pages: int) -> tuple:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    if data.lstrip()[:5].startswith(b"%PDF"):
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(data)
        except Exception:
            return ("not_pdf", "unreadable"), []
        if len(pdf) > max_pages:
            return ("too_many_pages", len(pdf)), []
        return None, [pdf[i].render(scale=RENDER_SCALE).to_pil() for i in range(len(pdf))]
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError:
        return ("too_large", "pixels"), []
    except Exception:
        return ("not_image", "unreadable"), []
    from PIL import ImageOps

    image = ImageOps.exif_transpose(image).convert("RGB")  # a phone's rotation flag, applied
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    return None, [image]


def _lines(result) -> list[list]:
    """The recognised boxes as lines in reading order: top to bottom, and left to right within a row.

    A scan or a photo is seldom straight: the page's slant is the median slope of the wide boxes'
    top edges, and each box is placed by its centre with the slant taken out, so the end of a long
    tilted line does not sort after the short line below it.
    """
    if result is None or result.boxes is None:
        return []
    slopes = []
    for box in result.boxes:
        (x0, y0), (x1, y1) = box[0], box[1]
        if x1 - x0 > 120:
            slopes.append((float(y1) - float(y0)) / (float(x1) - float(x0)))
    slope = sorted(slopes)[len(slopes) // 2] if slopes else 0.0
    items = []
    for box, text, score in zip(result.boxes, result.txts, result.scores):
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) - slope * float(p[0]) for p in box]  # the slant taken out
        items.append((min(ys), max(ys), min(xs), str(text), float(score)))
    items.sort(key=lambda t: ((t[0] + t[1]) / 2, t[2]))
    rows: list[list[tuple]] = []
    for item in items:  # a box whose middle lies within the previous row's height joins that row
        middle = (item[0] + item[1]) / 2
        if rows and rows[-1][0][0] <= middle <= rows[-1][0][1]:
            rows[-1].append(item)
        else:
            rows.append([item])
    out = []
    for row in rows:
        for top, _, left, text, score in sorted(row, key=lambda t: t[2]):
            out.append([text, round(score, 4), round(top), round(left)])
    return out


def run(data: bytes, max_pages: int) -> tuple:
    try:
        from rapidocr import RapidOCR
    except ImportError:
        return ("no_ocr", "rapidocr")
    problem, images = _images(data, max_pages)
    if problem is not None:
        return problem
    import logging

    logging.disable(logging.CRITICAL)
    engine = RapidOCR()
    pages = []
    for image in images:
        import numpy

        pages.append(_lines(engine(numpy.asarray(image))))
    return ("ok", pages)


def main(argv: list[str]) -> int:
    max_bytes, max_pages = int(argv[0]), int(argv[1])
    data = sys.stdin.buffer.read(max_bytes + 1)
    out_stream = sys.stdout
    sys.stdout = sys.stderr  # whatever the libraries print never mixes with the reply
    try:
        if len(data) > max_bytes:
            result: tuple = ("too_large", "bytes")
        else:
            result = run(data, max_pages)
    except MemoryError:
        result = ("too_large", "memory")
    except Exception as exc:  # a library failing on a strange file: the kind, never the content
        result = ("failed", type(exc).__name__)
    reply = {"result": "ok", "pages": result[1]} if result[0] == "ok" else {"result": result[0], "detail": result[1]}
    out_stream.write(json.dumps(reply, ensure_ascii=True))
    out_stream.flush()
    return 0


if __name__ == "__main__":
    # Limits first, before onnxruntime is even imported; one thread per core we are given.
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    _limit_resources(int(sys.argv[3]), int(sys.argv[4]))
    sys.exit(main(sys.argv[1:]))
