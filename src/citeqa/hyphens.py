"""The hyphens and dashes read as "-", in one place: which characters stand for a hyphen depends
on what is read, so each set is named for its reader rather than written out where it is used.

- `WORD_HYPHENS`: the hyphens a word may be written with ("baby‑sitter"): ASCII's, Unicode's
  hyphen and non-breaking hyphen (questions.py, abstention.py, extended_names.py). No dash: a
  question's "2019–2020" or "Lyon – Paris" is two words.
- `ID_HYPHENS`: those between an identifier's groups ("HT‑INV‑4483", "PRJ–12"): the word
  hyphens, the en dash and the minus sign a word processor types (record_ids.py, s33 hostile
  probe M2). Each is one character, so a text read with them as "-" keeps every offset.
- `OPTION_DASHES`: the typographic dashes documents write for a command-line option's "-"
  ("‐‐max‐size", "−−max−size", "–max-size"): groff's hyphen U+2010 to the horizontal bar U+2015,
  and the minus sign (identifiers.py).
"""

from __future__ import annotations

WORD_HYPHENS = "-\u2010\u2011"
"""A word's hyphens: ASCII's, Unicode's hyphen and the non-breaking hyphen."""

ID_HYPHENS = WORD_HYPHENS + "\u2013\u2212"
"""An identifier's hyphens: a word's, the en dash and the minus sign."""

OPTION_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""The dashes written for an option's '-': U+2010 to U+2015 and the minus sign."""

WORD_HYPHENS_AS_ASCII = str.maketrans(dict.fromkeys(WORD_HYPHENS[1:], "-"))
"""`str.translate` table making each of a word's hyphens "-", one character for one (every
offset kept): a compound's key (compounds.py)."""
ID_HYPHENS_AS_ASCII = str.maketrans(dict.fromkeys(ID_HYPHENS[1:], "-"))
"""The same for an identifier's hyphens, the en dash and the minus sign with them
(record_ids.hyphens_as_ascii)."""
