"""Which kinds of value a follow-up, or a question asking one as its object, asks that its
quotes never write (value_kinds.py)."""

from __future__ import annotations

import pytest

from citeqa.value_kinds import asked_value_kinds, unwritten_asked_kind, unwritten_kind

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


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Quel est le numéro de téléphone de Nadia Roux ?", ["numero", "telephone"]),
        ("Quelle est l’adresse postale du club ?", ["adresse"]),
        ("What is Oliver Hart's email address?", ["email", "address"]),
        ("What is her phone number?", ["phone", "number"]),
        ("Quel est son e-mail ?", ["e-mail"]),
        ("Quel est le numéro du contrat ?", ["numero"]),  # no kind: unwritten_kind reads none
        ("À quel public s'adresse le programme ?", []),  # a verb
        ("Can warning labels address health disparities?", []),
        ("Are outcomes measured via phone interviews?", []),  # a noun's qualifier
        ("What is the printer's IP address?", []),
        ("What address does bind_address use when it is not set?", []),
    ],
)
def test_a_question_asks_a_kind_as_its_object_only_after_a_determiner(
    question: str, words: list[str]
) -> None:
    """s30: "Quel est le numéro de téléphone de Nadia Benali ?" quoted her row of a vote
    count; the others are dev questions (PIAF, PubMedQA, tables, notes) answered right."""
    assert asked_value_kinds(question) == words


def test_a_kind_asked_as_the_object_is_named_as_written_unless_a_quote_writes_one() -> None:
    """A phrase naming two kinds ("phone extension") is held by a value of either."""
    row = "| Présidente | Nadia Roux | 54 |"
    phone = "Quel est le numéro de téléphone de Nadia Roux ?"
    assert unwritten_asked_kind(phone, [row]) == "numéro de téléphone"
    assert unwritten_asked_kind(phone, ["Nadia Roux : 06 12 34 56 78"]) is None
    assert unwritten_asked_kind("Quelle est l’adresse postale du club ?", [row]) == "adresse"
    extension = "What is Ada Moreau's phone extension?"
    assert unwritten_asked_kind(extension, ["| Ada Moreau | 4417 |"]) is None
    assert unwritten_asked_kind("À quel public s'adresse-t-il ?", [row]) is None


@pytest.mark.parametrize(
    "quote",
    [
        "The server listens on 0.0.0.0:8080.",
        "Set bind_address to 127.0.0.1 in the config.",
        "It runs at localhost:8080.",
        "Le site est https://example.org",
        "Mairie de Saint-Rémy, 69000 Lyon",
    ],
)
def test_a_network_web_or_postcode_address_holds_an_address_asked(quote: str) -> None:
    """ "the address of the web server" on a software folder is an IP, a host and port or a URL,
    and a French address may be its postcode and town: none is a refusal."""
    assert unwritten_asked_kind("What is the address of the web server?", [quote]) is None
    assert unwritten_kind(["adresse"], [quote]) is None


def test_a_time_of_day_or_a_count_holds_no_address() -> None:
    question = "What is the address of the club?"
    assert unwritten_asked_kind(question, ["The meeting is at 10:30 on Monday."]) == "address"
    assert unwritten_asked_kind(question, ["The club has 40 members."]) == "address"
