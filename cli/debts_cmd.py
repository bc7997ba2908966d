"""``respond debts``: all of one person's debts in one list (issue 14). Reads the debts file,
analyses each loan with the engine ``respond check`` uses, writes 债务清单.md, 债务清单.xlsx and
debts.json; ``--cases DIR`` also writes the case file of each loan not sued."""

from __future__ import annotations

import json
from pathlib import Path

import click

from respond.cli.main import guarded
from respond.cli.options import FilePath, engine_options, force_option

MARKDOWN, WORKBOOK, DATA = "债务清单.md", "债务清单.xlsx", "debts.json"


@click.command()
@click.argument("debts_file", type=FilePath(dir_okay=False), required=False)
@click.option("--out", "out_dir", type=FilePath(file_okay=False), help="输出文件夹。")
@click.option("--form", "form_path", type=FilePath(dir_okay=False),
              help="只写一个空白的债务清单表格（CSV，Excel/WPS 可直接打开填写），例如 债务清单.csv。")
@click.option("--cases", "cases_dir", type=FilePath(file_okay=False),
              help="另把每笔没有被起诉的借款写成案件文件（可用 respond check 复核）。")
@click.option("--letters", is_flag=True,
              help="同时为每笔没有被起诉的借款写一份协商还款函（.docx）：依法应还金额、不予认可的部分及依据、还款方案。")
@click.option("--collection", is_flag=True,
              help="同时写“遭遇催收怎么办.md”（报警、留证据、哪些做法违法及依据、每笔借款向谁投诉）和空白的催收记录表.csv。")
@click.option("--complaints", "log_path", type=FilePath(dir_okay=False),
              help="填好的催收记录表（.csv 或 .xlsx）：为记录中有联系亲友或辱骂威胁的每笔借款写一份催收投诉书（.docx），"
                   "寄给管它的金融管理部门。")
@click.option("--disputes", is_flag=True,
              help="同时为每笔写了 credit_record 的借款写一份征信异议申请书（.docx）和“征信异议怎么做.md”。")
@click.option("--pdf", is_flag=True, help="同时生成每份函件、申请书的 PDF（需要 LibreOffice；没有时照常生成 .docx 并提示）。")
@force_option
@engine_options
@guarded
def debts(debts_file, out_dir, form_path, cases_dir, letters, collection, log_path, disputes, pdf, force, today,
          day_basis, holidays_file, lpr_file):
    """把一个人的全部借款列成一张清单：每笔的综合年化利率、利率上限、依法应还金额、超出法律的部分、
    被起诉的答辩截止日；按紧急程度排序，附合计和“先做什么”。

    DEBTS_FILE 是 JSON（格式见 docs/debts-file.md），或者 .csv/.xlsx 表格（用 --form 生成模板，
    每行一笔借款）。输出 债务清单.md、债务清单.xlsx、债务清单.png（每笔平台主张与依法应还的对比图）
    和 debts.json；加 --letters 另有每笔没有被起诉的
    借款的协商还款函（债务清单文件写了 person.monthly 时，按每月能还的金额提出分期方案）。

    示例：
      respond debts --form 债务清单.csv
      respond debts 债务清单.csv --out 清单
    """
    from respond.checks.report import build_report
    from respond.cli.engine import InputError, make_engine
    from respond.checks.card import issuer_problem
    from respond.debts.dispute import dispute_grounds
    from respond.cli.files import write_package
    from respond.debts import chart, render, table
    from respond.debts.load import DebtsFileError, read_debts

    if form_path:
        from respond.cli.files import write_files
        from respond.debts.form import template

        target = Path(form_path)
        write_files(target.parent, {target.name: template().encode("utf-8")}, force=force)
        click.echo(f"已写入 {target}：第 1 行填姓名，第 3 行起每行一笔借款（示例行请改成自己的），"
                   f"然后运行 respond debts {target.name} --out 清单")
        return
    if not debts_file or not out_dir:
        raise InputError("请给出债务清单文件和 --out 输出文件夹（或用 --form 生成空白表格）")
    engine = make_engine(today=today, day_basis=day_basis, holidays_file=holidays_file, lpr_file=lpr_file)
    try:
        person, items, capacity = read_debts(Path(debts_file), today=today)
    except DebtsFileError as exc:
        raise InputError(exc.render()) from None
    rows, problems, reports, stops = [], [], {}, {}
    for d in items:
        try:
            analysis = engine.run(d.loaded)
            report, stops[d.index] = build_report(analysis), analysis.stop
        except InputError as exc:
            problems.append(f"  - {d.where()}（{d.platform}）: {str(exc).splitlines()[-1].strip(' -')}")
            continue
        reports[d.index] = report
        rows.append(table.row(d.index, d.platform, d.sued, d.days_overdue, report))
    for d in items:
        if d.credit_card and d.index in reports:
            why = issuer_problem(reports[d.index]["lender"].get("lender_category"))
            if why:
                problems.append(f"  - {d.where('credit_card')}（{d.platform}）: {why}")
    found = {}
    for d in items:
        if disputes and d.credit_record is not None and d.index in reports:
            holds, refused = dispute_grounds(engine, d.loaded, d.credit_record, today)
            problems += [f"  - {d.where('credit_record.' + r.field)}（{d.platform}）: {r.message}" for r in refused]
            found[d.index] = holds
    if problems:
        raise InputError(f"债务清单文件有 {len(problems)} 处问题，未生成任何文件：\n" + "\n".join(problems))
    complaints, notes = _complaints(Path(log_path), person, items, reports, today) if log_path else ({}, [])
    rows = table.sort_rows(rows)
    totals = table.totals(rows)
    picture = chart.png(person, rows, today.isoformat())
    files = {
        MARKDOWN: render.markdown(person, rows, totals, today, chart.FILE if picture else None).encode("utf-8"),
        WORKBOOK: render.xlsx(person, rows, totals, today),
        DATA: json.dumps({"version": 1, "today": today.isoformat(), "rows": [_row_json(r) for r in rows],
                          "totals": _row_json(totals)}, ensure_ascii=False, indent=2).encode("utf-8"),
    }
    if picture:
        files[chart.FILE] = picture
    if letters:
        written, denied = _letters(person, items, rows, reports, capacity, today)
        files.update(written)
        notes += [f"{platform}：您在征信异议中说这笔借款不是您的或已经还清，没有写协商还款函"
                  "（协商函会被当作您认可这笔欠款）。" for platform in denied]
    if collection:
        from respond.templates.collection import GUIDE_FILE, LOG_FILE, collection_guide, evidence_log

        files[GUIDE_FILE] = collection_guide(person, rows).encode("utf-8")
        files[LOG_FILE] = evidence_log().encode("utf-8")
    if disputes:
        files.update(_disputes(person, items, rows, found, today))
    files.update(complaints)
    if pdf:
        files.update(_pdfs(files))
    cases = {f"debt-{d.index + 1:02d}.json": json.dumps(_moved(d.case_data, Path(debts_file).parent, cases_dir),
                                                       ensure_ascii=False, indent=2, default=_number).encode("utf-8")
             for d in items if d.case_data is not None} if cases_dir else {}
    if cases:
        write_package(cases_dir, cases, force=force)
    written, _ = write_package(out_dir, files, force=force)
    click.echo(f"已生成 {len(written)} 个文件到 {out_dir}：" + "、".join(p.name for p in written))
    for line in notes:
        click.echo(line)
    if rows and not picture:
        click.echo(f"提示：这台电脑没有中文字体（例如 Noto Sans CJK），没有画 {chart.FILE}；清单本身不受影响。")
    for i, line in enumerate(render.advice(rows, totals, today)[:3], start=1):
        click.echo(f"{i}. {line}")


def _letters(person, items, rows, reports, capacity, today) -> tuple[dict[str, bytes], list[str]]:
    """协商还款函-NN-平台.docx for each loan not sued whose lawful total is known; the month's
    capacity shared among them (debts/plan.py). Also the platforms left without one because the
    person disputes the debt as not theirs or paid (a letter would acknowledge it)."""
    from respond.cli.batch import safe_folder_name
    from respond.checks.card import arrangement
    from respond.checks.credit_record import denies_the_debt
    from respond.debts.plan import offered, proposal, shares
    from respond.templates.letter import letter_context
    from respond.templates.render import letter_template

    by_index = {d.index: d for d in items}
    denied = [r for r in rows if not r.sued and denies_the_debt(by_index[r.index].credit_record)]
    open_rows = [r for r in rows if not r.sued and r.lawful_total is not None and r.lawful_total > 0
                 and r not in denied]
    offers = [offered(r.lawful_total, r.claimed_total) for r in open_rows]
    split = shares(offers, capacity) if capacity else [None] * len(open_rows)
    out = {}
    for r, offer, share in zip(open_rows, offers, split):
        d = by_index[r.index]
        plan = proposal(offer, share)
        context = letter_context(reports[r.index], d.loaded.case.model_dump(mode="json"), person=person,
                                 platform=r.platform, proposal=plan, capacity=capacity,
                                 shared=len(open_rows) > 1, today=today, credit_card=d.credit_card,
                                 card=arrangement(d.credit_card, plan.monthly is not None, plan.months,
                                                  reports[r.index]["lender"].get("plaintiff_category")),
                                 cap_assumes_filing=r.cap_assumes_filing)
        out[f"协商还款函-{r.index + 1:02d}-{safe_folder_name(r.platform)}.docx"] = letter_template().render(context)
    return out, [r.platform for r in denied]


def _pdfs(files: dict[str, bytes]) -> dict[str, bytes]:
    """X.pdf beside each letter X.docx, by LibreOffice in one call; without it, a word why."""
    from respond.convert.libreoffice import PdfUnavailable, to_pdf

    documents = {name: data for name, data in files.items() if name.endswith(".docx")}
    if not documents:
        return {}
    try:
        return to_pdf(documents)
    except PdfUnavailable as exc:
        click.echo(str(exc), err=True)
        return {}


def _complaints(log: Path, person, items, reports, today) -> tuple[dict[str, bytes], list[str]]:
    """催收投诉书-NN-平台.docx for each loan whose log rows show a ground, to its supervisor
    (checks/collection.py); and a line for each loan logged that gets none, saying why."""
    from respond.checks import collection as cl
    from respond.cli.batch import safe_folder_name
    from respond.cli.engine import InputError
    from respond.debts.evidence import LogError, read_log
    from respond.templates.complaint import complaint_context
    from respond.templates.render import letter_template

    by_platform: dict[str, list] = {}
    for d in items:
        by_platform.setdefault(d.platform, []).append(d)
    try:
        entries = read_log(log, platforms=set(by_platform), today=today)
    except LogError as exc:
        raise InputError(f"催收记录表 {log.name} 有 {len(exc.problems)} 处问题，未生成任何文件：\n"
                         + "\n".join(f"  - {p}" for p in exc.problems)) from None
    logged: dict[str, list] = {}
    for e in entries:
        logged.setdefault(e.platform, []).append(e)
    twice = [p for p in logged if len(by_platform[p]) > 1]
    if twice:
        raise InputError("债务清单里有几笔借款用同一个平台名称，催收记录分不清是哪一笔：" + "、".join(twice)
                         + "。请在债务清单里把平台名称写得能区分（例如 某某借钱-1、某某借钱-2），催收记录表也照改")
    out, notes = {}, []
    for platform, rows in logged.items():
        d = by_platform[platform][0]
        report = reports[d.index]
        grounds = cl.grounds(rows, credit_card=d.credit_card)
        to = cl.authority(report["lender"].get("lender_category"))
        if not grounds:
            notes.append(f"{platform}：记录中没有标明联系亲友同事或辱骂威胁，没有写投诉书（其余记录请继续保存）。")
            continue
        if to is None:
            notes.append(f"{platform}：放款人没有金融管理部门监管，没有写投诉书；受到威胁、骚扰时请向公安机关报警。")
            continue
        context = complaint_context(rows, grounds, report, d.loaded.case.model_dump(mode="json"), person=person,
                                    platform=platform, to=to, today=today)
        name = f"催收投诉书-{d.index + 1:02d}-{safe_folder_name(platform)}.docx"
        out[name] = letter_template("complaint").render(context)
    return out, notes


def _disputes(person, items, rows, found, today) -> dict[str, bytes]:
    """征信异议申请书-NN-平台.docx for each debt with a credit record, and 征信异议怎么做.md."""
    from respond.debts.dispute import GUIDE, application, application_name
    from respond.templates.credit_dispute import dispute_guide

    by_index = {d.index: d for d in items}
    out, listed = {}, []
    for r in rows:
        d = by_index[r.index]
        if d.credit_record is None:
            continue
        name = application_name(r.index + 1, r.platform)
        out[name] = application(d.credit_record, found[r.index], d.loaded.case, person=person, platform=r.platform,
                                credit_card=d.credit_card, today=today)
        listed.append((r.platform, name, found[r.index]))
    if listed:
        out[GUIDE] = dispute_guide(person, listed).encode("utf-8")
    return out


def _moved(case: dict, base: Path, cases_dir: str) -> dict:
    """The case file as it reads from ``cases_dir``: its contract's path relative to there."""
    import copy
    import os

    out = copy.deepcopy(case)
    ref = out["loan"].get("contract_text") if isinstance(out.get("loan"), dict) else None
    if isinstance(ref, str) and ref:
        out["loan"]["contract_text"] = os.path.relpath(os.path.abspath(base / ref), os.path.abspath(cases_dir))
    return out


def _number(value):
    """A JSON number of the debts file (read as Decimal) written back as the same number."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else str(value)
    raise TypeError(type(value).__name__)


def _row_json(obj) -> dict:
    from dataclasses import asdict
    from decimal import Decimal

    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in asdict(obj).items()}
