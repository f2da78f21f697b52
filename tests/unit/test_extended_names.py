"""A question naming a thing by a name the documents write with one word more, a word they never
use, answered by the shorter name's quote, abstains naming both (extended_names.py)."""

from __future__ import annotations

import pytest

from citeqa import extended_names
from citeqa.abstention import no_held_id
from citeqa.extended_names import ExtendedName, extended_name
from citeqa.questions import QuestionTerms

ROW = "| VT-100 | Thermo One | 124.17 | 149 | 3 ans |"
PRICES = f"{ROW}\n| VT-200 | Thermo One Pro | 190.83 | 229 | 3 ans |"
"""The price list quoted: it writes the shorter name's sibling, "Thermo One Pro"."""
FOUNDED = "Acme was founded in 1998 in Lyon by Marie Curtis. Acme employs 240 people."


def terms(question: str, absent: list[str], typos: dict[str, str] | None = None) -> QuestionTerms:
    """The terms of `question` whose words `absent` the corpus never uses."""
    spelling = typos or {}
    read = QuestionTerms(focus=question, absent=absent, unused_words=absent)
    read.spelling_of = spelling.get
    return read


def test_a_name_with_an_unknown_last_word_answered_by_its_shorter_sibling() -> None:
    asked = terms("How much does the Thermo One Max cost?", ["Max"])
    assert extended_name(asked, [ROW], [PRICES]) == ExtendedName("Thermo One Max", "Thermo One")


@pytest.mark.parametrize("suffix", ["Corporation", "Inc", "Ltd"])
def test_a_name_the_corpus_writes_with_no_other_trailing_name_word_stands(suffix: str) -> None:
    asked = terms(f"Who founded Acme {suffix}?", [suffix])  # review A of s26-qualifier
    document = f"# Company\n\n{FOUNDED} Founders: Curtis Acme.\n\n| Acme | Lyon |"
    assert extended_name(asked, [FOUNDED], [document]) is None
    sibling = f"{document}\nAcme Foods was sold in 2010."
    assert extended_name(asked, [FOUNDED], [sibling]) == ExtendedName(f"Acme {suffix}", "Acme")


def test_a_name_runs_across_whitespace_and_hyphens_only() -> None:
    asked = terms("Who founded the company in Lyon, Kevin?", ["Kevin"])
    document = f"{FOUNDED} Its office is at Lyon Part-Dieu."
    assert extended_name(asked, [FOUNDED], [document]) is None
    asked = terms("How much does the Thermo One, Max, cost?", ["Max"])
    assert extended_name(asked, [ROW], [PRICES]) is None


def test_the_documents_words_are_read_once_for_all_unknown_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[int] = []

    def counted(texts: list[str]) -> frozenset[str]:
        reads.append(len(texts))
        return frozenset()

    monkeypatch.setattr(extended_names, "written_words", counted)
    names = " and ".join(["Thermo One Maxi", "Thermo One Ultra"] * 25)
    asked = terms(f"How much do the {names} cost?", ["Maxi", "Ultra"])
    assert extended_name(asked, ["Thermo One"], [PRICES]) is not None
    assert reads == [1]


def test_an_unknown_word_before_the_name_names_the_same_thing() -> None:
    asked = terms("What does the Acme Thermo One cost?", ["Acme"])
    assert extended_name(asked, [ROW]) is None


@pytest.mark.parametrize(
    ("question", "absent", "quoted"),
    [
        ("How much does the Thermo One Max cost?", ["Max"], ["| VT-300 | Thermo Two | 99 |"]),
        ("How much does the Max cost?", ["Max"], [ROW]),  # a one-word name
        ("When did Edward Dickinson Baker die?", ["Dickinson"], ["Edward Baker died in 1861."]),
        ("How much does the Thermo Zeta One cost?", ["Zeta"], [ROW]),  # inside the name
        ("How much does the Thermo One Max cost?", [], [ROW]),  # the corpus writes "Max"
        ("Hello Thermo One?", ["Hello"], [ROW]),  # the question's first word joins no name
    ],
)
def test_other_names_are_left_to_the_answer_models(
    question: str, absent: list[str], quoted: list[str]
) -> None:
    assert extended_name(terms(question, absent), quoted, [PRICES]) is None


def test_a_likely_misspelling_is_no_unknown_word() -> None:
    asked = terms("How much does the Thermo One Pri cost?", ["Pri"], {"Pri": "pro"})
    assert extended_name(asked, [ROW], [PRICES]) is None


def test_the_shorter_name_is_read_across_case_accents_and_hyphens() -> None:
    asked = terms("Quel est le prix du Thermo One Max ?", ["Max"])
    assert extended_name(asked, ["| thermo-one | 149 |"], [PRICES]) == ExtendedName(
        "Thermo One Max", "Thermo One"
    )


@pytest.mark.parametrize(
    ("question", "unknown", "document", "other"),
    [
        ("Que dirige Satoru Iwtaa ?", "Iwtaa", "Satoru Iwata dirige Nintendo.", "Kondo"),
        ("Que ressent Pierre-Jakez Hélais ?", "Hélais", "Pierre-Jakez Hélias naît.", "Durand"),
    ],
)
def test_a_misspelling_of_a_word_of_the_quoted_document_is_no_other_name(
    question: str, unknown: str, document: str, other: str
) -> None:
    quote = document.split()[0]
    asked = terms(question, [unknown])
    elsewhere = document.replace(document.split()[1], other)  # another name: a sibling
    assert extended_name(asked, [quote], [elsewhere]) is not None
    assert extended_name(asked, [quote], [document]) is None


def test_a_short_unknown_word_is_taken_as_written() -> None:
    asked = terms("How much does the Thermo One Max cost?", ["Max"])
    found = extended_name(asked, [ROW], [f"{PRICES}\nThermo One: 30 °C, made in May."])
    assert found == ExtendedName("Thermo One Max", "Thermo One")


def test_the_reason_shows_a_long_name_and_its_part_by_their_ends() -> None:
    name = " ".join(["Acme"] * 300)  # review A of s26-qualifier: a 1,701-character reason
    asked = terms(f"Who founded {name} Zqx?", ["Zqx"])
    found = extended_name(asked, [name], [f"{name} Foods"])
    assert found == ExtendedName(f"{name} Zqx", name)
    reason = no_held_id(found.asked, [found.held], "en")
    assert len(reason) < 400
    assert reason.endswith("Acme Acme (1,499 characters).")
