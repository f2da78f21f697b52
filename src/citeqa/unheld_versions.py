"""A version number a question asks of a named thing ("Python 3.13", "NumPy 1.30", "la
version 2.4") that no document of the folder writes.

"Does tidepool support Python 3.13?" quoted the changelog's "Support for Python 3.7 was
dropped." (s46 trial a16): "3.13" weighs as one word among the question's, and every other
word matched. A number the corpus never writes is a reason to abstain
(abstention.never_written), as a code identifier or a titled name is, when all of these hold
(`asked_versions`):

- the question writes a dotted number of two or three parts ("3.13", "1.30", "2.4.1"; dots
  only: "9,7" is a decimal) right after a word that keys it: two letters or more, no
  stopword, function word or interrogative ("at 1.5 T" asks a field strength), or glued to a
  "v" ("v3.13");
- no unit or currency follows it (unheld_years.unit_words: "1.5 mg", "2.5 km");
- its parts past the first are not all zeros: "version 2.0" is written "v2" or "version 2"
  as often, which the build stores as other terms;
- the corpus never uses its first two parts as a term (`questions.analyse` reads the
  vocabulary): the build stores "3.13.0" and "3.13.2" as "3.13", so a folder writing any
  release of 3.13 writes it, and "3.9" is written by a changelog of "3.9.1". A three-part
  version whose first two parts are written ("3.9.4" of a folder writing "3.9.1") is left to
  the answer's other checks: the build stores no third part.

No I/O; no word list (the key words' stopwords and the units are the language data's).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.unheld_numbers import keyless_words
from citeqa.unheld_years import unit_words

__all__ = ["AskedVersion", "asked_versions"]

_VERSION = re.compile(
    r"(?:(?<![\w.-])(?P<key>[^\W\d_]{2,})[ \t]+)?(?<![\w.-])(?P<v>v?)"
    r"(?P<number>\d+(?:\.\d+){1,2})(?![\w-]|[.,]\d)"
)
"""A dotted number of two or three parts, maybe after a "v" glued to it, and the word before it
("Python 3.13", "version v2.4", "the v3.13"); no decimal comma, no fourth part."""
_NEXT_WORD = re.compile(r"[ \t\u00a0\u202f]*([^\s,;:!?()«»“”\"']+)")


class AskedVersion(NamedTuple):
    typed: str
    """The number as the question writes it ("3.13", "v3.13")."""
    term: str
    """Its first two parts, the term the build stores of any release of it ("3.13")."""


def asked_versions(question: str) -> list[AskedVersion]:
    """The version numbers `question` asks of a named thing (the module's rules), in order."""
    found: list[AskedVersion] = []
    for match in _VERSION.finditer(question):
        key = match["key"]
        keyed = key is not None and fold(key) not in keyless_words()
        if not (keyed or match["v"]):
            continue
        parts = match["number"].split(".")
        if all(int(part) == 0 for part in parts[1:]) or _unit_follows(question, match.end()):
            continue
        typed = question[match.start("v") : match.end()]
        found.append(AskedVersion(typed, ".".join(parts[:2])))
    return found


def _unit_follows(question: str, end: int) -> bool:
    """Whether a unit or currency (unheld_years.unit_words) follows the number ending at `end`."""
    after = _NEXT_WORD.match(question, end)
    return after is not None and fold(after.group(1)).rstrip(".") in unit_words()
