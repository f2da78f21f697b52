"""Calendar dates written in a folded text, as canonical BM25 terms (lexical.tokenize and
lexical.query_tokens add them beside the date's own words and numbers).

A date is found in the common forms of English and French text: ISO ("2026-03-14",
"2026/03/14"), day first with numbers ("14/03/2026", "14.03.2026"; with a slash or a dash, a
first number of at most 12 before one above 12 is read month first, "03/14/2026", never with
dots: "3.14.2026" is a version), and with a month's name, day first in either language
("14 mars 2026", "le 14 mars", "1er mars", "14th of March 2026") or an English month first
("March 14, 2026", "March 14th"). A date never spans a line, and a date in numbers is none
inside a longer chain of them ("1/2/3/2026", "2026-03-14-15", "doi:10.1/12.03.2026"). The
month names and their abbreviations are language data (citeqa/data/language.json, `months`),
and so are the names that are also everyday words (`month_words`: "may", "sept"), which make a
date after a day only with its year or after "of" ("2 May 2026", "14th of May", not "group 2
may develop", "14 sept ans"). An English month before a number without a year makes a date
only with an ordinal ("March 14th") or where the phrase ends ("on March 14?", "March 14, we"):
in prose, "in May 31 patients" counts patients. "The 2 Mars rovers" still gives "--03-02": a
folded text has lost the capital, and "le 2 mars" is how French writes the date.

Each date gives its month-day term "--MM-DD" (ISO 8601's spelling of a date without its year)
and its month's term "--MM" (ISO 8601:2000's month without its year), and a date with its year
the full term "YYYY-MM-DD" too: "2026-03-14", "14/03/2026" and
"March 14, 2026" all give "2026-03-14" and "--03-14"; "March 14" and "le 14 mars" give "--03-14"
only, so a question without a year finds the date of any year, and one with its year finds
that year's first. A term holds digits, so lexical.tokenize never stems it. A number that is no
date (a month above 12, a day that month never has: "31/02/2026") gives nothing.

A month's full name, of either language, is also read as its month wherever it stands
(`month_term`: "March", "mars" give "--03", the term its dates give), in place of the word's
stem: a stem is shared with other words ("march" is the French stem of "marché", so "What did I
do on March 14?" quoted "Courses au marché" in the note of April 14, session 17), a month's term
with none; and "March" finds "mars". Not a name that is also an everyday word ("may":
`month_words`), nor an abbreviation alone ("dec", "oct" are other words too), nor an English
name written lowercase (`_CAPITALISED`: English writes its months capitalised, so "soldiers
march", "an august institution" are words, stemmed, and "march" still finds "marching"; the
case is read on the text before folding, `capitalised_months`). French writes its months
lowercase, so "mars" is its month in any case: "Mars" the planet cannot be told from the French
month (nor "it mars the view" from "en mars"), nor "Who is June?" from the month. A
capitalised name directly followed by a capitalised word is a person's ("Avril Dupont",
"April Smith": `is_a_name`), stemmed as a word, not a month, unless that word is another
month's name or one the text writes lowercase too ("Avril Mai Juin", "April Newsletter ... the
newsletter").

Written here rather than with a library: dateutil (installed) parses one string known to be a
date, and finds none in a text; dateparser's search_dates does, but is not a dependency, brings
its own language data and detection, and was not measured against these patterns, which every
passage and sentence a build tokenises goes through (benchmarks/date_terms_cost.py prints their
share of tokenising).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache

from citeqa.folding import fold
from citeqa.jsonfiles import language_object

YEAR_DIGITS = r"(?:1[89]\d\d|2[01]\d\d)"
"""A year as four digits, 1800 to 2199 (a group, without bounds): what unheld_years,
bare_tokens and the xlsx reader read as a year."""
_MONTH_DIGITS = r"(?:0?[1-9]|1[0-2])"
NUMERIC_DATE = re.compile(
    rf"(?<!\d)(?:\d{{1,2}}[-/.]{_MONTH_DIGITS}[-/.]{YEAR_DIGITS}"
    rf"|{YEAR_DIGITS}[-/.]{_MONTH_DIGITS}(?:[-/.]\d{{1,2}})?)(?!\d)"
)
"""A date written in digits alone, its year in it: "14/04/2026", "15.04.2026",
"2026-04-14", a year and month "2026-04" (in a file name too: "CR_15-04-2026.md")."""
_DASH = r"[-‐‑‒–—]"
_MONTH_REACH = 24
"""How far before a number a month's name and the spaces after it are looked for."""


def _month_names() -> dict[str, dict[str, int]]:
    """Per language, each folded month name or abbreviation with its month's number (1-12)."""
    months = language_object().get("months")
    names: dict[str, dict[str, int]] = {}
    for lang, spellings in (months if isinstance(months, dict) else {}).items():
        names[lang] = {name: number for number, row in enumerate(spellings, 1) for name in row}
    return names


_NUMBER = re.compile(r"\d+")
_WORD_BEFORE = frozenset("_.")
"""Besides letters and digits, what a date's number cannot follow ("v1.14.03.2026", "x_2026")."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The forms that open on a number (ISO, numbers day first, a day before a month's name);
    an English month's name before its day; and that name ending just before a number. Each is
    matched at a place `date_terms` found (a number), never searched for along the text: a
    search for twenty-odd month names at every character cost more than tokenising."""
    names = _month_names()
    any_month = _alternatives(_numbers())
    english = _alternatives(names.get("en", {}))
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    space = r"[ \t]+"  # a date never spans a line: "March\n14 participants" is none
    # no word character after a date, but the "T" of an ISO time ("2026-03-14T10:00")
    after = r"(?!(?!t\d)\w)"
    # all in numbers, no number chained before or after ("1/2/3/2026", "2026-03-14-15")
    chained = rf"(?:{_DASH}|[/.])\d"
    numbered = [
        rf"(?P<iy>\d{{4}})(?P<isep>{_DASH}|[/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})",
        rf"(?P<na>\d{{1,2}})(?P<nsep>{_DASH}|[/.])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>\d{{4}})",
    ]
    named = (
        rf"(?P<dd>{day})(?:er|st|nd|rd|th)?{space}(?P<of>of{space})?(?P<dm>{any_month})\.?"
        rf"(?:,?{space}(?P<dy>\d{{4}})(?!\d))?"
    )
    month_first = (
        rf"(?P<mm>{english})\.?{space}(?P<md>{day})(?P<ms>st|nd|rd|th)?\b"
        rf"(?:,?{space}(?P<my>\d{{4}})(?!\d))?"
    )
    numbers = "|".join(f"(?:{form})" for form in numbered)
    return (
        re.compile(rf"(?:(?<!\d{_DASH})(?<!\d[/.])(?:{numbers})(?!{chained})|{named}){after}"),
        re.compile(month_first + after),
        re.compile(rf"(?<![\w.])(?:{english})\.?{space}\Z"),
    )


def _alternatives(names: dict[str, int]) -> str:
    """A regular expression of the names, longest first (so "sept" is not read as "sep")."""
    return "|".join(re.escape(name) for name in sorted(names, key=lambda n: (-len(n), n)))


def month_number(word: str) -> int | None:
    """The number (1-12) of the month a folded word names by its full name or an abbreviation,
    in either language ("avr", "apr", "avril": 4), or None. A bare abbreviation is often
    another word ("mar", "dec"): callers read it as a month only beside a year or a day."""
    return _numbers().get(word)


def month_names(month: int) -> frozenset[str]:
    """The folded names and abbreviations, of either language, of the month numbered `month`
    (1-12): "avril", "avr", "april", "apr" for 4."""
    return frozenset(name for name, number in _numbers().items() if number == month)


@cache
def _numbers() -> dict[str, int]:
    """Every month name or abbreviation, of either language, with its month's number."""
    return {name: n for by_name in _month_names().values() for name, n in by_name.items()}


_CAPITALISED = frozenset({"en"})
"""The languages whose months' names are capitalised ("March"): a name of theirs written
lowercase is a word ("march", "august"), not the month (French writes "mars" lowercase)."""


@cache
def _cased_names() -> frozenset[str]:
    """The full month names (`_month_terms`) that name their month only capitalised: those of
    the `_CAPITALISED` languages ("march", "august"; not "mars")."""
    names = _month_names()
    cased = {name for lang in _CAPITALISED for name in names.get(lang, {})}
    return frozenset(cased & _month_terms().keys())


_ACCENTED = {"a": "aàâä", "c": "cç", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uûùü"}
"""The letters a month's folded name may be written with in the text before folding ("août")."""


@cache
def _named_pattern() -> re.Pattern[str]:
    """Any `_month_terms` name as a whole word, in any case and with its accents ("Août",
    "février"): what lexical's _TOKEN reads as a word (no letter before it, no letter or digit
    after it), whose folded word is that name."""
    names = "|".join(
        "".join(f"[{_ACCENTED[letter]}]" if letter in _ACCENTED else letter for letter in name)
        for name in sorted(_month_terms(), key=len, reverse=True)
    )
    return re.compile(rf"(?<![^\W\d_])(?:{names})(?![^\W_])", re.IGNORECASE)


_NEXT_NAME = re.compile(r"[ \u00a0]+(?P<word>[^\W\d_][^\W_]*)(?P<third>[ \u00a0]+[^\W\d_])?")
"""After a capitalised month's name: a word on the same line, and the next word's first letter."""
_DAY_BEFORE = re.compile(r"\d(?:er|st|nd|rd|th)?[ \u00a0]+$", re.IGNORECASE)
"""Before a month's name: a day ("3 ", "1er ")."""


def is_a_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised month's name `text[start:end]` is a person's first name: directly
    followed by a capitalised word (a surname: "Avril Dupont", "April Smith") that no third
    capitalised word follows (a Title Case heading: "April Board Meeting") and not after a day
    ("3 Avril Dupont..."). Such a name read as its month made a person's undated note answer
    "What did the board decide in April?" (s29 hostile F6). A word that is no surname
    (`_no_surname`: another month, a word the text also writes lowercase) makes no name."""
    if not text[start : start + 1].isupper():
        return False
    after = _NEXT_NAME.match(text, end)
    if after is None or not after["word"][:1].isupper() or _no_surname(after["word"], text):
        return False
    third = after["third"]
    if third is not None and third.strip()[:1].isupper():
        return False
    return _DAY_BEFORE.search(text, 0, start) is None


def _no_surname(word: str, text: str) -> bool:
    """Whether the capitalised `word` after a month's name is no surname: a month's name or
    abbreviation, of either language ("Avril Mai Juin", "Janvier Février": a list of months,
    review D of s29), or a word `text` also writes lowercase, a common noun ("April Newsletter
    ... the newsletter"). The word lists at hand cannot tell the rest: known_words.json (BERT's
    vocabulary) holds "newsletter" and "smith", "dupont", "chen" alike."""
    if month_number(fold(word)) is not None:
        return True
    lowercase = word.lower()
    return re.search(rf"(?<![^\W_]){re.escape(lowercase)}(?![^\W_])", text) is not None


def needs_case(words: Iterable[str]) -> bool:
    """Whether any of these folded words is a month's full name (`_month_terms`): then
    `capitalised_months` must read the text, whether it is written so as to name its month."""
    return not _month_terms().keys().isdisjoint(words)


def capitalised_months(text: str) -> Iterator[bool]:
    """For each month's full name `text` (unfolded) writes as a word, in order, whether it names
    its month: an English name only capitalised ("March", "MARCH": True; "march": False), and
    no name that is a person's (`is_a_name`: "Avril Dupont" False). lexical pairs them in order
    with the folded words that are such names (`needs_case`); folding drops only accents and
    invisible characters, so both read the same names, but a name split by an invisible one
    (a soft hyphen inside "March"): its folded word then lacks a flag, and reads as no month.
    The text is read composed (NFC): `_named_pattern` writes "é" as one character, and a text
    decomposed ("e" + U+0301, as macOS names and some PDFs write it) otherwise hid "février" from
    it, shifting every later flag onto the wrong name (review D of s29: "mars" lost its month)."""
    text = unicodedata.normalize("NFC", text)
    cased = _cased_names()
    for match in _named_pattern().finditer(text):
        written = match.group()
        if not written[0].isupper():
            yield fold(written) not in cased
        else:
            yield not is_a_name(text, match.start(), match.end())


@cache
def _month_terms() -> dict[str, str]:
    """Each month's full name, of either language, with its month's term ("march" and "mars":
    "--03"), but the names that are also everyday words (`_month_words`: "may")."""
    terms: dict[str, str] = {}
    months = language_object().get("months")
    for spellings in (months if isinstance(months, dict) else {}).values():
        for number, row in enumerate(spellings, 1):
            name = row[0] if row else None
            if name is not None and name not in terms and name not in _month_words():
                terms[name] = f"--{number:02d}"
    return terms


def month_term(word: str, capitalised: bool = True) -> str | None:
    """The term of the month a folded word names ("march", "mars": "--03"; ISO 8601's month
    without its year), or None: a month's full name is read as its month, in either language,
    and not stemmed as a word, whose stem other words share (French "marché" stems to "march").
    Not "may", nor an abbreviation (`_month_terms`), nor an English name the text wrote
    lowercase (`capitalised` False: "soldiers march"; `_CAPITALISED`)."""
    if not capitalised and word in _cased_names():
        return None
    return _month_terms().get(word)


@cache
def _month_words() -> frozenset[str]:
    """The month names that are also everyday words (language.json `month_words`: "may")."""
    words = language_object().get("month_words")
    return frozenset(words if isinstance(words, list) else ())


def date_terms(folded: str) -> list[str]:
    """The canonical terms of the dates `folded` (a lexical.fold-ed text) holds, in order, each
    once: "YYYY-MM-DD" for a date with its year, then "--MM-DD" and "--MM" for every date
    (`_dates` finds them)."""
    terms: dict[str, None] = {}
    for _, found in _dates(folded):
        terms.update(dict.fromkeys(_terms_of(*found)))
    return list(terms)


def day_spans(folded: str) -> list[tuple[int, int, frozenset[str]]]:
    """Where each date of `folded` (a lexical.fold-ed text) stands, as (start, end, its day's
    terms): "YYYY-MM-DD" when its year is written and "--MM-DD", not its month's "--MM",
    which every day of that month shares. What a question's date is matched by, as one term
    (questions.analyse): "2026-07-14" is no "2026", "07" and "14" that the next day's
    "2026-07-15" holds two of."""
    return [
        (match.start(), match.end(), frozenset(_terms_of(*found)[:-1]))
        for match, found in _dates(folded)
    ]


def _dates(folded: str) -> Iterator[tuple[re.Match[str], tuple[int | None, int, int]]]:
    """Each date of `folded` with its (year or None, month, day), in order. Every date holds a
    number: each number that starts no word is tried as a date's start, then as the day after
    a month's name."""
    done = 0  # where the last date found ends: a number before it is part of it
    for number in _NUMBER.finditer(folded):
        start = number.start()
        if start < done or (start and _inside_word(folded[start - 1])):
            continue
        match = _date_match(folded, start)
        found = None if match is None else _date_of(match)
        if match is None or found is None:
            continue
        done = match.end()
        yield match, found


_FULL_DAY_TERM = re.compile(r"\d{4}-\d\d-\d\d")


def is_full_day_term(term: str) -> bool:
    """Whether `term` is a date's term with its year, "YYYY-MM-DD" (`_terms_of`): "2025-12-02",
    not "--12-02" nor "--12"."""
    return len(term) == 10 and _FULL_DAY_TERM.fullmatch(term) is not None


def _terms_of(year: int | None, month: int, day: int) -> list[str]:
    """A date's canonical terms: "YYYY-MM-DD" when its year is known, then "--MM-DD", "--MM"."""
    terms = [] if year is None else [f"{year:04d}-{month:02d}-{day:02d}"]
    return [*terms, f"--{month:02d}-{day:02d}", f"--{month:02d}"]


def impossible_spans(folded: str) -> list[tuple[int, int]]:
    """Where `folded` (a lexical.fold-ed text) writes a date in a form `date_terms` reads that
    names no day of the calendar: "2026-13-45", "31/02/2026", "30 février 2026", "February 30,
    2026". Not a dotted one ("1.13.2026" is a version), nor a number that is no date's day
    ("in May 31 patients": `_fields` reads no date there)."""
    spans: list[tuple[int, int]] = []
    for number in _NUMBER.finditer(folded):
        start = number.start()
        if (spans and start < spans[-1][1]) or (start and _inside_word(folded[start - 1])):
            continue
        match = _date_match(folded, start)
        fields = None if match is None else _fields(match)
        if match is None or fields is None or _exists(*fields) or _dotted(match):
            continue
        spans.append((match.start(), match.end()))
    return spans


def impossible_date_keys(folded: str) -> set[str]:
    """The keys of the dates `folded` writes that name no day (`impossible_spans`), as
    `date_key` reads them: what the build stores among the compound keys (compounds.py), so a
    question quoting one word for word ("31/04/2026", "30 février 2026") finds it written."""
    return {date_key(folded[begin:end]) for begin, end in impossible_spans(folded)}


def date_key(written: str) -> str:
    """A date as written, its words and numbers only, in order ("31/04/2026" → "31042026",
    "30 février 2026" → "30fevrier2026" once folded): the same key for the same words, whatever
    separates them (a line's break, a comma)."""
    return "".join(_KEY_PART.findall(written))


_KEY_PART = re.compile(r"[^\W_]+")


def _dotted(match: re.Match[str]) -> bool:
    """Whether a date's numbers are separated by dots ("14.03.2026"; "1.13.2026" a version)."""
    groups = match.groupdict()
    return "." in (groups.get("isep"), groups.get("nsep"))


def _inside_word(before: str) -> bool:
    """Whether a number after the character `before` is inside a word or a dotted number."""
    return before.isalnum() or before in _WORD_BEFORE


def _date_match(folded: str, start: int) -> re.Match[str] | None:
    """The date that opens on the number at `start`, or that a month's name ends just before."""
    opening, month_first, month_before = _patterns()
    match = opening.match(folded, start)
    if match is not None:
        return match
    before = month_before.search(folded, max(0, start - _MONTH_REACH), start)
    return None if before is None else month_first.match(folded, before.start())


def _date_of(match: re.Match[str]) -> tuple[int | None, int, int] | None:
    """The (year or None, month, day) of a match of `_patterns`, None when it is no date."""
    fields = _fields(match)
    return fields if fields is not None and _exists(*fields) else None


def _fields(match: re.Match[str]) -> tuple[int | None, int, int] | None:
    """The (year or None, month, day) a match of `_patterns` writes, whether or not that day
    exists (month 13, February 30), None when the words are no date ("group 2 may")."""
    groups = match.groupdict()
    year: int | None
    if groups.get("iy") is not None:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups.get("ny") is not None:
        first, second, year = int(groups["na"]), int(groups["nb"]), int(groups["ny"])
        month_first = first <= 12 < second and groups["nsep"] != "."  # "3.14.2026": a version
        day, month = (second, first) if month_first else (first, second)
    elif groups.get("dd") is not None:
        if groups["dy"] is None and groups["of"] is None and groups["dm"] in _month_words():
            return None  # "group 2 may develop", but "14th of May"
        day, month = int(groups["dd"]), _numbers()[groups["dm"]]
        year = None if groups["dy"] is None else int(groups["dy"])
    else:
        if groups["my"] is None and groups["ms"] is None and not _phrase_ends(match):
            return None  # "in May 31 patients", but "March 14th", "on March 14, we"
        day, month = int(groups["md"]), _numbers()[groups["mm"]]
        year = None if groups["my"] is None else int(groups["my"])
    return year, month, day


_PHRASE_END = re.compile(r"[ \t]*(?:[,.;:!?)\]\r\n]|\Z)")
"""What ends the phrase of a month's name and a number, making that number its day (a
punctuation mark, the line's end: a note's heading "## March 14")."""


def _phrase_ends(match: re.Match[str]) -> bool:
    """Whether the phrase ends after `match` (a month's name and a number, no year): "March 14?"
    names a day, "March 25 patients" counts patients."""
    return _PHRASE_END.match(match.string, match.end()) is not None


def _exists(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists in that month (of a leap year when the year is not given). Year 0
    names no day (the calendar starts at year 1: date.min), so "5 mai 0000" is no date."""
    return calendar_day(2024 if year is None else year, month, day) is not None


def iso_day(written: str) -> date | None:
    """The day an ISO date ("2025-12-03") names, None when it is none of the calendar
    ("0000-05-06", "2025-02-30": a stored or computed date could hold one)."""
    try:
        return date.fromisoformat(written)
    except ValueError:
        return None


def calendar_day(year: int, month: int, day: int) -> date | None:
    """That day, None when the calendar has none ("31 février", a month 13, a year 0)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
