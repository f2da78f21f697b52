"""A table lookup of a key no table holds: "What is the default of --max-size?" on a manual
whose options table has `--min-size` and `--max-depth` but no `--max-size`.

The answer layer would quote a neighbouring row (`--min-size`, at confidence .80 in session
11's user trial) or the prose around the table. A question abstains here, before any sentence
is scored, when all of these hold:

- it names a key of a known kind (keyshapes.py: an option, a setting, a number, a code) that
  the corpus never writes in a form the build stored (QuestionTerms.unwritten_keys,
  questions.Vocabulary.writes_key), so no prose speaks of it and no row is named by it: a
  number after a cue word is looked for with its cue only ("code 42"), so for one a table
  beyond the evidence listing it as "| 42 |" is not seen;
- the evidence's passages hold a table looked up by keys of that kind (most of its first
  cells, two at least, are of it): the question asks that table for a row;
- no row of those passages' tables, whole, has a first cell that is one of the question's
  keys, written any way (`keyshapes.skeleton`: `max_size` for "--max-size").

A key the corpus writes, even in prose only, leaves the question to the answer models, as a
name the documents never write is a paraphrase as often as a near miss when no table of its
kind is in sight (evals/README.md, session 11's identifier rule, not shipped). The reason names
the closest keys of those tables, so the reader sees what the documents do list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from citeqa.keyshapes import cell_key, key_kind, skeleton
from citeqa.language import is_table_row
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank
from citeqa.tables import first_cells

__all__ = ["CLOSEST_NAMED", "UnheldKey", "unheld_key"]

CLOSEST_NAMED = 2
"""How many of the tables' keys the reason names as the closest to the asked one."""
MIN_KEYED_ROWS = 2
"""A table is looked up by keys of a kind when at least this many of its first cells, and at
least half of them, are of that kind."""


@dataclass(frozen=True)
class UnheldKey:
    """The key a lookup asks that no table holds, as the question writes it, and the keys of
    its kind the evidence's tables hold that are closest to it, as the tables write them."""

    key: str
    closest: list[str]


def unheld_key(terms: QuestionTerms, hits: Sequence[Hit], bank: SentenceBank) -> UnheldKey | None:
    """The key of a table lookup that no table of the evidence (`hits`, the passages the
    answer models read) holds, nor the corpus writes; None when the question asks none."""
    if not terms.unwritten_keys:
        return None
    tables = _tables(hits, bank)
    asked = {skeleton(key) for key in terms.keys}
    if any(skeleton(cell) in asked for cells in tables for cell in cells):
        return None
    for key in terms.unwritten_keys:
        kind = key_kind(key)
        keys = [cell for cells in tables for cell in _keys_of_kind(cells, kind)]
        if kind is not None and keys:
            return UnheldKey(key, closest(key, keys))
    return None


def _tables(hits: Sequence[Hit], bank: SentenceBank) -> list[list[str]]:
    """The keys (`keyshapes.cell_key`) of the first cells of each table that a passage of
    `hits` holds a row of, the whole table read (the rows outside the passage too), each
    table once."""
    spans: dict[tuple[str, int, int], None] = {}
    for hit in hits:
        chunk = hit.chunk
        for offset, line in _lines(chunk.text, chunk.start):
            if not is_table_row(line):
                continue
            span = bank.table_span(chunk.doc_id, offset)
            if span is not None:
                spans[(chunk.doc_id, *span)] = None
    return [
        [cell_key(cell) for cell in first_cells(bank.documents[doc].text, (start, end))]
        for doc, start, end in spans
    ]


def _lines(text: str, start: int) -> Iterable[tuple[int, str]]:
    """Each line of a passage with its offset in the document (the passage starting at
    `start`)."""
    offset = start
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def _keys_of_kind(cells: list[str], kind: str | None) -> list[str]:
    """The cells of a table that are keys of `kind`, when the table is looked up by such keys
    (MIN_KEYED_ROWS); [] otherwise."""
    if kind is None:
        return []
    keyed = [cell for cell in cells if key_kind(cell) == kind]
    return keyed if len(keyed) >= MIN_KEYED_ROWS and 2 * len(keyed) >= len(cells) else []


def closest(key: str, keys: list[str]) -> list[str]:
    """The CLOSEST_NAMED of `keys` nearest `key`, each once: those whose letters are most
    alike first (rapidfuzz's ratio over the skeletons without their digits), then those whose
    number is nearest ("BK-110" before "BK-101" for "BK-115"; 7 before 3 for 6), then the most
    alike whole."""
    asked = skeleton(key)

    def distance(cell: str) -> tuple[float, int, float]:
        held = skeleton(cell)
        letters = fuzz.ratio(_DIGITS.sub("", asked), _DIGITS.sub("", held))
        return -letters, abs(_number(held) - _number(asked)), -fuzz.ratio(asked, held)

    return sorted(dict.fromkeys(keys), key=distance)[:CLOSEST_NAMED]


_DIGITS = re.compile(r"\d+")
NUMBER_DIGITS = 18
"""A key's number is read from its first digits only: a cell of thousands of digits is no
number Python reads at once (int() refuses over 4,300), nor one a person compares."""


def _number(skeleton_: str) -> int:
    """The number a key's skeleton writes, its digits read together (0 for none)."""
    digits = "".join(_DIGITS.findall(skeleton_))[:NUMBER_DIGITS]
    return int(digits) if digits else 0
