"""The case file, version 1 (shared spec ``case-file.md``), as pydantic models.

Field names are a contract: tools outside this project read and write them. Unknown fields are
an error (``extra="forbid"``) except under ``notes``. Money is ``Decimal`` in 元 (a JSON number or
a decimal string, at most 2 decimals, never negative); rates are decimals (0.18 = 18%).

This module only describes shape and single-field rules. Cross-field contradictions (a payment
before disbursement, deductions above the principal, …) live in :mod:`respond.case.consistency`
so that each problem gets its own JSON path.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Annotated, Any, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

CASE_FILE_VERSION = 1


MAX_MONEY = Decimal(10) ** 12  # 一万亿元: far above any consumer loan, far below Decimal's precision


_NUMBERISH = re.compile(r"[0-9.,+\-eE ]{1,20}")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+\.\d{1,2}")  # 12,345.67: thousands separators and a decimal point


def _parse_money(value: Any) -> Decimal:
    """Accept a JSON number or a decimal string; at most 2 decimals; never negative."""
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("money", "应为金额（数字或 \"12345.67\" 这样的字符串）")
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, (int, Decimal)):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        if "," in text:
            # "1,000.00" has one reading; "1,000" or "1,00" two (a comma is a decimal mark in much that is pasted)
            if not _GROUPED.fullmatch(text):
                raise PydanticCustomError(
                    "money", "金额中的逗号可能是千位分隔符，也可能是小数点，无法确定怎么读；请不用逗号，写成 1000 或 1000.50 这样的形式")
            text = text.replace(",", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            if _NUMBERISH.fullmatch(value):  # quote only what looks like a mistyped number, never pasted text
                raise PydanticCustomError("money", "应为金额（数字或 \"12345.67\" 这样的字符串），收到 \"{v}\"", {"v": value})
            raise PydanticCustomError("money", "应为金额（数字或 \"12345.67\" 这样的字符串），收到的是文字")
    else:
        raise PydanticCustomError("money", "应为金额（数字或 \"12345.67\" 这样的字符串）")
    if not amount.is_finite():
        raise PydanticCustomError("money", "金额必须是有限的数字")
    if abs(amount) >= MAX_MONEY:
        raise PydanticCustomError("money", "金额过大（应小于一万亿元），请核对")
    if amount < 0:
        raise PydanticCustomError("money", "金额不能为负数")
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise PydanticCustomError("money", "金额最多保留两位小数（到分）")
    return amount.quantize(Decimal("0.01"))


MIN_RATE = Decimal("1e-9")  # below a millionth of a percent: a slip, and a divisor of zero for the schedule


def _parse_rate(value: Any) -> Decimal:
    """A rate as a decimal fraction (0.18 = 18%); JSON numbers arrive as Decimal."""
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("rate", "应为小数形式的利率（0.18 表示 18%）")
    if isinstance(value, float):
        value = repr(value)
    try:
        rate = Decimal(str(value).strip())
    except InvalidOperation:
        raise PydanticCustomError("rate", "应为小数形式的利率（0.18 表示 18%）")
    if not rate.is_finite():
        raise PydanticCustomError("rate", "利率应为有限的数字（收到的是 NaN 或无穷大）")
    if rate < 0:
        raise PydanticCustomError("rate", "利率不能为负数")
    if 0 < rate < MIN_RATE:
        raise PydanticCustomError("rate", "利率 {v} 小得不合理（是否写错了？无息借款请写 0）", {"v": str(value)[:40]})
    if rate > 10:
        raise PydanticCustomError("rate", "利率应写成小数（0.18 表示 18%），{v} 太大，是否写成了百分数？", {"v": str(value)})
    return rate


Money = Annotated[Decimal, BeforeValidator(_parse_money), PlainSerializer(lambda d: str(d), return_type=str)]
Rate = Annotated[Decimal, BeforeValidator(_parse_rate), PlainSerializer(lambda d: float(d), return_type=float)]
EARLIEST, LATEST = dt.date(1949, 10, 1), dt.date(2100, 12, 31)  # any date a loan suit can carry


def _plausible_day(value: dt.date) -> dt.date:
    if not EARLIEST <= value <= LATEST:
        raise PydanticCustomError("date_range", "日期 {v} 不合理（应在 1949 年至 2100 年之间），请核对", {"v": value.isoformat()})
    return value


def _plausible_moment(value: dt.datetime) -> dt.datetime:
    _plausible_day(value.date())
    return value


# control characters (NUL, escape …) and direction overrides can hide or reorder what a court reads
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


HIDDEN_MESSAGE = "含有看不见的控制字符（例如 NUL 或文字方向控制符），请删掉后重新输入"


def has_hidden_characters(value: str) -> bool:
    return bool(_HIDDEN.search(value))


def _visible_text(value: str) -> str:
    if has_hidden_characters(value):
        raise PydanticCustomError("hidden_characters", HIDDEN_MESSAGE)
    return value


Day = Annotated[dt.date, AfterValidator(_plausible_day)]
Moment = Annotated[dt.datetime, AfterValidator(_plausible_moment)]
Text = Annotated[str, Field(max_length=2000), AfterValidator(_visible_text)]
LongText = Annotated[str, Field(max_length=200_000), AfterValidator(_visible_text)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_visible_text)]


class Strict(BaseModel):
    """Every model forbids unknown keys: a typo must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Procedure(str, Enum):
    ordinary = "ordinary"
    simplified = "simplified"
    small_claims = "small_claims"


class ServiceMethod(str, Enum):
    direct = "direct"
    mail = "mail"
    electronic = "electronic"
    public_notice = "public_notice"


class RepaymentMethod(str, Enum):
    equal_installment = "equal_installment"
    equal_principal = "equal_principal"
    interest_first = "interest_first"
    bullet = "bullet"


class LenderKind(str, Enum):
    bank = "bank"
    consumer_finance = "consumer_finance"
    auto_finance = "auto_finance"
    trust = "trust"
    financial_leasing = "financial_leasing"
    insurer = "insurer"
    microloan = "microloan"
    guarantor = "guarantor"
    pawnshop = "pawnshop"
    leasing = "leasing"
    factoring = "factoring"
    asset_manager = "asset_manager"
    amc_national = "amc_national"
    company = "company"
    individual = "individual"


class Court(Strict):
    name: Name
    case_number: Optional[Text] = None
    procedure: Optional[Procedure] = None
    filed_on: Optional[Day] = None
    hearing_at: Optional[Moment] = None


class Service(Strict):
    method: ServiceMethod
    date: Day
    answer_days: Optional[Annotated[int, Field(ge=1, le=366)]] = None
    evidence_due: Optional[Day] = None


class Plaintiff(Strict):
    name: Name
    kind: Optional[LenderKind] = None
    credit_code: Optional[Text] = None
    address: Optional[Text] = None
    representative: Optional[Text] = None


class Defendant(Strict):
    name: Name
    id_number: Optional[Text] = None
    gender: Optional[Text] = None
    birth_date: Optional[Day] = None
    ethnicity: Optional[Text] = None
    address: Optional[Text] = None
    residence: Optional[Text] = None
    phone: Optional[Text] = None
    domicile_in_china: bool = True


class Claims(Strict):
    as_of: Optional[Day] = None
    principal: Optional[Money] = None
    interest: Optional[Money] = None
    penalty: Optional[Money] = None
    fees: Optional[Money] = None
    legal_costs: Optional[Money] = None
    until_paid: Optional[bool] = None
    accelerate: Optional[bool] = None


class Deduction(Strict):
    name: Name
    amount: Money


# A rate at or above these is read as a percentage written without converting (or a typo), not a
# contract rate: 100% a year, 100% a month, 10% a day. Such a file is refused, never guessed.
AMBIGUOUS_RATE = {"annual": Decimal("1"), "monthly": Decimal("1"), "daily": Decimal("0.1")}


class RateSpec(Strict):
    """Exactly one of annual, monthly, daily: the nominal rate as the contract states it."""

    annual: Optional[Rate] = None
    monthly: Optional[Rate] = None
    daily: Optional[Rate] = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "RateSpec":
        given = [k for k in ("annual", "monthly", "daily") if getattr(self, k) is not None]
        if len(given) != 1:
            raise PydanticCustomError("rate_one_of", "必须且只能给出 annual、monthly、daily 中的一个")
        key = given[0]
        value = getattr(self, key)
        if value >= AMBIGUOUS_RATE[key]:
            # 4.35 could be 4.35% written without converting, or 435%: refuse, never guess
            raise PydanticCustomError(
                "rate_ambiguous", "{k} = {v} 无法确定含义：可能是百分数忘了换算（{v}% 应写成 {f}），也可能真是 {p}%；"
                "请写成小数（0.18 表示 18%），确实这么高的利率请改用 monthly 或 daily 填写",
                {"k": key, "v": str(value), "f": str(value / 100), "p": str(value * 100)})
        return self


class Fee(Strict):
    name: Name
    amount: Money
    per_installment: bool = False
    date: Optional[Day] = None

    @model_validator(mode="after")
    def _not_both(self) -> "Fee":
        if self.per_installment and self.date is not None:
            raise PydanticCustomError("fee_both", "per_installment 与 date 不能同时给出：按期收取的费用没有单独的日期")
        return self


class Installment(Strict):
    due: Day
    principal: Money = Decimal("0.00")
    interest: Money = Decimal("0.00")
    fees: Money = Decimal("0.00")


class Payment(Strict):
    date: Day
    amount: Money


class PenaltyBase(str, Enum):
    """What an agreed 违约金 is computed on (docs/rules.md §9.4)."""

    overdue_principal = "overdue_principal"  # 逾期本金
    overdue_amount = "overdue_amount"  # 逾期本息（逾期本金和逾期利息）
    principal = "principal"  # 借款本金（实际出借的金额）
    remaining_principal = "remaining_principal"  # 剩余未还本金


class PenaltyClause(Strict):
    """The agreed 违约金 (added, docs/case-file.md): exactly one of a fixed ``amount``, a one-off
    ``share`` of ``base``, or a ``rate`` that runs on ``base`` for every day of default."""

    amount: Optional[Money] = None
    share: Optional[Rate] = None
    rate: Optional[RateSpec] = None
    base: Optional[PenaltyBase] = None

    @model_validator(mode="after")
    def _one_form(self) -> "PenaltyClause":
        given = [k for k in ("amount", "share", "rate") if getattr(self, k) is not None]
        if len(given) != 1:
            raise PydanticCustomError("penalty_one_of", "违约金条款必须且只能给出 amount（固定金额）、share（按比例一次性）、"
                                      "rate（按日/月/年计）中的一个")
        if given[0] != "amount" and self.base is None:
            raise PydanticCustomError("penalty_base", "违约金按比例或按利率计算时必须写明计算基数 base（overdue_principal 逾期本金、"
                                      "overdue_amount 逾期本息、principal 借款本金、remaining_principal 剩余本金）")
        if given[0] == "amount" and self.base is not None:
            raise PydanticCustomError("penalty_base", "固定金额的违约金不需要计算基数 base")
        if self.share is not None and self.share > 1:
            raise PydanticCustomError("penalty_share", "share 是比例（0.05 表示 5%），不能大于 1")
        return self


class ProfessionalLending(Strict):
    """Facts the borrower knows that the lender lends to the public for profit (added:
    民间借贷规定第13条第(三)项). Counts are what the borrower can show, not guesses."""

    other_lawsuits: Optional[Annotated[int, Field(ge=0, le=100000)]] = None  # 出借人作为原告的其他借贷诉讼
    other_borrowers: Optional[Annotated[int, Field(ge=0, le=100000)]] = None  # 已知的其他借款人
    advertised: Optional[bool] = None  # 公开宣传放贷（广告、朋友圈、App、中介）
    facts: Optional[Text] = None  # 其他事实，原样写入证据清单

    @property
    def shown(self) -> bool:
        """Some fact of lending to the public is recorded."""
        return bool(self.advertised) or bool(self.other_lawsuits) or bool(self.other_borrowers)


class Rollover(Strict):
    """The IOU restates an earlier loan with its interest folded into the principal (利滚利; added:
    民间借贷规定第27条): the first loan's date and principal, and the interest folded in."""

    original_date: Day
    original_principal: Money
    folded_interest: Money


class Loan(Strict):
    lender: Optional[Name] = None
    product: Optional[Text] = None
    contract_number: Optional[Text] = None
    contract_date: Day
    disbursed_on: Optional[Day] = None
    principal: Money
    upfront_deductions: list[Deduction] = Field(default_factory=list, max_length=100)
    rate: Optional[RateSpec] = None
    overdue_rate: Optional[RateSpec] = None
    term_months: Optional[Annotated[int, Field(ge=1, le=600)]] = None
    term_days: Optional[Annotated[int, Field(ge=1, le=36600)]] = None
    method: Optional[RepaymentMethod] = None
    fees: list[Fee] = Field(default_factory=list, max_length=100)
    schedule: Optional[list[Installment]] = Field(default=None, max_length=1200)
    payments: list[Payment] = Field(default_factory=list, max_length=5000)
    contract_text: Optional[Text] = None
    clauses: Optional[list[LongText]] = Field(default=None, max_length=500)
    # added (docs/case-file.md): what the contract says about default, and facts about the lender
    penalty: Optional[PenaltyClause] = None  # 约定的违约金
    compound_interest: Optional[bool] = None  # 约定逾期后对未付利息计收复利
    accelerated_on: Optional[Day] = None  # 宣布提前到期（或解除合同）之日
    professional_lending: Optional[ProfessionalLending] = None
    rollover: Optional[Rollover] = None  # 利滚利：本借条的本金含有前期借款的利息

    @property
    def disbursement_date(self) -> dt.date:
        return self.disbursed_on or self.contract_date

    @property
    def received(self) -> Decimal:
        """实际到手金额: contract principal less upfront deductions (民法典第670条)."""
        return self.principal - sum((d.amount for d in self.upfront_deductions), Decimal("0.00"))


class Assignment(Strict):
    from_: Optional[Annotated[str, Field(max_length=200)]] = Field(default=None, alias="from")
    date: Optional[Day] = None
    notified: Optional[bool] = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, str_strip_whitespace=True)


class Wishes(Strict):
    """What the borrower wants if a lawful debt remains (added, docs/case-file.md): asked in the
    answer's 其他需要说明的内容 only when a lawful debt remains."""

    mediation: Optional[bool] = None  # 愿意调解
    monthly: Optional[Money] = None  # 每月能还的数额（请求分期履行）


class Card(Strict):
    """A bank credit-card suit (信用卡纠纷; added, docs/case-file.md): when the card fell into
    default and on what principal. ``loan.contract_date`` is the day the card agreement (领用合约)
    was made; ``claims`` split as the complaint does (透支本金, 透支利息, 违约金, 分期手续费…)."""

    overdue_since: Optional[Day] = None  # 首次逾期之日: the missed 到期还款日
    overdue_principal: Optional[Money] = None  # 逾期时的透支本金 (the statement's principal that day)


class Recourse(Strict):
    """What a guarantor or a 保证保险 insurer paid the lender for the borrower (代偿 / 理赔; added,
    docs/case-file.md): its recourse is limited to it."""

    paid_on: Optional[Day] = None  # 代偿日 / 理赔日
    amount: Optional[Money] = None  # 代偿 / 理赔金额


class CaseFile(Strict):
    version: int
    case_cause: Optional[Annotated[str, Field(max_length=100)]] = None
    court: Court
    service: Service
    plaintiff: Plaintiff
    defendant: Defendant
    claims: Claims = Field(default_factory=Claims)
    loan: Loan
    assignment: Optional[Assignment] = None
    wishes: Optional[Wishes] = None
    card: Optional[Card] = None
    recourse: Optional[Recourse] = None
    notes: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _version_first(cls, data: Any) -> Any:
        if isinstance(data, dict) and "version" in data and data["version"] != CASE_FILE_VERSION:
            raise PydanticCustomError(
                "version", "不支持的案件文件版本 {v}：本工具只读取 version 1", {"v": str(data["version"])[:10]}
            )
        return data

    @property
    def original_lender(self) -> Optional[str]:
        """The original lender when the file names one: ``loan.lender``, else ``assignment.from``."""
        return self.loan.lender or (self.assignment.from_ if self.assignment else None)

    @property
    def lender_name(self) -> str:
        """The original lender: ``loan.lender``, else ``assignment.from``, else the plaintiff."""
        return self.original_lender or self.plaintiff.name
