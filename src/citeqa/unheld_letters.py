"""A short letter key asked after its noun ("tranche E", "zone UC", "catégorie C", "Plan B")
that the quoted documents write siblings of (tranche A to D, zone UA and UB) but never itself.

The answer layer quoted tranche A's row for "Quel est le prix du repas pour la tranche E ?" on a
price list of tranches A to D, and zone UA's height rule for "la hauteur maximale en zone UC"
on a plan of zones UA, UB and N (s32 trial n04, n10): a letter weighs nothing among the
question's words, and every other word matched. unheld_codes.py reads codes of letters THEN
digits ("E52"), record_ids.py identifiers with digit groups; a key of capital letters alone is
read here, and only where the documents show it as a key of that noun:

- the question writes a noun (a word of three letters or more, no stopword, not its first word:
  "Combien TTC" asks no key) then a key of one to three capitals (`ASKED`), not followed by a
  number ("article UA 10" asks an article) nor part of a longer word;
- the answer's quoted documents write at least `MIN_SIBLINGS` other keys of that noun: after it
  ("Zone UA — centre ancien", "zone UB") or in a table column it heads (`| Tranche | … |` over
  rows `| A |`, `| B |`);
- none of the documents read for the question (the quoted ones and those of the passages
  ranked) writes the asked one so, nor, for a key of two letters or more, anywhere as a word
  ("UC" alone: a document writing it may speak of it in any way); a single letter is read only
  after its noun or in its column, as "E" is a word of many texts.

Then the quotes are of another record of the series, and the answer abstains naming the
siblings the quoted documents write, in their order (at most `SIBLINGS_NAMED`). No I/O; the
documents' texts are read only for a question writing such a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.language import is_table_row
from citeqa.lexical import stopwords
from citeqa.models import Document
from citeqa.tables import table_of

__all__ = [
    "ASKED",
    "MIN_SIBLINGS",
    "SIBLINGS_NAMED",
    "AskedLetter",
    "UnheldLetter",
    "asked_letters",
    "unheld_letter",
]

ASKED = re.compile(
    r"(?<![\w-])(?P<noun>[^\W\d_][^\W\d_'’-]{2,})\s+(?P<key>[A-Z]{1,3})(?![\w-])(?!\s*\d)"
)
"""A noun, then a key of one to three capitals ("tranche E", "zone UC"), not part of a longer
word nor followed by a number ("article UA 10")."""
MIN_SIBLINGS = 2
"""How many other keys of the noun the quoted documents must write: one other ("prix HT" beside
"prix TTC") is a pair of qualifiers, no series of records."""
SIBLINGS_NAMED = 4
"""How many of the siblings a reason names, in the order the documents write them."""
_KEY = re.compile(r"[A-Z]{1,3}")
"""A key as a table's cell writes it, whole."""


class AskedLetter(NamedTuple):
    """A letter key the question writes: its noun as typed and folded, and the key."""

    noun: str
    folded: str
    key: str

    @property
    def written(self) -> str:
        return f"{self.noun} {self.key}"


class UnheldLetter(NamedTuple):
    """The key asked ("tranche E") and the siblings the quoted documents write, so named."""

    asked: str
    held: list[str]


def asked_letters(question: str) -> list[AskedLetter]:
    """The letter keys `question` writes after their nouns (`ASKED`), its first word and
    stopwords no nouns; a noun written all in capitals is none either ("TVA E")."""
    first = re.search(r"[^\W\d_]+", question)
    found = []
    for match in ASKED.finditer(question):
        noun = match["noun"]
        folded = fold(noun)
        if first is not None and match.start() == first.start():
            continue
        if folded in stopwords() or noun.isupper():
            continue
        found.append(AskedLetter(noun, folded, match["key"]))
    return found


def unheld_letter(
    question: str, quoted: Sequence[Document], read: Sequence[Document]
) -> UnheldLetter | None:
    """The first letter key the question asks that none of the `read` documents (and `quoted`)
    writes while the `quoted` documents write `MIN_SIBLINGS` other keys of its noun, with
    those; None when there is none."""
    for asked in asked_letters(question):
        siblings = [
            key
            for key in dict.fromkeys(_keys_of(asked.noun, [d.text for d in quoted]))
            if key != asked.key
        ]
        if len(siblings) < MIN_SIBLINGS:
            continue
        texts = [document.text for document in [*quoted, *read]]
        if _writes(asked, texts):
            continue
        named = siblings[:SIBLINGS_NAMED]
        return UnheldLetter(asked.written, [f"{asked.noun} {key}" for key in named])
    return None


def _after_noun(noun: str) -> re.Pattern[str]:
    """The noun, in any case, then a key of capitals (as `ASKED` reads one)."""
    return re.compile(
        rf"(?<![\w-])(?i:{re.escape(noun)})\s+(?P<key>[A-Z]{{1,3}})(?![\w-])(?!\s*\d)"
    )


def _keys_of(noun: str, texts: Iterable[str]) -> Iterable[str]:
    """The keys the texts write after `noun` or in a table column `noun` heads, in order."""
    pattern = _after_noun(noun)
    folded = fold(noun)
    for text in texts:
        yield from (match["key"] for match in pattern.finditer(text))
        yield from _column_keys(folded, noun, text)


def _column_keys(folded: str, noun: str, text: str) -> Iterable[str]:
    """The keys (whole cells of capitals) of each table column of `text` whose header cell is
    `noun` (folded); a table is read once, where its header row names the noun."""
    for match in re.finditer(rf"(?i:{re.escape(noun)})", text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        if not is_table_row(text[start : end if end >= 0 else len(text)]):
            continue
        table = table_of(text, match.start())
        if table is None or not table[0] or table[1][0][0] != start:
            continue  # the noun is in no header row
        header, *rows = table[0]
        for at, cell in enumerate(header):
            if fold(cell) == folded:
                yield from (
                    row[at].strip()
                    for row in rows
                    if at < len(row) and _KEY.fullmatch(row[at].strip())
                )


def _writes(asked: AskedLetter, texts: Iterable[str]) -> bool:
    """Whether a text writes the asked key after its noun or in the noun's column, or, for a
    key of two letters or more, anywhere as a word."""
    alone = re.compile(rf"(?<![\w-]){asked.key}(?![\w-])") if len(asked.key) > 1 else None
    for text in texts:
        if alone is not None and alone.search(text):
            return True
        if asked.key in _keys_of(asked.noun, [text]):
            return True
    return False
