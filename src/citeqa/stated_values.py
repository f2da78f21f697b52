"""Owns reading the values a sentence states: its numbers in digits, normalised so that one value
written two ways is one ("48 000", "48,000" and "48000"; "2,70" and "2.70"; "10,00" and "10"),
and its runs of number words in the sentence's language read as one number ("vingt-cinq" is 25,
"two hundred" 200, "quatre-vingt-dix" 90). Number words are language data
(citeqa/data/number_words.json); a word that is also an ordinary word ("neuf": new, "Sept.":
September) counts only where it reads as a number.

Written here rather than taken from a library: text2num/number-parser read one number from a
known number phrase, not every run inside a sentence with the ambiguities above, and add a
dependency for ~100 lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold, stopwords

_DIGITS = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3}(?!\d)|[.,]\d+)*")
_SPACES = re.compile(r"[ \u00a0\u202f]")
_SEPARATORS = re.compile(r"[.,]")
_WORD = re.compile(r"[^\W\d_]+")
_WITHIN_RUN = re.compile(r"[ \u00a0\u202f]*-?[ \u00a0\u202f]*")
"""What may stand between two words of one run of number words: spaces and a hyphen."""
_FOLLOWED_BY_WORD = re.compile(r"[ \u00a0\u202f]+([^\W\d_]+)")
_DIGIT_BEFORE = re.compile(r"\d[ \u00a0\u202f]*$")
QUATRE_VINGTS = (4, 20)
"""Four then twenty is eighty ("quatre-vingts"), not twenty-four."""
MULTIPLIER = 100
"""Number words of this value and more multiply what precedes them ("deux cents": 200)."""
LONGEST_NUMBER = 60
"""A digit run longer than this (characters) is kept as written, not read as a quantity: no
stated amount is this long, and Python's int() refuses strings past 4,300 digits."""


@dataclass(frozen=True)
class NumberWords:
    """One language's number words (folded) and the rules that tell when they are numbers."""

    values: dict[str, int]
    joining: frozenset[str]
    ones: frozenset[str]
    decimal_marks: frozenset[str]
    decimals_as_number: bool
    not_after: dict[str, frozenset[str]]
    ambiguous: frozenset[str]
    ordinals: dict[str, int]


@functools.cache
def number_data() -> dict[str, Any]:
    """The language data of number words (number_words.json), read and parsed once for all the
    languages and for part_ordinals.py."""
    data: dict[str, Any] = data_json("number_words.json")
    return data


@functools.cache
@functools.cache
def folded_number_words() -> frozenset[str]:
    """The number words of English and French (`number_words`' values), folded: the figures a
    folded text writes in words ("five", "cinq")."""
    return frozenset(fold(word) for lang in ("en", "fr") for word in number_words(lang).values)


def number_words(lang: str) -> NumberWords:
    """The number words of `lang` ("en" or "fr"; another language has none)."""
    data = number_data()
    return NumberWords(
        values=dict(data["words"].get(lang, {})),
        joining=frozenset(data["joining"].get(lang, [])),
        ones=frozenset(data["ones"].get(lang, [])),
        decimal_marks=frozenset(data["decimal_marks"].get(lang, [])),
        decimals_as_number=lang in data["decimals_as_number"],
        not_after={
            word: frozenset(before) for word, before in data["not_after"].get(lang, {}).items()
        },
        ambiguous=frozenset(data["ambiguous"].get(lang, [])),
        ordinals=dict(data["ordinals"].get(lang, {})),
    )


def values(text: str, lang: str) -> frozenset[str]:
    """The values `text` (written in `lang`) states, each as normalised digits."""
    digits = {_normalised(found) for found in _DIGITS.findall(text)}
    return frozenset(digits | set(_word_numbers(text, number_words(lang))))


def _normalised(number: str) -> str:
    """`number` as plain digits: spaces between groups of thousands dropped, a "," or "." before
    exactly three digits read as a thousands separator ("48,000", "1.500"), the last other one
    as the decimal mark, trailing decimal zeros dropped ("10,00" is "10", "2,70" is "2.7"). A
    number of several separators that fit neither ("2.5.1", "01.07.2025") stays as written,
    "," as "."."""
    number = _SPACES.sub("", number)
    if len(number) > LONGEST_NUMBER:
        return number.replace(",", ".")
    groups = _SEPARATORS.split(number)
    separators = _SEPARATORS.findall(number)
    if not separators:
        return str(int(number))
    thousands = all(len(group) == 3 for group in groups[1:]) and len(set(separators)) == 1
    if thousands and not (len(separators) == 1 and groups[0] == "0"):
        return str(int("".join(groups)))
    if len(separators) == 1 or (
        len(set(separators[:-1])) == 1
        and separators[-1] != separators[0]
        and all(len(group) == 3 for group in groups[1:-1])
    ):
        whole = Decimal(f"{''.join(groups[:-1])}.{groups[-1]}")
        return format(whole.normalize(), "f") if whole != whole.to_integral() else str(int(whole))
    return number.replace(",", ".")


def _word_numbers(text: str, words: NumberWords) -> list[str]:
    """The numbers `text`'s runs of number words write, each run one number, a run, a decimal
    mark and a run one decimal number ("zero point five": 0.5)."""
    return _with_decimals(_runs(text, words), text, words)


def _runs(text: str, words: NumberWords) -> list[_Read]:
    """`text`'s runs of number words, each read as one number."""
    found: list[_Read] = []
    run = _Run()
    previous_end, previous_word = 0, ""
    for match in _WORD.finditer(text):
        word = fold(match.group())
        joined = _WITHIN_RUN.fullmatch(text[previous_end : match.start()]) is not None
        if joined and run.started and word in words.ordinals:
            _end_with_ordinal(run, word, words, match, found)
        else:
            _read_word(word, joined, match, text, run, previous_word, words, found)
        previous_end, previous_word = match.end(), word
    run.flush(found)
    return found


def _read_word(
    word: str,
    joined: bool,
    match: re.Match[str],
    text: str,
    run: _Run,
    before: str,
    words: NumberWords,
    found: list[_Read],
) -> None:
    """Carry `run` on with `word`, or end it (into `found`) where the word is no number."""
    if not joined or not _continues(word, run, words):
        run.flush(found)
    if _is_number(word, match, text, run, before, words):
        run.add(words.values.get(word, 1), match.start(), match.end())
    elif run.started and word in words.joining:
        run.joining = True
    else:
        run.flush(found)


def _end_with_ordinal(
    run: _Run, word: str, words: NumberWords, match: re.Match[str], found: list[_Read]
) -> None:
    """End `run` with the ordinal `word`: a unit's ordinal after a tens word or a word of 100
    and more adds its value ("twenty-first": 21, as "21st" reads); any other ("one
    hundredth": a fraction; "twenty second": ambiguous, a unit of time) leaves no value."""
    value = words.ordinals[word]
    after_tens = run.last in _TENS or run.last >= MULTIPLIER
    if value <= 9 and after_tens and word not in words.ambiguous:
        run.add(value, match.start(), match.end())
        run.flush(found)
    else:
        run.reset()


def _with_decimals(runs: list[_Read], text: str, words: NumberWords) -> list[str]:
    """The numbers `runs` write, a run followed by a decimal mark and another run read as one
    decimal number: single-digit decimals digit by digit ("point seven five": .75), others as
    one number where the language says them so ("virgule vingt-cinq": ,25); both runs state no
    value when they fit neither, or when a function word follows (`_counts_something`): never
    a wrong one."""
    found: list[str] = []
    index = 0
    while index < len(runs):
        whole = runs[index]
        fraction = runs[index + 1] if index + 1 < len(runs) else None
        if fraction is None or not _decimal_mark_between(text[whole.end : fraction.start], words):
            found.append(str(whole.number))
            index += 1
            continue
        decimal = _decimal(whole, fraction, words)
        if decimal is not None and not _counts_something(text, fraction.end):
            found.append(decimal)  # not "at one point three of them left": unsure, no value
        index += 2
    return found


def _decimal(whole: _Read, fraction: _Read, words: NumberWords) -> str | None:
    """The decimal number a run, a decimal mark and a run write (`_with_decimals`), or None."""
    if all(part <= 9 for part in fraction.parts):
        return _normalised(f"{whole.number}.{''.join(map(str, fraction.parts))}")
    if words.decimals_as_number:
        return _normalised(f"{whole.number}.{fraction.number}")
    return None


def _counts_something(text: str, end: int) -> bool:
    """Whether a function word follows the run ending at `end` ("three of them", "trois des
    invités"): the run may count those, the words before it no decimal number."""
    after = _FOLLOWED_BY_WORD.match(text, end)
    return after is not None and fold(after.group(1)) in stopwords()


def _decimal_mark_between(between: str, words: NumberWords) -> bool:
    """Whether `between` (the text between two runs) is a decimal mark word alone."""
    return fold(between.strip()) in words.decimal_marks


def _continues(word: str, run: _Run, words: NumberWords) -> bool:
    """Whether `word` may carry on the run before it (a number word, or a joining word)."""
    return word in words.values or word in words.ones or word in words.joining


def _is_number(
    word: str, match: re.Match[str], text: str, run: _Run, before: str, words: NumberWords
) -> bool:
    """Whether `word` (at `match` in `text`) is a number word here: "un"/"one" only inside a run
    after a joining word ("vingt et un"), a tens word or a word of 100 and more ("cent un"),
    no word after one of its `not_after` ("pour cent"), an ambiguous word ("neuf", "sept")
    only inside a run or followed by a word that is no stopword ("neuf années", not "bâtiment
    neuf.", "Sept. 2024" nor "15 sept 2024")."""
    if word in words.ones:
        carries_on = run.joining or run.last in _TENS or run.last >= MULTIPLIER
        return (run.started and carries_on) or _before_decimal_mark(text, match.end(), words)
    if word not in words.values or before in words.not_after.get(word, frozenset()):
        return False
    if word not in words.ambiguous or run.started:
        return True
    after = _FOLLOWED_BY_WORD.match(text, match.end())
    return (
        after is not None
        and after.group(1).islower()
        and fold(after.group(1)) not in stopwords()
        and _DIGIT_BEFORE.search(text, 0, match.start()) is None
    )


_TENS = frozenset(range(20, 100, 10))
"""Values after which "one"/"un" carries on the run ("twenty-one", "quatre-vingt-un")."""


def _before_decimal_mark(text: str, end: int, words: NumberWords) -> bool:
    """Whether a decimal mark word then a number word follow `end` in `text` ("one point
    five", not "at one point he left")."""
    mark = _FOLLOWED_BY_WORD.match(text, end)
    if mark is None or fold(mark.group(1)) not in words.decimal_marks:
        return False
    after = _FOLLOWED_BY_WORD.match(text, mark.end())
    return after is not None and fold(after.group(1)) in words.values


@dataclass(frozen=True)
class _Read:
    """A run of number words read: its number, the values of its words, where it stands."""

    number: int
    parts: tuple[int, ...]
    start: int
    end: int


class _Run:
    """A run of number words being read: the whole so far (`total` + `current`)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Start a new run."""
        self.total, self.current, self.last = 0, 0, 0
        self.started = self.joining = False
        self.parts: list[int] = []
        self.start = self.end = 0

    def add(self, value: int, start: int, end: int) -> None:
        """Read one more number word, at `start:end` ("quatre" then "vingt" is 80)."""
        previous_value = self.last
        if not self.started:
            self.start = start
        self.parts.append(value)
        self.end = end
        if value > MULTIPLIER:
            self.total += max(self.current, 1) * value
            self.current = 0
        elif value == MULTIPLIER:
            self.current = max(self.current, 1) * value
        elif (previous_value, value) == QUATRE_VINGTS:
            self.current += 80 - 4
        else:
            self.current += value
        self.started, self.joining, self.last = True, False, value

    def flush(self, found: list[_Read]) -> None:
        """End the run, adding what it read to `found` when it read a number."""
        if self.started:
            found.append(_Read(self.total + self.current, tuple(self.parts), self.start, self.end))
        self.reset()
