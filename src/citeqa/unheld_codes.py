"""A question naming a record by a long number or a code ("order 51877", "error E52") answered
by a quote of another record of that kind ("Refund for order 48213", "Error E47 means…").

The answer layer quoted order 48213's refund row for "What was the refund for order 51877?"
(.64) and E47's line for "What does error E52 mean?" (s25 trial): the id weighs as one word
among the question's, and every other word matched. unheld_numbers.py keys only numbers of at
most three digits that lie outside a series, and identifiers.py leaves codes out by design (a
code a question writes is often a paraphrase: "TULIP-2" for "TULIP 2"). What is checked here is
narrower: the question writes an id (`asked_codes`):

- a number of four digits or more after a key word (`KEYED_LONG`: "order 51877", "commande
  n° 50321", "ticket #1042"; not a year, nor a number after a stopword or function word: "above
  1000 €" asks an amount);
- or a code of capitals then digits (`CODE`: "E52", "VT-100", "HD-0042"),

and neither the answer's quotes, the sections they are cited under nor their documents write
it, while the quotes write another id of its shape (`same_shape`: as many digits after the
same key, or the same capitals before a number): they quote another record, so the answer
abstains naming theirs. A quote writing the asked id, or no other of its shape (a paraphrase,
a summary), or standing in a document that writes it, stands.

No I/O; no word list (the key words and stopwords are the language data's: unheld_numbers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.record_ids import YEAR_LEAD, hyphens_as_ascii
from citeqa.unheld_numbers import KEY_WORD, asked_keyed, writes_whole

__all__ = [
    "CUT_MARK",
    "UnheldCode",
    "asked_codes",
    "grouped_numbers",
    "groups_joined",
    "id_writings",
    "unheld_code",
]

KEYED_LONG = re.compile(
    KEY_WORD + r"[ \t]*(?i:#|n[°º]|no\.?)?[ \t]*(?P<number>\d{4,})"
    r"(?![\w]|[.,]\d)"
)
"""A key word then a whole number of four digits or more ("order 51877", "commande n° 50321",
"Invoice No. 51877", "Facture nº 51877")."""
CODE = re.compile(
    rf"(?<![\w.-])(?P<key>{YEAR_LEAD}-[A-Z]{{1,4}}(?=-)|[A-Z]{{1,4}}-[A-Z]{{1,3}}\d{{0,2}}(?=-\d)"
    r"|[A-Z]{1,4})-?(?P<number>\d{1,6})(?![\w]|[.,-]\d)"
)
"""A code: one to four capitals, maybe after a year and a hyphen (record_ids.YEAR_LEAD:
"2025-A-030", its key "2025-A", a hyphen then after its capitals: "2025-Q3", "2025-W12" are a
quarter and a week, no code) or before a hyphen and a group of one to three capitals and at
most two digits, itself before a hyphen and digits (a course code "DS-M2-107", its key
"DS-M2": s33 trial n03, its room asked of another course's row), maybe a hyphen, then digits
("E52", "VT-100", "HD-0042");
not a part of a longer word, a version ("v2.3") or a date ("Q3-2026" is read as no code)."""
_GROUPED = re.compile(r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)")
"""A number written in digit groups of three after a first of one to three digits, spaced by
a space, no-break or narrow no-break space ("51 877"); "51877 100" is two numbers."""
_GROUP_SPACE = re.compile(r"[ \u00a0\u202f]")
HELD_NAMED = 3
"""How many ids of the quotes the reason names."""
CUT_MARK = "…"
"""What ends a question cut inside a word by its length limit (questions.clean_question): a
keyed number before it is the start of an id (`AskedId.cut`), written by a text writing any
number starting so, and another by any number after its key (s26 hostile probe: an order of
5,000 digits cut to 1,970 was answered by order 48213's line). Its writer imports it from here,
its one reader: questions.py imports this module (grouped_numbers, id_writings), so the mark
defined there would make an import cycle."""


class AskedId(NamedTuple):
    written: str
    """As the question writes it ("order 51877", "E52")."""
    key: str
    """Its key folded ("order"), or its capitals ("E")."""
    number: str
    """Its digits ("51877", "52")."""
    coded: bool
    """A code (`CODE`), not a keyed long number (`KEYED_LONG`)."""
    cut: bool = False
    """A keyed number the question's length limit cut (`CUT_MARK` after it): its start only."""


class UnheldCode(NamedTuple):
    asked: str
    """The id as the question writes it."""
    held: list[str]
    """The ids of its shape the quotes write instead."""


def asked_codes(question: str) -> list[AskedId]:
    """The long keyed numbers and the codes `question` writes (the module's rules; the record
    identifiers a question looks up, "INC-2025-07", are record_ids.asked_ids'). A number typed
    in digit groups of three is read joined, as the quotes are (`groups_joined`: "ticket 51 878"
    asks ticket 51878; it was invisible to the check, and ticket 51 877 was quoted: s29 hostile F5);
    numbers that are not such groups stay apart ("between 12 and 15", "2 3 4")."""
    joined = groups_joined(question)
    origin = _origins(question)
    found = [
        AskedId(
            question[origin[m.start()] : origin[m.end() - 1] + 1],  # as typed: "ticket 51 878"
            fold(m["key"]),
            m["number"],
            False,
            joined[m.end() :] == CUT_MARK,
        )
        for m in asked_keyed(KEYED_LONG, joined)
    ]
    found += [
        AskedId(m.group(), m["key"], m["number"], coded=True) for m in CODE.finditer(question)
    ]
    return found


def unheld_code(
    question: str, quoted: Sequence[str], documents: Sequence[str] = ()
) -> UnheldCode | None:
    """The first id the question writes that none of `quoted` (the answer's quotes and the
    sections they are cited under) nor of `documents` (the quoted documents' texts) writes
    while the quotes write others of its shape, with those; None when there is none. A quoted
    document writing the asked id is about it: "Where does the spare impeller for BH-17 come
    from?" is answered "from BH-09" by a thread on BH-17 (s22 trial); not so for an id the
    question's limit cut (`AskedId.cut`): a document writing some id starting so may be about
    another record, the quotes must write it."""
    ids = asked_codes(question)
    if not ids:
        return None
    joined_quotes: list[str] | None = None  # joined only for an id the quotes hold others of
    joined_documents: list[str] | None = None  # and the documents only past the quotes
    for asked in ids:
        held = sorted({other for text in quoted for other in same_shape(text, asked)})
        if not held:
            continue
        if joined_quotes is None:
            joined_quotes = [_comparable(text) for text in quoted]
        if any(_writes(text, asked) for text in joined_quotes):
            continue
        if not asked.cut:  # a cut id: the quotes' own writing only
            if joined_documents is None:
                joined_documents = [_comparable(text) for text in documents]
            if any(_writes(text, asked) for text in joined_documents):
                continue
        return UnheldCode(asked.written, held[:HELD_NAMED])
    return None


def id_writings(number: str) -> list[str]:
    """The other ways a text writes the number `number` (digits) that this module reads as the
    same id (`_writes`: its digit groups joined, leading zeros aside): without its leading
    zeros ("51877" for "0051877") and in digit groups of three spaced ("51 877"); none for a
    number of fewer than four digits, which no key word makes an id (`KEYED_LONG`). What the
    question's terms count as the number when the corpus never writes it as typed
    (questions.analyse: s26 hostile probe, "commande 51877" refused on a note writing
    "commande 51 877", "order 0051877" on one writing "order 51877")."""
    plain = number.lstrip("0") or "0"
    if len(plain) < 4 or not plain.isdigit():
        return []
    head = len(plain) % 3 or 3
    grouped = " ".join([plain[:head], *(plain[at : at + 3] for at in range(head, len(plain), 3))])
    return [written for written in (plain, grouped) if written != number]


def grouped_numbers(text: str) -> list[tuple[int, int, str]]:
    """Each number `text` writes in digit groups ("51 877"), as this module joins them
    (`groups_joined`): its start, its end and its digits ("51877")."""
    return [(found.start(), found.end(), _digits(found)) for found in _GROUPED.finditer(text)]


def groups_joined(text: str) -> str:
    """`text` with French digit groups joined ("51 877" read 51877)."""
    return _GROUPED.sub(_digits, text)


def _origins(text: str) -> list[int]:
    """For each character of `groups_joined(text)`, its index in `text`: the reason names an id as
    the question typed it ("ticket 51 878", not the joined "ticket 51878": review D of s29)."""
    origin: list[int] = []
    kept_from = 0
    for grouped in _GROUPED.finditer(text):
        origin += range(kept_from, grouped.start())
        origin += (at for at in range(grouped.start(), grouped.end()) if text[at].isdigit())
        kept_from = grouped.end()
    return origin + list(range(kept_from, len(text)))


def _digits(grouped: re.Match[str]) -> str:
    """The digits of a number found written in digit groups (`_GROUPED`): "51 877" → "51877"."""
    return _GROUP_SPACE.sub("", grouped.group())


def _comparable(text: str) -> str:
    """`text` with its digit groups joined (`groups_joined`) and every hyphen record_ids reads
    between an id's groups as "-" (hyphens_as_ascii), as `_writes` reads it: made once per
    text, not once per asked id."""
    return hyphens_as_ascii(groups_joined(text))


def _writes(joined: str, asked: AskedId) -> bool:
    """Whether `joined` (a text as `_comparable` writes it) writes the asked id's
    number as a whole number, leading zeros aside, a code's after its capitals glued or after
    a space or a hyphen ("E-052" for "E52", "FY 2024" for "FY2024"): unheld_numbers.writes_whole;
    a number cut by the question's length limit (`AskedId.cut`) as the start of one. A key
    with hyphens is written with each of them as a space, a slash or nothing too, all alike
    (`_key_writings`: "PL/SQL 2" for "PL-SQL-2", "DS M2 107" and "DSM2-107" for "DS-M2-107").
    Every hyphen record_ids reads between an id's groups counts as "-" (s34 hostile M1:
    "HT\u2011INV\u20114483", typed with non-breaking hyphens, was claimed never written for
    "HT-INV-4483")."""
    if asked.cut:  # an all-zero start is still one digit: never the empty pattern
        start = asked.number.lstrip("0") or "0"
        return re.search(rf"(?<![\d.,])0*{start}", joined) is not None
    keys = _key_writings(asked.key) if asked.coded else [""]
    return any(writes_whole(joined, int(asked.number), key) for key in keys)


_KEY_JOINS = ("-", " ", "/", "")
"""How a text joins the parts of a code's key ("PL-SQL", "PL SQL", "PL/SQL", "PLSQL")."""


def _key_writings(key: str) -> list[str]:
    """The ways a text writes a code's `key`: as asked, and for a key with hyphens ("DS-M2",
    "EN-ISO", "A-B-C") with every one of them replaced by the same join, each of `_KEY_JOINS`
    in turn ("A B C", "A/B/C", "ABC"; no mixed "A B-C"). s33 review: "EN ISO 9001" was said
    never to be written for "EN-ISO-9001"."""
    if "-" not in key:
        return [key]
    return [key.replace("-", join) for join in _KEY_JOINS]


def same_shape(text: str, asked: AskedId) -> list[str]:
    """The other ids of `asked`'s shape `text` writes, as written: a code of the same capitals
    ("E47" for "E52"), or a number of as many digits after the same key ("order 48213"), of
    any length for a number the question's limit cut; the asked id written in another case
    ("Order 51877") is none."""
    if asked.coded:
        found = {m.group() for m in CODE.finditer(text) if m["key"] == asked.key}
    else:
        digits = len(asked.number)
        found = {
            m.group()
            for m in KEYED_LONG.finditer(text)
            if fold(m["key"]) == asked.key and (asked.cut or len(m["number"]) == digits)
        }
    return sorted(other for other in found if other.casefold() != asked.written.casefold())
