"""Words a PDF hyphenated at a line's end ("senes-" over "cence"), made whole again when read.

A typesetter breaks a word at a syllable and marks it with a hyphen; a compound breaks at its
own hyphen ("tick-" over "borne"). Which one a break is gets measured in the document itself:
the joined word written elsewhere in it → a broken word, joined; else the hyphenated form
written elsewhere → a compound, kept; else both halves written elsewhere as words → a compound
("rule-" over "based" when "rule" and "based" are), kept; else joined (no half of a syllable
break stands alone: "senes", "cence"). Only letters around the break, the second half in lower
case: "COVID-" over "19", "-" over "Based", a dash alone are left as they are.

A joined word takes the rest of its token up to the line (its punctuation) and the line's
break stays after it, so lines keep their count and order ("senes-⏎cence. The lid" →
"senescence.⏎The lid"); a line that held only the rest of the word is merged. Written here:
pypdf's docs ("Post-Processing in Text Extraction") call joining hyphenated words out of its
scope, and their recipe joins every line-end hyphen, compounds ("well-known") too. Pure
functions, no I/O.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["join_hyphenated"]

_BREAK = re.compile(
    r"(?P<head>\b[^\W\d_]+)[-\u00ad\u2010]\n(?P<tail>[^\W\d_A-Z]+)(?P<rest>\S*)(?P<space>[ \t]?)"
)
"""A word's letters, a hyphen (or soft hyphen) ending the line, the next line's word in lower
case (its letters, then what stands to it up to a space: "cence." of "cence. The")."""
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")


def join_hyphenated(text: str) -> str:
    """`text` with each word hyphenated at a line's end joined, unless the document writes it
    elsewhere as a compound (the module's docstring says how it is decided)."""
    if "\n" not in text:
        return text
    written = _written_forms(text)
    return _BREAK.sub(lambda found: _mended(found, written), text)


def _mended(found: re.Match[str], written: Counter[str]) -> str:
    """The break as it should read: joined, or left as it is."""
    head, tail = found["head"], found["tail"]
    if not _broken_word(head, tail, written):
        return found.group(0)
    line_ends_after = found.end() >= len(found.string) or found.string[found.end()] == "\n"
    if line_ends_after or not found["space"]:
        return head + tail + found["rest"] + found["space"]
    return head + tail + found["rest"] + "\n"


def _broken_word(head: str, tail: str, written: Counter[str]) -> bool:
    """Whether `head`-`tail` is one word broken at a line's end (not a compound)."""
    joined, compound = (head + tail).casefold(), f"{head}-{tail}".casefold()
    if written[joined]:
        return True
    if written[compound]:
        return False
    return not (written[head.casefold()] and written[tail.casefold()])


def _written_forms(text: str) -> Counter[str]:
    """How often each word, and each hyphenated compound whole, is written away from a line's
    end (casefolded): the forms a line-end break is compared with."""
    unbroken = _BREAK.sub(" ", text)
    counts: Counter[str] = Counter()
    for found in _WORD.finditer(unbroken):
        word = found.group(0).casefold().replace("\u2010", "-")
        counts[word] += 1
        if "-" in word:
            counts.update(word.split("-"))
    return counts
