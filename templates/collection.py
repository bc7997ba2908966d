"""遭遇催收怎么办.md and 催收记录表.csv (respond debts --collection, issue 14): what to do when
collection turns abusive, in plain words, with the verified citations; whom to complain to for
each loan, from the lender registry (lenders.md: who licenses the category); a log to keep the
evidence in. It asserts nothing about what any collector did: the person fills in the log."""

from __future__ import annotations

import csv
import io

from respond.checks.collection import complain_to
from respond.checks.findings import basis_text
from respond.debts.evidence import LOG_HEADERS
from respond.debts.render import md_plain as _md
from respond.debts.table import Row


GUIDE_FILE, LOG_FILE = "遭遇催收怎么办.md", "催收记录表.csv"


def evidence_log() -> str:
    """The log's CSV (UTF-8 with BOM, for Excel and WPS): the headers and nothing else."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(LOG_HEADERS)
    return "\ufeff" + buf.getvalue()


def collection_guide(person: str, rows: list[Row], *, command_line: bool = True) -> str:
    """``command_line``: say how ``respond debts --complaints`` turns the filled log into complaints
    (not in the interview's package, whose reader does not use the command line)."""
    privacy = basis_text(("mfd_1032", "mfd_1033"))
    data = basis_text(("pipl_10", "pipl_13"))
    crime = basis_text(("xf_293_1",))
    lines = [f"# 遭遇催收怎么办（{_md(person)}）", "",
             "## 受到威胁时，先报警", "",
             "- 对方威胁要伤害您或家人、上门堵门、不让您离开：**立即拨打 110 报警**，说清对方的号码和说了什么；"
             "事后到派出所要一份报警回执。",
             "- 不要和对方当面冲突，不要按对方要求去“借新还旧”。", "",
             "## 每一次催收都记下来", "",
             "- 用附带的 `催收记录表.csv`（Excel、WPS 直接打开）：日期、时间、对方号码、对方自称、方式、对方说了什么、"
             "是否联系了您的亲友同事、录音或截图的文件名。",
             "- 通话录音、短信和微信截图原样保存，不要删改；截图要能看到对方号码和时间。",
             "- 亲友、同事接到催收电话或短信的，请他们也截图保存，写下时间。", "",
             "## 哪些做法法律不允许", "",
             f"- 以电话、短信、即时通讯工具等方式侵扰您的私人生活安宁，或者刺探、泄露、公开您的隐私（{privacy}）。",
             f"- 非法使用、公开、向他人提供您的个人信息，例如把您欠款的事告诉通讯录里的亲友、同事（{data}）。"
             "通讯录里的人是第三人，您同意 App 读取通讯录，不等于他们同意被催收。",
             f"- 催收高利放贷等产生的非法债务，使用暴力、胁迫，限制人身自由、侵入住宅，或者恐吓、跟踪、骚扰他人，"
             f"情节严重的，是犯罪（{crime}）。一笔借款是否属于这里说的“非法债务”、情节是否严重，由公安机关和法院认定，"
             "目前没有统一的标准；您的借款中超过法律上限的部分，见 `债务清单.md`。", "",
             "## 向谁反映", "", "| 平台 | 放款机构 | 向谁投诉 |", "|---|---|---|"]
    for r in rows:
        lines.append(f"| {_md(r.platform)} | {_md(r.creditor)} | {complain_to(r.category)} |")
    if command_line:
        lines += ["", "记录表里写明了“联系了亲友、同事”或“辱骂或威胁”的，运行 "
                  "`respond debts 债务清单文件 --out 文件夹 --complaints 催收记录表.csv`，为这些借款各生成一份催收投诉书，"
                  "签字后交给上表中管它的部门。"]
    lines += ["", "投诉时附上：`催收记录表.csv`、录音和截图、借款合同、还款记录，以及 `债务清单.md`。"
              "已被起诉的借款，催收中的威胁、骚扰也可以写进答辩材料，交给审理的法院。", "",
              "本页不是律师意见；其中的法律依据均来自已核对的条文原文。", ""]
    return "\n".join(lines)
