"""Owns answering a question asking the date of the next occurrence of something ("When is the
next site meeting?", "C'est quand la prochaine réunion de chantier ?") by the line giving that
date in the newest document, not by the rule ("Site meetings are held fortnightly on
Tuesdays") nor by an older document's date (s37 trial: the folder held every past meeting's
minutes, each ending "Next meeting: <date>", and the answer quoted the first minutes' line
or the schedule's rule).

What "next" means here is read from the documents, never from the clock: an answer does not
change with the day it is asked. The line preferred is the one of the newest-dated document
(later_statements.document_date: its "Date:" line, title or file name) among those stating the
next date, the latest date it states breaking a tie; a line of an undated document comes after
every dated one's. A calendar's rule counts from the newest date a document of the folder bears.

A question asks so when it writes a `next_words` word and an `asking` phrase
(data/next_dates.json) and no digit (a question naming a day, "the next collection after 15
October", is series_answers.py's). Of the first NEXT_RANKS candidates, a line answers it when it
writes a next word, outside the `not_next` phrases giving it another sense ("next to",
"following the"), and a day not before its document's date when written with its year ("Next
meeting: 24 March 2026", "Prochaine réunion de chantier : mardi 17 mars 2026"), writes a term
of the question's subject (its terms other than the cue words and the `event_verbs` it writes:
"a lieu", "held") and, with its heading, its document's title and file name, every one of
them, or all but one of three or more (`_names_enough`). Of those writing the most of them,
the newest one's position is given (`next_dated_position`) when it ranks below the first
candidate and its document is not dated before the first candidate's (a newer notice "the site
meeting will be held on 26 March" writes no next word: older minutes' line does not displace
it), and the answer quotes it instead; or, when a calendar among the candidates' documents
moves that day's occurrence of a repeating event naming the subject (`moved_occurrence`), the
position of the calendar's line of the moved occurrence. With no line stating it among them,
that of a line of the newest-dated document among theirs saying the subject is stopped,
writing no day (`stopping_position`: "Site meetings are suspended until further notice").
Otherwise the candidates stay as they were. An older document's line stating its own next date
is no other version of the quoted one (`older_next_line`; both dated): answering does not add
it as "Another document says otherwise".

With no such line among the first candidates, a repeating calendar event (Document.series) of
a passage read whose line names the subject as such a line must (`next_in_series`) gives its
first day after the newest date a document of the folder bears (unheld_days.held_days, kept
with the loaded index: api), as series_answers.py gives a day its rule computes, with a note
naming that date (`reference_note`); only when a passage read naming the subject is of a
document dated that day, and not when an occurrence of it is moved in between (its new day is
another event's line), a passage read writes the day found with a term of the subject (a
notice moving it), a newer passage read says it is stopped (`stop_words`: "suspended until
further notice"), or its days are unknown.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from citeqa.dates import date_terms, is_full_day_term, iso_day
from citeqa.folding import fold
from citeqa.jsonfiles import data_json
from citeqa.later_statements import file_stem, remembered_date
from citeqa.lexical import about_terms, asked_written, undated_terms
from citeqa.models import Document, Hit, Series
from citeqa.places import heading_over
from citeqa.questions import QuestionTerms
from citeqa.recurring_days import Budget, first_after, last_before
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.series_answers import SeriesAnswer

__all__ = [
    "NEXT_RANKS",
    "NextLine",
    "NextOccurrence",
    "asks_next",
    "moved_occurrence",
    "newest_line",
    "next_dated_position",
    "next_in_series",
    "next_line",
    "older_next_line",
    "phrase_pattern",
    "reference_note",
    "spaced_words",
    "stopping_position",
    "subject_terms",
    "writes_next",
]

NEXT_RANKS = 10
"""How many of the first candidates are read for a line stating the next date."""

MOST_LEFT_OUT_OF = 3
"""A line naming the subject may leave out one of its terms when it has at least this many."""

_DAY_TERM = re.compile(r"--(\d\d-\d\d)")


@functools.cache
def _data() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """The next words' pattern, the asking phrases' pattern, and the terms of both (the
    question's cue words, not its subject)."""
    data = data_json("next_dates.json")
    words, asking = data["next_words"], data["asking"]
    return (
        phrase_pattern(words),
        phrase_pattern(asking),
        undated_terms(" ".join([*words, *asking])),
    )


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """One pattern of the folded `phrases` (words one space apart), the longest first, each
    whole: read on a text's `spaced_words`."""
    alternatives = "|".join(sorted(map(re.escape, phrases), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def spaced_words(text: str) -> str:
    """`text` folded, its words one space apart ("c'est quand" → "c est quand")."""
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


def asks_next(question: str) -> bool:
    """Whether the question asks the date of the next occurrence of something: it writes a next
    word and an asking phrase, and no digit."""
    next_words, asking, _ = _data()
    spaced = spaced_words(question)
    return (
        not any(character.isdigit() for character in question)
        and next_words.search(spaced) is not None
        and asking.search(spaced) is not None
    )


def subject_terms(terms: QuestionTerms) -> list[frozenset[str]]:
    """The question's own terms (each its alternatives) that say what it asks of, the cue
    words ("next", "when", "prochaine", "quand"), numbers and stopwords left out."""
    cues = _data()[2] | _event_terms(terms.focus)
    return [
        alternatives
        for alternatives, _ in terms.own_terms
        if about_terms(alternatives) and not alternatives & cues
    ]


def _event_terms(question: str) -> frozenset[str]:
    """The terms of the `event_verbs` phrases the question writes ("a lieu" of "Quand a lieu la
    prochaine réunion ?", "take place"): they say the event happens, not which event it is."""
    senses = _senses()
    written = senses.events.findall(senses.not_events.sub(" ", spaced_words(question)))
    return undated_terms(" ".join(written)) if written else frozenset()


class _Senses(NamedTuple):
    """The data's phrases that tell a next word's sense and an event's course."""

    not_next: re.Pattern[str]
    """Phrases in which a next word says no next occurrence ("next to", "following the")."""
    events: re.Pattern[str]
    """Phrases saying an event happens ("take place", "a lieu")."""
    not_events: re.Pattern[str]
    """Phrases in which an event verb's word names the thing asked ("taux fixe")."""
    stops: re.Pattern[str]
    """Phrases saying a repeating event is stopped ("suspended", "jusqu a nouvel ordre")."""
    series_stops: re.Pattern[str]
    """Phrases saying the event as a whole stops, not one occurrence ("until further notice",
    "are suspended", "n auront plus lieu")."""


@functools.cache
def _senses() -> _Senses:
    data = data_json("next_dates.json")
    return _Senses(
        phrase_pattern(data["not_next"]),
        phrase_pattern(data["event_verbs"]),
        phrase_pattern(data["not_event_verbs"]),
        phrase_pattern(data["stop_words"]),
        phrase_pattern(data["series_stops"]),
    )


def writes_next(text: str) -> bool:
    """Whether `text` writes a next word outside the phrases giving it another sense."""
    spaced = _senses().not_next.sub(" ", spaced_words(text))
    return _data()[0].search(spaced) is not None


class NextLine(NamedTuple):
    """A candidate line stating the next date."""

    position: int
    """Its position among the candidates."""
    document_date: str
    """Its document's date, "YYYY-MM-DD", "" when undated."""
    stated: str
    """The day it states, "YYYY-MM-DD", or "--MM-DD" without a year written or dated."""
    written: int = 0
    """How many of the subject's terms it writes with its heading, title and file name."""


def next_line(
    position: int,
    text: str,
    context: str,
    subject: list[frozenset[str]],
    document_date: str | None,
) -> NextLine | None:
    """The candidate `text` (at `position`) as a line stating the next date of the subject, or
    None: it writes a next word in that sense (`writes_next`) and a day (`_not_before` its
    document's date), a term of `subject` and, with `context` (its heading, its document's
    title and file name), enough of them (`_names_enough`)."""
    if not subject or not writes_next(text):
        return None
    stated = _stated_day(_not_before(date_terms(fold(text)), document_date), document_date)
    if stated is None:
        return None
    own = undated_terms(text)
    around = own | undated_terms(context)
    written = len(asked_written(subject, around))
    named = any(alternatives & own for alternatives in subject)
    if not named or not _names_enough(written, subject):
        return None
    return NextLine(position, document_date or "", stated, written)


def _not_before(terms: list[str], document_date: str | None) -> list[str]:
    """A line's date terms, its document being dated, without the days written with their
    year before its document's date: a next date is never before the paper stating it
    ("Vaccin DTP fait le 10 janvier 2026 ; le rappel suivant…" of a later note, "the site
    meeting of 10 February 2026 was cancelled; the next one…"), nor their terms without the
    year (`date_terms` gives "--MM-DD" and "--MM" of each). A day written without its year is kept
    ("Further to our meeting of 3 March 2026, the next committee meeting will be held on
    Tuesday 24 March": s38 review), for it may be of the next year."""
    if not document_date:
        return terms
    past = {term for term in terms if is_full_day_term(term) and term < document_date}
    written = past | {f"--{term[5:]}" for term in past} | {f"--{term[5:7]}" for term in past}
    return [term for term in terms if term not in written]


def _names_enough(written: int, subject: list[frozenset[str]]) -> bool:
    """Whether a line writing `written` of the subject's terms (with its heading, title and
    file name) names it: every one, or all but one of three or more ("held" of "When is the
    next site meeting held?"); "the next board meeting" is not a site meeting's line."""
    return written >= len(subject) - (1 if len(subject) >= MOST_LEFT_OUT_OF else 0)


def _stated_day(terms: list[str], document_date: str | None) -> str | None:
    """The first day of a line's date terms, with its year ("YYYY-MM-DD"), else with its
    document's year, else "--MM-DD"; None when it writes no day."""
    full = next((term for term in terms if is_full_day_term(term)), None)
    if full is not None:
        return full
    day = next((found for term in terms if (found := _DAY_TERM.fullmatch(term))), None)
    if day is None:
        return None
    return f"{document_date[:4]}-{day.group(1)}" if document_date else day.group(0)


def newest_line(lines: Sequence[NextLine]) -> NextLine | None:
    """Of the lines writing the most of the subject's terms (a board's "Next meeting: 3 June"
    is no answer of the site meetings asked of: its title names no site), the line of the
    newest document (the latest day stated breaking a tie) when it is the only one so; else
    None."""
    most = max((line.written for line in lines), default=0)
    named = [line for line in lines if line.written == most]
    if not named:
        return None
    best = max(named, key=_newness)
    return None if sum(1 for line in named if _newness(line) == _newness(best)) > 1 else best


def _newness(line: NextLine) -> tuple[str, str]:
    """How new a line's next date is: its document's date, then the day it states."""
    return (line.document_date, line.stated)


def next_dated_position(
    sentences: Sequence[ScoredSentence], bank: SentenceBank, terms: QuestionTerms
) -> int | None:
    """The position among `sentences` (the candidates, best first) of the line stating the
    next date the question asks (`asks_next`) in the newest document, or of the calendar's line
    of the occurrence that moves that date (`moved_occurrence`), when one of the first
    NEXT_RANKS is such a line and the one given is not the first; else None."""
    if not sentences or not asks_next(terms.focus):
        return None
    subject = subject_terms(terms)
    lines = [
        line
        for position, item in enumerate(sentences[:NEXT_RANKS])
        if (line := _candidate_line(bank, position, item.index, subject)) is not None
    ]
    best = newest_line(lines)
    if best is None and not lines:
        return stopping_position(sentences, bank, subject) or None
    if best is None or _older_than_first(best, bank, sentences[0]):
        return None
    moved = moved_occurrence(sentences, bank, best.stated, subject)
    position = best.position if moved is None else moved
    return position or None


def stopping_position(
    sentences: Sequence[ScoredSentence], bank: SentenceBank, subject: list[frozenset[str]]
) -> int | None:
    """The position among the first NEXT_RANKS of `sentences` of a line saying the subject is
    stopped (`_stops`: "Site meetings are suspended until further notice") and writing no day
    ("the site meeting of 10 March was cancelled" stops one meeting), naming it enough with
    its heading, title and file name, of a dated document no other of those candidates'
    documents is newer than; None when there is none (the caller asks only when none of them
    states a next date)."""
    items = sentences[:NEXT_RANKS]
    dates = [remembered_date(bank.documents[bank.sentences[i.index].doc_id]) for i in items]
    newest = max((day for day in dates if day is not None), default=None)
    for position, (item, dated) in enumerate(zip(items, dates, strict=True)):
        if dated is None or dated != newest:
            continue
        text = bank.text(item.index)
        if date_terms(fold(text)) or not _stops(text, subject, dated):
            continue
        if _candidate_names(bank, item.index, text, subject):
            return position
    return None


def _candidate_names(
    bank: SentenceBank, index: int, text: str, subject: list[frozenset[str]]
) -> bool:
    """Whether the bank's sentence `index` (`text`) writes enough of the subject's terms with
    its heading, its document's title and file name (`_names_enough`)."""
    document = bank.documents[bank.sentences[index].doc_id]
    context = "\n".join([heading_over(bank, index) or "", document.title, file_stem(document.path)])
    around = undated_terms(text) | undated_terms(context)
    return _names_enough(len(asked_written(subject, around)), subject)


def _older_than_first(line: NextLine, bank: SentenceBank, first: ScoredSentence) -> bool:
    """Whether `line`'s document is dated before the first candidate's (undated: before any
    dated), the first candidate's being dated: the last notice's "the site meeting will be held
    on 26 March" is not put behind older minutes' "Next site meeting: 24 March"."""
    first_date = remembered_date(bank.documents[bank.sentences[first.index].doc_id])
    return first_date is not None and line.document_date < first_date


def _candidate_line(
    bank: SentenceBank, position: int, index: int, subject: list[frozenset[str]]
) -> NextLine | None:
    """The bank's sentence `index` read as `next_line` reads a line, with its heading, its
    document's title and file name, and its document's date."""
    document = bank.documents[bank.sentences[index].doc_id]
    context = "\n".join([heading_over(bank, index) or "", document.title, file_stem(document.path)])
    return next_line(position, bank.text(index), context, subject, remembered_date(document))


def older_next_line(bank: SentenceBank, terms: QuestionTerms, index: int, quoted: str) -> bool:
    """Whether the bank's sentence `index` is, for a question asking the next date, a line
    stating the next date in a document dated before the quoted document `quoted` (doc id):
    the first minutes' "Next meeting: 10 March 2026" beside the last minutes' quoted line. Both
    must be dated: an undated document's line is not known to be older."""
    if not asks_next(terms.focus):
        return False
    line = _candidate_line(bank, 0, index, subject_terms(terms))
    newer = remembered_date(bank.documents[quoted])
    return (
        line is not None
        and newer is not None
        and bool(line.document_date)
        and line.document_date < newer
    )  # an undated note's "Next site meeting: 26 March" still disagrees


def moved_occurrence(
    sentences: Sequence[ScoredSentence],
    bank: SentenceBank,
    stated: str,
    subject: list[frozenset[str]],
) -> int | None:
    """The position among `sentences` of a calendar's line of the occurrence that moves the
    day `stated` ("YYYY-MM-DD"), or None: a candidate's calendar holds a repeating event whose
    line writes a term of `subject` and that an event of its UID moves off that day
    (Series.excluded, not a bare EXDATE: Series.skipped), and another candidate line of that
    calendar opens with the event's summary and states a day between the event's occurrences
    before and after `stated` ("Site meeting (moved: crane delivery): 2026-03-26 09:00", the
    minutes' "Next meeting: 24 March 2026" moved)."""
    day = iso_day(stated)
    if day is None:
        return None
    for doc_id in dict.fromkeys(bank.sentences[item.index].doc_id for item in sentences):
        document = bank.documents[doc_id]
        for series in document.series:
            if stated in series.excluded and stated not in series.skipped:
                found = _moved_line(sentences, bank, document, series, day, subject)
                if found is not None:
                    return found
    return None


def _moved_line(
    sentences: Sequence[ScoredSentence],
    bank: SentenceBank,
    document: Document,
    series: Series,
    day: date,
    subject: list[frozenset[str]],
) -> int | None:
    """The position among `sentences` of the line of `document` (a calendar) stating the day
    `series`' occurrence of `day` moved to (`moved_occurrence`), or None."""
    line = document.text[series.start : series.end]
    summary = spaced_words(line.partition(":")[0])
    if not summary or not any(alternatives & undated_terms(line) for alternatives in subject):
        return None
    budget = Budget()
    before, after = last_before(series, day, budget), first_after(series, day, budget)
    for position, item in enumerate(sentences):
        sentence = bank.sentences[item.index]
        if sentence.doc_id != document.doc_id or series.start <= sentence.start < series.end:
            continue
        text = bank.text(item.index)
        moved = _stated_day(date_terms(fold(text)), None)
        if spaced_words(text).startswith(summary) and _between(moved, before, after, day):
            return position
    return None


def _between(stated: str | None, before: date | None, after: date | None, day: date) -> bool:
    """Whether the day `stated` ("YYYY-MM-DD") is another than `day`, after `before` and
    before `after` (either None: unbounded on that side)."""
    moved = iso_day(stated) if stated is not None else None
    return (
        moved is not None
        and moved != day
        and (before is None or moved > before)
        and (after is None or moved < after)
    )


class NextOccurrence(NamedTuple):
    """A repeating event's next day, as `next_in_series` gives it."""

    answer: SeriesAnswer
    after: date
    """The day it is the first after: the newest date of the folder's documents."""


def reference_note(after: date, lang: str) -> str:
    """The note saying which day a next occurrence is counted from, in `lang` (English for
    another)."""
    notes = _reference_notes()
    return notes.get(lang, notes["en"]).format(day=after.isoformat())


@functools.cache
def _reference_notes() -> dict[str, str]:
    """The data's `reference_note` by language, read once."""
    notes: dict[str, str] = data_json("next_dates.json")["reference_note"]
    return notes


def next_in_series(
    sentences: Sequence[ScoredSentence],
    hits: Sequence[Hit],
    bank: SentenceBank,
    terms: QuestionTerms,
    folder_days: Callable[[], Collection[str]],
) -> NextOccurrence | None:
    """For a question asking the next date (`asks_next`) whose first NEXT_RANKS candidates
    (`sentences`, of `bank`) hold no line stating it, the first passage of `hits` holding the
    line of a repeating event naming its subject (a term of it in the line, enough of them with
    the line's heading: `_names_enough`), and the event's first day after the newest of
    `folder_days` (the days the folder's documents are dated), with that newest day. None when
    there is none, no passage read naming the subject is of a document dated that newest day
    (`_reference_day`: a budget plan dated 2027 sets no "now" for site meetings), its days
    are unknown, an occurrence of it the calendar moves (Series.excluded, not skipped) lies
    before that day, a passage read writes the day found with a term of the subject
    (`_written_elsewhere`: a notice moving "the site meeting of Tuesday 24 March"), or a newer
    passage read says it is stopped (`_stopped`: "Site meetings are suspended until further
    notice")."""
    if not asks_next(terms.focus):
        return None
    subject = subject_terms(terms)
    if not subject or any(
        _candidate_line(bank, position, item.index, subject) is not None
        for position, item in enumerate(sentences[:NEXT_RANKS])
    ):
        return None
    held = _named_series(hits, bank.documents, subject)
    newest = None if held is None else _reference_day(hits, bank.documents, subject, folder_days)
    if held is None or newest is None:
        return None
    hit, series = held
    found = first_after(series, newest, Budget())
    moved = (iso_day(day) for day in series.excluded if day not in series.skipped)
    if found is None or any(day is not None and newest < day < found for day in moved):
        return None
    line = bank.documents[hit.chunk.doc_id].text[series.start : series.end]
    if _written_elsewhere(hits, line, subject, found) or _stopped(
        hits, bank.documents, subject, hit.chunk.doc_id, (series.first[:10], newest.isoformat())
    ):
        return None
    return NextOccurrence(SeriesAnswer(hit, series, found), newest)


def _reference_day(
    hits: Sequence[Hit],
    documents: Mapping[str, Document],
    subject: list[frozenset[str]],
    folder_days: Callable[[], Collection[str]],
) -> date | None:
    """The newest of `folder_days` (the days the folder's documents are dated) when a passage
    of `hits` naming the subject (`_passage_names`) is of a document dated that day; else None
    (the folder's newest document is about something else: counting from it would skip
    occurrences, counting from an older one might give a past one)."""
    days = folder_days()
    newest = max(days) if days else None
    if newest is None or not any(
        remembered_date(documents[hit.chunk.doc_id]) == newest
        and _passage_names(hit, documents[hit.chunk.doc_id], subject)
        for hit in hits
    ):
        return None
    return iso_day(newest)


def _passage_names(hit: Hit, document: Document, subject: list[frozenset[str]]) -> bool:
    """Whether the passage, with its document's title and file name, writes a term of the
    subject and enough of them (`_names_enough`)."""
    around = undated_terms("\n".join([hit.chunk.text, document.title, file_stem(document.path)]))
    written = len(asked_written(subject, around))
    return written > 0 and _names_enough(written, subject)


def _written_elsewhere(
    hits: Sequence[Hit], series_line: str, subject: list[frozenset[str]], day: date
) -> bool:
    """Whether a passage of `hits` (the series' own line left out) writes `day` (with its year
    or without) and a term of the subject: another statement of that occurrence, which may
    move or cancel it, and which the rule's day would hide."""
    written = {day.isoformat(), day.strftime("--%m-%d")}
    for hit in hits:
        text = hit.chunk.text.replace(series_line, " ")
        if written.isdisjoint(date_terms(fold(text))):
            continue
        if any(alternatives & undated_terms(text) for alternatives in subject):
            return True
    return False


def _stopped(
    hits: Sequence[Hit],
    documents: Mapping[str, Document],
    subject: list[frozenset[str]],
    calendar: str,
    days: tuple[str, str],
) -> bool:
    """Whether a passage of `hits` naming the subject (`_passage_names`), of a document other
    than the `calendar` (doc id) dated on or after the event's first day (`days`: it and the
    day counted from, "YYYY-MM-DD"), has a line writing a `stop_words` phrase and a term of the
    subject and no day with its year before the day counted from ("Site meetings are suspended
    until further notice", "Les réunions de chantier sont suspendues jusqu'à nouvel ordre"; a
    past occurrence cancelled, "the site meeting of 10 February 2026 was cancelled", stops
    none): the rule's next day would hide it."""
    first, counted_from = days
    for hit in hits:
        document = documents[hit.chunk.doc_id]
        dated = remembered_date(document)
        if hit.chunk.doc_id == calendar or dated is None or dated < first:
            continue
        if _passage_names(hit, document, subject) and any(
            _stops(line, subject, counted_from) for line in hit.chunk.text.splitlines()
        ):
            return True
    return False


def _stops(line: str, subject: list[frozenset[str]], counted_from: str) -> bool:
    """Whether `line` writes a stop phrase and a phrase saying the series as a whole stops
    (`series_stops`: "Site meetings are suspended until further notice"; "Tuesday's site
    meeting is cancelled because of the public holiday" stops one), names the subject enough
    by its own words (`_names_enough`: "Site access via Gate B is suspended until further
    notice" stops no site meeting) and writes no day with its year before `counted_from`."""
    spaced = spaced_words(line)
    senses = _senses()
    if senses.stops.search(spaced) is None or senses.series_stops.search(spaced) is None:
        return False
    past = any(is_full_day_term(term) and term < counted_from for term in date_terms(fold(line)))
    own = undated_terms(line)
    written = len(asked_written(subject, own))
    return not past and written > 0 and _names_enough(written, subject)


def _named_series(
    hits: Sequence[Hit], documents: Mapping[str, Document], subject: list[frozenset[str]]
) -> tuple[Hit, Series] | None:
    """The first passage of `hits` holding the line of a repeating event naming the subject
    (a term of it in the line, enough with its heading: `_names_enough`), with that event; None
    when none does or that passage holds several such events."""
    for hit in hits:
        document = documents[hit.chunk.doc_id]
        held = [
            series
            for series in document.series
            if hit.chunk.start <= series.start < hit.chunk.end
            and _names_subject(document, series, subject)
        ]
        if held:
            return (hit, held[0]) if len(held) == 1 else None
    return None


def _names_subject(document: Document, series: Series, subject: list[frozenset[str]]) -> bool:
    """Whether the series' line writes a term of `subject` and, with the heading over it,
    enough of them (`_names_enough`)."""
    line = document.text[series.start : series.end]
    heading = document.text[: series.start].rstrip().rpartition("\n")[2]
    own, around = undated_terms(line), undated_terms(f"{line}\n{heading}")
    written = len(asked_written(subject, around))
    return any(alternatives & own for alternatives in subject) and _names_enough(written, subject)
