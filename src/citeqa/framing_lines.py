"""Framing lines: the lines of a letter, minutes, a report or a folder's notes that frame the
text rather than state what it says, set aside as an answer unless the question asks for them.

A letter's subject line ("Subject: Riverside Footbridge — revised deck design", "Objet : …"),
its greeting ("Dear Mr Okafor,", "Madame, Monsieur,") and closing formula ("Best regards,",
"Cordialement,", "Veuillez agréer …"), a letterhead's contact line ("Tel. +44 117 496 0321",
"Courriel : …"), a minutes' attendance line ("Present: …", "Excusés : …"), a contents line
("3. Load tests ........ 5") and a folder's line in a README ("change-requests/ — the change
requests") name what the text is about or who wrote it; they share the question's words, and
being short they led the quote over the sentence that answers (s37 trial: the subject line was
quoted for the deck's width, the README's line for "how many change requests are there?").
The kinds, their words and the words of a question asking for each are data (English and
French: citeqa/data/framing_lines.json). A line of a kind is `framing_aside` for a question
writing none of its kind's asked words (word starts, folded) nor, for a kind naming people (a
closing, a greeting, an attendance line), a capitalised word of the question that the line
writes ("What is the job title of Priya Raman?" keeps her sign-off), nor when it is of a kind
whose lines writing a digit may hold the value asked (`digits_quotable`: "Présents : 42
adhérents sur 118", "Subject: boiler replacement on Thursday 16 April 2026 from 8:00"; s38
probe) and writes one. answering.quotable quotes it all the same when no other candidate is
left, as it does a title ("Who signed the letter?"), and titleonly.without_titles sets it aside
only while another candidate writes as many of the question's content words.

Only a line surely framing is read as one, for a wrong aside loses a right answer: one line (a
sentence running past its first line is the body's: "Dear Tom,⏎The office moves to …"), in
its kind's shape (framing_lines.json: a subject of at most 12 words ending in no full stop, its
label opening the line; a closing of at most 8 words or ending in ",", its opener standing
alone; a contact line writing a real address), and a greeting with a body line under it is
quotable (its quote runs on into that line, which answers: s37 trial a012).

Pure functions; the data file is read once.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from citeqa.dates import date_terms
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.language import line_start
from citeqa.recently_used import QUESTIONS_READ

__all__ = ["framing_aside", "framing_kind"]

_WORDS = re.compile(r"\w+")
FRAMING_READ = 4096
"""Candidate sentences whose kind is remembered: a chat asks of the same passages again."""
_LINE_MARKS = " \t#>*-+•"
"""Markup a line may open with before its words (a list's bullet, a heading's or quote's mark)."""
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]+")
_NUMBER_AFTER = re.compile(r"\s*[.:]?\s*[+(]?\d")
_SEPARATOR = re.compile(r"\s[—–|·]\s|\s-\s")
"""What parts a header line written on one line ("Minutes — Design review 12 March 2026 —
Present: …", "14 Quay Street, Bristol — Tel. +44 …"): a label may open any part."""


_Label = tuple[re.Pattern[str], ...]
"""A label's folded words, each a pattern of the word after any non-word (`_labelled`)."""


class _Kind(NamedTuple):
    name: str
    labels: tuple[_Label, ...]
    """Folded words opening the line before a colon ("subject", "objet")."""
    number_labels: tuple[_Label, ...]
    """Folded words opening the line before a number ("tel" of "Tel. +44 …")."""
    openers: tuple[str, ...]
    """Folded phrases the line opens with ("best regards", "veuillez agreer")."""
    ending: str
    """When given, the characters one of which must end the line ("Dear Mr Okafor,")."""
    pattern: re.Pattern[str] | None
    needs: re.Pattern[str] | None
    """When given, what the line must write too (a contact line: an address, a phone number)."""
    asked: tuple[str, ...]
    """Folded word starts of a question asking for such a line."""
    names: bool
    digits: bool
    """Whether such a line writing a digit is quotable: it may state what is asked ("Présents :
    42 adhérents sur 118", "Subject: boiler replacement on Thursday 16 April 2026 from 8:00")."""
    shape: _Shape


class _Shape(NamedTuple):
    """How a line of a kind is written, beyond its words (framing_lines.json)."""

    max_words: int
    """When not 0, the most words such a line writes ("Regards to all who attended …" is prose)."""
    not_ending: str
    """Characters none of which ends such a line (a subject line ends in no full stop)."""
    line_start: bool
    """Whether its label opens the line itself, never a part after a dash ("Article 1 — Objet :
    …")."""
    colon_openers: tuple[str, ...]
    """The openers after which the line may end in a colon ("Dear Sir:"); others end in a comma."""
    alone: bool
    """Whether an opener stands alone: the line ends or a mark follows it ("Regards," not
    "Regards to all")."""
    formulas: tuple[str, ...]
    """Openers of a formula of any length, read alone ("Veuillez agréer, Madame, …")."""
    carries: bool
    """Whether such a line carries the body under it: its quote runs on into it (a greeting)."""


class _Value(NamedTuple):
    """A kind of value a framing line may state (data `digit_values`)."""

    asked: tuple[str, ...]
    """Folded word starts of a question asking it ("when", "how many", "combien")."""
    dates: bool
    """Whether a day's date written is one."""
    shape: re.Pattern[str]
    """Finds one in the folded line ("8:00", "42 members")."""


class _Rules(NamedTuple):
    kinds: tuple[_Kind, ...]
    max_chars: int
    values: tuple[_Value, ...]


@cache
def _rules() -> _Rules:
    """framing_lines.json, read once."""
    data = data_json("framing_lines.json")
    kinds = tuple(_kind(name, fields) for name, fields in data["kinds"].items())
    values = tuple(
        _Value(_phrases(fields["asked"]), bool(fields["dates"]), re.compile(fields["shape"]))
        for fields in data["digit_values"].values()
    )
    return _Rules(kinds, int(data["max_chars"]), values)


def _kind(name: str, fields: dict) -> _Kind:
    pattern = fields.get("pattern")
    return _Kind(
        name,
        _labels(fields.get("labels", ())),
        _labels(fields.get("number_labels", ())),
        _phrases(fields.get("openers", ())),
        str(fields.get("ending", "")),
        re.compile(pattern) if pattern else None,
        re.compile(needs) if (needs := fields.get("needs")) else None,
        _phrases(fields.get("asked", ())),
        bool(fields.get("names", False)),
        bool(fields.get("digits_quotable", False)),
        _Shape(
            int(fields.get("max_words", 0)),
            str(fields.get("not_ending", "")),
            bool(fields.get("line_start", False)),
            _phrases(fields.get("colon_openers", ())),
            bool(fields.get("alone", False)),
            _phrases(fields.get("formulas", ())),
            bool(fields.get("carries", False)),
        ),
    )


def _phrases(values: object) -> tuple[str, ...]:
    """Data phrases as folded words joined by one space ("d'agréer" → "d agreer")."""
    if not isinstance(values, list | tuple):
        return ()
    return tuple(" ".join(_WORDS.findall(fold(str(value)))) for value in values)


def _labels(values: object) -> tuple[_Label, ...]:
    """Data labels (`_phrases`), each its words' patterns, compiled once."""
    return tuple(
        tuple(re.compile(r"\W*" + re.escape(word) + r"\b") for word in label.split())
        for label in _phrases(values)
    )


@lru_cache(maxsize=FRAMING_READ)
def framing_kind(line: str) -> str | None:
    """The kind of framing line `line` is (its first line read, without its opening marks), or
    None when it is none, longer than the data's `max_chars`, or it runs past its first line (a
    greeting over the body it opens: its sentence is the body's)."""
    rules = _rules()
    lines = [text for text in line.strip().splitlines() if text.strip()]
    first = lines[0].strip().lstrip(_LINE_MARKS) if lines else ""
    if not first or len(line.strip()) > rules.max_chars:
        return None
    if len(lines) > 1:
        return None  # "Dear Tom,⏎The office moves to…": its sentence runs on, the body's
    return next((kind.name for kind in rules.kinds if _is_of(kind, first)), None)


def _is_of(kind: _Kind, line: str) -> bool:
    if kind.needs is not None and kind.needs.search(line) is None:
        return False
    if kind.pattern is not None and kind.pattern.search(line):
        return True
    folded = fold(line)
    words = _WORDS.findall(folded)
    if kind.shape.not_ending and line.rstrip()[-1:] in kind.shape.not_ending:
        return False  # "Article 1 — Objet : le présent bail porte sur …."
    if any(_labelled_part(kind, folded, labels, after) for labels, after in _label_sets(kind)):
        return not kind.shape.max_words or len(words) <= kind.shape.max_words
    if kind.ending and line.rstrip()[-1:] not in kind.ending:
        return False
    formula = any(_opens_with(words, opener) for opener in kind.shape.formulas)
    return formula or _opened(kind, folded, words)


def _label_sets(kind: _Kind) -> tuple[tuple[tuple[_Label, ...], re.Pattern[str]], ...]:
    return ((kind.labels, _COLON), (kind.number_labels, _NUMBER_AFTER))


def _labelled_part(
    kind: _Kind, folded: str, labels: tuple[_Label, ...], after: re.Pattern[str]
) -> bool:
    """Whether the line, or one of its parts after a dash unless the kind's label opens the line
    ("Minutes — … — Present: …"), opens with one of `labels`, then `after`."""
    parts = [folded] if kind.shape.line_start else _SEPARATOR.split(folded)
    return any(_labelled(part, label, after) for part in parts for label in labels)


def _opened(kind: _Kind, folded: str, words: list[str]) -> bool:
    """Whether the line opens with one of the kind's openers, in the kind's shape."""
    shape = kind.shape
    if shape.max_words and len(words) > shape.max_words and not folded.rstrip().endswith(","):
        return False
    for opener in kind.openers:
        if not _opens_with(words, opener):
            continue
        if folded.rstrip().endswith(":") and opener not in shape.colon_openers:
            continue
        if not shape.alone or _stands_alone(folded, opener):
            return True
    return False


def _opens_with(words: list[str], opener: str) -> bool:
    joined = " ".join(words)
    return joined == opener or joined.startswith(opener + " ")


def _stands_alone(folded: str, opener: str) -> bool:
    """Whether the opener's words end the folded line or a mark follows them ("regards,")."""
    return _alone(opener).match(folded) is not None


@cache
def _alone(opener: str) -> re.Pattern[str]:
    """The pattern of a data opener's words standing alone (`_stands_alone`), compiled once."""
    spelt = r"\W+".join(map(re.escape, opener.split()))
    return re.compile(rf"\W*{spelt}\s*(?:[^\w\s]|$)")


_COLON = re.compile(r"\s*:")


def _labelled(folded: str, label: _Label, after: re.Pattern[str]) -> bool:
    """Whether the folded line opens with the label's words (any non-word between them), then
    `after` (a colon, or a number)."""
    at = 0
    for word in label:
        found = word.match(folded, at)
        if found is None:
            return False
        at = found.end()
    return after.match(folded, at) is not None


def framing_aside(text: str, start: int, end: int, focus: str) -> bool:
    """Whether text[start:end], a candidate sentence opening its line, is a framing line the
    question (`focus`) does not ask for (see the module's docstring)."""
    if text[line_start(text, start) : start].strip(_LINE_MARKS):
        return False  # it runs on from a line's other words: a body sentence
    sentence = text[start:end]
    kind = framing_kind(sentence)
    if kind is None:
        return False
    found = next(k for k in _rules().kinds if k.name == kind)
    if found.digits and _writes_asked_value(sentence, focus):
        return False  # "Présents : 42 adhérents sur 118" may hold the count asked
    if _asks(found.asked, focus) or (found.shape.carries and _body_follows(text, end)):
        return False
    return not (found.names and _names_written(focus, sentence))


def _writes_asked_value(sentence: str, focus: str) -> bool:
    """Whether `sentence` writes a value of a kind (data `digit_values`) the question (`focus`)
    asks: a day or a time for "when", a count before its noun for "how many" ("Subject: Q3
    budget review 2026" writes none the budget's question asks)."""
    folded = fold(sentence)
    return any(
        ((value.dates and date_terms(folded)) or value.shape.search(folded))
        and _asks(value.asked, focus)
        for value in _rules().values
    )


NEXT_LINE_REACH = 600
"""How far after a line its next line of text is looked for."""


def _body_follows(text: str, end: int) -> bool:
    """Whether the next line of text after `end` (blank lines aside) is no framing line: a
    greeting's quote runs on into the body under it, which answers ("Dear Mr and Mrs
    Whitfield,⏎⏎The SAFER has not yet answered…", s37 trial a012)."""
    following = text[end : end + NEXT_LINE_REACH].lstrip()
    first = following.splitlines()[0] if following else ""
    return bool(first.strip()) and framing_kind(first) is None


@lru_cache(maxsize=QUESTIONS_READ)
def _question_words(focus: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(fold(focus)))


def _asks(starts: tuple[str, ...], focus: str) -> bool:
    """Whether the question writes a word opening with one of `starts` (a phrase of several
    words: those words in a row, the last one's start; a short start: the whole word)."""
    words = _question_words(focus)
    for start in starts:
        parts = start.split()
        size = len(parts)
        for at in range(len(words) - size + 1):
            if list(words[at : at + size - 1]) == parts[:-1] and _opens(
                words[at + size - 1], parts[-1]
            ):
                return True
    return False


SHORT_START = 3
"""An asked word start of at most this many letters is a whole word ("who", "ou", "tel"): as a
start it would open "outline" or "television"."""


def _opens(word: str, start: str) -> bool:
    return word == start if len(start) <= SHORT_START else word.startswith(start)


def _names_written(focus: str, sentence: str) -> bool:
    """Whether the sentence writes a capitalised word of the question other than its first
    ("Priya" of "What is the job title of Priya Raman?")."""
    names = [name for name in _CAPITALISED.findall(focus) if not focus.startswith(name)]
    return any(re.search(r"\b" + re.escape(name) + r"\b", sentence) for name in names)
