"""Words for people's roles, shared by the checks that tell a person from a thing and a name from a
description."""

from __future__ import annotations

_PERSON_TEXT = """
    mr mrs ms miss dr sir dame lord lady prof professor president senator judge officer actor actress
    singer star player striker coach manager captain chef minister member leader doctor director
    chairman activist author writer founder spokesman spokeswoman mother father wife husband son
    daughter boss presenter teacher student victim owner mayor governor secretary chancellor champion
    boxer jockey trainer mp pupil principal head driver deputy candidate commissioner prosecutor boyfriend
    girlfriend partner brother sister nurse surgeon footballer midfielder defender goalkeeper rider
    comedian musician artist scientist researcher lawyer attorney detective soldier pilot carer tenant"""
PERSON_TITLES = frozenset(_PERSON_TEXT.split())
"""Words before a name (or after its comma) that make it a person."""
FORMS_OF_ADDRESS = frozenset({"mr", "mrs", "ms", "miss", "mx"})
"""Titles that only address someone: they name no role (nobody is a "former Mrs")."""
