"""Which sentences of an API reference answer a question on a field, a default or what a
definition does (answering.describing_asked_fields keeps them, in the quote ranker's order).

The signature of a function writes its parameters' names and defaults, and the rankers read it
as the best match for any question on one of them; a tutorial's example call writes them as
well. So (s22 trial: API parameter questions right 1 in 9):
- a question asking a default (the language data's `default_words`: "default", "par défaut")
  is answered, when a candidate signature gives an asked word a default (`threshold=0.18`,
  signatures.sets_default), by those signatures, or else, when a candidate describing an
  asked field stands under a signature giving it one (a markdown heading's signature is no
  candidate), by those lines describing it; and by the sentences that write a default word
  and an asked word and are no code line ("Start with the default threshold of 0.18"), never
  by a call `detect_leaks(readings, threshold=0.25)`;
- a question naming a field ("the threshold parameter of detect_leaks", "When does detect_leaks
  raise ValueError?") by the lines describing it (signatures.field_name: its name, or that
  name with an ending of at most two letters, "Returns" for "return") under a definition the
  question or its context names (signatures.owner_name of signatures.owner; of a dotted name,
  its last part: "SensorClient.fetch" names fetch, not the class's own fields);
- a question asking a field label ("What does SensorClient.fetch raise?": `field_labels`,
  "Raises") of a definition it names by the lines under that label (signatures.label_over);
- a question writing nothing but the names of definitions ("What does detect_leaks do?") by
  the lines right under their signatures, not a code sample calling them.
A line of a console session (its paragraph holds a `>>>`, `...` or `$` prompt line: a
doctest's output "Error: ('foo', 42)" under `>>> raise Error("foo")`) describes no field: it
replaced the right sentence of "What does error E503 mean?" (s24 trial).
An empty answer leaves the candidates as they are; then a line describing a field under a
definition, when the question names neither, is no answer (`unasked_fields`). The asked words
are the question's words of three letters or more that are no stopword, function word,
interrogative nor default word.

No I/O; reads only the language data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from citeqa.default_rows import coverage, default_rows
from citeqa.glossary import fold, function_and_interrogative_words, language_words
from citeqa.lexical import stopwords
from citeqa.signatures import defaulted, field_name, label_over, owner, owner_name, sets_default

__all__ = ["AskedFields", "Placed", "answering_lines", "read_question", "unasked_fields"]

_DOTTED = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
"""A dotted name ("SensorClient.fetch", "hydrokit.flow.detect_leaks")."""

_PARTS = re.compile(r"[_.]+|(?<=[a-z])(?=[A-Z])")
"""Where a code name splits into its words (`detect_leaks`, `SensorClient`)."""

_PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.|\$)(?:\s|$)", re.MULTILINE)
"""A console prompt opening a line: Python's ">>>" and "...", a shell's "$"."""

CONSOLE_LOOKBACK = 20_000
"""How far above a line (characters) a console session's prompt is looked for (`_in_console`)."""

Placed = list[tuple[str, int, str]]
"""Each candidate's document text, start and text."""


class AskedFields(NamedTuple):
    """What `answering_lines` and `unasked_fields` read of one question and its candidates
    (`read_question`), read once for both."""

    placed: Placed
    words: frozenset[str]
    """The question's asked words (`_asked_words`)."""
    named: frozenset[str]
    """The definitions the question or its context names."""
    asks_default: bool
    """Whether the question writes a `default_words` word."""
    owner_of: Callable[[int], str]
    """The signature over each candidate, by its number (`_owners`)."""


def read_question(placed: Placed, focus: str, context: frozenset[str]) -> AskedFields:
    """What the question `focus` asks of the `placed` candidates (document text, start,
    sentence); `context`: the words a follow-up's context adds, naming a definition too."""
    words = _asked_words(focus)
    named = _owners_asked(focus) or words | {word.casefold() for word in context}
    asks_default = _holds_any(fold(focus), language_words("default_words"))
    return AskedFields(placed, words, named, asks_default, _owners(placed))


def answering_lines(asked: AskedFields) -> list[int]:
    """The numbers of the candidates that answer the question (`read_question`) on an API
    reference's field, default or definition, or [] (the module's docstring)."""
    placed, words, named, asks_default, owner_of = asked
    if not words:
        return []
    return (
        (_giving_defaults(placed, words, owner_of) if asks_default else [])
        or _describing_fields(placed, words, named, owner_of)
        or _under_asked_labels(placed, words, named, owner_of)
        or _leading_definitions(placed, words)
    )


def unasked_fields(asked: AskedFields) -> list[int]:
    """The numbers of the candidates that describe a field under a definition ("to_unit (str) –
    Target unit." under `convert(value, from_unit, to_unit)`) when the question
    (`read_question`) names neither that field nor that definition: such a line answers a
    question on the API, not one sharing a word of its description (s22 trial: "What is the
    household target for 2026?" quoted it over the report's "In 2026 we aim to reach 60,000
    connected households"), nor asks a field label ("raise": `field_labels`)."""
    placed, words, named, _, owner_of = asked
    if any(_asks_field(label, words) for label in language_words("field_labels")):
        return []  # a question on an API ("What does parse raise?"): the rankers judge
    return [
        number
        for number, (_, _, text) in enumerate(placed)
        if (field := field_name(text))
        and owner_of(number)
        and not _asks_field(field.casefold(), words)
        and not _names_definition(owner_name(owner_of(number)), named)
    ]


def _owners(placed: Placed) -> Callable[[int], str]:
    """The signature over each candidate (signatures.owner), by its number, each read when
    first asked and once only, whichever steps of the cascade ask it."""

    @cache
    def owner_of(number: int) -> str:
        document, start, _ = placed[number]
        return owner(document, start)

    return owner_of


def _owners_asked(focus: str) -> frozenset[str]:
    """The definitions a question's dotted names ask about, by their last part, folded
    ("SensorClient.fetch" asks about fetch, not about SensorClient's own fields)."""
    return frozenset(name.rsplit(".", 1)[-1].casefold() for name in _DOTTED.findall(focus))


def _giving_defaults(
    placed: Placed, words: frozenset[str], owner_of: Callable[[int], str]
) -> list[int]:
    """The signatures giving an asked word a default or, when none is a candidate, the lines
    describing an asked field under a signature giving it one (a markdown heading "##
    detect_leaks(…, threshold=0.18)" is no candidate), and the sentences saying a default of
    one, when any of those is; before them, the rows of a table's default column whose setting
    covers more asked words than any defaulted parameter (default_rows.py)."""
    rows = default_rows(placed, words)
    named = max((coverage(n, words) for _, _, text in placed for n in defaulted(text)), default=0)
    if rows and max(rows.values()) > named:  # a configuration table's row over a signature
        return [number for number, covered in rows.items() if covered == max(rows.values())]
    setting = [not defaulted(text).isdisjoint(words) for _, _, text in placed]
    if not any(setting):
        setting = [
            _under_default(placed[number], owner_of, number, words) for number in range(len(placed))
        ]
    if not any(setting):
        return []
    return [
        number
        for number, (_, _, text) in enumerate(placed)
        if setting[number] or _says_default(text, words)
    ]


def _under_default(
    candidate: tuple[str, int, str],
    owner_of: Callable[[int], str],
    number: int,
    words: frozenset[str],
) -> bool:
    """Whether line `number` (`candidate`) describes an asked field ("threshold (float) – …")
    under a signature giving that field a default (`owner_of`: signatures.owner)."""
    field = _described_field(*candidate)
    return _asks_field(field.casefold(), words) and sets_default(owner_of(number), field)


def _describing_fields(
    placed: Placed, words: frozenset[str], named: frozenset[str], owner_of: Callable[[int], str]
) -> list[int]:
    """The lines describing an asked field (its name, or that name with an ending of at most
    two letters: "Returns" for "return") under a definition the question names."""
    return [
        number
        for number, (document, start, text) in enumerate(placed)
        if _asks_field(_described_field(document, start, text).casefold(), words)
        and _names_definition(owner_name(owner_of(number)), named)
    ]


def _described_field(document: str, start: int, text: str) -> str:
    """The field a candidate line describes (signatures.field_name), or "" for a line of a
    console session (`_in_console`)."""
    field = field_name(text)
    return "" if not field or _in_console(document, start, text) else field


def _in_console(document: str, start: int, text: str) -> bool:
    """Whether the line at `start` (`text`) is of a console session: its paragraph, up to the
    line's end and CONSOLE_LOOKBACK characters above it at most, holds a prompt line
    (`_PROMPT`). Unbounded, a document of one paragraph was read from its opening for each
    candidate line: 2.5 s a question on 50,000 lines of "Key: value" (s50 probe)."""
    floor = max(0, start - CONSOLE_LOOKBACK)
    blank = document.rfind("\n\n", floor, start)
    opening = floor if blank < 0 else blank + 1  # mid-line, "^" matches no prompt there
    return _PROMPT.search(document, opening, start + len(text)) is not None


def _under_asked_labels(
    placed: Placed, words: frozenset[str], named: frozenset[str], owner_of: Callable[[int], str]
) -> list[int]:
    """The lines under an asked field label ("Raises" for "What does SensorClient.fetch
    raise?") of a definition the question names. A label is one of `field_labels` (what
    `label_over` gives), so a question asking none reads no candidate's lines back: reading
    them cost some 6 ms a question on the bundled corpus (s22 latency run)."""
    if not any(_asks_field(label, words) for label in language_words("field_labels")):
        return []
    return [
        number
        for number, (document, start, text) in enumerate(placed)
        if _asks_field(label_over(document, start), words)
        and not _in_console(document, start, text)
        and _names_definition(owner_name(owner_of(number)), named)
    ]


def _names_definition(name: str, named: frozenset[str]) -> bool:
    """Whether the question or its context names the definition `name`: whole, or each of its
    parts ("detect", "leaks" of `detect_leaks`) opening with one of the `named` words (a
    follow-up's context holds its stems: "detect", "leak")."""
    folded = name.casefold()
    if not folded or folded in named:
        return bool(folded)
    parts = [part for part in _PARTS.split(name) if part]
    stems = [word for word in named if len(word) >= 3]
    return all(any(part.casefold().startswith(stem) for stem in stems) for part in parts)


def _asks_field(field: str, words: frozenset[str]) -> bool:
    return bool(field) and any(
        field == word or (len(word) >= 4 and field.startswith(word) and len(field) - len(word) <= 2)
        for word in words
    )


def _leading_definitions(placed: Placed, words: frozenset[str]) -> list[int]:
    """For a question writing nothing but the names of definitions ("What does detect_leaks
    do?"), the lines right under a signature of one of them: what it does, not a code sample
    calling it."""
    leads = [owner_name(owner(document, start, right_under=True)) for document, start, _ in placed]
    if not words <= {lead.casefold() for lead in leads}:
        return []
    return [number for number, lead in enumerate(leads) if lead.casefold() in words]


@cache
def _field_less_words() -> frozenset[str]:
    """Words that name no field: function words, interrogatives, `default_words`, stopwords
    (built once)."""
    common = function_and_interrogative_words() | language_words("default_words")
    return common | stopwords()


def _asked_words(question: str) -> frozenset[str]:
    """The question's words that may name a field, folded: not its function words,
    interrogatives nor `default_words`."""
    common = _field_less_words()
    return frozenset(
        word.casefold()
        for word in re.findall(r"[A-Za-z_]\w*", question)
        if fold(word) not in common and len(word) > 2
    )


def _says_default(sentence: str, words: frozenset[str]) -> bool:
    """Whether a sentence that is no code line (no "=") writes a default word and one of the
    asked `words` ("Start with the default threshold of 0.18")."""
    written = {word.casefold() for word in re.findall(r"[A-Za-z_]\w*", sentence)}
    if "=" in sentence or not written & words:
        return False
    return _holds_any(fold(sentence), language_words("default_words"))


def _holds_any(folded: str, phrases: frozenset[str]) -> bool:
    """Whether folded text holds one of the folded phrases as whole words."""
    padded = " " + " ".join(re.findall(r"\w+", folded)) + " "
    return any(f" {phrase} " in padded for phrase in phrases)
