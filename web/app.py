"""The interview as a local web app: start or resume, one page a topic, review, download the package.

Plain HTML forms, no JavaScript: each page posts its answers (with the session's form token) and is
saved at once, so closing the browser loses nothing. A question that an answer on the same page
makes relevant (the deductions once "not all of it arrived" is chosen) is shown by returning to the
page. The review page puts the deadline first, then what is missing or wrong (each linked to its
question), the findings, and the download. The case is read, checked and drafted by the same code
as ``respond check`` and ``respond draft``; the law is not decided here.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from respond.web.guard import Guard, require_form_token
from respond.web.questions import PAGES, QUESTIONS, RATE_PERIODS, answers_to_case, asked, question_for_path
from respond.web.store import Store

HERE = Path(__file__).resolve().parent
PAGE_KEYS = [p.key for p in PAGES]
PAGE_OF = {q.key: p.key for p in PAGES for q in p.questions}
MAX_ANSWER = 20_000  # characters in one answer (a long list of payments fits)

#: what a required answer is needed for, in the review's list
NEEDED_FOR = {
    "court.name": "写答辩状的收件法院", "service.method": "计算答辩截止日", "service.date": "计算答辩截止日",
    "plaintiff.name": "写答辩状", "defendant.name": "写答辩状", "loan.contract_date": "判断适用的利率上限",
    "loan.principal": "核算欠款",
}


def _environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "pages")), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def create_app(*, token: str, port: int, store: Store, today: Callable[[], dt.date] = dt.date.today,
               pdf: bool = True) -> Guard:
    env = _environment()

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(token=token, **context), status_code=status)

    def load(request: Request) -> tuple[str, dict[str, Any]] | None:
        interview = request.path_params["interview"]
        data = store.load(interview)
        return None if data is None else (interview, data)

    async def posted(request: Request, files: int = 0):
        form = await request.form(max_files=files, max_fields=200, max_part_size=MAX_ANSWER * 4)
        return form if require_form_token(form, token) else None

    async def start(request: Request) -> Response:
        saved = []
        for interview in store.saved()[:20]:
            data = store.load(interview) or {}
            answers = data.get("answers", {})
            who = answers.get("court.case_number") or answers.get("plaintiff.name") or "未填案号"
            saved.append({"id": interview, "page": data.get("page", PAGE_KEYS[0]),
                          "label": f"{who}（上次保存于 {data.get('saved_at', '')}）"})
        return render("start.html", title="开始", saved=saved, refused=None)

    async def new(request: Request) -> Response:
        if await posted(request) is None:
            return _forbidden()
        interview = store.new_id()
        store.save(interview, {"version": 1, "answers": {}, "page": PAGE_KEYS[0], "saved_at": _now()})
        return RedirectResponse(f"/i/{interview}/{PAGE_KEYS[0]}", status_code=303)

    async def upload(request: Request) -> Response:
        from respond.web.prefill import MAX_FILES, UploadRefused, check_uploads, prefill

        try:
            form = await request.form(max_files=MAX_FILES + 1, max_fields=20)
        except Exception:  # a malformed or over-long multipart body
            return render("start.html", status=400, title="开始", saved=[], refused="上传的内容无法读取，请重新选择文件。")
        if not require_form_token(form, token):
            return _forbidden()
        files = []
        for item in form.getlist("files"):
            if hasattr(item, "read"):
                data = await item.read()
                if item.filename or data:
                    files.append((item.filename or "文件", data))
        try:
            checked = check_uploads(files)
        except UploadRefused as exc:
            return render("start.html", status=400, title="开始", saved=[], refused=str(exc))
        from starlette.concurrency import run_in_threadpool

        found = await run_in_threadpool(prefill, checked)
        interview = store.new_id()
        store.save(interview, {"version": 1, "answers": found.answers, "sources": found.sources, "notes": found.notes,
                               "page": PAGE_KEYS[0], "saved_at": _now()})
        return RedirectResponse(f"/i/{interview}/{PAGE_KEYS[0]}", status_code=303)

    async def page(request: Request) -> Response:
        found = load(request)
        key = request.path_params["page"]
        if found is None or key not in PAGE_KEYS:
            return render("base.html", status=404, title="找不到这一页")
        interview, data = found
        answers = data.get("answers", {})
        index = PAGE_KEYS.index(key)
        the_page = PAGES[index]
        problems = answers_to_case(answers).problems
        if data.get("contract_refused"):
            problems = {**problems, "loan.contract_text": data["contract_refused"]}
        kept = data.get("contract")
        contract = {"name": kept["name"], "chars": len(kept["text"])} if kept else None
        return render("page.html", contract=contract, title=the_page.title, page=the_page, interview=interview,
                      sources=data.get("sources", {}), notes=data.get("notes", []),
                      questions=[q for q in the_page.questions if asked(q, answers)], answers=answers,
                      problems=problems, periods=RATE_PERIODS, number=index + 1, total=len(PAGES),
                      previous=PAGE_KEYS[index - 1] if index else None)

    async def save_page(request: Request) -> Response:
        found = load(request)
        key = request.path_params["page"]
        if found is None or key not in PAGE_KEYS:
            return render("base.html", status=404, title="找不到这一页")
        the_page = PAGES[PAGE_KEYS.index(key)]
        uploads = [q.key for q in the_page.questions if q.kind == "contract_file"]
        try:
            form = await posted(request, files=len(uploads))
        except Exception:  # a malformed multipart body, or a field over the limit
            form = None
        if form is None:
            return _forbidden()
        interview, data = found
        data = dict(data)
        answers = dict(data.get("answers", {}))
        before = {q.key for q in the_page.questions if asked(q, answers)}
        refused = None
        for name in uploads:
            refused = await _take_contract(form, name, data, answers) or refused
        for q in the_page.questions:
            if q.kind == "contract_file":
                continue
            names = [f"{q.key}.period", f"{q.key}.percent"] if q.kind == "rate" else [q.key]
            for name in names:
                value = form.get(name)
                if isinstance(value, str) and name in form:
                    answers[name] = value[:MAX_ANSWER]
        now_asked = {q.key for q in the_page.questions if asked(q, answers)}
        index = PAGE_KEYS.index(key)
        new_here = now_asked - before
        target = key if new_here or refused else (PAGE_KEYS[index + 1] if index + 1 < len(PAGE_KEYS) else "review")
        store.save(interview, {**data, "answers": answers, "page": target, "saved_at": _now()})
        if refused:
            return RedirectResponse(f"/i/{interview}/{key}#q-{uploads[0]}", status_code=303)
        anchor = f"#q-{sorted(new_here)[0]}" if new_here else ""
        return RedirectResponse(f"/i/{interview}/{target}{anchor}", status_code=303)

    async def review(request: Request) -> Response:
        found = load(request)
        if found is None:
            return render("base.html", status=404, title="找不到这份填写")
        interview, data = found
        answers = data.get("answers", {})
        checked = check_answers(answers, today(), contract_of(data))
        return render("review.html", title="核对和下载", interview=interview, summary=_summary(answers),
                      pdf=pdf and _soffice_present(), **checked)

    async def package(request: Request) -> Response:
        found = load(request)
        if found is None:
            return render("base.html", status=404, title="找不到这份填写")
        if await posted(request) is None:
            return _forbidden()
        interview, data = found
        checked = check_answers(data.get("answers", {}), today(), contract_of(data))
        if not checked["ready"]:
            return RedirectResponse(f"/i/{interview}/review", status_code=303)
        files = package_of(interview, data, checked)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                archive.writestr(f"答辩材料/{name}", content)
        return Response(buffer.getvalue(), media_type="application/zip",
                        headers={"Content-Disposition": "attachment; filename*=UTF-8''%E7%AD%94%E8%BE%A9%E6%9D%90%E6%96%99.zip"})

    cache: dict[str, tuple[str, dict[str, bytes]]] = {}  # interview → (its answers' digest, its package)

    def package_of(interview: str, data: dict[str, Any], checked: dict[str, Any]) -> dict[str, bytes]:
        import hashlib
        import json

        facts = {"answers": data.get("answers", {}), "contract": contract_of(data)}
        digest = hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()
        if interview not in cache or cache[interview][0] != digest:
            cache.clear()  # one package kept in memory at a time
            cache[interview] = (digest, draft_files(checked["analysis"], pdf=pdf, extra=checked["credit_files"]))
        return cache[interview][1]

    async def one_file(request: Request) -> Response:
        found = load(request)
        if found is None:
            return render("base.html", status=404, title="找不到这份填写")
        interview, data = found
        checked = check_answers(data.get("answers", {}), today(), contract_of(data))
        if not checked["ready"]:
            return RedirectResponse(f"/i/{interview}/review", status_code=303)
        from starlette.concurrency import run_in_threadpool

        files = await run_in_threadpool(package_of, interview, data, checked)
        name = request.path_params["name"]
        if name not in files:
            return render("base.html", status=404, title="没有这个文件")
        media = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 ".pdf": "application/pdf", ".json": "application/json", ".md": "text/markdown; charset=utf-8",
                 ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8"}.get(Path(name).suffix, "application/octet-stream")
        from urllib.parse import quote

        return Response(files[name], media_type=media,
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    async def style(request: Request) -> Response:
        return FileResponse(HERE / "static" / "style.css", media_type="text/css")

    routes = [
        Route("/", start),
        Route("/new", new, methods=["POST"]),
        Route("/upload", upload, methods=["POST"]),
        Route("/static/style.css", style),
        Route("/i/{interview}/review", review),
        Route("/i/{interview}/package", package, methods=["POST"]),
        Route("/i/{interview}/file/{name}", one_file),
        Route("/i/{interview}/{page}", page),
        Route("/i/{interview}/{page}", save_page, methods=["POST"]),
    ]
    return Guard(Starlette(routes=routes), token=token, port=port)


async def _take_contract(form: Any, name: str, data: dict[str, Any], answers: dict[str, str]) -> str | None:
    """Keep (or remove) the contract uploaded on this page: its text in ``data["contract"]``, its name
    as the answer. Returns the reason when the file is refused (nothing kept then)."""
    from starlette.concurrency import run_in_threadpool

    from respond.web.contract import read_uploaded_contract
    from respond.web.prefill import UploadRefused

    data.pop("contract_refused", None)
    if form.get("remove_contract") == "yes":
        data.pop("contract", None)
        answers.pop(name, None)
    item = form.get(name)
    if not hasattr(item, "read"):
        return None
    content = await item.read()
    if not item.filename and not content:
        return None  # no file chosen this time: keep what was uploaded before
    try:
        shown, text = await run_in_threadpool(read_uploaded_contract, item.filename or "合同", content)
    except UploadRefused as exc:
        data["contract_refused"] = str(exc)
        return str(exc)
    data["contract"] = {"name": shown, "text": text}
    answers[name] = shown
    return None


def contract_of(data: dict[str, Any]) -> str | None:
    """The text of the contract uploaded in this interview, or None."""
    kept = data.get("contract")
    return kept["text"] if kept else None


def _soffice_present() -> bool:
    from respond.convert.libreoffice import soffice

    return soffice() is not None


def _now() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M")


def _forbidden() -> HTMLResponse:
    return HTMLResponse("<!doctype html><meta charset=\"utf-8\"><p>页面已过期，请返回后重新提交。</p>", status_code=403)


def check_answers(answers: dict[str, str], today: dt.date, contract: str | None = None) -> dict[str, Any]:
    """What the review page shows: the deadline, what to fix, the findings; ``ready`` when a package can be made."""
    from respond.case.load import CaseFileError, parse_case
    from respond.cli.engine import InputError, make_engine
    from respond.templates.package import package_names

    conversion = answers_to_case(answers)
    missing = [{"key": k, "page": PAGE_OF[k], "label": QUESTIONS[k].label, "why": NEEDED_FOR.get(k, "继续")}
               for k in conversion.missing]
    problems = [{"key": k, "page": PAGE_OF[k], "label": QUESTIONS[k].label, "message": m}
                for k, m in conversion.problems.items()]
    result: dict[str, Any] = {"missing": missing, "problems": problems, "case_problems": [], "deadline": None,
                              "findings": [], "court": "", "ready": False, "analysis": None, "documents": [],
                              "credit_fixes": [], "credit_files": {}, "credit_denies": False}
    if missing or problems:
        return result
    try:
        loaded = parse_case(conversion.case)
    except CaseFileError as exc:
        for p in exc.problems:
            key = question_for_path(p.path)
            result["case_problems"].append({"key": key or "", "page": PAGE_OF.get(key or "", ""),
                                            "label": QUESTIONS[key].label if key else "填写内容",
                                            "message": p.message})
        return result
    try:
        engine = make_engine(today=today)
        analysis = engine.run(loaded, contract)
    except InputError as exc:
        result["case_problems"].append({"key": "", "page": "", "label": "填写内容", "message": str(exc)})
        return result
    d = analysis.deadline
    result.update(deadline={"answer_due": d.answer_due.isoformat(), "days_left": d.days_left,
                            "calendar_verified": d.calendar_verified},
                  court=analysis.case.court.name, findings=findings_in_plain_words(analysis),
                  ready=True, analysis=analysis, documents=package_names(analysis),
                  **credit_dispute(answers, loaded, analysis, engine, today, contract))
    return result


# a refusal of checks/credit_record.py (its field) → the question that holds the fact
CREDIT_FIELDS = {"report_date": "ask.credit_report_date", "grounds": "ask.credit_ground",
                 "amount_shown": "ask.credit_amount_shown", "settled_on": "ask.credit_settled_on",
                 "ended_on": "ask.credit_ended_on"}


def credit_dispute(answers, loaded, analysis, engine, today: dt.date, contract: str | None) -> dict[str, Any]:
    """The review's 征信异议 part: what to fix (each linked to its question), or the application's
    files (the same as ``respond debts --disputes`` writes for this loan). Never blocks the answer."""
    from respond.debts.dispute import GUIDE, application, application_name, dispute_grounds, platform_of
    from respond.templates.credit_dispute import dispute_guide
    from respond.web.questions import credit_record_from_answers

    from respond.checks.credit_record import denies_the_debt

    record, problems = credit_record_from_answers(answers)
    fixes = [{"key": k, "page": PAGE_OF[k], "label": QUESTIONS[k].label, "message": m} for k, m in problems.items()]
    if record is None:
        return {"credit_fixes": fixes, "credit_files": {}, "credit_denies": False}
    found, refused = dispute_grounds(engine, loaded, record, today, contract)
    fixes += [{"key": CREDIT_FIELDS[r.field], "page": "credit", "label": QUESTIONS[CREDIT_FIELDS[r.field]].label,
               "message": r.message} for r in refused]
    if fixes or not found:
        return {"credit_fixes": fixes, "credit_files": {}, "credit_denies": denies_the_debt(record)}
    case = analysis.case
    platform = platform_of(case)
    name = application_name(1, platform)
    files = {name: application(record, found, loaded.case, person=case.defendant.name, platform=platform,
                               credit_card=False, today=today),
             GUIDE: dispute_guide(case.defendant.name, [(platform, name, found)]).encode("utf-8")}
    return {"credit_fixes": [], "credit_files": files, "credit_denies": denies_the_debt(record)}


def findings_in_plain_words(analysis) -> list[tuple[str, str]]:
    """The 说明.md's "我们发现了什么" section (worded once, in templates/explain.py) as ``(kind, text)``
    blocks: ``h3`` a finding, ``li`` a figure, ``p`` its explanation."""
    from respond.templates.explain import explanation_markdown
    from respond.templates.package import package_names

    text = explanation_markdown(analysis, package_names(analysis))
    blocks, inside = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = line.startswith("## 4.")
            continue
        if not inside or not line.strip():
            continue
        plain = line.replace("**", "").replace("\\", "")
        if plain.startswith("### "):
            blocks.append(("h3", plain[4:]))
        elif plain.startswith("- "):
            blocks.append(("li", plain[2:]))
        else:
            blocks.append(("p", plain))
    return blocks


def draft_files(analysis, *, pdf: bool, extra: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The package ``respond draft`` would write for the analysis the review made (with PDFs when
    LibreOffice is there), the collection guide and log, and ``extra`` (the credit dispute)."""
    from respond.cli.engine import load_template_set, render_package

    notes: list[str] = []
    files = render_package(analysis, load_template_set(None), pdf=pdf, warn=notes.append)
    extra = dict(extra or {})
    if pdf and any(n.endswith(".docx") for n in extra):
        from respond.convert.libreoffice import PdfUnavailable, to_pdf

        try:
            extra.update(to_pdf({n: b for n, b in extra.items() if n.endswith(".docx")}))
        except PdfUnavailable as exc:
            notes.append(str(exc))
    files.update(extra)
    if notes:
        files["未生成PDF的原因.txt"] = "\n".join(notes).encode("utf-8")
    files.update(collection_files(analysis))
    return files


def collection_files(analysis) -> dict[str, bytes]:
    """遭遇催收怎么办.md for this loan (whom to complain to, from the registry) and the empty
    催收记录表.csv: the same as ``respond debts --collection`` writes for it."""
    from respond.checks.report import build_report
    from respond.debts.dispute import platform_of
    from respond.debts.table import row
    from respond.templates.collection import GUIDE_FILE, LOG_FILE, collection_guide, evidence_log

    case = analysis.case
    report = build_report(analysis)
    platform = platform_of(case)
    guide = collection_guide(case.defendant.name, [row(0, platform, True, None, report)], command_line=False)
    return {GUIDE_FILE: guide.encode("utf-8"), LOG_FILE: evidence_log().encode("utf-8")}


def _summary(answers: dict[str, str]) -> list[dict[str, Any]]:
    sections = []
    for p in PAGES:
        rows = []
        for q in p.questions:
            if not asked(q, answers):
                continue
            if q.kind == "rate":
                percent = answers.get(f"{q.key}.percent", "")
                value = f"{dict(RATE_PERIODS).get(answers.get(f'{q.key}.period', 'annual'), '')} {percent}%" if percent else ""
            else:
                value = answers.get(q.key, "")
                value = dict(q.choices).get(value, value) if q.choices else value
            rows.append((q.label, value or "（未填）"))
        sections.append({"key": p.key, "title": p.title, "rows": rows})
    return sections
