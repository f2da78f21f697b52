"""A question on its own of one content word the corpus never uses is not read in the other
language (api._one_word_alone; s31 trial: "test" of a French folder was read as "examen" and a
to-do line quoted): it stays refused as typed. A longer question, or a follow-up read with the
previous one, may still be."""

from __future__ import annotations

import pytest

from citeqa.api import _one_word_alone


@pytest.mark.parametrize("question", ["test", "Test ?", "the invoice", "la facture ?"])
def test_one_content_word_asked_alone_is_not_translated(question: str) -> None:
    assert _one_word_alone(question, None)


@pytest.mark.parametrize("question", ["invoice total", "Who signed the lease?"])
def test_a_question_of_several_words_may_be_translated(question: str) -> None:
    assert not _one_word_alone(question, None)


def test_a_follow_up_of_one_word_may_be_translated() -> None:
    assert not _one_word_alone("salary?", "Who is the treasurer?")
