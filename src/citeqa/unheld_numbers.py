"""A question asking of a numbered key ("week 20", "l'ADR 6") that the texts its answer stands
in never write, while they write a series of other numbers for that key ("ADR-0002",
"ADR-0004"; a table's "Week" column of 10 to 14), all before it or all after it.

The answer layer quoted the rota's allowance sentence for "Who is on call in week 20?" and
ADR-0002's status for "Quel est le statut de l'ADR 6 ?" (s24 trial): the number weighs as one
word among the question's and every other word matched. As unheld_years.py does for a year
(its model), the question abstains, naming the numbers written, when all of these hold:

- the question writes one keyed number (`KEYED`: a word of two letters or more, no stopword
  nor function word, then a whole number of at most three digits, maybe after "#", "-" or
  "n°": not a decimal "1.0", nor a year, "l'année 1313");
- no document the answer quotes (its text, its title, the sections cited) writes that number
  as a whole number, keyed or not (another passage shown may: "20 minutes" of a deploy page),
  but for a date's day ("1 January 2023" is no "work package 1", s46 trial);
  a street address's number ("12 rue des Lilas") writes none keyed by a section's word
  (language data `section_cues`: "l'article 12", s43);
- they and the passages shown write the key with at least SERIES_MIN other numbers (the key
  then the number, "ADR-0004", "week 10", or a number in a table column the key heads) of its
  magnitude (less than MAGNITUDE times larger or smaller: "les années 60" are not outside a
  series of 1950 and 1970), and the asked one lies after all of them or before all of them.

No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import NamedTuple

from citeqa import folding
from citeqa.dates import day_spans
from citeqa.glossary import fold, function_and_interrogative_words, language_words
from citeqa.language import pipe_pieces
from citeqa.lexical import stopwords
from citeqa.street_addresses import numbers_street
from citeqa.unheld_years import YEAR

__all__ = [
    "KEY_WORD",
    "UnheldNumber",
    "asked_keyed",
    "asked_keyed_number",
    "keyed_numbers",
    "unheld_number",
    "writes_whole",
]

KEY_WORD = r"(?<![\w.-])(?P<key>[^\W\d_]{2,})"
"""A pattern's key word before its number: two letters or more, opening no longer word
(`KEYED` here, unheld_codes.KEYED_LONG)."""
KEYED = re.compile(
    KEY_WORD + r"(?:-|[ \t]*(?:#|n°|no\.?|-[ \t])[ \t]*|[ \t]*(?P<sign>[-\u2212+]?))"
    r"0*(?P<number>\d{1,3})(?![\w]|[.,]\d)"
)
"""A key word then a whole number of at most three digits past its leading zeros ("week 20",
"ADR-0004", "ticket #12"); not a decimal. A dash glued to the key ("ADR-0004") or standing
alone ("week - 12") joins them; one glued to the number only ("week -12", "week −12") is its
sign (`keyed_value`): s25 hostile probe, "week -12" was read as the week 12 a rota holds."""
MAGNITUDE = 10
"""How many times larger or smaller than the asked number a number written may be and still
be of its series: "les années 60" are no number of a series of years 1950 and 1970."""
SERIES_MIN = 2
"""The fewest other numbers written for the key that make a series."""
DATE_REACH = 40
"""How far around a number (characters) a date holding it is looked for (`_in_a_date`)."""
HELD_NAMED = 5
"""How many of the numbers written the reason names (the closest to the asked)."""
_PIPE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)


class UnheldNumber(NamedTuple):
    asked: str
    """The key and number as the question writes them ("week 20")."""
    held: list[str]
    """The key with the numbers written, the closest to the asked one first."""


def unheld_number(
    question: str, labels: Sequence[str], quoted: Sequence[str], shown: Sequence[str]
) -> UnheldNumber | None:
    """The keyed number the question asks of that none of `labels` (the sections cited, the
    quoted documents' titles) and `quoted` (those documents' texts) writes while they and the
    passages `shown` write a series of others for its key all on one side of it (the module's
    rules)."""
    asked = asked_keyed_number(question)
    if asked is None:
        return None
    written, key, number = asked
    cued = fold(key) in language_words("section_cues")
    if any(_writes_asked(text, number, addresses=not cued) for text in [*labels, *quoted]):
        return None
    held = {
        other
        for other in keyed_numbers(fold(key), [*labels, *quoted, *shown])
        if abs(number) < abs(other) * MAGNITUDE and abs(other) < abs(number) * MAGNITUDE
    }
    if len(held) < SERIES_MIN or min(held) <= number <= max(held):
        return None
    closest = sorted(held, key=lambda other: (abs(other - number), other))[:HELD_NAMED]
    return UnheldNumber(written, [f"{key} {other}" for other in sorted(closest)])


def _writes_asked(text: str, number: int, *, addresses: bool) -> bool:
    """Whether `text` writes `number` whole (`writes_whole`), not as a date's day
    (`_in_a_date`); without `addresses`, not as a street address's number ("12 rue des Lilas"
    is no "article 12": street_addresses.py)."""
    if not writes_whole(text, number):
        return False
    if number < 0:
        return True
    return any(
        (addresses or not numbers_street(text, at)) and not _in_a_date(text, at)
        for at in _whole_at(text, number)
    )


def _in_a_date(text: str, at: int) -> bool:
    """Whether the number written at `at` of `text` is a date's day (dates.day_spans, read
    on the folded text within DATE_REACH of it): "1 January 2023" writes no "work package 1"
    (s46 trial: "Who leads work package 1?" of a report on work packages 2 and 3)."""
    start = max(0, at - DATE_REACH)
    offset = len(folding.fold(text[start:at]))  # glossary.fold strips: offsets would slip
    window = folding.fold(text[start : at + DATE_REACH])
    return any(begin <= offset < end for begin, end, _ in day_spans(window))


def _whole_at(text: str, number: int) -> Iterator[int]:
    """Where `text` writes the non-negative `number` whole (`writes_whole`'s pattern)."""
    for found in re.finditer(rf"(?<![\d.,])0*{abs(number)}(?![\d]|[.,]\d)", text):
        yield found.start()


def asked_keyed_number(question: str) -> tuple[str, str, int] | None:
    """The one keyed number the question writes (`KEYED`): as written, its key and its
    number; None for none or several, or a year."""
    found = asked_keyed(KEYED, question)
    if len(found) != 1:
        return None
    match = found[0]
    return match.group(), match["key"], keyed_value(match)


def asked_keyed(pattern: re.Pattern[str], question: str) -> list[re.Match[str]]:
    """The matches of `pattern` (a KEY_WORD then a number) in `question` whose key keys a
    number (no `keyless_words`) and whose number is no year."""
    return [
        match
        for match in pattern.finditer(question)
        if fold(match["key"]) not in keyless_words() and not YEAR.fullmatch(match["number"])
    ]


def keyed_value(match: re.Match[str]) -> int:
    """The number of a `KEYED` match, negative after a minus sign."""
    number = int(match["number"])
    return -number if match["sign"] in ("-", "\u2212") else number


@cache
def keyless_words() -> frozenset[str]:
    """Words that key no number: stopwords, function words, interrogatives ("in 20"; "at 1.5
    T" asks no version either, unheld_versions.py)."""
    return frozenset(stopwords() | function_and_interrogative_words())


def keyed_numbers(key: str, texts: Iterable[str]) -> set[int]:
    """The numbers `texts` write for the folded `key`: after it (`KEYED`) or in a pipe table's
    column whose header is the key (its plural too)."""
    numbers: set[int] = set()
    for text in texts:
        if key.isascii() and key not in text.casefold():
            continue  # casefolding is cheap: a whole document is folded only if it may hold the key
        numbers |= {keyed_value(m) for m in KEYED.finditer(fold(text)) if m["key"] == key}
        numbers |= _column_numbers(key, text)
    return numbers


def _column_numbers(key: str, text: str) -> set[int]:
    """The whole numbers of the pipe-table column headed `key` (or its plural) in `text`, its
    rows cut at their unescaped pipes (language.pipe_pieces: a cell's "\\|" cuts none)."""
    numbers: set[int] = set()
    column: int | None = None
    last = -1
    for row in _PIPE_ROW.finditer(text):
        cells = [fold(cell) for cell in pipe_pieces(row.group(1))]
        if row.start() > last + 1:
            column = None  # another table
        last = row.end()
        if column is None or column >= len(cells):
            column = next((n for n, cell in enumerate(cells) if cell in (key, key + "s")), None)
            continue
        if cells[column].isdigit() and len(cells[column]) <= 4:  # "0004" too
            numbers.add(int(cells[column]))
    return numbers


def writes_whole(text: str, number: int, key: str = "") -> bool:
    """Whether `text` writes `number` as a whole number (leading zeros allowed: "ADR-0006"),
    a negative one after its minus sign preceded by no word character ("OPS-01" and "v-12"
    write 1 and 12, not -1 and -12: review C of s25); with a `key`, right after it: glued or
    after a hyphen in any case ("HD-0042", "hd42"), after a space as written ("FY 2024"; "a 4"
    is no "A4")."""
    sign = "[-\u2212]" if number < 0 else ""
    keyed = re.escape(key)
    if key:
        before = rf"(?<![\w.])(?:(?i:{keyed})-?|{keyed}[ \t])"
    else:
        before = r"(?<![\w.,])" if number < 0 else r"(?<![\d.,])"
    return re.search(rf"{before}{sign}0*{abs(number)}(?![\d]|[.,]\d)", text) is not None
