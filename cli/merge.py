"""``respond merge``: the summaries of several batch outputs (the shards of one batch, run on
several machines with ``--shard K/N``) as one ``summary.csv``, sorted as a batch sorts it (soonest
answer due first). The packages stay where they are: each row's folder is the path from the merged
summary to the case's folder."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import click

from respond.cli.main import guarded
from respond.cli.options import FilePath, force_option



def read_summary(folder: Path) -> list[dict[str, str]]:
    """The rows of ``folder/summary.csv`` keyed as the batch writes them (``answer_due`` …)."""
    from respond.case.load import Unreadable, read_limited
    from respond.cli.batch import HEADER, KEYS, SUMMARY
    from respond.cli.engine import InputError

    try:
        raw = read_limited(folder / SUMMARY, 2**31)
    except Unreadable as exc:
        raise InputError(f"{folder / SUMMARY} {exc}（应为 respond batch 的输出文件夹）") from None
    try:
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error):
        raise InputError(f"{folder / SUMMARY} 不是 respond batch 写的汇总表") from None
    if not rows or tuple(rows[0]) != HEADER:
        raise InputError(f"{folder / SUMMARY} 的表头与本版本 respond batch 写的不同：请用同一版本重新运行该批次")
    return [dict(zip(KEYS, r)) for r in rows[1:] if r]


@click.command()
@click.argument("folders", nargs=-1, required=True, type=FilePath(file_okay=False, exists=True))
@click.option("--out", "out_dir", required=True, type=FilePath(file_okay=False), help="写合并后的 summary.csv 的文件夹。")
@force_option
@guarded
def merge(folders, out_dir, force):
    """把几个 respond batch 输出文件夹（例如 --shard 分片在几台机器上的结果）的 summary.csv 合并成一份，
    按答辩截止日排序（最紧急的在前）。各案件的材料留在原处，合并表的“输出文件夹”一栏写到它们的相对路径。

    示例：respond merge 输出-aa 输出-ab 输出-ac 输出-ad --out 合并
    """
    from respond.cli.batch import EXCEL_ROWS, HEADER, KEYS, SUMMARY
    from respond.cli.engine import InputError
    from respond.cli.files import refuse_replacing, write_streamed

    out = Path(out_dir)
    rows: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    twice: list[str] = []
    for folder in folders:
        for row in read_summary(Path(folder)):
            if row.get("folder"):
                if row["folder"] in seen:
                    twice.append(row["folder"])
                seen[row["folder"]] = folder
                row["folder"] = os.path.relpath(Path(folder) / row["folder"], out)
            rows.append(row)
    if twice:
        raise InputError("同一个案件出现在不止一份结果里（" + "、".join(sorted(set(twice))[:5]) + "）："
                         "是否用同一个 K 运行了两次 --shard？未写入任何文件")
    rows.sort(key=lambda r: (0, r["answer_due"], r["file"]) if r.get("answer_due") else (1, "", r["file"]))
    out.mkdir(parents=True, exist_ok=True)
    refuse_replacing(out, SUMMARY, force=force)

    def lines():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        for r in [list(HEADER)] + [[row.get(k, "") for k in KEYS] for row in rows]:
            buf.seek(0)
            buf.truncate()
            w.writerow(r)
            yield buf.getvalue()

    write_streamed(out, SUMMARY, lines(), encoding="utf-8-sig", busy_hint="是否正在 Excel/WPS 中打开？")
    click.echo(f"已合并 {len(folders)} 份、共 {len(rows)} 个案件：{out / SUMMARY}")
    if len(rows) + 1 > EXCEL_ROWS:
        click.echo(f"注意：超过 Excel 一张表最多 {EXCEL_ROWS:,} 行，Excel/WPS 打开时只显示前面的行；"
                   "请用其他工具打开或按分片分别查看。", err=True)
