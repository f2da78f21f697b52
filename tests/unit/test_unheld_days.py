"""A full date asked that no passage writes while the documents read are dated others
(unheld_days.py, questions.analyse's `unwritten_days`): "la réunion du 2 décembre 2025" of
minutes of 12 and 25 November 2025 (s30 trial n03) names the closest dated documents."""

from __future__ import annotations

from citeqa.models import Document
from citeqa.questions import Vocabulary, analyse
from citeqa.unheld_days import unheld_day


def document(name: str, text: str) -> Document:
    return Document(doc_id=name, title=name, path=f"/folder/{name}", text=text, sha256="0")


MINUTES = [
    document("CR_reunion_2025-11-12.md", "# Réunion d'équipe — 12 novembre 2025\n\n- Rien.\n"),
    document("CR_reunion_2025-11-25.md", "# Réunion d'équipe — 25 novembre 2025\n\n- Rien.\n"),
    document("CR_reunion_2024-12-10.md", "# Réunion d'équipe — 10 décembre 2024\n\n- Rien.\n"),
]
NOTE = document("notes.md", "# Notes\n\nLe budget est validé.\n")


def vocabulary(tokens: list[str]) -> Vocabulary:
    return Vocabulary([], dict.fromkeys(tokens, 1), 10, words=[])


def test_a_day_no_sentence_writes_is_unwritten() -> None:
    held = vocabulary(["2025-11-12", "2025-11-25", "reunion"])
    question = "Quelle décision a été prise à la réunion du 2 décembre 2025 ?"
    assert analyse(question, None, held).unwritten_days == [("2 décembre 2025", "2025-12-02")]
    assert analyse("Et le 12/11/2025 ?", None, held).unwritten_days == []
    assert analyse("Et le 12 novembre ?", None, held).unwritten_days == []  # no year


def test_an_index_storing_no_day_leaves_every_day_written() -> None:
    undated = vocabulary(["reunion", "budget"])
    assert analyse("la réunion du 2 décembre 2025", None, undated).unwritten_days == []


def test_the_closest_dated_documents_are_named() -> None:
    found = unheld_day([("2 décembre 2025", "2025-12-02")], MINUTES[2], [*MINUTES, NOTE])
    assert found is not None
    assert found.day == "2 décembre 2025"
    assert found.closest == [
        "CR_reunion_2025-11-25.md (2025-11-25)",
        "CR_reunion_2025-11-12.md (2025-11-12)",
        "CR_reunion_2024-12-10.md (2024-12-10)",
    ]


def test_a_document_dated_that_day_answers() -> None:
    dated = document("CR_reunion_2025-12-02.md", "# Réunion\n\n- Le budget est validé.\n")
    assert unheld_day([("2 décembre 2025", "2025-12-02")], dated, MINUTES) is None


def test_undated_documents_say_nothing() -> None:
    assert unheld_day([("2 décembre 2025", "2025-12-02")], NOTE, [NOTE]) is None
    assert unheld_day([], MINUTES[0], MINUTES) is None
