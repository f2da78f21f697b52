"""Which heading lines answer a question by the number they open with and the value they write:
a changelog's "## [2.0.0] - 2026-01-12" is the answer to "When was 2.0.0 released?", read as
"2.0.0 … 2026-01-12", though a heading is otherwise never quoted while a sentence is left
(titleonly.py).

A question names a numbered section when it writes a number numbered_sections.asked_numbers
reads as one, of two parts or more, asked for certain (after a cue word, "version 2.1") or of
three parts or more ("2.0.0"): a decimal, "3.5", asks no section. It asks a value of a kind
when asked_values.asked_kinds reads one ("In which version…" a version, "When will … be
switched off?" a date) or, beside such a number, when it asks when (numbered_headings.json
`date_cues`: "When was 2.0.0 released?", "Quand la 2.1 est-elle sortie ?" ask a date). A
heading answers it when it opens with one of the asked numbers (numbered_sections.
opening_number: "[2.0.0]", "Release 2.0.0", "Version 2.1 —") and writes a value of each kind
asked (asked_values.writes_kind on its text past that number: a heading's own number is no
version it states). Such a heading stays among the candidates a quote is made of, and leads
when the best candidate does not write both an asked number and such a value
(`answers_asked_number`; answering.quotable); a passage holding it is brought up from below
the cut as a section asked for certain is (sectionhits.py). s38 trial a015: the release
calendar's "Release 2.0.1: 2026-01-27" and an ADR's "RabbitMQ is switched off after the 2.0.0
release." were quoted, the changelog's heading set aside. Pure functions; the cue words and
shapes are data (section_cues, numbered_headings.json, asked_values.json).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from citeqa.asked_values import asked_kinds, writes_kind
from citeqa.document_names import named_among
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.models import Document
from citeqa.numbered_sections import Asked, asked_numbers, opening_number, sections_asked
from citeqa.recently_used import QUESTIONS_READ

__all__ = [
    "answers_asked_number",
    "asked_section_numbers",
    "named_documents",
    "naming_words",
    "numbers_of_document",
    "states_asked_value",
]

LEAST_PARTS_UNCUED = 3
"""The least parts of a dotted number asked without a cue word for it to name a section
("2.0.0"; "3.5" may be a decimal)."""


@cache
def _date_cues() -> re.Pattern[str]:
    """The cues asking a date of a numbered section (numbered_headings.json `date_cues`)."""
    return re.compile("|".join(data_json("numbered_headings.json")["date_cues"]))


@cache
def _not_numbers() -> re.Pattern[str]:
    """The dotted numbers that are dates (numbered_headings.json `not_numbers`: "03.11.2025")."""
    return re.compile(data_json("numbered_headings.json")["not_numbers"])


@lru_cache(maxsize=QUESTIONS_READ)
def kinds_asked(question: str) -> tuple[str, ...]:
    """The kinds of value `question` asks: asked_values.asked_kinds, else a date when it asks
    when (numbered_headings.json `date_cues`: "When was 2.0.0 released?"), else none."""
    kinds = asked_kinds(question)
    if kinds:
        return kinds
    return ("date",) if _date_cues().search(fold(question)) else ()


@lru_cache(maxsize=QUESTIONS_READ)
def asked_section_numbers(question: str) -> tuple[str, ...]:
    """The dotted section numbers `question` names for certain (the module's rules), in order,
    a date ("03.11.2025": `_not_numbers`) aside; none when it asks no value kind (`kinds_asked`)."""
    if not kinds_asked(question):
        return ()
    return tuple(
        asked.number
        for asked in asked_numbers(question)
        if "." in asked.number
        and (asked.cued or asked.number.count(".") + 1 >= LEAST_PARTS_UNCUED)
        and not _not_numbers().match(asked.number)
    )


def numbers_of_document(question: str, document: Document) -> list[str]:
    """The `asked_section_numbers` of `question` asked of `document`: a number asked after a
    name only of the document named like it (numbered_sections.sections_asked: "Harbor 2.0.0"
    of harbor/CHANGELOG.md, never of the Ledger changelog's "## [2.0.0] - 2024-06-30")."""
    asked = _named_numbers(question)
    return sections_asked(list(asked), document) if asked else []


@lru_cache(maxsize=QUESTIONS_READ)
def _named_numbers(question: str) -> tuple[Asked, ...]:
    """The `asked_section_numbers` of `question`, each with the capitalised word written just
    before it, not opening the question, as the name it is asked of ("Harbor" of "When was
    Harbor 2.0.0 released?"; none after a cue word, "version 2.0.0")."""
    numbers = asked_section_numbers(question)
    cued = {a.number for a in asked_numbers(question) if a.cued}
    return tuple(Asked(n, "" if n in cued else _name_before(question, n)) for n in numbers)


def _name_before(question: str, number: str) -> str:
    """The capitalised word just before `number` in `question`, not its first word, or ""."""
    match = re.search(rf"([^\W\d_][\w-]*)\s+\[?{re.escape(number)}(?![\w.]*\d)", question)
    if match is None or not question[: match.start(1)].strip():
        return ""
    word = match.group(1)
    return word if word[:1].isupper() else ""


def named_documents(question: str, documents: list[Document]) -> set[str]:
    """The ids of those of `documents` the question names: by document_names.named_among, else
    by a capitalised word written past its first ("When did the Harbor booking service ship
    2.0.0?") that is a word of their titles or ids and not of all of them; none otherwise."""
    named = named_among(question, documents)
    if named or len(documents) < 2:
        return named
    names = _capitalised_words(question)
    words = _title_words(documents)
    named = {doc_id for doc_id, held in words.items() if names & held}
    return set() if len(named) == len(documents) else named


def naming_words(question: str, documents: list[Document], named: set[str]) -> frozenset[str]:
    """The words (folded) by which `question` names those of `documents` it names (`named`, of
    `named_documents`) by a capitalised word of their titles or ids (its second way):
    "doliprane" of "Combien de comprimés de Doliprane … ?"; none when it names them otherwise or
    not at all."""
    words = _title_words([document for document in documents if document.doc_id in named])
    return frozenset(_capitalised_words(question) & set().union(*words.values()))


def _capitalised_words(question: str) -> set[str]:
    """The capitalised words of `question` past its first, folded."""
    return {fold(word) for word in _CAPITALISED.findall(question[1:])}


def _title_words(documents: list[Document]) -> dict[str, set[str]]:
    """Each document's title and id words, folded, by id."""
    return {d.doc_id: {fold(w) for w in _WORD.findall(f"{d.title} {d.doc_id}")} for d in documents}


_CAPITALISED = re.compile(r"(?<![\w.'’-])[A-Z][^\W\d_]+")
_WORD = re.compile(r"[^\W_]+")


def states_asked_value(question: str, text: str, numbers: list[str]) -> bool:
    """Whether `text`, a heading or title line, opens with one of the `numbers` `question` asks
    of its document (`numbers_of_document`) and writes, past it, a value of each kind the
    question asks."""
    opening = opening_number(text)
    if opening is None or opening not in numbers:
        return False
    at = text.find(opening)
    if at < 0:  # an ordinal's number ("Article premier") is not written
        return False
    rest = text[at + len(opening) :]
    return all(writes_kind(kind, rest) for kind in kinds_asked(question))


def answers_asked_number(question: str, text: str) -> bool:
    """Whether `text` writes a number `question` asks (`asked_section_numbers`) as a whole
    number ("2.0.0", not "2.0.0-rc1" nor "12.0.0") and a value of each kind it asks: "Release
    2.0.1 shipped on 2026-01-27" answers "When was 2.0.1 released?", "RabbitMQ is switched off
    after the 2.0.0 release." no "When was 2.0.0 released?"."""
    written = any(
        re.search(rf"(?<![\w.]){re.escape(number)}(?![\w-]|\.\d)", text)
        for number in asked_section_numbers(question)
    )
    return written and all(writes_kind(kind, text) for kind in kinds_asked(question))
