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
    from respond.checks.positions import VERIFY, annex_attached

    unknown = run(loan={"rate": {"annual": 0.36}})
    paid = run(loan={"rate": {"annual": 0.36}, "payments": [{"date": "2024-04-15", "amount": "500.00"}]})
    assert unknown.ledger is not None and not annex_attached(unknown)
    assert annex_attached(paid)
    assert unknown.positions.claims["interest"].stance == VERIFY


def test_the_amount_is_admitted_only_with_a_disbursement_date():
    from factories import run
    from respond.checks.positions import AGREE, VERIFY

    assert run().positions.facts["amount"].stance == VERIFY
    assert run(loan={"disbursed_on": "2024-03-15"}).positions.facts["amount"].stance == AGREE
