"""``respond extract``: a case file from the court's PDFs (registered in :mod:`respond.cli.main`).

Module-level imports are click and the shared options only: ``respond --help`` must stay fast.
Nothing here prints an ID number, a phone number or an address: the console gets file names,
field paths, the court and the case number; the values go into the user's own output file.
"""

from __future__ import annotations

import click

from respond.cli.options import FilePath, force_option

SERVICE_METHODS = ("direct", "mail", "electronic", "public_notice")
MAX_FILES = 20


def _parse_served_on(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"日期格式应为 YYYY-MM-DD，收到 {value!r}") from None


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=FilePath())
@click.option("-o", "--out", required=True, type=FilePath(dir_okay=False), metavar="FILE",
              help="写入的案件文件（JSON），例如 case.json。")
@click.option("--served-on", callback=_parse_served_on, metavar="YYYY-MM-DD",
              help="送达日：签收日、邮件回执上的收件日、电子送达到达日或公告发出日（文书上一般没有）。")
@click.option("--service-method", type=click.Choice(SERVICE_METHODS),
              help="送达方式：direct 直接送达、mail 邮寄送达、electronic 电子送达、public_notice 公告送达。")
@force_option
def extract(files, out, served_on, service_method, force):
    """从法院送达的 PDF 提取案件信息，写成案件文件。

    FILES 是传票、应诉通知书、起诉状副本、举证通知书的 PDF（一份或多份），或纸质文书的
    扫描件、手机照片（PDF、JPG、PNG）。扫描件和照片用本机离线文字识别（OCR）读取，需要先
    安装：pip install "respond[ocr]"（不上传任何内容）；识别出的每一项在 notes.sources 里
    记有识别把握（confidence），把握不高的列在 notes.review。每个提取值的出处（文件、页码、
    原文）记在 notes.sources，请逐项与原件核对。程序不猜测：文书里没有写的就不填。

    \b
    文书里找不到的必填字段写为 null，列在 notes.missing，并在屏幕上提示。
    最常见的是送达方式和送达日（可用 --service-method、--served-on 直接给出），
    有时还有借款合同成立日（loan.contract_date）和借款金额（loan.principal）。
    这些字段填好之前，respond check 和 respond draft 会拒绝这个文件。
    找不到的可选字段列在 notes.not_found。

    \b
    退出码：0 已写入（完整，或待补充必填字段）；
            2 输入被拒绝，未写入任何文件（不是 PDF 或图片、有打开密码、扫描件而未安装 OCR、乱码、
              文件过大或页数过多、页面内容过于复杂或读取超时、输出文件已存在而未加 --force）。

    \b
    示例：
      respond extract 传票.pdf 应诉通知书.pdf 起诉状.pdf 举证通知书.pdf -o case.json \\
          --served-on 2026-11-03 --service-method electronic
    """
    from respond.cli.main import guarded

    guarded(_run)(files, out, served_on, service_method, force)


def _run(files, out, served_on, service_method, force) -> None:
    import json
    from pathlib import Path

    from respond.cli.engine import InputError
    from respond.cli.files import existing, write_files
    from respond.extract.build import REQUIRED_HELP, build_case, read_documents

    if len(files) > MAX_FILES:
        raise InputError(f"一次最多读取 {MAX_FILES} 份文书，收到 {len(files)} 份。请只选传票、应诉通知书、起诉状副本和举证通知书。")
    target = Path(out)
    if existing(target.parent, [target.name]) and not force:
        raise InputError(f"输出文件已存在，未写入任何文件（如确需覆盖，请加 --force）：\n  - {target}")
    from respond.case.load import resolved

    if any(resolved(f) == resolved(target) for f in files):
        raise InputError(f"输出文件 {target.name} 与输入的文书是同一个文件，请换一个输出文件名（例如 case.json）。")

    reading = read_documents(list(files))
    if reading.errors:
        lines = [str(e) for e in reading.errors]
        raise InputError("\n".join(lines) + "\n未写入任何文件。可以去掉有问题的文件后重新运行，其余内容再手工补充。")
    if not reading.documents:
        for warning in reading.warnings:
            click.echo(warning, err=True)
        raise InputError("没有识别出任何法院文书（传票、应诉通知书、起诉状副本、举证通知书），未写入任何文件。")

    result = build_case(reading.documents, served_on=served_on, service_method=service_method)
    data = json.dumps(result.case, ensure_ascii=False, indent=2) + "\n"
    write_files(target.parent, {target.name: data.encode("utf-8")}, force=force)

    court = result.case["court"]
    click.echo(f"已写入 {target}：从 {len(reading.documents)} 份文书中提取 {result.extracted} 项，"
               "每项的出处见 notes.sources，请逐项与原件核对。")
    if court.get("name") or court.get("case_number"):
        click.echo(f"  案件：{court.get('case_number') or '（案号未找到）'}  {court.get('name') or '（法院未找到）'}")
    for doc in reading.documents:
        count = len(doc.fields) + (len(doc.defendants[0]) if doc.defendants else 0)
        pages = f"第 {doc.first_page}–{doc.first_page + doc.pages - 1} 页" if doc.pages > 1 else f"第 {doc.first_page} 页"
        click.echo(f"  {doc.name} {pages}：{doc.type_label}，提取 {count} 项")
    for warning in reading.warnings + result.warnings:
        click.echo(f"注意：{warning}", err=True)
    if result.missing:
        click.echo(f"以下必填字段在文书中没有找到，已写为 null 并列在 notes.missing。"
                   f"请在 {target.name} 中填写后再运行 respond check 或 respond draft：", err=True)
        for path in result.missing:
            click.echo(f"  - {path}：{REQUIRED_HELP[path]}", err=True)
    if result.problems:
        click.echo("提取结果有以下问题，请对照原件核对后修改：", err=True)
        for problem in result.problems:
            click.echo(f"  - {problem}", err=True)
    if result.complete:
        click.echo(f"必填字段齐全，可以运行：respond check --case {target}")
