"""Calendar files (.ics, iCalendar, RFC 5545): each event as a section a question can find.

An office folder keeps its calendar export beside its minutes (s26 trial: "When is the
end-of-year party?" was only in evenements-2026.ics, skipped as of a type citeqa does not read,
and answered with an unrelated sentence). Each event (VEVENT) is written as a section headed by
its summary, then one line saying it whole, its summary, when and where, then its description
on the next line (the event's body, never read as a heading):

    ## Soirée de fin d'année

    Soirée de fin d'année: 2026-12-18 19:00 – 23:00, Péniche Le Marcounet, Paris
    Navette depuis la gare de Lyon à 18 h 30.

An event with no summary, date or place but a description is its description alone; one
with a DURATION and no DTEND ends at its start plus that duration. A start and an end that
cannot be compared (a floating time and one in UTC, a time in a zone the file defines and one
in UTC) are both written as the file gives them;
an event whose properties the parser cannot read is left out alone, with a warning.

A date is written in ISO form ("2026-12-18"), which dates.py reads as its date terms, so "le
18 décembre" and "December 18" find it; a time as its wall-clock hours and minutes as the file
writes them (a time in UTC, "Z", says "UTC"); an all-day event's end (exclusive in iCalendar)
as its last day. The whole calendar stands under a heading naming it (its X-WR-CALNAME, else the
file's name). An event's section that says when the event was last changed (LAST-MODIFIED, else
CREATED) ends with a line giving that day in the calendar's language ("Last modified:
2026-09-01", "Dernière modification : 2026-09-01": data/dated_documents.json
`modified_labels`): what the calendar says of that event held then, so that a mail dated after
it moving the event is known for the later word (later_statements.py dates each section's
sentences by it; a DTSTAMP, often the export's time, dates nothing). Each event is dated on its
own: exports stamp each event, and an unrelated event edited after the mail makes no other one
newer than the mail (s29 review). A recurrence rule is not expanded: the event is written once,
at its first date, with the rule in words in the calendar's language ("…, chaque semaine le
mercredi jusqu'au 2026-06-24": readers/recurrence.py).

Parsed by `icalendar` (a dependency: the maintained RFC 5545 parser, which unfolds lines,
unescapes "\\," and reads dates and time zones), not by hand. A file that does not parse, holds
no event, or passes MAX_CALENDAR_CHARACTERS is skipped with a reason, never a traceback;
past MAX_EVENTS events the rest are left out with a warning. `icalendar` is imported only when
a file is read (55 ms: every command imports the readers).

A file holding several calendars one after another (two exports pasted together) is read whole,
each calendar's events in turn; one never closed (no END:VCALENDAR: a file cut short, within an
event too) is read to the end of the file, with a warning. Time-zone definitions (VTIMEZONE)
the parser refuses (a malformed offset) are left out with a warning and the file read again
without them: the events keep their wall-clock times. Old Mac files ending lines with a bare CR
read as any other. An event whose date or title the parser cannot read is written without it,
and a warning counts such events (s27 hostile probe: a second calendar, a bad VTIMEZONE or a
bare CR each lost the whole file; a Feb 30 start or a malformed SUMMARY was dropped unsaid).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from citeqa.language import Lang, detect_lang
from citeqa.models import Series
from citeqa.modified_labels import modified_labels
from citeqa.readers.base import Extracted, UnreadableDocument
from citeqa.readers.recurrence import recurrence_words, says_every_part
from citeqa.readers.structured import file_title, past_limit
from citeqa.textdecoding import VERSION as DECODING_VERSION

if TYPE_CHECKING:  # imported when a file is read (55 ms): every command finds the readers
    from icalendar import Calendar, Component

MAX_EVENTS = 20_000
"""The most events of a calendar read; a warning says how many more were left out."""
MAX_CALENDAR_CHARACTERS = 8_000_000
"""A larger .ics file is skipped. Larger than structured.py's limit for data files (1,000,000):
an office's multi-year calendar export holds thousands of events of a few hundred characters
each (8,000 events, 1.5 MB, were refused; s26 review E), read in 2.5 s; at MAX_EVENTS of
400 characters a file is 8 MB."""
MAX_CALENDAR_BYTES = 4 * MAX_CALENDAR_CHARACTERS + 4
"""A file of more bytes has more than MAX_CALENDAR_CHARACTERS characters whatever its encoding."""
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
    version: int = 17 + DECODING_VERSION
    """16: a series' bare EXDATEs (cancellations no RECURRENCE-ID moves) kept as skipped days
    (Series.skipped). 15: a series whose line leaves a part of its rule unsaid, or of an event
    with several RRULEs, keeps no rule (its days unknown). 14: a repeating event's rule kept
    with the document (Document.series), so that its days are computed for a question asking one
    (recurring_days.py). 13: an event's description is on the line under its what-when-where
    line, in its paragraph (on a paragraph of its own, a short one was read as a heading and
    never quoted).
    12: an END: line closing no open component left out, with a warning (a stray END:VTODO
    made the whole calendar unreadable). 11: the last-modified line in the calendar's language
    ("Dernière modification :"). 10: each event's section ends with its own last-modified line
    (was one line under the calendar's heading, the latest day any event was changed: an
    unrelated event edited later re-dated the whole calendar). 9: a component left open is
    closed where an outer one ends or one of its kind begins (a
    missing END:VEVENT lost the whole calendar). 8: a recurrence rule written in words. 7: a
    "Last modified:" line under the calendar's heading. 6: a folded line opens no time zone. 5:
    a calendar cut within an event keeps that event; a folded line reading "END:VCALENDAR"
    closes nothing; an end in another zone than a file-defined zone's start written, not lost.
    4: a calendar never closed is read to the end of the file, with a warning. 3: several
    calendars in one file, malformed time zones left out, bare CR line ends, years before 1000
    written in four digits. 2: a floating start and an end in UTC no longer lose the whole
    calendar, an event with only a description is read, a DURATION gives the end,
    MAX_CALENDAR_CHARACTERS (was 1,000,000)."""
    max_bytes: int = MAX_CALENDAR_BYTES
    """corpus.py reads at most this many bytes and one more of such a file (base.CappedReader):
    a file of more is refused (`oversized`) unread, as `extract` would refuse it."""

    def oversized(self) -> str:
        """The reason a file of more than `max_bytes` bytes is refused."""
        return PAST_LIMIT

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = content if isinstance(content, str) else content.decode("utf-8", "replace")
        if len(text) > MAX_CALENDAR_CHARACTERS:
            raise UnreadableDocument(PAST_LIMIT)
        calendars, warnings = _parsed(text, relative)
        events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
        language = _calendar_language(events[:MAX_EVENTS])
        read = [_stamped_section(event, language) for event in events[:MAX_EVENTS]]
        sections = [section for section in read if section]
        if not sections:
            raise UnreadableDocument(NO_EVENTS)
        title = _calendar_name(calendars) or file_title(relative)
        heading = f"# {title}\n\n"
        series = _series_of_calendar(events[:MAX_EVENTS], read, len(heading))
        if unreadable := read.count(None):
            warnings.append(f"{relative}: {_events(unreadable)} that could not be read left out")
        flawed = sum(1 for event, kept in zip(events, read, strict=False) if kept and _lost(event))
        if flawed:
            warnings.append(
                f"{relative}: {_events(flawed)} with a property that could not be read"
                " (a date, a title) written without it"
            )
        if len(events) > MAX_EVENTS:
            warnings.append(
                f"{relative}: {_events(len(events) - MAX_EVENTS)} past the first "
                f"{MAX_EVENTS:,} not read"
            )
        body = "\n\n".join(sections)
        return Extracted(f"{heading}{body}\n", title=title, warnings=warnings, series=series)


PAST_LIMIT = past_limit(KIND_NAME, limit=MAX_CALENDAR_CHARACTERS)


def _series_of_calendar(
    events: list[Component], read: list[str | None], offset: int
) -> list[Series]:
    """The repeating events of `events` (their sections `read`, joined by a blank line from
    `offset` of the text) as Series (`repeating_series`), their days moved or cancelled by
    another event of their UID (RECURRENCE-ID) excluded."""
    moved = _moved_days(events)
    series: list[Series] = []
    for event, section in zip(events, read, strict=True):
        if not section:
            continue
        found = _series_or_none(event, section, offset, moved)
        series += [] if found is None else [found]
        offset += len(section) + 2
    return series


def _series_or_none(
    event: Component, section: str, offset: int, moved: Mapping[str, set[str]]
) -> Series | None:
    """`repeating_series` of an event whose section stands at `offset`, None when the parser
    cannot read it (icalendar raises assorted errors on malformed values: only that event's
    series is lost, its words stay written)."""
    try:
        return repeating_series(event, section, offset, moved.get(_text(event.get("UID")), set()))
    except Exception:  # a malformed rule or date: the event is written, its days not computed
        return None


def repeating_series(event: Component, section: str, offset: int, moved: set[str]) -> Series | None:
    """The event as a Series when it repeats and its section (at `offset` of the text) writes
    the rule in words: its line's place, its first start, its rule (recurrence.rule_text), its
    EXDATE days and the `moved` ones (its EXDATE days not moved also as skipped), its RDATE
    days; None for any other event (one moving an
    occurrence of another, RECURRENCE-ID, is no series of its own). Its rule is "" (its days
    unknown: recurring_days expands none, nothing is claimed of them) when the line leaves a
    part of it unsaid ("every day" of FREQ=DAILY;BYMONTH=2;BYMONTHDAY=28) or the event has more
    than one RRULE, its line saying the first only (review of s33-rrule); with one RRULE, that
    rule is kept as its `bounds` (the days it cannot fall on: s34 hostile probe)."""
    start = _moment(event, "DTSTART")
    rules = _rules(event)
    if start is None or not rules or "RECURRENCE-ID" in event:
        return None
    line_start = section.find("\n\n") + 2 if section.startswith("## ") else 0
    line_end = section.find("\n", line_start)
    line_end = len(section) if line_end < 0 else line_end
    if not recurrence_words(rules[0], start, "en"):
        return None  # its line does not say it repeats: nothing to quote for its days
    said = len(rules) == 1 and says_every_part(rules[0], start)
    skipped = _days_of(event, "EXDATE", start) - moved
    excluded = {*skipped, *moved}
    return Series(
        start=offset + line_start,
        end=offset + line_end,
        first=wall_clock(start),
        rule=rule_text(rules[0], start) if said else "",
        bounds=rule_text(rules[0], start) if len(rules) == 1 and not said else "",
        excluded=sorted(excluded),
        skipped=sorted(skipped),
        added=sorted(_days_of(event, "RDATE", start)),
    )


def _rules(event: Component) -> list[Mapping[str, Any]]:
    """The event's RRULEs the parser reads (icalendar's vRecur), in order."""
    return [one for one in _written_rules(event) if isinstance(one, Mapping)]


def _written_rules(event: Component) -> list[Any]:
    """The event's RRULE values as the parser gives them, in order, read or not; none for an
    event without one."""
    rule = event.get("RRULE")
    if rule is None:
        return []
    return rule if isinstance(rule, list) else [rule]


def _moved_days(events: list[Component]) -> dict[str, set[str]]:
    """For each UID, the days of its occurrences that events of that UID holding a
    RECURRENCE-ID move elsewhere or cancel."""
    moved: dict[str, set[str]] = {}
    for event in events:
        if "RECURRENCE-ID" not in event:
            continue
        day = _moment(event, "RECURRENCE-ID")
        if day is not None:
            moved.setdefault(_text(event.get("UID")), set()).add(_day_of(day, None))
    return moved


def _days_of(event: Component, name: str, start: date) -> set[str]:
    """The days ("YYYY-MM-DD") of an EXDATE or RDATE property (each line of it), in the
    wall-clock time of `start`; a period's first day."""
    values = event.get(name)
    lines = values if isinstance(values, list) else [values] if values is not None else []
    days: set[str] = set()
    for line in lines:
        for value in getattr(line, "dts", []):
            moment = value.dt[0] if isinstance(value.dt, tuple) else value.dt
            if isinstance(moment, date):
                days.add(_day_of(moment, start))
    return days


def _day_of(moment: date, start: date | None) -> str:
    """The day of `moment` in the wall-clock time of `start` (`_in_start_zone`), ISO."""
    if isinstance(moment, datetime):
        return _in_start_zone(moment, start).date().isoformat()
    return moment.isoformat()


def _in_start_zone(moment: datetime, start: date | None) -> datetime:
    """`moment` as a wall-clock time in the zone of `start` when both have a zone and the
    start's is one of the system's database or a fixed offset; else as the file writes it
    (a zone the file defines is never asked an offset: `_file_zone`; its days may then be
    read a few hours off at a day's edge)."""
    zoned = isinstance(start, datetime) and start.tzinfo is not None and not _file_zone(start)
    if zoned and moment.tzinfo is not None and isinstance(start, datetime):
        return moment.astimezone(start.tzinfo).replace(tzinfo=None)
    return moment.replace(tzinfo=None)


def wall_clock(start: date) -> str:
    """A start as its wall-clock time, ISO ("2025-01-09", "2025-01-09T19:00:00")."""
    if isinstance(start, datetime):
        return start.replace(tzinfo=None).isoformat(timespec="seconds")
    return start.isoformat()


def rule_text(rule: Mapping[str, Any], start: date) -> str:
    """The rule as RFC 5545 writes it, its UNTIL in the wall-clock time of `start`
    (`_in_start_zone`): a day for an all-day event, else a local time, the end of that day
    for a day (dateutil requires an UNTIL of the start's kind)."""
    from icalendar import vRecur  # see TYPE_CHECKING above

    parts = {name: values for name, values in rule.items() if str(name).upper() != "UNTIL"}
    text = vRecur(parts).to_ical().decode("ascii")
    until = rule.get("UNTIL")
    until = until[0] if isinstance(until, list) and until else until
    if not isinstance(until, date):
        return text
    if not isinstance(start, datetime):
        day = until.date() if isinstance(until, datetime) else until
        return f"{text};UNTIL={day:%Y%m%d}"
    if isinstance(until, datetime):
        last = _in_start_zone(until, start)
    else:
        last = datetime.combine(until, time(23, 59, 59))
    return f"{text};UNTIL={last:%Y%m%dT%H%M%S}"


def _stamped_section(event: Component, language: Lang) -> str | None:
    """The event's section (`_section_or_none`), ending with the line giving the day the event
    was last changed in `language` (`modified_label`) when it says so and the section has a
    heading of its own (a description alone is read as part of the section before it)."""
    section = _section_or_none(event, language)
    if not section or not section.startswith("## "):
        return section
    changed = _changed_on(event)
    return section if changed is None else f"{section}\n\n{modified_label(language)} {changed}"


@functools.cache
def modified_label(language: Lang) -> str:
    """The label, colon included, of the line giving the day an event was last changed, in
    `language` ("Last modified:", "Dernière modification :": data/dated_documents.json
    `modified_labels`, which later_statements.py reads too: modified_labels.py)."""
    labels = modified_labels()
    return labels.get(language, labels["en"])


def _changed_on(event: Component) -> date | None:
    """The day the event was last changed, its LAST-MODIFIED, else its CREATED, else None."""
    for name in ("LAST-MODIFIED", "CREATED"):
        moment = _moment(event, name)
        if moment is not None:
            return moment.date() if isinstance(moment, datetime) else moment
    return None


def _events(count: int) -> str:
    """`count` events, in words ("1 event", "2,000 events")."""
    return f"{count:,} event" + ("" if count == 1 else "s")


def _section_or_none(event: Component, language: Lang) -> str | None:
    """The event's section (`event_section`), None when the parser cannot read its properties:
    `icalendar` raises assorted errors on malformed values, so any is caught here, at the
    parser's boundary, and only that event is lost."""
    try:
        return event_section(event, language)
    except Exception:  # a malformed event: left out alone
        return None


LANGUAGE_SAMPLE = 200
"""How many events' texts tell a calendar's language (`_calendar_language`)."""


def _calendar_language(events: list[Component]) -> Lang:
    """The language of the events' summaries, places and descriptions (the first
    LANGUAGE_SAMPLE), English when they do not say: the language recurrence rules are written
    in (readers/recurrence.py)."""
    texts = (
        _text(event.get(name))
        for event in events[:LANGUAGE_SAMPLE]
        for name in ("SUMMARY", "LOCATION", "DESCRIPTION")
    )
    return detect_lang(" ".join(texts))


def _parsed(text: str, relative: str) -> tuple[list[Calendar], list[str]]:
    """The calendars `text` holds and the warnings of their reading: when the parser refuses
    the file, it is read again without the time-zone definitions it refuses read alone
    (`_without_refused_time_zones`), only when there is one;
    UnreadableDocument with the parser's reason when it still refuses it."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    lines, warnings = _closed(_parameters_without_controls(normalised), relative)
    try:
        return _calendars(lines), warnings
    except UnreadableDocument:
        kept = _without_refused_time_zones(lines)
        if kept == lines:
            raise
    calendars = _calendars(kept)
    return calendars, [*warnings, f"{relative}: {TIME_ZONES_LEFT_OUT}"]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
"""A control character (tab and line feed aside)."""


_FOLD = re.compile(r"\n[ \t]")
"""A line break and the blank opening the folded content line's next physical line."""


def _parameters_without_controls(text: str) -> str:
    """`text` with the control characters of each content line's name and parameters (before
    its first colon outside quotes) left out: the parser refuses such a line whole, so
    "DTSTART;TZID=Garbage/Nowhere\\x01:…" lost the event's date and rule (s34 hostile probe).
    A value's own control characters (a summary's escape sequence) stay as written; a file
    holding none is returned as it is. Its content lines are unfolded first (RFC 5545 3.1, as
    the parser reads them): a name or parameter folded onto a second physical line
    ("DTSTART;TZID=Europe/", " Paris\\x01:…") kept its control characters (s35 review)."""
    if not _CONTROL.search(text):
        return text
    unfolded = _FOLD.sub("", text)
    return "\n".join(_line_without_controls(line) for line in unfolded.split("\n"))


def _line_without_controls(line: str) -> str:
    """`line` with the control characters before its first colon outside quotes left out; a
    line starting with a blank (after unfolding, only a file's first line can) stays as written."""
    if line[:1] in (" ", "\t"):
        return line
    quoted = False
    for at, character in enumerate(line):
        if character == '"':
            quoted = not quoted
        elif character == ":" and not quoted:
            return _CONTROL.sub("", line[:at]) + line[at:]
    return line


TIME_ZONES_LEFT_OUT = "time-zone definitions that could not be read left out"
NEVER_CLOSED = "a calendar never closed (no END:VCALENDAR) read to the end of the file"


def _closed(text: str, relative: str) -> tuple[str, list[str]]:
    """`text` with its components' nesting mended (`_mended`) and the END: lines of the
    components it leaves open added at its end, the innermost first, with a warning for each
    repair; the parser left a calendar never closed out unsaid (s27 hostile probe, the second of
    two exports pasted together, cut short, was lost silently; cut within an event, that event
    was lost though the warning said the file was read to its end: s28 review A), and one
    missing END:VEVENT before END:VCALENDAR lost the whole calendar (s29 hostile probe F3)."""
    lines, left_open, mended, dropped = _mended(text)
    warnings = [f"{relative}: {UNCLOSED_MENDED}"] if mended else []
    warnings += [f"{relative}: {STRAY_END_DROPPED}"] if dropped else []
    if "VCALENDAR" not in left_open:
        return lines, warnings
    ending = "" if lines.endswith("\n") else "\n"
    closing = "".join(f"END:{name}\n" for name in reversed(left_open))
    return lines + ending + closing, [*warnings, f"{relative}: {NEVER_CLOSED}"]


UNCLOSED_MENDED = (
    "components left open (a missing END: line) closed where the next one begins or ends"
)


STRAY_END_DROPPED = "END: lines closing no open component left out"


def _mended(text: str) -> tuple[str, list[str], bool, bool]:
    """`text` with the END: lines of the components an END: line of an outer component, or a
    BEGIN: line of a component of the same name (no component nests in its own kind), leaves
    open written before that line; the components still open at the end, outermost first;
    whether any END: line was written; and whether an END: line naming no open component was
    left out (a stray END:VTODO made the parser refuse the whole calendar: review D of s29). A
    folded line (opening with a blank: the rest of a property's value, " END:VCALENDAR" in a
    description) opens or closes none."""
    open_names: list[str] = []
    opened: Counter[str] = Counter()  # how many of each name are open: no search of the list
    written: list[str] = []
    mended = dropped = False
    for line in text.split("\n"):
        keyword, _, name = _component_line(line).partition(":")
        if keyword == "END" and not opened[name]:
            dropped = True
            continue
        if keyword in ("BEGIN", "END") and opened[name]:
            while (closed := open_names.pop()) != name:
                opened[closed] -= 1
                written.append(f"END:{closed}")
                mended = True
            opened[name] -= 1
            if keyword == "BEGIN":
                written.append(f"END:{name}")
                mended = True
        if keyword == "BEGIN":
            open_names.append(name)
            opened[name] += 1
        written.append(line)
    return "\n".join(written), open_names, mended, dropped


def _component_line(line: str) -> str:
    """A line of the file as a BEGIN:/END: line reads, upper case ("BEGIN:VEVENT"); "" for a
    folded line (opening with a blank: the rest of a property's value, " BEGIN:VTIMEZONE" in
    a description), which opens or closes nothing (s28 stop re-read: a folded
    " BEGIN:VTIMEZONE" put the rest of the file in a time zone and the file was refused)."""
    return "" if line[:1] in (" ", "\t") else line.strip().upper()


_PARSER_ERRORS = (ValueError, KeyError, IndexError, TypeError)


def _calendars(text: str) -> list[Calendar]:
    """Every calendar of `text`, in order; UnreadableDocument with the parser's reason when
    it holds none the parser reads."""
    from icalendar import Calendar  # see TYPE_CHECKING above

    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except _PARSER_ERRORS as error:
        raise UnreadableDocument(f"not a valid iCalendar file: {_one_line(str(error))}") from None
    read = calendars if isinstance(calendars, list) else [calendars]
    if not read:  # a calendar never closed, or no calendar at all
        raise UnreadableDocument("not a valid iCalendar file: no whole calendar in it")
    return read


def _without_refused_time_zones(text: str) -> str:
    """`text` without the VTIMEZONE blocks the parser refuses read alone (`_zone_reads`),
    read line by line (a block never closed runs to the end of the file). Events naming a time
    zone it defined keep their wall-clock times."""
    kept: list[str] = []
    zone: list[str] | None = None
    for line in text.split("\n"):
        name = _component_line(line)
        if zone is None and name == "BEGIN:VTIMEZONE":
            zone = [line]
        elif zone is None:
            kept.append(line)
        elif name == "END:VTIMEZONE":
            zone.append(line)
            kept += zone if _zone_reads(zone) else []
            zone = None
        else:
            zone.append(line)
    return "\n".join(kept)


def _zone_reads(zone: list[str]) -> bool:
    """Whether the parser reads a VTIMEZONE block's lines in a calendar of their own."""
    from icalendar import Calendar  # see TYPE_CHECKING above

    try:
        Calendar.from_ical("\n".join(["BEGIN:VCALENDAR", *zone, "END:VCALENDAR", ""]))
    except _PARSER_ERRORS:
        return False
    return True


_WRITTEN = frozenset({"SUMMARY", "DTSTART", "DTEND", "DURATION", "LOCATION", "DESCRIPTION"})
"""The properties an event's section writes (`event_section`)."""


def _lost(event: Component) -> bool:
    """Whether the parser could not read a property the event's section writes, or a line
    it could not split into a property (a malformed SUMMARY parameter): a bad DTSTAMP or
    RRULE, never written, loses nothing."""
    return any(name is None or name in _WRITTEN for name, _ in event.errors)


def _calendar_name(calendars: list[Calendar]) -> str:
    """The first X-WR-CALNAME of `calendars`, "" when none names itself."""
    return next(filter(None, (_text(calendar.get("X-WR-CALNAME")) for calendar in calendars)), "")


def event_section(event: Component, language: Lang = "en") -> str:
    """An event's section: its summary as a heading, a line saying what, when (and how it
    repeats, in `language`: `_repeats`) and where, then its description on the next line of
    that paragraph (alone when the event says nothing else); "" for an event saying none of
    these. The description is the event's body, never a heading: on a paragraph of its own, a
    short one with no final period ("Déplacé du jeudi 13 au vendredi 14 novembre (échantillons
    Okafor)") over the next event's long heading was read as a heading (blocks.py), and left out
    of the quote as a title (titleonly.py; s30 trial a42 quoted another event's move)."""
    summary = _text(event.get("SUMMARY"))
    when = _when(event)
    if when and (repeats := _repeats(event, language)):
        when = f"{when}, {repeats}"
    place = _text(event.get("LOCATION"))
    line = ", ".join(part for part in (when, place) if part)
    if summary:
        line = f"{summary}: {line}" if line else summary
    description = _text(event.get("DESCRIPTION"))
    if not line:
        return description
    heading = f"## {summary}\n\n" if summary else ""
    return heading + line + (f"\n{description}" if description else "")


def _when(event: Component) -> str:
    """When the event takes place ("2026-12-18 19:00 – 23:00", "2026-06-18 – 2026-06-19");
    "" when its start is missing or no date."""
    start = _moment(event, "DTSTART")
    if start is None:
        return ""
    end = _moment(event, "DTEND") or _end_by_duration(event, start)
    if not isinstance(start, datetime):
        all_day = end is not None and not isinstance(end, datetime) and end > start
        last = end - timedelta(days=1) if all_day and end is not None else None
        return start.isoformat() if last is None or last <= start else f"{start} – {last}"
    written = _written(start)
    if not isinstance(end, datetime):
        return written
    if not _comparable(start, end):
        return f"{written} – {_written(end)}"
    first, last = start, end
    if _file_zone(start):  # and end: compared as wall-clock times
        first, last = start.replace(tzinfo=None), end.replace(tzinfo=None)
    if last <= first:
        return written
    if end.date() == start.date():
        return f"{written} – {_clock(end)}"
    return f"{written} – {_written(end)}"


def _repeats(event: Component, language: Lang) -> str:
    """How the event repeats, in words (recurrence.recurrence_words), "" when it has no
    recurrence rule, or none the parser reads; of several rules, the first."""
    rule = next(iter(_written_rules(event)), None)
    start = _moment(event, "DTSTART")
    if not isinstance(rule, Mapping) or start is None:
        return ""
    return recurrence_words(rule, start, language)


def _comparable(start: datetime, end: datetime) -> bool:
    """Whether an event's start and end can be compared: not a floating time and a fixed one,
    nor a time in a zone the file defines (`_file_zone`, compared as wall-clock times) and one
    in another zone (s28 review A: a start in a file-defined zone and an end in UTC compared
    as wall-clock times, the end seemed earlier and was lost)."""
    if (start.tzinfo is None) != (end.tzinfo is None):
        return False
    return _file_zone(start) == _file_zone(end)


def _moment(event: Component, name: str) -> date | None:
    """The event's `name` property (DTSTART, DTEND) as a date or a datetime; None when it has
    none or it does not parse."""
    value = _decoded(event, name)
    return value if isinstance(value, date) else None


def _end_by_duration(event: Component, start: date) -> date | None:
    """The event's end as its start plus its DURATION, None when it has none or it does not
    parse."""
    try:  # an overflow while parsing a huge DURATION too
        duration = _decoded(event, "DURATION")
        return start + duration if isinstance(duration, timedelta) else None
    except (ValueError, KeyError, TypeError, OverflowError):
        return None


def _decoded(event: Component, name: str) -> object | None:
    """The event's `name` property decoded (icalendar's value), None when it has none or it
    does not parse."""
    if name not in event:
        return None
    try:
        return event.decoded(name)
    except (ValueError, KeyError, TypeError):
        return None


def _written(moment: datetime) -> str:
    """A datetime as its date and wall-clock time, "UTC" after a time in UTC."""
    written = f"{moment.date().isoformat()} {_clock(moment)}"  # "%Y" leaves year 1 unpadded
    in_utc = moment.tzinfo is UTC or (not _file_zone(moment) and moment.tzname() == "UTC")
    return f"{written} UTC" if in_utc else written


def _clock(moment: datetime) -> str:
    """A datetime's wall-clock time ("09:30"), read from its fields: strftime asks the time
    zone whether summer time applies (`timetuple`), which a zone the file defines answers by
    expanding its rules from their start (s28 hostile probe: a 409-byte .ics whose VTIMEZONE
    repeats every minute kept `citeqa index` busy past 300 s)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _file_zone(moment: datetime) -> bool:
    """Whether `moment`'s time zone is one the file defines (a VTIMEZONE, read by dateutil),
    not a zone of the system's database or a fixed offset: asking it an offset, a name or
    summer time expands its rules, so its times are written and compared as wall-clock times."""
    zone = moment.tzinfo
    return zone is not None and not isinstance(zone, ZoneInfo | timezone)


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
