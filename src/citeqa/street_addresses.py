"""A line opening with a street address: "12 rue des Lilas", "4 Place Vendôme", "12 bis
avenue Foch", "221 Baker Street", "10 Downing St, London".

A letter's address line opens with a number and words, as a numbered heading does ("3
Results", "4 Data Collection"): after a sentence's end and over prose, "12 rue des Lilas,
75011 Paris" was read as a section heading (blocks.py, readers/pdfnumbered.py), so the
passages under it were cut and cited under the address (s43). A line is an address here
(`opens_street_address`) when it opens with a building's number (digits, a letter glued to
them at most: "221B"; no period after it, which numbers a list's item or a heading: "2.
Place of delivery", "3.1 Route"), then, before any comma or colon:

- a French street word (language data `street_words`, "fr": "rue", "place", "avenue") as its
  first or second word ("12 bis rue", "3 Grande Rue"), followed by a name: a word opening with
  a capital ("Place Vendôme", "avenue d'Italie") or a French particle (`street_name_openers`:
  "rue des Lilas"), not another word in lowercase ("1 Cours magistraux" is a heading, "1 Place
  the device on a flat surface" a step);
- or an English street word ("en": "street", "road", "lane") as its last word, after one word
  at least ("221 Baker Street", "10 Downing St"; "2 The Way Forward" ends on no street word).

A number that opens a street address on a line ending as no sentence does (`numbers_street`:
"12" in "Madame Dubois, 12 rue des Lilas, 75011 Paris") names a building, never a numbered
part: numbered_sections.py and unheld_numbers.py read no article 12 in it (s43: "Que dit
l'article 12 du contrat ?" quoted a letter's address).

Pure functions; the words are language data, read once.
"""

from __future__ import annotations

import re
from functools import cache

from citeqa.glossary import fold, language_words

__all__ = ["numbers_street", "opens_street_address"]

_ADDRESS = re.compile(r"\s*\d{1,5}[A-Za-z]?,?[ \t]+(?P<street>[^,:;\n]+)")
"""A building's number (a letter glued to it at most, a comma after it at most), then the
street up to a comma, a colon, a semicolon or the line's end ("4 Case Study: Downing Street"
is a heading)."""
_ELISION = re.compile(r"^[dl][’']", re.IGNORECASE)
"""An elided article or preposition opening a street's name ("d'Italie", "l'Église")."""
_WORD_EDGES = ".,;:()[]\"'’«»"
"""What a street's word is read without ("St.", "(Paris)")."""


def opens_street_address(line: str) -> bool:
    """Whether `line` opens with a building's number and a street (module docstring)."""
    found = _ADDRESS.match(line)
    if found is None:
        return False
    words = [word.strip(_WORD_EDGES) for word in found["street"].split()]
    words = [word for word in words if word]
    return _french_street(words) or _english_street(words)


ADDRESS_READ = 200
"""At most this many characters after a number are read for its street."""


SENTENCE_ENDS = ".;:!?"
"""What ends a line of prose: "1 Place the device on a flat surface." is a numbered step."""


def numbers_street(text: str, start: int) -> bool:
    """Whether the number at `start` of `text` opens a street address: its line (at most
    ADDRESS_READ characters) opens with one (`opens_street_address`) and ends as no sentence
    does (`SENTENCE_ENDS`: a step, "1 Place the device on a flat surface.", keeps its number)."""
    end = text.find("\n", start, start + ADDRESS_READ)
    line = text[start : start + ADDRESS_READ if end < 0 else end].rstrip()
    return opens_street_address(line) and line[-1:] not in SENTENCE_ENDS


def _french_street(words: list[str]) -> bool:
    """Whether the first or second of a street's `words` is a French street word followed by
    a name ("rue des Lilas", "bis avenue Foch", "Grande Rue" at the end: a name before it)."""
    for at, word in enumerate(words[:2]):
        if fold(word) not in _street_words("fr"):
            continue
        after = words[at + 1] if at + 1 < len(words) else ""
        if _names(after) or (at and not after):
            return True
    return False


def _names(word: str) -> bool:
    """Whether `word` opens a street's name: a capital (an elision aside: "d'Italie") or a
    French particle (language data `street_name_openers`: "des", "du", "de", "la"; not an
    English function word: "1 Place the device", "2 Passage to the next stage" are steps)."""
    bare = _ELISION.sub("", word)
    return bare[:1].isupper() or (bool(word) and fold(word) in _street_words_of("fr", "openers"))


def _english_street(words: list[str]) -> bool:
    """Whether the last of a street's `words`, after one at least, is an English street word
    ("Baker Street", "Downing St")."""
    return len(words) >= 2 and fold(words[-1]) in _street_words("en")


def _street_words(lang: str) -> frozenset[str]:
    return _street_words_of(lang, "streets")


@cache
def _street_words_of(lang: str, kind: str) -> frozenset[str]:
    """`lang`'s street words ("streets") or the particles opening a street's name ("openers")."""
    name = "street_words" if kind == "streets" else "street_name_openers"
    return language_words(name, lang)
