"""The quote asked by an ordinal writes it: "the first dose" quotes the row of the "1re
dose", not the "2e dose" row the quote ranker rated as high (asked_ordinals.py).

s34 trial: "When is the first dose of the hexavalent vaccine given?" — the sentence ranker put
the "1re dose" row first, the quote ranker the "2e dose" row above it.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_ordinals import asked_ordinals, ordinal_weights, ordinals_written
from small_corpora import assistant_over

KENNEL = {
    "calendrier-chiots.md": (
        "# Calendrier vaccinal des chiots 2025\n\n"
        "| Âge | Vaccin | Dose |\n"
        "|---|---|---|\n"
        "| 8 semaines | Polyvalent (CHPPi-L) | 1re dose |\n"
        "| 8 semaines | Toux du chenil | 1re dose |\n"
        "| 12 semaines | Polyvalent (CHPPi-L) | 2e dose |\n"
        "| 12 semaines | Toux du chenil | 2e dose |\n"
        "| 16 semaines | Rage | 1 dose |\n"
        "| 15 mois | Polyvalent (CHPPi-L) | rappel |\n"
    ),
    "tarifs.md": "# Tarifs\n\nLa pension coûte 18 euros par jour et par chien.\n",
}
"""A kennel's vaccination grid, its doses numbered "1re" and "2e" (the s34 trial's infant
grid, here of another trade), read in English and French alike."""


@pytest.fixture(scope="module")
def kennel(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(KENNEL, tmp_path_factory.mktemp("c"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("When is the first dose of the polyvalent vaccine given?", "| 8 semaines | Polyvalent"),
        ("When is the second dose of the polyvalent vaccine given?", "| 12 semaines | Polyvalent"),
    ],
)
def test_the_row_writing_the_asked_ordinal_is_quoted_first(
    kennel: Assistant, question: str, row: str
) -> None:
    answer = kennel.ask(question)
    quotes = [citation.quote for citation in answer.citations]
    assert not answer.abstained, answer.reason
    assert quotes and quotes[0].startswith(row), quotes


def test_ordinals_in_words_and_digits_of_both_languages_read_alike() -> None:
    assert asked_ordinals("When is the first dose given?") == {(1, "dose")}
    for text in ("1re dose", "1er dose", "la première dose", "premier dose", "1st doses"):
        assert ordinals_written(text) == {(1, "dose")}, text
    for text in ("2e dose", "2ème dose", "deuxième dose", "second dose", "2nd dose", "2nde dose"):
        assert ordinals_written(text) == {(2, "dose")}, text
    assert ordinals_written("| 2 mois | 1re | dose |") == {(1, "dose")}
    assert ordinals_written("version 1.2e3, code 2e-4, 12 euros") == frozenset()


def test_only_a_candidate_numbering_the_asked_word_otherwise_is_weighed_down() -> None:
    texts = ["| 4 mois | 2e dose |", "| 2 mois | 1re dose |", "| 11 mois | rappel |"]
    assert ordinal_weights(asked_ordinals("the first dose?"), texts) == [0.1, 1.0, 1.0]
    assert ordinal_weights(asked_ordinals("the third dose?"), texts) == [1.0, 1.0, 1.0]
    assert ordinal_weights(asked_ordinals("when is the dose?"), texts) == [1.0, 1.0, 1.0]


def test_an_ordinal_of_another_word_is_no_rank_asked() -> None:
    """piaf: "Quelle est la première banque française ?" quoted the sentence of "la première
    compagnie d'assurance" over the one placing the banks "aux quatrième, neuvième et dixième
    places mondiales"."""
    texts = [
        "Les banques BNP Paribas se placent aux quatrième, neuvième et dixième places mondiales.",
        "Axa étant la première compagnie d'assurance européenne.",
    ]
    asked = asked_ordinals("Quelle est la première banque française ?")
    assert ordinal_weights(asked, texts) == [1.0, 1.0]


def test_ordinals_joined_by_function_words_number_the_last_ones_word() -> None:
    """Review of s35-trialfix: "The first and second doses" numbered "and", so the sentence
    writing both was weighed down for "the first dose" as the "2nd dose" row was."""
    texts = [
        "The first and second doses are given at 2 and 4 months.",
        "| 2 mois | 1st dose |",
        "| 4 mois | 2nd dose |",
    ]
    asked = asked_ordinals("When is the first dose given?")
    assert ordinal_weights(asked, texts) == [1.0, 1.0, 0.1]
    for text in ("Les 1re et 2e doses à 2 et 4 mois.", "La 1re ou la 2e dose est faite."):
        assert ordinals_written(text) == {(1, "dose"), (2, "dose")}, text
    assert ordinals_written("first, second and third visits") == {
        (1, "visit"),
        (2, "visit"),
        (3, "visit"),
    }


def test_an_ordinal_before_another_function_word_numbers_nothing() -> None:
    assert ordinals_written("the 1st of March") == {(1, "")}
    assert asked_ordinals("What happened on the 1st of March?") == frozenset()
