"""Which lines stamp an edit, and which questions ask about one (editstamps.py)."""

from __future__ import annotations

import pytest

from citeqa.editstamps import asks_about_edits, stamps_an_edit


@pytest.mark.parametrize(
    ("line", "stamps"),
    [
        ("Updated March 3, 2026 · 2 min read", True),
        ("Last edited by Lena Hartmann on 7 February 2025", True),
        ("Modifié le 12 février 2026", True),
        ("Exported from my notes app on 2026-04-22", False),  # no edit named
        ("Updated pricing for the Team plan", False),  # no date
        ("Meeting 12 March 2024", False),
        ("Last edited by Lena Hartmann on 7 February 2025. Page views: 1,204.", True),
        (  # a clause: too long for a stamp
            "La redevance est révisée chaque année au 1er octobre selon l’indice Syntec publié"
            " par la fédération, sans autre formalité entre les parties.",
            False,
        ),
    ],
)
def test_a_line_stamps_an_edit_with_an_edit_word_and_a_date(line: str, stamps: bool) -> None:
    assert stamps_an_edit(line) is stamps


def test_a_question_asks_about_edits_by_an_edit_word() -> None:
    assert asks_about_edits("Who last edited the travel page?")
    assert asks_about_edits("Quand la page a-t-elle été modifiée ?")
    assert not asks_about_edits("How long is the free trial?")
