"""French words closing in "ée", "ées", "ière", "ières" stem as their other forms do, folded
(lexical._FoldedFrench): Snowball strips those closings written with their accent only, and
citeqa stems folded words, so "Arrivée : … 15 h" was no answer to "À quelle heure peut-on
arriver ?" (s59 trial), and "première" was no form of "premier"."""

from __future__ import annotations

import pytest

from citeqa.lexical import query_tokens, tokenize


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("Arrivée", "arriver"),
        ("fondée", "fondé"),
        ("fondées", "fonder"),
        ("arrivées", "arrivé"),
        ("Durée", "durer"),
        ("première", "premier"),
        ("dernières", "dernier"),
    ],
)
def test_a_closing_ee_stems_as_the_word_s_other_forms(written: str, asked: str) -> None:
    assert tokenize(written, "fr") == tokenize(asked, "fr")
    assert set(tokenize(written, "fr")) <= set(query_tokens(asked))


def test_other_words_stem_as_snowball_stems_them() -> None:
    assert tokenize("hôtel réservé arrivera", "fr") == ["hotel", "reserv", "arriv"]
    assert tokenize("employee fees", "en") == ["employe", "fee"]
