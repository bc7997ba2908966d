"""Each clause rule: the wordings it must catch, the ones it must not (the negated and the fair forms),
and the same sentence as a PDF or a full-width text gives it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from respond.checks.clauses import clause_rules, find_clauses

# (code, sentence that must fire, sentence that must not) — the miss is the negated or fair form.
CASES = [
    ("CLAUSE_JURISDICTION",
     "因本合同引起的争议，由出借人住所地人民法院管辖。",
     "因本合同引起的争议，由借款人住所地人民法院管辖。"),
    ("CLAUSE_JURISDICTION",
     "双方同意，本合同项下争议提交杭州互联网法院诉讼解决。",
     "协商不成的，各方均可向有管辖权的人民法院起诉。"),
    ("CLAUSE_JURISDICTION",
     "协商不成的，任何一方可向本合同签署地（上海市浦东新区）人民法院起诉。",
     "仲裁裁决作出后，甲方可向乙方住所地人民法院申请执行。"),
    ("CLAUSE_ARBITRATION",
     "本合同争议提交广州仲裁委员会，依据其网络仲裁规则仲裁。",
     "因诉讼或仲裁产生的律师费由败诉方承担。"),
    ("CLAUSE_UPFRONT_DEDUCTION",
     "乙方同意甲方在放款当日从放款金额中扣除风险保证金人民币1,000元。",
     "甲方承诺在放款时不从借款本金中扣除任何利息和费用。"),
    ("CLAUSE_UPFRONT_DEDUCTION",
     "借款人实际到账金额为借款金额扣除平台服务费后的金额。",
     "借款人实际到账金额与借款金额一致，本平台免收服务费。"),
    ("CLAUSE_COMPOUND_INTEREST",
     "逾期未付的利息按逾期利率计收复息。",
     "甲方不对逾期利息计收复利。"),
    ("CLAUSE_COMPOUND_INTEREST",
     "借款人未按期支付的利息，并入本金计算利息。",
     "借款人应按期支付利息，利息不计入本金。"),
    ("CLAUSE_STACKED_CHARGES",
     "借款人逾期的，按日万分之五计收罚息，同时按应还未还金额的日0.1%支付滞纳金。",
     "借款人逾期的，按日万分之五计收罚息，出借人不另收滞纳金。"),
    ("CLAUSE_ACCELERATION",
     "乙方违约的，甲方有权宣布贷款加速到期。",
     "乙方可以申请提前还款，提前还款的，甲方按实际借款期间计算利息。"),
    ("CLAUSE_HIGH_PENALTY",
     "乙方违约的，应按借款金额的30%向甲方支付违约金。",
     "乙方违约的，甲方不收取违约金，仅按合同利率计收逾期利息。"),
    ("CLAUSE_HIGH_PENALTY",
     "借款人每逾期一天，须按未还金额的万分之十支付违约金。",
     "违约金、逾期利息合计以不超过法律规定的上限为限，按日计算违约金。"),
    ("CLAUSE_BUNDLED_SERVICES",
     "借款人须同时投保某某保险股份有限公司的个人借款保证保险，否则不予放款。",
     "借款人可自愿选择是否投保，是否投保不影响借款审批和利率。"),
    ("CLAUSE_UNILATERAL_CHANGE",
     "贷款人可随时调整本产品的息费标准，无需征得借款人同意。",
     "任何一方均不得单方变更本合同，本合同的变更须经双方协商一致。"),
    ("CLAUSE_CONTACTS_DATA",
     "借款人同意贷款人在借款人逾期时向其通讯录联系人发送催收短信。",
     "贷款人不会向借款人的通讯录联系人发送任何信息。"),
    ("CLAUSE_WAIVER",
     "借款人放弃就违约金过高请求调减的权利。",
     "出借人迟延行使权利的，不构成对该权利的放弃。"),
    ("CLAUSE_ASSIGNMENT_NO_NOTICE",
     "出借人转让本协议项下权利的，无须通知借款人。",
     "出借人转让本协议项下权利的，无须借款人同意，但应书面通知借款人。"),
    ("CLAUSE_COLLECTION_COSTS",
     "因借款人违约，出借人委外催收所产生的催收费用由借款人负担。",
     "诉讼费、保全费等按照人民法院的判决确定负担。"),
    ("CLAUSE_E_SERVICE",
     "借款人承诺，人民法院通过其预留的电子邮箱送达判决书、裁定书的，视为有效送达。",
     "甲方向乙方预留的电子邮箱发送的还款提醒，发出即视为送达。"),
    # a penalty is high when it is a share of a base or runs by the day; a fixed sum is not, nor a date
    # (…之日起, 30日, 1月1日) or an interest rate (年利率18%) in the same sentence
    ("CLAUSE_HIGH_PENALTY",
     "借款人逾期的，应按借款本金的20%收取违约金。",
     "借款年利率为18%，借款人逾期的，应支付违约金500元。"),
    ("CLAUSE_HIGH_PENALTY",
     "每逾期一日，借款人应按未还金额的0.5%支付违约金。",
     "逾期超过30日的，应一次性支付违约金200元。"),
    ("CLAUSE_HIGH_PENALTY",
     "违约金按日千分之五计算。",
     "乙方应于2026年1月1日前还款，否则支付违约金100元。"),
    # 未 directly before the verb negates it (未预先扣除, 未在本金中扣除, 未放弃); 未按期还款的 is a condition
    ("CLAUSE_UPFRONT_DEDUCTION",
     "借款人未提供担保的，甲方在放款时从借款本金中直接扣除风险保证金。",
     "借款本金中未预先扣除利息。"),
    ("CLAUSE_UPFRONT_DEDUCTION",
     "借款人未按期还款的，甲方有权在放款时预先扣除下一期利息。",
     "贷款人未在本金中扣除任何费用。"),
    ("CLAUSE_WAIVER",
     "乙方未按期还款的，自愿放弃对违约金提出调减的权利。",
     "乙方未放弃任何抗辩权。"),
    ("CLAUSE_ACCELERATION",
     "借款人未按期还款的，贷款人有权宣布借款提前到期。",
     "本合同不设提前到期条款。"),
    ("CLAUSE_HIGH_PENALTY",
     "借款人未按期还款的，每日按未还本金的0.1%支付违约金。",
     "借款人逾期的，按日计收逾期利息，违约金不予收取。"),  # the negation after the noun
    ("CLAUSE_STACKED_CHARGES",
     "借款人未按期还款的，按日计收罚息，并按未还本金的5%收取违约金。",
     "年利率18%，逾期后按此利率计收逾期利息，违约金不予收取。"),
    # a contract restating 民法典第670条 forbids 砍头息; it does not take it
    ("CLAUSE_UPFRONT_DEDUCTION",
     "甲方在放款时预先扣除全部利息，乙方按实际到账金额出具收据。",
     "借款利息不得预先在本金中扣除；预先扣除的，按实际借款数额返还借款并计算利息。"),
    # rules from the real agreements (issue 11): hit and miss from tests/clauses/real/
    ("CLAUSE_PREPAYMENT_CHARGES",
     "任何形式的提前还款不影响丙方向乙方收取在本协议第三条中说明的居间服务费。",  # p2p-zhengda-edai-loan
     "壹：无须支付提前还本违约金。"),  # bank-consumer-credit-line, the option not chosen
    ("CLAUSE_CROSS_DEFAULT",
     "借款人在其他融资活动中发生逾期或欠息。",  # guar-huanong-sme-loan-ins
     "借款人应按本合同约定的期限和金额按时足额还款。"),
    ("CLAUSE_EXEMPTION",
     "今借到平台对本文定义享有最终解释权。",  # app-jinjiedao-loan
     "因不可抗力导致本协议无法履行的，各方互不承担责任。"),
    ("CLAUSE_DEEMED_NOTICE",
     "短信或平台信息推送一经发出即视为已通知借款人。",  # app-jinjiedao-loan
     "乙方联系方式变更的，应及时书面通知甲方。"),
    ("CLAUSE_DATA_SHARING",
     "本人授权人人信可以将前述信息分享给必要的合作伙伴。",  # app-jinjiedao-credit-auth
     "乙方有权要求甲方对甲方提供的有关家庭资产、财务资料予以保密。"),  # bank-consumer-credit-line
    ("CLAUSE_PUBLIC_SHAMING",
     "丙方有权通过电视、报刊等媒体进行公告催收。",  # app-jinjiedao-loan
     "丙方有权在平台公告本协议的修订，修订自公告之日起生效。"),
    ("CLAUSE_ARBITRATION_PROCEDURE",
     "各方自愿放弃《仲裁规则》中规定的关于答辩的期限。",  # app-jubao-xjd-loan
     "仲裁裁决是终局的，对双方均有约束力。"),  # bank-consumer-credit-line
    ("CLAUSE_PERFORMANCE_PLACE",
     "合同签订地：杭州市西湖区",  # p2p-tuodao-car-loan
     "签订日期：${signDate}"),
]


def codes(text: str) -> set[str]:
    return {h.code for h in find_clauses(text)}


def test_every_rule_has_cases_here():
    assert {c for c, _, _ in CASES} == set(clause_rules())


# --- the causes issue 11 names, each with a hit and a miss from the real agreements ------------------

REAL_CAUSES = [
    # 罚息 on 逾期本息 is interest on interest; on the overdue principal it is not
    ("CLAUSE_COMPOUND_INTEREST",
     "罚息总额=逾期本息总额×对应罚息利率×逾期天数。",  # p2p-taipingyang-loan 5.5
     "如乙方逾期还款，则应按照下述条款向甲方支付逾期罚息，自逾期开始之后，逾期本金的正常利息停止计算。"),  # 5.4
    # 站内消息 as deemed notice; a notice effective on receipt is not
    ("CLAUSE_DEEMED_NOTICE",
     "站内消息一经发出即视为债权转让的通知依法有效送达借款人。",  # p2p-sanhao-loan 第九条
     "以传真发送，为该传真成功发送并由收件方收到之日；"),  # app-duandaiwang-loan 8.3
    # 提现前扣除 as upfront deduction; a fee taken from the account when repaying is not
    ("CLAUSE_UPFRONT_DEDUCTION",
     "借款人提现前扣除本合同约定的相关费用，才允许借款人提现。",  # p2p-sanhao-loan 第二条
     "综合服务费用：【】元，还款时一次性支付，借款人同意甲方有权直接在借款人的账户内直接收取综合服务费。"),  # duandaiwang 1.5
    # 以任何理由 as a waiver of defences; a duty to cooperate with a registration is not
    ("CLAUSE_WAIVER",
     "届时您不得以账号等重要信息丢失、被盗用等任何理由否认签约的效力及履行本电子协议的义务。",  # duandaiwang
     "乙方应配合办理抵押登记手续，不得以任何借口拒绝或者拖延甲方对车辆实施抵押登记。"),  # guar-fuze-auto 四、2
    ("CLAUSE_WAIVER",
     "甲方不能仅因为上述记录、记载、单据、凭证由乙方单方制作或保留，而提出异议。",  # bank-consumer-credit-line 第十四条
     "甲方未行使或部分行使本合同项下的任何权利，不构成对该权利的放弃。"),
    # 立即清偿 as acceleration; the pledgor's own right to ask for early payment is not
    ("CLAUSE_ACCELERATION",
     "乙方有权宣布各笔或单笔贷款立即到期，要求甲方立即清偿借款本息及相关费用。",  # bank-consumer-credit-line
     "分期款项发放人不能妥善保管质物可能使其灭失或者毁损的，出质人可以要求分期款项发放人将质物提存，或者要求提前清偿。"),  # ICBC 21.7
    # lawyer fees fixed as a share of the loan, even inside a guarantee's scope; a plain scope list is not
    ("CLAUSE_COLLECTION_COSTS",
     "甲方（借款人）：${realName}\n丙方(担保人)：\n丙方同意为本协议下甲方向债权人负有的按时清偿借款本息的义务提供连带保证责任，保证担保的范围为本协议项下的借款本金及利息、违约金、居间服务费，以及甲方根据本协议或适用的中国法律应支付的其他赔偿金和债权人实现本协议下债权的费用（包括仲裁费、保全费、保全担保费、差旅费、律师费（按照借款金额的10%计算）、执行费等）以及其他费用等。",  # app-jubao-xjd-loan 6.1
     "保证债务范围包括但不限于：1）应向出借人支付的借款本金、利息、罚息、违约金、赔偿金、实现债权的费用（包括但不限于诉讼费用、律师费用、公证费用、执行费用等）。"),  # app-jinjiedao-loan 十、3 (to 以及…)
    # the employer told of the default; 家庭联系人 is a noun, not the verb 联系
    ("CLAUSE_CONTACTS_DATA",
     "丙方有权将乙方违约失信的相关信息及乙方其他信息向媒体、用人单位、公安机关、检查机关、法律机关披露。",  # p2p-zhengda-edai-loan
     "乙方家庭联系人或紧急联系人工作单位、居住地址、住所电话、手机号码等。"),  # app-kuaijin-loan 9.1.2
    # 追偿 with the lender's costs on the borrower; 败诉方 bears them as the law says
    ("CLAUSE_COLLECTION_COSTS",
     "乙方有权以法律手段催收或追偿借款本息及由此产生的一切费用。",  # bank-consumer-credit-line 第十二条
     "相关的诉讼费、仲裁费、律师代理费等因追索权利而发生的合理费用均由败诉方承担。"),  # app-jinjiedao-loan 十三
]


@pytest.mark.parametrize("code, hit, miss", CASES + REAL_CAUSES)
def test_hit(code, hit, miss):
    assert code in codes(hit)


@pytest.mark.parametrize("code, hit, miss", CASES + REAL_CAUSES)
def test_miss(code, hit, miss):
    assert code not in codes(miss)


# --- the same sentence as real files give it --------------------------------------------------

_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}  # ASCII → full-width
_HALF = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%"}


def full_width(text: str) -> str:
    return "".join(_FULL.get(ch, ch) for ch in text)


def half_width(text: str) -> str:
    return "".join(_HALF.get(ch, ch) for ch in text)


@pytest.mark.parametrize("code, hit, miss", CASES)
def test_full_and_half_width_forms_give_the_same_result(code, hit, miss):
    for variant in (full_width(hit), half_width(hit)):
        assert code in codes(variant), variant
    for variant in (full_width(miss), half_width(miss)):
        assert code not in codes(variant), variant


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_spaces_and_line_breaks_from_pdf_extraction_change_nothing(data):
    """Spaces anywhere, and a line break where a page-width line would wrap (after ≥ 28 characters)."""
    code, hit, miss = data.draw(st.sampled_from(CASES))
    for sentence in (hit, miss):
        out = []
        for ch in sentence:
            out.append(ch)
            out.append(data.draw(st.sampled_from(["", "", "", " ", "  ", "\u3000"])))
        noisy = "".join(out)
        if len(sentence) > 30:
            cut = data.draw(st.integers(min_value=28, max_value=len(sentence) - 1))
            seen = 0
            for i, ch in enumerate(noisy):
                seen += not ch.isspace()
                if seen == cut:
                    noisy = noisy[:i + 1] + "\n" + noisy[i + 1:]
                    break
        assert (code in codes(noisy)) == (code in codes(sentence)), noisy


def test_numbers_with_pdf_spaces():
    assert "CLAUSE_HIGH_PENALTY" in codes("乙方应支付相当于借款本金 20 % 的违约金，即人民币 1, 000.00 元。")


def test_evidence_is_the_sentence_and_its_article():
    text = ("第五条 违约责任\n5.1 乙方逾期的，甲方有权宣布全部借款提前到期。\n"
            "5.2 乙方应向甲方支付相当于借款本金\n20%的违约金。")
    hits = find_clauses(text)
    assert [(h.code, h.article, h.sentence) for h in hits] == [
        ("CLAUSE_ACCELERATION", "第5.1条", "乙方逾期的，甲方有权宣布全部借款提前到期。"),
        ("CLAUSE_HIGH_PENALTY", "第5.2条", "乙方应向甲方支付相当于借款本金20%的违约金。"),
    ]
    s, e = hits[1].span
    assert text[s:e] == "乙方应向甲方支付相当于借款本金\n20%的违约金。"
    assert hits[0].part is None


def test_pasted_clauses_are_searched_and_numbered_when_they_carry_a_number():
    pasted = ["第十三条 争议由甲方住所地人民法院管辖。", "甲方有权将债权转让给第三方，无需通知乙方。"]
    hits = find_clauses(None, pasted)
    assert [(h.code, h.article, h.part) for h in hits] == [
        ("CLAUSE_JURISDICTION", "第十三条", 0), ("CLAUSE_ASSIGNMENT_NO_NOTICE", None, 1)]


def test_a_pasted_clause_repeating_the_contract_adds_nothing():
    text = "第十三条 争议由甲方住所地人民法院管辖。"
    hits = find_clauses(text, ["争议由甲方住所地 人民法院管辖。"])
    assert [(h.code, h.part) for h in hits] == [("CLAUSE_JURISDICTION", None)]


def test_no_text_no_hits_and_codes_filter():
    assert find_clauses(None, None) == []
    assert find_clauses("", []) == []
    text = "乙方逾期的，甲方有权宣布全部借款提前到期，乙方应支付借款本金20%的违约金。"
    assert {h.code for h in find_clauses(text, codes=["CLAUSE_HIGH_PENALTY"])} == {"CLAUSE_HIGH_PENALTY"}


def test_article_scope_joins_the_sentences_of_one_article():
    text = "第八条 逾期\n8.1 乙方逾期的，按日计收罚息。\n8.2 乙方另应支付逾期管理费。\n第九条 其他\n9.1 违约金另计。"
    hits = [h for h in find_clauses(text) if h.code == "CLAUSE_STACKED_CHARGES"]
    assert [(h.article, h.sentence) for h in hits] == [("第八条", "乙方逾期的，按日计收罚息。……乙方另应支付逾期管理费。")]


def test_article_scope_does_not_join_different_articles():
    text = "第八条 逾期\n乙方逾期的，按日计收罚息。\n第九条 违约金\n乙方违约的，应另行支付违约金。"
    assert "CLAUSE_STACKED_CHARGES" not in codes(text)


def test_a_cap_anywhere_in_the_article_silences_stacking():
    text = "第八条 逾期\n乙方逾期的，按日计收罚息并收取违约金。\n罚息、违约金合计不超过年利率24%。"
    assert "CLAUSE_STACKED_CHARGES" not in codes(text)


def test_a_fixed_sum_penalty_is_not_a_high_penalty():
    for text in ("第九条 借款人自逾期之日起，应支付违约金200元。", "逾期超过30日的，应一次性支付违约金200元。",
                 "乙方应于2026年1月1日前还款，否则支付违约金100元。",
                 "借款年利率为18%，借款人逾期的，应支付违约金500元。"):
        assert "CLAUSE_HIGH_PENALTY" not in codes(text), text
    for text in ("按借款本金的20%收取违约金。", "每逾期一日按未还金额的0.5%支付违约金。", "违约金按日千分之五计算。",
                 "第九条 借款人自逾期之日起，应按逾期金额日0.05%支付违约金。"):
        assert "CLAUSE_HIGH_PENALTY" in codes(text), text


def test_a_negation_after_the_charge_cancels_it():
    text = "年利率18%，逾期后按此利率计收逾期利息，违约金不予收取。"
    assert codes(text) == set()
    assert {"CLAUSE_HIGH_PENALTY", "CLAUSE_STACKED_CHARGES"} <= codes("逾期后按日计收逾期利息，违约金按未还本金的1%收取。")


def test_wei_negates_only_the_verb_it_stands_before():
    for text in ("借款本金中未预先扣除利息。", "贷款人未在本金中扣除任何费用。", "乙方未放弃任何抗辩权。", "本合同不设提前到期条款。"):
        assert codes(text) == set(), text
    assert "CLAUSE_HIGH_PENALTY" in codes("乙方未按期还款的，应按未还本金的千分之五支付违约金。")
    assert "CLAUSE_UPFRONT_DEDUCTION" in codes("借款人未在还款日还款的，甲方在放款时直接扣除的服务费不予退还。")


def test_restating_article_670_is_not_upfront_deduction():
    text = "第六条 借款利息不得预先在本金中扣除；预先扣除的，按实际借款数额返还借款并计算利息。"
    assert "CLAUSE_UPFRONT_DEDUCTION" not in codes(text)
    assert "CLAUSE_UPFRONT_DEDUCTION" in codes("第六条 甲方在放款时预先扣除利息。借款利息不得预先在本金中扣除。")


def test_cross_reference_is_not_the_operative_clause():
    text = "第十条 违约处理\n（一）按照本合同第六条的约定计收罚息和复利；"
    assert "CLAUSE_COMPOUND_INTEREST" not in codes(text)


# --- sentences written apart from the rules ------------------------------------------------------
# Written after the rules, before running them, to see how the patterns generalise: 45 clauses to
# catch (5 were missed the first time and fixed since) and 29 fair ones (none fired). Kept as a
# regression set; new wordings go here first.

HELD_OUT_HITS = [
    ("CLAUSE_JURISDICTION", "本合同项下发生的争议，由贷款人所在地有管辖权的人民法院管辖。"),
    ("CLAUSE_JURISDICTION", "各方同意，因本协议产生的纠纷由协议签订地即上海市黄浦区人民法院管辖。"),
    ("CLAUSE_JURISDICTION", "如协商不成，任何一方均可向出借方注册地人民法院提起诉讼。"),
    ("CLAUSE_ARBITRATION", "双方同意将争议提交深圳国际仲裁院，按照申请仲裁时该院有效的仲裁规则进行仲裁。"),
    ("CLAUSE_UPFRONT_DEDUCTION", "借款人同意出借人在放款时将风险保证金从借款金额中直接扣除。"),
    ("CLAUSE_UPFRONT_DEDUCTION", "砍头息：平台服务费于放款时一次性收取。"),
    ("CLAUSE_UPFRONT_DEDUCTION", "借款本金扣除审核费、账户管理费后的余额为实际放款金额。"),
    ("CLAUSE_COMPOUND_INTEREST", "对应付未付的利息，贷款人有权按本合同约定的罚息利率计收复利。"),
    ("CLAUSE_COMPOUND_INTEREST", "借款人逾期支付的利息将转为本金计息。"),
    ("CLAUSE_STACKED_CHARGES", "逾期期间，借款人除应按罚息利率支付罚息外，还应按日支付逾期本金万分之五的滞纳金。"),
    ("CLAUSE_ACCELERATION", "甲方有权要求乙方立即清偿本合同项下全部未还本金、利息及费用。"),
    ("CLAUSE_ACCELERATION", "借款人出现违约情形的，本合同项下全部借款自动提前到期。"),
    ("CLAUSE_HIGH_PENALTY", "借款人违约的，应按借款总额的百分之三十向出借人支付违约金。"),
    ("CLAUSE_HIGH_PENALTY", "乙方逾期还款的，每日按应还金额的5‰支付违约金。"),
    ("CLAUSE_BUNDLED_SERVICES", "借款人在申请借款时须购买本平台的“极速卡”权益，权益费为每月99元。"),
    ("CLAUSE_BUNDLED_SERVICES", "借款人应投保个人借款保证保险，并向保险公司支付保费，否则贷款人不予放款。"),
    ("CLAUSE_UNILATERAL_CHANGE", "本平台保留随时修改本协议的权利，修改后的协议一经公布即生效。"),
    ("CLAUSE_UNILATERAL_CHANGE", "出借人可根据市场情况单方调整借款利率，并以短信方式告知借款人。"),
    ("CLAUSE_CONTACTS_DATA", "借款人同意平台在借款人逾期后联系其通讯录中的联系人。"),
    ("CLAUSE_CONTACTS_DATA", "借款人授权贷款人采集其手机通讯录信息。"),
    ("CLAUSE_WAIVER", "借款人不可撤销地放弃对本合同项下债务的一切抗辩权。"),
    ("CLAUSE_WAIVER", "借款人同意不就违约金、罚息标准向法院申请调整。"),
    ("CLAUSE_ASSIGNMENT_NO_NOTICE", "贷款人有权将本合同项下债权转让予第三方，转让时无须另行通知借款人。"),
    ("CLAUSE_ASSIGNMENT_NO_NOTICE", "出借人转让债权的，在平台公告即视为已履行通知义务。"),
    ("CLAUSE_COLLECTION_COSTS", "因借款人逾期产生的催收费用、律师费用由借款人承担。"),
    ("CLAUSE_COLLECTION_COSTS", "乙方应赔偿甲方为实现债权支出的全部费用，包括但不限于诉讼费、律师费、差旅费。"),
    ("CLAUSE_E_SERVICE", "借款人同意法院通过其注册手机号码、微信等电子方式送达法律文书。"),
    ("CLAUSE_E_SERVICE", "借款人确认上述电子邮箱为诉讼阶段的送达地址，同意电子送达。"),
    ("CLAUSE_JURISDICTION", "发生争议时，双方同意由丙方所在地的人民法院管辖。"),
    ("CLAUSE_JURISDICTION", "本协议适用中华人民共和国法律，争议由北京市朝阳区人民法院管辖。"),
    ("CLAUSE_ARBITRATION", "凡因本合同引起的争议，均应提交上海仲裁委员会仲裁。"),
    ("CLAUSE_UPFRONT_DEDUCTION", "首期利息在放款时由出借人先行扣收。"),
    ("CLAUSE_UPFRONT_DEDUCTION", "借款人同意平台自放款资金中直接扣收居间服务费。"),
    ("CLAUSE_COMPOUND_INTEREST", "逾期后，未付利息按日计收复利，利随本清。"),
    ("CLAUSE_STACKED_CHARGES", "借款人逾期的，应按日支付罚息，并按逾期金额的2%一次性支付违约金。"),
    ("CLAUSE_ACCELERATION", "乙方出现违约事件时，甲方可以提前收回全部借款。"),
    ("CLAUSE_HIGH_PENALTY", "违约金按照逾期本金每日千分之三计算。"),
    ("CLAUSE_BUNDLED_SERVICES", "借款人申请借款前，应当先开通会员服务，会员服务费一次性收取。"),
    ("CLAUSE_UNILATERAL_CHANGE", "服务费费率如有调整，以平台届时公布的标准为准，无需另行征得借款人同意。"),
    ("CLAUSE_CONTACTS_DATA", "借款人授权平台获取其通讯录信息用于贷后催收。"),
    ("CLAUSE_CONTACTS_DATA", "如借款人逾期，平台有权将逾期信息告知借款人的亲友及同事。"),
    ("CLAUSE_WAIVER", "借款人自愿放弃诉讼时效抗辩。"),
    ("CLAUSE_ASSIGNMENT_NO_NOTICE", "出借人可以将本合同项下的权利转让给任何第三方，借款人同意出借人无需通知借款人。"),
    ("CLAUSE_COLLECTION_COSTS", "借款人承担出借人因追讨欠款发生的差旅费、律师费。"),
    ("CLAUSE_E_SERVICE", "借款人同意人民法院通过短信方式向其送达起诉状副本、传票等诉讼文书。"),
    # a fair clause until issue 11: the lender's own notice deemed received when sent
    ("CLAUSE_DEEMED_NOTICE", "甲方通过App推送的消息，推送成功即视为送达乙方。"),
]

HELD_OUT_MISSES = [
    "甲方承诺，本合同项下借款不收取任何形式的服务费、管理费。",
    "出借人不会以任何形式预先扣除利息。",
    "借款人可以自主决定是否购买保险，保险并非放款条件。",
    "本合同不计收复利，逾期利息不计入本金。",
    "借款人未按期还款的，按合同利率加收30%作为逾期利息，除此之外不收取违约金。",
    "借款人应当按期归还借款本息。",
    "借款人可以随时申请提前结清全部借款。",
    "贷款人转让债权后，应当及时通知借款人。",
    "任何一方均有权向被告所在地人民法院提起诉讼。",
    "贷款人应当依法保护借款人的个人信息，未经借款人同意，不得向任何第三方提供。",
    "借款人的联系人信息发生变更的，应及时更新。",
    "本合同经双方协商一致可以书面变更。",
    "甲方未行使权利不视为放弃。",
    "诉讼费用由人民法院依法决定负担。",
    "贷款人通过短信发送的还款提醒视为已送达。",
    "借款到期后，借款人应一次性归还全部本金。",
    "利率调整后，贷款人将通过短信方式通知借款人。",
    "本合同项下借款的利息按月支付，不得预先从本金中扣收。",
    "甲方不收取会员费，借款与是否开通会员无关。",
    "逾期利息按合同利率计算，不计复利，亦不收取违约金。",
    "借款人可以随时申请提前结清，提前结清不收取违约金。",
    "平台不会收集借款人的通讯录信息。",
    "借款人的紧急联系人仅用于核实借款人身份，平台不会向其透露借款信息。",
    "债权转让应当通知借款人，未经通知，该转让对借款人不发生效力。",
    "本协议的修改须经双方书面同意。",
    "因本合同发生的争议，依法由有管辖权的人民法院管辖。",
    "仲裁费、诉讼费由败诉方承担。",
    "保证人的保证范围包括本金、利息、罚息、违约金和实现债权的费用。",
]


@pytest.mark.parametrize("code, sentence", HELD_OUT_HITS)
def test_held_out_hit(code, sentence):
    assert code in codes(sentence)


@pytest.mark.parametrize("sentence", HELD_OUT_MISSES)
def test_held_out_fair_clause_fires_nothing(sentence):
    assert codes(sentence) == set()


def test_wording_named_in_the_issue_from_texts_not_in_the_corpus():
    assert "CLAUSE_UPFRONT_DEDUCTION" in codes("平台在借款资金划转时一次性扣收借款期限内的全部服务费。")
    assert "CLAUSE_UPFRONT_DEDUCTION" in codes("借款人应于放款当天付清全部担保服务费。")
    assert "CLAUSE_CONTACTS_DATA" in codes("借款人逾期的，平台有权敦促借款人的紧急联系人代为还款。")
