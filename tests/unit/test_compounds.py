"""Compound names found at build time agree with the whole-text search citeqa ran before."""

from __future__ import annotations

import re

import pytest

from citeqa.compounds import compound_key, corpus_compounds
from citeqa.glossary import fold
from citeqa.questions import Vocabulary, corpus_words

TEXTS = [
    "In SRI-4 responders, the COVID 19 wave and the TULIP-2's arm differed.",
    "L'anti-IL-6-based regimen of l'IL-17 trial; CC312 and tulipsc were glued.",
    "Week 52 data (phase-3) came after 2019-2020, not 1-2.",
]


def old_has_compound(word: str, texts: list[str]) -> bool:
    """The search has_compound ran over the whole folded corpus before compounds.py."""
    text = " ".join(fold(t) for t in texts)
    pattern = r"(?<!\w)" + re.escape(fold(word)).replace(r"\-", r"[\s\-]?") + r"(?!\w)"
    return re.search(pattern, text) is not None


def vocabulary(texts: list[str]) -> Vocabulary:
    return Vocabulary(texts, {}, len(texts), corpus_words(texts), compounds=corpus_compounds(texts))


@pytest.mark.parametrize(
    "word",
    [
        "SRI-4",
        "sri-4",
        "COVID-19",  # a word and a number separated by a space in the text
        "covid-19",
        "TULIP-2",
        "TULIP-2's",
        "IL-6",
        "anti-IL-6",
        "IL-6-based",
        "l'IL-6",
        "l'IL-17",
        "IL-17",
        "CC-312",  # glued in the text
        "CC312",
        "TULIP-SC",
        "WEEK-52",
        "Phase-3",
        "2019-2020",
        "1-2",
        "SRI-5",
        "TULIP-3",
        "IL-7",
        "CC-31",
        "COVID-20",
        "SRI-4-based",
        "anti-SRI-4",
        "TULIP-2-arm",
        "l'SRI-4",
        "IL-6's",
        "2019-2021",  # not in the texts
    ],
)
def test_has_compound_agrees_with_the_whole_text_search(word: str) -> None:
    assert vocabulary(TEXTS).has_compound(word) == old_has_compound(word, TEXTS)


def test_the_texts_hold_what_the_parametrised_words_need() -> None:
    found = [
        w for w in ["SRI-4", "COVID-19", "TULIP-SC", "IL-6-based"] if old_has_compound(w, TEXTS)
    ]
    assert found == ["SRI-4", "COVID-19", "TULIP-SC", "IL-6-based"]
    assert not old_has_compound("SRI-5", TEXTS)


def test_one_key_per_compound_whatever_its_separators() -> None:
    assert compound_key("COVID-19") == compound_key("covid 19") == compound_key("Covid19")
    assert compound_key("l’IL-6") == "l’il6" != compound_key("l'IL-6")


def test_the_documented_differences_from_the_whole_text_search() -> None:
    texts = ["The TULIP SC trial and COVID-19."]
    words = vocabulary(texts)
    assert old_has_compound("TULIP-SC", texts) and not words.has_compound("TULIP-SC")
    assert not old_has_compound("COVID19", texts) and words.has_compound("COVID19")
    assert not old_has_compound("SRI4", TEXTS) and vocabulary(TEXTS).has_compound("SRI4")


def test_an_older_index_computes_the_compounds_on_first_use() -> None:
    words = Vocabulary(iter(TEXTS), {}, len(TEXTS), corpus_words(TEXTS))
    assert words.has_compound("SRI-4") and not words.has_compound("SRI-5")


def test_a_name_typeset_as_groff_or_roff_writes_is_a_compound() -> None:
    keys = corpus_compounds(["the \u2010\u2010max\u2010size option", r"the \-\-min\-ratio one"])
    assert {"maxsize", "minratio"} <= set(keys)
