"""Which kinds of value a follow-up asks that its quotes never write (value_kinds.py)."""

from __future__ import annotations

import pytest

from citeqa.value_kinds import unwritten_kind

LEAD = "The designated safeguarding lead is Dana Reyes, reached on 0117 496 0321."


@pytest.mark.parametrize(
    ("words", "quote", "unwritten"),
    [
        (["email", "address"], LEAD, ["email", "address"]),
        (["fax", "number"], LEAD, ["fax", "number"]),
        (["phone", "number"], "The building manager is Tom Okafor.", ["phone", "number"]),
        (["adresse"], LEAD, ["adresse"]),
        (["courriel"], "Écrire à dana.reyes@example.org.", None),
        (["phone", "number"], LEAD, None),
        (["fax"], "Fax: +44 117 496 0399", None),
        (["address"], "The office is at 12 Kings Road, Bath.", None),
        (["adresse"], "Le bureau est au 4 rue des Lilas.", None),
        (["address"], "The office is on Kings Road, Bath.", None),
        (["coordonnees"], "Écrire à dana@example.org.", None),
        (["coordonnees"], "Le responsable est Tom Okafor.", ["coordonnees"]),
        (["number"], "There are twelve staff.", None),  # a count may be asked
        (["contact"], "Refunds are handled by Lena Hartmann.", None),  # a person may be
        ([], "anything", None),
        (["inclusion"], "anything", None),
    ],
)
def test_a_kind_asked_is_unwritten_unless_a_quote_writes_its_shape(
    words: list[str], quote: str, unwritten: list[str] | None
) -> None:
    assert unwritten_kind(words, [quote]) == unwritten
