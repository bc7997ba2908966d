"""Parties' roles, option lists and placeholders, on excerpts of the real agreements (tests/clauses/real/)."""

from __future__ import annotations

from respond.checks.clauses import find_clauses
from respond.checks.contract_options import mark_options
from respond.checks.contract_roles import BORROWER, GUARANTOR, LENDER, PLATFORM, read_roles
from respond.checks.contract_text import split_sentences

# bank-consumer-credit-line.txt (建设银行): the bank is 乙方
BANK = ("个人消费额度借款合同\n甲方(借款人)：${borrowerName}\n乙方(贷款人)：中国建设银行股份有限公司${branch}\n"
        "第二十八条  对第十四条的约定\n本合同适用中华人民共和国法律。\n"
        "凡因本合同引起的或与本合同有关的任何争议，可以通过协商解决，协商不成，按以下第 壹 种方式解决；\n\n"
        "壹：向乙方住所地人民法院起诉。\n\n"
        "贰：提交 此栏空白 仲裁委员会(仲裁地点为 此栏空白 )，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。仲裁裁决是终局的，对双方均有约束力。\n\n"
        "在诉讼或仲裁期间，本合同不涉及争议部分的条款仍须履行。")


def test_letters_take_their_roles_from_the_definitions():
    assert read_roles(BANK).aliases == {"甲方": BORROWER, "乙方": LENDER}
    # app-jinjiedao-loan.txt and p2p-sanhao-loan.txt: 甲方 is the borrower; a brand name is the platform
    roles = read_roles("甲方（借款人）：${name}\n乙方（出借人）：${lender}\n丙方（居间服务商）：深圳市人人信金融服务有限公司"
                       "（以下简称“人人信”）\n丁方（担保人）：${guarantor}")
    assert roles.aliases == {"甲方": BORROWER, "乙方": LENDER, "丙方": PLATFORM, "人人信": PLATFORM, "丁方": GUARANTOR}
    assert roles.warning is None
    # guar-huarong-entrust.txt: a name with its letter; the undefined 乙方 is the other side
    roles = read_roles("深圳市华融融资担保有限公司（以下简称甲方）\n                （以下简称乙方）\n甲方为乙方提供担保。")
    assert roles.aliases == {"甲方": GUARANTOR, "乙方": BORROWER}


def test_undefined_letters_are_assumed_and_said_so():
    roles = read_roles("甲方向乙方出借人民币一万元。")
    assert roles.aliases == {"甲方": LENDER, "乙方": BORROWER}
    assert "没有写明甲方、乙方各是谁" in roles.warning


def test_a_jurisdiction_at_the_banks_seat_is_found_when_the_bank_is_yifang():
    hits = find_clauses(BANK, codes=["CLAUSE_JURISDICTION"])
    assert [(h.code, h.sentence) for h in hits] == [("CLAUSE_JURISDICTION", "壹：向乙方住所地人民法院起诉。")]
    # the same clause where 乙方 is the borrower: the borrower's own court is not a ground
    borrower_court = BANK.replace("甲方(借款人)", "甲方(贷款人)").replace("乙方(贷款人)", "乙方(借款人)")
    assert find_clauses(borrower_court, codes=["CLAUSE_JURISDICTION"]) == []


def test_only_the_chosen_option_counts():
    sentences, notes = mark_options(BANK, split_sentences(BANK))
    options = [(s.option, s.text[:8]) for s in sentences if s.option]
    assert options == [("chosen", "壹：向乙方住所地"), ("unchosen", "贰：提交此栏空白"), ("unchosen", "仲裁裁决是终局的")]
    assert notes == []
    assert find_clauses(BANK, codes=["CLAUSE_ARBITRATION"]) == []  # option 贰 was not chosen


def test_a_blank_choice_matches_no_option_and_is_noted():
    # bank-icbc-auto-installment.txt, 第三十条
    text = ("第三十条 争议解决\n本合同履行过程中发生纠纷，各方应积极协商解决；协商不成，按下列第___种方式解决：\n"
            "30.1提交_____仲裁委员会在_____进行仲裁。\n30.2向分期款项发放人所在地人民法院提起诉讼。\n"
            "30.3向合同签订地人民法院提起诉讼（合同签订地：_______）。\n第三十一条 其他")
    notes: list[str] = []
    assert find_clauses(text, notes=notes) == []
    assert len(notes) == 1 and "选择处是空白" in notes[0] and "第三十条" in notes[0]
    chosen = text.replace("第___种", "第30.2种").replace("按下列第30.2种", "按下列第2种")
    assert [h.code for h in find_clauses(chosen)] == ["CLAUSE_JURISDICTION"]


def test_a_placeholder_is_never_cut():
    # bank-icbc-auto-installment.txt 4.2: ${bankName !''} holds a "!"
    text = "第四条 放款\n4.2 分期付款申请人授权委托分期款项发放人${bankName !''} 将信用卡进行启用；"
    assert [s.text for s in split_sentences(text)][-1] == "分期付款申请人授权委托分期款项发放人${bankName !''}将信用卡进行启用；"


def test_a_clause_cut_in_two_by_a_full_stop_is_read_as_one():
    # app-jinjiedao-loan.txt, 十一、债权转让: the transfer, then the deemed notice
    text = ("十一、债权转让\n出借人有权将本协议项下的部分或全部债权转让给人人信或借到平台上的其他注册用户，出借人委托人人信将债权转让"
            "事项通过向借款人在今借到平台注册手机号码发送短信或平台信息推送的方式通知借款人。短信或平台信息推送一经发出即视为已通知借款人。\n"
            "十二、其他\n本协议自签署之日起生效。")
    hits = find_clauses(text, codes=["CLAUSE_ASSIGNMENT_NO_NOTICE"])
    assert len(hits) == 1 and hits[0].sentence.endswith("短信或平台信息推送一经发出即视为已通知借款人。")
    assert hits[0].sentence.startswith("出借人有权将本协议项下")
    # the notice alone, with no transfer before it, is the deemed-notice rule only
    alone = "十一、通知\n短信或平台信息推送一经发出即视为已通知借款人。\n十二、其他\n本协议自签署之日起生效。"
    assert find_clauses(alone, codes=["CLAUSE_ASSIGNMENT_NO_NOTICE"]) == []
    assert [h.code for h in find_clauses(alone, codes=["CLAUSE_DEEMED_NOTICE"])] == ["CLAUSE_DEEMED_NOTICE"]


def test_an_option_typed_with_a_letter_l_is_option_one():
    # guar-huarong-entrust.txt 10.1: a blank choice, options （l） and （2）
    text = ("第十条 争议解决\n10.1 当协商无法解决时，应按以下第   项规定的方式解决争议。\n\n（l）向甲方住所地人民法院提起诉讼。\n\n"
            "（2）向深圳仲裁委员会申请仲裁。\n第十一条 其他")
    notes: list[str] = []
    assert find_clauses(text, notes=notes) == []
    assert "选择处是空白" in notes[0]
