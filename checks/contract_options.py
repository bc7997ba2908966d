"""Option lists in a contract: only the chosen option is part of the agreement.

Bank and platform forms let the parties pick one of several clauses::

    协商不成，按以下第 壹 种方式解决；
    壹：向乙方住所地人民法院起诉。
    贰：提交 此栏空白 仲裁委员会……仲裁。

The sentence that makes the choice (``按以下第 壹 种方式``, ``双方选择第3种方式``, ``按照下列第 贰 项约定``)
is followed by the options, each numbered (``壹：``, ``（1）``, ``30.1``). :func:`mark_options` marks
each option sentence ``chosen`` or ``unchosen``; when the choice is blank (``第___种``, a
placeholder, ``此栏空白``) every option is ``blank`` and a note says that no option was chosen. The
clause library reads neither unchosen nor blank options.
"""

from __future__ import annotations

import re
from dataclasses import replace

from respond.checks.contract_text import Sentence, match_form, number_value

_CHOICE = re.compile(r"(?:以下|下列|下述|选择|选取|选定)(?:的)?第(?P<n>[^种项条款,;。:]{0,12}?)(?:种|项)")
_BLANK = re.compile(r"^[_\-—\s]*$|\$\{|空白|\*+")
_MARK = re.compile(r"^[(]?(?P<n>\d{1,2}|[lI](?=\))|[一二三四五六七八九十]|[壹贰叁肆伍陆柒捌玖拾])(?:[)]|[:、](?!\d))")
_REF_LAST = re.compile(r"(?:\.(\d+)条|第[（(]?([0-9一二三四五六七八九十]+)[)）]?(?:款|项|目))$")


def _option_number(s: Sentence, choice: Sentence) -> int | None:
    """The option number of a sentence after a choice: its own mark (壹：, (1)) or its unit's number
    when that unit lies below the choice's (第九条第1款第（1）项 under 第九条第1款; 第30.1条 under 第三十条)."""
    if m := _MARK.match(match_form(s.text)):
        n = m.group("n")
        return 1 if n in "lI" else number_value(n)  # （l）: a typed "1"
    if s.ref is None or s.ref == choice.ref or s.article != choice.article:
        return None
    # a unit of the choice's own, or any unit of its article when the choice is the article itself (30.1 under 第三十条)
    below = (choice.ref is not None and s.ref.startswith(choice.ref)) or choice.ref == choice.article
    if not below:
        return None
    m = _REF_LAST.search(s.ref)
    return number_value(m.group(1) or m.group(2)) if m else None


def mark_options(text: str, sentences: list[Sentence]) -> tuple[list[Sentence], list[str]]:
    """The sentences with their ``option`` set, and a note for each choice left blank."""
    out = list(sentences)
    notes: list[str] = []
    k = 0
    while k < len(out):
        m = _CHOICE.search(match_form(out[k].text))
        if not m:
            k += 1
            continue
        choice = out[k]
        raw = m.group("n")
        chosen = None if _BLANK.search(raw) else number_value(raw.strip("()（）"))
        j = k + 1
        current = None  # the option being read
        while j < len(out):
            s = out[j]
            if s.article != choice.article or s.agreement != choice.agreement:
                break
            n = _option_number(s, choice)
            if n is None:
                # a second sentence of the same option: on the same line as the option's last sentence
                if current is None or "\n" in text[out[j - 1].span[1]:s.span[0]]:
                    break
                n = current
            current = n
            state = "blank" if chosen is None else "chosen" if n == chosen else "unchosen"
            out[j] = replace(s, option=state)
            j += 1
        if chosen is None and j > k + 1:
            where = f"合同{choice.ref}" if choice.ref else "合同中"
            notes.append(f"{where}要求在几种方式中选定一种（“{choice.text[:60]}”），但选择处是空白，没有选定："
                         "这些选项都不按已约定处理，请核对您手中的合同原件")
        k = max(j, k + 1)
    return out, notes
