"""Each quote and each long title once (templates.context.read_once), worked by hand."""

from respond.templates.context import read_once

FULL = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"


def test_a_clause_quoted_again_points_back():
    first = "案涉合同第四条约定：“逾期每日千分之五。”该违约金过高。"
    again = "原告主张律师费。案涉合同第四条约定：“逾期每日千分之五。”该费用应合并计算。"
    other = "案涉合同第六条约定：“甲方可调整利率。”该条款无效。"
    assert read_once([first, again, other]) == [
        first, "原告主张律师费。案涉合同第四条约定的内容见上文。该费用应合并计算。", other]


def test_a_title_cited_twice_is_introduced_then_shortened():
    texts = [f"依据{FULL}第25条。", f"另见{FULL}第29条。"]
    assert read_once(texts) == [f"依据{FULL}（以下简称《民间借贷规定》）第25条。", "另见《民间借贷规定》第29条。"]


def test_a_title_cited_once_stays_whole():
    assert read_once([f"依据{FULL}第25条。", "无关。"]) == [f"依据{FULL}第25条。", "无关。"]


def test_the_2015_rules_are_another_document():
    old = f"{FULL}（法释〔2015〕18号）第26条"
    texts = [f"依据{FULL}第25条。", f"依据{FULL}第29条。", f"彼时适用{old}。"]
    out = read_once(texts)
    assert out[2] == f"彼时适用{old}。"
    assert out[1] == "依据《民间借贷规定》第29条。"
