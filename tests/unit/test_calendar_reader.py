"""Calendar files (.ics) read as one section per event (readers/calendar.py): s26 trial, "When is
the end-of-year party?" was only in the office's calendar export, a file citeqa skipped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from citeqa.blocks import headings
from citeqa.corpus import read_document
from citeqa.dates import date_terms
from citeqa.glossary import fold
from citeqa.later_statements import SectionDates, document_date
from citeqa.readers import UnreadableDocument, reader_for, reader_versions
from citeqa.readers import calendar as calendar_module
from citeqa.readers.base import CappedReader
from citeqa.readers.calendar import NO_EVENTS
from citeqa.readers.recurrence import recurrence_words
from citeqa.readers.structured import MAX_CHARACTERS
from citeqa.textdecoding import VERSION as DECODING_VERSION

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
        "Séminaire annuel Annecy: 2026-06-18 – 2026-06-19, Hôtel Les Trésoms, Annecy\n"
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
    """Version 17 (plus textdecoding's): control characters of a line's parameters left out, a
    series' unsaid rule kept as its bounds; 16: a series' bare EXDATEs kept as skipped days; 15: a
    series whose line leaves a part of its rule unsaid
    keeps no rule; 14: a repeating event's rule kept; 13: an event's description on the line
    under its what-when-where line; 12: a stray END: line left out; 11: each event's own
    last-modified line, in the calendar's
    language; 9: a component left open closed where its calendar ends; 8: recurrence rules in
    words; 7: a "Last modified:" line; 6: a folded line opens no time
    zone; 5: a calendar cut within an event keeps it; 4: a calendar never closed read; 3:
    several calendars, bad time zones, bare CR (s27 hostile probe); 2: unlike start and end
    times, events with a description only or a DURATION, the calendar's own size limit (s26
    review E)."""
    reader = reader_for(".ics")
    assert isinstance(reader, CappedReader) and reader.kind == "ics"
    assert reader_versions()[".ics"] == 17 + DECODING_VERSION
    assert reader.max_bytes == calendar_module.MAX_CALENDAR_BYTES


def event(lines: str) -> str:
    return f"BEGIN:VEVENT\r\n{lines}END:VEVENT\r\n"


def calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def test_a_floating_start_and_an_end_in_utc_are_both_written(tmp_path: Path) -> None:
    """A floating time and one in UTC cannot be compared: the whole calendar was skipped as an
    internal error (TypeError, s26 review E)."""
    text = calendar(
        event("SUMMARY:Party\r\nDTSTART:20261218T190000\r\nDTEND:20261218T230000Z\r\n"),
        event("SUMMARY:Audit\r\nDTSTART;VALUE=DATE:20261220\r\n"),
    )
    document = read(tmp_path, text)
    assert "Party: 2026-12-18 19:00 – 2026-12-18 23:00 UTC" in document.text
    assert "Audit: 2026-12-20" in document.text


def test_an_event_that_cannot_be_read_is_left_out_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = calendar_module._when

    def refusing(event):  # type: ignore[no-untyped-def]
        if str(event.get("SUMMARY")) == "Bad":
            raise ValueError("malformed")
        return written(event)

    monkeypatch.setattr(calendar_module, "_when", refusing)
    text = calendar(event("SUMMARY:Bad\r\nDTSTART:20261218\r\n"), event("SUMMARY:Good\r\n"))
    document = read(tmp_path, text)
    assert "Good" in document.text and "Bad" not in document.text
    assert document.warnings == ["events.ics: 1 event that could not be read left out"]


def test_an_event_with_a_description_only_is_read(tmp_path: Path) -> None:
    document = read(tmp_path, calendar(event("DESCRIPTION:Bring the audit binders\r\n")))
    assert "Bring the audit binders" in document.text


def test_a_duration_gives_the_events_end(tmp_path: Path) -> None:
    text = calendar(
        event("SUMMARY:Review\r\nDTSTART:20261218T100000\r\nDURATION:PT2H\r\n"),
        event("SUMMARY:Offsite\r\nDTSTART;VALUE=DATE:20260618\r\nDURATION:P2D\r\n"),
    )
    document = read(tmp_path, text)
    assert "Review: 2026-12-18 10:00 – 12:00" in document.text
    assert "Offsite: 2026-06-18 – 2026-06-19" in document.text


def test_a_multi_year_export_past_the_data_file_limit_is_read(tmp_path: Path) -> None:
    meetings = (
        event(f"SUMMARY:Meeting {n}\r\nDTSTART:20260101T090000Z\r\nDESCRIPTION:{'x' * 120}\r\n")
        for n in range(8000)
    )
    text = calendar(*meetings)
    assert len(text) > MAX_CHARACTERS
    document = read(tmp_path, text)
    assert "Meeting 7999" in document.text and document.warnings == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("garbage\n", "not a valid iCalendar file"),
        ("BEGIN:VCALENDAR\r\n", NO_EVENTS),  # never closed: read to the end, no event
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
    assert document.warnings == ["events.ics: 1 event past the first 2 not read"]


def test_a_property_is_decoded_by_one_helper_none_when_absent_or_malformed() -> None:
    from datetime import timedelta

    from icalendar import Calendar

    parsed = Calendar.from_ical(
        calendar(event("SUMMARY:Review\r\nDTSTART:20261218T100000\r\nDURATION:PT2H\r\n"))
    )
    review = next(iter(parsed.walk("VEVENT")))
    assert calendar_module._decoded(review, "DURATION") == timedelta(hours=2)
    assert calendar_module._decoded(review, "DTEND") is None
    review["DURATION"] = "not a duration"
    assert calendar_module._decoded(review, "DURATION") is None


def test_every_calendar_of_a_file_holding_several_is_read(tmp_path: Path) -> None:
    """Two exports pasted into one file: the parser refused it whole (s27 hostile probe)."""
    first = calendar(event("SUMMARY:Budget review\r\nDTSTART:20260601T100000\r\n"))
    second = calendar(event("SUMMARY:Staff party\r\nDTSTART:20261218T190000\r\n"))
    document = read(tmp_path, first + second)
    assert "Budget review: 2026-06-01 10:00" in document.text
    assert "Staff party: 2026-12-18 19:00" in document.text


@pytest.mark.parametrize("cut_first", [False, True])
def test_a_calendar_never_closed_is_read_to_the_end_with_a_warning(
    tmp_path: Path, cut_first: bool
) -> None:
    """A second export pasted in, cut short before its END:VCALENDAR, was lost unsaid (s27
    hostile probe); cut first, it held the second and the file was refused. Cut first, it is
    closed where the second begins (s29 hostile probe F3)."""
    closed = calendar(event("SUMMARY:Budget review\r\nDTSTART:20260601T100000\r\n"))
    cut = calendar(event("SUMMARY:Staff party\r\nDTSTART:20261218T190000\r\n"))
    cut = cut.removesuffix("END:VCALENDAR\r\n")
    document = read(tmp_path, cut + closed if cut_first else closed + cut)
    assert "Budget review: 2026-06-01 10:00" in document.text
    assert "Staff party: 2026-12-18 19:00" in document.text
    warning = calendar_module.UNCLOSED_MENDED if cut_first else calendar_module.NEVER_CLOSED
    assert document.warnings == [f"events.ics: {warning}"]


@pytest.mark.parametrize("missing", ["END:VEVENT", "END:VALARM"])
def test_a_missing_end_line_closes_the_component_and_keeps_the_calendar(
    tmp_path: Path, missing: str
) -> None:
    """One missing END:VEVENT (or END:VALARM within an event) before the next event and the
    END:VCALENDAR lost the whole calendar: the nesting handed to the parser stayed wrong
    (s29 hostile probe F3). The component is closed where the next begins or the outer ends."""
    alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
    broken = event("SUMMARY:Budget review\r\nDTSTART:20260601T100000\r\n" + alarm)
    broken = broken.replace(f"{missing}\r\n", "", 1)
    later = event("SUMMARY:Staff party\r\nDTSTART:20261218T190000\r\n")
    last = event("SUMMARY:Annual meeting\r\nDTSTART:20261220T180000\r\n" + alarm)
    document = read(tmp_path, calendar(broken + later + last.replace(f"{missing}\r\n", "")))
    for written in ("Budget review: 2026-06-01", "Staff party: 2026-12-18", "Annual meeting"):
        assert written in document.text
    assert document.warnings == [f"events.ics: {calendar_module.UNCLOSED_MENDED}"]


@pytest.mark.parametrize("stray", ["END:VTODO", "END:VEVENT"])
def test_an_end_line_closing_nothing_open_is_left_out_with_a_warning(
    tmp_path: Path, stray: str
) -> None:
    """Review D of s29: a stray END:VTODO with nothing open made the whole calendar unreadable."""
    budget = event("SUMMARY:Budget review\r\nDTSTART:20260601T100000\r\n")
    party = event("SUMMARY:Staff party\r\nDTSTART:20261218T190000\r\n")
    document = read(tmp_path, calendar(budget + f"{stray}\r\n" + party))
    for written in ("Budget review: 2026-06-01", "Staff party: 2026-12-18"):
        assert written in document.text
    assert document.warnings == [f"events.ics: {calendar_module.STRAY_END_DROPPED}"]


@pytest.mark.parametrize("closed_first", [False, True])
def test_a_calendar_cut_within_an_event_keeps_that_event(
    tmp_path: Path, closed_first: bool
) -> None:
    """Cut within its last event, the calendar lost that event though the warning said it was
    read to the end of the file (s28 review A); alone, the file was refused."""
    closed = calendar(event("SUMMARY:Budget review\r\nDTSTART:20260601T100000\r\n"))
    cut = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20261218T190000\r\n"
    cut += "SUMMARY:Staff par"
    document = read(tmp_path, closed + cut if closed_first else cut)
    assert "Staff par: 2026-12-18 19:00" in document.text
    assert ("Budget review: 2026-06-01 10:00" in document.text) == closed_first
    assert document.warnings == [f"events.ics: {calendar_module.NEVER_CLOSED}"]


def test_a_folded_line_reading_end_vcalendar_closes_no_calendar(tmp_path: Path) -> None:
    """A description's folded line " END:VCALENDAR" was counted as closing the calendar cut
    short after it: that calendar was lost unsaid (s28 review A)."""
    folded = "DESCRIPTION:Agenda\r\n END:VCALENDAR\r\nSUMMARY:Budget review\r\n"
    closed = calendar(event(folded + "DTSTART:20260601T100000\r\n"))
    cut = calendar(event("SUMMARY:Staff party\r\nDTSTART:20261218T190000\r\n"))
    document = read(tmp_path, closed + cut.removesuffix("END:VCALENDAR\r\n"))
    assert "Budget review: 2026-06-01 10:00" in document.text
    assert "Staff party: 2026-12-18 19:00" in document.text
    assert document.warnings == [f"events.ics: {calendar_module.NEVER_CLOSED}"]


@pytest.mark.parametrize("offset", ["TZOFFSETTO:+01", "TZOFFSETFROM:+9999"])
def test_a_time_zone_the_parser_refuses_is_left_out_not_the_events(
    tmp_path: Path, offset: str
) -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\n"
        f"DTSTART:16010101T030000\r\n{offset}\r\nTZOFFSETTO:+0100\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    text = calendar(zone, event("SUMMARY:Annual review\r\nDTSTART:20260601T100000\r\n"))
    document = read(tmp_path, text)
    assert "Annual review: 2026-06-01 10:00" in document.text
    assert document.warnings == [
        "events.ics: time-zone definitions that could not be read left out"
    ]


def test_a_file_of_bare_cr_line_ends_is_read(tmp_path: Path) -> None:
    text = calendar(event("SUMMARY:Board meeting\r\nDTSTART;VALUE=DATE:20260302\r\n"))
    document = read(tmp_path, text.replace("\r\n", "\r"))
    assert "Board meeting: 2026-03-02" in document.text


def test_a_year_before_1000_is_written_in_four_digits(tmp_path: Path) -> None:
    """The "%Y" format wrote year 1 as "1", which dates.py reads as no date; an all-day
    event ending on its start overflowed below 0001-01-01 and was lost."""
    text = calendar(
        event("SUMMARY:Epoch\r\nDTSTART:00010101T090000\r\nDTEND:00010101T100000\r\n"),
        event("SUMMARY:First day\r\nDTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:00010101\r\n"),
    )
    document = read(tmp_path, text)
    assert "Epoch: 0001-01-01 09:00 – 10:00" in document.text
    assert "First day: 0001-01-01" in document.text


def test_an_event_losing_a_property_is_counted_in_a_warning(tmp_path: Path) -> None:
    """A Feb 30 start or a malformed SUMMARY parameter was dropped with nothing said."""
    text = calendar(
        event("SUMMARY:Impossible day\r\nDTSTART:20260230T100000\r\n"),
        event("SUMMARY:Fine day\r\nDTSTART:20260302T100000\r\n"),
    )
    document = read(tmp_path, text)
    assert "Impossible day" in document.text and "Fine day: 2026-03-02 10:00" in document.text
    assert document.warnings == [
        "events.ics: 1 event with a property that could not be read (a date, a title)"
        " written without it"
    ]


def test_a_property_the_section_does_not_write_is_no_loss_to_warn_of(tmp_path: Path) -> None:
    """A bad DTSTAMP or RRULE was counted as an event losing "a date, a title" (s27 review B)."""
    text = calendar(
        event("SUMMARY:Board\r\nDTSTART:20260302T100000\r\nDTSTAMP:garbage\r\n"),
        event("SUMMARY:Audit\r\nDTSTART:20260303T100000\r\nRRULE:FREQ=SOMETIMES\r\n"),
    )
    document = read(tmp_path, text)
    assert "Board: 2026-03-02 10:00" in document.text and "Audit: 2026-03-03" in document.text
    assert document.warnings == []


def time_zone(tzid: str, offset_to: str) -> str:
    """A VTIMEZONE block of one standard time at UTC+03:00 named `tzid`, its TZOFFSETTO
    written `offset_to` ("+03" is refused by the parser)."""
    return (
        f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
        f"TZOFFSETFROM:+0300\r\nTZOFFSETTO:{offset_to}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )


def test_a_refused_time_zone_beside_one_that_reads_loses_no_event(tmp_path: Path) -> None:
    good, bad = time_zone("Custom/Good", "+0300"), time_zone("Custom/Bad", "+03")
    text = calendar(
        good, bad, event("SUMMARY:Call\r\nDTSTART;TZID=Custom/Good:20260601T100000\r\n")
    )
    document = read(tmp_path, text)
    assert "Call: 2026-06-01 10:00" in document.text
    assert document.warnings == [
        "events.ics: time-zone definitions that could not be read left out"
    ]


def test_a_file_refused_for_an_event_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the parser refuses for another reason than a time zone is not read again (s27
    review B: an 8 MB file took twice as long to be refused)."""
    from icalendar import Calendar

    zone = time_zone("Custom/Good", "+0300")
    parses: list[bool] = []
    real = Calendar.from_ical

    def counted(text: str, multiple: bool = False) -> object:
        parses.append("garbage line" in text)
        return real(text, multiple=multiple)

    monkeypatch.setattr(Calendar, "from_ical", counted)
    text = calendar(zone, "BEGIN:VEVENT\r\nSUMMARY:x\r\n") + "garbage line\r\n"
    with pytest.raises(UnreadableDocument):
        read(tmp_path, text)
    assert parses.count(True) == 1


def test_a_time_zone_the_file_defines_is_never_asked_to_expand_its_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s28 hostile probe: a 409-byte .ics whose VTIMEZONE repeats every minute kept `citeqa
    index` busy past 300 s, strftime and tzname asking the zone (dateutil's tzical, which
    expands its rules from 1970 to the event) for summer time and a name. Its times are
    written as the file gives them, whichever zone rules it writes."""
    from dateutil.tz import tz as dateutil_zones

    def expanded(*args: object) -> None:
        raise AssertionError("the file's time zone was asked to expand its rules")

    monkeypatch.setattr(dateutil_zones._tzicalvtz, "_find_comp", expanded)
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Many\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=MINUTELY\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    )
    text = calendar(
        zone,
        event(
            "SUMMARY:Staff meeting\r\nDTSTART;TZID=Many:20260105T100000\r\n"
            "DTEND;TZID=Many:20260105T113000\r\n"
        ),
        event(
            "SUMMARY:Two days\r\nDTSTART;TZID=Many:20260105T100000\r\nDTEND:20260106T120000Z\r\n"
        ),
    )
    document = read(tmp_path, text)
    assert "Staff meeting: 2026-01-05 10:00 – 11:30" in document.text
    assert "Two days: 2026-01-05 10:00 – 2026-01-06 12:00 UTC" in document.text


def test_an_end_in_utc_after_a_start_in_a_zone_the_file_defines_is_written(
    tmp_path: Path,
) -> None:
    """A start in a zone the file defines and an end in UTC were compared as wall-clock
    times: 10:00 (07:00 UTC) to 08:00 UTC seemed to end before it began, and the end was lost
    (s28 review A); the other way round, the end's clock read as the start's zone's."""
    zone = time_zone("Custom/Good", "+0300")
    text = calendar(
        zone,
        event(
            "SUMMARY:Call\r\nDTSTART;TZID=Custom/Good:20260601T100000\r\nDTEND:20260601T080000Z\r\n"
        ),
        event(
            "SUMMARY:Review\r\nDTSTART:20260602T070000Z\r\n"
            "DTEND;TZID=Custom/Good:20260602T110000\r\n"
        ),
    )
    document = read(tmp_path, text)
    assert "Call: 2026-06-01 10:00 – 2026-06-01 08:00 UTC" in document.text
    assert "Review: 2026-06-02 07:00 UTC – 2026-06-02 11:00" in document.text


def test_a_folded_line_reading_begin_vtimezone_opens_no_time_zone(tmp_path: Path) -> None:
    """s28 stop re-read: with a malformed time zone in the file, a description folded as
    " BEGIN:VTIMEZONE" put the rest of the file in a time zone and the file was refused."""
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Bad\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
        "TZOFFSETFROM:+9999\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    folded = event(
        "SUMMARY:Kick-off\r\nDTSTART:20260601T100000\r\nDESCRIPTION:Agenda\r\n BEGIN:VTIMEZONE\r\n"
    )
    later = event("SUMMARY:Review\r\nDTSTART:20260602T100000\r\n")
    document = read(tmp_path, calendar(zone, folded, later))
    assert "Kick-off: 2026-06-01 10:00" in document.text
    assert "Review: 2026-06-02 10:00" in document.text


@pytest.mark.parametrize(
    ("summary", "rule", "written"),
    [
        (
            "Entraînement des poussins au gymnase",
            "FREQ=WEEKLY;BYDAY=WE;UNTIL=20260624T000000Z",
            "2025-09-10 16:00 – 17:30, chaque semaine le mercredi jusqu'au 2026-06-24",
        ),
        (
            "Réunion du bureau de l'association",
            "FREQ=MONTHLY;BYDAY=1MO;COUNT=10",
            "2025-09-10 16:00 – 17:30, chaque mois le premier lundi 10 fois",
        ),
        (
            "Team stand-up with the product group",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            "2025-09-10 16:00 – 17:30, every 2 weeks on Monday and Thursday",
        ),
        ("Weekly sync of the team", "FREQ=WEEKLY", "17:30, every week on Wednesday"),
        ("Board of the club", "FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"),
        ("Board of the club", "FREQ=WEEKLY;BYDAY=XX", "Board of the club: 2025-09-10 16:00"),
        ("Audit of the accounts", "FREQ=SOMETIMES", "Audit of the accounts: 2025-09-10 16:00"),
    ],
)
def test_a_recurrence_rule_is_written_in_words_of_the_calendars_language(
    tmp_path: Path, summary: str, rule: str, written: str
) -> None:
    """s29 trial: a weekly training, written once at its first date, answered no "Quel jour a
    lieu l'entraînement ?"; its rule is now said, in the calendar's language, beside its date
    (2025-09-10 is a Wednesday; an unknown frequency or day is left out)."""
    text = calendar(
        event(
            f"SUMMARY:{summary}\r\nDTSTART:20250910T160000\r\nDTEND:20250910T173000\r\n"
            f"RRULE:{rule}\r\n"
        )
    )
    document = read(tmp_path, text)
    assert written in document.text
    assert document.warnings == []
    if rule == "FREQ=SOMETIMES":
        assert "Audit of the accounts: 2025-09-10 16:00 – 17:30\n" in document.text


def test_a_rules_parts_rfc_5545_does_not_allow_are_left_out_alone() -> None:
    """Rules as the parser gives them (vRecur: a list per part), read past what it refuses."""
    start = date(2025, 9, 10)
    rule = {"FREQ": ["WEEKLY"], "BYDAY": ["-1FR"], "COUNT": [-2]}
    assert recurrence_words(rule, start, "en") == "every week on the last Friday"
    # a day the words cannot say, or a part narrowing the days, leaves the days out, never
    # misstated (s29 review A: "-2FR" was written "Friday", BYSETPOS=-1 "Monday")
    for unsaid in (
        {"FREQ": ["WEEKLY"], "BYDAY": ["XX", "-1FR"]},
        {"FREQ": ["MONTHLY"], "BYDAY": ["-2FR"]},
        {"FREQ": ["MONTHLY"], "BYDAY": ["MO"], "BYSETPOS": [-1]},
        {"FREQ": ["YEARLY"], "BYMONTH": [9], "BYDAY": ["1MO"]},
        {"FREQ": ["WEEKLY"], "BYMONTHDAY": [15]},
    ):
        frequency = str(unsaid["FREQ"][0]).lower().replace("ly", "").replace("dai", "day")
        assert recurrence_words(unsaid, start, "en") == f"every {frequency}"
    assert recurrence_words({"FREQ": ["weekly"], "INTERVAL": [True]}, start, "fr") == (
        "chaque semaine le mercredi"
    )
    assert recurrence_words({"FREQ": [3], "BYDAY": ["MO"]}, start, "en") == ""
    assert recurrence_words({"BYDAY": ["MO"]}, start, "en") == ""
    days = {"FREQ": ["DAILY"], "BYDAY": ["MO", "TU", "TH"], "UNTIL": [date(2026, 1, 2)]}
    assert recurrence_words(days, start, "fr") == (
        "chaque jour le lundi, le mardi et le jeudi jusqu'au 2026-01-02"
    )


def _stamped(modified: tuple[str, ...]) -> str:
    """A calendar of one event per `modified` property line ("LAST-MODIFIED:…", "CREATED:…",
    "" for none)."""
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@x\r\nDTSTAMP:20270301T080000Z\r\n{line}"
        f"DTSTART:2027012{n}T080000\r\nSUMMARY:Exam {n}\r\nEND:VEVENT\r\n"
        for n, line in enumerate(f"{stamp}\r\n" if stamp else "" for stamp in modified)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Agenda\r\n{events}END:VCALENDAR\r\n"


def test_each_event_is_dated_by_its_own_change(tmp_path: Path) -> None:
    """s29 trial: the calendar's "22 janvier, Gymnase" was quoted before a later mail moving
    it; undated, the calendar could not be told older. Its DTSTAMP (the export's time) dates
    nothing. Each event is dated on its own (s29 review: one unrelated event edited after the
    mail made the whole calendar newer than the mail)."""
    stamps = ("LAST-MODIFIED:20260901T080000Z", "CREATED:20261002T080000Z", "")
    document = read(tmp_path, _stamped(stamps))
    assert document.text.startswith(
        "# Agenda\n\n## Exam 0\n\nExam 0: 2027-01-20 08:00\n\nLast modified: 2026-09-01\n\n"
        "## Exam 1\n\nExam 1: 2027-01-21 08:00\n\nLast modified: 2026-10-02\n\n## Exam 2\n\n"
    )
    assert document.text.count("Last modified") == 2  # Exam 2 says nothing of its changes
    assert document_date(document) is None  # no event dates the others
    sections = SectionDates(document.text, markdown=False)
    dates = [sections.date_at(document.text.index(f"Exam {n}:")) for n in range(3)]
    assert dates == ["2026-09-01", "2026-10-02", None]


def test_a_french_calendar_writes_its_label_in_french(tmp_path: Path) -> None:
    calendar = _stamped(("LAST-MODIFIED:20260901T080000Z",)).replace(
        "SUMMARY:Exam 0", "SUMMARY:Réunion des parents d'élèves de la classe de seconde"
    )
    document = read(tmp_path, calendar)
    assert "\n\nDernière modification : 2026-09-01\n" in document.text
    assert "Last modified" not in document.text
    start = document.text.index("Réunion des parents d'élèves de la classe de seconde:")
    assert SectionDates(document.text, markdown=False).date_at(start) == "2026-09-01"


MOVED = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Réservations plateforme\r\n"
    "BEGIN:VEVENT\r\nUID:m@x\r\nDTSTART:20270314T140000\r\nDTEND:20270314T180000\r\n"
    "SUMMARY:Confocal - Paul Girard (lames de Gand)\r\nLOCATION:C104\r\n"
    "DESCRIPTION:Déplacé du mardi 13 au mercredi 14 mars (lames Verhoeven)\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:n@x\r\nDTSTART;VALUE=DATE:20270325\r\n"
    "SUMMARY:Révision annuelle du confocal par le fabricant (technicien sur place)\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_an_events_description_is_its_body_never_a_heading(tmp_path: Path) -> None:
    """s30 trial a42: a moved instance's description, short and with no final period, stood on
    a paragraph of its own over the next event's long heading, was read as a heading and left
    out of the quote as a title (titleonly.py); another event's move was quoted for "moved to
    when?". It is on the line under the event's what-when-where line, never a heading."""
    document = read(tmp_path, MOVED)
    moved = "Déplacé du mardi 13 au mercredi 14 mars (lames Verhoeven)"
    assert f"Confocal - Paul Girard (lames de Gand): 2027-03-14 14:00 – 18:00, C104\n{moved}\n" in (
        document.text
    )
    assert moved not in headings(document.text)


def test_a_control_character_in_a_parameter_loses_no_date(tmp_path: Path) -> None:
    """s34 hostile: "DTSTART;TZID=Garbage/Nowhere\\x01:…" was refused by the parser, so the
    workshop lost its date and its rule; the summary's own control characters stay as written
    (sanitised where shown)."""
    text = calendar(
        event(
            "SUMMARY:Atelier poterie\r\nDTSTART;TZID=Garbage/Nowhere\x01:20250106T180000\r\n"
            "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20251231T230000Z\r\n"
        ),
        event("SUMMARY:Chorale \x1b[31mrouge\r\nDTSTART;VALUE=DATE:20250107\r\n"),
    )
    document = read(tmp_path, text)
    assert "2025-01-06 18:00" in document.text
    assert [series.first[:10] for series in document.series] == ["2025-01-06"]
    assert "Chorale \x1b[31mrouge" in document.text


def test_a_control_character_in_a_folded_parameter_loses_no_date(tmp_path: Path) -> None:
    """s35 review: a control character on a property's second physical line (folded) was left,
    so the parser still refused the start and the event lost its date and rule."""
    text = calendar(
        event(
            "SUMMARY:Atelier poterie\r\nDTSTART;TZID=Europe/\r\n Paris\x01:20250106T180000\r\n"
            "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20251231T230000Z\r\n"
        ),
        event("SUMMARY:Chorale \r\n \x1b[31mrouge\r\nDTSTART;VALUE=DATE:20250107\r\n"),
    )
    document = read(tmp_path, text)
    assert "2025-01-06 18:00" in document.text
    assert [series.first[:10] for series in document.series] == ["2025-01-06"]
    assert "Chorale \x1b[31mrouge" in document.text


def test_a_rule_its_line_leaves_unsaid_is_kept_as_the_series_bounds(tmp_path: Path) -> None:
    """s34 hostile: a "last weekday of the month" series kept no rule, so every later day was
    one it might fall on; its rule now bounds those days (recurring_days.may_fall_on)."""
    text = calendar(
        event(
            "SUMMARY:Bilan mensuel\r\nDTSTART;VALUE=DATE:20250131\r\n"
            "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;UNTIL=20251231\r\n"
        )
    )
    (series,) = read(tmp_path, text).series
    assert series.rule == ""
    assert "BYSETPOS=-1" in series.bounds and "BYDAY=MO,TU,WE,TH,FR" in series.bounds
