"""A contract read for the clause library: its sentences, who each party is, which options count.

:func:`read_contract` puts together what the other modules find — the sentences and their numbered
units (``contract_text``), the parties' roles in each agreement (``contract_roles``) and the chosen
options (``contract_options``) — and gives each sentence the form the clause patterns see: match
form with every party alias replaced by its role's token.
"""

from __future__ import annotations

from dataclasses import dataclass

from respond.checks.contract_options import mark_options
from respond.checks.contract_roles import LETTERS, Roles, read_roles
from respond.checks.contract_text import Sentence, match_form, split_agreements, split_sentences


@dataclass(frozen=True)
class ContractReading:
    """``forms[i]`` is what the patterns see of ``sentences[i]``; ``notes`` are for the user (Chinese):
    roles that had to be assumed, choices left blank."""

    sentences: list[Sentence]
    forms: list[str]
    roles: list[Roles]
    notes: list[str]

    def live(self, i: int) -> bool:
        """Is sentence ``i`` part of the agreement (not an option left unchosen or blank)?"""
        return self.sentences[i].option in (None, "chosen")


def read_contract(text: str, roles: list[Roles] | None = None) -> ContractReading:
    """Read ``text``; ``roles`` (one per agreement) overrides what its definitions say — for a pasted
    clause, which has none, the contract text's roles."""
    agreements = split_agreements(text)
    if roles is None:
        roles = [read_roles(text[a.start:a.end]) for a in agreements]
        # a short name (投复利, 人人信) keeps its meaning in the agreements after the one defining it;
        # the letters 甲方/乙方 are each agreement's own
        names: dict[str, str] = {}
        for k, r in enumerate(roles):
            inherited = {n: role for n, role in names.items() if n not in r.aliases}
            if inherited:
                roles[k] = Roles({**r.aliases, **inherited}, r.defined, r.warning)
            names.update({n: role for n, role in r.aliases.items() if n in r.defined and n not in LETTERS})
    sentences, notes = mark_options(text, split_sentences(text))
    forms = [roles[min(s.agreement, len(roles) - 1)].role_form(match_form(s.text)) for s in sentences]
    notes = [r.warning for r in roles[:len(agreements)] if r.warning] + notes
    return ContractReading(sentences, forms, roles, list(dict.fromkeys(notes)))
