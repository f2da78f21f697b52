"""Which lines stamp an edit, and which questions ask about one (editstamps.py)."""

from __future__ import annotations

import pytest

from citeqa.editstamps import asks_about_edits, on_a_stamp_line, stamps_an_edit


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
        ("This page was last edited on 7 February 2025, at 10:00 (UTC).", True),
        # statements holding an edit word and a date: no stamps (s20 review)
        ("Revised prices apply from 1 January 2026: the basic plan costs 9 euros a month.", False),
        ("Le loyer, révisé le 1er octobre 2025, est de 800 euros par mois.", False),
        # a byline after the date, its name in lower case (s20 review)
        ("Last modified on 5 March 2026 by the web team", True),
        ("Modifié le 5 mars 2026 par l’équipe du site web", True),
        ("Updated on 1 March 2026 by the council, the rent is 800 euros a month.", False),
        ("Révisé le 1er mars 2026 par le conseil, le loyer est de 800 euros.", False),
        # a byline names an editor: a person or a team, never a clause's words (s21 review)
        ("Revised on 1 January 2026 by decree of the council", False),
        ("Modifié le 3 mars 2026 par arrêté du maire", False),
        ("Updated on 3 March 2026 by our editors", True),
        ("Modifié le 3 mars 2026 par Jean de La Fontaine", True),
    ],
)
def test_a_line_stamps_an_edit_with_an_edit_word_and_a_date(line: str, stamps: bool) -> None:
    assert stamps_an_edit(line) is stamps


def test_a_question_asks_about_edits_by_an_edit_word() -> None:
    assert asks_about_edits("Who last edited the travel page?")
    assert asks_about_edits("Quand la page a-t-elle été modifiée ?")
    assert not asks_about_edits("How long is the free trial?")


def test_a_sentence_stands_on_a_stamp_line_bounded_by_any_line_break() -> None:
    text = "Intro text.\r\nLast edited by Lena Hartmann on 30 June 2025. Page views: 1,204.\r\nEnd."
    views = text.index("Page views")
    assert on_a_stamp_line(text, views, text.index("\r\nEnd"))
    assert not on_a_stamp_line(text, 0, len("Intro text."))
    prose = "Revised prices apply from 1 January 2026: the basic plan costs 9 euros a month."
    assert not on_a_stamp_line(prose, 0, len(prose))
