"""Owns which tables kept under other names in other folders are an earlier period's edition
of a later table (superseded.earlier_periods reads the rest of a dated series).

A student's folder keeps last year's transcript as "L3/releve_notes_L3_2023-2024" beside this
year's "admin/notes_S3_export_2026-02-10": one list of marks, written in two folders under two
names, so no folder and name pairs them, and last year's 13 was quoted for "ma note en
apprentissage statistique" where this year's says 14,5 (s33 trial, a59). Two files are such
editions (`pair_tables`) when

- their paths write different years (the latest year each writes: its period's or its date's),
  in two folders;
- both open with a table whose header cells (TABLE_CELLS at least, case and accents aside) the
  later one writes all of: the same columns, the later list adding one ("Résultat");
- their names share a word (years, versions and separators aside; NAME_WORD_LETTERS letters at
  least) and may name one list (superseded._one_list_names: differing by words, none naming
  another data list, "previsionnel"; never the same name, "Clients/Dupont/facture" and
  "Clients/Martin/facture", s30 review G, nor a name the earlier one's extends otherwise than
  superseded._join_extended_names lets a later edition do);
- their texts are editions of one (superseded.shares_text).

Minutes or reports of successive years open with no table and stay each their year's (the s33
probe that paired any two shared texts of two years paired a club's general meetings, s29
trial). Each earlier file is compared with LATER_READ later files per name word it shares, the
latest first, so the comparisons grow with the files, not with their square.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from citeqa.lexical import fold

TABLE_CELLS = 2
"""The fewest header cells a table opening both files writes for them to be one list's
editions (`opening_header`): one column is a list of anything."""
NAME_WORD_LETTERS = 3
"""The fewest letters a word both names write has to tell they name one list ("notes"; not a
semester's "s3")."""
LATER_READ = 8
"""How many later files each earlier file is compared with at most, for each word of its name
(`pair_tables`)."""

LATER_LOOKED = 64
"""How many files writing a word of an earlier file's name are looked at, the latest first, for
the LATER_READ of other folders (`_later_candidates`): a folder of thousands of one name's
files is not walked for each of them."""


def opening_header(text: str) -> frozenset[str]:
    """The header cells, folded, of the table `text` opens with (its first line writing a
    letter or a digit, when it is a table's row: "| Code | Intitulé |"); empty when it opens
    with no table, or one of fewer than TABLE_CELLS cells."""
    first = next((line.strip() for line in text.splitlines() if re.search(r"\w", line)), "")
    if not first.startswith("|"):
        return frozenset()
    cells = frozenset(fold(cell).strip() for cell in first.strip("|").split("|"))
    cells -= {""}
    return cells if len(cells) >= TABLE_CELLS else frozenset()


class Named:
    """What `pair_tables` reads of each dated file: its name's words (years, versions and
    separators aside), its folder and the latest year its path writes."""

    def __init__(self, words: tuple[str, ...], folder: str, year: int) -> None:
        self.words = frozenset(words)
        self.folder = folder
        self.year = year
        self.telling = sorted(
            {word for word in words if sum(c.isalpha() for c in word) >= NAME_WORD_LETTERS}
        )


def pair_tables(
    named: dict[str, Named],
    header_of: Callable[[str], frozenset[str]],
    shares: Callable[[str, str], bool],
    one_list: Callable[[frozenset[str], frozenset[str]], bool],
) -> dict[str, str]:
    """Each file of `named` (dated files not yet of a series) that is an earlier period's
    edition of a later one (module docstring), and that one, the latest year's first.
    `header_of(doc_id)` gives the cells of the table a file opens with (`opening_header`),
    `shares(doc_id, other)` whether two files' texts are editions of one, `one_list(words,
    later_words)` whether an earlier and a later name's words may name one list's editions."""
    holding = _latest_first(named)
    found: dict[str, str] = {}
    for doc_id, mine in named.items():
        header = None
        for other in _later_candidates(mine, named, holding):
            if not one_list(mine.words, named[other].words):
                continue
            header = header_of(doc_id) if header is None else header
            if not header:
                break
            if header <= header_of(other) and shares(doc_id, other):
                found[doc_id] = other
                break
    return {doc_id: later for doc_id, later in found.items() if later not in found}


def _latest_first(named: dict[str, Named]) -> dict[str, list[str]]:
    """The files writing each telling name word, the latest year first."""
    holding: dict[str, list[str]] = {}
    for doc_id, name in named.items():
        for word in name.telling:
            holding.setdefault(word, []).append(doc_id)
    for files in holding.values():
        files.sort(key=lambda doc_id: -named[doc_id].year)
    return holding


def _later_candidates(
    mine: Named, named: dict[str, Named], holding: dict[str, list[str]]
) -> list[str]:
    """The later files of another folder sharing a telling word of `mine`, a file's name, LATER_READ
    at most for each word among its LATER_LOOKED latest files, the latest first."""
    found: list[str] = []
    for word in mine.telling:
        taken = 0
        for other in holding[word][:LATER_LOOKED]:
            if named[other].year <= mine.year or taken >= LATER_READ:
                break
            if named[other].folder != mine.folder:
                found.append(other)
                taken += 1
    if len(mine.telling) < 2:  # one word's files come the latest first already
        return found
    return sorted(dict.fromkeys(found), key=lambda other: (-named[other].year, other))


def dated_names(
    doc_ids: Sequence[str], words: Sequence[tuple[str, ...]], year_of: Callable[[str], int | None]
) -> dict[str, Named]:
    """Each of `doc_ids` whose path writes a year (`year_of`, the latest), with its name's
    `words` (one tuple an id) as `pair_tables` reads them."""
    found: dict[str, Named] = {}
    for doc_id, name_words in zip(doc_ids, words, strict=True):
        if (year := year_of(doc_id)) is not None:
            found[doc_id] = Named(name_words, doc_id.rpartition("/")[0], year)
    return found
