"""A question asking of a day no passage writes that a repeating calendar event falls on
(Document.series): its answer quotes the event's line (the rule in words, as the calendar
reader wrote it) and states the day computed from the rule (recurring_days.py) in its label
(Citation.occurrence).

"Quand est le prochain ramassage des sacs jaunes après le 15 octobre 2025 ?" of a waste
calendar whose yellow-bag collection is one VEVENT repeating every other Thursday was refused,
"no document writes 15 October 2025" (s32 trial a35). The answer is given when all hold:

- the question writes a full date no sentence of the corpus writes (QuestionTerms.unwritten_days),
  or a day without its year no sentence writes in any year (QuestionTerms.yearless_days: "qui
  est de garde le samedi 21 février", s34 trial a92) that the spans of the series of the first
  series passage's document (first start to UNTIL) hold in one year only, and asks when or
  whether something takes place: it writes one of the data's "asking" phrases
  (when, is there, quand, y a-t-il, a lieu, next…); "Who won the chess tournament on 10
  November 2025?" or "How many attended…" are left to the usual path (review of s33-rrule);
- of the series whose lines the first passage read (in ranking order) holding one holds, the
  question writes more words of one's summary (its section's heading: `about_terms`) than of
  any other's, and at least one: a question on another subject asking a day an event falls on
  is no question about it, nor one writing only a word of its description or rule ("When is
  the next yellow bag collection…" of a French calendar whose grey-bin event's description
  says "Collecte", as its yellow-bag event's does); when the first speaks of none of its
  series, the first passage further down holding a series the question speaks of whose summary
  writes the question's rarest words (s34 hostile M2: "la réunion du bureau le 2 décembre"
  ranked the yoga line first);
- that series answers: it falls on that day, or, when one of the data's "after" ("before")
  words stands just before the date (data/recurring_questions.json), on a day after (before)
  it with no moved occurrence (RECURRENCE-ID) between: the moved day would be written
  elsewhere; a bare EXDATE is a day skipped (Series.skipped: "la prochaine garde … après le 1er
  avril" of a series cancelled on 2 May gives the rule's next day). A length of time among
  those words ("the day after", "le lendemain du") asks a day the rule does not give: no answer.

A question asking who is on the day ("Qui est de garde le samedi 21 février 2026 ?" of
three six-weekly "Garde du samedi - Dr …" series: s34 trial a29, refused with a reason naming
the event falling that day) is answered by the one series of that passage's document whose
summary writes a word of the question falling on the day, when its summary adds a capitalised
name the question lacks (the name asked). What/which/quel questions are not: a shared word
made the line answer any question of the day ("Quel est le score de l'entraînement foot du
samedi 8 mars 2025 ?", s34 review). A when-question is answered by that series only when its
summary writes the question's rarest words (by the question's term weights): "class" of "Yoga
class" does not make it the answer to "Is there a dance class on…" (s34 stop re-read).

`falling_on` tells unheld_days.py which series of the folder fall on a day, or that one may (its
days unknown within the question's budget): a day a series covers is never said unwritten (its
reason names the event instead), nor one a series may fall on (no reason).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any, NamedTuple

from citeqa.citedsection import citation_section
from citeqa.dates import calendar_day, iso_day
from citeqa.jsonfiles import data_json
from citeqa.lexical import about_terms, content_words, fold, undated_terms
from citeqa.models import Citation, Document, Hit, Series
from citeqa.questions import QuestionTerms
from citeqa.readers.recurrence import weekday_name
from citeqa.recurring_days import (
    Budget,
    days_in,
    first_after,
    last_before,
    may_fall_on,
    series_span,
)

__all__ = ["SeriesAnswer", "answering_series", "falling_on", "occurrence_label", "series_citation"]


class SeriesAnswer(NamedTuple):
    hit: Hit
    """The passage read holding the series' line."""
    series: Series
    day: date
    """The day computed: the asked one, or the first after it."""


_LETTERS = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")
"""A word of letters alone ("U" of "U11" is none)."""
_SUMMARY_PARTS = re.compile(r"\s[-–—:|/]\s|[,;:()]")
"""What separates the parts of an event's summary ("Garde du samedi - Dr Martin")."""


@cache
def _words() -> Mapping[str, Any]:
    """data/recurring_questions.json."""
    data: Mapping[str, Any] = data_json("recurring_questions.json")
    return data


def answering_series(
    terms: QuestionTerms, hits: Sequence[Hit], documents: Mapping[str, Document]
) -> SeriesAnswer | None:
    """The series and day answering the question (its `terms`: the question as read, its
    focus, and the days no sentence writes) of its first unwritten day (or yearless day:
    `_asked_day`), when the first passage
    of `hits` holding a series' line answers it, or the one series of that passage's document
    falling on the day answers a question asking who is on it (see the module's
    docstring); None otherwise. Asked whatever the answer models make of the question: a day
    no sentence writes weighs against every passage, the series' line included."""
    if not terms.unwritten_days and not terms.yearless_days:
        return None
    passages = _series_passages(hits, documents)
    if not passages:
        return None
    folded = fold(terms.focus)
    asked_words = _event_words(terms.focus)
    asking = _Asking(folded, _asks_when(folded), asked_words, _rarest_asked(terms, asked_words))
    asked_day = _asked_day(terms, asking, documents[passages[0][0].chunk.doc_id])
    if asked_day is None:
        return None
    typed, asked = asked_day
    way = _way(folded, fold(typed))
    if way is None:
        return None
    if not asking.asks_when and way != "on":
        return None
    if asking.asks_when:
        held = _spoken_in(passages[0], documents, asked_words)
        if held is None:  # the first holds other events only: one further down may name it
            held = _named_further_down(asking, passages[1:], documents)
        spoken = None if held is None else _answering(held, asked, way)
        if spoken is not None or way != "on":
            return spoken
    return _falling_series(asking, passages, documents, asked)


def _asked_day(
    terms: QuestionTerms, asking: _Asking, document: Document
) -> tuple[str, date] | None:
    """The day the question asks, as typed and as a date: its first unwritten day, else its
    first yearless day no sentence writes (QuestionTerms.yearless_days: "21 février" of
    "samedi 21 février") in the one year the spans (from their first start to their UNTIL) of
    the series of `document` (the first series passage's) the question names
    (`_named_series`) hold it, on the weekday the question writes right before it, if any
    (`_typed_weekday`: "le lundi 13 janvier" of a span holding 13 January 2026, a Tuesday,
    asks no day); None when there is none, it names none, one has no end or the spans hold it
    in several years (s34 trial a92). An unrelated series of the same calendar neither
    blocks (no end) nor moves (its own span) the year (s35 review)."""
    if terms.unwritten_days:
        typed, day = terms.unwritten_days[0]
        found = iso_day(day)
        return None if found is None else (typed, found)
    typed, yearless = terms.yearless_days[0]
    month, day_of_month = int(yearless[2:4]), int(yearless[5:7])
    weekday = _typed_weekday(terms.focus, typed)
    years: set[int] = set()
    for series in _named_series(asking, document):
        span = series_span(series)
        if span is None:
            return None
        first, last = span
        for year in range(first.year, last.year + 1):
            found = calendar_day(year, month, day_of_month)
            if found is not None and first <= found <= last and _on_weekday(found, weekday):
                years.add(year)
            if len(years) > 1:
                return None  # "UNTIL=99991231": not read through
    if len(years) != 1:
        return None
    found = calendar_day(years.pop(), month, day_of_month)
    return None if found is None else (typed, found)


def _named_series(asking: _Asking, document: Document) -> list[Series]:
    """The series of `document` whose summary writes the question's rarest words
    (`_names_the_event`), else those whose summary writes any word of it; [] when none."""
    spoken = [
        one for one in document.series if asking.words & _event_words(_heading(document.text, one))
    ]
    named = [one for one in spoken if _names_the_event(asking, _heading(document.text, one))]
    return named or spoken


def _typed_weekday(focus: str, typed: str) -> str | None:
    """The weekday (folded, as the data's recurrence words write it) the question `focus`
    writes right before the date `typed` ("mardi" of "le mardi 13 janvier"; "tuesday" of "on
    Tuesday, 13 January"); None when the word before it is no weekday."""
    where = focus.find(typed)
    before = re.findall(r"\w+", fold(focus[:where])) if where > 0 else []
    return before[-1] if before and before[-1] in _weekday_words() else None


@cache
def _weekday_words() -> frozenset[str]:
    """The folded weekday names of the data's recurrence words (English and French)."""
    week = [date(2024, 1, 1) + timedelta(days=n) for n in range(7)]
    return frozenset(fold(weekday_name(day, lang)) for day in week for lang in ("en", "fr"))


def _on_weekday(day: date, weekday: str | None) -> bool:
    """Whether `day` falls on `weekday` (folded; None: any day)."""
    return weekday is None or weekday in {fold(weekday_name(day, lang)) for lang in ("en", "fr")}


class _Asking(NamedTuple):
    """What the question asks, read once by `answering_series` for the series it tries."""

    folded: str
    """The question's focus, folded."""
    asks_when: bool
    """Whether it writes one of the data's "asking" phrases (`_asks_when`)."""
    words: frozenset[str]
    """Its content words (`_event_words`)."""
    rarest: frozenset[str]
    """Those naming the event it asks of (`_rarest_asked`)."""


def _answering(held: tuple[Hit, Series], asked: date, way: str) -> SeriesAnswer | None:
    """The answer of the series `held` (with its passage) for the day `asked`, the `way`
    asked; None when it answers none."""
    hit, chosen = held
    found = _answering_day(chosen, asked, way, Budget())
    return None if found is None else SeriesAnswer(hit, chosen, found)


def _falling_series(
    asking: _Asking,
    passages: Sequence[tuple[Hit, list[Series]]],
    documents: Mapping[str, Document],
    asked: date,
) -> SeriesAnswer | None:
    """The one series of the document of the first series passage (the first of `passages`:
    each passage read holding a series' line, with those series) whose summary writes a word
    of the question falling on the day `asked`, when the question asks when or who (one of
    the data's "asking_who" words; "Qui est de garde le samedi 21 février 2026 ?" of three
    six-weekly "Garde du samedi - Dr …" series, s34 trial a29). Asking when, its summary
    writes the question's rarest words (`_names_the_event`: "class" of "Yoga class" is no
    answer to "Is there a dance class on…", s34 stop re-read); asking who, its summary adds a
    capitalised name the question lacks (`_adds_a_name`: "Who won the chess tournament on…"
    of a "Chess tournament" series is not answered by it). Quoted from the passage of
    `passages` holding its line. None otherwise."""
    document = documents[passages[0][0].chunk.doc_id]
    budget = Budget()
    falling = [
        one
        for one in document.series
        if asking.words & _event_words(_heading(document.text, one))
        and _answering_day(one, asked, "on", budget)
    ]
    if len(falling) != 1:
        return None  # none the question speaks of, or several alike: it does not say which
    series = falling[0]
    summary = _heading(document.text, series)
    if asking.asks_when:
        if not _names_the_event(asking, summary):
            return None
    elif not (_asks_who(asking.folded) and _adds_a_name(summary, asking.folded)):
        return None
    hit = next(
        (one for one, held in passages if one.chunk.doc_id == document.doc_id and series in held),
        None,
    )
    return None if hit is None else SeriesAnswer(hit, series, asked)


@lru_cache(maxsize=4096)
def _event_words(text: str) -> frozenset[str]:
    """The content terms of `text` (`about_terms` of its undated terms) and, folded as
    written, its content words whose stems are stopwords ("danse" → "dans", "entrée" →
    "entre": s34 hostile M3): what a question and a series' summary are compared by. Kept
    for the texts last read (a pure function of a string: each series' summary is read again
    at every question asking of its document)."""
    kept = {
        word
        for word in content_words(text)
        if len(word) > 2 and word.isalpha() and not about_terms(undated_terms(word))
    }
    return about_terms(undated_terms(text)) | kept


def _rarest_asked(terms: QuestionTerms, asked_words: frozenset[str]) -> frozenset[str]:
    """The words of `asked_words` (the question's `_event_words`) rarest in the corpus by the
    weights of the question's own terms, the data's asking, after and before words and the
    words of its unwritten days aside ("lieu", "next", "après", "février"); a word no term
    weighs (a word the corpus never writes, or terms not given) counts as rarer than any
    weighed one. The words of its yearless days and the weekday typed before a day are set
    aside too: "janvier" of "le mardi 13 janvier", a month no sentence writes, named no event
    (s35 review)."""
    typed_days = [typed for typed, _ in (*terms.unwritten_days, *terms.yearless_days)]
    weekdays = [_typed_weekday(terms.focus, typed) or "" for typed in typed_days]
    dates = frozenset().union(*(_event_words(typed) for typed in [*typed_days, *weekdays]))
    words = asked_words - _phrase_words() - dates
    weights = {
        word: max(
            (weight for stems, weight in terms.own_terms if word in stems),
            default=float("inf"),
        )
        for word in words
    }
    most = max(weights.values(), default=0.0)
    return frozenset(word for word, weight in weights.items() if weight == most)


def _names_the_event(asking: _Asking, summary: str) -> bool:
    """Whether `summary` writes the rarest words the question asks (`asking.rarest`): a
    question naming its event by a word the summary lacks asks of another event."""
    return asking.rarest <= _event_words(summary)


@cache
def _phrase_words() -> frozenset[str]:
    """The `_event_words` of the data's asking, after and before phrases."""
    phrases = [*_words()["asking"], *_words()["after"], *_words()["before"]]
    return frozenset().union(*(_event_words(phrase) for phrase in phrases))


def _series_passages(
    hits: Sequence[Hit], documents: Mapping[str, Document]
) -> list[tuple[Hit, list[Series]]]:
    """The passages of `hits` holding a series' line, in order, each with the series whose
    lines it holds."""
    found = [(hit, _series_held(hit, documents)) for hit in hits]
    return [(hit, held) for hit, held in found if held]


def _spoken_in(
    first: tuple[Hit, list[Series]], documents: Mapping[str, Document], asked_words: frozenset[str]
) -> tuple[Hit, Series] | None:
    """The first series passage (`first`: it and the series it holds) with the series of it
    whose heading the question (its content terms, `asked_words`) speaks of more than of any
    other; None when it speaks of none of them, or of several as much."""
    hit, held = first
    chosen = _spoken_series(documents[hit.chunk.doc_id].text, held, asked_words)
    return None if chosen is None else (hit, chosen)


def _named_further_down(
    asking: _Asking, passages: Sequence[tuple[Hit, list[Series]]], documents: Mapping[str, Document]
) -> tuple[Hit, Series] | None:
    """The first of `passages` (series passages below the first) with the series of it the
    question speaks of most (`_spoken_series`) whose summary writes the question's rarest
    words (`_names_the_event`), and that series; None when none has one. A generic word is not
    enough: "prochain cours de danse" is not the "Cours de yoga" series (s34 hostile M2, whose
    first fix, trying three passages on any shared word, was reverted for that)."""
    for hit, held in passages:
        text = documents[hit.chunk.doc_id].text
        chosen = _spoken_series(text, held, asking.words)
        if chosen is not None and _names_the_event(asking, _heading(text, chosen)):
            return hit, chosen
    return None


def _series_held(hit: Hit, documents: Mapping[str, Document]) -> list[Series]:
    """The series of `hit`'s document whose lines the passage holds."""
    document = documents.get(hit.chunk.doc_id)
    if document is None:
        return []
    return [series for series in document.series if _holds(hit, series)]


def _holds(hit: Hit, series: Series) -> bool:
    """Whether the passage of `hit` holds the lines of `series` (of its document)."""
    return hit.chunk.start <= series.start and series.end <= hit.chunk.end


def _spoken_series(text: str, held: list[Series], asked_words: frozenset[str]) -> Series | None:
    """The one of `held` (series of a passage of `text`) whose heading writes more of
    `asked_words` (by `_event_words`: "Cours de danse" writes the "danse" a stem would lose)
    than any other's; None when none writes any, or several as many."""
    spoken = [(len(asked_words & _event_words(_heading(text, one))), one) for one in held]
    most = max(count for count, _ in spoken)
    chosen = [one for count, one in spoken if count == most]
    return chosen[0] if most and len(chosen) == 1 else None


def _answering_day(series: Series, asked: date, way: str, budget: Budget) -> date | None:
    """The day `series` answers: `asked` when it falls on it (`way` "on"), or the first day
    after it ("after") or the last before it ("before"), when no excluded day but a skipped
    one (a bare EXDATE) lies between (a moved occurrence is written elsewhere)."""
    if way == "on":
        return asked if days_in(series, asked, asked, budget) == [asked] else None
    found = (first_after if way == "after" else last_before)(series, asked, budget)
    if found is None:
        return None
    low, high = sorted((asked, found))
    skipped = set(series.skipped)
    between = (iso_day(day) for day in series.excluded if day not in skipped)
    return None if any(day is not None and low < day < high for day in between) else found


def _asks_when(folded: str) -> bool:
    """Whether the question (folded) writes one of the data's "asking" phrases, words apart."""
    return _writes_phrase(folded, "asking")


def _asks_who(folded: str) -> bool:
    """Whether the question (folded) writes one of the data's "asking_who" words (who, whom,
    qui), words apart."""
    return _writes_phrase(folded, "asking_who")


def _adds_a_name(summary: str, folded: str) -> bool:
    """Whether `summary` writes a capitalised word of letters the question (`folded`) lacks,
    other than the first word of one of its parts ("Garde du samedi - Dr Martin": "Martin";
    "Entraînement foot U11 au stade": none): the name a who-question asks."""
    asked = set(_LETTERS.findall(folded))
    for part in _SUMMARY_PARTS.split(summary):
        for word in _LETTERS.findall(part)[1:]:
            if word[0].isupper() and fold(word) not in asked:
                return True
    return False


def _writes_phrase(folded: str, kind: str) -> bool:
    """Whether `folded` writes one of the data's phrases of `kind`, words apart."""
    words = " " + " ".join(re.findall(r"\w+", folded)) + " "
    return any(f" {phrase} " in words for phrase in _words()[kind])


def _way(folded: str, typed: str) -> str | None:
    """How the question asks of the date `typed` writes: "after" or "before" when such a word
    stands among the few words before it, "on" otherwise; None when a length of time stands
    there ("the day after", "la veille du"): a day the rule does not give."""
    where = folded.find(typed)
    if where < 0:
        return "on"
    before = re.findall(r"\w+", folded[:where])[-int(_words()["before_date_words"]) :]
    if any(word in _words()["spans"] for word in before):
        return None
    if any(word in _words()["after"] for word in before):
        return "after"
    return "before" if any(word in _words()["before"] for word in before) else "on"


def _heading(text: str, series: Series) -> str:
    """The heading of the series' event (its summary: the reader writes "## Summary", a blank
    line, then the series' line), "" when it has none."""
    above = text[: series.start]
    if not above.endswith("\n\n"):
        return ""
    start = above.rfind("\n", 0, len(above) - 2) + 1
    line = above[start : len(above) - 2]
    return line[3:] if line.startswith("## ") else ""


def series_citation(answer: SeriesAnswer, documents: Mapping[str, Document]) -> Citation:
    """The citation quoting the series' line, its computed day as its `occurrence`."""
    document = documents[answer.hit.chunk.doc_id]
    start, end = answer.series.start, answer.series.end
    return Citation(
        n=1,
        doc_id=document.doc_id,
        title=document.title,
        path=document.path,
        start=start,
        end=end,
        quote=document.text[start:end],
        page=document.page_at(start),
        section=citation_section(document.text, answer.hit.chunk, start, document.latex),
        score=round(answer.hit.score, 4),
        occurrence=answer.day.isoformat(),
    )


def occurrence_label(day: str, lang: str) -> str:
    """The line before a quote of a series saying the day computed from its rule, in `lang`."""
    labels: Mapping[str, str] = _words()["labels"]
    found = iso_day(day)
    weekday = weekday_name(found, lang) if found is not None else ""
    return labels.get(lang, labels["en"]).format(weekday=weekday, day=day).replace("  ", " ")


def falling_on(documents: Iterable[Document]) -> Callable[[str], list[str] | None]:
    """The events of `documents`' series falling on a day ("YYYY-MM-DD"), by their summaries
    (else their lines), the first REPEATING_NAMED found (the rest not expanded); None when a
    series may fall on it before those are found (its days unknown: recurring_days, a rule not
    expanded or the budget spent) unless its rule rules that day out (recurring_days.
    may_fall_on: a weekday rule and a Saturday). One budget for all the series and days asked."""
    budget = Budget()

    def named(day: str) -> list[str] | None:
        asked = iso_day(day)
        found: list[str] = []
        if asked is None:
            return found
        for document in documents:
            for series in document.series:
                if series.first[:10] > day:
                    continue
                days = days_in(series, asked, asked, budget)
                if days is None and may_fall_on(series, asked):
                    return None
                text = document.text
                found += [_heading(text, series) or text[series.start : series.end]] if days else []
                if len(set(found)) >= REPEATING_NAMED:
                    return list(dict.fromkeys(found))
        return list(dict.fromkeys(found))

    return named


REPEATING_NAMED = 2
"""The most repeating events a reason names falling on the day asked."""
