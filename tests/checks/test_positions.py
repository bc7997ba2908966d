"""checks/positions.py: the engine's item keys are the form's, item for item."""

from respond.checks.positions import FORM_ITEMS
from respond.templates.forms import FORMS


def test_form_items_are_the_forms_keys_in_order():
    for key, form in FORMS.items():
        claims, facts = FORM_ITEMS[key]
        assert claims == tuple(i.key for i in form.claims)
        assert facts == tuple(i.key for i in form.facts)
    assert set(FORM_ITEMS) == set(FORMS)


def test_the_annex_needs_the_payments():
    """A ledger runs on every case over the cap, but it is attached only on payments the file gives."""
    from factories import run
    from respond.checks.positions import OBJECT, annex_attached

    unknown = run(loan={"rate": {"annual": 0.36}})
    paid = run(loan={"rate": {"annual": 0.36}, "payments": [{"date": "2024-04-15", "amount": "500.00"}]})
    assert unknown.ledger is not None and not annex_attached(unknown)
    assert annex_attached(paid)
    # the rate is over the cap on the contract's own terms: objected to, without a figure
    assert unknown.positions.claims["interest"].stance == OBJECT


def test_the_amount_is_admitted_only_with_a_disbursement_date():
    from factories import run
    from respond.checks.positions import AGREE, VERIFY

    assert run().positions.facts["amount"].stance == VERIFY
    assert run(loan={"disbursed_on": "2024-03-15"}).positions.facts["amount"].stance == AGREE


def test_notice_wording_is_read_in_the_contract_text_and_the_pasted_clauses():
    import datetime as dt

    from factories import case_dict
    from respond.case.load import parse_case
    from respond.checks.analyse import analyse
    from respond.checks.calendar import default_calendar
    from respond.checks.lpr import package_table

    def notice(clauses, text):
        case = parse_case(case_dict(loan={"clauses": clauses} if clauses else {})).case
        return analyse(case, today=dt.date(2026, 11, 21), calendar=default_calendar(), lpr=package_table(),
                       contract_text=text).notice_claimed

    plain = "第一条 借款金额一万元。"
    assert notice(["第九条 本条款已以加粗字体提示。"], plain) is True  # pasted clause, with a contract text
    assert notice(None, plain + "\n本合同重要条款已以加粗方式特别提示。") is True
    assert notice(["第九条 争议由甲方住所地法院管辖。"], plain) is False


def test_costs_have_no_room_once_the_charges_reach_the_cap():
    from factories import run

    paid = [{"date": "2024-04-15", "amount": "500.00"}]
    over = run(loan={"rate": {"annual": 0.36}, "payments": paid},
               claims={"interest": "9000.00", "legal_costs": "1500.00"})
    within = run(loan={"rate": {"annual": 0.072}, "payments": paid}, claims={"legal_costs": "1500.00"})
    keys = lambda a: [p.key for p in a.positions.claims["enforcement_costs"].parts]  # noqa: E731
    assert "costs.cap_used" in keys(over)
    assert "costs.cap_used" not in keys(within)
