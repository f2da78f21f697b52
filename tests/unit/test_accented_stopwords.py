"""A word written with an accent that folds to a stopword ("thèse" to the English "these",
"maïs" to the French "mais", "thé" to "the") is a term, unless its accented form is a stopword
itself (language.json accented_stopwords: "été", "où", "même"): lexical.py's tokens, the terms
of a folded content word, the words a reason may name and the passage words a translation may
be. A word written without its accents is read by its folded form, as before."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from citeqa.jsonfiles import language_object
from citeqa.lexical import (
    content_word_terms,
    content_words,
    fold,
    fold_marking,
    is_stopword,
    query_tokens,
    searched_spellings,
    stopwords,
    tokenize,
    word_term,
    written_terms,
)
from citeqa.passage_translation import chunk_word_forms
from citeqa.reason_words import content_pieces, nameable


def test_an_accented_word_folding_to_a_stopword_is_a_term() -> None:
    assert content_words("La soutenance de thèse est prévue") == ["soutenance", "these", "prevue"]
    assert "thes" in tokenize("Le manuscrit de thèse", "fr")
    assert {"these", "thes"} <= set(query_tokens("Quand est la soutenance de thèse ?"))
    assert content_words("Le maïs, mais pas le blé") == ["mais", "ble"]  # the conjunction none
    assert content_words("Un thé, the tea") == ["the", "tea"]
    assert content_words("THÈSE Thèse") == ["these", "these"]  # any case


def test_an_unaccented_or_listed_accented_stopword_stays_dropped() -> None:
    assert content_words("these are the rules, mais ou") == ["rules"]
    assert content_words("Il a été là où il était, même dès lundi") == ["lundi"]
    assert content_words("ÉTÉ Où") == []
    assert query_tokens("été") == []


def test_a_decomposed_accent_counts_as_a_composed_one() -> None:
    decomposed = unicodedata.normalize("NFD", "la thèse et l'été")
    assert content_words(decomposed) == ["these"]


def test_the_accented_stopwords_fold_to_stopwords() -> None:
    """Each listed accented form is the accented spelling of a stopword (else it is no
    exception to anything)."""
    listed = language_object()["accented_stopwords"]
    assert listed and all(fold(word) in stopwords() and fold(word) != word for word in listed)


@given(st.text(alphabet="aeèéïouthsm ÉÈ\u0301.,'-", max_size=40))
def test_marking_folds_as_fold(text: str) -> None:
    assert fold_marking(text).text == fold(text)


def test_written_terms_and_spellings_read_the_accent() -> None:
    assert "thes" in written_terms("Le manuscrit de thèse")
    assert "thes" not in written_terms("these rules")
    words = searched_spellings("Quand déposer la thèse ?")
    assert any(frozenset({"these", "thes"}) in spelling for word in words for spelling in word)


def test_a_folded_content_words_terms_are_read_whatever_it_folds_to() -> None:
    """Re-tokenising the folded "these" of "thèse" gives no term; `word_term` and
    `content_word_terms` give its own (derived_terms, decision_lines, titleonly read them)."""
    assert tokenize("these", "fr") == []
    assert word_term("these", "fr") == "thes"
    assert word_term("mars", "fr") == tokenize("mars", "fr")[0]  # a month's term, as tokenize
    assert content_word_terms("le maïs et la thèse") == [
        ("mais", frozenset(query_tokens("maïs"))),
        ("these", frozenset(query_tokens("thèse"))),
    ]


def test_is_stopword_reads_the_word_as_written() -> None:
    assert is_stopword("these") and is_stopword("Mais") and is_stopword("où")
    assert not is_stopword("thèse") and not is_stopword("Maïs") and not is_stopword("tea")


def test_a_reason_may_name_an_accented_word_folding_to_a_stopword() -> None:
    assert nameable("thèse", "fr", unused=True) and nameable("maïs", "fr", unused=True)
    assert not nameable("these", "en") and not nameable("mais", "fr")
    assert content_pieces("Quel est le rendement du maïs ?", "fr")[-1] == "maïs"


def test_a_translation_may_be_an_accented_word_but_not_its_stopword() -> None:
    forms = list(chunk_word_forms("Le maïs pousse, mais lentement ; mais le maïs tient."))
    assert forms.count(("mais", "maïs")) == 2 and ("mais", "mais") not in forms
