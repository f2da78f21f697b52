"""Which question words a text writes only denied (negated_terms.py)."""

from __future__ import annotations

from citeqa.lexical import query_tokens
from citeqa.negated_terms import denied_terms, denies, states_terms


def _terms(*words: str) -> list[frozenset[str]]:
    return [frozenset(query_tokens(word)) for word in words]


def test_a_word_up_to_three_words_after_a_denial_is_denied() -> None:
    terms = _terms("préavis", "résilier")
    assert denied_terms("Le syndic peut résilier sans préavis.", terms) == ({0}, {1})
    assert denied_terms("Résiliation sans aucun préavis.", terms)[0] == {0}
    assert denied_terms("Ends without any prior notice.", _terms("notice"))[0] == {0}
    assert denied_terms("No fee is due before the notice.", _terms("notice"))[0] == frozenset()


def test_a_word_stated_once_is_not_denied() -> None:
    terms = _terms("notice")
    text = "Without notice in case of breach; otherwise two months' notice."
    assert denied_terms(text, terms) == (frozenset(), {0})
    assert states_terms(text, terms, frozenset({0}))
    assert not states_terms("No notice is due.", terms, frozenset({0}))


def test_a_question_writing_a_denial_asks_of_it() -> None:
    assert denies("Peut-on résilier sans préavis ?")
    assert denies("Can I cancel without notice?")
    assert not denies("Quel préavis pour résilier le contrat ?")
