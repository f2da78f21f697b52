"""Calendar files (.ics) read as one section per event (readers/calendar.py): s26 trial, "When is
the end-of-year party?" was only in the office's calendar export, a file citeqa skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.corpus import read_document
from citeqa.dates import date_terms
from citeqa.glossary import fold
from citeqa.readers import UnreadableDocument, reader_for
from citeqa.readers import calendar as calendar_module
from citeqa.readers.base import CappedReader
from citeqa.readers.calendar import NO_EVENTS

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Office//FR\r\nX-WR-CALNAME:Événements 2026\r\n"
    "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART;VALUE=DATE:20260618\r\nDTEND;VALUE=DATE:20260620\r\n"
    "SUMMARY:Séminaire annuel Annecy\r\nLOCATION:Hôtel Les Trésoms\\, Annecy\r\n"
    "DESCRIPTION:Départ en car de Paris\r\n  à 7h00.\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART:20261218T190000\r\nDTEND:20261218T230000\r\n"
    "SUMMARY:Soirée de fin d'année\r\nLOCATION:Péniche Le Marcounet\\, Paris\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:c@x\r\nDTSTART:20261231T230000Z\r\nDTEND:20270101T010000Z\r\n"
    "SUMMARY:Server freeze\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def read(tmp_path: Path, text: str, name: str = "events.ics"):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    return read_document(tmp_path / name, tmp_path, {})


def test_each_event_is_a_section_saying_what_when_and_where(tmp_path: Path) -> None:
    document = read(tmp_path, CALENDAR)
    assert document.title == "Événements 2026"
    assert document.text.startswith("# Événements 2026\n\n## Séminaire annuel Annecy\n\n")
    # an all-day event ends the day before its DTEND; an escaped comma is a comma
    assert (
        "Séminaire annuel Annecy: 2026-06-18 – 2026-06-19, Hôtel Les Trésoms, Annecy\n\n"
        "Départ en car de Paris à 7h00." in document.text
    )
    assert "Soirée de fin d'année: 2026-12-18 19:00 – 23:00, Péniche Le Marcounet, Paris" in (
        document.text
    )
    assert "Server freeze: 2026-12-31 23:00 UTC – 2027-01-01 01:00 UTC" in document.text


def test_an_events_date_gives_the_terms_a_written_date_does(tmp_path: Path) -> None:
    line = next(
        line
        for line in read(tmp_path, CALENDAR).text.splitlines()
        if "Soirée" in line and ":" in line
    )
    assert {"2026-12-18", "--12-18"} <= set(date_terms(fold(line)))


def test_the_reader_is_capped_and_versioned() -> None:
    reader = reader_for(".ics")
    assert isinstance(reader, CappedReader) and reader.kind == "ics"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("garbage\n", "not a valid iCalendar file"),
        ("BEGIN:VCALENDAR\r\n", "not a valid iCalendar file"),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", NO_EVENTS),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", NO_EVENTS),
    ],
)
def test_a_calendar_that_does_not_parse_or_holds_no_event_is_skipped(
    tmp_path: Path, text: str, reason: str
) -> None:
    with pytest.raises(UnreadableDocument) as refused:
        read(tmp_path, text)
    assert refused.value.reason.startswith(reason)


def test_events_past_the_bound_are_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calendar_module, "MAX_EVENTS", 2)
    document = read(tmp_path, CALENDAR)
    assert "Server freeze" not in document.text and "Soirée" in document.text
    assert document.warnings == ["events.ics: 1 events past the first 2 not read"]
