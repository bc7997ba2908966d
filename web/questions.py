"""The interview's questions, one topic a page, and how the answers become a case file (v1).

Each question's ``key`` is the case-file path it fills (``court.name``, ``loan.payments``), or an
``ask.*`` key for a plain question that decides other fields (``ask.lender_is_plaintiff``: "is the
company suing you the one that lent to you?"). A question with ``when`` is asked only when that
earlier answer has that value; otherwise it is skipped and its field left out.

Answers are the strings the borrower typed or chose. "不知道" is always allowed: an empty answer or
the choice ``unknown`` leaves the field out, which the engine reads as "unknown, not zero" and says
what it could not check. A value that could be read two ways (``20.000`` 元) is refused with a
message naming the question, never guessed. :func:`answers_to_case` does only the reading; the case
is then validated by :func:`respond.case.load.parse_case` like any case file, and its problems are
mapped back to the questions (:func:`question_for_path`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

UNKNOWN = "unknown"
YES_NO = (("yes", "是"), ("no", "否"), (UNKNOWN, "不知道"))


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: str  # text | long_text | date | datetime | money | integer | choice | rate | payments | deductions | fees
    # | contract_file (an upload: its text is kept beside the answers, the answer is the file's name)
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    required: bool = False  # the case cannot be analysed without it (case-file.md "required")
    when: tuple[str, str] | None = None  # (ask key, value): asked only then


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    intro: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


SERVICE_METHODS = (
    ("direct", "法院工作人员当面交给我，或我到法院领取（直接送达）"),
    ("mail", "邮寄（快递）收到（邮寄送达）"),
    ("electronic", "短信、电子邮件或网上诉讼平台收到（电子送达）"),
    ("public_notice", "法院登报或在网上公告（公告送达）"),
)
PROCEDURES = (("ordinary", "普通程序"), ("simplified", "简易程序"), ("small_claims", "小额诉讼程序"),
              (UNKNOWN, "不知道（传票或应诉通知书上一般会写）"))
METHODS = (
    ("equal_installment", "每月还款金额一样（等额本息）"),
    ("equal_principal", "每月还的本金一样，利息越来越少（等额本金）"),
    ("interest_first", "每月只还利息，最后一期还本金（先息后本）"),
    ("bullet", "到期一次还清本金和利息"),
    (UNKNOWN, "不知道"),
)
RATE_PERIODS = (("annual", "年利率"), ("monthly", "月利率"), ("daily", "日利率"))
# checks/credit_record.py GROUNDS, as the borrower would say them
CREDIT_GROUNDS = (
    ("not_my_loan", "这笔借款不是我借的（可能被人冒用身份）"),
    ("repaid", "已经还清了，还显示没还清或逾期"),
    ("amount_above_lawful", "显示的欠款金额比法律允许的多（含超过上限的利息、费用）"),
    ("no_prior_notice", "报送逾期记录前没有告诉我"),
    ("older_than_five_years", "逾期已经结束 5 年多了，记录还在"),
)

PAGES: tuple[Page, ...] = (
    Page("suit", "这个案子", "请对照法院寄来的传票、应诉通知书或起诉状副本填写。", (
        Question("court.name", "哪个法院在审理这个案子？", "text", "传票或通知书最上面的法院名称，例如“杭州市西湖区人民法院”。",
                 required=True),
        Question("court.case_number", "案号是什么？", "text", "例如“（2026）浙0106民初12345号”。"),
        Question("plaintiff.name", "谁起诉了您（原告）？", "text", "起诉状上“原告”后面的名称，例如某某小额贷款有限公司。",
                 required=True),
        Question("plaintiff.address", "原告的地址", "text", "起诉状上原告的住所地或住址。"),
        Question("plaintiff.representative", "原告的法定代表人（原告是公司时）", "text"),
        Question("plaintiff.credit_code", "原告的统一社会信用代码（原告是公司时）", "text", "起诉状上原告名称后面的 18 位代码。"),
        Question("case_cause", "案由是什么？", "text", "传票上的“案由”，例如“金融借款合同纠纷”“民间借贷纠纷”。"),
        Question("court.procedure", "适用什么程序？", "choice", choices=PROCEDURES),
        Question("court.filed_on", "法院哪天立案（或原告哪天起诉）？", "date", "应诉通知书上一般写有立案日期。"),
        Question("court.hearing_at", "开庭时间", "datetime", "传票上写的开庭日期和时间。"),
    )),
    Page("service", "您是怎么收到材料的", "答辩期从您收到起诉状副本的那天起算，所以这一页最重要。", (
        Question("service.method", "起诉状副本是怎么送到您手上的？", "choice", choices=SERVICE_METHODS, required=True),
        Question("service.date", "您是哪一天收到的？", "date",
                 "当面或邮寄：签收的那天；电子送达：短信或邮件到达的那天；公告：公告发出的那天。", required=True),
        Question("service.answer_days", "法院给的答辩期是几天？", "integer", "应诉通知书写了（例如“十五日内”）才填；没写的按法律规定计算。"),
        Question("service.evidence_due", "举证期限到哪天？", "date", "举证通知书上写的日期；没写可以不填。"),
    )),
    Page("you", "关于您", "这些信息写进答辩状的答辩人一栏。只保存在您自己的电脑上。", (
        Question("defendant.name", "您的姓名", "text", required=True),
        Question("defendant.gender", "性别", "choice", choices=(("男", "男"), ("女", "女"), (UNKNOWN, "不填"))),
        Question("defendant.birth_date", "出生日期", "date"),
        Question("defendant.ethnicity", "民族", "text", "例如“汉族”。"),
        Question("defendant.address", "户籍地址（身份证上的地址）", "text"),
        Question("defendant.residence", "现在实际住的地方（和户籍地址不同才填）", "text",
                 "在现住地住满一年以上的，可能影响由哪个法院审理。"),
        Question("defendant.phone", "联系电话", "text"),
        Question("defendant.id_number", "身份证号", "text", "可以不填；填了只写进答辩状。"),
    )),
    Page("claims", "原告要求您付多少", "看起诉状上的“诉讼请求”。没有写的项目空着即可。", (
        Question("claims.principal", "要求还的本金", "money", "例如“9000”或“9,000.00元”。"),
        Question("claims.interest", "要求付的利息", "money"),
        Question("claims.penalty", "要求付的罚息、复利、违约金（合计）", "money"),
        Question("claims.fees", "要求付的其他费用（服务费、担保费等）", "money"),
        Question("claims.legal_costs", "要求您承担的律师费、保全费等", "money", "不含法院收的诉讼费。"),
        Question("claims.as_of", "这些金额算到哪一天？", "date", "起诉状上“暂计至某年某月某日”的日期。"),
        Question("claims.until_paid", "是否还要求付利息、罚息直到还清为止？", "choice", choices=YES_NO,
                 help="起诉状上常写“至实际清偿之日止”。"),
        Question("claims.accelerate", "是否要求全部借款提前到期或解除合同？", "choice", choices=YES_NO),
    )),
    Page("loan", "这笔借款，按您记得的", "按合同或借款 App 里的记录填写；记不清的选“不知道”或空着。", (
        Question("ask.lender_is_plaintiff", "当初借钱给您的，就是起诉您的原告吗？", "choice", choices=YES_NO),
        Question("loan.lender", "当初借钱给您的是谁？", "text", when=("ask.lender_is_plaintiff", "no")),
        Question("assignment.date", "原告说从哪天起这笔债归它？（债权转让日）", "date",
                 when=("ask.lender_is_plaintiff", "no")),
        Question("assignment.notified", "转让时有没有人通知过您？", "choice", choices=YES_NO,
                 when=("ask.lender_is_plaintiff", "no")),
        Question("loan.product", "借款 App 或产品名称", "text"),
        Question("loan.contract_number", "合同编号", "text"),
        Question("loan.contract_date", "哪天借的（合同签订日）？", "date", required=True),
        Question("loan.principal", "合同上写的借款金额", "money", required=True),
        Question("loan.rate", "合同写的利率", "rate", "例如年利率 18%，或月利率 2%；只填合同上写的数。"),
        Question("loan.term_months", "分几个月还？", "integer", "一次还清的，可以不填。"),
        Question("loan.method", "怎么还款？", "choice", choices=METHODS),
        Question("loan.overdue_rate", "逾期以后的利率（罚息利率），如果合同写了", "rate"),
    )),
    Page("received", "实际到手和被扣的钱", "很多网贷放款时先扣掉一部分（砍头息、服务费、保证金），这部分不算您借到的本金。", (
        Question("ask.full_amount_received", "合同上的借款金额，是不是全部到了您的账户？", "choice", choices=YES_NO),
        Question("loan.upfront_deductions", "放款时被扣掉了哪些钱？", "deductions",
                 "每行一项：名称 金额，例如“服务费 1000”。", when=("ask.full_amount_received", "no")),
        Question("loan.disbursed_on", "钱是哪天到账的？（和借款那天不同才填）", "date"),
        Question("ask.extra_fees", "除了每期本息，是否还另外交过费用（担保费、会员费等）？", "choice", choices=YES_NO),
        Question("loan.fees", "另外交过哪些费用？", "fees",
                 "每行一项：名称 金额 每期（每期都交的）或 名称 金额 日期（交过一次的），例如“担保费 45 每期”“会员费 199 2024-03-20”。",
                 when=("ask.extra_fees", "yes")),
    )),
    Page("payments", "您已经还了多少", "按银行流水或 App 里的还款记录，一笔一行。没还过就空着。", (
        Question("loan.payments", "每一笔还款", "payments", "每行一笔：日期 金额，例如“2024-04-15 978”。每月同一天还同样金额的，可以只写一行，例如“2024-04-15 起每月 978 共 6 期”。"),
    )),
    Page("contract", "合同", "如果能找到借款合同的文件（App 或网站里一般可以下载），上传它；"
         "或者把其中关于管辖法院、利率、费用、违约金的条款复制到下面，每条之间空一行。都没有也可以继续。", (
        Question("loan.contract_text", "上传借款合同文件（可以不传）", "contract_file",
                 "PDF、Word（.docx）或文本（.txt），不超过 20 MB。只读出其中的文字，保存在您自己的电脑上。"),
        Question("loan.clauses", "合同条款（可以不填）", "long_text"),
    )),
    Page("credit", "信用报告上的记录（可以跳过）", "如果您查过个人信用报告，发现这笔借款的记录有错，可以在这里说明，"
         "我们会另外写一份征信异议申请书。没查过或没有错误，直接下一步。", (
        Question("ask.credit_dispute", "信用报告上这笔借款的记录有错误吗？", "choice", choices=YES_NO),
        Question("ask.credit_report_date", "您哪天查的信用报告？", "date", "信用报告上的“报告时间”。",
                 when=("ask.credit_dispute", "yes")),
        Question("ask.credit_ground", "错在哪里？", "choice", "选最主要的一项。", choices=CREDIT_GROUNDS,
                 when=("ask.credit_dispute", "yes")),
        Question("ask.credit_amount_shown", "信用报告上显示的金额（元）", "money", "这笔借款的余额或逾期金额。",
                 when=("ask.credit_ground", "amount_above_lawful")),
        Question("ask.credit_settled_on", "您哪天还清的？", "date", when=("ask.credit_ground", "repaid")),
        Question("ask.credit_ended_on", "逾期哪天结束的（哪天把逾期的钱还上的）？", "date",
                 when=("ask.credit_ground", "older_than_five_years")),
        Question("ask.credit_reported_by", "报送这条记录的机构（和原告不同时填写）", "text",
                 "信用报告上这条记录写的机构名称。", when=("ask.credit_dispute", "yes")),
    )),
)

QUESTIONS: dict[str, Question] = {q.key: q for page in PAGES for q in page.questions}


def asked(question: Question, answers: dict[str, str]) -> bool:
    """Whether ``question`` is asked, given the answers so far."""
    if question.when is None:
        return True
    key, value = question.when
    return answers.get(key, "") == value


# --- reading one answer --------------------------------------------------------------------------

class AnswerError(ValueError):
    """An answer that cannot be read, or could be read two ways; the message is in Chinese."""


_FULLWIDTH = str.maketrans("０１２３４５６７８９．，：－／　", "0123456789.,:-/ ")
_MONEY = re.compile(r"(?:人民币|¥|￥)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|万|元)?")


def read_money(text: str) -> Decimal:
    """``9000``, ``9,000.00元``, ``1.2万`` → Decimal to the cent; ``20.000`` (two readings) is refused."""
    raw = text.translate(_FULLWIDTH).strip()
    m = _MONEY.fullmatch(raw)
    if not m:
        raise AnswerError(f"“{text}”不是金额：请只写数字，例如 9000 或 9000.50")
    whole, decimals, unit = m.group(1), m.group(2) or "", m.group(3)
    if unit in ("万", "万元"):
        if len(decimals) > 6:
            raise AnswerError(f"“{text}”小数位太多")
        return (Decimal(whole.replace(",", "") + "." + (decimals or "0")) * 10000).quantize(Decimal("0.01"))
    if len(decimals) > 2:
        raise AnswerError(f"“{text}”小数点后有 {len(decimals)} 位，可能是写错了分隔符（例如 20.000 可能是二十元，"
                          "也可能是两万元）。请重新填写，元以下最多两位小数")
    return Decimal(whole.replace(",", "") + ("." + decimals if decimals else "")).quantize(Decimal("0.01"))


_DATE = re.compile(r"(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")


def read_date(text: str) -> dt.date:
    m = _DATE.fullmatch(text.translate(_FULLWIDTH).strip())
    if not m:
        raise AnswerError(f"“{text}”不是日期：请写成 2026-11-03 或 2026年11月3日")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise AnswerError(f"“{text}”这一天不存在") from None


_DATETIME = re.compile(r"(.+?)[T\s]+(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?")


def read_datetime(text: str) -> dt.datetime:
    raw = text.translate(_FULLWIDTH).strip()
    m = _DATETIME.fullmatch(raw)
    if not m:
        raise AnswerError(f"“{text}”不是日期和时间：请写成 2026-12-10 09:30")
    day = read_date(m.group(1))
    hour, minute = int(m.group(2)), int(m.group(3) or 0)
    if hour > 23 or minute > 59:
        raise AnswerError(f"“{text}”的时间不对")
    return dt.datetime(day.year, day.month, day.day, hour, minute)


def read_integer(text: str) -> int:
    raw = text.translate(_FULLWIDTH).strip().removesuffix("个月").removesuffix("期")
    if not raw.isdigit():
        raise AnswerError(f"“{text}”不是整数")
    return int(raw)


def read_percent(text: str) -> Decimal:
    """``18``, ``18%``, ``0.05%`` → the rate as a decimal (0.18, 0.0005)."""
    raw = text.translate(_FULLWIDTH).strip().removesuffix("%").removesuffix("％").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise AnswerError(f"“{text}”不是百分比：例如年利率 18% 就写 18") from None
    if value < 0 or value >= 1000:
        raise AnswerError(f"“{text}”不是合理的利率")
    return value / 100


def _lines(text: str) -> list[list[str]]:
    return [line.translate(_FULLWIDTH).split() for line in text.splitlines() if line.strip()]


_MONTHLY = re.compile(r"(?P<date>.+?)\s*起\s*每月(?:还)?\s*(?P<amount>.+?)\s*[,，]?\s*共\s*(?P<n>\d+)\s*(?:期|次|个月)")
MAX_MONTHLY = 360


def _monthly(line: str, n: int) -> list[dict[str, str]] | None:
    """``2024-04-15 起每月 978 共 6 期`` → six rows, on the 15th of each month from April 2024."""
    m = _MONTHLY.fullmatch(line.translate(_FULLWIDTH).strip())
    if not m:
        return None
    first, amount, count = read_date(m.group("date")), str(read_money(m.group("amount"))), int(m.group("n"))
    if first.day > 28:
        raise AnswerError(f"第 {n} 行：每月 {first.day} 日还款的，各月天数不同（例如 2 月没有 {first.day} 日），请逐笔填写")
    if not 1 <= count <= MAX_MONTHLY:
        raise AnswerError(f"第 {n} 行：期数应在 1 到 {MAX_MONTHLY} 之间")
    rows = []
    for k in range(count):
        month = first.month - 1 + k
        day = dt.date(first.year + month // 12, month % 12 + 1, first.day)
        rows.append({"date": day.isoformat(), "amount": amount})
    return rows


def read_payments(text: str) -> list[dict[str, str]]:
    """One payment a line (``日期 金额``), or a run of equal monthly payments on one line
    (``2024-04-15 起每月 978 共 6 期``)."""
    rows = []
    for n, line in enumerate([line for line in text.splitlines() if line.strip()], 1):
        monthly = _monthly(line, n)
        if monthly is not None:
            rows.extend(monthly)
            continue
        parts = line.translate(_FULLWIDTH).split()
        if len(parts) != 2:
            raise AnswerError(f"第 {n} 行应为“日期 金额”两项，例如“2024-04-15 978”")
        rows.append({"date": read_date(parts[0]).isoformat(), "amount": str(read_money(parts[1]))})
    return rows


def read_deductions(text: str) -> list[dict[str, str]]:
    rows = []
    for n, parts in enumerate(_lines(text), 1):
        if len(parts) != 2:
            raise AnswerError(f"第 {n} 行应为“名称 金额”两项，例如“服务费 1000”")
        rows.append({"name": parts[0], "amount": str(read_money(parts[1]))})
    return rows


def read_fees(text: str) -> list[dict[str, Any]]:
    rows = []
    for n, parts in enumerate(_lines(text), 1):
        if len(parts) != 3:
            raise AnswerError(f"第 {n} 行应为“名称 金额 每期”或“名称 金额 日期”三项")
        row: dict[str, Any] = {"name": parts[0], "amount": str(read_money(parts[1]))}
        if parts[2] in ("每期", "每月"):
            row["per_installment"] = True
        else:
            row["date"] = read_date(parts[2]).isoformat()
        rows.append(row)
    return rows


def read_clauses(text: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]


# --- all the answers -----------------------------------------------------------------------------

@dataclass
class Conversion:
    case: dict[str, Any]
    problems: dict[str, str]  # question key → what is wrong with its answer
    missing: list[str]        # required questions not answered (or 不知道)


def _put(case: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = case
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _value(q: Question, text: str, answers: dict[str, str]) -> Any:
    if q.kind in ("text", "long_text"):
        return read_clauses(text) if q.key == "loan.clauses" else text.strip()
    if q.kind == "date":
        return read_date(text).isoformat()
    if q.kind == "datetime":
        return read_datetime(text).strftime("%Y-%m-%dT%H:%M")
    if q.kind == "money":
        return str(read_money(text))
    if q.kind == "integer":
        return read_integer(text)
    if q.kind == "choice":
        if text not in {c for c, _ in q.choices}:
            raise AnswerError("请从选项中选择")
        return {"yes": True, "no": False}.get(text, text) if q.choices == YES_NO else text
    if q.kind == "payments":
        return read_payments(text)
    if q.kind == "deductions":
        return read_deductions(text)
    if q.kind == "fees":
        return read_fees(text)
    raise AssertionError(q.kind)


def answers_to_case(answers: dict[str, str]) -> Conversion:
    """The case file (v1) the answers describe; what cannot be read; what is required and missing."""
    case: dict[str, Any] = {"version": 1}
    problems: dict[str, str] = {}
    missing: list[str] = []
    for page in PAGES:
        for q in page.questions:
            if not asked(q, answers):
                continue
            if q.kind == "rate":
                text = answers.get(f"{q.key}.percent", "").strip()
                period = answers.get(f"{q.key}.period", "annual")
                if not text:
                    continue
                try:
                    if period not in dict(RATE_PERIODS):
                        raise AnswerError("请选择年利率、月利率或日利率")
                    _put(case, q.key, {period: float(read_percent(text))})
                except AnswerError as exc:
                    problems[q.key] = str(exc)
                continue
            text = answers.get(q.key, "")
            if not text.strip() or text == UNKNOWN:
                if q.required:
                    missing.append(q.key)
                continue
            if q.key.startswith("ask.") or q.kind == "contract_file":
                continue  # an uploaded contract's text goes to the engine beside the case, not in it
            try:
                _put(case, q.key, _value(q, text, answers))
            except AnswerError as exc:
                problems[q.key] = str(exc)
    if answers.get("ask.lender_is_plaintiff") == "yes" and "name" in case.get("plaintiff", {}):
        _put(case, "loan.lender", case["plaintiff"]["name"])  # the borrower confirms who lent
    if answers.get("ask.lender_is_plaintiff") == "no":
        assignment = case.setdefault("assignment", {})
        if "lender" in case.get("loan", {}):
            assignment.setdefault("from", case["loan"]["lender"])
    return Conversion(case, problems, missing)


def question_for_path(path: str) -> str | None:
    """The question that fills a case-file path (``loan.payments[2].amount`` → ``loan.payments``)."""
    best = None
    for key in QUESTIONS:
        if path == key or path.startswith(key + ".") or path.startswith(key + "["):
            if best is None or len(key) > len(best):
                best = key
    return best


def credit_record_from_answers(answers: dict[str, str]):
    """The credit record the borrower disputes (checks/credit_record.CreditRecord), or None when
    they did not say one is wrong; and what cannot be read, by question key."""
    from respond.checks.credit_record import CreditRecord

    if answers.get("ask.credit_dispute") != "yes":
        return None, {}
    problems: dict[str, str] = {}

    def read(key: str, reader, required: bool = False):
        text = answers.get(key, "").strip()
        if not text:
            if required:
                problems[key] = "要写征信异议申请书，这一项必填"
            return None
        try:
            return reader(text)
        except AnswerError as exc:
            problems[key] = str(exc)
            return None

    report_date = read("ask.credit_report_date", read_date, required=True)
    ground = answers.get("ask.credit_ground", "")
    if ground not in dict(CREDIT_GROUNDS):
        problems["ask.credit_ground"] = "请选择错在哪里"
    amount = read("ask.credit_amount_shown", read_money, ground == "amount_above_lawful")
    settled = read("ask.credit_settled_on", read_date, ground == "repaid")
    ended = read("ask.credit_ended_on", read_date, ground == "older_than_five_years")
    reported_by = answers.get("ask.credit_reported_by", "").strip() or None
    if reported_by is not None:
        from respond.case.model import HIDDEN_MESSAGE, has_hidden_characters

        if has_hidden_characters(reported_by) or len(reported_by) > 200:
            problems["ask.credit_reported_by"] = HIDDEN_MESSAGE if has_hidden_characters(reported_by) else "过长（200 字以内）"
    if problems:
        return None, problems
    return CreditRecord(report_date=report_date, grounds=(ground,), reported_by=reported_by,
                        amount_shown=amount if ground == "amount_above_lawful" else None,
                        settled_on=settled if ground == "repaid" else None,
                        ended_on=ended if ground == "older_than_five_years" else None), {}
