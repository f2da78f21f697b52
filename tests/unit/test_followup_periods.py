"""A follow-up asking a period by its ordinal ("et au 2e ?") mentions it in a table whose header
labels periods by a letter and a number ("Moyenne T2"): followup_quotes.writes_new_word (s28
trial: after "Quelle est la moyenne de Léa Thomas au 1er trimestre ?", "et au 2e ?" quoted
another document's "Conseils de classe du 2e trimestre" line, the grades row's header writing
"T2", no "2e")."""

from __future__ import annotations

import pytest

from citeqa.followup_quotes import writes_new_word
from citeqa.lexical import tokenize
from citeqa.questions import Vocabulary, analyse

PAGES = [
    "| Nom | Prénom | Moyenne T1 | Moyenne T2 |",
    "| Thomas | Léa | 13,5 | 7.5 |",
    "Conseils de classe du 2e trimestre : 17 mars.",
]
PREVIOUS = "Quelle est la moyenne de Léa Thomas au 1er trimestre ?"


def _new_terms(question: str) -> list[tuple[str, frozenset[str]]]:
    frequency: dict[str, int] = {}
    for text in PAGES:
        for token in set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return analyse(question, PREVIOUS, Vocabulary(PAGES, frequency, len(PAGES))).new_terms


def _tokens(text: str) -> frozenset[str]:
    return frozenset(tokenize(text, "fr"))


@pytest.mark.parametrize("question", ["et au 2e ?", "et au 2ème ?", "and the 2nd?"])
def test_an_ordinal_is_mentioned_by_the_period_its_number_labels(question: str) -> None:
    row, header = _tokens(PAGES[1]), _tokens(PAGES[0])
    assert writes_new_word(_new_terms(question), row | header, header)


def test_another_periods_label_does_not_mention_it() -> None:
    row, header = _tokens(PAGES[1]), _tokens(PAGES[0])
    assert not writes_new_word(_new_terms("et au 3e ?"), row | header, header)


def test_a_bare_number_is_no_period() -> None:
    assert not writes_new_word([("2", frozenset({"2"}))], _tokens("Moyenne T2"), _tokens("T2"))


@pytest.mark.parametrize("text", ["Appartement de type T2 au 1er étage", "Niveau B2, API v2"])
def test_a_label_outside_a_tables_header_is_no_period(text: str) -> None:
    """s28 review G: any letter and number of the quote counted as the asked period."""
    assert not writes_new_word(_new_terms("et au 2e ?"), _tokens(text))


def test_a_word_written_is_still_mentioned() -> None:
    assert writes_new_word(_new_terms("et au 2e ?"), _tokens(PAGES[2]))
