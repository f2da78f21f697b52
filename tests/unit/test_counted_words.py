"""quantities.counted_word and writes_counted: the thing a question asks a count of, and whether
a text writes a figure of it within a few words."""

from __future__ import annotations

import pytest

from citeqa.quantities import counted_word, writes_counted


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How many bananas do I need?", "- 3 very ripe bananas (about 350 g peeled)"),
        ("How many of the patients relapsed?", "Twelve patients relapsed within a year."),
        ("Combien de lacs compte la ville ?", "Pas moins de 16 lacs sont situés dans la ville."),
        ("Combien d'œufs faut-il ?", "3 œufs"),
    ],
)
def test_a_figure_of_the_counted_thing_is_read(question: str, sentence: str) -> None:
    counted = counted_word(question)
    assert counted is not None
    assert writes_counted(sentence, counted)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How many bananas do I need?", "Makes one 900 g (2 lb) loaf."),
        ("How many bananas do I need?", "Mash the bananas with a fork."),
        ("Combien de lacs compte la ville ?", "La ville couvre 151 km2, dont des lacs."),
    ],
)
def test_a_figure_of_another_thing_is_not(question: str, sentence: str) -> None:
    counted = counted_word(question)
    assert counted is not None
    assert not writes_counted(sentence, counted)


@pytest.mark.parametrize("question", ["What is the price?", "Quand a lieu la sortie ?"])
def test_a_question_asking_no_count_has_no_counted_word(question: str) -> None:
    assert counted_word(question) is None
