"""The ``respond`` command. Click commands only: parse options, call the core, write files, map
errors to exit codes (0 analysed, 2 input rejected, 1 internal error). Imports are lazy so that
``respond --help`` stays fast.
"""

from __future__ import annotations

import functools
import sys
from typing import Callable

import click

from respond.cli import zh
from respond.cli.options import FilePath, engine_options, force_option

zh.install()  # click's usage errors and help headings in Chinese

EXIT_INPUT = 2
EXIT_INTERNAL = 1


def guarded(f: Callable) -> Callable:
    """Input errors → message + exit 2; bugs → a message without the borrower's data + exit 1."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        from respond.cli.engine import InputError

        try:
            result = f(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe (respond rules | head) shows here, not at exit
            return result
        except BrokenPipeError:  # the reader stopped reading: nothing to report
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except InputError as exc:
            from respond.case.privacy import scrub

            # the case's own ID, phone and address are scrubbed where the message is made; anything
            # shaped like an ID or mobile number (a file named by one) is scrubbed here, for every command
            click.echo(scrub(str(exc)), err=True)
            sys.exit(EXIT_INPUT)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: never print the case's data, only where it happened
            tb = exc.__traceback__
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            where = f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}" if tb else "?"
            click.echo(f"内部错误（程序缺陷）：{type(exc).__name__}，位置 {where}。"
                       "请把这一行报告给开发者，不要附带案件数据。", err=True)
            sys.exit(EXIT_INTERNAL)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="respond", message="respond %(version)s")
def main() -> None:
    """respond：网贷被诉后按时、按法答辩。

    读取案件文件，计算答辩期、认定放贷主体与利率上限、计算综合年化利率、按上限重算依法应还金额，
    并生成要素式答辩状、利息重算表、report.json 和给当事人的说明。
    """


@main.command()
@click.option("--case", "case_path", required=True, type=FilePath(dir_okay=False), help="案件文件（JSON）。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text：给人看的中文摘要；json：report.json 的格式。")
@engine_options
@guarded
def check(case_path, fmt, today, day_basis, holidays_file, lpr_file):
    """分析一个案件：答辩期、放贷主体、利率上限、综合年化利率、依法应还金额。"""
    from respond.checks.report import build_report, report_json
    from respond.cli.engine import load, make_engine
    from respond.cli.summary import text_summary

    engine = make_engine(today=today, day_basis=day_basis, holidays_file=holidays_file, lpr_file=lpr_file)
    analysis = engine.run(load(case_path))
    if fmt == "json":
        click.echo(report_json(build_report(analysis)), nl=False)
    else:
        click.echo(text_summary(analysis))


@main.command()
@click.argument("code", required=False)
@guarded
def rules(code):
    """列出全部检查规则；给出 CODE 时详细解释该规则及其法律依据。"""
    from respond.cli.rules import explain_rule, list_rules

    if code is None:
        click.echo(list_rules())
        return
    text = explain_rule(code)
    if text is None:
        click.echo(f"没有名为 {code} 的规则。运行 respond rules 查看全部规则。", err=True)
        sys.exit(EXIT_INPUT)
    click.echo(text)


@main.command()
@click.option("--case", "case_path", required=True, type=FilePath(dir_okay=False), help="案件文件（JSON）。")
@click.option("--out", "out_dir", required=True, type=FilePath(file_okay=False), help="输出文件夹。")
@click.option("--templates", "templates_dir", type=FilePath(file_okay=False, exists=True),
              help="使用自己的模板（文件名须与内置模板相同）。")
@click.option("--pdf", is_flag=True, help="同时生成每份文书的 PDF（需要 LibreOffice；没有时照常生成 .docx 并提示）。")
@force_option
@engine_options
@guarded
def draft(case_path, out_dir, templates_dir, pdf, force, today, day_basis, holidays_file, lpr_file):
    """为一个案件生成答辩材料：答辩状、利息重算表、report.json、说明.md。

    输出文件夹不存在时会创建。加 --force 覆盖时，上次生成、本案不再需要的材料（例如不再需要的
    利息重算表、管辖权异议申请书）会被删除；只动 respond 自己生成的文件（记录在 .respond-files.json），
    文件夹里的其他文件，即使同名，也不会被覆盖或删除。
    """
    from respond.cli.engine import load, load_template_set, make_engine, render_package
    from respond.cli.files import write_package

    engine = make_engine(today=today, day_basis=day_basis, holidays_file=holidays_file, lpr_file=lpr_file)
    templates = load_template_set(templates_dir)
    analysis = engine.run(load(case_path))
    files = render_package(analysis, templates, pdf=pdf, warn=lambda m: click.echo(m, err=True))
    # with --force, an earlier package's documents this case no longer has (e.g. its 利息重算表) go,
    # so that the folder holds one package; only files respond recorded writing are ever touched
    written, removed = write_package(out_dir, files, force=force)
    d = analysis.deadline
    click.echo(f"已生成 {len(written)} 个文件到 {out_dir}：" + "、".join(p.name for p in written))
    if removed:
        click.echo("已删除上次生成、本案不再需要的文件：" + "、".join(p.name for p in removed))
    click.echo(f"答辩截止：{d.answer_due.isoformat()}（{'还有 %d 天' % d.days_left if d.days_left >= 0 else '已过 %d 天' % -d.days_left}）")


@main.group()
def templates():
    """管理答辩状模板。"""


@templates.command("check")
@click.argument("directory", type=FilePath(exists=True))
@guarded
def templates_check_cmd(directory):
    """检查自定义模板：列出模板里用到但数据中没有的变量，以及数据中有但模板没用到的变量。"""
    from respond.cli.engine import InputError
    from respond.templates.render import TemplateError, templates_check

    try:
        undefined, unused = templates_check(directory)
    except TemplateError as exc:
        raise InputError(str(exc)) from None
    if undefined:
        click.echo("模板用到、但数据中没有的变量（渲染时会报错）：")
        click.echo("\n".join(f"  - {v}" for v in undefined))
    if unused:
        click.echo("数据中有、但模板没有用到的变量（可以忽略）：")
        click.echo("\n".join(f"  - {v}" for v in unused))
    if not undefined and not unused:
        click.echo("模板与数据完全对应。")
    if undefined:
        sys.exit(EXIT_INPUT)


@main.command()
@click.argument("inputs", nargs=-1, required=False, type=FilePath(), metavar="DIR|FILES...")
@click.option("--shard", default=None, metavar="K/N",
              help="只处理第 K 份（共 N 份）：同一批输入在 N 台机器上各用一个 K，合起来正好每个案件一次，"
                   "输出文件夹的名字与不分片时相同；用 respond merge 合并各份的 summary.csv。")
@click.option("--files-from", "files_from", type=FilePath(dir_okay=False, allow_dash=True),
              help="从这个文件读入要处理的案件文件、文件夹或表格，每行一个（- 表示标准输入）；"
                   "案件太多、命令行放不下时使用。")
@click.option("--out", "out_dir", required=True, type=FilePath(file_okay=False),
              help="输出文件夹：每个案件一个子文件夹，另有 summary.csv。")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="并行进程数（默认 CPU 核数）；1 表示不开子进程，便于排查问题。")
@click.option("--templates", "templates_dir", type=FilePath(file_okay=False, exists=True),
              help="使用自己的模板（文件名须与内置模板相同）。")
@click.option("--pdf", is_flag=True, help="同时生成每份文书的 PDF（需要 LibreOffice；没有时照常生成 .docx，原因写在 summary.csv 的“错误”栏）。")
@force_option
@engine_options
@guarded
def batch(inputs, shard, files_from, out_dir, jobs, templates_dir, pdf, force, today, day_basis, holidays_file,
          lpr_file):
    """成批生成答辩材料：每个案件一个文件夹，summary.csv 按答辩截止日排序（最紧急的在前）。

    DIR 是放案件文件（*.json）的文件夹，也可以直接列出多个案件文件，或者一个案件表格（.xlsx/.csv，
    一行一个案件，见 docs/batch-sheet.md）。已生成且比案件文件新的
    材料会跳过（加 --force 全部重新生成）。退出码：0 全部生成；2 有案件被拒绝（见 summary.csv）；
    1 程序内部错误。
    """
    from respond.cli.batch import parse_shard, read_file_list, run_batch
    from respond.cli.engine import InputError

    if files_from:
        inputs = tuple(inputs) + tuple(read_file_list(files_from))
    if not inputs:
        raise InputError("请给出案件文件、文件夹或表格（或用 --files-from 给出一个列表文件）")
    sys.exit(run_batch(inputs, out_dir, jobs=jobs, force=force, today=today, day_basis=day_basis,
                       holidays_file=holidays_file, lpr_file=lpr_file, templates_dir=templates_dir, pdf=pdf,
                       shard=parse_shard(shard) if shard else None))


@main.command()
@click.option("--dir", "folder", type=FilePath(file_okay=False), default=None,
              help="保存填写进度的文件夹（默认 ~/.local/share/respond/interviews，只有您本人可读）。")
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器，只显示地址。")
@click.option("--no-pdf", is_flag=True, help="下载的材料里不附 PDF（不调用 LibreOffice）。")
@guarded
def interview(folder, no_browser, no_pdf):
    """在本机浏览器里一步一步回答问题，生成答辩材料（只在 127.0.0.1 上运行，不联网，不上传）。

    命令会打开一个带一次性令牌的地址；关闭这个窗口（Ctrl-C）即停止。填写进度随时保存，下次运行可以继续。
    """
    import webbrowser

    from respond.web.app import create_app
    from respond.web.server import LocalServer, new_token
    from respond.web.store import Store, default_folder

    token = new_token()
    store = Store(folder or default_folder())
    server = LocalServer(lambda port: create_app(token=token, port=port, store=store, pdf=not no_pdf))
    url = f"{server.base}/?token={token}"
    click.echo(f"网贷诉讼应诉助手已在本机启动：{url}")
    click.echo("请用浏览器打开上面的地址（只在这台电脑上可用）；按 Ctrl-C 停止。")
    if not no_browser:
        webbrowser.open(url)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    click.echo("已停止。")


@main.command()
def schema():
    """输出案件文件的 JSON Schema（供编辑器校验和补全）。"""
    import json

    from respond.case.model import CaseFile

    click.echo(json.dumps(CaseFile.model_json_schema(by_alias=True), ensure_ascii=False, indent=2))


@main.command()
@click.argument("path", type=FilePath(dir_okay=False), default=None, required=False)
@click.option("--xlsx", "as_sheet", is_flag=True,
              help="改为写成批案件的表格模板（默认 案件.xlsx）：一行一个案件，每列表头有说明，可选项有下拉列表；"
                   "填好后 respond batch 案件.xlsx --out 输出。")
@force_option
@guarded
def init(path, as_sheet, force):
    """写一个包含全部字段的案件文件模板（默认 case.json；所在文件夹不存在时会创建）。"""
    from pathlib import Path

    from respond.cli.files import write_files

    if as_sheet:
        from respond.case.sheet import template_xlsx

        target = Path(path or "案件.xlsx")
        write_files(target.parent, {target.name: template_xlsx()}, force=force)
        click.echo(f"已写入 {target}：第 1 行是表头（鼠标停在表头上可看说明，加粗的必填），第 2 行是示例，"
                   f"请改成自己的案件；每行一个案件。然后运行 respond batch {target.name} --out 输出")
        return
    from respond.case.starter import starter_case_json

    target = Path(path or "case.json")
    write_files(target.parent, {target.name: starter_case_json().encode("utf-8")}, force=force)
    click.echo(f"已写入 {target}：请按应诉材料逐项填写，不知道的字段删除即可。")


from respond.cli.extract_cmd import extract  # noqa: E402  (a click command; its work is imported lazily)
from respond.cli.debts_cmd import debts  # noqa: E402
from respond.cli.merge import merge  # noqa: E402

main.add_command(extract)
main.add_command(debts)
main.add_command(merge)


def run() -> None:  # pragma: no cover - console entry for python -m
    main()
