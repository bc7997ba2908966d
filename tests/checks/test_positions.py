"""checks/positions.py: the engine's item keys are the form's, item for item."""

from respond.checks.positions import FORM_ITEMS
from respond.templates.forms import FORMS


def test_form_items_are_the_forms_keys_in_order():
    for key, form in FORMS.items():
        claims, facts = FORM_ITEMS[key]
        assert claims == tuple(i.key for i in form.claims)
        assert facts == tuple(i.key for i in form.facts)
    assert set(FORM_ITEMS) == set(FORMS)
