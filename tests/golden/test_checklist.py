"""docs/answer-checklist.md, point by point, over every golden case (the stored outputs, which
test_golden.py keeps equal to what respond drafts)."""

from __future__ import annotations

import json
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden_cases import ROOT, entries, stored  # noqa: E402

ENTRIES = entries()
IDS = [e["name"] for e in ENTRIES]
TICKS = {"object": "无☐ 有☑", "agree": "无☑ 有☐", "verify": "无☐ 有☐", "none": "无☐ 有☐"}
MONEY = re.compile(r"(\d[\d,]*\.\d{2}) 元")


class Case:
    def __init__(self, entry):
        self.name = entry["name"]
        self.files = stored(entry["name"])
        self.report = json.loads(self.files["report.json"])
        data = json.loads((ROOT / entry["case"]).read_text(encoding="utf-8"))
        self.case = data["case"] if "expect" in data else data
        self.answer = self.files["答辩状.txt"]
        self.annex = self.files.get("利息重算表.txt")
        self.objection = self.files.get("管辖权异议申请书.txt")
        self.explain = self.files["说明.md"]

    def labelled(self) -> list[tuple[str, str, str, str]]:
        """(position key, label, ticks, text) for every ticked item of the answer, in form order."""
        out, section = [], None
        for line in self.answer.splitlines():
            if line.startswith("答辩事项"):
                section, n = "d", 0
            elif line.startswith("事实和理由"):
                section, n = "f", 0
            elif section and (m := re.match(r"\d+\.(.+?) \| ((?:无|确认)[☐☑] (?:有|异议)[☐☑])　(?:事实和理由|事实与理由|异议内容)：(.*)$",
                                            line)):
                # the 信用卡 form's 确认/异议 boxes read as 无/有 (templates/forms.py)
                ticks = m.group(2).replace("确认", "无").replace("异议", "有")
                out.append((section, n, m.group(1), ticks, m.group(3)))
                n += 1
        keys = {s: [k for k in self.report["positions"] if k.startswith(s + ".")] for s in ("d", "f")}
        return [(keys[s][n], label, ticks, text) for s, n, label, ticks, text in out]

    def items(self) -> list[tuple[str, str, str]]:
        return [(k, ticks, text) for k, _, ticks, text in self.labelled()]

    def item(self, key: str) -> str:
        return next(text for k, _, text in self.items() if k == key)


CASES = {e["name"]: Case(e) for e in ENTRIES}


@pytest.fixture(params=IDS)
def c(request) -> Case:
    return CASES[request.param]


def money(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


# 1. No unchecked admission ------------------------------------------------------------------------

def test_ticks_are_the_engines_positions(c):
    items = c.items()
    assert len(items) == len(c.report["positions"])
    for key, ticks, _ in items:
        assert ticks == TICKS[c.report["positions"][key]["stance"]], (c.name, key)


def test_no_admission_without_the_facts_that_check_it(c):
    loan, stance = c.case["loan"], {k: v["stance"] for k, v in c.report["positions"].items()}
    if not loan.get("payments"):
        assert all(stance[k] != "agree" for k in ("d.principal", "d.total", "f.repayment") if k in stance), c.name
    if not loan.get("disbursed_on"):
        assert all(stance[k] != "agree" for k in ("f.amount", "f.disbursement") if k in stance), c.name
    if loan.get("lender", "").strip() != c.case["plaintiff"]["name"].strip():
        assert stance.get("f.parties") != "agree", c.name


def test_every_open_item_is_explained(c):
    for key, label, ticks, _ in c.labelled():
        if c.report["positions"][key]["stance"] == "verify":
            assert f"“{label}”" in c.explain, (c.name, label)


# 2. No contradiction between items ----------------------------------------------------------------

def test_no_admission_of_a_line_the_annex_cuts(c):
    lines = (c.report["amounts"] or {}).get("lines") or {}
    cut = any((lines.get(k) or {}).get("difference") for k in ("interest", "penalty", "fees"))
    if cut:
        assert c.report["positions"]["d.interest"]["stance"] != "agree", c.name


def test_the_answer_the_annex_and_the_report_give_the_same_figures(c):
    lines = (c.report["amounts"] or {}).get("lines")
    if not lines:
        return
    principal = re.search(r"本金至多为 ([\d,]+\.\d\d) 元，原告多主张", c.item("d.principal"))
    if principal:
        assert money(principal.group(1)) == Decimal(str(lines["principal"]["conceded"])), c.name
    total = c.item("d.total")
    binding = re.search(r"(?:即使按前述法定上限计算，也至多为|依法至多应还|标的总额至多为|原出借人至多可主张) ([\d,]+\.\d\d) 元（[^）]+）"
                        r"(?:。)?(?:，)?超出部分", total)
    if binding:
        assert money(binding.group(1)) == Decimal(str(lines["total"]["conceded"])), c.name
    alt = re.search(r"按该标准计算，截至 [^，]+，答辩人依法至多应还 ([\d,]+\.\d\d) 元", total)
    if alt:
        assert binding and money(alt.group(1)) < money(binding.group(1)), c.name
        assert money(alt.group(1)) == Decimal(str(c.report["alternative"]["lawful_total"]))
    if c.annex:
        row = re.search(r"^合计 \| [\d,.]* \| ([\d,]+\.\d\d) \|", c.annex, re.M)
        assert row and money(row.group(1)) == Decimal(str(lines["total"]["conceded"])), c.name


# 3. No unsupported fact or argument ---------------------------------------------------------------

def test_objection_mentioned_only_when_filed(c):
    filed = "管辖权异议申请书.docx" in c.report["documents"]
    assert ("管辖权提出异议" in c.answer) == filed, c.name
    assert "已另行提交" not in c.answer


def test_notice_is_a_burden_not_a_fact(c):
    for text in (c.answer, c.objection or ""):
        assert not re.search(r"原告未(?:采取合理方式|尽到|履行)(?:提示|提请|说明)?", text), c.name
        assert not re.search(r"被申请人未(?:采取合理方式|尽到|履行)", text), c.name


def test_no_36_percent_against_a_private_individual_without_facts(c):
    if c.report["lender"]["lender_category"] == "individual" and not c.case["loan"].get("professional_lending"):
        assert "36%" not in c.answer and "非法放贷" not in c.answer, c.name


def test_assumed_facts_are_not_stated(c):
    if not c.case["loan"].get("disbursed_on"):
        assert not re.search(r"借款于 [^，]+ 发放", c.answer), c.name
        assert "实际到账" not in c.item("f.disbursement") if "f.disbursement" in c.report["positions"] else True
    attached = "利息重算表.docx" in c.report["documents"]
    assert ("利息重算表" in c.answer) == attached, c.name


# 4. Every figure traceable ------------------------------------------------------------------------

def test_paid_total_is_one_figure(c):
    paid = c.report["payments"]
    repayment = re.search(r"答辩人已还款 (\d+) 笔，合计 ([\d,]+\.\d\d) 元", c.answer)
    if paid["count"]:
        assert repayment, c.name
        assert int(repayment.group(1)) == paid["count"] and money(repayment.group(2)) == Decimal(str(paid["total"]))
    else:
        assert repayment is None
    if c.annex:
        credited = re.search(r"还款 \d+ 笔，合计 ([\d,]+\.\d\d) 元（“还款额”一栏之和）", c.annex)
        assert credited and money(credited.group(1)) == Decimal(str(paid["to_stop"])), c.name
        ledger = c.annex.split("三、逐笔计算明细")[1].split("四、")[0]  # the cap ledger, not the alternative's
        column = sum(money(r.split(" | ")[5]) for r in ledger.splitlines()
                     if re.match(r"\d{4}-\d\d-\d\d \| 还款 \|", r))
        assert column == Decimal(str(paid["to_stop"]))


def _numbers(node, out: set[Decimal]) -> set[Decimal]:
    if isinstance(node, dict):
        for v in node.values():
            _numbers(v, out)
    elif isinstance(node, list):
        for v in node:
            _numbers(v, out)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        out.add(Decimal(str(node)).quantize(Decimal("0.01")))
    elif isinstance(node, str) and re.fullmatch(r"\d+(\.\d+)?", node):
        out.add(Decimal(node).quantize(Decimal("0.01")))
    return out


def test_every_amount_is_traceable(c):
    """In the case file, report.json or the annex; or the claimed charges (利息、罚息、费用) added up,
    conceded, and the difference — the one aggregate the answer states."""
    known = _numbers(c.report, set()) | _numbers(c.case, set())
    lines = (c.report["amounts"] or {}).get("lines") or {}
    charges = [lines[k] for k in ("interest", "penalty", "fees") if k in lines and lines[k]["claimed"] is not None]
    claimed = sum((Decimal(str(x["claimed"])) for x in charges), Decimal(0))
    conceded = sum((Decimal(str(x["conceded"] or 0)) for x in charges), Decimal(0))
    claims = c.case["claims"]
    claimed_raw = sum((Decimal(str(claims[k])) for k in ("interest", "penalty", "fees") if claims.get(k) is not None), Decimal(0))
    known |= {claimed.quantize(Decimal("0.01")), conceded.quantize(Decimal("0.01")),
              (claimed - conceded).quantize(Decimal("0.01")), claimed_raw.quantize(Decimal("0.01"))}
    annex = {money(m) for m in MONEY.findall(c.annex or "")} | {money(m) for m in re.findall(r"[\d,]+\.\d\d", c.annex or "")}
    for m in MONEY.findall(c.answer):
        assert money(m) in known or money(m) in annex, (c.name, m)


# 5. Law exactly, once -----------------------------------------------------------------------------

STATUTES = json.loads((ROOT / "data" / "statutes.json").read_text(encoding="utf-8"))["entries"]
SHORT = tomllib.loads((ROOT / "templates" / "phrases.toml").read_text(encoding="utf-8"))["short_titles"]
LAWS = {e["law"]: {e2["article"] for e2 in STATUTES if e2["law"] == e["law"]} for e in STATUTES}


def citations(text: str) -> list[tuple[str, str]]:
    """(law title in full, article) for every 《…》第N条 (articles of one law listed with 、)."""
    text = re.sub(r"（以下简称《[^》]+》）", "", text)
    for full, short in SHORT.items():
        text = re.sub(re.escape(short) + r"(?=第|、|，|；|）|$)", full, text)
    out = []
    for m in re.finditer(r"(《[^》]*(?:〈[^〉]*〉[^》]*)*》(?:（[^）]*〔\d{4}〕[^）]*）)?)((?:第\d+条(?:第\d+款)?、?)+)", text):
        law = m.group(1)
        for art in re.findall(r"第(\d+)条", m.group(2)):
            out.append((law, art))
    return out


def test_every_citation_is_in_the_statutes(c):
    for text in (c.answer, c.objection or ""):
        for law, art in citations(text):
            assert law in LAWS and art in LAWS[law], (c.name, law, art)


def test_each_quote_and_title_once(c):
    body = "\n".join(line for line in c.answer.splitlines() if "答辩依据 |" not in line)
    quotes = re.findall(r"约定：(“[^”]{12,}”)", body)
    assert len(quotes) == len(set(quotes)), c.name
    for full in SHORT:
        n = len(re.findall(re.escape(full) + r"(?!（法释〔2015〕)", body))
        assert n <= 1, (c.name, full, n)


# 6. A filed form, not a draft ---------------------------------------------------------------------

def test_no_leftovers(c):
    for name, text in c.files.items():
        if name == "report.json":
            continue
        assert "{{" not in text and "{%" not in text, (c.name, name)
        assert not re.search(r"\bNone\b|\bnan\b|Decimal\(", text), (c.name, name)
        if name != "说明.md":  # 说明.md may name a case-file field for the borrower to fill in
            assert not re.search(r"\b(?:loan|claims|defendant|plaintiff|court|service)\.[a-z_]+", text), (c.name, name)


def test_the_checks_can_fail():
    """The parsers see what they check: an invented article is caught, short names are resolved,
    every golden answer has citations and the items of both sections."""
    bad = citations("依据《中华人民共和国民法典》第9999条、《民诉法解释》第18条")
    assert bad == [("《中华人民共和国民法典》", "9999"),
                   ("《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》", "18")]
    assert "9999" not in LAWS["《中华人民共和国民法典》"]
    for c in CASES.values():
        assert citations(c.answer), c.name
        assert {k[0] for k, _, _ in c.items()} == {"d", "f"}, c.name
    assert re.findall(r"约定：(“[^”]{12,}”)", CASES["microloan-fees"].answer)


def test_nothing_cited_from_memory(c):
    """A filed document cites only text someone has read: no 记忆 entry of data/statutes.json."""
    memory = {e["cite"] for e in STATUTES if e["confidence"] == "记忆"}
    for text in (c.answer, c.objection or ""):
        assert not [m for m in memory if m in text], c.name


def test_every_clause_listed_in_the_basis_is_argued(c):
    """答辩依据 names as standard terms only the articles the items above argue."""
    m = re.search(r"答辩依据 \| 合同约定：[^⏎]*?；合同((?:第[^条]+条、?)+)系原告预先拟定的格式条款", c.answer)
    if not m:
        return
    body = "\n".join(line for line in c.answer.splitlines() if "答辩依据 |" not in line and "证据清单" not in line)
    for article in re.findall(r"第[^条、]+条", m.group(1)):
        assert article in body, (c.name, article)
