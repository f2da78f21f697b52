"""The person a question asks the words of, and the turn headings naming them (speakers.py)."""

from __future__ import annotations

import pytest

from citeqa.speakers import asked_speaker, names_speaker


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What did Sara say in #eng about Windows CI?", {"sara"}),
        ("What did Tom Okafor say about borehole BH-17?", {"tom", "okafor"}),
        ("What Amina wrote about the tank", {"amina"}),
        ("Is the pump fixed, according to Li Wei?", {"li", "wei"}),
        ("Qu'a dit Jules Moreau sur le bail ?", {"jules", "moreau"}),
        ("When did Sara join the team?", set()),
        ("How do I reply to a ticket from Slack?", set()),
        ("What is the default window?", set()),
        ("What did The Guardian say about the merger?", {"guardian"}),
        ("Qu'a dit La Poste sur les délais ?", {"poste"}),
    ],
)
def test_the_person_asked_is_read_from_the_question(question: str, name: set[str]) -> None:
    assert asked_speaker(question) == frozenset(name)


def test_a_heading_names_the_speaker_by_its_writer_only() -> None:
    sara = frozenset({"sara"})
    assert names_speaker("Sara Lindqvist · 18 Sep 2025 10:22", sara, "json")
    assert names_speaker("Sara Lindqvist", sara, "vtt")
    assert not names_speaker("Li Wei · 18 Sep 2025 10:19 · reply to Sara Lindqvist", sara, "json")
    assert not names_speaker("Sara Lindqvist · 18 Sep 2025", frozenset(), "json")


def test_an_ordinary_heading_names_no_writer() -> None:
    sara = frozenset({"sara"})
    assert not names_speaker("Contact Sara", sara, "md")
    assert not names_speaker("Sara", sara, "pdf")
