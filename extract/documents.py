"""Recognise a court document and pull its fields, each with the page and the text it came from.

Four documents arrive when an online lender sues:

- 传票 (summons): a form of label/value cells: 案号, 案由, 被传唤人, 住址, 应到时间, 应到处所;
- 应诉通知书 (notice to respond): the plaintiff, the cause, the procedure, the answer period;
- 举证通知书 (evidence notice): the evidence deadline (a date, or a period from receipt); some
  courts merge the two notices into one 应诉及举证通知书;
- 起诉状副本 (copy of the complaint): the parties, the claims (诉讼请求) and the facts of the loan.

Every pattern runs over the document's *flat* text (:mod:`respond.extract.normalize`): no line
breaks, no spaces around Chinese, half-width digits. A field is recorded only when its pattern
matches; nothing is inferred from what is absent. Values are typed (``date``, ``Decimal``,
``int``) and converted to the case file's form by :mod:`respond.extract.build`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterator

from respond.extract.normalize import (
    AMOUNT,
    DATE,
    HAN,
    NUM,
    RATE_VALUE,
    TIME,
    DocText,
    cn_int,
    line_texts,
    parse_amount,
    parse_date,
    parse_datetime,
    parse_rate,
)

SUMMONS = "传票"
NOTICE = "应诉通知书"
EVIDENCE = "举证通知书"
COMPLAINT = "起诉状副本"
KINDS = (SUMMONS, NOTICE, EVIDENCE, COMPLAINT)

MAX_SNIPPET = 200


@dataclass(frozen=True)
class Found:
    """One extracted value and where it came from (page from 1, the matched text)."""

    value: Any
    page: int
    text: str


@dataclass
class Document:
    name: str
    kinds: tuple[str, ...]                      # empty: not a document we know
    pages: int
    first_page: int = 1                         # where it starts in its file (several in one PDF)
    fields: dict[str, Found] = field(default_factory=dict)           # case-file path → value
    defendants: list[dict[str, Found]] = field(default_factory=list)  # complaint: every 被告
    extra: dict[str, Found] = field(default_factory=dict)            # for notes: hearing place, …
    # read by OCR: for each page of the file (from 1), its recognised lines and their confidence
    ocr: dict[int, tuple[tuple[str, float], ...]] | None = None

    @property
    def kind(self) -> str | None:
        return self.kinds[0] if self.kinds else None

    @property
    def where(self) -> str:
        """The file, and the page it starts on when the file holds several documents."""
        return self.name if self.first_page == 1 else f"{self.name}（第 {self.first_page} 页起）"

    @property
    def type_label(self) -> str:
        return "、".join(self.kinds) if self.kinds else "未识别"


# --- shared patterns ----------------------------------------------------------------------------

COURT = f"{HAN}{{2,30}}?(?:人民法院|法院)"
_CASE_NUMBER = re.compile(f"[（(〔\\[]((?:19|20)\\d{{2}})[）)〕\\]]({HAN}{{1,2}}\\d{{1,6}}{HAN}{{1,6}}\\d{{1,8}})号")
_ORG_SUFFIX = "(?:股份有限公司|有限责任公司|有限公司|分公司|银行|分行|支行|合伙企业|中心|事务所|合作社)"
_ORG = re.compile(f"(?:^|(?<=[，,。；;：:、与向和由]))((?:{HAN}|[（）()]){{2,40}}?{_ORG_SUFFIX})")
_ENDS_LIKE_ORG = re.compile(f"{_ORG_SUFFIX}(?:[（(].{{1,10}}[）)])?$")
_PERSON = re.compile(f"^(?:{HAN}|·){{2,20}}$")

#: 案由 of loan suits (民事案件案由规定), longest first so that the longest one wins.
KNOWN_CAUSES = sorted((
    "金融借款合同纠纷", "小额借款合同纠纷", "借款合同纠纷", "民间借贷纠纷", "企业借贷纠纷", "同业拆借纠纷",
    "信用卡纠纷", "追偿权纠纷", "保证合同纠纷", "债权转让合同纠纷", "融资租赁合同纠纷", "金融不良债权追偿纠纷",
    "金融不良债权转让合同纠纷", "分期付款买卖合同纠纷", "服务合同纠纷", "合同纠纷",
), key=len, reverse=True)
_CAUSE = "(?:" + "|".join(KNOWN_CAUSES) + ")"


# Titles, combined notice first; the first title near the top of page 1 decides.
_TITLE = re.compile("(应诉(?:及|和|与|、)?举证通知书|举证(?:及|和|与|、)?应诉通知书)|(应诉通知书)|(举证通知书)"
                    "|((?:民事)?起诉状|起诉书)|(传票)")
_TITLE_KINDS = {1: (NOTICE, EVIDENCE), 2: (NOTICE,), 3: (EVIDENCE,), 4: (COMPLAINT,), 5: (SUMMONS,)}


def recognise(text: DocText) -> tuple[str, ...]:
    """The document's type(s) from its title near the top, else from phrases only it contains."""
    m = _TITLE.search(text.pages[0][:120] if text.pages else "")
    if m:
        return _TITLE_KINDS[m.lastindex]
    flat = text.flat
    if "诉讼请求" in flat and re.search("事实(?:与|和|及)理由", flat):
        return (COMPLAINT,)
    if "被传唤人" in flat and "应到时间" in flat:
        return (SUMMONS,)
    found = []
    if "答辩状" in flat and "起诉状副本" in flat:
        found.append(NOTICE)
    if "举证期限" in flat and "举证" in flat[:200]:
        found.append(EVIDENCE)
    return tuple(found)


# --- the reader ---------------------------------------------------------------------------------

class _Reader:
    """Runs patterns over one document and records what they find."""

    def __init__(self, text: DocText, first_page: int = 1):
        self.text = text
        self.flat = text.flat
        self.first_page = first_page
        self.fields: dict[str, Found] = {}
        self.extra: dict[str, Found] = {}

    def page_at(self, pos: int) -> int:
        """The page of the file (from 1) that holds ``pos``."""
        return self.text.page_at(pos) + self.first_page - 1

    def found(self, value: Any, start: int, end: int) -> Found:
        snippet = self.flat[start:end]
        if len(snippet) > MAX_SNIPPET:
            snippet = snippet[:MAX_SNIPPET - 1] + "…"
        return Found(value, self.page_at(start), snippet)

    def put(self, path: str, value: Any, start: int, end: int, *, into: dict | None = None) -> None:
        target = self.fields if into is None else into
        if value is not None and value != "" and path not in target:
            target[path] = self.found(value, start, end)

    def search(self, pattern: str | re.Pattern, start: int = 0, end: int | None = None) -> re.Match | None:
        rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        return rx.search(self.flat, start, len(self.flat) if end is None else end)

    def finditer(self, pattern: str | re.Pattern, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
        rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        return rx.finditer(self.flat, start, len(self.flat) if end is None else end)


def _clause_start(r: _Reader, pos: int, floor: int = 0, limit: int = 40) -> int:
    """Where the clause around ``pos`` begins: just after the previous punctuation (for snippets)."""
    lo = max(floor, pos - limit)
    cut = max(r.flat.rfind(p, lo, pos) for p in "，,。；;（(")
    return cut + 1 if cut >= 0 else lo


def _clean(value: str) -> str:
    return value.strip(" ：:，,。；;、")


# --- every document: court and case number ------------------------------------------------------

def _court_and_number(r: _Reader, kinds: tuple[str, ...]) -> None:
    head = r.text.pages[0][:60] if r.text.pages else ""
    m = re.search(COURT, head)
    if m and COMPLAINT not in kinds:
        r.put("court.name", m.group(0), m.start(), m.end())
    m = r.search(f"此致({COURT})")
    if m:
        r.put("court.name", m.group(1), m.start(), m.end())
    m = r.search(_CASE_NUMBER)
    if m:
        r.put("court.case_number", f"（{m.group(1)}）{m.group(2)}号", m.start(), m.end())


# --- 传票 -----------------------------------------------------------------------------------------

# The labels of real summonses (tests/extract/layouts/SOURCES.md §1): the court system's 被传唤人 /
# 被传人姓名, 工作单位或地址 / 工作单位或住址 / 工作单位或者住址 (and the truncated 单位或住址 of an
# extracted form), 住所, 送达地址, 传唤事由 / 被传事由, 应到处所 / 应到住所. Longest first.
_NAME_LABELS = ("被传唤人姓名", "被传人姓名", "被传唤人", "被传人")
_ADDRESS_LABELS = ("被传唤人住址", "工作单位或者住址", "工作单位或者地址", "工作单位或住址", "工作单位或住所",
                   "工作单位或地址", "单位或住址", "单位或地址", "送达地址", "住址", "住所", "地址")
_CAUSE_LABELS = ("传唤事由", "被传事由")
_PLACE_LABELS = ("应到处所", "应到住所", "应到地点")
_INSTRUCTIONS = ("注意事项", "备考", "备注")  # the form's own instructions: no field after them
_SUMMONS_LABELS = sorted(("案号", "案由", *_NAME_LABELS, *_ADDRESS_LABELS, *_CAUSE_LABELS, "应到时间", *_PLACE_LABELS,
                          *_INSTRUCTIONS, "签发人", "送达人", "审判员", "书记员", "法官"), key=len, reverse=True)
_SUMMONS_LABEL = re.compile("(" + "|".join(_SUMMONS_LABELS) + ")[：:]?")
# words of an instruction, never of a name: 被传唤人必须准时到达应到场所
_NOT_A_NAME = re.compile("必须|应当|准时|到达|达到|携带|报到|签名|盖章|场所|处所|住所|地址|事由|时间")


def _summons_cells(r: _Reader) -> dict[str, tuple[str, int, int]]:
    """label → (value, start of the label, end of the value): the first cell with each label, before
    the form's instructions (注意事项, 备考): a label inside them (被传唤人必须准时到达…) is not a field."""
    marks = []
    for m in r.finditer(_SUMMONS_LABEL):
        if m.group(1) in _INSTRUCTIONS:
            marks.append(m)
            break
        marks.append(m)
    cells: dict[str, tuple[str, int, int]] = {}
    for i, m in enumerate(marks):
        if m.group(1) in _INSTRUCTIONS:
            break
        end = marks[i + 1].start() if i + 1 < len(marks) else len(r.flat)
        end = min(end, m.end() + 80)
        value = r.flat[m.end():end]
        # A place runs to the end of its cell; a date after it is the summons' own date, not the place.
        cut = re.search(f"[。；;]|{DATE}" if m.group(1) in _PLACE_LABELS else "[。；;]", value)
        if cut:
            value = value[:cut.start()]
        cells.setdefault(m.group(1), (_clean(value), m.start(), m.end() + len(value)))
    return cells


def _summons(r: _Reader) -> None:
    cells = _summons_cells(r)
    if "案由" in cells:
        value, s, e = cells["案由"]
        r.put("case_cause", value if len(value) <= 30 else None, s, e)
    for label in _NAME_LABELS:
        if label in cells:
            value, s, e = cells[label]
            name = re.split("[，,（(]", value)[0]
            if (_PERSON.match(name) or _ENDS_LIKE_ORG.search(name)) and not _NOT_A_NAME.search(name):
                r.put("defendant.name", name, s, e)
            break
    for label in _ADDRESS_LABELS:
        if label in cells and cells[label][0]:
            value, s, e = cells[label]
            r.put("defendant.address", value, s, e)
            break
    for label in ("应到时间",):
        if label in cells:
            value, s, e = cells[label]
            when = parse_datetime(value)
            if when:
                r.put("court.hearing_at", when, s, e)
            elif parse_date(value):
                r.put("hearing_date", parse_date(value), s, e, into=r.extra)
    for label in _PLACE_LABELS:
        if label in cells and cells[label][0]:
            value, s, e = cells[label]
            r.put("hearing_place", value, s, e, into=r.extra)


# --- the notices (and the procedure, which the summons may also state) ---------------------------

_PROCEDURE = {"小额诉讼": "small_claims", "简易": "simplified", "普通": "ordinary"}
_NOT_THIS_CASE = re.compile("不宜|如认为|如果认为|若认为|转为|转换|异议|不符合|可以|是否|申请")


def _procedure(r: _Reader) -> None:
    """``本案适用简易程序`` or ``（小额诉讼程序）``; not ``如认为本案不宜适用简易程序``."""
    for m in r.finditer("(小额诉讼|简易|普通)程序"):
        base = max(0, m.start() - 12)
        before = r.flat[base:m.start()]
        if _NOT_THIS_CASE.search(before):
            continue
        applies = before.rfind("适用")
        if applies >= len(before) - 8 and applies >= 0:
            r.put("court.procedure", _PROCEDURE[m.group(1)], base + applies, m.end())
            return
        if before.endswith(("（", "(")):
            r.put("court.procedure", _PROCEDURE[m.group(1)], m.start() - 1, m.end() + 1)
            return


# 收到起诉状副本后十五日内; 收到起诉状之日起十五日（涉外案件为三十日）内 (SOURCES.md §2)
_ANSWER_DAYS = (
    re.compile(f"(?:收到|送达)(?:起诉状副本|起诉状|本通知书?|应诉通知书)(?:之日|次日|后)?(?:起)?({NUM})日"
               f"(?:[（(][^）)]{{0,16}}[）)])?内[^。；]{{0,30}}?(?:提交|提出|递交)(?:书面)?答辩状"),
    re.compile(f"答辩期(?:间|限)?(?:为|是)(?:收到[^。；]{{0,20}}?起)?({NUM})日"),
)
_EVIDENCE_DATE = (
    re.compile(f"举证期限[^。；]{{0,40}}?(?:至|到|截至|截止(?:到|至)?|为)({DATE})"),
    re.compile(f"(?:于|在)({DATE})(?:前|之前|以前)[^。；]{{0,20}}?(?:提交|提供|举证)"),
)
_EVIDENCE_PERIOD = re.compile(f"举证期限(?:为|是)((?:自|从)[^。；]{{2,40}}?{NUM}日内?|{NUM}日)")
# 当事人应在收到本通知次日起十五日内向本院提交证据材料 (SOURCES.md §3): the period, without 举证期限为
_EVIDENCE_PERIOD_DUTY = re.compile(f"应(?:当)?(?:在|于|自)((?:收到|接到)本通知书?(?:之日|的次日|之次日|次日)起(?:的)?\\s*{NUM}\\s*日内)"
                                   "[^。；]{0,12}?(?:向本院)?(?:提交|提供)证据")


def _notice(r: _Reader, kinds: tuple[str, ...]) -> None:
    _procedure(r)
    m = r.search(f"(?:于|已于)({DATE})(?:登记)?(?:立案|受理)")
    if m:
        r.put("court.filed_on", parse_date(m.group(1)), m.start(), m.end())
    m = r.search("原告([^，,。；;：:]{2,60}?)(?:诉你|诉被告|与被告|与你)")
    if m:
        r.put("plaintiff.name", _clean(m.group(1)), m.start(), m.end())
    # 本院已受理你（单位）与厦门某某网络小额贷款有限公司借款合同纠纷一案 (SOURCES.md §3c)
    m = r.search(f"你(?:[（(]单位[）)]|方)?与((?:{HAN}|[（）()]){{2,40}}?{_ORG_SUFFIX})({_CAUSE})一案")
    if m:
        r.put("plaintiff.name", m.group(1), m.start(), m.end())
        r.put("case_cause", m.group(2), m.start(), m.end())
    # 厦门某某小额贷款有限公司与林小红金融借款合同纠纷一案 (no 原告: SOURCES.md §2a, §2c)
    m = r.search(f"(?:受理|^|[：:。])\\s*((?:{HAN}|[（）()]){{2,40}}?{_ORG_SUFFIX})与(?:被告)?((?:{HAN}|·){{2,20}}?)({_CAUSE})一案")
    if m:
        r.put("plaintiff.name", re.sub("^本院(?:已经|已)?(?:立案)?受理", "", m.group(1)), m.start(1), m.end())
        r.put("case_cause", m.group(3), m.start(1), m.end())
    m = r.search(f"诉你(?:方)?({_CAUSE}|{HAN}{{2,16}}?纠纷)一案")
    if m:
        r.put("case_cause", m.group(1), m.start(), m.end())
    m = r.search(f"与被告((?:{HAN}|·){{2,20}}?)({_CAUSE})一案")
    if m:
        r.put("case_cause", m.group(2), m.start(), m.end())
    if SUMMONS not in kinds:
        _addressee(r, m)
    m = r.search(f"定于({DATE}{TIME}?)(?:在([^，。；]{{2,40}}?))?(?:公开|不公开)?(?:开庭|进行庭审|在线庭审|进行在线庭审)")
    if m:
        when = parse_datetime(m.group(1))
        if when:
            r.put("court.hearing_at", when, m.start(), m.end())
        if m.group(2):
            r.put("hearing_place", m.group(2), m.start(), m.end(), into=r.extra)
    if NOTICE in kinds:
        for rx in _ANSWER_DAYS:
            m = r.search(rx)
            if m and cn_int(m.group(1)):
                r.put("service.answer_days", cn_int(m.group(1)), m.start(), m.end())
                break
    for rx in _EVIDENCE_DATE:
        m = r.search(rx)
        if m and parse_date(m.group(1)):
            r.put("service.evidence_due", parse_date(m.group(1)), m.start(), m.end())
            break
    else:
        m = r.search(_EVIDENCE_PERIOD)
        if m:
            r.put("evidence_period", m.group(1), m.start(), m.end(), into=r.extra)
        elif m := r.search(_EVIDENCE_PERIOD_DUTY):
            r.put("evidence_period", "自" + re.sub(r"\s+", "", m.group(1)), m.start(), m.end(), into=r.extra)


def _addressee(r: _Reader, defendant_in_text: re.Match | None) -> None:
    """The defendant of a notice: the person it is addressed to (``张三：``), else ``与被告张三…一案``."""
    plaintiff = r.fields.get("plaintiff.name")
    for page, line in r.text.lines[:8]:
        m = re.fullmatch(r"((?:[\u3400-\u9fff·（）()、]){2,80})[：:]", line)
        if not m or re.search("注意事项|事项|此致|附", line):
            continue
        parts = [p for p in m.group(1).split("、") if p and not (plaintiff and p == plaintiff.value)
                 and not _ENDS_LIKE_ORG.search(p)]
        if len(parts) == 1 and _PERSON.match(parts[0]):
            pos = r.flat.find(line)
            r.put("defendant.name", parts[0], max(pos, 0), max(pos, 0) + len(line))
            return
    if defendant_in_text:
        m = defendant_in_text
        r.put("defendant.name", m.group(1), m.start(), m.end())


# --- 起诉状 ---------------------------------------------------------------------------------------

# 原告：; 被告一： / 被告1： / 第一被告：; the element form's 原告（法人、非法人组织）名称：… and 被告（自然人）姓名：…
_PARTY = re.compile(r"(?:第[一二三四五六七八九十\d]{1,2})?(原告|被告|第三人)(?:[一二三四五六七八九十]|\d{1,2})?"
                    r"(?:[（(][^）)]{1,12}[）)])?(?:[：:]|(?=姓名[：:]|名称[：:]))")
# a ticked box of a form: ☑ ■ √ ✓ ☒ (an empty one is □ or the £ of a Wingdings glyph read as text)
TICKED = "☑☒■√✓✔"
_FORM_NAME = re.compile("(?:姓名|名称)[：:]")
_PARTY_STOP = "住所地|住址|地址|统一社会信用代码|法定代表人|负责人|委托|身份证|公民身份|联系电话|电话|性别[：:]|出生日期|民族[：:]|工作单位|证件类型"
_NAME = re.compile(f"^(.+?)(?=[，,。；;]|{_PARTY_STOP}|$)")
_ADDRESS_STOP = ("[，,。；;]|统一社会信用代码|法定代表人|负责人|委托|公民身份|身份证|证件类型|证件号码|联系电话|电话|手机"
                 "|经常居住地|现住|注册地|出生日期|工作单位|职务|类型[：:]|$")
_ADDRESS = re.compile(f"(?:(?<![现常居])(?:户籍地址|户籍所在地|户籍地|住所地|住址|住所|地址)(?:[（(][^）)]{{1,12}}[）)])?[：:]?"
                      f"|(?:^|(?<=[，,。；;]))住)(.+?)(?={_ADDRESS_STOP})")
_RESIDENCE = re.compile(f"(?:经常居住地|现住址|现住所|现住)[：:]?(.+?)(?={_ADDRESS_STOP})")
_CREDIT_CODE = re.compile(r"统一社会信用代码[：:为]?([0-9A-Za-z]{18})(?![0-9A-Za-z])")
_REPRESENTATIVE = re.compile(f"(?:法定代表人|负责人|经营者)(?:[／/]负责人)?[：:]?((?:{HAN}|·){{2,10}}?)"
                             "(?=[，,。；;、（(]|职务|职位|系|该|董事|总经理|经理|行长|执行|主任|委托|住|$)")
_GENDER = re.compile("[，,](男|女)(?=[，,。；;]|$)")
_GENDER_BOXES = re.compile(f"性别[：:]?男([□£{TICKED}])女([□£{TICKED}])")  # 性别：男□ 女☑: only the ticked one
_BIRTH = re.compile(f"({DATE})(?:出生|生)|出生日期[：:]({DATE})")
_ETHNICITY = re.compile(f"[，,]({HAN}{{1,6}}族)(?=[，,。；;]|{DATE}|$)|民族[：:]({HAN}{{1,6}}族)")
_ID_NUMBER = re.compile(r"(?:公民身份号码|身份证号码|身份证号|身份证|证件号码)[：:为是]?([0-9]{17}[0-9Xx])(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?:联系电话|电话|手机号码|手机号|手机|联系方式)[：:]?((?:\+?86)?1[3-9]\d(?:[-\s]?\d){8})(?!\d)")


def _sections(r: _Reader) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """(parties, claims, facts) as spans of the flat text; empty spans when a heading is missing."""
    n = len(r.flat)
    claims = r.search("诉讼请求[：:]?")
    facts = r.search("事实(?:与|和|及)理由[：:]?")
    end = r.search("此致")
    c0 = claims.start() if claims else n
    c1 = claims.end() if claims else n
    f0 = facts.start() if facts else n
    f1 = facts.end() if facts else n
    e = end.start() if end and end.start() > f1 else n
    return (0, c0), (c1, f0 if f0 >= c1 else n), (f1, e)


def _party(r: _Reader, start: int, end: int, prefix: str, into: dict) -> None:
    if m := _FORM_NAME.match(r.flat, start):  # the element form: 姓名：… / 名称：…
        start = m.end()
    seg = r.flat[start:end]

    def put(path: str, value: Any, m: re.Match) -> None:
        r.put(f"{prefix}.{path}", value, start + m.start(), start + m.end(), into=into)

    m = _NAME.search(seg)
    if m and _clean(m.group(1)):
        put("name", _clean(m.group(1)), m)
    m = _RESIDENCE.search(seg)
    if m and prefix == "defendant":
        put("residence", _clean(m.group(1)), m)
    m = _ADDRESS.search(seg)
    if m and _clean(m.group(1)):
        put("address", _clean(m.group(1)), m)
    if prefix == "plaintiff":
        m = _CREDIT_CODE.search(seg)
        if m:
            put("credit_code", m.group(1).upper(), m)
        m = _REPRESENTATIVE.search(seg)
        if m:
            put("representative", m.group(1), m)
        return
    def put_from_name(path: str, value: Any, m: re.Match) -> None:  # snippet "张三，男", not "，男"
        r.put(f"{prefix}.{path}", value, start, start + m.end(), into=into)

    m = _GENDER_BOXES.search(seg)
    if m:  # one box ticked decides; none or both ticked say nothing
        ticks = [m.group(1) in TICKED, m.group(2) in TICKED]
        if ticks.count(True) == 1:
            put("gender", "男" if ticks[0] else "女", m)
    else:
        m = _GENDER.search(seg)
        if m:
            put_from_name("gender", m.group(1), m)
    m = _BIRTH.search(seg)
    if m and parse_date(m.group(1) or m.group(2)):
        put("birth_date", parse_date(m.group(1) or m.group(2)), m)
    m = _ETHNICITY.search(seg)
    if m:
        put_from_name("ethnicity", m.group(1) or m.group(2), m)
    m = _ID_NUMBER.search(seg)
    if m:
        put("id_number", m.group(1).upper(), m)
    m = _PHONE.search(seg)
    if m:
        put("phone", re.sub(r"\D", "", m.group(1))[-11:], m)


def _parties(r: _Reader, span: tuple[int, int]) -> list[dict[str, Found]]:
    marks = [m for m in r.finditer(_PARTY, *span)]
    defendants = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else span[1]
        if m.group(1) == "原告" and "plaintiff.name" not in r.fields:
            _party(r, m.end(), end, "plaintiff", r.fields)
        elif m.group(1) == "被告":
            found: dict[str, Found] = {}
            _party(r, m.end(), end, "defendant", found)
            if "defendant.name" in found:
                defendants.append(found)
    return defendants


# Claim categories by keyword; the keyword nearest before an amount decides (longest keyword first).
_CLAIM_WORDS = {
    "total": "合计 共计 总计 总额 以上",
    "court_fees": "案件受理费 受理费 诉讼费",
    "legal_costs": "律师费 律师代理费 代理费 保全费 保全担保费 保全保险费 诉讼保全 公告费 鉴定费 评估费 差旅费 实现债权的费用",
    "penalty": "逾期利息 罚息 复利 违约金 滞纳金 逾期费 罚金",
    "fees": "服务费 担保费 手续费 管理费 咨询费 会员费 保险费 分期费 平台费",
    "interest": "利息 期内利息 正常利息 资金占用费 占用费",
    "principal": "本金 借款 贷款 代偿款 代偿本金 代偿金额",
}
_WORD_CATEGORY = {w: cat for cat, words in _CLAIM_WORDS.items() for w in words.split()}
_CLAIM_WORD = re.compile("|".join(sorted(_WORD_CATEGORY, key=len, reverse=True)))
_AMOUNT_RX = re.compile(AMOUNT)
_NOT_A_SUM = re.compile("为基数|作为基数|的基数|为本金|/月|每月|/期|每期|/日|每日")


def _claims(r: _Reader, span: tuple[int, int]) -> None:
    start, end = span
    if start >= end:
        return
    sums: dict[str, list[tuple[Decimal, int, int]]] = {}
    unclassified = []
    unreadable = []
    previous = start
    last: tuple[int, Decimal | None] | None = None  # where the previous amount ended, and its value
    for m in r.finditer(_AMOUNT_RX, start, end):
        if _NOT_A_SUM.match(r.flat, m.end()) or _NOT_A_SUM.match(r.flat, m.end(), m.end() + 4):
            continue
        amount = parse_amount(m.group(0))
        if last is not None and r.flat[last[0]:m.start()] in ("（", "("):  # 壹万元整（10000元）: said twice
            if amount is not None and last[1] is not None and amount != last[1]:
                unreadable.append(r.found(f"大写与小写不一致：{last[1]} 与 {amount}", max(start, m.start() - 30), m.end() + 1))
                for items in sums.values():  # neither figure is used
                    items[:] = [x for x in items if x[2] != last[0]]
            last = None
            previous = m.end()
            continue
        last = (m.end(), amount)
        if amount is None:
            unreadable.append(r.found(m.group(0), max(start, m.start() - 20), m.end()))
        item_start = max(r.flat.rfind(p, start, m.start()) for p in "；;。") + 1  # a claim item never labels the next
        words = list(_CLAIM_WORD.finditer(r.flat, max(previous, item_start), m.start()))
        previous = m.end()
        if amount is None:
            continue
        if not words:
            unclassified.append(r.found(str(amount), max(item_start, m.start() - 40), m.end()))
            continue
        word = words[-1]
        sums.setdefault(_WORD_CATEGORY[word.group(0)], []).append((amount, word.start(), m.end()))
    _drop_broken_down_totals(r, sums)
    if sums.get("total"):  # 以上合计 / 标的总额: kept to check the items against, never used as a claim
        amount, s, e = sums["total"][-1]
        r.extra["claims_stated_total"] = Found(amount, r.page_at(s), r.flat[s:e][:MAX_SNIPPET])
    for category in ("principal", "interest", "penalty", "fees", "legal_costs"):
        items = sums.get(category)
        if items:
            total = sum((a for a, _, _ in items), Decimal("0.00"))
            texts = "；".join(r.flat[s:e] for _, s, e in items)
            r.fields[f"claims.{category}"] = Found(total, r.page_at(items[0][1]), texts[:MAX_SNIPPET])
    if unclassified:
        r.extra["claims_unclassified"] = Found([u.text for u in unclassified], unclassified[0].page,
                                               "；".join(u.text for u in unclassified)[:MAX_SNIPPET])
    if unreadable:  # an amount read two ways (20.000) or written two ways that disagree: for review, never used
        r.extra["claims_unreadable"] = Found([u.value for u in unreadable], unreadable[0].page,
                                             "；".join(u.text for u in unreadable)[:MAX_SNIPPET])
    m = r.search(f"(?:暂计至|暂计算至|暂算至|暂计到|计算至|计至|截至|截止至|截止到|截止)({DATE})", start, end)
    if m:
        r.put("claims.as_of", parse_date(m.group(1)), m.start(), m.end())
    # the element form asks, and only the ticked answer counts (是否请求支付至实际清偿之日止：是☑ 否□)
    asked = r.search(f"是否请求支付至实际清偿之日止[：:]?是([□£{TICKED}])否([□£{TICKED}])", start, end)
    if asked:
        if asked.group(1) in TICKED and asked.group(2) not in TICKED:
            r.put("claims.until_paid", True, asked.start(), asked.end())
    else:
        # 至实际清偿之日止, 计算至债务全部清偿之日止, 至三被告实际还清全部欠款之日 (SOURCES.md §6)
        m = r.search("至(?:实际)?(?:清偿|还清|付清|履行|给付|支付)(?:完毕)?之日|至(?:借款|欠款)?(?:全部)?(?:清偿|还清)(?:之日)?为?止"
                     "|至[^，,。；;]{0,12}?(?:清偿|还清|付清|偿清)[^，,。；;]{0,6}?之日", start, end)
        if m:
            r.put("claims.until_paid", True, _clause_start(r, m.start(), start), m.end())
    asked = r.search(f"是否要求提前还款或解除合同[：:]?是([□£{TICKED}])(.{{0,40}}?)否([□£{TICKED}])", start, end)
    if asked:
        chosen = asked.group(1) in TICKED and re.search(f"(?:加速到期[）)]|解除合同)[{TICKED}]", asked.group(2))
        if chosen:
            r.put("claims.accelerate", True, asked.start(), asked.end())
    else:
        m = r.search("提前到期|加速到期|全部到期|宣布[^。；]{0,10}到期|解除[^。；]{0,20}合同", start, end)
        if m:
            r.put("claims.accelerate", True, m.start(), m.end())


def _drop_broken_down_totals(r: _Reader, sums: dict[str, list[tuple[Decimal, int, int]]]) -> None:
    """``欠利息 1800 元、期内利息 1200 元、复利 100 元、罚息（违约金） 500 元``: the first figure is the sum of
    the others that follow it in the same sentence; counting it too would count the interest twice."""
    items = sorted((s, e, amount, cat) for cat, xs in sums.items() for amount, s, e in xs)
    for i, (s, e, amount, cat) in enumerate(items):
        if cat != "interest" or r.flat[s:s + 2] != "利息":
            continue
        stop = min((r.flat.find(p, e) for p in "；;。" if r.flat.find(p, e) >= 0), default=len(r.flat))
        parts = [x for x in items[i + 1:] if x[0] < stop and x[3] in ("interest", "penalty")]
        if parts and sum(x[2] for x in parts) == amount:
            sums[cat] = [x for x in sums[cat] if x[1] != s]


def _sentences(r: _Reader, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in r.finditer("[。；;]", start, end):
        yield pos, m.end()
        pos = m.end()
    if pos < end:
        yield pos, end


_METHODS = (("等额本息", "equal_installment"), ("等额本金", "equal_principal"),
            ("先息后本", "interest_first"), ("按月付息[，,]?到期还本", "interest_first"),
            ("到期一次性还本付息", "bullet"), ("一次性还本付息", "bullet"), ("到期一次性还本", "bullet"))
_LOAN_AMOUNT = re.compile(f"(借款金额|借款本金|贷款金额|贷款本金|借款数额|借款额|借款|贷款)(?:为|共计|合计|共)?({AMOUNT})")
_OWED = re.compile("尚欠|剩余|欠付|拖欠|偿还|归还|未还|欠")
_RATE = re.compile(f"(年化|年|月|日)(?:化)?(?:利率|息|费率)(?:为|是|按)?(?:固定)?(?:年化)?({RATE_VALUE})")
_OVERDUE_RATE = re.compile(f"(?:逾期|罚息)[^，。；]{{0,4}}?(年|月|日)(?:化)?(?:罚息)?利率(?:为|按)?({RATE_VALUE})")
_PERIOD = {"年化": "annual", "年": "annual", "月": "monthly", "日": "daily"}
RATE_NUMBER = r"\d{1,2}(?:\.\d{1,4})?"


def _loan(r: _Reader, span: tuple[int, int]) -> None:
    start, end = span
    if start >= end:
        return
    facts = r.flat[start:end]
    for s, e in _sentences(r, start, end):
        sentence = r.flat[s:e]
        if "转让" in sentence:
            continue
        for path, words in (("loan.contract_date", "签订|签署|订立|签约|申请(?:借款|贷款)|达成"),
                            ("loan.disbursed_on", "放款|发放|出借|转账|打款|支付(?:借款|贷款)|到账")):
            hit = re.search(words, sentence)
            date = re.search(DATE, sentence)
            if hit and date and path not in r.fields:
                r.put(path, parse_date(date.group(0)), s + min(date.start(), hit.start()),
                      s + max(date.end(), hit.end()))
    m = r.search(f"借款金额约定[：:]({AMOUNT})", start, end)  # the element form: 借款金额 约定：… 实际发放：…
    if m:
        r.put("loan.principal", parse_amount(m.group(1)), m.start(), m.end())
    for m in r.finditer(_LOAN_AMOUNT, start, end):
        if _OWED.search(r.flat[max(start, m.start() - 4):m.start()]):
            continue
        r.put("loan.principal", parse_amount(m.group(2)), m.start(), m.end())
        break
    m = r.search(f"利率[{TICKED}]\\s*({RATE_NUMBER})\\s*%\\s*/\\s*(年|月|日)", start, end)  # 利率☑ 18 %/年
    if m and parse_rate(m.group(1) + "%") is not None:
        r.put("loan.rate", {_PERIOD[m.group(2)]: parse_rate(m.group(1) + "%")}, m.start(), m.end())
    for m in r.finditer(_RATE, start, end):
        if re.search("综合|逾期|罚息|违约", r.flat[max(start, m.start() - 4):m.start()]):
            continue
        rate = parse_rate(m.group(2))
        if rate is not None:
            r.put("loan.rate", {_PERIOD[m.group(1)]: rate}, m.start(), m.end())
            break
    m = r.search(_OVERDUE_RATE, start, end)
    if m and parse_rate(m.group(2)) is not None:
        r.put("loan.overdue_rate", {_PERIOD[m.group(1)]: parse_rate(m.group(2))}, m.start(), m.end())
    m = r.search(f"(?:借款|贷款)?期限(?:为|共)?({NUM})(个月|月|期|天|日)", start, end) or \
        r.search(f"分({NUM})(期)", start, end)
    if m and cn_int(m.group(1)):
        n, unit = cn_int(m.group(1)), m.group(2)
        if unit in ("个月", "月") or (unit == "期" and re.search("按月|每月|月还|月供", facts)):
            r.put("loan.term_months", n, m.start(), m.end())
        elif unit in ("天", "日"):
            r.put("loan.term_days", n, m.start(), m.end())
        else:
            r.put("loan_term", m.group(0), m.start(), m.end(), into=r.extra)
    for pattern, method in _METHODS:
        m = r.search(pattern, start, end)
        if m and r.flat[m.end():m.end() + 1] != "□" and r.flat[m.end():m.end() + 1] != "£":  # an unticked option
            r.put("loan.method", method, m.start(), m.end())
            break
    m = r.search(r"(?:合同编号|协议编号|借据编号|编号)[：:为]?([A-Za-z0-9][A-Za-z0-9\-_]{3,40})", start, end)
    if m:
        r.put("loan.contract_number", m.group(1), m.start(), m.end())
    m = r.search("[“\"「]([^”\"」]{1,20})[”\"」](?:APP|App|app|平台|小程序|应用|软件|客户端)", start, end)
    if m:
        r.put("loan.product", m.group(1), m.start(), m.end())
    _assignment(r, span)


def _assignment(r: _Reader, span: tuple[int, int]) -> None:
    """``X将…债权转让给原告``: the original lender and the date of the assignment."""
    plaintiff = r.fields.get("plaintiff.name")
    for s, e in _sentences(r, *span):
        sentence = r.flat[s:e]
        if "债权" not in sentence or not re.search("转让(?:给|予|至)原告|受让", sentence):
            continue
        transfer = re.search("转让(?:给|予|至)原告|受让", sentence)
        for m in _ORG.finditer(sentence):
            name = m.group(1)
            if plaintiff and name == plaintiff.value:
                continue
            end = s + max(m.end(1), transfer.end())
            r.put("assignment.from", name, s + m.start(1), end)
            r.put("loan.lender", name, s + m.start(1), end)
            break
        d = re.search(DATE, sentence)
        if d and "assignment.from" in r.fields:
            r.put("assignment.date", parse_date(d.group(0)), s + d.start(), s + max(d.end(), transfer.end()))
        if "assignment.from" in r.fields:
            return


def _complaint(r: _Reader) -> list[dict[str, Found]]:
    parties, claims, facts = _sections(r)
    defendants = _parties(r, parties)
    m = r.search(f"案由[：:]({_CAUSE}|{HAN}{{2,16}}?纠纷)", *parties)
    if m:
        r.put("case_cause", m.group(1), m.start(), m.end())
    _claims(r, claims)
    _loan(r, facts)
    return defendants


# A page whose first line is a title (after the court's name, a "副本" stamp at most) starts a document.
_TITLE_LINE = re.compile(f"(?:{COURT})?(?:副本)?(?:{_TITLE.pattern})")


def _opens_document(page: str) -> bool:
    lines = line_texts(page)[:2]
    if len(lines) == 2 and re.fullmatch(COURT, lines[0]):
        lines = lines[1:]
    return bool(lines) and _TITLE_LINE.fullmatch(lines[0]) is not None


def split_documents(pages: list[str] | tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """One PDF may hold several documents (electronic service often bundles them): split it where a
    page opens with a title line. Returns (first page from 1, the pages) for each part."""
    starts = [0] + [i for i in range(1, len(pages)) if _opens_document(pages[i])]
    ends = starts[1:] + [len(pages)]
    return [(s + 1, list(pages[s:e])) for s, e in zip(starts, ends)]


def read_document(name: str, pages: list[str] | tuple[str, ...], first_page: int = 1) -> Document:
    """Recognise one document from its pages' raw text and extract its fields."""
    text = DocText.from_pages(list(pages))
    kinds = recognise(text)
    doc = Document(name=name, kinds=kinds, pages=len(pages), first_page=first_page)
    if not kinds:
        return doc
    r = _Reader(text, first_page)
    _court_and_number(r, kinds)
    if SUMMONS in kinds:
        _summons(r)
    if COMPLAINT in kinds:
        doc.defendants = _complaint(r)
    else:
        _notice(r, kinds)
    doc.fields, doc.extra = r.fields, r.extra
    return doc


def documents_in(name: str, pages: list[str] | tuple[str, ...]) -> list[Document]:
    """Every document in one file's pages."""
    return [read_document(name, part, first) for first, part in split_documents(pages)]
