"""The kind of business document a document is and a question asks: invoice, credit note, quote….

A credit note named "banque/avoir_FAC-2025-002.txt" writes the invoice's id in its name and
labels its amount "Montant", so "Quel est le montant de la facture FAC-2025-002 ?" quoted its
"-50,00 €" (s35 hostile M6): its path names no id of other letters, which is all
field_answers.going_by_asked_ids read. The kind words are data (data/document_kinds.json,
English and French): a document's kind is the first kind its file name writes, else its first
non-blank line when it opens with one (a title), else its innermost folder naming one kind
only (`document_kind`); a question asks the
kind it names when it names one only (`asked_kind`). A kind word just before an identifier in a
text, maybe with a number mark between ("Avoir AV-2025-05", "Facture n° FA-2025-02"), writes
that identifier as a record's number (`written_as_record`: record_ids.own_record reads such an
id as no date stamp; s35 hostile M7).

No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from functools import cache

from citeqa.folding import fold
from citeqa.jsonfiles import data_json

FIRST_LINE_CHARS = 300
"""How much of a document's first non-blank line is read for its kind: a title line."""
BESIDE_CHARS = 40
"""How many characters before an identifier are read for a kind word and a number mark."""


@cache
def _number_marks() -> str:
    """The pattern alternatives of the number marks (document_kinds.json, folded: "n°")."""
    data = data_json("document_kinds.json")
    return "|".join(re.escape(fold(mark)) for mark in data["number_marks"])


def _kind_word(match: re.Match[str]) -> str:
    """The kind word `match` found, its blanks read as one space ("facture  d'avoir")."""
    return re.sub(r"\s+", " ", match.group())


@cache
def _kinds() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """The pattern finding any kind word (folded, whole, longest first: "facture d'avoir"
    before "facture"), the kind of each word, and the pattern of a kind word closing a text
    but for a number mark and blanks."""
    data = data_json("document_kinds.json")
    kind_of = {fold(word): kind for kind, words in data["kinds"].items() for word in words}
    words = sorted(kind_of, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    marks = _number_marks()
    found = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    closing = re.compile(rf"(?<!\w)(?:{alternatives})(?:\s*(?:{marks}))?\s*$")
    return found, kind_of, closing


@cache
def _ambiguity() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """The kind words a sentence also writes as verbs ("avoir", "quote"), the pattern of a
    determiner or elision closing the text before one ("l'", "un ", "the "), and the pattern
    of an identifier or a number mark opening the text after one ("AV-2025-05", "n° 12")."""
    data = data_json("document_kinds.json")
    determiners = sorted((fold(word) for word in data["determiners"]), key=len, reverse=True)
    elided = "|".join(re.escape(word) for word in determiners if word[-1] in "'’")
    spaced = "|".join(re.escape(word) for word in determiners if word[-1] not in "'’")
    marks = _number_marks()
    before = re.compile(rf"(?:(?<!\w)(?:{elided})|(?<!\w)(?:{spaced})\s+)$")
    identifier = r"[a-z0-9]*\d[a-z0-9]*(?:[-/.][a-z0-9]+)+|[a-z]+-?\d+"
    after = re.compile(rf"\s*(?:(?:{marks})|(?:{identifier})(?!\w))")
    return frozenset(fold(word) for word in data["ambiguous"]), before, after


def _names_a_kind(folded: str, match: re.Match[str]) -> bool:
    """Whether the kind word `match` found in `folded` names a document kind: always, but an
    ambiguous word only after a determiner or elision, right before an identifier or a
    number mark, or written alone ("Peut-on avoir le total" asks no credit note)."""
    ambiguous, before, after = _ambiguity()
    if _kind_word(match) not in ambiguous:
        return True
    if folded[: match.start()].strip() == "" and folded[match.end() :].strip() == "":
        return True
    return bool(before.search(folded, 0, match.start()) or after.match(folded, match.end()))


def kinds_in(text: str) -> list[str]:
    """The kinds `text` names (folded, underscores read as blanks), in the order written; an
    ambiguous word ("avoir", "quote") only where it names a document (`_names_a_kind`)."""
    found, kind_of, _ = _kinds()
    folded = fold(text.replace("_", " "))
    return [
        kind_of[_kind_word(match)]
        for match in found.finditer(folded)
        if _names_a_kind(folded, match)
    ]


def document_kind(path: str, text: str) -> str | None:
    """The kind of the document at `path` (its id: folders then its file name) with `text`:
    the first kind its file name writes, else its first non-blank line's when the line opens
    with a kind word (a title: "Suite à notre devis du 3 mars" is no quote), else the
    innermost folder's naming one kind only; None when none does."""
    *folders, name = path.split("/")
    kinds = kinds_in(name)
    if kinds:
        return kinds[0]
    first_line = next((line for line in text[:2000].splitlines() if line.strip()), "")
    title_kind = _title_kind(first_line[:FIRST_LINE_CHARS])
    if title_kind:
        return title_kind
    for folder in reversed(folders):
        named = set(kinds_in(folder))
        if len(named) == 1:
            return named.pop()
    return None


def _title_kind(line: str) -> str | None:
    """The kind `line` names when it opens with a kind word ("Facture FAC-2025-002")."""
    found, kind_of, _ = _kinds()
    folded = fold(line.replace("_", " ")).lstrip(" #*-\t")
    match = found.match(folded)
    if match is None or not _names_a_kind(folded, match):
        return None
    return kind_of[_kind_word(match)]


def asked_kind(question: str) -> str | None:
    """The one kind `question` names ("la facture FAC-2025-002"), or None when it names none
    or several ("l'avoir sur la facture FAC-2025-002")."""
    kinds = set(kinds_in(question))
    return kinds.pop() if len(kinds) == 1 else None


def written_as_record(text: str, start: int) -> bool:
    """Whether the identifier starting at `start` in `text` follows a kind word, maybe with a
    number mark between ("Avoir AV-2025-05", "Facture n° FA-2025-02")."""
    before = fold(text[max(0, start - BESIDE_CHARS) : start].replace("_", " "))
    return _kinds()[2].search(before) is not None
