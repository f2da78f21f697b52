"""Words a PDF hyphenated at a line's end ("senes-" over "cence"), made whole again when read.

A typesetter breaks a word at a syllable and marks it with a hyphen; a compound breaks at its
own hyphen ("tick-" over "borne"). Which one a break is gets measured in the document itself,
all its pages at once (`join_hyphenated_pages`): the joined word written elsewhere in it → a
broken word, joined; else a compound the data knows ("après-" over "midi":
data/hyphenated_words.json) → kept; else a half that makes one word with the other (a suffix
or a second half written solid, "short-⏎ness", "work-⏎load"; a head such as "over-",
"hyper-": hyphenated_words.json) → joined unless the compound is written elsewhere (s22
review: the next rule kept "short-ness", main had joined it); else two halves that are words
(of three letters at least, written alone in the document or known: data/known_words.json) →
a compound, kept, unless the joined form is a known word ("low-dose", "end-points" kept;
"with-out" joined); else the hyphenated form written elsewhere → a compound, kept; else the
head a word written elsewhere that ends a compound ("state-of-the-" over "art") → kept; else
the second half written elsewhere as a word ("cross-" over "sectional" when "sectional" is) →
a compound, kept; else joined (no half of a syllable break stands alone: "senes", "cence").
A kept compound is read as one word too: its hyphen stays and the line's break moves after it
("pré-⏎demande en ligne" → "pré-demande⏎en ligne": a passage's preview read "pré- demande",
s21 trial).
Only letters around the break, the second half opening in lower case (a capital of any
alphabet leaves it alone: "Saint-" over "Étienne"): "COVID-" over "19", "-" over "Based", a
dash alone are left as they are. Measured on the 75 PDFs of the user trials (s14-s18): 5
distinct breaks, all joined ("senes-cence", "con-troller", "repli-cates", "cov-ered",
"treat-ment" of "pre-treat-ment"), none kept.

A joined word takes the rest of its token up to the line (its punctuation) and the line's
break stays after it, so lines keep their count and order ("senes-⏎cence. The lid" →
"senescence.⏎The lid"); a line that held only the rest of the word is merged. Written here:
pypdf's docs ("Post-Processing in Text Extraction") call joining hyphenated words out of its
scope, and their recipe joins every line-end hyphen, compounds ("well-known") too. Pure
functions; the two word lists are read from the package once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from citeqa.jsonfiles import data_json

__all__ = ["join_hyphenated_pages"]

_BREAK = re.compile(
    r"(?P<head>\b[^\W\d_]+)[-\u00ad\u2010]\n(?P<tail>[^\W\d_]+)(?P<rest>\S*)(?P<space>[ \t]?)"
)
"""A word's letters, a hyphen (or soft hyphen) ending the line, the next line's word (its
letters, then what stands to it up to a space: "cence." of "cence. The"); a tail opening on a
capital of any alphabet is left alone (`_breaks`)."""
HALF_LETTERS = 3
"""A half of a line-end break is read as a word of its own from this many letters ("low-⏎dose";
not "re-⏎lapse", whose "re" a document may write alone)."""
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_HYPHENS = "-\u2010"


def join_hyphenated_pages(pages: list[str]) -> list[str]:
    """Each of a document's pages with its words hyphenated at a line's end joined, the
    evidence (what the document writes elsewhere) read over all its pages at once."""
    if not any("\n" in page for page in pages):
        return pages
    written = _written_forms(pages)
    return [_joined(page, written) for page in pages]


def _breaks(text: str) -> Iterator[re.Match[str]]:
    """The line-end breaks of `text` whose next line goes on in lower case, in order. A loop
    rather than `finditer`: a break left alone because its tail opens on a capital of any
    alphabet ("Saint-⏎Étienne", "Monte-⏎Carlo-⏎based") must not swallow the break its tail
    heads."""
    found = _BREAK.search(text)
    while found is not None:
        if found["tail"][0].isupper() or found["tail"][0].istitle():
            found = _BREAK.search(text, found.start("tail"))
        else:
            yield found
            found = _BREAK.search(text, found.end())


def _joined(text: str, written: Counter[str]) -> str:
    """One text with its breaks mended."""
    pieces, position = [], 0
    for found in _breaks(text):
        pieces += [text[position : found.start()], _mended(found, written)]
        position = found.end()
    pieces.append(text[position:])
    return "".join(pieces)


def _mended(found: re.Match[str], written: Counter[str]) -> str:
    """The break as it should read: one word, joined or a compound keeping its hyphen, the
    line's break after it; a compound broken at a soft hyphen is left as it is."""
    head, tail = found["head"], _lower_start(found["tail"])
    last_part = _in_compound(found) and written[head.casefold()] > 0
    hyphen = found.string[found.end("head")]
    solid = _solid(head, tail) and not found["rest"].startswith(tuple(_HYPHENS))
    if _broken_word(head, tail, written, last_part, solid):
        hyphen = ""
    elif hyphen == "\u00ad":
        return found.group(0)
    word = head + hyphen + found["tail"] + found["rest"]
    line_ends_after = found.end() >= len(found.string) or found.string[found.end()] == "\n"
    if line_ends_after or not found["space"]:
        return word + found["space"]
    return word + "\n"


def _lower_start(tail: str) -> str:
    """The tail's letters up to its first capital ("cen" of "cenCE"): what is compared."""
    return next((tail[:at] for at, letter in enumerate(tail) if letter.isupper()), tail)


def _in_compound(found: re.Match[str]) -> bool:
    """Whether the head is the last part of a compound ("the" of "state-of-the-⏎art"): a
    hyphen between letters before it. A typesetter breaks such a compound at its own hyphens."""
    before = found.string[max(0, found.start("head") - 2) : found.start("head")]  # not the page
    return len(before) == 2 and before[-1] in _HYPHENS and before[-2].isalpha()


def _broken_word(head: str, tail: str, written: Counter[str], last_part: bool, solid: bool) -> bool:
    """Whether `head`-`tail` is one word broken at a line's end (not a compound): the joined
    word written elsewhere, yes; else the compound written elsewhere, or the head a word
    written elsewhere ending a compound (`last_part`: "the" of "state-of-the-⏎art", not "treat"
    of "pre-treat-⏎ment"), no; else a half that makes one word (`solid`: "short-⏎ness"), yes;
    else the tail a word of its own elsewhere ("cross-⏎sectional" where "sectional" is), no."""
    joined, compound = (head + tail).casefold(), f"{head}-{tail}".casefold()
    if written[joined]:
        return True
    words, compounds = _known_forms()
    if compound in compounds:
        return joined in words  # "après-midi": a compound, unless one word is known
    if solid:
        return not (written[compound] or last_part)
    if _is_word(head, written) and _is_word(tail, written):
        return joined in words  # "low-dose": a compound, unless one word is known
    return not (written[compound] or last_part or written[tail.casefold()])


def _solid(head: str, tail: str) -> bool:
    """Whether the head or the tail of a break makes one word with the other half rather than a
    compound ("over-⏎weight", "short-⏎ness": data/hyphenated_words.json)."""
    heads, tails = _solid_halves()
    return head.casefold() in heads or tail.casefold() in tails


def _is_word(half: str, written: Counter[str]) -> bool:
    """Whether a half of a break is a word of its own: of HALF_LETTERS letters at least, written
    alone in the document or a known word (known_words.json)."""
    folded = half.casefold()
    return len(half) >= HALF_LETTERS and (written[folded] > 0 or folded in _known_forms()[0])


@cache
def _known_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The known words of every language (citeqa/data/known_words.json) and the known
    hyphenated words (citeqa/data/hyphenated_words.json), casefolded, read once."""
    words = data_json("known_words.json")["words"]
    compounds = data_json("hyphenated_words.json")["words"]
    return (
        frozenset(word.casefold() for listed in words.values() for word in listed),
        frozenset(word.casefold() for listed in compounds.values() for word in listed),
    )


@cache
def _solid_halves() -> tuple[frozenset[str], frozenset[str]]:
    """The heads and the tails of every language that make one word with the other half of a
    break (citeqa/data/hyphenated_words.json), casefolded, read once."""
    listed = data_json("hyphenated_words.json")
    return (
        frozenset(half.casefold() for halves in listed["solid_heads"].values() for half in halves),
        frozenset(half.casefold() for halves in listed["solid_tails"].values() for half in halves),
    )


def _written_forms(pages: list[str]) -> Counter[str]:
    """How often each word, and each hyphenated compound whole, is written away from a line's
    end (casefolded) on any of the pages: the forms a line-end break is compared with."""
    counts: Counter[str] = Counter()
    for page in pages:
        unbroken, position = [], 0
        for found in _breaks(page):
            unbroken += [page[position : found.start()], " "]
            position = found.end()
        unbroken.append(page[position:])
        for found in _WORD.finditer("".join(unbroken)):
            word = found.group(0).casefold().replace("\u2010", "-")
            counts[word] += 1
            if "-" in word:
                counts.update(word.split("-"))
    return counts
