"""Who is lending: the category of a plaintiff or lender and the regime it puts the loan under (rules.md §2).

What it does
    ``categorize`` turns a name (and an optional explicit ``kind``) into a :class:`LenderIdentity`:
    a category code (the values of :class:`respond.case.model.LenderKind`), how it was decided and a
    sentence a person can read. ``regime_for`` and ``resolve_regime`` give the rate regime —
    ``financial``, ``local_financial`` or ``private`` — and ``default_case_cause`` / ``form_for``
    the 案由 and the answer form that follow from it.

Why it matters
    Loans by institutions that the financial regulators licensed to lend are not private lending
    (民间借贷规定第1条第2款), so the private-lending caps do not bind them as such. The seven local
    financial organisations — 小额贷款公司、融资担保公司、区域性股权市场、典当行、融资租赁公司、
    商业保理公司、地方资产管理公司 — count as financial institutions for that purpose
    (法释〔2020〕27号). A lender with no lending licence lends privately, and lending for profit to
    the public without one makes the contract void (民间借贷规定第13条第(三)项);助贷/导流 platforms
    (…科技有限公司, …信息服务有限公司) are not lenders at all, which the caller reports as a finding.
    The regime follows the *original* lender: assignment and guarantor recourse do not change the
    nature of the debt.

Data
    ``respond.data/lenders.json`` (category table and name keys in match order, the regulator's
    list of 31 consumer finance companies as of 2025-06-30 with older names, products and the
    lenders behind them), each entry with a source and a confidence mark (E/B/U).

Limitations
    Names only suggest: the lender named in the borrower's own loan contract is authoritative, and
    every reason that comes from a keyword or a guess says so or can be overridden with ``kind``.
    A licence is not verified (a 资产管理 company is licensed only if on a province's list).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping, Optional, Union

from respond.case.model import LenderKind

REGIMES = ("financial", "local_financial", "private")
HOW = ("override", "registry", "name", "guess")

# Categories whose plaintiff sues on a debt it paid or bought: the loan's nature comes from elsewhere.
_RECOURSE = ("guarantor", "insurer")


@dataclass(frozen=True)
class LenderIdentity:
    """What a plaintiff or lender is, for the rules.

    ``how``: ``override`` (explicit kind), ``registry`` (on the regulator's list), ``name`` (a name
    key or a person's name), ``guess`` (fallback). ``platform`` is True for 助贷/导流 style names,
    which are not lenders. ``name`` is the normalised name; ``registry_code`` the regulator's code
    (e.g. ``X0007``) when the name is on the list.
    """

    category: str
    label: str
    how: str
    reason: str
    platform: bool = False
    name: str = ""
    registry_code: Optional[str] = None


# ---------------------------------------------------------------------------------------------
# Name normalisation

_BRACKETS = str.maketrans({"[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                           "〖": "(", "〗": ")", "﹙": "(", "﹚": ")"})
_MIDDLE_DOTS = re.compile(r"[\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u0387\u16eb\u2e31]")
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def normalize_name(name: str) -> str:
    """Full-width → half-width (NFKC), one kind of bracket and of middle dot, no stray spaces.

    Spaces survive only between two Latin letters or digits (``Home Credit``); between Chinese
    characters they are typing noise and go.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be str, not {type(name).__name__}")
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    text = _MIDDLE_DOTS.sub("·", text)
    parts = text.split()
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        if _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]):
            out += " "
        out += part
    return out


# ---------------------------------------------------------------------------------------------
# The registry (package data, loaded once)


@dataclass(frozen=True)
class _Registry:
    source: str
    regimes: Mapping[str, Mapping[str, Any]]
    categories: Mapping[str, Mapping[str, Any]]
    keys: tuple[tuple[str, str, tuple[str, ...]], ...]  # (key, category, keys that veto it), match order
    names: Mapping[str, tuple[str, Optional[str], str]]  # normalised name → (category, code, reason)
    branch: re.Pattern
    platform_markers: tuple[str, ...]
    org_anywhere: tuple[str, ...]
    org_suffix: tuple[str, ...]
    products: tuple[Mapping[str, Any], ...]
    aliases: Mapping[str, int]  # normalised alias → index into products
    local_financial: tuple[str, ...]


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@functools.lru_cache(maxsize=1)
def _registry() -> _Registry:
    raw = json.loads(resources.files("respond.data").joinpath("lenders.json").read_text(encoding="utf-8"))
    categories = {c["code"]: c for c in raw["categories"]}
    keys = tuple(
        (normalize_name(k["key"]), c["code"], tuple(normalize_name(x["key"]) for x in c.get("not_if", ())))
        for c in raw["categories"]
        for k in c["keys"]
    )
    cf = raw["consumer_finance"]
    by_code = {e["code"]: e for e in cf["companies"]}
    names: dict[str, tuple[str, Optional[str], str]] = {}
    for e in cf["companies"]:
        names[normalize_name(e["name"])] = (
            "consumer_finance", e["code"],
            f"在国家金融监督管理总局消费金融公司名单中（{e['code']}，截至2025-06-30）",
        )
    for e in cf["former_names"]:
        successor = by_code.get(e["successor"]) if e.get("successor") else None
        now = f"，现为{successor['name']}（{successor['code']}）" if successor else ""
        names[normalize_name(e["name"])] = (
            "consumer_finance", successor["code"] if successor else None,
            f"是消费金融公司的原名称{now}，签约时是持牌消费金融公司",
        )
    branch = re.compile(r"(?:" + "|".join(map(re.escape, raw["branch_suffixes"]["keys"])) + r")\)?$")
    products = tuple(_freeze(p) for p in raw["products"])
    aliases = {normalize_name(a): i for i, p in enumerate(raw["products"]) for a in p["aliases"]}
    orgs = raw["organisation_words"]
    return _Registry(
        source=raw["source"],
        regimes=_freeze(raw["regimes"]),
        categories=_freeze(categories),
        keys=keys,
        names=MappingProxyType(names),
        branch=branch,
        platform_markers=tuple(raw["platform_markers"]["keys"]),
        org_anywhere=tuple(orgs["anywhere"]),
        org_suffix=tuple(orgs["suffix"]),
        products=products,
        aliases=MappingProxyType(aliases),
        local_financial=tuple(raw["local_financial_organisations"]["names"]),
    )


def registry_source() -> str:
    """The data file's top-level source line (for reports)."""
    return _registry().source


def local_financial_organisations() -> tuple[str, ...]:
    """The seven local financial organisations that 法释〔2020〕27号 treats as financial institutions."""
    return _registry().local_financial


def category_label(category: Union[LenderKind, str]) -> str:
    """The short Chinese name of a category code (``microloan`` → 小额贷款公司)."""
    return _category(category)["label"]


def licensed_by(category: Union[LenderKind, str]) -> str | None:
    """Who licenses and supervises a category (lenders.md: 国家金融监督管理总局, 地方金融管理部门), or
    None (a person, an unlicensed lender)."""
    return _category(category).get("licensed_by") or None


def regime_label(regime: str) -> str:
    """The Chinese name of a regime (``private`` → 民间借贷)."""
    return _regime(regime)["label"]


def _category(category: Union[LenderKind, str]) -> Mapping[str, Any]:
    code = category.value if isinstance(category, LenderKind) else category
    try:
        return _registry().categories[code]
    except KeyError:
        raise ValueError(f"未知的放贷主体类别：{code!r}") from None


def _regime(regime: str) -> Mapping[str, Any]:
    try:
        return _registry().regimes[regime]
    except KeyError:
        raise ValueError(f"未知的利率规则类别：{regime!r}（应为 financial、local_financial 或 private）") from None


# ---------------------------------------------------------------------------------------------
# Recognising a name


def categorize(name: str, kind: Union[LenderKind, str, None] = None) -> LenderIdentity:
    """The category of a plaintiff or lender from its name; an explicit ``kind`` overrides.

    Order: explicit kind → the regulator's consumer finance list (exact name, an older name, or a
    branch of one) → name keys, longer and more specific first (金融租赁 before 融资租赁, the six
    national AMC names before 资产管理, 银行 last) → a product name (花呗, 借呗…: not a lender) → a
    person's name (2–4 Han characters, or names joined by a middle dot, with no organisation word) →
    any other name is an ordinary company (``guess``), flagged ``platform`` when it looks like a
    助贷/导流 service (…科技有限公司, …信息服务有限公司, …咨询…, …网络技术…).

    A branch (…分公司, …分行, …支行) takes its parent's category: the parent's name is part of it.
    """
    normalised = normalize_name(name)
    if not normalised:
        raise ValueError("放贷主体名称为空")
    if kind is not None and not isinstance(kind, LenderKind):
        try:
            kind = LenderKind(str(kind).strip())
        except ValueError:
            raise ValueError(f"未知的放贷主体类别：{kind!r}") from None
    return _categorize(normalised, kind.value if kind is not None else None)


@functools.lru_cache(maxsize=4096)
def _categorize(name: str, kind: Optional[str]) -> LenderIdentity:
    found = _recognise(name)
    if kind is None:
        return found
    label = category_label(kind)
    reason = f"按指定的类别认定为{label}（kind={kind}）"
    if found.category != kind:
        reason += f"；按名称识别为{found.label}，以指定为准"
    platform = kind == "company" and _platform_marker(name) is not None
    code = found.registry_code if found.category == kind else None
    return LenderIdentity(kind, label, "override", reason, platform, name, code)


def _recognise(name: str) -> LenderIdentity:
    reg = _registry()
    is_branch = reg.branch.search(name) is not None

    hit = reg.names.get(name)
    if hit is None and is_branch:
        for listed, entry in reg.names.items():
            if name.startswith(listed):
                hit = (entry[0], entry[1], f"是“{listed}”的分支机构，该公司{entry[2]}")
                break
    if hit is not None:
        category, code, why = hit
        label = category_label(category)
        return LenderIdentity(category, label, "registry", f"“{name}”{why}，按{label}认定", False, name, code)

    for key, category, vetoes in reg.keys:
        if key in name and not any(v in name for v in vetoes):
            label = category_label(category)
            reason = f"名称含“{key}”，按{label}认定"
            if is_branch:
                reason += "（分支机构按其总机构的类别认定）"
            if category == "asset_manager":
                reason += "；不是六家全国性金融资产管理公司，是否列入地方资产管理公司名单须核实"
            return LenderIdentity(category, label, "name", reason, False, name)

    product = _product_index(name)
    if product is not None:
        return _product_identity(name, reg.products[product])

    if _is_person(name, reg):
        return LenderIdentity("individual", category_label("individual"), "name",
                              f"“{name}”是自然人姓名，按自然人认定", False, name)

    label = category_label("company")
    marker = _platform_marker(name)
    if marker is not None:
        reason = (f"名称含“{marker}”，像助贷/导流平台而不是放贷机构；名称不含任何持牌放贷机构的类别用语，"
                  f"按{label}（无放贷资质）认定，应以借款合同载明的放款主体为准")
        return LenderIdentity("company", label, "guess", reason, True, name)
    reason = f"名称不含任何持牌放贷机构的类别用语，按{label}（无放贷资质）认定，应以借款合同载明的放款主体为准"
    return LenderIdentity("company", label, "guess", reason, False, name)


def _platform_marker(name: str) -> Optional[str]:
    return next((m for m in _registry().platform_markers if m in name), None)


_PERSON = re.compile(rf"{_HAN}{{2,4}}|{_HAN}{{1,10}}(?:·{_HAN}{{1,10}}){{1,3}}")
_TRAILING_REMARK = re.compile(r"\([^()]*\)$")


def _is_person(name: str, reg: _Registry) -> bool:
    bare = _TRAILING_REMARK.sub("", name)  # 张三(男) → 张三
    if not _PERSON.fullmatch(bare):
        return False
    if any(w in bare for w in reg.org_anywhere):
        return False
    return not bare.endswith(reg.org_suffix)


# ---------------------------------------------------------------------------------------------
# Products (informational)


def _product_index(text: str) -> Optional[int]:
    aliases = _registry().aliases
    if text in aliases:
        return aliases[text]
    return None


def _product_identity(name: str, product: Mapping[str, Any]) -> LenderIdentity:
    named = [l["name"] for l in product["lenders"] if l["name"] and l["role"] == "current"]
    if named and not product["platform"]:
        first = _recognise(normalize_name(named[0]))
        reason = (f"“{name}”是产品名称，不是放款主体；该产品通常由{'、'.join(named)}放款，"
                  f"暂按{first.label}认定，应以借款合同载明的放款主体为准")
        return LenderIdentity(first.category, first.label, "guess", reason, False, name)
    label = category_label("company")
    reason = (f"“{name}”是助贷平台或产品名称，不是放款主体；放款方可能是合作银行、消费金融公司或信托公司，"
              f"应以借款合同载明的放款主体为准，暂按{label}认定")
    return LenderIdentity("company", label, "guess", reason, True, name)


def product_lenders(product: str) -> list[dict]:
    """The lenders usually behind a product (花呗, 借呗, 微粒贷, 京东金条…), for information only.

    One dict per lender: ``product``, ``operator``, ``lender`` (a name, or None for unnamed partners),
    ``description``, ``role`` (current / earlier / partner / guarantor), ``category`` (of the named
    lender), ``confidence`` (E/B/U) and ``platform``. An unknown product gives an empty list. The
    contract, not this table, says who lent.
    """
    text = normalize_name(product)
    if not text:
        return []
    reg = _registry()
    index = _product_index(text)
    if index is None:  # "支付宝花呗分期": the longest alias inside the text
        inside = [(len(a), i) for a, i in reg.aliases.items() if len(a) >= 2 and a in text]
        if not inside:
            return []
        index = max(inside)[1]
    p = reg.products[index]
    rows = []
    for lender in p["lenders"]:
        rows.append({
            "product": p["product"],
            "operator": p["operator"],
            "lender": lender["name"],
            "description": lender.get("description"),
            "role": lender["role"],
            "category": _recognise(normalize_name(lender["name"])).category if lender["name"] else None,
            "confidence": lender.get("confidence", p["confidence"]),
            "platform": p["platform"],
        })
    return rows


# ---------------------------------------------------------------------------------------------
# Regime, case cause, form


def regime_for(category: Union[LenderKind, str]) -> Optional[str]:
    """``financial`` / ``local_financial`` / ``private`` for a category (rules.md §2).

    ``None`` for ``asset_manager`` and ``amc_national``: a debt buyer takes the regime of the
    original lender.
    """
    return _category(category)["regime"]


def resolve_regime(plaintiff: LenderIdentity, lender: Optional[LenderIdentity] = None) -> tuple[str, list[str]]:
    """The regime of the loan and the warnings that go with it.

    The regime follows the original lender (``loan.lender``, defaulting to the plaintiff): an
    assignee or a guarantor suing after paying does not change the nature of the debt. When the
    original lender is itself a debt buyer (the original is unknown) the private-lending regime is
    assumed and a warning says so; a recourse plaintiff (融资担保公司, 保险公司) with no original
    lender given keeps its own regime, with a warning.
    """
    given = lender is not None and lender != plaintiff
    original = lender if lender is not None else plaintiff
    regime = regime_for(original.category)
    who = f"“{original.name}”" if original.name else "该主体"
    if regime is None:
        where = "借款合同载明的放款人" if given else "原告"
        return "private", [
            f"原始放款人不明：{where}{who}是{original.label}，属于受让债权的一方，不是原始放款人；"
            f"案件性质应随原始放款人认定，在查明原始放款人之前暂按民间借贷规则处理。"
            f"请在 loan.lender 中填写借款合同载明的放款人。"
        ]
    warnings: list[str] = []
    if not given and original.category in _RECOURSE:
        warnings.append(
            f"原告{who}是{original.label}，通常是代偿后追偿；追偿不改变原借款的性质，但未填写原始放款人，"
            f"暂按{original.label}适用{regime_label(regime)}规则。请在 loan.lender 中填写借款合同载明的放款人。"
        )
    return regime, warnings


def default_case_cause(regime: Optional[str], lender_category: Union[LenderKind, str, None] = None) -> str:
    """The 案由 to assume when the summons does not say (rules.md §2).

    financial → 金融借款合同纠纷; local_financial → 小额借款合同纠纷 (answered on the 金融借款 form);
    private → 民间借贷纠纷. Per the table the cause depends on the regime only; ``lender_category``
    is used when ``regime`` is None (a debt buyer with no known original lender counts as private).
    """
    if regime is None:
        if lender_category is None:
            raise ValueError("需要 regime 或 lender_category 之一")
        regime = regime_for(lender_category) or "private"
    return _regime(regime)["case_cause"]


def form_for(case_cause: Optional[str], regime: str) -> str:
    """Which answer form to use: ``private`` (民间借贷), ``financial`` (金融借款), ``credit_card``
    (信用卡) or ``guarantee_insurance`` (保证保险合同).

    The court's 案由 decides when it names one of the forms' causes (信用卡 → ``credit_card``;
    保证保险 → ``guarantee_insurance``; 民间借贷 → ``private``; 金融借款/小额借款/融资租赁 →
    ``financial``); otherwise (no cause, a generic one such as 借款合同纠纷, or 追偿权纠纷, which has
    no form of its own in the model texts) the regime's form (``private`` only for the private regime).
    """
    cause = (case_cause or "").strip()
    if "信用卡" in cause:
        return "credit_card"
    if "保证保险" in cause:
        return "guarantee_insurance"
    if "民间借贷" in cause:
        return "private"
    if any(k in cause for k in ("金融借款", "小额借款", "融资租赁")):
        return "financial"
    return _regime(regime)["form"]


def suit_cause(regime: str, plaintiff_category: str | None, lender_category: str | None, *,
               card: bool, plaintiff_is_lender: bool) -> str:
    """The 案由 to assume when the summons does not say, from who sues over what (民事案由规定):
    a bank's card → 信用卡纠纷; an insurer suing over another's loan (it paid under a 保证保险
    policy) → 保证保险合同纠纷; a guarantor → 追偿权纠纷; otherwise the regime's cause."""
    if card:
        return "信用卡纠纷"
    if plaintiff_category == "insurer" and not plaintiff_is_lender:
        return "保证保险合同纠纷"
    if plaintiff_category == "guarantor":
        return "追偿权纠纷"
    return default_case_cause(regime, lender_category)
