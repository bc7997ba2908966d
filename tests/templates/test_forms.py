"""The forms as data (法〔2025〕82号, reference §9.5) and the context contract."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from respond.templates import forms
from respond.templates.forms import FINANCIAL, FORMS, PRIVATE
from respond.templates.render import flatten_paths

VARIABLES_MD = Path(forms.__file__).with_name("VARIABLES.md")


def labels(items):
    return [i.label for i in items]


def keys(items):
    return [i.key for i in items]


def test_financial_claims_2025():
    assert labels(FINANCIAL.claims) == [
        "对本金有无异议",
        "对利息（期内利息、复利、罚息）有无异议",
        "对提前还款或解除合同有无异议",
        "对担保权利诉请有无异议",
        "对实现债权的费用有无异议",
        "对其他请求有无异议",
        "对标的总额有无异议",
    ]


def test_private_claims_2025_add_litigation_costs_as_item_6():
    assert labels(PRIVATE.claims) == [
        "对本金有无异议",
        "对利息有无异议",
        "对提前还款或解除合同有无异议",
        "对担保权利诉请有无异议",
        "对实现债权的费用有无异议",
        "对诉讼费负担有无异议",
        "对其他请求有无异议",
        "对标的总额有无异议",
    ]
    assert keys(PRIVATE.claims)[5] == "litigation_costs"
    assert "litigation_costs" not in keys(FINANCIAL.claims)


def test_facts_have_17_items_with_shared_keys():
    assert len(FINANCIAL.facts) == len(PRIVATE.facts) == 17
    assert keys(FINANCIAL.facts) == keys(PRIVATE.facts)
    assert keys(FINANCIAL.facts)[0] == "contract"
    assert keys(FINANCIAL.facts)[-1] == "other_defences"
    assert FINANCIAL.facts[-1].label == PRIVATE.facts[-1].label == "有无其他免责/减责事由"


@pytest.mark.parametrize(
    "key, financial, private",
    [
        ("contract", "对合同签订情况（名称、编号、签订时间、地点等）有无异议", None),
        ("parties", "对合同主体有无异议", "对签订主体有无异议"),
        ("amount", "对借款金额有无异议", None),
        ("rate", "对借款利率有无异议", None),
        ("disbursement", "对借款发放时间有无异议", "对借款提供时间有无异议"),
        ("repayment", "对还款情况有无异议", None),
        ("maximum_security", "对最高额抵押担保有无异议", "对最高额担保（抵押、质押）有无异议"),
        ("guarantee_contract", "对是否签订保证合同/保函有无异议", "对是否签订保证合同有无异议"),
    ],
)
def test_fact_labels(key, financial, private):
    f = {i.key: i.label for i in FINANCIAL.facts}
    p = {i.key: i.label for i in PRIVATE.facts}
    assert f[key] == financial
    assert p[key] == (private or financial)


def test_closing_sections_numbered_after_the_facts_in_each_forms_order():
    assert [(n, i.key) for n, i in FINANCIAL.closing_numbered()] == [(18, "basis"), (19, "other_notes"), (20, "evidence")]
    assert [(n, i.key) for n, i in PRIVATE.closing_numbered()] == [(18, "other_notes"), (19, "basis"), (20, "evidence")]


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_keys_are_unique_snake_case(form):
    all_keys = keys(form.claims) + keys(form.facts) + keys(form.closing)
    assert len(set(keys(form.claims))) == len(form.claims)
    assert len(set(keys(form.facts))) == len(form.facts)
    for key in all_keys:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", key), key
        assert key not in dir(dict), f"{key} would clash with a dict attribute in Jinja"


def test_title_subtitle_and_notice():
    assert forms.TITLE == "民事答辩状"
    assert FINANCIAL.subtitle == "（金融借款合同纠纷）"
    assert PRIVATE.subtitle == "（民间借贷纠纷）"
    explanation, warning = forms.notice_lines("民间借贷纠纷")
    assert explanation[0] == "说明："
    assert any("本表所涉内容系针对一般民间借贷纠纷案件" in line for line in explanation)
    assert warning[0] == "★特别提示★"
    assert any("第十三条第一款" in line for line in warning)


# ---------------------------------------------------------------------------------------------
# Context contract


@pytest.mark.parametrize("form", ["financial", "private"])
def test_sample_context_matches_the_contract(contexts, form):
    sample = contexts.CONTEXTS[form]()
    assert flatten_paths(sample) == set(forms.context_paths(form))


@pytest.mark.parametrize("form", ["financial", "private"])
def test_sample_context_value_types(contexts, form):
    """Strings everywhere except the documented flags; lists only for evidence and annex rows."""
    sample = contexts.CONTEXTS[form]()
    flags = re.compile(r"^(d|f)\.\w+\.(objection|agreed)$|^agent\.present$|^service\.electronic(_chosen)?$")

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{path}.{k}" if path else k)
        elif isinstance(value, list):
            assert path in ("evidence", "annex.rows", "annex.apr.rows", "annex.alt.rows"), path
            for v in value:
                walk(v, path + "[]")
        elif flags.match(path):
            assert isinstance(value, bool), path
        else:
            assert isinstance(value, str), path

    walk(sample, "")


def test_contract_item_keys_come_from_the_forms():
    paths = forms.answer_paths("private")
    for item in PRIVATE.claims:
        assert f"d.{item.key}.objection" in paths and f"d.{item.key}.text" in paths
    for item in PRIVATE.facts:
        assert f"f.{item.key}.objection" in paths and f"f.{item.key}.text" in paths
    assert "d.litigation_costs.text" not in forms.answer_paths("financial")


def test_template_paths_by_file_name():
    assert forms.template_paths("答辩状-金融借款.docx") == forms.answer_paths("financial")
    assert forms.template_paths("利息重算表.docx") == forms.annex_paths()
    with pytest.raises(KeyError):
        forms.template_paths("other.docx")


def test_variables_md_documents_every_variable():
    doc = VARIABLES_MD.read_text(encoding="utf-8")
    every = set().union(*(forms.context_paths(f) for f in FORMS))
    for path in sorted(every):
        if path.startswith(("d.", "f.")):
            key = path.split(".")[1]
            assert f"`{key}`" in doc, path
        elif path.startswith(("annex.rows[].", "annex.alt.rows[].")):  # the same columns, documented once
            assert f"`r.{path.rsplit('.', 1)[1]}`" in doc and "`annex.alt.rows[]`" in doc, path
        elif path == "evidence[]":
            assert "`evidence`" in doc
        else:
            assert f"`{path}`" in doc, path
    for name in forms.TEMPLATE_FILES.values():
        assert name in doc
    for form in FORMS.values():
        for item in form.claims + form.facts:
            assert item.label in doc, item
