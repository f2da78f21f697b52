"""Owns the folding of a text into the form its words are compared in: lower-cased (casefold),
accents and other combining marks dropped (NFKD), zero-width characters and soft hyphens
dropped (visible.INVISIBLE), œ and æ spelt out ("Œuvre", "oeuvre"). lexical.py's tokens and
every module comparing folded words read it through `lexical.fold`; dates.py, which lexical.py
imports, reads it here (its month names folded as lexical's tokens are: s29 stop re-read, it
had a folding of its own). Also `unaccented`: accents dropped and œ and æ spelt out, case kept
(asked_names.py reads a name capitalised). No I/O.
"""

from __future__ import annotations

import unicodedata

from citeqa.visible import INVISIBLE

__all__ = ["fold", "unaccented"]

_LIGATURES = {ord("œ"): "oe", ord("æ"): "ae"}


class _FoldTable(dict[int, str | int | None]):
    """`fold`'s translation table, filled one character at a time as texts bring them: a
    combining mark or an `INVISIBLE` character maps to None (dropped), œ and æ to their
    letters, any other character to itself. str.translate looks each character up in C, so a
    folded text costs no Python loop over its characters (the table holds at most the
    characters the corpus uses)."""

    def __missing__(self, code: int) -> str | int | None:
        char = chr(code)
        dropped = unicodedata.combining(char) or char in INVISIBLE
        value = None if dropped else _LIGATURES.get(code, code)
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """`text` lower-cased, without accents or INVISIBLE characters, œ and æ spelt out."""
    if text.isascii():
        return text.lower()  # casefold and NFKD change no ASCII letter but its case
    return unicodedata.normalize("NFKD", text.casefold()).translate(_FOLD_TABLE)


_UNACCENTED = {code: None for code in range(0x300, 0x370)} | {
    ord("œ"): "oe",
    ord("æ"): "ae",
    ord("Œ"): "Oe",
    ord("Æ"): "Ae",
}


def unaccented(text: str) -> str:
    """`text` without accents, œ and æ spelt out, its case kept (as lexical.fold but the case)."""
    return unicodedata.normalize("NFKD", text).translate(_UNACCENTED)
