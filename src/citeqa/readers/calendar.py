"""Calendar files (.ics, iCalendar, RFC 5545): each event as a section a question can find.

An office folder keeps its calendar export beside its minutes (s26 trial: "When is the
end-of-year party?" was only in evenements-2026.ics, skipped as of a type citeqa does not read,
and answered with an unrelated sentence). Each event (VEVENT) is written as a section headed by
its summary, then one line saying it whole, its summary, when and where, then its description:

    ## Soirée de fin d'année

    Soirée de fin d'année: 2026-12-18 19:00 – 23:00, Péniche Le Marcounet, Paris

A date is written in ISO form ("2026-12-18"), which dates.py reads as its date terms, so "le
18 décembre" and "December 18" find it; a time as its wall-clock hours and minutes as the file
writes them (a time in UTC, "Z", says "UTC"); an all-day event's end (exclusive in iCalendar)
as its last day. The whole calendar stands under a heading naming it (its X-WR-CALNAME, else the
file's name). A recurrence rule is not expanded: the event is written once, at its first date.

Parsed by `icalendar` (a dependency: the maintained RFC 5545 parser, which unfolds lines,
unescapes "\\," and reads dates and time zones), not by hand. A file that does not parse, holds
no event, or passes structured.py's size limit is skipped with a reason, never a traceback;
past MAX_EVENTS events the rest are left out with a warning. `icalendar` is imported only when
a file is read (55 ms: every command imports the readers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from citeqa.readers.base import Extracted, UnreadableDocument
from citeqa.readers.structured import MAX_FILE_BYTES, file_title, past_limit, refuse_past_limit
from citeqa.textdecoding import VERSION as DECODING_VERSION

if TYPE_CHECKING:  # imported when a file is read (55 ms): every command finds the readers
    from icalendar import Calendar, Component

MAX_EVENTS = 20_000
"""The most events of a calendar read; a warning says how many more were left out."""
NO_EVENTS = "no events in it"
KIND_NAME = "an iCalendar"
"""The file's kind as a refusal names it ("larger than … characters, citeqa's limit for an
iCalendar file")."""


@dataclass(frozen=True)
class CalendarReader:
    """A .ics file, already decoded: its events, one section each."""

    kind: str = "ics"
    suffixes: tuple[str, ...] = (".ics",)
    decoded: bool = True
    version: int = 1 + DECODING_VERSION
    max_bytes: int = MAX_FILE_BYTES
    """corpus.py reads at most this many bytes and one more of such a file (base.CappedReader):
    a file of more is refused (`oversized`) unread, as `refuse_past_limit` would refuse it."""

    def oversized(self) -> str:
        """The reason a file of more than `max_bytes` bytes is refused."""
        return past_limit(KIND_NAME)

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = content if isinstance(content, str) else content.decode("utf-8", "replace")
        refuse_past_limit(text, KIND_NAME)
        calendar = _parsed(text)
        events = calendar.walk("VEVENT")
        sections = [section for event in events[:MAX_EVENTS] if (section := event_section(event))]
        if not sections:
            raise UnreadableDocument(NO_EVENTS)
        title = _text(calendar.get("X-WR-CALNAME")) or file_title(relative)
        warnings = []
        if len(events) > MAX_EVENTS:
            warnings.append(
                f"{relative}: {len(events) - MAX_EVENTS:,} events past the first "
                f"{MAX_EVENTS:,} not read"
            )
        body = "\n\n".join(sections)
        return Extracted(f"# {title}\n\n{body}\n", title=title, warnings=warnings)


def _parsed(text: str) -> Calendar:
    """The calendar `text` holds; UnreadableDocument with the parser's reason when none."""
    from icalendar import Calendar  # see TYPE_CHECKING above

    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise UnreadableDocument(f"not a valid iCalendar file: {_one_line(str(error))}") from None
    if isinstance(calendar, list):  # several VCALENDARs: read the first
        calendar = calendar[0] if calendar else Calendar()
    return calendar


def event_section(event: Component) -> str:
    """An event's section: its summary as a heading, a line saying what, when and where, then
    its description; "" for an event saying none of these."""
    summary = _text(event.get("SUMMARY"))
    when = _when(event)
    place = _text(event.get("LOCATION"))
    line = ", ".join(part for part in (when, place) if part)
    if summary:
        line = f"{summary}: {line}" if line else summary
    if not line:
        return ""
    description = _text(event.get("DESCRIPTION"))
    heading = f"## {summary}\n\n" if summary else ""
    return heading + line + (f"\n\n{description}" if description else "")


def _when(event: Component) -> str:
    """When the event takes place ("2026-12-18 19:00 – 23:00", "2026-06-18 – 2026-06-19");
    "" when its start is missing or no date."""
    start = _moment(event, "DTSTART")
    if start is None:
        return ""
    end = _moment(event, "DTEND")
    if not isinstance(start, datetime):
        all_day = end is not None and not isinstance(end, datetime)
        last = end - timedelta(days=1) if all_day and end is not None else None
        return start.isoformat() if last is None or last <= start else f"{start} – {last}"
    written = _written(start)
    if not isinstance(end, datetime) or end <= start:
        return written
    if end.date() == start.date():
        return f"{written} – {end:%H:%M}"
    return f"{written} – {_written(end)}"


def _moment(event: Component, name: str) -> date | None:
    """The event's `name` property (DTSTART, DTEND) as a date or a datetime; None when it has
    none or it does not parse."""
    if name not in event:
        return None
    try:
        value = event.decoded(name)
    except (ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, date) else None


def _written(moment: datetime) -> str:
    """A datetime as its date and wall-clock time, "UTC" after a time in UTC."""
    written = f"{moment:%Y-%m-%d %H:%M}"
    in_utc = moment.tzinfo is UTC or moment.tzname() == "UTC"
    return f"{written} UTC" if in_utc else written


def _text(value: object) -> str:
    """A text property's value on one line ("" for none); a property written twice is read
    as its first value."""
    if isinstance(value, list):
        value = value[0] if value else None
    return "" if value is None else _one_line(str(value))


def _one_line(text: str) -> str:
    """`text` with its runs of white space, line breaks included, as single spaces."""
    return " ".join(text.split())


READERS = (CalendarReader(),)
