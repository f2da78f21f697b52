"""Acronyms of terms written in lower case, derived from the corpus at build time: "AG" for
"assemblée générale", "CA" for "conseil d'administration", "AGM" for "annual general meeting",
when the corpus itself writes those initials as a word in capitals.

acronyms.py reads a spelt-out form only from capitalised runs and sentence-case titles, and
keeps acronyms of three letters at least (two-letter ones collide): a club's minutes writing
"assemblée générale" twenty times and "AG" only in their file names ("PV_AG_2025-06-14.md") and
once in another file never gave AG, and "Combien de membres étaient présents à l'AG du 14 juin
2025 ?" quoted that one mention (s29 trial). Here:

- a document's candidates (`document_terms`) are the stretches of its runs of lower-case words
  (the first may be capitalised, opening a sentence; words joined by blanks on one line or by
  an elision's apostrophe, "d'administration"), from a word giving an initial to such a word,
  of MIN_INITIALS to MAX_INITIALS initials, holding no stopword of the language data ("cases
  of neonatal", "sender and delete" are no terms; an elided letter gives no initial:
  "conseil d'administration" is CA), whose initials the same document writes as a word in
  capitals, in its text or its file name (`written_initials`): a document spelling a term
  out and naming it by its initials. Initials its text writes count only when one sentence
  writes them beside the form at least once ("L'assemblée générale (AG) se réunit…"; "Orders
  to CA ship free." apart from "Customer accounts are reviewed" is no CA; s30 review A);
  initials only its file name writes ("PV_AG_2025-06-14.md") need no such sentence. A corpus
  writing "QT" in one paper and "quadriceps tension" in another never reads one as the other;
- the build keeps an acronym (`chosen_terms`) only when no capitalised form already gave it
  (acronyms.py) and one form clearly dominates the others of the same initials: written
  MIN_TERM_COUNT times at least, DOMINANCE times as often as the next, and more often than the
  acronym itself is written as a word (acronyms.py's rule), and no form one word longer holding
  it is written FRAGMENT_SHARE as often ("mass index" is a piece of "body mass index", "complex
  regional pain" of "… syndrome"). Two letters collide often: "CA" may be a "chiffre
  d'affaires" as well as a "conseil d'administration"; a corpus writing both often gets
  neither.

Pure functions; the stopwords are the language data's (lexical.stopwords).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from citeqa.acronyms import KEY_SEPARATOR, AcronymCounts, searchable
from citeqa.lexical import fold, stopwords

__all__ = ["chosen_terms", "document_terms", "written_initials"]

MIN_INITIALS = 2
"""The fewest initials of a term's acronym ("AG", "CA")."""
MAX_INITIALS = 4
"""The most initials of a term's acronym (a longer lower-case run is read in stretches)."""
MAX_WRITTEN = 6
"""The most letters of a word in capitals counted as written initials."""
MIN_TERM_COUNT = 3
"""The fewest times the corpus's counted stretches write a form for it to be chosen."""
DOMINANCE = 2.0
"""How many times as often as the next form of the same initials the chosen form is written."""
FRAGMENT_SHARE = 0.5
"""A form is a longer term's piece, never chosen, when a form one word longer holding it
("body mass index" for "mass index", whose MI is a "myocardial infarction") is written at
least this share as often."""
STRETCH_WORDS = 2 * MAX_INITIALS
"""The most words (stopwords and elided letters included) one stretch spans."""
MAX_STRETCHES = 100_000
"""The most stretches read in one document: past it, the document is read no further (the
build's cost stays bounded whatever one document's length)."""
_LOWER = "".join(c for c in map(chr, range(0x530)) if c.islower() and c.isalpha())
"""The lower-case letters of the Latin, Greek and Cyrillic blocks (re has no such class)."""
_UPPER = "".join(c for c in map(chr, range(0x530)) if c.isupper())
_LOWER_WORD = rf"[{_LOWER}]+(?:[-‐‑][{_LOWER}]+)*"
_GAP = r"(?:[ \t\u00a0]+|['’])"
"""What joins two words of a run: blanks on one line, or an elision's apostrophe."""
_RUN = re.compile(
    rf"(?<![^\W\d_])(?<![^\W\d_][‐‑-])"  # no part of a word before it
    rf"(?:[{_UPPER}]?{_LOWER_WORD}|[{_UPPER}](?:[-‐‑]{_LOWER_WORD})?)"
    rf"(?:{_GAP}{_LOWER_WORD})+"
    rf"(?![^\W\d_]|[‐‑-][^\W\d_])"  # nor after it
)
"""A run of two words or more in lower case, the first maybe capitalised (opening a sentence)
or one capital alone ("L'assemblée")."""
_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")
_JOIN = re.compile(_GAP)
_BLANKS = " \t\u00a0"
"""The blanks of one line (a space, a tab, a no-break space)."""
_CAPITALS_WORD = re.compile(r"(?<![\w‐‑-])[^\W\d_a-zß-ÿ]{2,}(?![\w‐‑-])")
"""A word of letters that are not lower case (read as capitals when `str.isupper`)."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])[ \t\u00a0]+|\n")
"""What parts two sentences: a line's end, or a full stop, a question or exclamation mark or a
semicolon and blanks."""
_NAME_WORD = re.compile(r"[^\W\d_]+")
"""A word of a file name: its letters, apart from digits, "_", "-" and any other sign."""


def written_initials(text: str, name: str = "") -> frozenset[str]:
    """The words in capitals of MIN_INITIALS to MAX_WRITTEN letters `text` writes, or its file
    `name` (each of its words apart by any sign: "PV_AG_2025-06-14"), folded to capitals
    (acronyms.candidate_key's acronym: "ÉG" is "EG")."""
    words = _CAPITALS_WORD.findall(text) + _NAME_WORD.findall(name)
    return frozenset(
        fold(word).upper()
        for word in words
        if MIN_INITIALS <= len(word) <= MAX_WRITTEN and word.isupper()
    )


def document_terms(text: str, name: str = "") -> dict[str, int]:
    """How often `text` writes each candidate term whose initials it or its file `name` writes
    in capitals (`written_initials`), by acronyms.candidate_key; none when they write no such
    word."""
    initials = written_initials(text, name)
    if not initials:
        return {}
    in_text = written_initials(text)
    openings = _openings(initials)
    counts: Counter[str] = Counter()
    together: set[str] = set()
    for sentence in _SENTENCE_BREAK.split(text):
        near = written_initials(sentence)
        left = MAX_STRETCHES - counts.total()
        for key in itertools.islice(_stretches(sentence, initials, openings), left):
            counts[key] += 1
            if key.partition(KEY_SEPARATOR)[0] in near:
                together.add(key)
        if left <= 0:
            break
    return {
        key: count
        for key, count in sorted(counts.items())
        if key in together or key.partition(KEY_SEPARATOR)[0] not in in_text
    }


def _openings(initials: frozenset[str]) -> frozenset[str]:
    """Every beginning of the `initials` ("A", "AG", "AGM" of "AGM"), built once a document:
    rebuilt for each sentence, a glossary of 5,000 acronyms took 476 s to index (s31)."""
    return frozenset(word[:end] for word in initials for end in range(1, len(word) + 1))


def _stretches(text: str, initials: frozenset[str], openings: frozenset[str]) -> Iterator[str]:
    """The candidate key (acronyms.candidate_key) of each stretch of the text's lower-case
    runs whose initials are one of `initials` (a stretch is extended only while its initials
    open one of them, `openings`: the few the document writes bound the work)."""
    for run in _runs(text):
        words = [fold(word) for word, _ in run]
        letters = [_initial(word) for word in words]
        for first, letter in enumerate(letters):
            if letter not in openings:
                continue
            acronym, form = letter, words[first]
            for last in range(first + 1, min(len(run), first + STRETCH_WORDS)):
                if _is_stopword(words[last]):
                    break  # "cases of neonatal", "sender and delete": no term
                form += run[last][1] + words[last]
                if not letters[last]:
                    continue
                acronym += letters[last]
                if acronym not in openings:
                    break
                if acronym in initials and len(acronym) <= MAX_INITIALS:
                    yield acronym + KEY_SEPARATOR + form


def _initial(folded: str) -> str:
    """The initial a word of a run (folded) gives, in capitals: none for a stopword or a
    one-letter word (an elided "d'", "l'")."""
    if len(folded) < 2 or folded in stopwords():
        return ""
    return folded[0].upper()


def _is_stopword(folded: str) -> bool:
    """Whether a word of a run (folded) is a stopword of two letters or more (an elided letter
    is part of the term: "conseil d'administration")."""
    return len(folded) > 1 and folded in stopwords()


def _runs(text: str) -> Iterator[list[tuple[str, str]]]:
    """The runs of lower-case words of `text` (`_RUN`, found at C speed), each as its words,
    each with what joins it to the word before (" " or an apostrophe; "" for the first)."""
    for found in _RUN.finditer(text):
        run = found.group()
        words = _WORD.findall(run)
        joiners = ["", *(" " if gap[0] in _BLANKS else gap for gap in _JOIN.findall(run))]
        yield list(zip(words, joiners, strict=True))


def chosen_terms(
    counts: AcronymCounts, taken: set[str], written: Callable[[str], int]
) -> list[list[str]]:
    """[acronym, form] of each acronym no capitalised form gave (`taken`) whose most frequent
    counted form (`counts`: of `document_terms`) clearly dominates (the module's rules;
    `written`: how often the corpus writes a folded acronym as a word), most frequent first."""
    forms: dict[str, list[tuple[int, str]]] = defaultdict(list)
    extended: Counter[str] = Counter()
    for key, count in counts.counts.items():
        acronym, _, form = key.partition(KEY_SEPARATOR)
        if acronym not in taken:
            forms[acronym].append((count, form))
        for part in _less_one_word(form):
            extended[part] = max(extended[part], count)
    kept = []
    for acronym, found in forms.items():
        found.sort(key=lambda item: (-item[0], item[1]))
        count, form = found[0]
        runner_up = found[1][0] if len(found) > 1 else 0
        if count < MIN_TERM_COUNT or count < DOMINANCE * runner_up:
            continue
        if extended[form] >= FRAGMENT_SHARE * count:
            continue  # "mass index" of "body mass index": a longer term's piece
        if searchable(acronym) and written(acronym.lower()) < count:
            kept.append((count, acronym, form))
    kept.sort(key=lambda item: (-item[0], item[1]))
    return [[acronym, form] for _, acronym, form in kept]


def _less_one_word(form: str) -> tuple[str, ...]:
    """A form without its first word, and without its last ("body mass index": "mass index",
    "body mass"); none for a form of one word."""
    words = form.split(" ")
    if len(words) < 2:
        return ()
    return " ".join(words[1:]), " ".join(words[:-1])
