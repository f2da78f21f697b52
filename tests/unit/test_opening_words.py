"""language.opens_sentence: where a capital says nothing of a name (absent_names, role_holders)."""

from __future__ import annotations

import pytest

from citeqa.language import opens_sentence


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Minutes of the previous meeting were approved.", "Minutes"),
        ("The board met. Minutes were approved.", "Minutes"),
        ("Agenda\nMinutes of the last meeting", "Minutes"),
        ("Items: Minutes, budget", "Minutes"),
        ("Le film « Les Misérables » est sorti.", "Les"),
        ('He said "Minutes are late".', "Minutes"),
        ("(Minutes attached)", "Minutes"),
    ],
)
def test_a_word_opening_a_sentence_line_or_quotation(text: str, word: str) -> None:
    assert opens_sentence(text, text.index(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The chair is Helen Carter.", "Helen"),
        ("Les Ulis sont-ils au sud d'Arpajon ?", "Arpajon"),
        ("Was Porto chosen, or Lisbon?", "Lisbon"),
    ],
)
def test_a_word_within_a_sentence(text: str, word: str) -> None:
    assert not opens_sentence(text, text.index(word))
