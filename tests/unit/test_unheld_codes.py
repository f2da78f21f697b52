"""A question naming a record by a long number or a code, answered by a quote of another
record of that kind, abstains naming the ids the quote writes (unheld_codes.py)."""

from __future__ import annotations

import pytest

from citeqa.abstention import no_held_id, unmatched_words
from citeqa.lexical import tokenize
from citeqa.questions import QuestionTerms, Vocabulary, analyse, clean_question
from citeqa.unheld_codes import (
    CUT_MARK,
    AskedId,
    UnheldCode,
    asked_codes,
    id_writings,
    same_shape,
    unheld_code,
)

ROW = (
    "| 1107 | 2026-03-18T14:40:00Z | solved | Robert Hughes | Refund for order 48213 | I sent"
    " back the Thermo One Pro from order 48213 on 10 March (tracking 6A01928374650). |"
)


def test_a_long_order_number_the_quoted_row_does_not_write_abstains_naming_its_own() -> None:
    # s25 trial: order 48213's refund row quoted for order 51877 (.64)
    found = unheld_code("What was the refund for order 51877?", [ROW])
    assert found == UnheldCode("order 51877", ["order 48213"])


def test_a_code_of_the_same_capitals_quoted_instead_abstains() -> None:
    # s25 trial: "Error E47 means…" quoted for E52 (.38)
    quote = "Error E47 means the temperature probe is disconnected. Check the probe cable."
    assert unheld_code("What does error E52 mean?", [quote]) == UnheldCode("E52", ["E47"])
    assert unheld_code("Que signifie l'erreur E-52 ?", ["Erreur E52 : sonde absente."]) is None


def test_an_id_written_with_another_hyphen_is_written() -> None:
    # s34 hostile M1: "HT\u2011INV\u20114483" (non-breaking hyphens) was claimed never written
    for hyphen in "\u2010\u2011\u2013\u2212":
        text = f"Facture HT-INV-4482 annulée.\nFacture HT{hyphen}INV{hyphen}4483 payée.\n"
        assert unheld_code("Montant de la facture HT-INV-4483 ?", [text], [text]) is None
    other = "La facture HT-INV-4482 est annulée.\n"
    found = unheld_code("Montant de la facture HT-INV-4483 ?", [other], [other])
    assert found == UnheldCode("HT-INV-4483", ["HT-INV-4482"])


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("What was the refund for order 48213?", [ROW]),  # the row writes it
        ("What was the refund for order 51877?", ["Refunds take 5 to 10 days."]),  # no other id
        ("Combien pour la commande n° 50321 ?", ["Commande 50321 : double prélèvement"]),
        ("Who approves refunds above 1000 €?", ["above 5000 €: the director"]),  # an amount
        ("What changed in 2026?", ["In 2025 the price rose."]),  # a year
        ("What does error E52 mean?", ["The probe codes are listed in the manual."]),
        ("What was the refund for order 51877?", ["ticket 12345 was refunded"]),  # other key
    ],
)
def test_a_quote_writing_the_id_or_no_other_of_its_shape_stands(
    question: str, quoted: list[str]
) -> None:
    assert unheld_code(question, quoted) is None


def test_a_quoted_document_writing_the_asked_code_is_about_it() -> None:
    # s22 trial: a thread on BH-17 answers "from BH-09"
    question = "Where does the spare impeller for BH-17 come from?"
    quote = "I can take the spare impeller from BH-09 in the meantime."
    assert unheld_code(question, [quote]) == UnheldCode("BH-17", ["BH-09"])
    thread = "BH-17 pump failed this morning.\n" + quote
    assert unheld_code(question, [quote], [thread]) is None


def test_asked_ids_are_long_keyed_numbers_and_codes_not_years_amounts_or_versions() -> None:
    asked = asked_codes("order 51877, ticket #1042, VT-100, E52, in 2026, above 1500, v2.3, 3.4.0")
    assert [a.written for a in asked] == ["order 51877", "ticket #1042", "VT-100", "E52"]


@pytest.mark.parametrize(
    ("question", "written", "other"),
    [  # s25 review D: the id's other written forms read as another record's
        ("Where does the spare pump for HD-42 come from?", "HD-0042", "HD-0043"),
        ("Where does the spare pump for HD-0042 come from?", "HD 42", "HD-43"),
        ("What does error E52 mean?", "E-052", "E-047"),
        ("What was the budget in FY2024?", "FY 2024", "FY2023"),
        ("La commande 51877 a-t-elle été remboursée ?", "commande 51 877", "commande 48213"),
        ("La commande 51877 a-t-elle été remboursée ?", "commande 51\u00a0877", "commande 48213"),
        ("La commande 51877 a-t-elle été remboursée ?", "commande 51\u202f877", "commande 48213"),
    ],
)
def test_an_id_written_with_leading_zeros_a_space_or_digit_groups_is_held(
    question: str, written: str, other: str
) -> None:
    quote = f"The part for {written} comes from Lyon; {other} is served from Nice."
    assert unheld_code(question, [quote]) is None
    assert unheld_code(question, [f"The part for {other} comes from Nice."]) is not None


def test_a_lowercase_letter_then_a_space_is_no_code() -> None:
    quote = "Printers accept A3 and A5 sheets; a 4 page leaflet is included."
    assert unheld_code("Can printers use A4 sheets?", [quote]) == UnheldCode("A4", ["A3", "A5"])
    assert unheld_code("Can printers use A4 sheets?", ["Use a4 or A3 sheets."]) is None


def test_a_number_of_another_record_is_no_digit_group_of_the_asked() -> None:
    quote = "La commande 51 876 et la commande 48213 ont été remboursées."
    found = unheld_code("La commande 51877 a-t-elle été remboursée ?", [quote])
    assert found == UnheldCode("commande 51877", ["commande 48213"])


def test_a_number_after_the_asked_id_is_no_digit_group_of_it() -> None:
    # s25 review E: "51877 100" was joined into 51877100, a refusal naming the asked id
    quote = "Order 51877 100 € refunded; order 48213 kept."
    assert unheld_code("What was the refund for order 51877?", [quote]) is None
    found = unheld_code("What was the refund for order 51877?", ["Order 51876 and 48213."])
    assert found == UnheldCode("order 51877", ["Order 51876"])


def test_the_asked_id_written_in_another_case_is_no_other_id() -> None:
    quote = "Order 51877 100 € refunded; order 48213 kept."
    asked = asked_codes("What was the refund for order 51877?")[0]
    assert same_shape(quote, asked) == ["order 48213"]


@pytest.mark.parametrize(
    "question", ["Invoice No. 51877?", "Commande N° 51877 ?", "Facture nº 51877 ?", "no 51877"]
)
def test_a_number_sign_or_abbreviation_keys_a_long_number(question: str) -> None:
    written = [asked.written.split()[0] for asked in asked_codes(question)]
    assert written == ([] if question.startswith("no ") else [question.split()[0]])


def test_the_reason_names_the_asked_id_and_the_ids_quoted() -> None:
    found = unheld_code("What was the refund for order 51877?", [ROW])
    assert found is not None
    reason = no_held_id(found.asked, found.held, "en")
    assert (
        reason
        == "The passages that would answer never mention “order 51877”: they are of order 48213."
    )


NOTE = [
    "Le remboursement de la commande 51 877 a été de 40 euros.",
    "Refund of 12 euros issued for order 48213 today.",
]


def _asked(question: str) -> QuestionTerms:
    frequency: dict[str, int] = {}
    for text in NOTE:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return analyse(question, None, Vocabulary(NOTE, frequency, len(NOTE)))


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("Quel a été le remboursement de la commande 51877 ?", "51877"),  # text: "51 877"
        ("What was the refund for order 0048213?", "0048213"),  # text: "order 48213"
        ("What was the refund for order 48 213?", "213"),  # its groups: "48213" is written
    ],
)
def test_an_id_the_corpus_writes_another_way_counts_as_written(question: str, written: str) -> None:
    # s26 hostile probe: both abstained "never mention “51877”", "… “0051877”"
    terms = _asked(question)
    assert written not in terms.absent and terms.missing == 0.0
    tokens = frozenset(tokenize(NOTE[0], "fr")) | frozenset(tokenize(NOTE[1], "en"))
    assert not unmatched_words(terms, tokens, "en")


@pytest.mark.parametrize(
    "question",
    [
        "Quel a été le remboursement de la commande 51878 ?",  # "51" written, "878" never
        "What was the refund for order 0048214?",
        "What was the refund for order 4821?",
        "What was the refund for order 48 214?",
    ],
)
def test_an_id_written_in_no_form_is_still_absent(question: str) -> None:
    terms = _asked(question)
    assert terms.absent and terms.missing > 0.0


def test_the_writings_of_an_id_are_those_its_quote_check_reads_as_it() -> None:
    for number in ("51877", "0051877", "1234567890123", "4000", "000123456"):
        asked = AskedId(f"order {number}", "order", number, coded=False)
        for written in id_writings(number):
            assert unheld_code(asked.written, [f"Refund for order {written}."]) is None
            assert written.replace(" ", "").lstrip("0") == number.lstrip("0")
    assert id_writings("877") == [] and id_writings("0877") == []


def test_an_id_the_question_limit_cuts_is_answered_by_no_other_id() -> None:
    # s26 hostile probe: an order of 5,000 digits, the question cut at 2,000 characters,
    # was answered by order 48213's line at .40
    question = "What was the refund for order " + "5" * 5000 + "?"
    text, warnings = clean_question(question, 2000)
    assert len(text) == 2000 and text.endswith("5" + CUT_MARK) and "1,999" in warnings[0]
    (asked,) = asked_codes(text)
    assert asked.cut and asked.number == "5" * (1999 - len("What was the refund for order "))
    other = "Refund for order 48213 was 12 euros."
    whole = "Refund for order " + "5" * 5000 + " was 40 euros."
    found = unheld_code(text, [other], [whole])  # its document writes it: its quote must
    assert found is not None and found.held == ["order 48213"]
    assert unheld_code(text, [whole]) is None
    assert unheld_code(text, [other, whole]) is None
    cut_at_a_space, _ = clean_question("What was the refund for order 51877? " + "x " * 2000, 2000)
    assert not cut_at_a_space.endswith(CUT_MARK)


def test_a_cut_id_of_zeros_is_not_written_by_any_text() -> None:
    # final re-read: a cut number of zeros alone left an empty pattern, which every text
    # matched, so "order 000…" was held by order 48213's line
    text, _ = clean_question("What was the refund for order " + "0" * 5000 + "?", 2000)
    (asked,) = asked_codes(text)
    assert asked.cut
    found = unheld_code(text, ["Refund for order 48213 was 12 euros."])
    assert found is not None and found.held == ["order 48213"]
    assert unheld_code(text, ["Refund for order 000000 was 12 euros."]) is None


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_an_id_typed_in_digit_groups_is_asked_joined(space: str) -> None:
    """ "Who closed ticket 51 878?" was read with no id, so ticket 51877's row was quoted
    (s29 hostile F5): the question's digit groups are joined as the quotes' are."""
    question = f"Who closed ticket 51{space}878?"
    assert [(a.key, a.number) for a in asked_codes(question)] == [("ticket", "51878")]
    found = unheld_code(question, ["Ticket 51877 was closed by Ann on 3 May."])
    assert found is not None and found.held == ["Ticket 51877"]
    assert unheld_code(question, [f"Ticket 51{space}878 was closed by Ann."]) is None


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_an_id_typed_in_digit_groups_is_named_as_typed(space: str) -> None:
    """Review D of s29: the reason repeated the joined "ticket 51878" for a typed "51 878"."""
    question = f"Who closed ticket 51{space}878 after ticket 1 002 003?"
    assert [a.written for a in asked_codes(question)] == [
        f"ticket 51{space}878",
        "ticket 1 002 003",
    ]
    found = unheld_code(question, ["Ticket 51877 was closed by Ann on 3 May."])
    assert found is not None and found.asked == f"ticket 51{space}878"


@pytest.mark.parametrize(
    "question",
    ["Tickets between 12 and 15?", "Tickets 2 3 4 closed?", "ticket 12 34 closed?"],
)
def test_separate_numbers_are_never_joined_into_an_id(question: str) -> None:
    assert asked_codes(question) == []


def test_a_code_opening_with_a_year_quoted_for_another_abstains() -> None:
    """s32 trial: order "2025-A-027" was quoted for "2025-A-030" (one shape with
    record_ids: a year, capitals, a number)."""
    quoted = ["Article 1 : l'arrêté 2025-A-018 est abrogé (arrêté 2025-A-027)."]
    found = unheld_code("Qu'interdit l'arrêté 2025-A-030 ?", quoted)
    assert found is not None
    assert (found.asked, found.held) == ("2025-A-030", ["2025-A-018", "2025-A-027"])
    assert unheld_code("Qu'interdit l'arrêté 2025-A-027 ?", quoted) is None


@pytest.mark.parametrize("period", ["2025-Q3", "2025-W12", "2025-S1", "2025-T4"])
def test_a_year_then_capitals_glued_to_a_number_is_a_period_not_a_code(period: str) -> None:
    """Review of s32-trialfix: "2025-Q3" was read as a code and a quote of 2025-Q2 abstained
    `never mention "2025-Q3": they are of 2025-Q2`. After a year, a code writes a hyphen
    between its capitals and its number ("2025-A-030")."""
    assert asked_codes(f"What was the revenue in {period}?") == []
    quoted = [f"Revenue in {period[:-1]}2 was 40 k€."]
    assert unheld_code(f"What was the revenue in {period}?", quoted) is None
    assert [c.written for c in asked_codes("l'arrêté 2025-A-030 ou 2025-AB-7")] == [
        "2025-A-030",
        "2025-AB-7",
    ]


def test_a_course_code_of_letters_then_letters_and_digits_is_a_code() -> None:
    # s33 trial n03: "DS-M2-107" (no such course) answered from another course's row
    row = "| LX-M1-203 | Phonologie | salle B12 |"
    asked = "Quelle salle pour l'examen de LX-M1-207 ?"
    assert unheld_code(asked, [row]) == UnheldCode("LX-M1-207", ["LX-M1-203"])
    assert unheld_code("Quelle salle pour l'examen de LX-M1-203 ?", [row]) is None


def test_names_with_digits_stay_as_they_were_beside_course_codes() -> None:
    asked = asked_codes("COVID-19, SHA-256, UTF-8, A4, M2, Jan-25, the M2-107 room, LX-M1-207")
    assert [a.written for a in asked] == ["SHA-256", "UTF-8", "A4", "M2", "LX-M1-207"]


@pytest.mark.parametrize(
    ("asked", "written", "other"),
    [  # s33 review: a two-part key written with a space, a slash or nothing was "never written"
        ("PL-SQL-2", "PL/SQL 2", "PL-SQL-1"),
        ("DS-M2-107", "DS M2 107", "DS-M2-103"),
        ("DS-M2-107", "DSM2-107", "DS-M2-103"),
        ("EN-ISO-9001", "EN ISO 9001", "EN-ISO-14001"),
    ],
)
def test_a_two_part_key_written_with_a_space_a_slash_or_nothing_writes_the_code(
    asked: str, written: str, other: str
) -> None:
    quote = f"{other}: see the notes. {written}: room B12."
    assert unheld_code(f"Which room for {asked}?", [quote]) is None
    assert unheld_code(f"Which room for {asked}?", [f"{other}: room B12."]) == UnheldCode(
        asked, [other]
    )
