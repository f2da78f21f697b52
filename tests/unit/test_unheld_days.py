"""A full date asked that no passage writes while the documents read are dated others
(unheld_days.py, questions.analyse's `unwritten_days`): "la réunion du 2 décembre 2025" of
minutes of 12 and 25 November 2025 (s30 trial n03) names the closest dated documents."""

from __future__ import annotations

import pytest

from citeqa.models import Document, Series
from citeqa.questions import Vocabulary, analyse
from citeqa.series_answers import falling_on
from citeqa.unheld_days import held_days, unheld_day


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


def counted(frequency: dict[str, int]) -> Vocabulary:
    return Vocabulary([], frequency, 10, words=[])


def test_a_day_written_without_its_year_is_written() -> None:
    """ "Prochain séminaire : le 2 déc." of minutes dated 25 November 2025 may be the day asked:
    no sentence writing the year is no proof that no document writes the day."""
    yearless = counted({"2025-11-12": 1, "--11-12": 1, "--12-02": 1})
    question = "Quel séminaire a lieu le 2 décembre 2025 ?"
    assert analyse(question, None, yearless).unwritten_days == []
    dated = counted({"2025-11-30": 2, "--11-30": 2})  # "30/11/2025" alone: its year is written
    asked = analyse("le montant au 30 novembre 2024", None, dated).unwritten_days
    assert asked == [("30 novembre 2024", "2024-11-30")]


@pytest.mark.parametrize(
    "text",
    [
        "Le colloque se tient du 1er au 3 décembre 2025 à Lyon.",
        "Colloque : 1er-3 décembre 2025.",
        "Le colloque a lieu du 30 novembre au 3 décembre 2025.",
        "Congés du 1/12/2025 au 3/12/2025.",
        "The audit is scheduled for December 1-3, 2025 at the Paris site.",
        "The audit runs from December 1 to December 3, 2025.",
    ],
)
def test_a_range_a_passage_writes_around_the_day_holds_it(text: str) -> None:
    asked = [("2 décembre 2025", "2025-12-02")]
    assert unheld_day(asked, MINUTES[1], MINUTES, read_texts=[text]) is None


@pytest.mark.parametrize(
    "text",
    ["Le colloque se tient du 3 au 5 décembre 2025.", "The audit is set for December 3-5, 2025."],
)
def test_a_range_beside_the_day_leaves_it_unheld(text: str) -> None:
    asked = [("2 décembre 2025", "2025-12-02")]
    assert unheld_day(asked, MINUTES[1], MINUTES, read_texts=[text]) is not None


def test_a_document_of_the_folder_dated_that_day_answers_though_unread() -> None:
    """A file name alone may date the minutes of the asked day, ranked out of the passages read:
    the reason would then say falsely that no document is dated that day."""
    dated = document("CR_reunion_2025-12-02.md", "# Réunion\n\n- Le budget est validé.\n")
    asked = [("2 décembre 2025", "2025-12-02")]
    with_it, without = held_days([*MINUTES, dated]), held_days(MINUTES)
    assert unheld_day(asked, MINUTES[1], MINUTES, folder_days=lambda: with_it) is None
    assert unheld_day(asked, MINUTES[1], MINUTES, folder_days=lambda: without) is not None


def test_a_day_of_no_calendar_asked_or_written_is_no_crash() -> None:
    """A year-0 day (s32 hostile F1: "ValueError: year 0 is out of range") is farther from every
    dated document than any day, and no range of the texts read holds it."""
    texts = ["Le budget date du 5 mai 0000.", "Du 1er au 3 mai 0000, puis december 1-3, 0000."]
    found = unheld_day([("0000-05-06", "0000-05-06")], MINUTES[0], MINUTES, read_texts=texts)
    assert found is not None
    assert found.closest == [
        "CR_reunion_2024-12-10.md (2024-12-10)",
        "CR_reunion_2025-11-12.md (2025-11-12)",
        "CR_reunion_2025-11-25.md (2025-11-25)",
    ]
    asked = analyse("Quel budget à la réunion du 0000-05-06 ?", None, vocabulary(["2025-11-12"]))
    assert asked.unwritten_days == []
    day = [("4 mars 2025", "2025-03-04")]
    assert unheld_day(day, MINUTES[0], MINUTES, read_texts=texts) is not None


def test_a_day_a_repeating_event_of_the_folder_falls_on_is_not_unwritten() -> None:
    # the meetings repeat every other Tuesday from 2025-11-25: 2025-12-09 is one, 2025-12-02 not
    line = "Réunion d'équipe: 2025-11-25, every 2 weeks on Tuesday"
    text = f"# Agenda\n\n## Réunion d'équipe\n\n{line}\n"
    agenda = Document(
        doc_id="agenda",
        title="Agenda",
        path="/folder/agenda.ics",
        text=text,
        sha256="0",
        series=[
            Series(
                start=text.index(line),
                end=text.index(line) + len(line),
                first="2025-11-25",
                rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            )
        ],
    )
    falls_on = falling_on([agenda, *MINUTES])
    asked = [("9 décembre 2025", "2025-12-09")]
    found = unheld_day(asked, MINUTES[2], MINUTES, series_days=falls_on)
    assert found is not None and found.repeating == ("Réunion d'équipe",)  # named, not unwritten
    other = [("2 décembre 2025", "2025-12-02")]
    found = unheld_day(other, MINUTES[2], MINUTES, series_days=falls_on)
    assert found is not None and found.repeating == ()
    unknown = agenda.model_copy(
        update={
            "series": [
                agenda.series[0].model_copy(update={"rule": "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1"})
            ]
        }
    )
    assert unheld_day(other, MINUTES[2], MINUTES, series_days=falling_on([unknown])) is None
