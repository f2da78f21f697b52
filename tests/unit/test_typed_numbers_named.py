"""An abstention names a number the documents lack as the question typed it: "6.6.6.6.6.6",
not the "6.6" the question's words are read as (s19 hostile 10d: "et l'article 6.6.6.6.6.6 ?"
said the documents "ne mentionnent jamais “6.6”")."""

from __future__ import annotations

from citeqa.abstention import before_search, not_answered
from citeqa.lexical import tokenize
from citeqa.questions import Vocabulary, analyse

LEASE = [
    "Article 4 : le dépôt de garantie est de deux mois de loyer.",
    "Article 9 : les locaux sont restitués en bon état à la fin du bail.",
]


def vocabulary(texts: list[str]) -> Vocabulary:
    frequency: dict[str, int] = {}
    for text in texts:
        for token in set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return Vocabulary(texts, frequency, len(texts))


def test_a_number_of_many_parts_is_named_whole() -> None:
    terms = analyse("Que dit l'article 6.6.6.6.6.6 du bail ?", None, vocabulary(LEASE))
    assert terms.absent == ["6.6.6.6.6.6"]
    assert "jamais “6.6.6.6.6.6”" in not_answered(terms, "fr").text


def test_a_follow_up_names_the_number_it_typed() -> None:
    terms = analyse(
        "et l'article 6.6.6.6.6.6 ?", "Que dit l'article 4 du bail ?", vocabulary(LEASE)
    )
    refusal = before_search(terms, "fr")
    assert refusal is not None and "“6.6.6.6.6.6”" in refusal.reason.text
    assert "“6.6”" not in refusal.reason.text


def test_a_decimal_is_named_as_typed() -> None:
    terms = analyse("Le loyer passe-t-il à 2,5 mois ?", None, vocabulary(LEASE))
    assert "2,5" in terms.absent
