"""Owns the amounts a question asks ("750 €", "$1,250", "40 %") and whether a table's cell
holds one by a range or a bound of its unit ("QF de 601 à 1 000 €", "601-1000", "≤ 600 €",
"> 1 400 €", "up to 600", "from 601 to 1,000"), and the numbers a question writes beside a
word naming what they measure ("l'INR est à 7") with whether a cell holds one by a bound or a
range written around that word ("6 ≤ INR < 10", "de 3 à 5 ans"): `asked_quantities`,
`holds_quantity` (s34 trial).

s32 trial: "Combien coûte la cantine pour un quotient familial de 750 € ?" quoted the row of
"QF ≤ 600 €" (its words matched best) while the row "QF de 601 à 1 000 €" holds 750, and the
evidence's ranges were read "601 à 1" (the spaced thousands "1 000" cut), so the question
abstained naming a price list's durations "50, 30". A row whose cell holds the asked amount is
the row the question looks up (sentences.py, tables.key_cells' rule), a table holding it holds
the key (unheld_keys.py), and an amount is compared only with a key column of its unit.

Everything is read on folded text (lexical.fold) whose digit groups are joined (`joined`:
"1 000", "1,000" → "1000"; a decimal "3,55" stays). The words and signs are data, French and
English (data/value_ranges.json). A cell writing another unit than the amount's holds none of
it ("601 à 1 000 km"); one writing no unit may ("601-1000" under a header naming it).
Pure functions; no I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold, stopwords

__all__ = [
    "Amount",
    "Quantity",
    "asked_amounts",
    "asked_quantities",
    "covered_numbers",
    "holds_amount",
    "holds_any",
    "holds_quantity",
    "joined",
    "may_hold_amount",
    "ranges",
    "units_written",
]

FIRST_YEAR, LAST_YEAR = 1800, 2199
"""A range of two numbers between these is one of years, which holds no amount."""
NUMBER_DIGITS = 18
"""A number is read from its first digits only (int() refuses very long ones)."""
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:[ \u00a0\u202f]\d{3})+|(?:,\d{3})+)(?![\d]|[.,]\d)")
"""A number written in digit groups of three, spaced or with commas ("1 000", "1,000",
"12 500"); "3,55" and "1,5" are decimals, "1,0005" none."""
_GROUP_MARK = re.compile(r"[ \u00a0\u202f,]")
_NUMBER = rf"(\d{{1,{NUMBER_DIGITS}}})"
_ALONE_BEFORE = r"(?<![\w.,:\-–—/])"
"""No part of a longer number, a decimal, a code, a version, a time or a date before a
number."""
_ALONE_AFTER = r"(?![\w]|[.,:\-–—/]\d)"
_FIRST_END = r"(?![\w]|[.,:]\d)"
"""A range's first number ends: no decimal after it (its joint may be a dash)."""
_TAIL_WORD = re.compile(r"\s*([^\W\d_]+)")
"""The word after a range's or a bound's last number: its unit when it writes one."""


class Amount(NamedTuple):
    """A number and the canonical sign of its unit (data `units`: "€" for "euros")."""

    number: int
    unit: str


@dataclass(frozen=True)
class _Words:
    units: dict[str, str]
    """Each folded writing of a unit, with its canonical sign."""
    unit: str
    """A pattern of any writing of a unit."""
    range_: re.Pattern[str]
    bounds: tuple[tuple[re.Pattern[str], str, bool], ...]
    may_bound: re.Pattern[str]
    """A range's joint or a bound's word or sign: what a cell holding an amount writes."""
    links: frozenset[str]
    """Folded words linking a question's word to its number ("est", "is"): `asked_quantities`."""


@cache
def _words() -> _Words:
    data = data_json("value_ranges.json")
    units = {
        fold(writing): sign for sign, writings in data["units"].items() for writing in writings
    }
    unit = "|".join(re.escape(writing) for writing in sorted(units, key=len, reverse=True))
    joints = "|".join(data["range_joints"])
    openers = "|".join(re.escape(word) for word in data["range_openers"])
    money = rf"(?:(?:{unit})\s*)?"
    after = rf"(?:\s*(?:{unit})(?!\w))?"
    range_ = re.compile(
        rf"(?:(?<!\w)(?:{openers})\s+)?{money}{_ALONE_BEFORE}{_NUMBER}{_FIRST_END}{after}"
        rf"(?:{joints}){money}{_NUMBER}{_ALONE_AFTER}"
    )
    bounds = tuple(
        (
            re.compile(
                rf"(?<![\w<>=≤≥])(?:{bound['words']})\s*{money}{_ALONE_BEFORE}{_NUMBER}{_ALONE_AFTER}"
            ),
            bound["side"],
            bool(bound["inclusive"]),
        )
        for bound in data["bounds"]
    )
    bound_words = "|".join(bound["words"] for bound in data["bounds"])
    may = re.compile(rf"{joints}|{bound_words}")
    return _Words(units, unit, range_, bounds, may, frozenset(data["quantity_links"]))


def joined(text: str) -> str:
    """`text` with its numbers written in digit groups joined ("1 000 €" → "1000 €")."""
    return _GROUPED.sub(lambda found: _GROUP_MARK.sub("", found.group()), text)


@lru_cache(maxsize=256)
def asked_amounts(question: str) -> tuple[Amount, ...]:
    """The amounts `question` writes, a number with its unit after or before it ("750 €",
    "$1,250", "12 EUR"), in order; none for a number without a unit ("exit code 70"), nor for
    one the question writes as a bound or a range (`_bound_spans`)."""
    words = _words()
    text = joined(fold(question))
    pattern = re.compile(
        rf"(?:(?<!\w)(?P<before>{words.unit})\s*{_ALONE_BEFORE}(?P<n1>\d{{1,{NUMBER_DIGITS}}})"
        rf"(?![\d]|[.,]\d))|(?:{_ALONE_BEFORE}(?P<n2>\d{{1,{NUMBER_DIGITS}}})(?![\d]|[.,]\d)"
        rf"\s*(?P<after>{words.unit})(?!\w))"
    )
    bounded = _bound_spans(text)
    found = []
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in bounded):
            continue
        number, unit = match["n1"] or match["n2"], match["before"] or match["after"]
        found.append(Amount(int(number), words.units[unit]))
    return tuple(found)


def _bound_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` (folded, groups joined) writes a range or a bound: an amount there is no
    value asked but the bound itself ("supérieur à 1 400 €" asks the row "QF > 1 400 €", not
    the one whose range holds 1 400)."""
    words = _words()
    spans = [found.span() for found in words.range_.finditer(text)]
    spans += [found.span() for pattern, *_ in words.bounds for found in pattern.finditer(text)]
    return spans


def units_written(text: str) -> frozenset[str]:
    """The canonical signs of the units `text` writes (folded or not)."""
    words = _words()
    folded = fold(text)
    pattern = rf"(?<!\w)(?:{words.unit})(?!\w)|[€$£%]"
    return frozenset(words.units[found] for found in re.findall(pattern, folded))


def ranges(text: str) -> Iterator[tuple[int, int]]:
    """The ends of each range of numbers `text` writes, lowest first ("601 à 1 000",
    "64 .. 78", "from 601 to 1,000", "entre 601 et 1 000")."""
    for low, high, _ in _ranges_with_tails(joined(fold(text))):
        yield low, high


def _ranges_with_tails(text: str) -> Iterator[tuple[int, int, str]]:
    """`ranges` of `text` (folded, groups joined), each with the word after it (`_tail`)."""
    for found in _words().range_.finditer(text):
        low, high = sorted((int(found.group(1)), int(found.group(2))))
        yield low, high, _tail(text, found.end())


def _tail(text: str, end: int) -> str:
    """The word after `end` in `text`, "" for none."""
    after = _TAIL_WORD.match(text, end)
    return "" if after is None else after.group(1)


def _bounded(text: str) -> Iterator[tuple[int, int, str]]:
    """The numbers each bound of `text` (folded, groups joined, its ranges left out) holds, as
    the lowest and the highest ("≤ 600": 0 to 600; "> 1 400": 1 401 and above), each with the
    word after it."""
    most = 10**NUMBER_DIGITS
    for pattern, side, inclusive in _words().bounds:
        for found in pattern.finditer(text):
            number, tail = int(found.group(1)), _tail(text, found.end())
            if side == "upper":
                yield 0, number if inclusive else number - 1, tail
            else:
                yield number if inclusive else number + 1, most, tail


def holds_amount(cell: str, amount: Amount, header: str = "") -> bool:
    """Whether a cell holds `amount` by a range or a bound (the module's forms): the cell
    writes its unit, or writes none under a `header` (its column's) writing it, and no other
    word follows the range as its unit ("601 à 1 000 km"). A cell of no unit holds no amount
    ("2018-2022", "under 18": review of s32-trialfix), nor does a range of two years
    ("2018-2022 €" of a budget's years) or of times ("08:00-18:00": `_ALONE_BEFORE`)."""
    units = units_written(cell) or units_written(header)
    if amount.unit not in units:
        return False
    text = joined(fold(cell))
    spans = [span for span in _ranges_with_tails(text) if not _of_years(span)]
    spans += _bounded(_words().range_.sub(" ", text))
    return any(
        low <= amount.number <= high and _of_unit(tail, amount.unit) for low, high, tail in spans
    )


def may_hold_amount(cell: str, header_writes_unit: bool = False) -> bool:
    """Whether a cell may hold an amount (`holds_amount`), a quick test before its ranges are
    read: it writes a digit, a unit (or its column's header does: `header_writes_unit`) and a
    range's joint or a bound's word or sign."""
    if not any(char.isdigit() for char in cell):
        return False
    folded = fold(cell)
    if not (header_writes_unit or units_written(folded)):
        return False
    return _words().may_bound.search(folded) is not None


def _of_years(span: tuple[int, int, str]) -> bool:
    """Whether a range's two ends are years (FIRST_YEAR to LAST_YEAR)."""
    return all(FIRST_YEAR <= end <= LAST_YEAR for end in span[:2])


def _of_unit(tail: str, unit: str) -> bool:
    """Whether the word after a range or a bound is none, or a writing of `unit`."""
    return not tail or _words().units.get(tail) == unit


def holds_any(cells: Iterable[tuple[str, str]], amounts: Iterable[Amount]) -> bool:
    """Whether one of `cells` (each with its column's header, "" for none) holds one of
    `amounts` (`holds_amount`)."""
    asked = list(amounts)
    return bool(asked) and any(
        holds_amount(cell, amount, header) for cell, header in cells for amount in asked
    )


def covered_numbers(question: str, texts: Iterable[str]) -> frozenset[int]:
    """The numbers of the amounts `question` asks (`asked_amounts`) that a line of one of
    `texts` holds by a range or a bound (`holds_amount`, the line read with its table's header
    line for its unit: `_with_table_headers`): a reason must not say the documents never
    mention "700" when a row writes "de 601 à 1 000 €" (s33 hostile probe M4). A unit written
    elsewhere in the text is not the line's ("Pages 601-1000" beside a price in € holds no 700
    €: s34 review). Each line is read only when it may hold an amount (`may_hold_amount`)."""
    asked = asked_amounts(question)
    if not asked:
        return frozenset()
    covered: set[int] = set()
    for text in texts:
        for line, header in _with_table_headers(text):
            if may_hold_amount(line, bool(header) and bool(units_written(header))):
                covered.update(a.number for a in asked if holds_amount(line, a, header))
    return frozenset(covered)


def _with_table_headers(text: str) -> Iterator[tuple[str, str]]:
    """Each line of `text` with its table's header line: the first of the run of lines writing
    a cell separator ("|" or a tab) it is in; "" for a line of no table and for the header."""
    header = ""
    for line in text.splitlines():
        if "|" not in line and "\t" not in line:
            header = ""
            yield line, ""
        elif not header:
            header = line
            yield line, ""
        else:
            yield line, header


class Quantity(NamedTuple):
    """A number the question writes beside the word naming what it measures (folded): the
    word before it ("l'INR est à 7": "inr", `before`) or its unit word after it ("14 ans":
    "ans", not `before`)."""

    word: str
    number: int
    before: bool


_PLAIN_NUMBER = re.compile(rf"{_ALONE_BEFORE}(\d{{1,{NUMBER_DIGITS}}}){_ALONE_AFTER}")
_LETTERS = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"(?:[\s'’=:]|[^\W\d_])*")
"""What may stand between a quantity's word and its number: words, blanks, an elision's
apostrophe, "=" or ":" ("INR = 7", "l'INR est à 7"), no other sign and no number."""
GAP_WORDS = 3
"""How many function words at most stand between a quantity's word and its number."""
_SIGN = r"(<=|=<|>=|=>|≤|≥|<|>)"
_SIGN_BEFORE = re.compile(rf"{_ALONE_BEFORE}(\d{{1,{NUMBER_DIGITS}}})\s*{_SIGN}\s*$")
_SIGN_AFTER = re.compile(rf"\s*{_SIGN}\s*(\d{{1,{NUMBER_DIGITS}}}){_ALONE_AFTER}")
_LESS = {"<=": True, "=<": True, "≤": True, "<": False}
"""The signs saying their left side is less than their right, each with whether it may equal
it; the others (≥, >=, =>, >) say it is more."""
_MONEY_SIGNS = "€$£%"


@lru_cache(maxsize=256)
def asked_quantities(question: str) -> tuple[Quantity, ...]:
    """The numbers `question` writes beside a word naming what they measure: the nearest word
    before the number that is no function word, with at most GAP_WORDS function words between
    ("Que faire si l'INR est à 7 ?": INR 7), and the word after it when it is none ("un
    enfant de 14 ans": ans 14). No amount (`asked_amounts` reads those), no year, no number
    the question writes as a bound or a range ("INR > 10 ?" asks that row, not one holding
    10), no decimal (`_ALONE_AFTER`)."""
    text = joined(fold(question))
    bounded = _bound_spans(text)
    function_words = stopwords()
    units = _words().units
    found: list[Quantity] = []
    for match in _PLAIN_NUMBER.finditer(text):
        number, after = int(match.group(1)), _tail(text, match.end())
        if FIRST_YEAR <= number <= LAST_YEAR or any(a <= match.start() < b for a, b in bounded):
            continue
        near = text[max(0, match.start() - 2) : match.end() + 2]
        if after in units or any(sign in near for sign in _MONEY_SIGNS):
            continue
        before = text[max(0, match.start() - 80) : match.start()]
        word = _word_before(before, function_words)
        unit = _names_unit(after, function_words)
        if word and (not unit or _linked(before, word)):
            found.append(Quantity(word, number, True))
        if unit:
            found.append(Quantity(after, number, False))
    return tuple(found)


def _linked(before: str, word: str) -> bool:
    """Whether the gap between `word` (the last one of `before` naming a quantity) and the
    number after `before` links them: a link word ("l'INR est à", data `quantity_links`), "="
    or ":". A number with a unit word after it is a value of the word before only so linked
    ("le chlore est à 4 mg/L"); else it counts its unit ("the fee for 3 nights": no fee of 3)."""
    gap = before[before.rindex(word) + len(word) :]
    return "=" in gap or ":" in gap or bool(set(_LETTERS.findall(gap)) & _words().links)


def _names_unit(word: str, function_words: frozenset[str]) -> bool:
    """Whether `word`, just after a number, is the unit word it counts ("3 nights", "14
    ans"): a word of two letters or more and no function word."""
    return len(word) > 1 and word not in function_words


def _word_before(text: str, function_words: frozenset[str]) -> str:
    """The last word of `text` that is no function word or single letter, when only words
    (function words or single letters, at most GAP_WORDS), blanks, apostrophes, "=" or ":"
    stand after it; "" for none."""
    words = list(_LETTERS.finditer(text))
    skipped = 0
    for word in reversed(words):
        if not _GAP.fullmatch(text, word.end()):
            return ""
        if len(word.group()) < 2 or word.group() in function_words:
            skipped += 1
            if skipped > GAP_WORDS:
                return ""
            continue
        return word.group()
    return ""


def holds_quantity(cell: str, quantity: Quantity) -> bool:
    """Whether a cell holds `quantity` by a bound or a range written around its word: signs
    on either side of the word ("6 ≤ INR < 10", "INR ≥ 10", "INR < 4"), a range or a bound's
    words just after it ("INR entre 6 et 10", "INR supérieur à 10"); for a unit word, a range
    or a bound just before it ("de 3 à 5 ans", "< 18 ans", "moins de 18 ans") or signs around
    it as around any word ("Nights ≥ 3", "3 ≤ nights"). The word is
    whatever the question writes beside its number (`asked_quantities`): no quantity is
    known here."""
    text = joined(fold(cell))
    if quantity.word not in text:
        return False
    pattern = re.compile(rf"(?<![^\W\d_]){re.escape(quantity.word)}(?![^\W\d_])")
    if not quantity.before:
        spans = [span for span in _ranges_with_tails(text) if not _of_years(span)]
        spans += _bounded(_words().range_.sub(" ", text))
        if any(
            low <= quantity.number <= high and tail == quantity.word for low, high, tail in spans
        ):
            return True
    return any(
        _around_holds(text, found.start(), found.end(), quantity.number)
        for found in pattern.finditer(text)
    )


def _around_holds(text: str, start: int, end: int, number: int) -> bool:
    """Whether the bounds written around the word at text[start:end] hold `number`: a number
    and a sign on either side of it ("6 ≤ INR < 10"), else a range or a bound's words just
    after it ("INR entre 6 et 10", "INR supérieur à 10"); False when none is written."""
    low, high = 0, 10**NUMBER_DIGITS
    before = _SIGN_BEFORE.search(text, max(0, start - 32), start)
    after = _SIGN_AFTER.match(text, end)
    if before:  # "6 ≤ INR": the word is at least 6; "10 > INR": below 10
        limit, sign = int(before.group(1)), before.group(2)
        if sign in _LESS:
            low = max(low, limit if _LESS[sign] else limit + 1)
        else:
            high = min(high, limit if "=" in sign or sign == "≥" else limit - 1)
    if after:  # "INR < 10": the word is below 10; "INR ≥ 10": at least 10
        sign, limit = after.group(1), int(after.group(2))
        if sign in _LESS:
            high = min(high, limit if _LESS[sign] else limit - 1)
        else:
            low = max(low, limit if "=" in sign or sign == "≥" else limit + 1)
    if before or after:
        return low <= number <= high
    rest = text[end : end + 64].lstrip()
    return any(low <= number <= high for low, high in _opening_bounds(rest))


def _opening_bounds(text: str) -> Iterator[tuple[int, int]]:
    """The numbers a range or a bound opening `text` holds ("entre 6 et 10 …": 6 to 10;
    "superieur a 10": 11 and above); none when a unit word follows it (`_names_unit`): "INR
    7-10 jours après" bounds the days, not the INR."""
    words = _words()
    found = words.range_.match(text)
    if found:
        first, second = int(found.group(1)), int(found.group(2))
        if not _names_unit(_tail(text, found.end()), stopwords()):
            yield min(first, second), max(first, second)
        return
    most = 10**NUMBER_DIGITS
    for pattern, side, inclusive in words.bounds:
        bound = pattern.match(text)
        if bound and not _names_unit(_tail(text, bound.end()), stopwords()):
            number = int(bound.group(1))
            if side == "upper":
                yield 0, number if inclusive else number - 1
            else:
                yield number if inclusive else number + 1, most
